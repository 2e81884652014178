"""The long fuzz run (not in CI): the property tests of tests/ with many more examples.

usage: python -m bench.fuzz [--examples N] [--only NAME ...] [--skip-ingest]

Targets (N examples each, default 10,000):
  timex-datelike   tag_dates on date-like text with random, often impossible numbers: no exception,
                   offsets inside the text, values valid TIMEX3 and real calendar values
                   (tests/timex/test_timex_properties.py)
  timex-text       tag_dates on arbitrary Unicode text, random publication dates
  numbers          parse_number / parse_digits on any text and on runs of number words: None or a
                   finite float, never an exception (tests/test_numbers.py)
  figures          the figures stage (spaCy parse + dates + figures) on generated news sentences
                   (tests/stages/test_figures_properties.py)
  pipeline         every stage (extract) on generated news-like text: no exception, spans inside
                   the text (tests/test_pipeline_properties.py)
  store            an annotated article and a ledger row of any shape round-trip through SQLite
                   (tests/store/ledger_strategies.py)
  ingest           every ingest reader, via ``bench.ingest fuzz`` (txt, bytes, html, json, jsonl,
                   feed, manifest, dates)

Prints one line per target (examples, seconds, failures) and exits 1 if any target failed.
Record the figures in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ("timex-datelike", "timex-text", "numbers", "figures", "pipeline", "store", "ingest")


def _tests_on_path() -> None:
    for sub in ("", "timex", "stages", "store"):
        p = str(ROOT / "tests" / sub)
        if p not in sys.path:
            sys.path.insert(0, p)


def _cfg(n: int):
    from hypothesis import HealthCheck, settings

    return settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def timex_datelike(n: int) -> None:
    from hypothesis import given
    from test_timex_properties import check, published, sentences

    from newsledger.timex import tag_dates

    @_cfg(n)
    @given(sentences, published)
    def run(text: str, pub: dt.date | None) -> None:
        check(text, tag_dates(text, pub, article_id="a"))

    run()


def timex_text(n: int) -> None:
    from hypothesis import given
    from hypothesis import strategies as st
    from test_timex_properties import check

    from newsledger.timex import tag_dates

    @_cfg(n)
    @given(st.text(max_size=300), st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
    def run(text: str, pub: dt.date | None) -> None:
        check(text, tag_dates(text, pub, article_id="a"))

    run()


def numbers(n: int) -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from newsledger.numbers import parse_digits, parse_number
    from test_numbers import assert_number, number_words, numberish

    @_cfg(n)
    @given(st.text(max_size=80) | number_words | numberish)
    def run(text: str) -> None:
        assert_number(parse_number(text))
        assert_number(parse_digits(text))

    run()


def figures(n: int) -> None:
    from hypothesis import given
    from test_figures_properties import test_figures_stage_on_generated_sentences as prop
    from test_figures_properties import texts

    from newsledger.context import Context

    ctx = Context()
    inner = prop.hypothesis.inner_test  # type: ignore[attr-defined]

    @_cfg(n)
    @given(texts)
    def run(text: str) -> None:
        inner(ctx, text)

    run()


def pipeline(n: int) -> None:
    from hypothesis import given

    from newsledger.context import Context
    from test_pipeline_properties import check_all_stages, published, texts

    ctx = Context()

    @_cfg(n)
    @given(texts, published)
    def run(text: str, pub: dt.date | None) -> None:
        check_all_stages(ctx, text, pub)

    run()


def store(n: int) -> None:
    from hypothesis import given
    from ledger_strategies import annotated, commitments, events

    from newsledger.store import Store

    with tempfile.TemporaryDirectory(prefix="nl-fuzz-store-") as tmp, Store(Path(tmp) / "f.db") as s:

        @_cfg(n)
        @given(annotated(), events, commitments)
        def run(ann, e, c) -> None:  # type: ignore[no-untyped-def]
            s.conn.execute("DELETE FROM annotations")
            s.conn.execute("DELETE FROM articles")
            s.put_annotated([ann])
            assert list(s.annotated()) == [ann]
            s.replace_ledger([e], [c])
            assert s.events() == [e] and s.commitments() == [c]

        run()


def ingest(n: int) -> None:
    from bench.ingest import fuzz

    fuzz(n)


RUNNERS: dict[str, Callable[[int], None]] = {
    "timex-datelike": timex_datelike,
    "timex-text": timex_text,
    "numbers": numbers,
    "figures": figures,
    "pipeline": pipeline,
    "store": store,
    "ingest": ingest,
}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=10_000, help="examples per target (default 10,000)")
    ap.add_argument("--only", nargs="*", choices=TARGETS, help="run only these targets")
    ap.add_argument("--skip-ingest", action="store_true", help="leave out the ingest readers")
    args = ap.parse_args(argv)
    _tests_on_path()
    failed = []
    for name in args.only or TARGETS:
        if name == "ingest" and args.skip_ingest:
            continue
        t0 = time.perf_counter()
        try:
            RUNNERS[name](args.examples)
        except Exception:
            failed.append(name)
            traceback.print_exc()
            status = "FAILED"
        else:
            status = "ok"
        print(
            f"{name:>15}: {args.examples:,} examples, {time.perf_counter() - t0:7.1f} s, {status}", flush=True
        )
    if failed:
        print(f"failed: {', '.join(failed)}", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
