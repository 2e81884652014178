"""Benchmark and long fuzz run for the ingest readers.

usage: python -m bench.ingest speed [--corpus DIR]     # read a folder of real news; articles/s, MB/s
       python -m bench.ingest fuzz [--examples N]       # hypothesis, N examples per reader (default 10,000)

``speed`` reads ``../shared/eval/corpora/bbc`` (2,225 BBC News .txt files, some not UTF-8) by
default, then fingerprints every article for near-duplicate detection. ``fuzz`` drives every
reader (text, HTML, JSON, JSONL, feed, manifest, arbitrary bytes with any suffix) and the date
parsers with generated input and fails on any escaping exception or on an InputError from the
last-resort guard (which would mean a reader let an unexpected exception through).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "corpora" / "bbc"


def speed(corpus: Path) -> None:
    from newsledger.errors import InputError
    from newsledger.ingest import fingerprint, read_articles, similarity
    from newsledger.ingest.dedup import DUPLICATE_THRESHOLD, bands

    if not corpus.is_dir():
        sys.exit(f"corpus not found: {corpus}")
    warnings: list[str] = []
    t0 = time.perf_counter()
    arts, errs = [], []
    for item in read_articles([corpus], on_warning=warnings.append):
        (errs if isinstance(item, InputError) else arts).append(item)
    t_read = time.perf_counter() - t0
    chars = sum(len(a.text) for a in arts)
    t0 = time.perf_counter()
    prints = {a.id: fingerprint(a.text) for a in arts}
    t_fp = time.perf_counter() - t0
    t0 = time.perf_counter()
    by_band: dict[str, list[str]] = {}
    pairs = 0
    for i, fp in prints.items():
        cands = {o for k in bands(fp) for o in by_band.get(k, ())}
        pairs += sum(1 for o in cands if similarity(fp, prints[o]) >= DUPLICATE_THRESHOLD)
        for k in bands(fp):
            by_band.setdefault(k, []).append(i)
    t_dup = time.perf_counter() - t0
    kinds = Counter(w.split(": ", 1)[1].split(" (")[0][:40] for w in warnings if ": " in w)
    print(f"corpus: {corpus}")
    print(f"read: {len(arts)} articles, {len(errs)} errors, {len(warnings)} warnings in {t_read:.2f} s")
    print(f"  {len(arts) / t_read:,.0f} articles/s, {chars / t_read / 1e6:.1f} M chars/s")
    print(
        f"  unique ids: {len(prints)}; byline dates found: {sum(a.published_source == 'byline' for a in arts)}"
    )
    print(f"  warning kinds: {dict(kinds.most_common(5))}")
    print(
        f"fingerprint: {len(arts) / t_fp:,.0f} articles/s; LSH near-duplicate pass: {t_dup:.2f} s, {pairs} pairs"
    )
    for e in errs[:5]:
        print("  error:", e.message)


def fuzz(examples: int, only: list[str] | None = None) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from newsledger.errors import InputError
    from newsledger.ingest import DateError, find_byline_date, parse_date, read_articles
    from newsledger.model import Article

    tmp = Path(tempfile.mkdtemp(prefix="nl-fuzz-"))
    counter = itertools.count()
    cfg = settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )

    def write(suffix: str, data: bytes) -> Path:
        p = tmp / f"f{next(counter) % 64}{suffix}"
        p.write_bytes(data)
        return p

    def check(inputs: list[Path], manifest: Path | None = None) -> None:
        for item in read_articles(inputs, manifest=manifest, on_warning=lambda _m: None):
            assert isinstance(item, Article | InputError)
            if isinstance(item, InputError):
                assert "report a bug" not in item.message, item.message
            else:
                item.text.encode("utf-8")

    text = st.text(max_size=2000)
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=60),
        lambda k: (
            st.lists(k, max_size=5)
            | st.dictionaries(
                st.sampled_from(
                    ["text", "content", "title", "url", "published", "outlet", "language", "path"]
                )
                | st.text(max_size=6),
                k,
                max_size=6,
            )
        ),
        max_leaves=20,
    )
    tags = st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "<script>",
            "</script>",
            "<b>",
            "<!--",
            "-->",
            "<html>",
            "<body>",
            "&amp;",
            "&#0;",
            "<",
            "<![CDATA[",
            "]]>",
            "<title>",
            "<meta property='article:published_time' content='2021-01-01'>",
        ]
    )
    html = st.lists(tags | st.text(max_size=80), max_size=60).map("".join)

    @cfg
    @given(t=text, enc=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252"]))
    def txt(t: str, enc: str) -> None:
        check([write(".txt", t.encode(enc, "replace"))])

    @cfg
    @given(
        data=st.binary(max_size=4000),
        suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".rss", ".xml", ".bin"]),
    )
    def raw(data: bytes, suffix: str) -> None:
        check([write(suffix, data)])

    @cfg
    @given(h=html)
    def html_reader(h: str) -> None:
        check([write(".html", h.encode("utf-8", "surrogatepass"))])

    @cfg
    @given(v=json_values)
    def json_reader(v: object) -> None:
        check([write(".json", json.dumps(v).encode())])

    @cfg
    @given(vs=st.lists(json_values, max_size=6))
    def jsonl_reader(vs: list[object]) -> None:
        check([write(".jsonl", "\n".join(json.dumps(v) for v in vs).encode())])

    @cfg
    @given(title=st.text(max_size=40), body=html, date=st.text(max_size=40), extra=html)
    def feed_reader(title: str, body: str, date: str, extra: str) -> None:
        from xml.sax.saxutils import escape

        doc = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title><item>'
            f"<title>{escape(title)}</title><pubDate>{escape(date)}</pubDate><description>{escape(body)}"
            f"</description></item>{extra}</channel></rss>"
        )
        check([write(".rss", doc.encode("utf-8", "surrogatepass"))])

    (tmp / "doc.txt").write_text("Doc\nbody", encoding="utf-8")

    @cfg
    @given(vs=st.lists(json_values | st.just({"path": "doc.txt"}), max_size=6), csv=st.booleans())
    def manifest_reader(vs: list[object], csv: bool) -> None:
        if csv:
            lines = ["path,published,outlet"] + [
                ",".join(str(x) for x in (v if isinstance(v, list) else [v])) for v in vs
            ]
            m = write(".csv", "\n".join(lines).encode("utf-8", "surrogatepass"))
        else:
            m = write(".jsonl", "\n".join(json.dumps(v) for v in vs).encode())
        check([], manifest=m)

    @cfg
    @given(s=st.text(max_size=200))
    def dates(s: str) -> None:
        with contextlib.suppress(DateError):
            parse_date(s)
        find_byline_date(s)

    for name, test in [("txt", txt), ("bytes", raw), ("html", html_reader), ("json", json_reader),
                       ("jsonl", jsonl_reader), ("feed", feed_reader), ("manifest", manifest_reader), ("dates", dates)]:  # fmt: skip
        if only and name not in only:
            continue
        t0 = time.perf_counter()
        test()
        print(f"{name:>18}: {examples:,} examples passed in {time.perf_counter() - t0:.1f} s", flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("speed")
    sp.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    fz = sub.add_parser("fuzz")
    fz.add_argument("--examples", type=int, default=10_000)
    fz.add_argument(
        "--only", nargs="*", help="readers to fuzz: txt, bytes, html, json, jsonl, feed, manifest, dates"
    )
    args = ap.parse_args(argv)
    if args.cmd == "speed":
        speed(args.corpus)
    else:
        fuzz(args.examples, args.only)


if __name__ == "__main__":
    main()
