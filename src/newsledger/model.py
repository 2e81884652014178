"""The data model: frozen dataclasses, the only currency between modules.

Every fact extracted from an article holds a :class:`Span` ``(article_id, start, end)`` that
points into ``Article.text`` exactly as stored (Python string indices), the way a spaCy ``Span``
points into its ``Doc``. Dicts appear only at the storage and JSON edges (``store/``,
``export/``, ``serialize.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

# --- vocabularies (documented in ../docs and ledger-json.md) -----------------------------

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
FIGURE_KINDS = (
    "fatalities", "injured", "displaced", "missing", "detained", "troops",
    "population", "area_km2", "percent", "money", "other",
)  # fmt: skip
EVENT_STATUSES = ("occurred", "planned", "threatened", "denied", "claimed_false", "hypothetical", "unknown")
COMMITMENT_STATUSES = ("pending", "fulfilled", "fulfilled_late", "overdue", "cancelled", "unknown")
PLACE_FEATURES = ("country", "ADM1", "ADM2", "city", "region", "other")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in one article's stored text."""

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.article_id == other.article_id and self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.article_id == other.article_id and self.start < other.end and other.start < self.end


# --- articles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One news report as stored: ``id`` is a hash of ``text``; offsets index ``text``."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str = "en"
    source_file: str | None = None
    # where ``published`` came from: "manifest", "flag", "file", "byline", or None
    published_source: str | None = None
    duplicate_of: str | None = None


# --- per-article annotations (stages add these) -------------------------------------------


@dataclass(frozen=True)
class Entity:
    span: Span
    text: str
    label: str  # spaCy NER label (PERSON, ORG, GPE, NORP, ...)


@dataclass(frozen=True)
class Timex:
    """A temporal expression with its TIMEX3 type and normalised value.

    ``value`` is a TIMEX3 value ("2020-11-20", "2020-11", "P5Y", "PRESENT_REF", a range is
    "start/end") or None when it cannot be resolved (e.g. no publication date). ``mod`` is a
    TIMEX3 modifier (BEFORE, AFTER, ON_OR_BEFORE, MORE_THAN, APPROX, START, ...). ``anchor`` is
    the date the value was resolved against, if any. ``precision`` is day/month/year/... .
    """

    span: Span
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    precision: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    text: str
    name: str  # the gazetteer's canonical name
    gazetteer_id: str | None  # e.g. "geonames:147982", "curated:nagorno-karabakh"
    latitude: float | None
    longitude: float | None
    feature: str  # one of PLACE_FEATURES
    admin1: str | None
    country: str | None  # ISO 3166-1 alpha-2
    score: float = 0.0
    alternatives: tuple[str, ...] = ()  # gazetteer ids of the candidates it beat
    # "place" (names a location), "demonym" (an adjective or people naming a country: "Russian"),
    # "embedded" (a place inside an organisation's name: "Rapides Parish" in "... Fire District").
    # Event locations should use role == "place".
    role: str = "place"


@dataclass(frozen=True)
class Figure:
    span: Span
    text: str
    value: float
    kind: str  # one of FIGURE_KINDS
    approx: str | None = None  # "more than", "at least", "about", "up to", ...
    counts_what: str | None = None  # the counted noun phrase ("people", "civilians")
    # a sub-count ("613 civilians, including 106 women") points at the total it is part of
    part_of: Span | None = None


@dataclass(frozen=True)
class Claim:
    """An attributed statement: ``span`` covers its content."""

    span: Span
    text: str
    source: str | None
    source_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None


@dataclass(frozen=True)
class EventMention:
    """One report of one happening in one article."""

    span: Span  # the sentence (or clause) that reports it
    trigger: str
    trigger_span: Span
    event_type: str
    sub_event_type: str | None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actors: tuple[str, ...] = ()
    place: PlaceMention | None = None
    time: Timex | None = None
    date: str | None = None  # ISO date or "start/end"
    date_precision: str | None = None  # day / month / year
    fatalities: int | None = None
    injured: int | None = None
    figures: tuple[Figure, ...] = ()
    status: str = "occurred"  # one of EVENT_STATUSES
    claim: Claim | None = None
    rule: str = ""  # which rule or feature fired: the explanation


@dataclass(frozen=True)
class CommitmentMention:
    """A promised action as one article states it, or an amendment of one."""

    span: Span
    text: str
    action: str  # e.g. "return", "withdraw troops", "deploy"
    obligor: str | None
    beneficiary: str | None
    place: PlaceMention | None
    deadline: str | None  # ISO date
    deadline_span: Span | None = None
    amendment: str | None = None  # None (original), "postponed", "advanced", "cancelled"
    claim: Claim | None = None


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article with everything the per-article stages found in it.

    ``doc`` is the parse (a spaCy Doc) while the pipeline runs; it is dropped before results
    cross a process boundary or reach the store (see :meth:`without_doc`).
    """

    article: Article
    doc: Any = field(default=None, compare=False, repr=False)
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[EventMention, ...] = ()
    commitments: tuple[CommitmentMention, ...] = ()
    warnings: tuple[str, ...] = ()

    def add(self, **annotations: Any) -> AnnotatedArticle:
        """Return a copy with the given annotation fields replaced."""
        return replace(self, **annotations)

    def without_doc(self) -> AnnotatedArticle:
        return replace(self, doc=None)

    def span(self, start: int, end: int) -> Span:
        return Span(self.article.id, start, end)

    def text_of(self, span: Span) -> str:
        return self.article.text[span.start : span.end]


# --- the ledger (reconcile builds it across articles) -------------------------------------


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str | None  # ACLED style: "town", "district", "region", "country"
    gazetteer_id: str | None = None


@dataclass(frozen=True)
class Source:
    """Where a ledger fact comes from: a span in an article and who is quoted for it."""

    article: str
    start: int
    end: int
    attributed_to: str | None = None


@dataclass(frozen=True)
class ConflictValue:
    value: Any  # str | int | float | None, JSON-able
    articles: tuple[str, ...]
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """Sources disagree on ``field``: every value is kept with who gives it."""

    field: str
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str | None
    date: str | None
    date_precision: str | None
    actor1: str | None
    actor2: str | None
    assoc_actors: tuple[str, ...]
    location: Location | None
    fatalities: int | None
    injured: int | None
    status: str
    sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...] = ()
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    merge_reasons: tuple[str, ...] = ()  # why mentions were merged, with scores


@dataclass(frozen=True)
class DeadlineChange:
    deadline: str | None
    article: str
    start: int
    end: int
    amendment: str | None = None  # None (original), "postponed", "advanced", "cancelled"


@dataclass(frozen=True)
class TrackedCommitment:
    id: str
    obligor: str | None
    beneficiary: str | None
    action: str
    location: Location | None
    deadline: str | None  # the deadline in force (after amendments)
    deadline_history: tuple[DeadlineChange, ...]
    status: str  # one of COMMITMENT_STATUSES
    fulfilled_by: str | None
    fulfilled_on: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Ledger:
    articles: tuple[Article, ...]
    annotated: tuple[AnnotatedArticle, ...]  # per-article mentions (no doc)
    events: tuple[Event, ...]
    commitments: tuple[TrackedCommitment, ...]
