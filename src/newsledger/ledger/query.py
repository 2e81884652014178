"""Reading the ledger: whole (``load_ledger``), as a timeline, filtered, one event, counts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import AnnotatedArticle, Article, Event, EventMention, Ledger, Source, TrackedCommitment
from ..store import Store, open_store

Db = str | Path | Store | None


def _open(db: Db) -> Store:
    return open_store(db, readonly=not isinstance(db, Store))


def _close(db: Db, store: Store) -> None:
    if not isinstance(db, Store):
        store.close()


def load_ledger(db: Db = None) -> Ledger:
    """The whole ledger in memory: articles, their annotations, events, commitments."""
    store = _open(db)
    try:
        with store.snapshot():  # one consistent state, even while an ingest writes
            annotated = tuple(store.annotated())
            events = tuple(store.events())
            commitments = tuple(store.commitments())
        return Ledger(
            articles=tuple(a.article for a in annotated),
            annotated=annotated,
            events=events,
            commitments=commitments,
        )
    finally:
        _close(db, store)


def find_events(
    db: Db = None,
    type: str | None = None,
    place: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    article: str | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Events matching all filters, by date (undated last).

    ``type`` matches event or sub-event type, ``place`` the location name or country code,
    ``actor`` any actor (case-insensitive substrings); ``since``/``until`` (ISO date, month or
    year) keep events whose date range overlaps.
    """
    store = _open(db)
    try:
        return store.events(type, place, actor, since, until, status, article, limit)
    finally:
        _close(db, store)


def timeline(
    db: Db = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    place: str | None = None,
    actor: str | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Events in date order (the same filters as :func:`find_events`)."""
    return find_events(db, type=type, place=place, actor=actor, since=since, until=until, limit=limit)


@dataclass(frozen=True)
class SourceView:
    """One source of an event: the span, its article, and the sentence it lies in."""

    source: Source
    article: Article | None
    text: str  # the span's text
    sentence: str  # the whole sentence(s) around the span
    mention: EventMention | None = None  # what this source itself says (its event mention)


@dataclass(frozen=True)
class EventDetail:
    event: Event
    sources: tuple[SourceView, ...]
    commitments: tuple[TrackedCommitment, ...]  # commitments this event fulfils


def event_detail(db: Db, event_id: str) -> EventDetail:
    """An event with every source sentence and the commitments it fulfils.

    ``event_id`` may be a unique prefix. Raises :class:`InputError` if there is no such event.
    """
    store = _open(db)
    try:
        event = store.event(event_id)
        if event is None:
            rows = store.conn.execute(
                "SELECT id FROM events WHERE id LIKE ? ORDER BY id LIMIT 2",
                (event_id.replace("%", "") + "%",),
            ).fetchall()
            if len(rows) == 1:
                event = store.event(rows[0][0])
        if event is None:
            raise InputError(
                f"no event {event_id!r} in the ledger", "list events with `newsledger events` or `timeline`"
            )
        ids = {s.article for s in event.sources}
        sentences = {a.article.id: a for a in store.annotated(ids)}
        views = []
        for s in event.sources:
            ann = sentences.get(s.article)
            if ann is None:
                views.append(SourceView(s, None, "", ""))
                continue
            text = ann.article.text
            covering = [x for x in ann.sentences if x.start < max(s.end, s.start + 1) and s.start < x.end]
            sent = text[covering[0].start : covering[-1].end] if covering else text[s.start : s.end]
            views.append(SourceView(s, ann.article, text[s.start : s.end], sent.strip(), _mention_at(ann, s)))
        commitments = tuple(c for c in store.commitments() if c.fulfilled_by == event.id)
        return EventDetail(event, tuple(views), commitments)
    finally:
        _close(db, store)


def _mention_at(ann: AnnotatedArticle, s: Source) -> EventMention | None:
    """The event mention of ``ann`` that a source span points at (same span, else overlapping)."""
    exact = [m for m in ann.events if m.span.start == s.start and m.span.end == s.end]
    if exact:
        return exact[0]
    near = [m for m in ann.events if m.span.start < s.end and s.start < m.span.end]
    return near[0] if len(near) == 1 else None


def stats(db: Db = None) -> dict[str, Any]:
    """Counts of everything in the ledger, events by type, date span, schema version."""
    store = _open(db)
    try:
        out: dict[str, Any] = dict(store.counts())
        c = store.conn
        out["events_by_type"] = dict(
            c.execute(
                "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY 2 DESC"
            ).fetchall()
        )
        out["commitments_by_status"] = dict(
            c.execute("SELECT status, count(*) FROM commitments GROUP BY status ORDER BY 2 DESC").fetchall()
        )
        lo, hi = c.execute("SELECT min(published), max(published) FROM articles").fetchone()
        out["published_from"], out["published_to"] = lo, hi
        lo, hi = c.execute("SELECT min(date_start), max(date_end) FROM events").fetchone()
        out["events_from"], out["events_to"] = lo, hi
        out["schema_version"] = store.version
        out["needs_reconcile"] = store.needs_reconcile
        out["db"] = str(store.path)
        return out
    finally:
        _close(db, store)


def search(db: Db, query: str, limit: int = 50) -> list[tuple[str, str, float]]:
    """Full-text search of the stored articles: (article id, snippet, rank)."""
    store = _open(db)
    try:
        return store.search(query, limit)
    finally:
        _close(db, store)
