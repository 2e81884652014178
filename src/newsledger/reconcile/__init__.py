"""Cross-article reconciliation: a phase over the whole ledger, not a per-article stage.

Contract (used by ``store``/``ingest``)::

    reconcile(annotated: Sequence[AnnotatedArticle], as_of: date | None = None)
        -> tuple[tuple[Event, ...], tuple[TrackedCommitment, ...]]

``annotated`` are the stored per-article annotations (no Doc); ``as_of`` is the date against
which commitments are judged overdue (default: the newest article's publication date).
The result does not depend on the order of ``annotated``.

* Articles whose ``duplicate_of`` names another article of the input are skipped: a syndicated
  copy adds no independent source and must not double-count.
* A *planned* event mention that a commitment mention of the same sentence covers ("X will be
  returned before 20 November") is left to the commitment: it is tracked there (deadline,
  amendments, fulfilment) instead of becoming an event of its own. Planned mentions without a
  commitment stay events with status "planned", and merge with the report that the happening
  occurred, which then makes the event "occurred".
* Merging: :mod:`.merge`; the merged event and its conflicts: :mod:`.conflicts`; commitments:
  :mod:`.commitments`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from ..model import AnnotatedArticle, Event, TrackedCommitment
from .clustering import cluster
from .commitments import CItem, track_commitments
from .conflicts import build_event
from .merge import DEFAULT_POLICY, PARTICIPANT_LABELS, Item, MergePolicy
from .similarity import person_keys
from .text import SameActor

__all__ = ["event_items", "reconcile", "reconcile_events"]


def independent(annotated: Sequence[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """The articles that count: one per content id, syndicated copies of present articles dropped."""
    by_id = {a.article.id: a for a in sorted(annotated, key=lambda a: a.article.id)}
    return [a for a in by_id.values() if not (a.article.duplicate_of and a.article.duplicate_of in by_id)]


def event_items(a: AnnotatedArticle) -> list[Item]:
    """The article's event mentions as merge items (minus planned ones a commitment covers)."""
    items = []
    names = person_keys(e.text for e in a.entities if e.label == "PERSON")
    for i, m in enumerate(a.events):
        if m.status != "occurred" and any(c.span.overlaps(m.span) for c in a.commitments):
            continue
        people = tuple(
            e.text for e in a.entities if e.label in PARTICIPANT_LABELS and m.span.contains(e.span)
        )
        items.append(Item(a.article, m, i, participants=people, names=names))
    return items


def reconcile_events(
    annotated: Sequence[AnnotatedArticle], policy: MergePolicy = DEFAULT_POLICY, **blocking: Any
) -> list[tuple[Event, list[Item]]]:
    """Merged events, each with the mentions it was built from, in a deterministic order.
    ``blocking``: ``keys`` / ``lookup`` functions for :func:`.clustering.cluster` (e.g. cached)."""
    items = [it for a in independent(annotated) for it in event_items(a)]
    names = SameActor()
    built = sorted(
        ((build_event(c, names), c.members) for c in cluster(items, policy, **blocking)),
        key=lambda em: (em[0].date or "9999", em[0].id),
    )
    events = unique_ids(tuple(e for e, _ in built))
    return [(e, members) for e, (_, members) in zip(events, built, strict=True)]


def reconcile(
    annotated: Sequence[AnnotatedArticle], as_of: dt.date | None = None
) -> tuple[tuple[Event, ...], tuple[TrackedCommitment, ...]]:
    """Events with all their sources and conflicts, and the commitments with their status."""
    arts = independent(annotated)
    if as_of is None:
        as_of = max((a.article.published for a in arts if a.article.published), default=None)
    built = reconcile_events(arts)
    citems = [CItem(a.article, m, i) for a in arts for i, m in enumerate(a.commitments)]
    commitments = track_commitments(citems, built, as_of)
    return tuple(e for e, _ in built), unique_ids(commitments)


T = TypeVar("T", Event, TrackedCommitment)


def unique_ids(items: tuple[T, ...]) -> tuple[T, ...]:
    """Ids are hashes of the first source; should two collide, later ones get a suffix (-2, -3)."""
    seen: dict[str, int] = {}
    out = []
    for x in items:
        n = seen.get(x.id, 0) + 1
        seen[x.id] = n
        out.append(x if n == 1 else replace(x, id=f"{x.id}-{n}"))
    return tuple(out)
