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
from collections.abc import Callable
from typing import Any

from . import model
from .ledger_json import (
    article_json,
    claim_json,
    commitment_json,
    commitment_mention_json,
    document_json,
    event_json,
    event_mention_json,
    figure_json,
    location_json,
    mentions_json,
    place_json,
    place_location,
    source_json,
    timex_json,
)
from .model import (
    AnnotatedArticle,
    Article,
    Event,
    Span,
    TrackedCommitment,
)

JSON = dict[str, Any]

__all__ = [
    "JSON",
    "Decoder",
    "annotated_from_dict",
    "annotated_to_dict",
    "article_from_dict",
    "article_json",
    "article_to_dict",
    "claim_json",
    "commitment_from_dict",
    "commitment_json",
    "commitment_mention_json",
    "commitment_to_dict",
    "document_json",
    "event_from_dict",
    "event_json",
    "event_mention_json",
    "event_to_dict",
    "figure_json",
    "from_plain",
    "location_json",
    "mentions_json",
    "place_json",
    "place_location",
    "source_json",
    "timex_json",
    "to_plain",
]


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
