"""Speed and memory of the spine: store writes/reads, exports, streaming ``extract``.

usage: python -m bench.spine store  [--docs N] [--copies K]   # store + export on N×K articles
       python -m bench.spine extract [--docs N]               # `newsledger extract` streaming, RSS

``store`` extracts N BBC reports (``../shared/eval/corpora/bbc``) with every stage once, then
stores K copies of each (new ids) in batches of 16, reads all annotations back, reconciles and
exports json, csv, parquet and geojson, printing the time of each step. ``extract`` runs
``newsledger extract --stages dates`` over the first N reports twice (N/4 and N) and reports
documents per second and the peak memory of the process, to show memory does not grow with N.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "eval" / "corpora" / "bbc"


def bbc_files(n: int) -> list[Path]:
    files = sorted(p for p in CORPUS.rglob("*.txt") if p.name != "README.TXT")
    if not files:
        raise SystemExit(f"no corpus at {CORPUS}")
    return files[:n]


def store_bench(n_docs: int, copies: int) -> None:
    from newsledger import Context
    from newsledger.export import export_ledger
    from newsledger.ingest import read_articles
    from newsledger.pipeline import extract
    from newsledger.reconcile import reconcile
    from newsledger.store import Store

    arts = [a for a in read_articles(bbc_files(n_docs)) if not isinstance(a, Exception)]
    t = time.perf_counter()
    annotated = list(extract(arts, Context()))
    print(f"extract (all stages): {len(arts)} docs in {time.perf_counter() - t:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        copies_of = [
            _retag(a, dataclasses.replace(a.article, id=f"{k:04x}{a.article.id[4:]}"))
            for k in range(copies)
            for a in annotated
        ]
        t = time.perf_counter()
        n = 0
        with Store(db) as s:
            for i in range(0, len(copies_of), 16):
                n += s.put_annotated(copies_of[i : i + 16])
            dt_store = time.perf_counter() - t
            print(f"store: {n} articles in {dt_store:.2f} s = {n / dt_store:,.0f} articles/s (batches of 16)")
            t = time.perf_counter()
            m = sum(1 for _ in s.annotated())
            dt_read = time.perf_counter() - t
            print(f"read back: {m} annotated articles in {dt_read:.2f} s = {m / dt_read:,.0f}/s")
            t = time.perf_counter()
            events, commitments = reconcile(list(s.annotated()))
            print(f"read + reconcile (reconcile/): {len(events)} events, {len(commitments)} commitments "
                  f"in {time.perf_counter() - t:.2f} s")  # fmt: skip
            t = time.perf_counter()
            s.replace_ledger(events, commitments)
            print(f"store the ledger (replace_ledger): {time.perf_counter() - t:.2f} s")
            counts = s.counts()
        print(f"db size: {db.stat().st_size / 1e6:.1f} MB; mentions: "
              + ", ".join(f"{counts[k]} {k}" for k in ("timexes", "places", "figures", "claims")))  # fmt: skip
        for fmt in ("json", "csv", "geojson", "parquet"):
            t = time.perf_counter()
            if fmt == "parquet":
                export_ledger(db, fmt, out=Path(tmp) / "pq")
            else:
                buf = io.StringIO()
                export_ledger(db, fmt, stream=buf)
            print(f"export {fmt}: {time.perf_counter() - t:.2f} s")


def _retag(a, art):  # type: ignore[no-untyped-def]
    """The same annotations under another article id (spans rewritten)."""
    from newsledger.serialize import annotated_from_dict, annotated_to_dict

    d = annotated_to_dict(a, with_article=False)
    return annotated_from_dict(json.loads(json.dumps(d)), article=art)


def extract_bench(n_docs: int) -> None:
    for n in (max(1, n_docs // 4), n_docs):
        files = bbc_files(n)
        with tempfile.TemporaryDirectory() as tmp:
            manifest = Path(tmp) / "m.jsonl"
            manifest.write_text(
                "".join(json.dumps({"path": str(f), "published": "2005-01-01"}) + "\n" for f in files)
            )
            code = (
                "import resource, sys, runpy; sys.argv = ['newsledger'] + sys.argv[1:];"
                "from newsledger.cli import main; rc = main(sys.argv[1:]);"
                "sys.stderr.write(f'RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'); sys.exit(rc)"
            )
            t = time.perf_counter()
            p = subprocess.run(
                [sys.executable, "-c", code, "extract", "--manifest", str(manifest), "--stages", "dates", "-q"],
                capture_output=True, text=True,
            )  # fmt: skip
            elapsed = time.perf_counter() - t
            lines = p.stdout.count("\n")
            rss = next((int(x.split()[1]) for x in p.stderr.splitlines() if x.startswith("RSS ")), 0)
            print(f"extract --stages dates: {lines} docs (exit {p.returncode}) in {elapsed:.1f} s = "
                  f"{lines / elapsed:.1f} docs/s, peak RSS {rss / 1024:.0f} MB")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["store", "extract"])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--copies", type=int, default=25)
    args = ap.parse_args()
    if args.what == "store":
        store_bench(args.docs, args.copies)
    else:
        extract_bench(args.docs)


if __name__ == "__main__":
    main()
