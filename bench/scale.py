"""Speed and scale of the whole pipeline (issue 7), each number next to its baseline of the same run.

usage: nice .venv/bin/python -m bench.scale throughput [--corpora reuters gva bbc] [--docs N] [--workers 1 2]
       nice .venv/bin/python -m bench.scale scaling [--sizes 1000,5000,20000] [--workers 1]
       nice .venv/bin/python -m bench.scale dask [--docs N]
       nice .venv/bin/python -m bench.scale profile [--corpora ...] [--docs N]
       nice .venv/bin/python -m bench.scale all [--full]

``throughput``: articles/s and words/s of the whole newsledger pipeline (parse + every stage,
``executor.extract_parallel``) against bare spaCy ``nlp.pipe`` with the same model (its full
pipeline) on the same texts: Reuters-21578, GVA local news, BBC (``../shared/eval``); with 1
process and with 2 (``--workers 2`` against ``nlp.pipe(n_process=2)``). Ratio = our articles/s ÷
spaCy's. Wall and CPU seconds (this process + its reaped children) are both shown; on a shared
machine the CPU ratio is the steadier one for 1 process. With 1 process the two sides run in
alternating chunks of 32 texts (so both see the same load); both are first warmed on the first
50 texts.
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
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from bench._memory import TreeMemory
from bench._speed import CORPUS_NAMES, ROOT, Clock, Text, corpus, load_average, mixed_stream, table

BATCH = 16  # nlp.pipe batch size for both sides (newsledger's default)


def _articles(texts: list[Text]) -> list[Any]:
    from newsledger.model import Article

    return [Article(id=f"b{i:06d}", text=t.text, published=t.published) for i, t in enumerate(texts)]


def bare_spacy() -> Any:
    """The baseline: ``spacy.load`` of the model newsledger uses, as shipped (no newsledger
    components, spaCy's own attribute ruler)."""
    import spacy

    from newsledger.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"none of {MODEL_NAMES} is installed")


def _timed(run: Any, repeat: int) -> Clock:
    """The fastest of ``repeat`` runs by CPU time (the steadiest estimate on a shared machine)."""
    best: Clock | None = None
    for _ in range(repeat):
        with Clock() as c:
            run()
        if best is None or c.cpu < best.cpu:
            best = c
    assert best is not None
    return best


class _Sum:
    """CPU and wall seconds added up over several :class:`Clock` blocks."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0

    def add(self, c: Clock) -> None:
        self.cpu += c.cpu
        self.wall += c.wall


def _interleaved(runs: list[Any], items: list[list[Any]], rounds: int, chunk: int = 2 * BATCH) -> list[_Sum]:
    """Time each of ``runs`` on its ``items`` chunk by chunk, the runs alternating (and their
    order flipping) from chunk to chunk: on a shared machine both sides then see the same load.
    Returns the mean over ``rounds`` passes of the summed chunk times."""
    sums = [_Sum() for _ in runs]
    n = len(items[0])
    k = 0
    for _ in range(rounds):
        for lo in range(0, n, chunk):
            order = list(range(len(runs))) if k % 2 == 0 else list(reversed(range(len(runs))))
            k += 1
            for j in order:
                with Clock() as c:
                    runs[j](items[j][lo : lo + chunk])
                sums[j].add(c)
    for s in sums:
        s.cpu, s.wall = s.cpu / rounds, s.wall / rounds
    return sums


def throughput(
    corpora: list[str], docs: int, workers: list[int], repeat: int = 2, baseline_one_thread: bool = False
) -> list[dict[str, Any]]:
    from contextlib import nullcontext

    from newsledger import Context
    from newsledger.executor import ExtractSettings, extract_parallel

    one_thread: Any = nullcontext
    if baseline_one_thread:
        from newsledger.nlp import one_thread
    nlp = bare_spacy()
    ctx = Context()
    rows = []
    print(f"# throughput ({load_average()})", flush=True)
    for name in corpora:
        texts = corpus(name, docs)
        raw = [t.text for t in texts]
        words = sum(t.words for t in texts)
        arts = _articles(texts)
        list(nlp.pipe(raw[:50]))  # warm both alike: vocabulary, caches
        list(extract_parallel(arts[:50], ctx=ctx))  # the same texts; loads lexicons, gazetteer
        for w in workers:

            def spacy_run(texts: list[str] = raw, w: int = w) -> None:
                # as shipped (numeric libraries on one thread per core), or like ours on one
                with one_thread():
                    for _ in nlp.pipe(texts, batch_size=BATCH, n_process=w):
                        pass

            def ours_run(arts: list[Any] = arts, w: int = w) -> None:
                for _ in extract_parallel(arts, ExtractSettings(batch_size=BATCH), workers=w, ctx=ctx):
                    pass

            if w == 1:  # alternating chunks of 32 texts (see _interleaved)
                base, ours = _interleaved([spacy_run, ours_run], [raw, arts], repeat)
            else:
                base, ours = _timed(spacy_run, repeat), _timed(ours_run, repeat)
            row: dict[str, Any] = {"corpus": name, "docs": len(raw), "words": words, "processes": w}
            if w > 1:
                # starting workers (spawn + model load) is a constant: a second run on the first
                # M docs (every worker gets work) gives the cost per doc as a two-point fit
                m = min(len(raw) // 2, 2 * BATCH * w)
                base_m = _timed(partial(spacy_run, raw[:m], w), 1)
                ours_m = _timed(partial(ours_run, arts[:m], w), 1)
                start_b = base_m.wall - (base.wall - base_m.wall) * m / (len(raw) - m)
                start_o = ours_m.wall - (ours.wall - ours_m.wall) * m / (len(raw) - m)
                row["start-up s (spaCy / ours)"] = f"{max(0.0, start_b):.1f} / {max(0.0, start_o):.1f}"
                n = len(raw) - m
                base_cpu, ours_cpu = base.cpu - base_m.cpu, ours.cpu - ours_m.cpu
                base_wall, ours_wall = base.wall - base_m.wall, ours.wall - ours_m.wall
                n_words = sum(t.words for t in texts[m:])
            else:
                n, n_words = len(raw), words
                base_cpu, ours_cpu, base_wall, ours_wall = base.cpu, ours.cpu, base.wall, ours.wall
            row.update(
                {
                    "spaCy art/CPU-s": n / base_cpu,
                    "spaCy words/CPU-s": n_words / base_cpu,
                    "newsledger art/CPU-s": n / ours_cpu,
                    "newsledger words/CPU-s": n_words / ours_cpu,
                    "ratio (CPU)": base_cpu / ours_cpu,
                    "spaCy art/s (wall)": n / base_wall,
                    "newsledger art/s (wall)": n / ours_wall,
                    "ratio (wall)": base_wall / ours_wall,
                }
            )
            if w == 1:  # the most "parse only where needed" could save: no parser at all
                with nlp.select_pipes(disable=["parser"]):
                    noparse = _timed(partial(spacy_run, raw, 1), repeat)
                row["spaCy without parser / full (CPU)"] = noparse.cpu / base.cpu
            rows.append(row)
            print(
                json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}),
                flush=True,
            )
    print(f"# done ({load_average()}); ratio = newsledger throughput / bare spaCy throughput")
    for w in workers:
        sel = [r for r in rows if r["processes"] == w]
        print(table(sel, [k for k in sel[0] if k != "processes"]) + "\n")
    return rows


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
            sdocs = list(proc.pipe(sdocs, batch_size=nlp.batch_size))
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
    t.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest counts")
    t.add_argument(
        "--baseline-one-thread",
        action="store_true",
        help="run bare spaCy with its numeric libraries on one thread too (newsledger's setting)",
    )
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
    if args.cmd == "throughput":
        throughput(args.corpora, args.docs, args.workers, args.repeat, args.baseline_one_thread)
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
        throughput(list(CORPUS_NAMES), 500 if full else 100, [1, 2], 2 if full else 1)
        dask_vs_one(500 if full else 100)
        scaling([1000, 5000, 20000] if full else [300, 1000], 1)


if __name__ == "__main__":
    main()
