"""Model objects → the public ledger JSON of ``ledger-json.md`` (and ``extract``'s documents).

Field names here are a contract read by scorers and users: add fields, never rename or drop.
Also re-exported from :mod:`newsledger.serialize`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import (
    AnnotatedArticle,
    Article,
    Claim,
    CommitmentMention,
    Event,
    EventMention,
    Figure,
    Location,
    PlaceMention,
    Source,
    Timex,
    TrackedCommitment,
)

JSON = dict[str, Any]


def _num(v: float | int | None) -> float | int | None:
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def article_json(a: Article) -> JSON:
    return {
        "id": a.id,
        "source_file": a.source_file,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "duplicate_of": a.duplicate_of,
        "published_source": a.published_source,
        "length": len(a.text),
    }


def timex_json(t: Timex) -> JSON:
    return {
        "article": t.span.article_id,
        "start": t.span.start,
        "end": t.span.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "anchor": t.anchor,
        "precision": t.precision,
    }


def place_json(p: PlaceMention) -> JSON:
    return {
        "article": p.span.article_id,
        "start": p.span.start,
        "end": p.span.end,
        "text": p.text,
        "name": p.name,
        "country": p.country,
        "admin1": p.admin1,
        "latitude": p.latitude,
        "longitude": p.longitude,
        "feature": p.feature,
        "gazetteer_id": p.gazetteer_id,
        "score": p.score,
        "role": p.role,
    }


def figure_json(f: Figure) -> JSON:
    return {
        "article": f.span.article_id,
        "start": f.span.start,
        "end": f.span.end,
        "text": f.text,
        "value": _num(f.value),
        "kind": f.kind,
        "approx": f.approx,
        "counts_what": f.counts_what,
    }


def claim_json(c: Claim) -> JSON:
    return {
        "article": c.span.article_id,
        "start": c.span.start,
        "end": c.span.end,
        "text": c.text,
        "source": c.source,
        "cue": c.cue,
        "source_start": c.source_span.start if c.source_span else None,
        "source_end": c.source_span.end if c.source_span else None,
        "cue_start": c.cue_span.start if c.cue_span else None,
        "cue_end": c.cue_span.end if c.cue_span else None,
    }


def location_json(loc: Location | None) -> JSON | None:
    if loc is None:
        return None
    return {
        "name": loc.name,
        "country": loc.country,
        "admin1": loc.admin1,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "geo_precision": loc.geo_precision,
        "gazetteer_id": loc.gazetteer_id,
    }


_GEO_PRECISION = {
    "city": "town",
    "ADM2": "district",
    "ADM1": "region",
    "region": "region",
    "country": "country",
}


def place_location(p: PlaceMention | None) -> Location | None:
    """The ledger location of a place mention (ACLED-style precision from the feature)."""
    if p is None:
        return None
    prec = _GEO_PRECISION.get(p.feature)
    return Location(p.name, p.country, p.admin1, p.latitude, p.longitude, prec, p.gazetteer_id)


def source_json(s: Source) -> JSON:
    return {"article": s.article, "start": s.start, "end": s.end, "attributed_to": s.attributed_to}


def event_core_json(e: Event) -> JSON:
    """The coded fields of an event (what happened, when, where, who, how many, status)."""
    return {
        "id": e.id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.date,
        "date_precision": e.date_precision,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "assoc_actors": list(e.assoc_actors),
        "location": location_json(e.location),
        "fatalities": e.fatalities,
        "injured": e.injured,
        "status": e.status,
    }


def event_json(e: Event) -> JSON:
    return {
        **event_core_json(e),
        "sources": [source_json(s) for s in e.sources],
        "conflicts": [
            {
                "field": c.field,
                "values": [
                    {
                        "value": v.value,
                        "articles": list(v.articles),
                        "sources": [source_json(s) for s in v.sources],
                    }
                    for v in c.values
                ],
            }
            for c in e.conflicts
        ],
        "fatalities_low": e.fatalities_low,
        "fatalities_high": e.fatalities_high,
        "merge_reasons": list(e.merge_reasons),
    }


def commitment_json(c: TrackedCommitment) -> JSON:
    return {
        "id": c.id,
        "obligor": c.obligor,
        "beneficiary": c.beneficiary,
        "action": c.action,
        "location": location_json(c.location),
        "deadline": c.deadline,
        "deadline_history": [
            {
                "deadline": h.deadline,
                "article": h.article,
                "start": h.start,
                "end": h.end,
                "amendment": h.amendment,
            }
            for h in c.deadline_history
        ],
        "status": c.status,
        "fulfilled_by": c.fulfilled_by,
        "fulfilled_on": c.fulfilled_on,
        "sources": [source_json(s) for s in c.sources],
    }


def event_mention_json(m: EventMention) -> JSON:
    """One article's report of an event, in the shape of a ledger event (one source)."""
    source = {
        "article": m.span.article_id,
        "start": m.span.start,
        "end": m.span.end,
        "attributed_to": m.claim.source if m.claim else None,
    }
    return {
        "article": m.span.article_id,
        "start": m.span.start,
        "end": m.span.end,
        "trigger": m.trigger,
        "trigger_start": m.trigger_span.start,
        "trigger_end": m.trigger_span.end,
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date": m.date,
        "date_precision": m.date_precision,
        "actor1": m.actor1,
        "actor2": m.actor2,
        "assoc_actors": list(m.assoc_actors),
        "location": location_json(place_location(m.place)),
        "fatalities": m.fatalities,
        "injured": m.injured,
        "status": m.status,
        "figures": [figure_json(f) for f in m.figures],
        "sources": [source],
        "conflicts": [],
        "rule": m.rule,
    }


def commitment_mention_json(c: CommitmentMention) -> JSON:
    """One article's statement of a commitment, in the shape of a ledger commitment."""
    where = c.deadline_span or c.span
    return {
        "article": c.span.article_id,
        "start": c.span.start,
        "end": c.span.end,
        "text": c.text,
        "obligor": c.obligor,
        "beneficiary": c.beneficiary,
        "action": c.action,
        "location": location_json(place_location(c.place)),
        "deadline": c.deadline,
        "amendment": c.amendment,
        "deadline_history": [
            {
                "deadline": c.deadline,
                "article": c.span.article_id,
                "start": where.start,
                "end": where.end,
                "amendment": c.amendment,
            }
        ],
        "status": "cancelled" if c.amendment == "cancelled" else "unknown",
        "attributed_to": c.claim.source if c.claim else None,
        "sources": [{"article": c.span.article_id, "start": c.span.start, "end": c.span.end}],
    }


def mentions_json(annotated: Iterable[AnnotatedArticle]) -> JSON:
    """The ``mentions`` block of the ledger for some annotated articles."""
    out: JSON = {"timexes": [], "places": [], "figures": [], "claims": []}
    for a in annotated:
        out["timexes"].extend(timex_json(t) for t in a.timexes)
        out["places"].extend(place_json(p) for p in a.places)
        out["figures"].extend(figure_json(f) for f in a.figures)
        out["claims"].extend(claim_json(c) for c in a.claims)
    return out


def document_json(a: AnnotatedArticle) -> JSON:
    """What ``newsledger extract`` prints for one article."""
    art = article_json(a.article)
    return {
        **art,
        "mentions": mentions_json((a,)),
        "events": [event_mention_json(m) for m in a.events],
        "commitments": [commitment_mention_json(c) for c in a.commitments],
        "warnings": list(a.warnings),
    }
