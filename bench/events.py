"""CASE-2021 task 2 (ACLED sub-event types of news snippets): accuracy and macro F1.

usage: .venv/bin/python -m bench.events [--tsv PATH] [--limit N] [--verbose] [--mode inproc|cli]

Scores with ``../shared/eval/score_events.py`` itself (its metrics and CASE-code mapping are
imported at run time; nothing is copied). ``--mode inproc`` (default) runs the pipeline in this
process (same stages as ``newsledger extract``, no subprocess); ``--mode cli`` lets the scorer
call ``newsledger extract``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def load_scorer(name: str) -> Any:
    sys.path.insert(0, str(SHARED))
    spec = importlib.util.spec_from_file_location(name, SHARED / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def inproc_extract(docs: list[tuple[str, str | None, str]], timeout: int = 0) -> dict[str, dict]:
    """Same contract as the scorers' ``run_extract``: name -> {"events": [...]}."""
    import datetime as dt

    from newsledger import Context
    from newsledger.model import Article
    from newsledger.pipeline import extract

    ctx = Context()
    arts = [
        Article(
            id=name,
            text=text,
            published=dt.date.fromisoformat(pub) if pub else None,
            source_file=f"{name}.txt",
        )
        for name, pub, text in docs
    ]
    out: dict[str, dict] = {}
    for a in extract(arts, ctx):
        out[a.article.id] = {
            "source_file": a.article.source_file,
            "events": [
                {
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "trigger": e.trigger,
                    "rule": e.rule,
                }
                for e in a.events
            ],
        }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", default=str(SHARED / "events" / "case2021_task2_dev.tsv"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--mode", choices=("inproc", "cli"), default="inproc")
    args = ap.parse_args()
    if not Path(args.tsv).exists():
        print(f"no data at {args.tsv} (../shared absent?)")
        return 2
    scorer = load_scorer("score_events")
    if args.mode == "inproc":
        scorer.run_extract = inproc_extract
    argv = (
        [args.tsv]
        + (["--limit", str(args.limit)] if args.limit else [])
        + (["--verbose"] if args.verbose else [])
    )
    sys.argv = ["score_events.py", *argv]
    t0 = time.perf_counter()
    rc = scorer.main()
    print(f"time: {time.perf_counter() - t0:.1f} s")
    return int(rc)


if __name__ == "__main__":
    sys.exit(main())
