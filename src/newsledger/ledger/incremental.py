"""Reconciling the stored ledger: a full pass, or an incremental update after an ingest.

The store keeps a reconcile index (migration 2): each event mention's event, the connected
component of the blocking graph it lies in (:mod:`newsledger.reconcile.components`), and its
blocking keys (``kind`` 0: keys it is indexed under; 1: the unpadded keys it looks up). An
ingest then loads only the stored mentions whose components the new mentions touch, re-clusters
those components and rewrites only their events. Because clustering visits mentions in a total,
content-based order and never compares mentions of different components, the result equals a
full :func:`newsledger.reconcile.reconcile` over the same articles. Commitments are few: they
are re-tracked in full (grouping, history, fulfilment, overdue status against the newest date)
from the commitment mentions and a compact per-mention summary of the occurred events.

Meta ``recon_rowid``: every article with a rowid up to it is in the index. Without it (an old
ledger, or one never reconciled) the update falls back to a full pass.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ..model import Event, PlaceMention, TrackedCommitment
from ..reconcile import event_items, independent, reconcile_events, unique_ids
from ..reconcile.actions import fulfils
from ..reconcile.blocking import blocking_keys, lookup_keys, probe_keys, reverse_keys
from ..reconcile.clustering import cluster
from ..reconcile.commitments import CItem, track_commitments
from ..reconcile.components import component_id, components, linked_to
from ..reconcile.conflicts import build_event
from ..reconcile.merge import Item
from ..serialize import from_plain, to_plain
from ..store import Store

__all__ = ["full_pass", "update_ledger"]

MARK = "recon_rowid"
CHUNK = 500


def _key(k: object) -> str:
    return repr(k)


def _max_rowid(store: Store) -> int:
    return int(store.conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])


def _newest(store: Store) -> dt.date | None:
    q = (
        "SELECT max(published) FROM articles WHERE duplicate_of IS NULL "
        "OR duplicate_of NOT IN (SELECT id FROM articles)"
    )
    row = store.conn.execute(q).fetchone()
    return dt.date.fromisoformat(row[0][:10]) if row and row[0] else None


def _index_rows(
    built: Sequence[tuple[Event, Sequence[Item]]], items: Sequence[Item], with_keys: Iterable[Item]
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    event_of = {id(it): e.id for e, members in built for it in members}
    comp_of = {id(it): component_id(g) for g in components(items, linked=[m for _, m in built]) for it in g}
    mentions = [
        (
            it.article.id, it.index, event_of[id(it)], comp_of[id(it)], it.mention.sub_event_type,
            it.mention.trigger, json.dumps(to_plain(it.mention.place)) if it.mention.place else None,
        )
        for it in items
    ]  # fmt: skip
    keys = [
        (_key(k), kind, it.article.id, it.index)
        for it in with_keys
        for kind, ks in ((0, blocking_keys(it)), (1, probe_keys(it)))
        for k in dict.fromkeys(ks)
    ]
    return mentions, keys


def _sorted_events(built: list[tuple[Event, list[Item]]]) -> list[tuple[Event, list[Item]]]:
    return sorted(built, key=lambda em: (em[0].date or "9999", em[0].id))


def full_pass(store: Store, as_of: dt.date | None = None) -> tuple[int, int]:
    """Rebuild events, commitments and the reconcile index from every stored article."""
    through = _max_rowid(store)
    arts = independent(list(store.annotated()))
    built = reconcile_events(arts)
    items = [it for _, members in built for it in members]
    mentions, keys = _index_rows(built, items, items)
    if as_of is None:
        as_of = max((a.article.published for a in arts if a.article.published), default=None)
    citems = [CItem(a.article, m, i) for a in arts for i, m in enumerate(a.commitments)]
    commitments = unique_ids(track_commitments(citems, built, as_of))
    events = tuple(e for e, _ in built)
    with store.transaction() as c:  # a crash before the index is written leaves no stale index
        c.execute("DELETE FROM meta WHERE key = ?", (MARK,))
    store.replace_ledger(events, commitments)
    with store.transaction() as c:
        c.execute("DELETE FROM recon_mentions")
        c.execute("DELETE FROM recon_keys")
        c.executemany("INSERT INTO recon_mentions VALUES (?,?,?,?,?,?,?)", mentions)
        c.executemany("INSERT INTO recon_keys VALUES (?,?,?,?)", keys)
        store._set_meta(MARK, str(through))
    return len(events), len(commitments)


def _in_chunks(c: Any, query: str, values: Sequence[Any], *params: Any) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for i in range(0, len(values), CHUNK):
        chunk = list(values[i : i + CHUNK])
        out.extend(c.execute(query.format(marks=",".join("?" * len(chunk))), (*params, *chunk)))
    return out


def update_ledger(store: Store, as_of: dt.date | None = None) -> tuple[int, int]:
    """Bring events and commitments up to date with the articles stored since the last
    reconciliation, touching only the events the new mentions can join. Returns the numbers of
    events and commitments rewritten (events) / tracked (commitments)."""
    mark = store.get_meta(MARK)
    if mark is None:
        return full_pass(store, as_of)
    through = _max_rowid(store)
    conn = store.conn
    new_ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE rowid > ?", (int(mark),))]
    new_arts = list(store.annotated(new_ids))
    dups = sorted({a.article.duplicate_of for a in new_arts if a.article.duplicate_of})
    present = {r[0] for r in _in_chunks(conn, "SELECT id FROM articles WHERE id IN ({marks})", dups)}
    new_arts = [a for a in new_arts if a.article.duplicate_of not in present]
    new_items = [it for a in independent(new_arts) for it in event_items(a)]
    # stored components the new mentions touch (either side may look the other up)
    probe = sorted({_key(k) for it in new_items for k in reverse_keys(it)})
    look = sorted({_key(k) for it in new_items for k in lookup_keys(it)})
    join = (
        "SELECT DISTINCT m.article_id, m.idx, m.component FROM recon_keys k JOIN recon_mentions m "
        "ON m.article_id = k.article_id AND m.idx = k.idx WHERE k.kind = ? AND k.key IN ({marks})"
    )
    hits = set(_in_chunks(conn, join, probe, 1) + _in_chunks(conn, join, look, 0))
    comp_of = {(aid, idx): comp for aid, idx, comp in hits}
    # which of those candidates are linked to a new mention (blocking key and compatible)
    candidates = _load_items(store, {(aid, idx) for aid, idx, _ in hits})
    comps = {comp_of[(it.article.id, it.index)] for it in linked_to(new_items, candidates)}
    comp_list = sorted(comps)
    rows = _in_chunks(
        conn, "SELECT article_id, idx, event_id FROM recon_mentions WHERE component IN ({marks})", comp_list
    )
    old_events = sorted({r[2] for r in rows})
    stored_items = _load_items(store, {(aid, idx) for aid, idx, _ in rows})
    items = stored_items + new_items
    built = _sorted_events([(build_event(cl), cl.members) for cl in cluster(items)])
    new_event_ids = [e.id for e, _ in built]
    clash = set(new_event_ids) - set(old_events)
    taken = _in_chunks(conn, "SELECT id FROM events WHERE id IN ({marks})", sorted(clash))
    if taken or len(set(new_event_ids)) != len(new_event_ids):
        return full_pass(store, as_of)  # an id collision: the full pass numbers them (-2, -3)
    mentions, keys = _index_rows(built, items, new_items)
    original = store.originals()
    with store.transaction() as c:
        store.delete_events(c, old_events)
        store.write_events(c, [e for e, _ in built], original)
        for i in range(0, len(comp_list), CHUNK):
            chunk = comp_list[i : i + CHUNK]
            c.execute(f"DELETE FROM recon_mentions WHERE component IN ({','.join('?' * len(chunk))})", chunk)
        c.executemany("INSERT INTO recon_mentions VALUES (?,?,?,?,?,?,?)", mentions)
        c.executemany("INSERT INTO recon_keys VALUES (?,?,?,?)", keys)
        commitments = _track_all(store, c, as_of)
        c.execute("DELETE FROM commitments")
        store.write_commitments(c, commitments)
        store._set_meta(MARK, str(through))
        store._set_meta("dirty", "0")
        store._set_meta("reconciled_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    return len(built), len(commitments)


def _load_items(store: Store, refs: set[tuple[str, int]]) -> list[Item]:
    """The stored mentions ``(article id, index)`` as merge items, in a content-based order."""
    wanted: dict[str, set[int]] = {}
    for aid, idx in refs:
        wanted.setdefault(aid, set()).add(idx)
    fields = ("events", "entities", "commitments")
    arts = store.annotated(sorted(wanted), fields=fields)
    return [it for a in arts for it in event_items(a) if it.index in wanted[a.article.id]]


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


def _track_all(store: Store, c: Any, as_of: dt.date | None) -> tuple[TrackedCommitment, ...]:
    """Every commitment re-tracked from its mentions and the (already updated) events."""
    ids = [r[0] for r in c.execute("SELECT article_id FROM annotations WHERE n_commitments > 0")]
    if not ids:
        return ()
    arts = independent(list(store.annotated(ids, fields=("commitments",))))
    dups = {a.article.duplicate_of for a in arts if a.article.duplicate_of}
    present = {r[0] for r in _in_chunks(c, "SELECT id FROM articles WHERE id IN ({marks})", sorted(dups))}
    arts = [a for a in arts if a.article.duplicate_of not in present]
    citems = [CItem(a.article, m, i) for a in arts for i, m in enumerate(a.commitments)]
    if as_of is None:
        as_of = _newest(store)
    fams = {it.family for it in citems}
    q = (
        "SELECT e.id, e.date, e.status, m.article_id, m.sub_event_type, m.trigger, m.place "
        "FROM events e JOIN recon_mentions m ON m.event_id = e.id "
        "WHERE e.status = 'occurred' AND e.date IS NOT NULL"
    )
    rows: dict[str, list[tuple[Any, ...]]] = {}
    doing: set[str] = set()  # events with a member of a type that carries out some commitment
    for row in c.execute(q):
        if any(fulfils(f, row[4], row[5]) for f in fams):
            doing.add(row[0])
        rows.setdefault(row[0], []).append(row)
    events: list[tuple[_Event, list[_Member]]] = []
    for eid in sorted(doing):
        members = [
            _Member(_Mention(from_plain(PlaceMention, json.loads(p), aid) if p else None, sub, trig))
            for _, _, _, aid, sub, trig, p in rows[eid]
        ]
        _, date, status = rows[eid][0][:3]
        events.append((_Event(eid, date, status), members))
    built = cast(Sequence[tuple[Event, Sequence[Item]]], events)
    return unique_ids(track_commitments(citems, built, as_of))
