"""Shared helpers of the speed benches: real news texts, machine load, CPU clocks, peak RSS.

Not a bench itself (``bench.run_all`` skips modules starting with ``_``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
import random
import re
import resource
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
CORPORA = EVAL / "corpora"
CORPUS_NAMES = ("reuters", "gva", "bbc")

_REUTERS = re.compile(r"<REUTERS[^>]*>(.*?)</REUTERS>", re.S)
_DATE = re.compile(r"<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})")
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}


@dataclass(frozen=True)
class Text:
    """One real news text for a speed run (never copied into the project)."""

    name: str
    text: str
    published: dt.date | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())


def reuters() -> Iterator[Text]:
    """Reuters-21578 stories with a body (≈19k), in file order; the title starts the text."""
    for path in sorted((CORPORA / "reuters21578").glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for n, m in enumerate(_REUTERS.finditer(raw)):
            block = m.group(1)
            body = _BODY.search(block)
            if not body:
                continue
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            if text.endswith("Reuter"):
                text = text[: -len("Reuter")].rstrip()
            title = _TITLE.search(block)
            if title:
                text = html.unescape(title.group(1)).strip() + "\n\n" + text
            d = _DATE.search(block)
            pub = dt.date(int(d.group(3)), _MONTHS[d.group(2)], int(d.group(1))) if d else None
            yield Text(f"{path.stem}#{n}", text, pub)


def gva() -> Iterator[Text]:
    """Gun Violence Archive local news (3,063 articles), with their publication dates."""
    with (EVAL / "gva" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if not r.get("content"):
                continue
            pub = dt.date.fromisoformat(r["dct"]) if r.get("dct") else None
            yield Text(r["doc_id"], r["content"], pub)


def bbc() -> Iterator[Text]:
    """BBC News 2004–05 (2,225 reports; no dates in the files)."""
    for p in sorted((CORPORA / "bbc").rglob("*.txt")):
        if p.name != "README.TXT":
            yield Text(f"{p.parent.name}/{p.name}", p.read_bytes().decode("utf-8", "replace"))


def corpus(name: str, limit: int) -> list[Text]:
    """The first ``limit`` texts of a corpus (``reuters``, ``gva`` or ``bbc``)."""
    gen = {"reuters": reuters, "gva": gva, "bbc": bbc}[name]()
    out = []
    for t in gen:
        out.append(t)
        if len(out) >= limit:
            break
    if not out:
        raise SystemExit(f"no texts for {name} under {EVAL} (../shared absent?)")
    return out


def mixed_stream(n: int, seed: int = 7) -> list[Text]:
    """``n`` texts from all three corpora shuffled together (fixed seed), so that every
    prefix has the same mixture: the sizes of a scaling curve differ only in count."""
    pool = list(reuters()) + list(gva()) + list(bbc())
    random.Random(seed).shuffle(pool)
    if n > len(pool):
        raise SystemExit(f"only {len(pool)} texts available, asked for {n}")
    return pool[:n]


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min) / {five:.1f} (5 min) on {os.cpu_count()} cores"


class Clock:
    """Wall time and CPU time (this process + reaped children) of a block."""

    def __enter__(self) -> Clock:
        self._wall = time.perf_counter()
        self._cpu = cpu_now()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = cpu_now() - self._cpu


def cpu_now() -> float:
    """CPU seconds of this process (all its threads) and of its reaped children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class PeakRSS:
    """Samples the resident memory of a process and all its descendants (summed) in a thread."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid = pid
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil  # installed with the dask extra (distributed needs it)
        except ImportError:
            return  # peak stays 0; the ingest child also reports its own ru_maxrss

        try:
            proc = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for p in [proc, *proc.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
            except psutil.Error:
                break
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    """A Markdown table (what docs/benchmarks.md shows)."""
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(_fmt(r.get(c, "")) for c in cols) + " |")
    return "\n".join(out)


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:,.2f}" if abs(v) < 100 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)
