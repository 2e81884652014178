"""Train the pair model (``reconcile/pairmodel.py``) on ECB+ *train* and choose its threshold.

usage: .venv/bin/python -m bench.ecbplus_train [--embed trigger] [--prior] [--linkage max|mean]
       [--trees N] [--depth D] [--rate R] [--drop F1,F2] [--folds 3] [--write [--offset X]]

Every pair of gold mentions of one sub-topic of ECB+ train is a training example (label: same
gold chain); features are :func:`newsledger.reconcile.pairmodel.pair_features`, computed by the
production :func:`~newsledger.reconcile.merge.pair_score`. Model choice (trees, depth, threshold)
by cross-validation over train *topics*: each fold's topics are clustered by the production
clustering with a model trained on the other folds, and the clusters of all folds are scored
together (CoNLL F1). ``--write`` then trains on all of train and writes
``src/newsledger/data/pair_model_ecb[_embed].json`` with the chosen threshold as its offset
(``--offset X`` skips the cross-validation). ``--prior`` adds a learned rate of coreference per
pair of trigger words (cross-fitted over folds). ECB+ dev is never read here. Results and the
shipped choice: ``docs/benchmarks.md``, Reconcile.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.ecbplus import ECB_POLICY, build_items, group_keys

from newsledger import Context
from newsledger.reconcile.clustering import cluster
from newsledger.reconcile.merge import Item, MergePolicy, PairScore, pair_score
from newsledger.reconcile.pairmodel import BASE_FEATURES, FEATURES, PairModel, trigger_pair
from newsledger.reconcile.scoring import conll_f1

OUT = Path(__file__).resolve().parents[1] / "src" / "newsledger" / "data"


class _Recorder:
    """Stands in for a model: keeps the feature vector pair_score computes."""

    columns = tuple(range(len(FEATURES)))

    def __init__(self) -> None:
        self.last: list[float] = []

    def trigger_rate(self, a: str, b: str) -> float:
        return 0.0

    def logit(self, x: list[float]) -> float:
        self.last = x
        return 0.0


def pairs(
    items: list[Item], chain: dict[int, int]
) -> tuple[list[list[float]], list[int], list[str], list[str]]:
    """Feature vectors, labels (the same gold chain), sub-topics and trigger pairs of all pairs
    of one sub-topic."""
    rec = _Recorder()
    policy = replace(ECB_POLICY, model=rec)
    by_group: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_group[it.group].append(it)
    xs, ys, groups, keys = [], [], [], []
    for g, members in sorted(by_group.items()):
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                p = pair_score(a, b, policy)
                if not p.compatible:
                    continue
                xs.append(list(rec.last))
                ys.append(int(chain[a.index] == chain[b.index]))
                groups.append(g)
                keys.append(trigger_pair(a.trigger, b.trigger))
    return xs, ys, groups, keys


def rates(
    ys: list[int], keys: list[str], rows: list[int], smooth: float, min_count: int
) -> tuple[dict[str, float], float]:
    """Smoothed rate of coreferent pairs per trigger pair, counted over ``rows``."""
    pos: dict[str, int] = defaultdict(int)
    n: dict[str, int] = defaultdict(int)
    for i in rows:
        pos[keys[i]] += ys[i]
        n[keys[i]] += 1
    prior = sum(ys[i] for i in rows) / max(1, len(rows))
    table = {k: (pos[k] + smooth * prior) / (n[k] + smooth) for k in n if n[k] >= min_count}
    return table, prior


def with_prior(
    xs: list[list[float]], rows: list[int], table: dict[str, float], prior: float, keys: list[str]
) -> None:
    col = FEATURES.index("trigger_prior")
    for i in rows:
        xs[i][col] = table.get(keys[i], prior)


def cross_fit(
    xs: list[list[float]],
    ys: list[int],
    keys: list[str],
    fold: list[int],
    train_rows: list[int],
    args: argparse.Namespace,
) -> None:
    """Fill the trigger-prior feature of the training rows from the other folds only."""
    for g in sorted({fold[i] for i in train_rows}):
        mine = [i for i in train_rows if fold[i] == g]
        table, prior = rates(ys, keys, [i for i in train_rows if fold[i] != g], args.smooth, args.min_count)
        with_prior(xs, mine, table, prior, keys)


def memoised() -> Callable[[Item, Item, MergePolicy], PairScore]:
    """pair_score remembered per pair (the join threshold does not change a pair's score)."""
    memo: dict[tuple[int, int], PairScore] = {}

    def score(a: Item, b: Item, policy: MergePolicy) -> PairScore:
        k = (a.index, b.index)
        if k not in memo:
            memo[k] = pair_score(a, b, policy)
        return memo[k]

    return score


def topic(group: str) -> int:
    return int(group.split("-")[0])


def train(xs: list[list[float]], ys: list[int], cols: tuple[int, ...], args: argparse.Namespace) -> PairModel:
    from sklearn.ensemble import GradientBoostingClassifier

    x = [[r[c] for c in cols] for r in xs]
    clf = GradientBoostingClassifier(
        n_estimators=args.trees, max_depth=args.depth, learning_rate=args.rate, subsample=0.8, random_state=0
    )
    clf.fit(x, ys)
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        trees.append(
            tuple(
                (
                    int(t.feature[n]) if t.children_left[n] >= 0 else -1,
                    float(t.threshold[n]),
                    int(t.children_left[n]),
                    int(t.children_right[n]),
                    float(t.value[n][0][0]),
                )
                for n in range(t.node_count)
            )
        )
    base = float(clf._raw_predict_init(x[:1])[0][0])
    return PairModel(tuple(FEATURES[c] for c in cols), base, args.rate, tuple(trees))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embed", choices=("trigger",), help="with the trigger-in-context similarity")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--trees", type=int, default=150)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--linkage", default="max")
    ap.add_argument("--drop", default="", help="comma-separated features to leave out")
    ap.add_argument("--prior", action="store_true", help="learn how often two trigger words corefer")
    ap.add_argument("--smooth", type=float, default=5.0)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--offset", type=float, help="skip cross-validation; write with this join threshold")
    args = ap.parse_args(argv)
    ctx = Context()
    items, key = build_items("train", ctx, embeddings=args.embed or "")
    # label pairs by gold chain: the adapter's key lists refs per chain
    chain_of = {ref: c for c, refs in enumerate(key) for ref in refs}
    chain = {it.index: chain_of[f"{it.ref}#{it.index}"] for it in items}
    names = (*BASE_FEATURES, *(["trigger_prior"] if args.prior else []), *(["embed"] if args.embed else []))
    drop = set(filter(None, args.drop.split(",")))
    cols = tuple(FEATURES.index(f) for f in names if f not in drop)
    xs, ys, groups, keys = pairs(items, chain)
    print(f"train: {len(items)} mentions, {len(xs)} pairs, {sum(ys)} coreferent; features {len(cols)}")
    plain = items
    topics = sorted({topic(it.group) for it in plain})
    fold_of = {t: i % args.folds for i, t in enumerate(topics)}
    thresholds = [x / 4 for x in range(-8, 9)]
    response: dict[float, list[list[str]]] = {t: [] for t in thresholds}
    fold = [fold_of[topic(g)] for g in groups]
    for f in range(args.folds if args.offset is None else 0):
        tr = [i for i, g in enumerate(groups) if fold_of[topic(g)] != f]
        if args.prior:
            cross_fit(xs, ys, keys, fold, tr, args)
        model = train([xs[i] for i in tr], [ys[i] for i in tr], cols, args)
        if args.prior:
            table, prior = rates(ys, keys, tr, args.smooth, args.min_count)
            model = replace(model, lexicon=tuple(sorted(table.items())), prior=prior)
        held = [it for it in plain if fold_of[topic(it.group)] == f]
        score = memoised()
        for t in thresholds:
            policy: MergePolicy = replace(ECB_POLICY, model=model, join=t, linkage=args.linkage)
            for c in cluster(held, policy, score=score, keys=group_keys, lookup=group_keys):
                response[t].append([f"{it.ref}#{it.index}" for it in c.members])
    if args.offset is None:
        scores = {t: conll_f1(key, response[t])["conll"] for t in thresholds}
        for t in thresholds:
            print(f"  join {t:+.2f}: CoNLL {100 * scores[t]:.2f}")
        best = max(thresholds, key=lambda t: scores[t])
        print(f"cross-validated on train: best join {best:+.2f} CoNLL {100 * scores[best]:.2f}")
    else:
        best = args.offset
    if args.write:
        everything = list(range(len(xs)))
        if args.prior:
            cross_fit(xs, ys, keys, fold, everything, args)
        model = replace(train(xs, ys, cols, args), offset=best)
        if args.prior:
            table, prior = rates(ys, keys, everything, args.smooth, args.min_count)
            model = replace(model, lexicon=tuple(sorted(table.items())), prior=prior)
        name = "pair_model_ecb_embed" if args.embed else "pair_model_ecb"
        (OUT / f"{name}.json").write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {OUT / name}.json ({len(model.trees)} trees, offset {best:+.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
