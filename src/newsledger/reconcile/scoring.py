"""Coreference metrics: MUC, B³, CEAF-e and their mean, the CoNLL F1 (Pradhan et al. 2014).

Clusters are collections of hashable mention ids. Mentions missing from one side count as
singletons there (MUC) or are scored as the reference scorer does (B³ and CEAF-e over each
side's own mentions). Used by ``bench/ecbplus.py`` and tested on hand-computed cases.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

Clusters = Sequence[Iterable[Hashable]]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _sets(clusters: Clusters) -> list[frozenset[Hashable]]:
    return [frozenset(c) for c in clusters if c]


def _muc_side(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> float:
    where = {m: i for i, c in enumerate(response) for m in c}
    num = den = 0
    for k in key:
        parts = {where.get(m, ("single", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num / den if den else 0.0


def muc(key: Clusters, response: Clusters) -> PRF:
    k, r = _sets(key), _sets(response)
    return PRF(_muc_side(r, k), _muc_side(k, r))


def _b3_side(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> float:
    where = {m: c for c in response for m in c}
    total = n = 0.0
    for k in key:
        for m in k:
            n += 1
            r = where.get(m)
            total += len(k & r) / len(k) if r else 0.0
    return total / n if n else 0.0


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    k, r = _sets(key), _sets(response)
    return PRF(_b3_side(r, k), _b3_side(k, r))


def _hungarian_max(weights: list[list[float]]) -> float:
    """Maximum total weight of a one-to-one assignment (rows ≤ columns after padding)."""
    n_rows, n_cols = len(weights), len(weights[0]) if weights else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return 0.0
    cost = [[-(weights[i][j]) if i < n_rows and j < n_cols else 0.0 for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    total = 0.0
    for j in range(1, n + 1):
        i = p[j]
        if i and i - 1 < n_rows and j - 1 < n_cols:
            total += weights[i - 1][j - 1]
    return total


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    k, r = _sets(key), _sets(response)
    if not k or not r:
        return PRF(0.0, 0.0)
    # solve each connected component of the key/response overlap graph on its own
    by_mention: dict[Hashable, list[int]] = {}
    for j, c in enumerate(r):
        for m in c:
            by_mention.setdefault(m, []).append(j)
    parent = list(range(len(k) + len(r)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, c in enumerate(k):
        for m in c:
            for j in by_mention.get(m, ()):
                parent[find(i)] = find(len(k) + j)
    comps: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(k)):
        comps.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(r)):
        comps.setdefault(find(len(k) + j), ([], []))[1].append(j)
    total = 0.0
    for rows, cols in comps.values():
        if not rows or not cols:
            continue
        w = [[2 * len(k[i] & r[j]) / (len(k[i]) + len(r[j])) for j in cols] for i in rows]
        total += _hungarian_max(w)
    return PRF(total / len(r), total / len(k))


def conll_f1(key: Clusters, response: Clusters) -> dict[str, float]:
    """MUC, B³ and CEAF-e F1 and their mean (the CoNLL F1), as fractions."""
    scores = {
        "muc": muc(key, response).f1,
        "b3": b_cubed(key, response).f1,
        "ceafe": ceaf_e(key, response).f1,
    }
    scores["conll"] = sum(scores.values()) / 3
    return scores
