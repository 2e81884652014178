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
    Conflict,
    ConflictValue,
    DeadlineChange,
    Event,
    EventMention,
    Figure,
    Location,
    PlaceMention,
    Source,
    Span,
    Timex,
    TrackedCommitment,
)

JSON = dict[str, Any]


def _num(v: float | int | None) -> float | int | None:
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def span_json(span: Span) -> JSON:
    """Where a mention stands: its article and character offsets."""
    return {"article": span.article_id, "start": span.start, "end": span.end}


def _mention(span: Span, text: str) -> JSON:
    return {**span_json(span), "text": text}


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
        **_mention(t.span, t.text),
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "anchor": t.anchor,
        "precision": t.precision,
    }


def place_json(p: PlaceMention) -> JSON:
    return {
        **_mention(p.span, p.text),
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
        **_mention(f.span, f.text),
        "value": _num(f.value),
        "kind": f.kind,
        "approx": f.approx,
        "counts_what": f.counts_what,
    }


def claim_json(c: Claim) -> JSON:
    return {
        **_mention(c.span, c.text),
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


def _coded_json(e: Event | EventMention, location: Location | None) -> JSON:
    """What happened, when, where, who, how many, status: the same fields for a ledger event
    and for one article's mention of it."""
    return {
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.date,
        "date_precision": e.date_precision,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "assoc_actors": list(e.assoc_actors),
        "location": location_json(location),
        "fatalities": e.fatalities,
        "injured": e.injured,
        "status": e.status,
    }


def event_core_json(e: Event) -> JSON:
    """The coded fields of an event (what happened, when, where, who, how many, status)."""
    return {"id": e.id, **_coded_json(e, e.location)}


def conflict_value_json(v: ConflictValue) -> JSON:
    return {"value": v.value, "articles": list(v.articles), "sources": [source_json(s) for s in v.sources]}


def event_json(e: Event) -> JSON:
    return {
        **event_core_json(e),
        "sources": [source_json(s) for s in e.sources],
        "conflicts": [conflict_json(c) for c in e.conflicts],
        "fatalities_low": e.fatalities_low,
        "fatalities_high": e.fatalities_high,
        "merge_reasons": list(e.merge_reasons),
    }


def conflict_json(c: Conflict) -> JSON:
    return {"field": c.field, "values": [conflict_value_json(v) for v in c.values]}


def deadline_change_json(h: DeadlineChange) -> JSON:
    return {
        "deadline": h.deadline,
        "article": h.article,
        "start": h.start,
        "end": h.end,
        "amendment": h.amendment,
    }


def _promise_json(c: TrackedCommitment | CommitmentMention, location: Location | None) -> JSON:
    """Who promised whom what, where, by when: the same fields for a tracked commitment and
    for one article's statement of it."""
    return {
        "obligor": c.obligor,
        "beneficiary": c.beneficiary,
        "action": c.action,
        "location": location_json(location),
        "deadline": c.deadline,
    }


def commitment_json(c: TrackedCommitment) -> JSON:
    return {
        "id": c.id,
        **_promise_json(c, c.location),
        "deadline_history": [deadline_change_json(h) for h in c.deadline_history],
        "status": c.status,
        "fulfilled_by": c.fulfilled_by,
        "fulfilled_on": c.fulfilled_on,
        "sources": [source_json(s) for s in c.sources],
    }


def event_mention_json(m: EventMention) -> JSON:
    """One article's report of an event, in the shape of a ledger event (one source)."""
    source = {**span_json(m.span), "attributed_to": m.claim.source if m.claim else None}
    return {
        **span_json(m.span),
        "trigger": m.trigger,
        "trigger_start": m.trigger_span.start,
        "trigger_end": m.trigger_span.end,
        **_coded_json(m, place_location(m.place)),
        "figures": [figure_json(f) for f in m.figures],
        "sources": [source],
        "conflicts": [],
        "rule": m.rule,
    }


def commitment_mention_json(c: CommitmentMention) -> JSON:
    """One article's statement of a commitment, in the shape of a ledger commitment."""
    where = c.deadline_span or c.span
    return {
        **_mention(c.span, c.text),
        **_promise_json(c, place_location(c.place)),
        "amendment": c.amendment,
        "deadline_history": [
            deadline_change_json(
                DeadlineChange(c.deadline, c.span.article_id, where.start, where.end, c.amendment)
            )
        ],
        "status": "cancelled" if c.amendment == "cancelled" else "unknown",
        "attributed_to": c.claim.source if c.claim else None,
        "sources": [span_json(c.span)],
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
