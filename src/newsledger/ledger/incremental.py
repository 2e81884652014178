"""Reconciling the stored ledger: a full pass, or an incremental update after an ingest.

The store keeps a reconcile index (migrations 2–4, :mod:`.recon_index`): each event mention
as a compact merge item with its comparison features, its event, the connected component of the
blocking graph it lies in (:mod:`newsledger.reconcile.components`), where a fine place is, and its
blocking keys as hashes (``kind`` 0: keys it is indexed under; 2: what it can carry out, for
commitment fulfilment). An ingest then reads only the stored mentions that share a key with the
new ones (minus those whose places are far apart), finds which components the new mentions join,
re-clusters those components (candidates through coarse keys and the exact key relation,
:func:`newsledger.reconcile.blocking.shares_key`) and rewrites only the events that changed.
Because clustering visits mentions in a total, content-based order and never compares mentions of
different components, the result equals a full :func:`newsledger.reconcile.reconcile` over the
same articles. Commitments are few: they are re-tracked in full (grouping, history, fulfilment,
overdue status against the newest date) from the stored commitment mentions and the events that
can fulfil one (found through their kind-2 keys).

Meta ``recon_rowid``: every article with a rowid up to it is in the index; ``recon_code``: the
version of the code that wrote the index. Without them (an old ledger, one never reconciled, or
one indexed by other code) the update falls back to a full pass.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any

from ..model import AnnotatedArticle, Event
from ..reconcile import event_items, independent, reconcile_events, unique_ids
from ..reconcile.actions import act_keys
from ..reconcile.blocking import far_apart
from ..reconcile.clustering import cluster
from ..reconcile.commitments import CItem, track_commitments
from ..reconcile.components import KeyCache, ScoreMemo, component_id, components, link_new, mention_ref
from ..reconcile.conflicts import build_event
from ..reconcile.merge import PARTICIPANT_LABELS, Item
from ..reconcile.text import SameActor
from ..store import Store
from .recon_commitments import track_all
from .recon_index import (
    KeyHashes,
    code_version,
    commitment_json,
    gc_paused,
    in_chunks,
    item_json,
    load_items,
    page_cache,
)

__all__ = ["full_pass", "update_ledger"]

MARK = "recon_rowid"
CACHE_KIB = 65536  # SQLite page cache of an update (KiB)
CODE = "recon_code"
_INSERT_MENTION = (
    "INSERT INTO recon_mentions(article_id, idx, event_id, component, sub_event_type, trigger, place, item) "
    "VALUES (?,?,?,?,?,?,?,?)"
)


def _max_rowid(store: Store) -> int:
    return int(store.conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])


def _mention_row(it: Item, event_id: str, comp: str, cache: KeyCache) -> tuple[Any, ...]:
    """A ``recon_mentions`` row; ``place``: where a fine place is, so that candidates whose places
    are far apart (:func:`.blocking.far_apart`) are dropped before their items are read."""
    m, b = it.mention, cache.block(it)
    where = json.dumps([*b.point, b.name]) if b.point is not None else None
    return (it.article.id, it.index, event_id, comp, m.sub_event_type, m.trigger, where, item_json(it))


def _stored(key: Hashable) -> bool:
    """Is a blocking key stored? Not an article's own key: the articles of an update are never
    stored ones (ids are unique), so no stored mention is ever found through it."""
    return not (isinstance(key, tuple) and key and key[0] == "article")


def _key_rows(items: Iterable[Item], cache: KeyCache) -> list[tuple[Any, ...]]:
    """``recon_keys`` rows: kind 0, the blocking keys (:func:`_stored`); kind 2, what the mention
    can carry out."""
    hashes = KeyHashes()
    return list(
        dict.fromkeys(
            (kind, hashes[k], it.article.id, it.index)
            for it in items
            for kind, ks in (
                (0, [k for k in cache.keys(it) if _stored(k)]),
                (2, act_keys(it.mention.sub_event_type, it.mention.trigger)),
            )
            for k in ks
        )
    )


def _commitment_rows(arts: Iterable[AnnotatedArticle]) -> list[tuple[Any, ...]]:
    return [(a.article.id, i, commitment_json(m)) for a in arts for i, m in enumerate(a.commitments)]


def _sorted_events(built: list[tuple[Event, list[Item]]]) -> list[tuple[Event, list[Item]]]:
    return sorted(built, key=lambda em: (em[0].date or "9999", em[0].id))


_RECON_FIELDS = ("entities", "events", "commitments")  # all that reconciliation reads


def _reconcile_view(store: Store, ids: Sequence[str] | None = None) -> Iterator[AnnotatedArticle]:
    """Stored articles as reconciliation sees them, decoded one at a time: their events,
    commitments and the entities that can be participants (:func:`event_items` reads no other),
    so a large ledger's full annotations are never all in memory at once (issue 7)."""
    for a in store.annotated(ids, fields=_RECON_FIELDS):
        yield a.add(entities=tuple(e for e in a.entities if e.label in PARTICIPANT_LABELS))


def full_pass(store: Store, as_of: dt.date | None = None) -> tuple[int, int]:
    """Rebuild events, commitments and the reconcile index from every stored article."""
    through = _max_rowid(store)
    stored = list(_reconcile_view(store))
    arts = independent(stored)
    cache = KeyCache()
    # the blocking keys find candidates; the relation of an update (far-apart places never compared)
    built = reconcile_events(arts, keys=cache.keys, lookup=cache.lookups, adjacent=cache.adjacent)
    items = [it for _, members in built for it in members]
    event_of = {id(it): e.id for e, members in built for it in members}
    comp_of = {
        id(it): component_id(g)
        for g in components(items, linked=[m for _, m in built], cache=cache)
        for it in g
    }
    mentions = [_mention_row(it, event_of[id(it)], comp_of[id(it)], cache) for it in items]
    keys = _key_rows(items, cache)
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
        c.execute("DELETE FROM recon_commitments")
        c.executemany(_INSERT_MENTION, mentions)
        c.executemany("INSERT INTO recon_keys VALUES (?,?,?,?)", keys)
        c.executemany("INSERT INTO recon_commitments VALUES (?,?,?)", _commitment_rows(stored))
        store._set_meta(MARK, str(through))
        store._set_meta(CODE, code_version())
    return len(events), len(commitments)


def _new_articles(store: Store, mark: int) -> list[AnnotatedArticle]:
    ids = [
        r[0] for r in store.conn.execute("SELECT id FROM articles WHERE rowid > ? ORDER BY rowid", (mark,))
    ]
    return [a for i in range(0, len(ids), 500) for a in _reconcile_view(store, ids[i : i + 500])]


def update_ledger(
    store: Store, as_of: dt.date | None = None, phases: dict[str, float] | None = None
) -> tuple[int, int]:
    """Bring events and commitments up to date with the articles stored since the last
    reconciliation, touching only the events the new mentions can join. Returns the numbers of
    events written (new or changed) and of commitments tracked. ``phases``, if given,
    receives the CPU seconds of each step (for benchmarks)."""
    mark = store.get_meta(MARK)
    if mark is None or store.get_meta(CODE) != code_version():
        return full_pass(store, as_of)
    with gc_paused(), page_cache(store, CACHE_KIB):
        done = _update(store, int(mark), as_of, phases)
    return done if done is not None else full_pass(store, as_of)  # an id collision: see _update


def _update(
    store: Store, mark: int, as_of: dt.date | None, phases: dict[str, float] | None
) -> tuple[int, int] | None:
    """:func:`update_ledger` from the index of the articles up to rowid ``mark``; None when a new
    event id collides with an untouched event (the full pass numbers colliding ids)."""
    lap = _Laps(phases)
    through = _max_rowid(store)
    conn = store.conn
    all_new = _new_articles(store, mark)
    new_ids = [a.article.id for a in all_new]
    dups = sorted({a.article.duplicate_of for a in all_new if a.article.duplicate_of})
    present = {r[0] for r in in_chunks(conn, "SELECT id FROM articles WHERE id IN ({marks})", dups)}
    new_arts = [a for a in all_new if a.article.duplicate_of not in present]
    new_items = [it for a in independent(new_arts) for it in event_items(a)]
    lap("read new articles")
    # stored copies of a new article (stored before their original): no longer independent
    gone_q = "SELECT id FROM articles WHERE rowid <= ? AND duplicate_of IN ({marks})"
    gone = sorted({r[0] for r in in_chunks(conn, gone_q, new_ids, mark)})
    gone_rows = in_chunks(
        conn,
        "SELECT article_id, idx, event_id, component, item FROM recon_mentions WHERE article_id IN ({marks})",
        gone,
    )
    cache = KeyCache()
    stored = _candidates(store, new_items, cache, lap)
    memo = ScoreMemo()
    groups = link_new(new_items, stored, cache=cache, score=memo)
    lap("link to stored components")
    touched = sorted({comp for _, comps in groups for comp in comps} | {r[3] for r in gone_rows})
    rows = in_chunks(
        conn,
        "SELECT article_id, idx, event_id, component, item FROM recon_mentions WHERE component IN ({marks})",
        touched,
    )
    dropped = {(r[0], r[1]) for r in gone_rows}
    old_events = sorted({r[2] for r in rows} | {r[2] for r in gone_rows})
    rows = [r for r in rows if (r[0], r[1]) not in dropped]
    have = {(o.article.id, o.index): o for o, _, _ in stored}
    loaded = iter(load_items(store, [(r[0], r[4]) for r in rows if (r[0], r[1]) not in have]))
    stored_items = [have.get((r[0], r[1])) or next(loaded) for r in rows]
    items = stored_items + new_items
    lap("load touched components")
    clusters = cluster(
        items, keys=cache.coarse_keys, lookup=cache.coarse_lookups, score=memo, adjacent=cache.adjacent
    )
    lap("cluster")
    names = SameActor()
    built = _sorted_events([(build_event(cl, names), cl.members) for cl in clusters])
    lap("build events")
    new_event_ids = [e.id for e, _ in built]
    clash = set(new_event_ids) - set(old_events)
    taken = in_chunks(conn, "SELECT id FROM events WHERE id IN ({marks})", sorted(clash))
    if taken or len(set(new_event_ids)) != len(new_event_ids):
        return None  # an id collision: the full pass numbers them (-2, -3)
    # component ids: the smallest mention ref of each group (stored components are named by theirs)
    comp_name: dict[str, str] = {}
    new_comp: dict[int, str] = {}
    for idx, comps in groups:
        name = min([*comps, *(mention_ref(new_items[i]) for i in idx)])
        comp_name.update((comp, name) for comp in comps)
        new_comp.update((i, name) for i in idx)
    event_of = {id(it): e.id for e, members in built for it in members}
    updates = [
        (eid, comp, r[0], r[1])
        for r, it in zip(rows, stored_items, strict=True)
        if (eid := event_of[id(it)], comp := comp_name.get(r[3], r[3])) != (r[2], r[3])
    ]
    # events of the touched components that come out as they were stay as they are (one with a
    # new mention has a new source: it changed)
    fresh = {id(it) for it in new_items}
    grown = [any(id(it) in fresh for it in members) for _, members in built]
    same = sorted({e.id for (e, _), g in zip(built, grown, strict=True) if not g} & set(old_events))
    old_text = dict(in_chunks(conn, "SELECT id, data FROM events WHERE id IN ({marks})", same))
    texts = [store.event_text(e) for e, _ in built]
    changed = [i for i, (e, _) in enumerate(built) if grown[i] or old_text.get(e.id) != texts[i]]
    kept = {built[i][0].id for i in range(len(built))} - {built[i][0].id for i in changed}
    mentions = [_mention_row(it, event_of[id(it)], new_comp[i], cache) for i, it in enumerate(new_items)]
    keys = sorted(_key_rows(new_items, cache))  # in the table's order: inserts walk its b-tree once
    updates.sort(key=lambda u: (u[2], u[3]))
    sources = {s.article for i in changed for s in built[i][0].sources}
    original = store.originals(sorted(sources))
    lap("index rows")
    with store.transaction() as c:
        rewritten = {built[i][0].id for i in changed} & set(old_events)  # updated in place
        store.delete_events(c, [eid for eid in old_events if eid not in kept and eid not in rewritten])
        store.write_events(
            c, [built[i][0] for i in changed], original, [texts[i] for i in changed], stored=rewritten
        )
        in_chunks(c, "DELETE FROM recon_mentions WHERE article_id IN ({marks})", gone)
        gone_keys = _key_rows(load_items(store, [(r[0], r[4]) for r in gone_rows]), cache)
        c.executemany(
            "DELETE FROM recon_keys WHERE kind = ? AND key = ? AND article_id = ? AND idx = ?", gone_keys
        )
        c.executemany(
            "UPDATE recon_mentions SET event_id = ?, component = ? WHERE article_id = ? AND idx = ?",
            updates,
        )
        c.executemany(_INSERT_MENTION, mentions)
        c.executemany("INSERT INTO recon_keys VALUES (?,?,?,?)", keys)
        c.executemany("INSERT OR REPLACE INTO recon_commitments VALUES (?,?,?)", _commitment_rows(all_new))
        lap("write events and index")
        commitments = track_all(store, c, as_of)
        c.execute("DELETE FROM commitments")
        store.write_commitments(c, commitments)
        store._set_meta(MARK, str(through))
        store._set_meta("dirty", "0")
        store._set_meta("reconciled_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        lap("commitments")
    lap("commit")
    return len(changed), len(commitments)


class _Laps:
    """CPU seconds between checkpoints, summed per name into ``phases`` (when given)."""

    def __init__(self, phases: dict[str, float] | None) -> None:
        self.phases = phases
        self.last = time.process_time()

    def __call__(self, name: str) -> None:
        if self.phases is not None:
            now = time.process_time()
            self.phases[name] = self.phases.get(name, 0.0) + now - self.last
            self.last = now


def _candidates(
    store: Store, new: Sequence[Item], cache: KeyCache, lap: Callable[[str], None]
) -> list[tuple[Item, str, set[int]]]:
    """Stored mentions that share a blocking key with new ones: (item, its component, the indices
    of those new items). The key relation is symmetric (:func:`.blocking.lookup_keys`), so the
    new mentions' lookups met with the stored mentions' blocking keys (kind 0) find every pair."""
    look: dict[int, list[int]] = defaultdict(list)
    hashes = KeyHashes()
    for i, it in enumerate(new):
        for k in dict.fromkeys(cache.lookups(it)):  # (an article's own key finds nothing stored)
            look[hashes[k]].append(i)
    q = "SELECT key, article_id, idx FROM recon_keys WHERE kind = 0 AND key IN ({marks})"
    near: dict[tuple[str, int], set[int]] = defaultdict(set)
    for key, aid, idx in in_chunks(store.conn, q, sorted(look)):
        near[(aid, idx)].update(look[key])
    lap("candidate keys")
    rows = in_chunks(
        store.conn,
        "SELECT article_id, idx, component, place, item FROM recon_mentions WHERE article_id IN ({marks})",
        sorted({aid for aid, _ in near}),
    )
    blocks = [cache.block(it) for it in new]
    kept = []
    for r in rows:
        ids = near.get((r[0], r[1]))
        if ids and r[3] is not None:  # a fine place: the new mentions whose places are not far apart
            *pt, name = json.loads(r[3])
            ids = {i for i in ids if not far_apart(blocks[i].point, blocks[i].name, tuple(pt), name)}
        if ids:
            kept.append((r, ids))
    loaded = load_items(store, [(r[0], r[4]) for r, _ in kept])
    lap("load candidates")
    return [(o, r[2], ids) for (r, ids), o in zip(kept, loaded, strict=True)]
