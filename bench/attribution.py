"""Benchmark: the claims stage on PolNeAR (attribution relations in US political news).

usage: python -m bench.attribution [--split dev|train] [--half all|a|b] [--limit N]
                                   [--errors N] [--seed-check]

Reads ``../shared/eval/attribution/polnear/<split>`` (texts + brat .ann, the first .ann per text
is gold) with the official scorer's ``load_ann``/``words``/``PRONOUNS`` (imported at run time
from ../shared/eval, nothing copied) and scores our claims the way ``score_attribution.py``
does: a claim matches a gold attribution when its content span overlaps the gold Content span
(one to one, first unused claim in our order); claim P/R/F1; source accuracy (our source
contains the head word of the gold Source; any source for a pronoun); cue accuracy (a shared
word); attribution F1 = claim F1 x source accuracy. The pipeline runs in process (parse +
claims only). ``--half a|b`` scores every other document, to check that rules generalise.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
POLNEAR = SHARED_EVAL / "attribution" / "polnear"


def load_scorer() -> Any:
    path = SHARED_EVAL / "score_attribution.py"
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    sys.path.insert(0, str(SHARED_EVAL))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_split(scorer: Any, split: str, half: str, limit: int) -> list[tuple[str, str, list[dict[str, Any]]]]:
    root = POLNEAR / split
    texts = sorted((root / "text").glob("*.txt"))
    docs = []
    for i, t in enumerate(texts):
        if half == "a" and i % 2:
            continue
        if half == "b" and not i % 2:
            continue
        anns = sorted((root / "attributions").glob(t.stem + "_*.ann"))
        if not anns:
            continue
        docs.append((t.stem, t.read_text(encoding="utf-8"), scorer.load_ann(anns[0])))
    return docs[:limit] if limit else docs


def run_claims(docs: list[tuple[str, str, list[dict[str, Any]]]]) -> list[list[dict[str, Any]]]:
    from newsledger import Context
    from newsledger.model import Article
    from newsledger.pipeline import parse
    from newsledger.stages import claims

    ctx = Context()
    arts = [Article(id=name, text=text) for name, text, _ in docs]
    out = []
    for parsed in parse(arts, ctx):
        ann = claims.STAGE.func(parsed, ctx)
        out.append(
            [
                {"start": c.span.start, "end": c.span.end, "source": c.source, "cue": c.cue, "text": c.text}
                for c in ann.claims
            ]
        )
    return out


def score(scorer: Any, docs: list[Any], systems: list[list[dict[str, Any]]], errors: int) -> dict[str, float]:
    n_gold = n_sys = matched = src_ok = cue_ok = 0
    misses: list[str] = []
    for (name, text, gold), claims in zip(docs, systems, strict=True):
        n_gold += len(gold)
        n_sys += len(claims)
        used: set[int] = set()
        for a in gold:
            j = next(
                (
                    j
                    for j, c in enumerate(claims)
                    if j not in used and c["start"] < a["end"] and c["end"] > a["start"]
                ),
                None,
            )
            if j is None:
                misses.append(
                    f"MISS {name}: [{a['source']}] <{a['cue']}> {text[a['start'] : a['end']][:140]!r}"
                )
                continue
            used.add(j)
            matched += 1
            c = claims[j]
            head = (scorer.words(a["source"]) or [""])[-1]
            sw = scorer.words(c.get("source"))
            ok = bool(head) and (head in sw or (head in scorer.PRONOUNS and bool(sw)))
            src_ok += ok
            if not ok:
                misses.append(
                    f"SOURCE {name}: gold [{a['source']}] ours [{c.get('source')}] <{c.get('cue')}>"
                )
            cue_ok += bool(set(scorer.words(a["cue"])) & set(scorer.words(c.get("cue"))))
        for j, c in enumerate(claims):
            if j not in used:
                misses.append(f"EXTRA {name}: [{c['source']}] <{c['cue']}> {c['text'][:140]!r}")
    p, r = matched / max(n_sys, 1), matched / max(n_gold, 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    sa, ca = src_ok / max(matched, 1), cue_ok / max(matched, 1)
    if errors:
        for kind in ("MISS", "EXTRA", "SOURCE"):
            sel = [m for m in misses if m.startswith(kind)]
            print(f"--- {kind}: {len(sel)}")
            for m in sel[:errors]:
                print(m)
    return {
        "docs": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "p": p,
        "r": r,
        "f1": f,
        "source_acc": sa,
        "cue_acc": ca,
        "attr_f1": f * sa,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--half", default="all", choices=("all", "a", "b"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print N misses / extras / wrong sources")
    args = ap.parse_args()
    if not POLNEAR.is_dir():
        raise SystemExit(f"{POLNEAR} is not present")
    scorer = load_scorer()
    docs = load_split(scorer, args.split, args.half, args.limit)
    t0 = time.perf_counter()
    systems = run_claims(docs)
    secs = time.perf_counter() - t0
    m = score(scorer, docs, systems, args.errors)
    print(
        f"split: {args.split} half: {args.half}  texts: {m['docs']}  gold: {m['gold']}  system: {m['system']}"
    )
    print(f"claim P/R/F1: {m['p']:.4f} {m['r']:.4f} {m['f1']:.4f}")
    print(f"source accuracy: {m['source_acc']:.4f}  cue accuracy: {m['cue_acc']:.4f}")
    print(f"attribution F1: {m['attr_f1']:.4f}   ({secs:.1f} s incl. parsing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
