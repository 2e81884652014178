"""The read-only JSON API: a URL path and query in, ``(status, payload)`` out.

No HTTP here (see ``server.py``), so handlers are tested as plain functions. Routes:

    /api/meta                 counts and the values each filter offers
    /api/events               filtered events (timeline, map)
    /api/events/{id}          one event with what each source says
    /api/articles             articles (id, title, outlet, date)
    /api/articles/{id}        one article cut into annotated segments (?mark=START-END)
    /api/commitments          the commitments board
    /api/commitments/{id}     one commitment with its deadline history
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote

from ..model import COMMITMENT_STATUSES, EVENT_STATUSES, Event
from .article_view import article_detail, parse_marks
from .source import EventQuery, LedgerView
from .views import article_brief, commitment_json, event_detail, event_summary

Query = dict[str, list[str]]
Result = tuple[int, dict[str, Any]]
MAX_LIMIT = 5000
DEFAULT_LIMIT = 1000
MAX_BARS = 400  # bars of the timeline's histogram


def error(status: int, what: str, hint: str = "") -> Result:
    return status, {"error": what, "hint": hint}


def _one(q: Query, name: str) -> str | None:
    v = q.get(name)
    return v[-1].strip() or None if v else None


def _many(q: Query, name: str) -> tuple[str, ...]:
    return tuple(x.strip() for v in q.get(name, []) for x in v.split(",") if x.strip())


def _int(q: Query, name: str, default: int, lo: int, hi: int) -> int:
    v = _one(q, name)
    if v is None or not v.isdigit():
        return default
    return max(lo, min(hi, int(v)))


def _bool(q: Query, name: str) -> bool:
    return (_one(q, name) or "").lower() in ("1", "true", "yes", "on")


def event_query(q: Query) -> EventQuery:
    return EventQuery(
        types=_many(q, "type"),
        statuses=_many(q, "status"),
        place=_one(q, "place"),
        actor=_one(q, "actor"),
        outlet=_one(q, "outlet"),
        date_from=_one(q, "from"),
        date_to=_one(q, "to"),
        text=_one(q, "q"),
        conflicts_only=_bool(q, "conflicts"),
        with_coordinates=_bool(q, "located"),
    )


def meta(view: LedgerView, q: Query) -> Result:
    return 200, {
        "version": view.version,
        "counts": {
            "articles": len(view.articles),
            "events": len(view.ledger.events),
            "events_with_conflicts": sum(1 for e in view.ledger.events if e.conflicts),
            "commitments": len(view.ledger.commitments),
        },
        "facets": view.facets(),
        "vocabulary": {
            "event_statuses": list(EVENT_STATUSES),
            "commitment_statuses": list(COMMITMENT_STATUSES),
        },
        "full_text_search": view.article_search is not None,
        "info": dict(view.info),
    }


def _next_key(key: str, unit: str) -> str:
    if unit == "day":
        return (dt.date.fromisoformat(key) + dt.timedelta(days=1)).isoformat()
    if unit == "month":
        y, m = int(key[:4]), int(key[5:7])
        return f"{y + m // 12:04d}-{m % 12 + 1:02d}"
    return f"{int(key) + 1:04d}"


def histogram(found: list[Event]) -> dict[str, Any]:
    """Events per day, month or year (whichever gives a readable number of bars), by type.

    Dates less precise than the unit (a bare year on a monthly chart) are counted apart.
    """
    starts = [(e.date.split("/", 1)[0], e.event_type) for e in found if e.date]
    days = sorted(d for d, _ in starts if len(d) >= 10 and d[4] == "-")
    if not starts:
        return {"unit": None, "buckets": [], "imprecise": 0, "undated": len(found)}
    unit = "year"
    if days:
        try:
            span = (dt.date.fromisoformat(days[-1][:10]) - dt.date.fromisoformat(days[0][:10])).days
        except ValueError:
            span = 10**6
        unit = "day" if span <= 92 else "month" if span <= 6 * 366 else "year"
    size = {"day": 10, "month": 7, "year": 4}[unit]
    counts: dict[str, dict[str, int]] = {}
    imprecise = 0
    for d, etype in starts:
        key = d[:size]
        if len(key) < size or not key[:4].isdigit():
            imprecise += 1
            continue
        per = counts.setdefault(key, {})
        per[etype] = per.get(etype, 0) + 1
    keys = sorted(counts)
    filled: list[str] = []
    if keys:
        k = keys[0]
        try:
            while k <= keys[-1] and len(filled) < MAX_BARS:
                filled.append(k)
                k = _next_key(k, unit)
        except ValueError:
            filled = keys
        if len(filled) >= MAX_BARS:
            filled = keys
    return {
        "unit": unit,
        "buckets": [{"key": k, "counts": counts.get(k, {})} for k in filled],
        "imprecise": imprecise,
        "undated": len(found) - len(starts),
    }


def events(view: LedgerView, q: Query) -> Result:
    found = view.events(event_query(q))
    limit = _int(q, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = _int(q, "offset", 0, 0, 10**9)
    page = found[offset : offset + limit]
    return 200, {
        "total": len(found),
        "offset": offset,
        "limit": limit,
        "events": [event_summary(view, e) for e in page],
        "histogram": histogram(found),
    }


def event(view: LedgerView, q: Query, ident: str) -> Result:
    e = view.event(ident)
    if e is None:
        return error(
            404, f"No event {ident!r}", "The ledger may have been rebuilt since; go back to the timeline"
        )
    return 200, event_detail(view, e)


def articles(view: LedgerView, q: Query) -> Result:
    text = _one(q, "q")
    if text:
        hits = view.search_articles(text, limit=_int(q, "limit", 50, 1, 500))
        found = [{**article_brief(view.articles.get(i), i), "snippet": snip} for i, snip in hits]
        return 200, {"total": len(found), "articles": found, "query": text}
    arts = sorted(
        view.articles.values(),
        key=lambda a: (a.published is None, a.published.isoformat() if a.published else "", a.id),
    )
    return 200, {"total": len(arts), "articles": [article_brief(a, a.id) for a in arts]}


def article(view: LedgerView, q: Query, ident: str) -> Result:
    ann = view.article(ident)
    if ann is None:
        return error(404, f"No article {ident!r}", "Check the id in the URL")
    return 200, article_detail(view, ann, parse_marks(q.get("mark", [])))


def commitments(view: LedgerView, q: Query) -> Result:
    statuses = _many(q, "status")
    cs = [c for c in view.commitments() if not statuses or c.status in statuses]
    return 200, {"total": len(cs), "commitments": [commitment_json(view, c) for c in cs]}


def commitment(view: LedgerView, q: Query, ident: str) -> Result:
    c = view.commitment(ident)
    if c is None:
        return error(404, f"No commitment {ident!r}", "Check the id in the URL")
    return 200, commitment_json(view, c)


LISTS: Mapping[str, Callable[[LedgerView, Query], Result]] = MappingProxyType(
    {
        "meta": meta,
        "events": events,
        "articles": articles,
        "commitments": commitments,
    }
)
ITEMS: Mapping[str, Callable[[LedgerView, Query, str], Result]] = MappingProxyType(
    {
        "events": event,
        "articles": article,
        "commitments": commitment,
    }
)


def route(view: LedgerView, path: str, q: Query) -> Result:
    """Dispatch ``/api/...`` (already stripped of its query string)."""
    parts = [unquote(p) for p in path.split("/") if p]
    if not parts or parts[0] != "api":
        return error(404, "Not an API path")
    parts = parts[1:]
    if len(parts) == 1 and parts[0] in LISTS:
        return LISTS[parts[0]](view, q)
    if len(parts) == 2 and parts[0] in ITEMS:
        return ITEMS[parts[0]](view, q, parts[1])
    return error(404, f"No such API path {path!r}", "See /openapi.json for the routes")
