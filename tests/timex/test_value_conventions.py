"""TIMEX3 value conventions, table-driven (tests/timex/cases_values.json, sentences we wrote).

Each case pins one general convention of the TimeML guidelines as annotators apply it: times in
UTC end in Z, "this past spring" is the latest spring already over, "last Oct. 23" lies behind the
report, "each July" is the set XXXX-07, "2 1/2 years" is P2Y6M, a quarter "ended July 31" is the
three months before that day, "the winter" after an autumn date is the next year's, and so on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.timex import tag_dates, tagger, tense
from newsledger.timex.normalise import valid_value

ALL_CASES = json.loads((Path(__file__).parent / "cases_values.json").read_text(encoding="utf-8"))
# cases marked "parse" need the spaCy parse (the verb's tense); the others hold with or without it
CASES = [c for c in ALL_CASES if not c.get("parse")]
PARSE_CASES = [c for c in ALL_CASES if c.get("parse")]


def check_case(case: dict, doc: object = None) -> None:
    pub = dt.date.fromisoformat(case["published"]) if case["published"] else None
    found = tag_dates(case["text"], pub, doc=doc)
    assert [(t.text, t.type, t.value) for t in found] == [tuple(e[:3]) for e in case["expect"]]
    for t, e in zip(found, case["expect"], strict=True):
        assert t.mod == (e[3] if len(e) > 3 else None)
        assert valid_value(t.value), t.value


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_value_convention(case: dict) -> None:
    check_case(case)


@pytest.mark.parametrize("case", PARSE_CASES, ids=[c["text"][:40] for c in PARSE_CASES])
def test_value_convention_with_the_parse(case: dict, ctx) -> None:
    check_case(case, ctx.nlp(case["text"]))


CASE_WORDS = st.sampled_from(
    ["Now", "Now,", "now", "NOW", ",", "the", "THE", "Three", "DAYS", "days", "later", "Last", "YEAR", "year", "ago",
     "BC", "bc", "480", "Christmas", "christmas", "AD", "79", "Quarter", "third", "Year-Earlier", "Period",
     "Weekend", "Noon", "high", "Daily", "Per", "Day", "Recent", "Years", "Mid-Afternoon", "Yesterday",
     "Nineteen", "ninety-four", "Of", "Half", "First", "1990s", "The", "Time", "Same", "İstanbul", ".", "\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(CASE_WORDS, max_size=20), st.sampled_from([None, dt.date(1999, 3, 12)]))
def test_lowercased_fast_path_finds_the_same(words: list[str], pub: dt.date | None) -> None:
    """Rules that ignore case run on the lowercased text without IGNORECASE (twice as fast); what
    they find must not change, whatever the case of the input (or when lowercasing changes its length)."""
    text = " ".join(words)
    fast = [(t.span.start, t.span.end, t.type, t.value, t.mod) for t in tag_dates(text, pub)]
    with _all_rules_ignorecase():
        slow = [(t.span.start, t.span.end, t.type, t.value, t.mod) for t in tag_dates(text, pub)]
    assert fast == slow


@contextmanager
def _all_rules_ignorecase() -> Iterator[None]:
    saved = tagger._RULES
    tagger._RULES = tuple((p, r, needs, pad, None) for p, r, needs, pad, _low in saved)
    try:
        yield
    finally:
        tagger._RULES = saved


TENSE_WORDS = st.sampled_from(
    ["He", "was", "WAS", "Announced", "announced", "will", "Will", "is", "scheduled", "Scheduled", "planned",
     "to", "meet", "met", "Predicted", "predicted", "based", "hundred", "be", "held", "next", "Next", "the",
     "Talks", "ended", "Ended", "said", "Said", "payable", "ago", "since", "and", "Is", "are", "Be"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TENSE_WORDS, max_size=15), st.lists(TENSE_WORDS, max_size=10))
def test_tense_markers_on_lowercased_text_agree(left: list[str], right: list[str]) -> None:
    """The tense markers run on lowercased text (fast) and pick what the case-insensitive ones pick."""
    lt, rt = " ".join(left) + " ", " " + " ".join(right)
    for strict, fast, cased in ((False, tense._MARKERS_LOW, tense._MARKERS),
                                (True, tense._STRONG_LOW, tense._STRONG_MARKERS)):  # fmt: skip
        assert tense._nearest(fast, strict, lt, rt) == tense._nearest_cased(cased, lt, rt)
