"""Commitments re-tracked from the reconcile index after an incremental update.

Commitments are few: every update re-tracks all of them (grouping, history, fulfilment, overdue
status against the newest date) from the stored commitment mentions (``recon_commitments``) and a
summary of the occurred events that can fulfil one, found through their kind-2 keys in
``recon_keys`` and read from ``recon_mentions``; no event JSON is decoded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from ..model import Event, PlaceMention, TrackedCommitment
from ..reconcile import unique_ids
from ..reconcile.actions import fulfil_keys, fulfils
from ..reconcile.commitments import CItem, track_commitments
from ..reconcile.merge import Item
from ..serialize import from_plain
from ..store import Store
from .recon_index import in_chunks, key_hash, load_commitments

__all__ = ["track_all"]


def _newest(store: Store) -> dt.date | None:
    """The newest publication date of an article that is not a copy of a stored one."""
    q = (
        "SELECT published FROM articles a WHERE published IS NOT NULL AND (duplicate_of IS NULL "
        "OR NOT EXISTS (SELECT 1 FROM articles o WHERE o.id = a.duplicate_of)) "
        "ORDER BY published DESC LIMIT 1"
    )
    row = store.conn.execute(q).fetchone()
    return dt.date.fromisoformat(row[0][:10]) if row and row[0] else None


def _place(item: str, article_id: str) -> PlaceMention | None:
    p = json.loads(item)["mention"].get("place")
    return from_plain(PlaceMention, p, article_id) if p else None


@dataclass(frozen=True)
class _Mention:
    place: PlaceMention | None
    sub_event_type: str | None
    trigger: str


@dataclass(frozen=True)
class _Member:
    mention: _Mention


@dataclass(frozen=True)
class _Event:
    id: str
    date: str | None
    status: str | None


def track_all(store: Store, c: Any, as_of: dt.date | None) -> tuple[TrackedCommitment, ...]:
    """Every commitment re-tracked from its mentions and the (already updated) events."""
    stored = load_commitments(store)
    if not stored:
        return ()
    dups = {a.duplicate_of for a, _, _ in stored if a.duplicate_of}
    present = {r[0] for r in in_chunks(c, "SELECT id FROM articles WHERE id IN ({marks})", sorted(dups))}
    citems = sorted(
        (CItem(a, m, i) for a, i, m in stored if a.duplicate_of not in present),
        key=lambda it: (it.article.id, it.index),
    )
    if not citems:
        return ()
    if as_of is None:
        as_of = _newest(store)
    fams = {it.family for it in citems}
    wanted = sorted({key_hash(k) for f in fams for k in fulfil_keys(f)})
    q = (
        "SELECT DISTINCT m.event_id FROM recon_keys k JOIN recon_mentions m "
        "ON m.article_id = k.article_id AND m.idx = k.idx WHERE k.kind = 2 AND k.key IN ({marks})"
    )
    ids = sorted({r[0] for r in in_chunks(c, q, wanted)})
    q = (
        "SELECT e.id, e.date, e.status, m.article_id, m.sub_event_type, m.trigger, m.item "
        "FROM events e JOIN recon_mentions m ON m.event_id = e.id "
        "WHERE e.status = 'occurred' AND e.date IS NOT NULL AND e.id IN ({marks})"
    )
    rows: dict[str, list[tuple[Any, ...]]] = {}
    doing: set[str] = set()  # events with a member of a type that carries out some commitment
    for row in in_chunks(c, q, ids):
        if any(fulfils(f, row[4], row[5]) for f in fams):
            doing.add(row[0])
        rows.setdefault(row[0], []).append(row)
    events: list[tuple[_Event, list[_Member]]] = []
    for eid in sorted(doing):
        members = [
            _Member(_Mention(_place(item, aid), sub, trig)) for _, _, _, aid, sub, trig, item in rows[eid]
        ]
        _, date, status = rows[eid][0][:3]
        events.append((_Event(eid, date, status), members))
    built = cast(Sequence[tuple[Event, Sequence[Item]]], events)
    return unique_ids(track_commitments(citems, built, as_of))
