"""Run every bench in ``bench/`` (``make bench``): a cheap default set, or the full one.

usage: .venv/bin/python -m bench.run_all [--full] [--only NAME ...] [--skip NAME ...] [--list]

Each bench runs as its own process (``python -m bench.<name> ARGS``) under ``nice``, one after
the other; its output streams through, and a summary of exit status and time per bench is
printed at the end (exit status 1 if any failed). A bench file without an entry below runs
with its own defaults. The cheap set takes minutes on 2 cores; ``--full`` takes hours.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent

# bench -> (cheap arguments, full arguments)
ARGS: dict[str, tuple[list[str], list[str]]] = {
    "timex": (["--limit", "20", "--no-dateparser"], []),
    "geo": (["--limit", "10"], []),
    "events": (["--limit", "100"], []),
    "attribution": (["--limit", "20"], []),
    "gva": (["--incidents", "40"], ["--incidents", "2215"]),
    "ecbplus": ([], ["--tune"]),
    "gva_merge": (["--incidents", "40"], []),
    "ingest": (["speed"], ["speed"]),
    "spine": (["store", "--docs", "20", "--copies", "5"], ["store"]),
    "reconcile_scale": (["--sizes", "500,1000"], []),
    "web": (["--copies", "200"], []),
    "scale": (["all"], ["all", "--full"]),
    "fuzz": (["--examples", "200"], []),
}


def benches() -> list[str]:
    return sorted(p.stem for p in BENCH.glob("*.py") if not p.stem.startswith("_") and p.stem != "run_all")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="the full set (issue sizes; hours)")
    ap.add_argument("--only", nargs="+", default=None, metavar="NAME")
    ap.add_argument("--skip", nargs="+", default=[], metavar="NAME")
    ap.add_argument("--list", action="store_true", help="print the commands and exit")
    args = ap.parse_args(argv)
    names = [n for n in benches() if (args.only is None or n in args.only) and n not in args.skip]
    nice = [shutil.which("nice") or "nice"] if os.name == "posix" else []
    results = []
    for name in names:
        cheap, full = ARGS.get(name, ([], []))
        cmd = [*nice, sys.executable, "-m", f"bench.{name}", *(full if args.full else cheap)]
        print(f"\n=== {' '.join(cmd[len(nice) :])}", flush=True)
        if args.list:
            continue
        t0 = time.perf_counter()
        code = subprocess.call(cmd, cwd=BENCH.parent)
        results.append((name, code, time.perf_counter() - t0))
    if args.list:
        return 0
    print(f"\n=== summary (load average {os.getloadavg()[0]:.1f})")
    for name, code, secs in results:
        print(f"{name:>16}: {'ok' if code == 0 else f'FAILED (exit {code})':<18} {secs:8.1f} s")
    return 1 if any(code for _, code, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
