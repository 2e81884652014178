"""Greedy best-link clustering of merge items, then a pass that joins whole clusters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from .blocking import blocking_keys, lookup_keys
from .merge import DEFAULT_POLICY, Item, MergePolicy, PairScore, joins, pair_score


@dataclass
class Cluster:
    members: list[Item] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def cluster(
    items: Iterable[Item],
    policy: MergePolicy = DEFAULT_POLICY,
    score: Callable[[Item, Item, MergePolicy], PairScore] = pair_score,
    keys: Callable[[Item, MergePolicy], tuple[Hashable, ...]] = blocking_keys,
    lookup: Callable[[Item, MergePolicy], tuple[Hashable, ...]] = lookup_keys,
    adjacent: Callable[[Item, Item], bool] | None = None,
) -> list[Cluster]:
    """Greedy best-link clustering in a deterministic order; every merge records why.

    A cluster is a candidate for an item when one of its members is indexed under a key the item
    looks up. ``adjacent``: when ``keys`` / ``lookup`` relate more pairs than the blocking keys
    (e.g. :func:`.blocking.coarse_keys`), the exact relation (:func:`.blocking.shares_key`); a
    cluster is then a candidate only when it holds an item adjacent to the one visited."""
    clusters: list[Cluster] = []
    index: dict[Hashable, list[int]] = defaultdict(list)
    for item in sorted(items, key=lambda x: x.visit_key):
        candidates = sorted({c for k in lookup(item, policy) for c in index.get(k, ())})
        best: tuple[float, int, PairScore, Item] | None = None
        for cid in candidates:
            if adjacent is not None and not any(adjacent(item, o) for o in clusters[cid].members):
                continue
            link: tuple[float, PairScore, Item] | None = None
            total = 0.0
            for other in clusters[cid].members:
                p = score(other, item, policy)
                if not p.compatible:
                    link = None
                    break
                total += p.score
                if link is None or p.score > link[0]:
                    link = (p.score, p, other)
            if link is None or not joins(link[1], policy):
                continue
            value = link[0] if policy.linkage == "max" else total / len(clusters[cid].members)
            if policy.linkage != "max" and value < policy.join:
                continue
            if best is None or value > best[0]:
                best = (value, cid, link[1], link[2])
        if best is None:
            cid = len(clusters)
            clusters.append(Cluster([item]))
        else:
            _, cid, p, other = best
            clusters[cid].members.append(item)
            clusters[cid].reasons.append(
                f"{item.ref} joined {other.ref}: score {p.score:.2f} ({', '.join(p.reasons)})"
            )
        for k in keys(item, policy):
            if not index[k] or index[k][-1] != cid:
                index[k].append(cid)
    return _merge_clusters(clusters, index, policy, score, lookup, adjacent)


def _link(
    a: Cluster, b: Cluster, policy: MergePolicy, score: Callable[[Item, Item, MergePolicy], PairScore]
) -> tuple[float, PairScore, Item, Item] | None:
    best: tuple[float, PairScore, Item, Item] | None = None
    total = 0.0
    for x in a.members:
        for y in b.members:
            p = score(x, y, policy)
            if not p.compatible:
                return None
            total += p.score
            if best is None or p.score > best[0]:
                best = (p.score, p, x, y)
    if best is None or not joins(best[1], policy):
        return None
    if policy.linkage != "max":
        mean = total / (len(a.members) * len(b.members))
        return (mean, best[1], best[2], best[3]) if mean >= policy.join else None
    return best


def _merge_clusters(
    clusters: list[Cluster],
    index: dict[Hashable, list[int]],
    policy: MergePolicy,
    score: Callable[[Item, Item, MergePolicy], PairScore],
    lookup: Callable[[Item, MergePolicy], tuple[Hashable, ...]],
    adjacent: Callable[[Item, Item], bool] | None = None,
) -> list[Cluster]:
    """Second pass: join whole clusters the greedy pass kept apart (e.g. two reports that each
    first grouped their own mentions), best link first, in a deterministic order."""
    pairs = sorted(
        {
            (min(i, j), max(i, j))
            for i, c in enumerate(clusters)
            for it in c.members
            for k in lookup(it, policy)
            for j in index.get(k, ())
            if j != i
        }
    )
    if adjacent is not None:
        pairs = [
            (i, j)
            for i, j in pairs
            if any(adjacent(x, y) for x in clusters[i].members for y in clusters[j].members)
        ]
    candidates = []
    for i, j in pairs:
        link = _link(clusters[i], clusters[j], policy, score)
        if link is not None:
            candidates.append((-link[0], i, j))
    if not candidates:
        return clusters
    root = list(range(len(clusters)))

    def find(x: int) -> int:
        while root[x] != x:
            x = root[x]
        return x

    for _, i, j in sorted(candidates):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        first, second = min(ri, rj), max(ri, rj)
        link = _link(clusters[first], clusters[second], policy, score)
        if link is None:
            continue
        p, x, y = link[1], link[2], link[3]
        a, b = (x, y) if y.sort_key > x.sort_key else (y, x)
        clusters[first].members.extend(clusters[second].members)
        clusters[first].members.sort(key=lambda it: it.sort_key)
        clusters[first].reasons.extend(clusters[second].reasons)
        clusters[first].reasons.append(
            f"{b.ref} joined {a.ref}: score {p.score:.2f} ({', '.join(p.reasons)})"
        )
        clusters[second].members = []
        root[second] = first
    return [c for c in clusters if c.members]
