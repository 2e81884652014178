"""Property tests of the date normaliser on date-like text with random (often impossible) numbers.

test_tag_dates.py checks the value *syntax* (``valid_value``) on word soup and arbitrary text;
here the values must also be real calendar values (no month 13, no 30 February, no week 54,
ranges that do not end before they start), types must agree with values, and the result must not
depend on what comes before or after the sentence. ``bench/fuzz.py`` runs the same properties
with many more examples.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.model import TIMEX_TYPES, Timex
from newsledger.timex import tag_dates
from newsledger.timex.normalise import valid_value

MONTHS = tuple(calendar.month_name[1:]) + tuple(calendar.month_abbr[1:]) + ("Sept", "Febuary")
TEMPLATES = (
    "{d} {M} {y}", "{M} {d}, {y}", "{y}-{m}-{d}", "{d}/{m}/{y}", "{m}/{d}/{y}", "{d}-{M}-{yy}",
    "{d}.{m}.{y}", "{n} days ago", "{n} years later", "in {y}", "the {y}s", "Q{q} {y}", "{h}:{mi}",
    "{h}:{mi} on {M} {d}", "{d}-{d} {M} {y}", "{M} {y}", "week {n}", "{n7}", "since {y}",
    "{n} months", "by the end of {M}", "on {W}", "last {W}", "{d} {M}", "{y}/{m}/{d}", "{yy}{m}{d}",
    "between {y} and {y}", "{n}th century", "early {y}", "{d}th of {M} {y}",
)  # fmt: skip
WEEKDAYS = tuple(calendar.day_name)
FILLER = st.sampled_from(["", "The army said", "officials reported", ".", ",", "\n", "on", "until", "—"])

num = st.integers(min_value=0, max_value=99)


@st.composite
def date_like(draw: st.DrawFn) -> str:
    t = draw(st.sampled_from(TEMPLATES))
    return t.format(
        d=draw(st.integers(0, 40)),
        m=draw(st.integers(0, 14)),
        M=draw(st.sampled_from(MONTHS)),
        y=draw(st.integers(0, 10_000) | st.integers(1900, 2100)),
        yy=f"{draw(num):02d}",
        n=draw(st.integers(0, 10_000)),
        n7=draw(st.integers(1_000_000, 9_999_999)),
        q=draw(st.integers(0, 6)),
        h=draw(st.integers(0, 30)),
        mi=f"{draw(st.integers(0, 70)):02d}",
        W=draw(st.sampled_from(WEEKDAYS)),
    )


sentences = st.lists(date_like() | FILLER, min_size=1, max_size=8).map(" ".join)
published = (
    st.none()
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))
)

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_TIME = re.compile(r"T(\d\d)(?::(\d\d))?")


def calendar_problem(value: str) -> str | None:
    """Why a TIMEX3 date value is not a real calendar value (None when it is fine)."""
    for part in value.split("/"):
        part = part.removeprefix("BC")
        date_part, _, time_part = part.partition("T")
        if m := _DAY.fullmatch(date_part):
            y, mo, d = map(int, m.groups())
            if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(max(y, 1), mo)[1]):
                return f"no such day {date_part}"
        elif m := _MONTH.fullmatch(date_part):
            if not 1 <= int(m.group(2)) <= 12:
                return f"no such month {date_part}"
        elif m := _WEEK.fullmatch(date_part):
            y, w = int(m.group(1)), int(m.group(2))
            if not 1 <= w <= dt.date(max(y, 1), 12, 28).isocalendar()[1]:
                return f"no such week {date_part}"
        t = _TIME.fullmatch("T" + time_part) if time_part else None
        if t and (int(t.group(1)) > 24 or (t.group(2) and int(t.group(2)) > 59)):
            return f"no such time {part}"
    ends = value.split("/")
    if len(ends) == 2 and all(_DAY.fullmatch(e) for e in ends) and ends[0] > ends[1]:
        return f"range ends before it starts: {value}"
    return None


def check(text: str, found: list[Timex]) -> None:
    for t in found:
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert text[t.span.start : t.span.end] == t.text
        assert t.type in TIMEX_TYPES
        assert valid_value(t.value), t.value
        if t.value is None:
            continue
        if t.type == "DURATION":
            assert t.value.startswith("P"), t
        if t.type in ("DATE", "TIME") and not t.value.endswith("_REF"):
            assert not t.value.startswith("P"), t
            assert calendar_problem(t.value) is None, (calendar_problem(t.value), t)


@settings(max_examples=400, deadline=None)
@given(sentences, published)
def test_date_like_text_gives_real_calendar_values(text: str, pub: dt.date | None) -> None:
    check(text, tag_dates(text, pub, article_id="a"))


@settings(max_examples=150, deadline=None)
@given(sentences, st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_same_result_in_any_context(text: str, pub: dt.date) -> None:
    """Text put after a paragraph break keeps its timexes, moved by the prefix length (the
    paragraph before may anchor relative dates differently, so only absolute values are compared)."""
    alone = [t for t in tag_dates(text, pub) if _absolute(t)]
    prefix = "Unrelated opening line.\n\n"
    moved = [t for t in tag_dates(prefix + text, pub) if _absolute(t)]
    assert [(t.span.start + len(prefix), t.text, t.value) for t in alone] == [
        (t.span.start, t.text, t.value) for t in moved
    ]


def _absolute(t: Timex) -> bool:
    return t.value is not None and t.anchor is None and t.type == "DATE"


def test_calendar_problem_itself() -> None:
    assert calendar_problem("2021-02-28") is None
    assert calendar_problem("2021-02-30") == "no such day 2021-02-30"
    assert calendar_problem("2021-13") == "no such month 2021-13"
    assert calendar_problem("2021-W54") == "no such week 2021-W54"
    assert calendar_problem("2021-03-02/2021-03-01") is not None
    assert calendar_problem("2021-XX-XX") is None and calendar_problem("PRESENT_REF") is None


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["To meet on", "To reopen", "Talks to resume", "Plans to vote", "The army said"]),
    sentences,
)
def test_with_the_parse(ctx, head: str, text: str) -> None:
    """With the spaCy Doc (as the dates stage runs it) the same properties hold."""
    text = f"{head} {text}"
    check(text, tag_dates(text, dt.date(2021, 3, 5), article_id="a", doc=ctx.nlp(text)))


def test_an_infinitive_at_the_root_does_not_recurse(ctx) -> None:
    """Headlines like "To meet on Friday" have a root verb with a "to" auxiliary (regression:
    RecursionError in timex.tense._verb_tense, which failed the whole article)."""
    for text in ("To meet on Friday", "To reopen on 10 November."):
        found = tag_dates(text, dt.date(2021, 3, 5), doc=ctx.nlp(text))
        assert [t.type for t in found] == ["DATE"]
