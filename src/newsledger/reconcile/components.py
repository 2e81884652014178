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
from collections.abc import Hashable, Sequence

from .blocking import blocking_keys, lookup_keys
from .merge import DEFAULT_POLICY, Item, MergePolicy, pair_score

__all__ = ["component_id", "components", "linked_to", "mention_ref"]


def mention_ref(item: Item) -> str:
    """A stable name of a mention: its article id and index among the article's events."""
    return f"{item.article.id}:{item.index}"


def component_id(members: Sequence[Item]) -> str:
    """A component's name: the smallest mention ref in it (stable, content-based)."""
    return min(mention_ref(it) for it in members)


def components(
    items: Sequence[Item], policy: MergePolicy = DEFAULT_POLICY, linked: Sequence[Sequence[Item]] = ()
) -> list[list[Item]]:
    """The items grouped by connected component (each group in input order). ``linked``: groups
    of the items known to be connected (e.g. the clusters), so their pairs need no check."""
    indexed: dict[Hashable, list[int]] = defaultdict(list)
    looked: dict[Hashable, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for k in blocking_keys(it, policy):
            indexed[k].append(i)
        for k in lookup_keys(it, policy):
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
                x, y = items[pair[0]], items[pair[1]]
                if pair_score(x, y, policy).compatible or pair_score(y, x, policy).compatible:
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
