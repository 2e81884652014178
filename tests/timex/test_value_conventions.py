"""TIMEX3 value conventions, table-driven (tests/timex/cases_values.json, sentences we wrote).

Each case pins one general convention of the TimeML guidelines as annotators apply it: times in
UTC end in Z, "this past spring" is the latest spring already over, "last Oct. 23" lies behind the
report, "each July" is the set XXXX-07, "2 1/2 years" is P2Y6M, a quarter "ended July 31" is the
three months before that day, "the winter" after an autumn date is the next year's, and so on.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsledger.timex import tag_dates
from newsledger.timex.normalise import valid_value

CASES = json.loads((Path(__file__).parent / "cases_values.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_value_convention(case: dict) -> None:
    pub = dt.date.fromisoformat(case["published"]) if case["published"] else None
    found = tag_dates(case["text"], pub)
    assert [(t.text, t.type, t.value) for t in found] == [tuple(e[:3]) for e in case["expect"]]
    for t, e in zip(found, case["expect"], strict=True):
        assert t.mod == (e[3] if len(e) > 3 else None)
        assert valid_value(t.value), t.value
