"""The story's time: the publication date, the reference time a text moves through, and the
choices that depend on them (news or history, the year of "November 10", the tense around it).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .cand import Cand
from .normalise import (
    fmt_day,
    fmt_month,
    safe_date,
)
from .patterns import MONTH, MONTHS
from .tense import tense_at

DIGRESSION_YEARS = 20  # a year this far from the narrative and from the story's era is an aside
FORWARD_GAP = 6  # months a story may step back within a year before a bare month means the next year
DEICTIC_KINDS = frozenset({"deictic", "weekday", "ago"})
# a preposition before a date makes it a bound: "before March 3", "until June 30"
BOUND_MODS = re.compile(
    r"\b(?:(?P<BEFORE>before|prior\s+to|ahead\s+of)|(?P<ON_OR_BEFORE>no\s+later\s+than|by|until|till|through|"
    r"up\s+to)|(?P<AFTER>after|following)|(?P<ON_OR_AFTER>since|from|starting(?:\s+from)?|as\s+of|"
    r"beginning))\s+\Z",
    re.IGNORECASE,
)
DEADLINE_NOUN = re.compile(r"['’]?s?\s+(?:deadline|target\s+date|due\s+date|cut-?off)\b", re.IGNORECASE)
# the new date of a shifted deadline or event lies ahead even in a past-tense clause: "was
# postponed to December 15", "has been pushed back until March"
SHIFT_TARGET = re.compile(
    r"\b(?:postpon|delay|defer|reschedul|adjourn|push(?:ed|es|ing)?\s+back|put\s+off|moved?|extend)\w*"
    r"(?:\s+(?:it|them|(?:the|its|their|his|her)\s+\w+|again|once\s+more|further))?\s+(?:to|until|till|for)\s+\Z",
    re.IGNORECASE,
)
# a state that lasts "until Friday" ends ahead ("markets will stay closed until Friday", "gave them
# until 9 a.m. Tuesday"); "not until Tuesday", "up until Thursday", "Until Thursday, they had" look back
UNTIL_AHEAD = re.compile(r"(?<!\bnot\s)(?<!\bup\s)(?<=[a-z]\s)(?-i:until|till)\s+\Z", re.IGNORECASE)


# a second date right after an underspecified one lends it its year: "[August] and September 1914",
# "[26 June] - 4 August 1952", "[November 15] to February 15, 1989" (the year before: a range)
SHARED_YEAR = re.compile(
    rf"\s*(?P<link>and|or|to|through|until|till|-|–|—|/)\s*(?:(?i:early|late|mid)-?\s*)?"
    rf"(?:(?:[0-3]?\d)\s+)?(?P<mon>{MONTH})(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?,?\s+(?P<year>(?:1\d|20)\d\d)\b(?![,.]?\d)",
)


@dataclass
class Ref:
    """The reference time: the last explicit date, at the precision it was given."""

    year: int
    month: int | None = None
    day: int | None = None

    def date(self) -> dt.date:
        """As a date (years before 1 AD are clamped: calendar arithmetic there is not supported)."""
        return dt.date(max(1, self.year), self.month or 1, self.day or 1)


@dataclass(frozen=True)
class Resolved:
    value: str | None
    mod: str | None
    anchor: str | None
    type: str | None = None  # when resolution changes the candidate's type


def explicit_years(cands: list[Cand]) -> list[int]:
    """The years the text writes out, in order (BC as negative numbers)."""
    years: list[int] = []
    for c in cands:
        if c.kind == "date" and c.args[0] is not None:
            years.append(c.args[0])
        elif c.rule in {"year", "ad", "year_range_end"}:
            years.append(int(c.args[0]))
        elif c.rule == "bc":
            years.append(-int(c.args[0][2:]))
        elif c.kind == "pod_date" and c.args[1] is not None:
            years.append(c.args[1])
        elif c.kind == "range" and c.args[0] is not None:
            years.append(c.args[0])
    return years


def story_era(years: list[int]) -> int | None:
    """The median of the sorted ``years`` when at least half of them lie within 30 years of it (a
    history of one period); None for a survey across centuries or a text without years."""
    if not years:
        return None
    mid = years[len(years) // 2]
    close = bisect.bisect_right(years, mid + 30) - bisect.bisect_left(years, mid - 30)
    return mid if 2 * close >= len(years) else None


def is_news(cands: list[Cand], published: dt.date) -> bool:
    """A news report (relative dates anchor on the publication date) rather than a history.

    News opens with a date near its publication (a byline), uses deictic words ("yesterday",
    "Friday", "last week") often, or mostly names recent years.
    """
    for c in cands:  # a report that opens with a date it does not complete reads it from its dateline
        if (
            (
                c.kind in {"month", "quarter", "quarter_rel", "weekday", "deictic", "range"}
                or (c.kind == "date" and c.args[0] is None)
            )
            and (c.kind != "quarter" or c.args[1] is None)
            and (c.kind != "range" or c.args[0] is None)
        ):
            return True
        if c.kind in {"date", "range", "quarter", "pod_date"} or c.rule in {
            "year",
            "year_range_end",
            "bc",
            "ad",
            "century",
            "decade",
        }:
            break
    years = explicit_years(cands)
    if not years:
        return True
    if abs(years[0] - published.year) <= 1:
        return True
    deictic = sum(c.kind in DEICTIC_KINDS for c in cands)
    if deictic >= 0.1 * len(cands):
        return True
    recent = sum(published.year - 1 <= y <= published.year for y in years)
    return recent >= 0.5 * len(years)


def holiday_date(rule: tuple[object, ...], year: int) -> dt.date | None:
    """The date of a holiday in ``year``: fixed dates, Easter (Gregorian computus), US Mondays/Thursdays."""
    if len(rule) == 2:
        return safe_date(year, int(rule[0]), int(rule[1]))  # type: ignore[call-overload]
    name = rule[0]
    if name == "easter":
        a, b, c = year % 19, year // 100, year % 100
        d, e = divmod(b, 4)
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = divmod(c, 4)
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l_) // 451
        month, day = divmod(h + l_ - 7 * m + 114, 31)
        return safe_date(year, month, day + 1)
    if name == "thanksgiving":  # fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "labor":  # first Monday of September
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7)
    if name == "election":  # (US) the Tuesday after the first Monday of November
        first = dt.date(year, 11, 2)
        return first + dt.timedelta(days=(1 - first.weekday()) % 7)
    if name == "memorial":  # last Monday of May
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    return None


class Story:
    """What the resolver knows while it reads a text: dates, reference time, tense, mode."""

    def __init__(self, text: str, cands: list[Cand], published: dt.date | None, doc: Any = None) -> None:
        self.text = text
        self.dct = published
        self.doc = doc
        self.ref: Ref | None = None
        self.ref_end = -1000
        self.day_ref: Ref | None = None  # the last reference time given to the day
        self.ref_explicit = False
        self.quarter: tuple[int, int] | None = None  # the last quarter named (financial reports)
        self.quarter_at = -1000  # where a quarter was last named by its number
        self.month_ref: tuple[Ref, int] | None = None  # the last bare month read ("In March, ...")
        self.news = published is not None and is_news(cands, published)
        self.years = sorted(explicit_years(cands))
        self.era = story_era(self.years)

    def keep(self, c: Cand) -> bool:
        """Reference words that only histories use as time expressions are dropped from news."""
        return not (c.rule == "narrative_ref" and (self.news or self.dct is None))

    # --- helpers ------------------------------------------------------------------------

    def tense(self, c: Cand, strict: bool = False) -> str | None:
        return tense_at(self.text, c.start, c.end, self.doc, strict)

    def bound_mod(self, c: Cand) -> str | None:
        left = self.text[max(0, c.start - 25) : c.start]
        m = BOUND_MODS.search(left)
        return m.lastgroup if m else None

    def digression(self, new: Ref, old: Ref | None) -> bool:
        """A history mentioning a far-off year ("the Estates had last met in 1614", "a memorial
        unveiled in 2004") does not move its narrative there: the following "6 September" stays
        in the story's era."""
        if self.news or old is None or self.era is None:
            return False
        y, gap = new.year, DIGRESSION_YEARS
        if abs(y - old.year) <= gap or abs(y - self.era) <= gap:
            return False
        near = bisect.bisect_right(self.years, y + gap) - bisect.bisect_left(self.years, y - gap)
        return near <= 2  # a period the text keeps returning to is part of the story

    def parenthetical(self, c: Cand, old: Ref | None) -> bool:
        """A year in brackets after a name ("the Civil Constitution of the Clergy (1790)") labels
        it (a history's narrative stays where it was); a year after "since" is a point of
        comparison, in news and histories alike."""
        if c.kind != "value":
            return False
        if (
            not self.news
            and old is not None
            and self.text[c.start - 1 : c.start] == "("
            and self.text[c.end : c.end + 1] == ")"
        ):
            return True
        # "the first incursion since 1995": a point of comparison, not where the story goes
        return self.text[max(0, c.start - 6) : c.start].lower() == "since "

    def same_paragraph(self, c: Cand, limit: int = 400) -> bool:
        """The reference time was set close by, with no paragraph break in between."""
        gap = c.start - self.ref_end
        return 0 <= gap <= limit and "\n" not in self.text[self.ref_end : c.start]

    def day_anchor(self) -> dt.date | None:
        """The day deictic words refer to: the publication date (in a narrative, the story's day)."""
        if not self.news and self.ref is not None and self.ref.day is not None:
            return self.ref.date()
        return self.dct

    def day_anchor_ref(self) -> Ref | None:
        """The story's day: the reference time, or the last day named if it lies inside it."""
        ref = self.story_anchor()
        if ref is None or ref.day is not None:
            return ref
        d = self.day_ref
        if d is not None and d.year == ref.year and (ref.month is None or d.month == ref.month):
            return d
        return ref

    def day_of_month_named(self, c: Cand) -> str | None:
        """ "last October, when ... that same day": a day of the month just named (after the
        story's last day), which one unsaid ("1998-10-XX")."""
        month = self.month_ref
        if month is None or self.ref_end >= month[1] or c.start - month[1] >= 400:
            return None
        return fmt_month(month[0].year, month[0].month or 1) + "-XX"

    def story_anchor(self) -> Ref | None:
        if self.ref is not None:
            return self.ref
        if self.dct is not None:
            return Ref(self.dct.year, self.dct.month, self.dct.day)
        return None

    def pick_year(self, c: Cand, month: int, day: int | None) -> int | None:
        """The year of an underspecified month(-day)."""
        shared = SHARED_YEAR.match(self.text, c.end)
        if shared is not None:  # "in August and September 1914", "from May 15 to August 16, 1988"
            year, later = int(shared["year"]), MONTHS[shared["mon"].rstrip(".").lower()]
            return year - 1 if month > later and shared["link"] not in {"and", "or", "/"} else year
        if self.ref is not None and (not self.news or self.dct is None):
            # a story moves forward: "in November 1941 ... in January" is the next January
            if self.ref.month is not None and month < self.ref.month - FORWARD_GAP:
                return self.ref.year + 1
            return self.ref.year
        if self.dct is None:
            return None
        tense = self.tense(c)
        if tense == "past" and self.bound_mod(c) in {"BEFORE", "ON_OR_BEFORE"}:
            tense = None  # a deadline set in the past may still lie ahead
        shifted = SHIFT_TARGET.search(self.text[max(0, c.start - 40) : c.start]) is not None
        if c.rule in {"month_day_past", "month_day_future"}:
            tense, shifted = c.rule[10:], False  # "last Oct. 23", "next May 4"
        elif shifted:
            tense = "future"
        elif DEADLINE_NOUN.match(self.text, c.end):
            tense = None  # "the Jan. 14 deadline": the clause's tense says nothing of its date
        floor = -45 - (0 if day else 31)  # how far back a future-tense date may lie
        ref = self.ref
        near = 0 <= c.start - self.ref_end <= 1500
        if tense == "future" and not shifted and near and ref is not None and ref.day is not None:
            # "On November 9 ... will be returned before November 15" in a January report: the
            # future is counted from the narrative's time, not from the publication date
            back = (ref.date() - self.dct).days
            if -366 < back < floor:
                floor = back
        best: tuple[int, int] | None = None
        for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            d = safe_date(y, month, day or 15)
            if d is None:
                continue
            delta = (d - self.dct).days
            slack = 0 if day else 31
            if tense == "past" and delta > 7 + slack:
                continue
            if tense == "future" and delta < floor:
                continue
            cost = abs(delta) if delta <= 0 or tense == "future" else 2 * delta  # news looks back more often
            if best is None or cost < best[1]:
                best = (y, cost)
        return best[0] if best else self.dct.year

    # --- resolution -----------------------------------------------------------------------

    def _date(self, c: Cand) -> str | None:
        y, m, d = c.args
        if c.kind == "date2":
            base = self.dct.year if self.dct else 2000
            y = 2000 + y if 2000 + y <= base + 10 else 1900 + y
        if y is None:
            y = self.pick_year(c, m, d)
            if y is None:
                return None
        if d is None:
            self.ref = Ref(y, m) if c.args[0] is not None else self.ref
            return fmt_month(y, m)
        if y < 1:  # BC: no calendar check
            return f"{fmt_month(y, m)}-{d:02d}" if 1 <= d <= 31 else None
        date = safe_date(y, m, d)
        if date is None and (m, d) == (2, 29) and c.args[0] is None:
            y -= y % 4  # "February 29" with no year: the leap year the story is in or has just left
            date = safe_date(y, m, d)
        if date is None:
            return None
        self.ref = Ref(y, m, d)
        return fmt_day(date)

    def _month(self, c: Cand) -> str | None:
        m, off = c.args
        if off is None:
            y = self.pick_year(c, m, None)
            if y is None:
                return None
            self.month_ref = (Ref(y, m), c.end)
            return fmt_month(y, m)
        if self.dct is None:
            return None
        y = self.dct.year
        if off < 0 and m >= self.dct.month:
            y -= 1
        elif off > 0 and m <= self.dct.month:
            y += 1
        self.month_ref = (Ref(y, m), c.end)  # "last October": the story's month too
        return fmt_month(y, m)
