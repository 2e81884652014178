"""Speed and scale of the whole pipeline (issue 7), each number next to its baseline of the same run.

usage: nice .venv/bin/python -m bench.scale throughput [--corpora reuters gva bbc] [--docs N] [--workers 1 2] [--skip N]
       nice .venv/bin/python -m bench.scale scaling [--sizes 1000,5000,20000] [--workers 1]
       nice .venv/bin/python -m bench.scale dask [--docs N]
       nice .venv/bin/python -m bench.scale profile [--corpora ...] [--docs N]
       nice .venv/bin/python -m bench.scale all [--full]

``throughput``: articles/s and words/s of the whole newsledger pipeline (parse + every stage,
``executor.extract_parallel``) against bare spaCy ``nlp.pipe`` with the same model (its full
pipeline) on the same texts: Reuters-21578, GVA local news, BBC (``../shared/eval``); with 1
process and with 2 (``--workers 2`` against ``nlp.pipe(n_process=2)``), against spaCy as
shipped and against spaCy with the one-thread environment of the ``newsledger`` command
(details in ``bench/_throughput.py``). Ratio = our articles/s ÷ spaCy's.
``scaling``: ``ledger.ingest`` of the first N texts of a fixed shuffle of the three corpora into
a fresh SQLite ledger, in a child process; wall time of extract+store and of reconcile, and
peak memory of the child's process tree (sampled every 0.2 s), per phase: the RSS sum (the
conservative figure: pages shared between processes count once per process) and the PSS sum.
``dask``: the same texts extracted in 1 process, in a 2-process pool and on a Dask LocalCluster
with 2 workers; times, and whether the three outputs are identical.
``profile``: CPU seconds per spaCy component and per newsledger stage (``pipeline.extract``'s
``timings``), and their share of the whole.
``all``: the cheap default of each (``--full``: the sizes of issue 7).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench._memory import TreeMemory
from bench._speed import CORPUS_NAMES, ROOT, Clock, Text, corpus, load_average, mixed_stream, table
from bench._throughput import articles as _articles
from bench._throughput import throughput


def _write_jsonl(texts: list[Text], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for t in texts:
            rec = {"text": t.text, "published": t.published.isoformat() if t.published else None}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def ingest_child(jsonl: str, db: str, workers: int, phase_file: str | None = None) -> None:
    """Run in a child process by ``scaling``: ingest, then reconcile; prints timings as JSON.

    Like ``newsledger ingest`` (:func:`newsledger.executor.skip_torch` first; the CLI's update
    of a fresh ledger is this full pass). ``phase_file`` receives the phase's name, so the
    parent's memory sampler can tell extraction from reconciliation."""
    import resource

    from newsledger.executor import skip_torch

    skip_torch()
    import newsledger.ledger.incremental  # noqa: F401  # the reconcile code as of the start (a run takes long)
    from newsledger.ledger import ingest, reconcile_ledger

    def phase(name: str) -> None:
        if phase_file:
            Path(phase_file).write_text(name)

    phase("extract")
    with Clock() as extract:
        report = ingest([jsonl], db=db, workers=workers, reconcile=False)
    rss_extract = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB (Linux: KiB)
    phase("reconcile")
    with Clock() as rec:
        n_events, n_commitments = reconcile_ledger(db)
    rss_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "stored": report.stored,
                "failed": len(report.failures),
                "extract_store_s": extract.wall,
                "reconcile_s": rec.wall,
                "extract_store_cpu": extract.cpu,
                "reconcile_cpu": rec.cpu,
                "client_peak_mb_extract_store": rss_extract,
                "client_peak_mb_with_reconcile": rss_all,
                "events": n_events,
                "commitments": n_commitments,
            }
        )
    )


def scaling(sizes: list[int], workers: int) -> list[dict[str, Any]]:
    rows = []
    print(f"# scaling, --workers {workers} ({load_average()})", flush=True)
    with tempfile.TemporaryDirectory(prefix="nl-scale-") as tmp:
        for n in sizes:
            texts = mixed_stream(n)
            jsonl, db = Path(tmp) / f"stream{n}.jsonl", Path(tmp) / f"ledger{n}.db"
            _write_jsonl(texts, jsonl)
            phase_file = Path(tmp) / f"phase{n}"
            cmd = [sys.executable, "-m", "bench.scale", "_ingest_child", str(jsonl), str(db), str(workers),
                   str(phase_file)]  # fmt: skip
            with Clock() as clock:
                proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
                with TreeMemory(proc.pid, phase_file) as mem:
                    out, _ = proc.communicate()
            if proc.returncode:
                raise SystemExit(f"ingest of {n} failed (exit {proc.returncode})")
            res = json.loads(out.strip().splitlines()[-1])
            ext, rec = mem.peaks.get("extract", {}), mem.peaks.get("reconcile", {})
            row = {
                "articles": n,
                "words": sum(t.words for t in texts),
                "extract+store s": res["extract_store_s"],
                "reconcile s": res["reconcile_s"],
                "total s": clock.wall,
                "CPU s": clock.cpu,
                "CPU s per 1k": 1000 * clock.cpu / n,
                "art/CPU-s (extract+store)": n / res.get("extract_store_cpu", res["extract_store_s"]),
                "peak RSS MB (tree)": mem.peak("rss"),
                "peak PSS MB (tree)": mem.peak("pss"),
                "tree RSS / PSS MB, extract+store": (
                    f"{ext.get('rss', 0) / 2**20:.0f} / {ext.get('pss', 0) / 2**20:.0f} "
                    f"({ext.get('procs', 0)} proc.)"
                ),
                "tree RSS / PSS MB, reconcile": (
                    f"{rec.get('rss', 0) / 2**20:.0f} / {rec.get('pss', 0) / 2**20:.0f} "
                    f"({rec.get('procs', 0)} proc.)"
                ),
                "largest process MB": mem.peak("max_proc"),
                "client peak MB, extract+store / +reconcile": (
                    f"{res['client_peak_mb_extract_store']:.0f} / {res['client_peak_mb_with_reconcile']:.0f}"
                ),
                "events": res["events"],
                "load": load_average().split(" (")[0].removeprefix("load average "),
            }
            rows.append(row)
            print(
                json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}),
                flush=True,
            )
    print(table(rows, list(rows[0])))
    return rows


def dask_vs_one(docs: int) -> list[dict[str, Any]]:
    from newsledger import Context
    from newsledger.executor import ExtractSettings, extract_parallel

    texts = mixed_stream(docs)
    arts = _articles(texts)
    words = sum(t.words for t in texts)
    settings = ExtractSettings()
    ctx = Context()
    list(extract_parallel(arts[:2], settings, ctx=ctx))  # load the model and resources here
    print(f"# dask ({load_average()})", flush=True)
    runs: list[tuple[str, dict[str, Any]]] = [
        ("1 process", {"workers": 1, "ctx": ctx}),
        ("process pool, 2 workers", {"workers": 2}),
        ("Dask LocalCluster, 2 workers", {"workers": 2, "dask": "local"}),
    ]
    rows, outputs = [], []
    for label, kw in runs:
        with Clock() as c:
            out = list(extract_parallel(arts, settings, **kw))
        outputs.append(out)
        rows.append({"run": label, "docs": len(arts), "wall s": c.wall, "art/s": len(arts) / c.wall,
                     "words/s": words / c.wall})  # fmt: skip
        print(
            json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in rows[-1].items()}),
            flush=True,
        )
    for r in rows:
        r["speed-up"] = rows[0]["wall s"] / r["wall s"]
        r["same output"] = outputs[rows.index(r)] == outputs[0]
    print(f"# done ({load_average()}); wall times include starting the workers (model load)")
    print(table(rows, list(rows[0])))
    return rows


def profile(corpora: list[str], docs: int) -> list[dict[str, Any]]:
    from time import process_time

    from newsledger import Context
    from newsledger.pipeline import extract

    ctx = Context()
    nlp = ctx.nlp
    rows = []
    print(f"# profile, CPU seconds ({load_average()})", flush=True)
    for name in corpora:
        texts = corpus(name, docs)
        raw = [t.text for t in texts]
        list(extract(_articles(texts[:2]), ctx))
        # spaCy, one component at a time over the whole set
        spacy_t: dict[str, float] = {}
        t0 = process_time()
        sdocs = [nlp.make_doc(t) for t in raw]
        spacy_t["tokenizer"] = process_time() - t0
        for comp, proc in nlp.pipeline:
            t0 = process_time()
            if hasattr(proc, "pipe"):
                sdocs = list(proc.pipe(sdocs, batch_size=nlp.batch_size))
            else:  # a function component (paragraph_starts)
                sdocs = [proc(d) for d in sdocs]
            spacy_t[comp] = process_time() - t0
        # newsledger: parse (the same components, batches of 16) + each stage
        ours: dict[str, float] = {}
        list(extract(_articles(texts), ctx, timings=ours))
        total = sum(ours.values())
        spacy_total = sum(spacy_t.values())
        for comp, s in spacy_t.items():
            rows.append(
                {"corpus": name, "step": f"spaCy {comp}", "CPU s": s, "% of spaCy": 100 * s / spacy_total}
            )
        for step, s in ours.items():
            rows.append(
                {"corpus": name, "step": f"newsledger {step}", "CPU s": s, "% of newsledger": 100 * s / total}
            )
        rows.append({"corpus": name, "step": "newsledger total / spaCy total", "CPU s": total / spacy_total})
    print(table(rows, ["corpus", "step", "CPU s", "% of spaCy", "% of newsledger"]))
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--corpora", nargs="+", default=list(CORPUS_NAMES), choices=CORPUS_NAMES)
    t.add_argument("--docs", type=int, default=300)
    t.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    t.add_argument("--repeat", type=int, default=1, help="passes over the texts (summed)")
    t.add_argument("--skip", type=int, default=0, help="start after this many texts (a held-out part)")
    s = sub.add_parser("scaling")
    s.add_argument("--sizes", default="1000,5000,20000")
    s.add_argument("--workers", type=int, default=1)
    d = sub.add_parser("dask")
    d.add_argument("--docs", type=int, default=300)
    p = sub.add_parser("profile")
    p.add_argument("--corpora", nargs="+", default=list(CORPUS_NAMES), choices=CORPUS_NAMES)
    p.add_argument("--docs", type=int, default=200)
    a = sub.add_parser("all")
    a.add_argument("--full", action="store_true", help="issue 7 sizes (1k/5k/20k; takes hours on 2 cores)")
    c = sub.add_parser("_ingest_child")
    c.add_argument("jsonl")
    c.add_argument("db")
    c.add_argument("workers", type=int)
    c.add_argument("phase_file", nargs="?")
    args = ap.parse_args(argv)
    # like the newsledger command: one BLAS / OpenMP thread per process (workers and the
    # ingest child inherit it), set before numpy is imported; the user's environment is kept
    # for the "as shipped" spaCy baseline
    user_env = dict(os.environ)
    if "numpy" in sys.modules:
        print("# warning: numpy was imported before the thread settings", file=sys.stderr)
    from newsledger.executor import one_blas_thread_env

    one_blas_thread_env()
    if args.cmd == "throughput":
        throughput(args.corpora, args.docs, args.workers, user_env, args.repeat, args.skip)
    elif args.cmd == "scaling":
        scaling([int(x) for x in args.sizes.split(",")], args.workers)
    elif args.cmd == "dask":
        dask_vs_one(args.docs)
    elif args.cmd == "profile":
        profile(args.corpora, args.docs)
    elif args.cmd == "_ingest_child":
        ingest_child(args.jsonl, args.db, args.workers, args.phase_file)
    else:
        full = args.full
        profile(list(CORPUS_NAMES), 200 if full else 60)
        throughput(list(CORPUS_NAMES), 500 if full else 100, [1, 2], user_env, 2 if full else 1)
        dask_vs_one(500 if full else 100)
        scaling([1000, 5000, 20000] if full else [300, 1000], 1)


if __name__ == "__main__":
    main()
