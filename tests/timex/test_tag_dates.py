"""Table-driven cases (tests/timex/cases.json, sentences we wrote) and properties of tag_dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.model import TIMEX_TYPES
from newsledger.timex import tag_dates
from newsledger.timex.normalise import valid_value

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case(case: dict) -> None:
    pub = dt.date.fromisoformat(case["published"]) if case["published"] else None
    found = tag_dates(case["text"], pub)
    got = [(t.text, t.type, t.value) for t in found]
    want = [tuple(e[:3]) for e in case["expect"]]
    assert got == want
    for t, e in zip(found, case["expect"], strict=True):
        if len(e) > 3:
            assert t.mod == e[3]


def test_offsets_point_at_the_text() -> None:
    text = "On 3 June 1950 the army attacked; two days later it withdrew."
    for t in tag_dates(text, dt.date(2000, 1, 1), article_id="a1"):
        assert t.span.article_id == "a1"
        assert text[t.span.start : t.span.end] == t.text


WORDS = st.sampled_from(
    ["today", "yesterday", "Friday", "last", "next", "week", "March", "May", "3", "12", "1999", "2020",
     "the", "1990s", "century", "two", "days", "later", "ago", "before", "since", "-", ",", ".", "at",
     "4:49", "PM", "every", "quarter", "third", "summer", "of", "more", "than", "five-year", "19-Nov-12",
     "14-15", "April", "now", "recently", "BC", "31", "2/30/2001", "0", "99", "\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=25), st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_never_fails_and_values_are_timex3(words: list[str], pub: dt.date | None) -> None:
    text = " ".join(words)
    for t in tag_dates(text, pub):
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert t.type in TIMEX_TYPES
        assert valid_value(t.value), t.value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_arbitrary_text(text: str, pub: dt.date | None) -> None:
    for t in tag_dates(text, pub):
        assert text[t.span.start : t.span.end] == t.text
        assert valid_value(t.value), t.value
