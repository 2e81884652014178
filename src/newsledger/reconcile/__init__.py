"""Cross-article reconciliation: a phase over the whole ledger, not a per-article stage.

Contract (used by ``store``/``ingest``; implemented in this package)::

    reconcile(annotated: Sequence[AnnotatedArticle], as_of: date | None = None)
        -> tuple[tuple[Event, ...], tuple[TrackedCommitment, ...]]

``annotated`` are the stored per-article annotations (no Doc); ``as_of`` is the date against
which commitments are judged overdue (default: the newest article's publication date).
The result must not depend on the order of ``annotated``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import AnnotatedArticle, Event, Location, Source, TrackedCommitment


def reconcile(
    annotated: Sequence[AnnotatedArticle], as_of: dt.date | None = None
) -> tuple[tuple[Event, ...], tuple[TrackedCommitment, ...]]:
    """Placeholder: one event per event mention, no merging, no commitments."""
    events = []
    for a in sorted(annotated, key=lambda x: x.article.id):
        for i, m in enumerate(a.events):
            loc = None
            if m.place is not None:
                p = m.place
                loc = Location(p.name, p.country, p.admin1, p.latitude, p.longitude, None, p.gazetteer_id)
            events.append(
                Event(
                    id=f"{a.article.id[:8]}-{i}",
                    event_type=m.event_type,
                    sub_event_type=m.sub_event_type,
                    date=m.date,
                    date_precision=m.date_precision,
                    actor1=m.actor1,
                    actor2=m.actor2,
                    assoc_actors=m.assoc_actors,
                    location=loc,
                    fatalities=m.fatalities,
                    injured=m.injured,
                    status=m.status,
                    sources=(Source(a.article.id, m.span.start, m.span.end, m.claim.source if m.claim else None),),
                )
            )
    return tuple(events), ()
