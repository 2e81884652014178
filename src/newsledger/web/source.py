"""What the web API reads: a small data-access interface and its in-memory implementation.

:class:`LedgerView` indexes a :class:`~newsledger.model.Ledger` (built by hand in tests or loaded
from the store) and answers the page's questions: filtered events, one event, one article, the
commitments, free-text search. :class:`StoreSource` (in ``store_source.py``) keeps a view in step
with a SQLite ledger opened read-only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol

from ..model import AnnotatedArticle, Article, Event, EventMention, Ledger, Source, TrackedCommitment

# free text -> (article id, snippet) of articles whose text matches (e.g. SQLite FTS5)
ArticleSearch = Callable[[str], Iterable[tuple[str, str]]]
# article id -> the article with its annotations, for ledgers that load them on demand
AnnotationLoader = Callable[[str], AnnotatedArticle | None]


ANNOTATION_CACHE = 256  # annotated articles a view keeps after loading them on demand


@dataclass(frozen=True)
class EventQuery:
    """Filters of the timeline and the map; every given filter must hold (AND)."""

    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    place: str | None = None  # substring of the location's name, admin1 or country code
    actor: str | None = None  # substring of actor1, actor2 or an associated actor
    outlet: str | None = None  # outlet of at least one source article
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    text: str | None = None  # free text over the event and its source sentences / articles
    conflicts_only: bool = False
    with_coordinates: bool = False


class DataSource(Protocol):
    """The read-only interface the API handlers use."""

    def view(self) -> LedgerView: ...


def _fold(s: str | None) -> str:
    """Casefolded, accents removed (NFKD minus combining marks)."""
    decomposed = unicodedata.normalize("NFKD", (s or "").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _date_bounds(value: str | None) -> tuple[str, str] | None:
    """``"2020-11-20"`` -> (same, same); ``"a/b"`` -> (a, b); partial dates compare by prefix."""
    if not value:
        return None
    start, _, end = value.partition("/")
    end = end or start
    # "2020-11" covers 2020-11-01 .. 2020-11-99 in string order
    return start, end + "-99" * (2 - end.count("-"))


@dataclass(frozen=True)
class LedgerView:
    """An indexed, immutable view of one ledger state.

    Per-article annotations come from ``ledger.annotated`` or, when the ledger was loaded
    without them (large stores), from ``load_annotated`` on demand, kept in a small cache.
    """

    ledger: Ledger
    article_search: ArticleSearch | None = None
    version: str = "0"
    info: Mapping[str, object] = field(default_factory=dict)  # e.g. {"needs_reconcile": True}
    load_annotated: AnnotationLoader | None = None
    articles: Mapping[str, Article] = field(init=False)
    annotated: Mapping[str, AnnotatedArticle] = field(init=False)
    _loaded: dict[str, AnnotatedArticle | None] = field(init=False, repr=False, compare=False)
    events_by_id: Mapping[str, Event] = field(init=False)
    commitments_by_id: Mapping[str, TrackedCommitment] = field(init=False)

    def __post_init__(self) -> None:
        arts = {a.id: a for a in self.ledger.articles}
        ann = {a.article.id: a for a in self.ledger.annotated}
        for a in ann.values():
            arts.setdefault(a.article.id, a.article)
        object.__setattr__(self, "articles", MappingProxyType(arts))
        object.__setattr__(self, "annotated", MappingProxyType(ann))
        object.__setattr__(self, "events_by_id", MappingProxyType({e.id: e for e in self.ledger.events}))
        cs = {c.id: c for c in self.ledger.commitments}
        object.__setattr__(self, "commitments_by_id", MappingProxyType(cs))
        object.__setattr__(self, "_loaded", {})

    # --- single items ------------------------------------------------------------------------

    def event(self, event_id: str) -> Event | None:
        return self.events_by_id.get(event_id)

    def article(self, article_id: str) -> AnnotatedArticle | None:
        ann = self.annotated.get(article_id)
        if ann is not None:
            return ann
        art = self.articles.get(article_id)
        if art is None:
            return None
        if self.load_annotated is not None:
            if article_id not in self._loaded:
                if len(self._loaded) >= ANNOTATION_CACHE:
                    self._loaded.clear()
                self._loaded[article_id] = self.load_annotated(article_id)
            loaded = self._loaded[article_id]
            if loaded is not None:
                return loaded
        return AnnotatedArticle(article=art)

    def commitment(self, commitment_id: str) -> TrackedCommitment | None:
        return self.commitments_by_id.get(commitment_id)

    def commitments(self) -> tuple[TrackedCommitment, ...]:
        return tuple(sorted(self.ledger.commitments, key=lambda c: (c.deadline or "9999", c.id)))

    def mention_for(self, source: Source) -> EventMention | None:
        """The event mention a source span comes from (same span, else the most overlapping)."""
        ann = self.article(source.article)
        if ann is None:
            return None
        best, best_overlap = None, 0
        for m in ann.events:
            if m.span.start == source.start and m.span.end == source.end:
                return m
            overlap = min(m.span.end, source.end) - max(m.span.start, source.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def fulfils(self, event_id: str) -> tuple[TrackedCommitment, ...]:
        return tuple(c for c in self.ledger.commitments if c.fulfilled_by == event_id)

    def events_citing(self, article_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.ledger.events if any(s.article == article_id for s in e.sources))

    # --- lists -------------------------------------------------------------------------------

    def events(self, q: EventQuery = EventQuery()) -> list[Event]:
        """Events that pass every filter, by date (undated last), then id."""
        text_hits = self._text_hits(q.text) if q.text else None
        out = [e for e in self.ledger.events if self._keep(e, q, text_hits)]
        out.sort(key=lambda e: (e.date is None, e.date or "", e.id))
        return out

    def _keep(self, e: Event, q: EventQuery, text_hits: frozenset[str] | None) -> bool:
        if q.types and e.event_type not in q.types:
            return False
        if q.statuses and e.status not in q.statuses:
            return False
        if q.conflicts_only and not e.conflicts:
            return False
        loc = e.location
        if q.with_coordinates and (loc is None or loc.latitude is None or loc.longitude is None):
            return False
        if q.place:
            needle = _fold(q.place)
            hay = (_fold(loc.name), _fold(loc.admin1), _fold(loc.country)) if loc else ()
            if not any(needle in h for h in hay):
                return False
        if q.actor:
            needle = _fold(q.actor)
            if not any(needle in _fold(a) for a in (e.actor1, e.actor2, *e.assoc_actors)):
                return False
        if q.outlet and not any(
            _fold(self.articles[s.article].outlet) == _fold(q.outlet)
            for s in e.sources
            if s.article in self.articles
        ):
            return False
        if q.date_from or q.date_to:
            bounds = _date_bounds(e.date)
            if bounds is None:
                return False
            if q.date_from and bounds[1] < q.date_from:
                return False
            if q.date_to and bounds[0] > q.date_to + "~":  # "~" sorts after any date suffix
                return False
        return text_hits is None or e.id in text_hits

    def _text_hits(self, text: str) -> frozenset[str]:
        """Ids of events whose fields or source sentences hold every word (case and accents
        ignored)."""
        words = _fold(text).split()
        hits: set[str] = set()
        for e in self.ledger.events:
            parts = [e.event_type, e.sub_event_type, e.actor1, e.actor2, *e.assoc_actors, e.status, e.date]
            if e.location:
                parts += [e.location.name, e.location.admin1, e.location.country]
            for s in e.sources:
                parts.append(s.attributed_to)
                art = self.articles.get(s.article)
                if art is not None:
                    parts.append(art.text[s.start : s.end])
            hay = _fold(" ".join(p for p in parts if p))
            if all(w in hay for w in words):
                hits.add(e.id)
        return frozenset(hits)

    def search_articles(self, text: str, limit: int = 50) -> list[tuple[str, str]]:
        """(article id, snippet) of articles matching ``text``: the store's FTS5 index when
        there is one, else every word as a substring of the title or text."""
        if self.article_search is not None:
            try:
                return list(self.article_search(text))[:limit]
            except Exception:
                pass
        words = _fold(text).split()
        out = []
        for a in self.articles.values():
            hay = _fold(f"{a.title or ''} {a.text}")
            if words and all(w in hay for w in words):
                i = max(0, a.text.casefold().find(words[0]) - 60)  # -1 (accents differ): start
                out.append((a.id, ("…" if i else "") + a.text[i : i + 160] + "…"))
                if len(out) >= limit:
                    break
        return out

    def facets(self) -> dict[str, list[str]]:
        """The values the filters offer, each sorted."""
        evs = self.ledger.events
        outlets = {
            self.articles[s.article].outlet for e in evs for s in e.sources if s.article in self.articles
        }
        places = {e.location.name for e in evs if e.location and e.location.name}
        actors = {a for e in evs for a in (e.actor1, e.actor2, *e.assoc_actors) if a}
        dates = sorted(b for e in evs if (b := _date_bounds(e.date)))
        return {
            "types": sorted({e.event_type for e in evs}),
            "statuses": sorted({e.status for e in evs}),
            "outlets": sorted(o for o in outlets if o),
            "places": sorted(places),
            "actors": sorted(actors),
            "date_range": [dates[0][0], max(d[1] for d in dates).replace("-99", "")] if dates else [],
        }


class StaticSource:
    """A fixed ledger (tests, or a ledger built in memory)."""

    def __init__(self, ledger: Ledger, article_search: ArticleSearch | None = None) -> None:
        self._view = LedgerView(ledger, article_search)

    def view(self) -> LedgerView:
        return self._view
