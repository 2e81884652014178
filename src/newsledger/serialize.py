"""Model objects ⇄ plain dicts, at the storage and JSON edges only.

Two families live here:

* **storage codec** — :func:`to_plain` / :func:`from_plain` and the ``*_to_dict`` /
  ``*_from_dict`` pairs: lossless round trips of any model dataclass (spans inside one article
  are stored as ``[start, end]``; the article id is restored from the enclosing article).
* **ledger JSON** — ``*_json`` functions render the public interchange document of
  ``ledger-json.md`` (field names are a contract: add, never rename or drop).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any

from . import model
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
    Span,
    Timex,
    TrackedCommitment,
)

JSON = dict[str, Any]

# --- the storage codec ----------------------------------------------------------------------


def to_plain(obj: Any) -> Any:
    """A JSON-able copy of a model value (dataclasses → dicts, tuples → lists, dates → ISO)."""
    if isinstance(obj, Span):
        return [obj.start, obj.end]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for f in dataclasses.fields(obj):
            if f.name == "doc":
                continue
            out[f.name] = to_plain(getattr(obj, f.name))
        return out
    if isinstance(obj, tuple | list):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    return obj


class Decoder:
    """Rebuilds model dataclasses from :func:`to_plain` output.

    Compiles one converter per type the first time it is needed and keeps them for its own
    lifetime (use one decoder per read of many objects). ``article_id`` fills in spans stored
    as ``[start, end]``.
    """

    def __init__(self) -> None:
        self._conv: dict[Any, Callable[[Any, str], Any]] = {}

    def decode(self, tp: Any, data: Any, article_id: str = "") -> Any:
        return self.converter(tp)(data, article_id)

    def converter(self, tp: Any) -> Callable[[Any, str], Any]:
        conv = self._conv.get(tp)
        if conv is None:
            conv = self._compile(tp)
            self._conv[tp] = conv
        return conv

    def _compile(self, tp: Any) -> Callable[[Any, str], Any]:
        if tp is Any:
            return lambda data, aid: data
        if tp is Span:

            def span(data: Any, aid: str) -> Span | None:
                if data is None:
                    return None
                if isinstance(data, dict):
                    return Span(data.get("article_id") or aid, int(data["start"]), int(data["end"]))
                return Span(aid, int(data[0]), int(data[1]))

            return span
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(options) == 1:
                return self.converter(options[0])
            plain = tuple(o for o in options if isinstance(o, type))
            first = self.converter(options[0])
            return lambda data, aid: data if data is None or isinstance(data, plain) else first(data, aid)
        if origin is tuple:
            args = typing.get_args(tp)
            item = self.converter(args[0] if args else Any)
            return lambda data, aid: None if data is None else tuple(item(x, aid) for x in data)
        if tp is dt.date:
            return lambda data, aid: dt.date.fromisoformat(data) if isinstance(data, str) else data
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return self._compile_dataclass(tp)
        if tp is float:
            return lambda data, aid: float(data) if isinstance(data, int) else data
        return lambda data, aid: data

    def _compile_dataclass(self, cls: type) -> Callable[[Any, str], Any]:
        hints = typing.get_type_hints(cls, vars(model))
        names = [f.name for f in dataclasses.fields(cls) if f.name != "doc"]
        convs: dict[str, Callable[[Any, str], Any]] = {}
        is_article = cls is Article

        def build(data: Any, aid: str, **given: Any) -> Any:
            if data is None:
                return None
            if is_article:
                aid = data.get("id", aid)
            kwargs = dict(given)
            for name in names:
                if name in data and name not in given:
                    conv = convs.get(name)
                    if conv is None:  # compiled lazily: dataclasses may refer to each other
                        conv = convs[name] = self.converter(hints[name])
                    kwargs[name] = conv(data[name], aid)
            return cls(**kwargs)

        return build

    def dataclass(self, cls: type, data: JSON, article_id: str = "", **given: Any) -> Any:
        conv = self.converter(cls)
        if given:
            return conv(data, article_id, **given)
        return conv(data, article_id)


def from_plain(cls: type, data: JSON, article_id: str = "", decoder: Decoder | None = None) -> Any:
    """Inverse of :func:`to_plain` for the dataclass ``cls`` (unknown keys are ignored)."""
    return (decoder or Decoder()).dataclass(cls, data, article_id)


def article_to_dict(article: Article) -> JSON:
    return to_plain(article)


def article_from_dict(data: JSON, decoder: Decoder | None = None) -> Article:
    return from_plain(Article, data, decoder=decoder)


def annotated_to_dict(annotated: AnnotatedArticle, with_article: bool = True) -> JSON:
    """The stored form of an annotated article (the spaCy Doc is never stored)."""
    d: JSON = to_plain(annotated.without_doc())
    if not with_article:
        d.pop("article", None)
    return d


def annotated_from_dict(
    data: JSON, article: Article | None = None, decoder: Decoder | None = None
) -> AnnotatedArticle:
    """Inverse of :func:`annotated_to_dict`; pass ``article`` when it was stored apart."""
    dec = decoder or Decoder()
    if article is None:
        article = dec.dataclass(Article, data["article"])
    assert article is not None
    ann: AnnotatedArticle = dec.dataclass(AnnotatedArticle, data, article.id, article=article)
    return ann


def event_to_dict(event: Event) -> JSON:
    return to_plain(event)


def event_from_dict(data: JSON, decoder: Decoder | None = None) -> Event:
    return from_plain(Event, data, decoder=decoder)


def commitment_to_dict(c: TrackedCommitment) -> JSON:
    return to_plain(c)


def commitment_from_dict(data: JSON, decoder: Decoder | None = None) -> TrackedCommitment:
    return from_plain(TrackedCommitment, data, decoder=decoder)


# --- ledger JSON (ledger-json.md) -----------------------------------------------------------


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


def event_json(e: Event) -> JSON:
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
