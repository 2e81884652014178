"""Dates from manifests, flags and JSON; byline dates; metadata precedence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsledger.ingest import DateError, Metadata, find_byline_date, parse_date
from newsledger.ingest.metadata import merge, normalise_language

CASES = json.loads((Path(__file__).parent / "date_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["parse_date"], ids=lambda c: repr(c["value"]))
def test_parse_date(case: dict) -> None:
    if case.get("error"):
        with pytest.raises(DateError):
            parse_date(case["value"])
    else:
        got = parse_date(case["value"])
        assert (got.isoformat() if got else None) == case["expect"]


@pytest.mark.parametrize("case", CASES["byline"], ids=lambda c: c["text"][:40])
def test_byline(case: dict) -> None:
    got = find_byline_date(case["text"])
    assert (got.isoformat() if got else None) == case["expect"]


def test_precedence_manifest_file_flag() -> None:
    d1, d2, d3 = dt.date(2021, 1, 2), dt.date(2021, 1, 3), dt.date(2021, 1, 4)
    m, src = merge(
        manifest=Metadata(published=d1),
        file=Metadata(published=d2, outlet="File Outlet"),
        flags=Metadata(published=d3, outlet="Flag Outlet", url="https://x.example"),
    )
    assert (m.published, src, m.outlet, m.url) == (d1, "manifest", "File Outlet", "https://x.example")
    m, src = merge(manifest=None, file=Metadata(published=d2), flags=Metadata(published=d3))
    assert (m.published, src) == (d2, "file")
    m, src = merge(manifest=Metadata(), file=None, flags=Metadata(published=d3))
    assert (m.published, src) == (d3, "flag")
    m, src = merge(manifest=None, file=None, flags=None)
    assert (m.published, src) == (None, None)


@pytest.mark.parametrize(
    ("raw", "want"), [("en-US", "en"), ("EN", "en"), ("fr_FR", "fr"), ("", None), ("??", None)]
)
def test_language(raw: str, want: str | None) -> None:
    assert normalise_language(raw) == want
