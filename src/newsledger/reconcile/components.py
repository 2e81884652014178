"""Connected components of the blocking graph: the unit of incremental reconciliation.

Two mentions are linked when one looks up a key the other is indexed under (the only way
:func:`.clustering.cluster` finds a candidate cluster) and the pair is compatible (a cluster with a
member incompatible with a mention is never joined by it, so it cannot influence that mention's
choice; clusters and the cluster-merge pass only ever join linked mentions). Clustering visits
mentions in a total, content-based order, so clustering a union of whole components gives, for
those mentions, exactly what clustering the whole ledger gives: an ingest needs to re-cluster only
the components its new mentions join.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence

from .blocking import Block, block, block_keys, blocking_keys, item_keys, lookup_keys, near_cells, shares_key
from .merge import DEFAULT_POLICY, Item, MergePolicy, PairScore, pair_score

__all__ = [
    "KeyCache",
    "ScoreMemo",
    "compatible",
    "component_id",
    "components",
    "link_new",
    "linked_to",
    "mention_ref",
]

Keys = Callable[[Item, MergePolicy], tuple[Hashable, ...]]


class KeyCache:
    """Blocking and lookup keys of items, computed once per item (for one reconciliation); also
    the coarse keys and exact key relation (:func:`.blocking.shares_key`) that clustering many
    items can use instead (``cluster(..., keys=c.coarse_keys, lookup=c.coarse_lookups,
    adjacent=c.adjacent)``: the same clusters, without every item's ~100 lookup keys)."""

    def __init__(self, policy: MergePolicy = DEFAULT_POLICY) -> None:
        self.policy = policy
        self._cache: dict[int, tuple[Item, tuple[Hashable, ...], tuple[Hashable, ...]]] = {}
        self._coarse: dict[int, tuple[Item, tuple[Hashable, ...], tuple[Hashable, ...], Block]] = {}
        self._near: dict[tuple[int, int], frozenset[tuple[int, int]]] = {}

    def _both(
        self, item: Item, policy: MergePolicy
    ) -> tuple[Item, tuple[Hashable, ...], tuple[Hashable, ...]]:
        got = self._cache.get(id(item))
        if got is None or got[0] is not item:
            got = self._cache[id(item)] = (item, *item_keys(item, policy))
        return got

    def keys(self, item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
        return self._both(item, policy)[1]

    def lookups(self, item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
        return self._both(item, policy)[2]

    def _blocked(self, item: Item) -> tuple[Item, tuple[Hashable, ...], tuple[Hashable, ...], Block]:
        got = self._coarse.get(id(item))
        if got is None or got[0] is not item:
            b = block(item)
            got = self._coarse[id(item)] = (item, *block_keys(b, self.policy, self._near_cells), b)
        return got

    def coarse_keys(self, item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
        return self._blocked(item)[1]

    def coarse_lookups(self, item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
        return self._blocked(item)[2]

    def _near_cells(self, cell: tuple[int, int]) -> frozenset[tuple[int, int]]:
        got = self._near.get(cell)
        if got is None:
            got = self._near[cell] = near_cells(cell)
        return got

    def block(self, item: Item) -> Block:
        """What decides the item's keys (:func:`.blocking.block`)."""
        return self._blocked(item)[3]

    def adjacent(self, a: Item, b: Item) -> bool:
        """Does ``a`` look up a blocking key ``b`` is indexed under?"""
        got_a, got_b = self._coarse.get(id(a)), self._coarse.get(id(b))
        if got_a is None or got_a[0] is not a:
            got_a = self._blocked(a)
        if got_b is None or got_b[0] is not b:
            got_b = self._blocked(b)
        return shares_key(got_a[3], got_b[3], self.policy, self._near_cells)


Score = Callable[[Item, Item, MergePolicy], PairScore]


class ScoreMemo:
    """:func:`.merge.pair_score` remembered per ordered pair of items (for one reconciliation:
    the pairs an ingest checks to find components are scored again by clustering)."""

    def __init__(self) -> None:
        self._memo: dict[tuple[int, int], tuple[Item, Item, MergePolicy, PairScore]] = {}

    def __call__(self, a: Item, b: Item, policy: MergePolicy = DEFAULT_POLICY) -> PairScore:
        got = self._memo.get((id(a), id(b)))
        if got is not None and got[0] is a and got[1] is b and got[2] is policy:
            return got[3]
        p = pair_score(a, b, policy)
        self._memo[(id(a), id(b))] = (a, b, policy, p)
        return p


def _visit(item: Item) -> tuple[object, ...]:
    key = getattr(item, "visit_key", None)
    return (0, key) if key is not None else (1, item.sort_key)


def compatible(x: Item, y: Item, policy: MergePolicy = DEFAULT_POLICY, score: Score = pair_score) -> bool:
    """Could the two mentions ever be in one cluster (in either order)? The order clustering
    visits them in is tried first (what a :class:`ScoreMemo` then has ready for it)."""
    a, b = (x, y) if _visit(x) <= _visit(y) else (y, x)
    return score(a, b, policy).compatible or score(b, a, policy).compatible


class _Roots:
    """Union-find over hashable nodes."""

    def __init__(self, nodes: Iterable[Hashable] = ()) -> None:
        self.root: dict[Hashable, Hashable] = {n: n for n in nodes}

    def find(self, x: Hashable) -> Hashable:
        root = self.root
        r = root.setdefault(x, x)
        while root[r] != r:
            root[r] = root[root[r]]
            r = root[r]
        return r

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.root[rb] = ra


def mention_ref(item: Item) -> str:
    """A stable name of a mention: its article id and index among the article's events."""
    return f"{item.article.id}:{item.index}"


def component_id(members: Sequence[Item]) -> str:
    """A component's name: the smallest mention ref in it (stable, content-based)."""
    return min(mention_ref(it) for it in members)


def components(
    items: Sequence[Item],
    policy: MergePolicy = DEFAULT_POLICY,
    linked: Sequence[Sequence[Item]] = (),
    cache: KeyCache | None = None,
    score: Score = pair_score,
) -> list[list[Item]]:
    """The items grouped by connected component (each group in input order). ``linked``: groups
    of the items known to be connected (e.g. the clusters), so their pairs need no check."""
    cache = cache or KeyCache()
    indexed: dict[Hashable, list[int]] = defaultdict(list)
    looked: dict[Hashable, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for k in cache.keys(it, policy):
            indexed[k].append(i)
        for k in cache.lookups(it, policy):
            looked[k].append(i)
    root = list(range(len(items)))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    pos = {id(it): i for i, it in enumerate(items)}
    for group in linked:
        idx = [pos[id(it)] for it in group if id(it) in pos]
        for j in idx[1:]:
            ra, rb = find(idx[0]), find(j)
            if ra != rb:
                root[rb] = ra
    checked: set[tuple[int, int]] = set()
    for k, lookers in looked.items():
        hits = indexed.get(k)
        if not hits:
            continue
        for a in lookers:
            for b in hits:
                if a == b:
                    continue
                pair = (a, b) if a < b else (b, a)
                if pair in checked:
                    continue
                checked.add(pair)
                ra, rb = find(a), find(b)
                if ra == rb:
                    continue
                if compatible(items[pair[0]], items[pair[1]], policy, score):
                    root[rb] = ra
    groups: dict[int, list[Item]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[find(i)].append(it)
    return list(groups.values())


def linked_to(
    new: Sequence[Item], others: Sequence[Item], policy: MergePolicy = DEFAULT_POLICY
) -> list[Item]:
    """The ``others`` linked directly to one of the ``new`` items (a blocking key one looks up and
    the other is indexed under, and a compatible pair)."""
    indexed: dict[Hashable, list[int]] = defaultdict(list)
    looked: dict[Hashable, list[int]] = defaultdict(list)
    for i, it in enumerate(new):
        for k in blocking_keys(it, policy):
            indexed[k].append(i)
        for k in lookup_keys(it, policy):
            looked[k].append(i)
    out = []
    for o in others:
        near = {i for k in lookup_keys(o, policy) for i in indexed.get(k, ())}
        near.update(i for k in blocking_keys(o, policy) for i in looked.get(k, ()))
        if any(
            pair_score(o, new[i], policy).compatible or pair_score(new[i], o, policy).compatible
            for i in sorted(near)
        ):
            out.append(o)
    return out


def link_new(
    new: Sequence[Item],
    stored: Sequence[tuple[Item, str, Collection[int]]],
    policy: MergePolicy = DEFAULT_POLICY,
    cache: KeyCache | None = None,
    score: Score = pair_score,
) -> list[tuple[list[int], set[str]]]:
    """The components new items form with each other and with stored components.

    ``stored``: the stored mentions that share a blocking key with new items (in either
    direction: one looks up a key the other is indexed under), each with its component id and the
    indices of those new items. A pair is checked only while its two sides are not yet known to
    be connected, so a stored component costs one compatible pair per group of new items.
    Returns one ``(indices of new items, ids of stored components)`` per group that holds a new
    item: the stored components in it are the ones the new items touch.
    """
    cache = cache or KeyCache()
    roots = _Roots(range(len(new)))
    new_index = {id(it): i for i, it in enumerate(new)}
    for group in components(new, policy, cache=cache, score=score):
        ids = [new_index[id(it)] for it in group]
        for j in ids[1:]:
            roots.union(ids[0], j)
    for o, comp, near in stored:
        node = ("c", comp)
        for i in sorted(near):
            if roots.find(i) != roots.find(node) and compatible(o, new[i], policy, score):
                roots.union(i, node)
    groups: dict[Hashable, tuple[list[int], set[str]]] = {}
    for i in range(len(new)):
        groups.setdefault(roots.find(i), ([], set()))[0].append(i)
    for _, comp, _ in stored:
        g = groups.get(roots.find(("c", comp)))
        if g is not None:
            g[1].add(comp)
    return list(groups.values())
