"""Quarters of financial reports: "the third quarter", "the year-ago period", "the quarter ended
July 31", and the quarter a report is about, which later mentions refer back to."""

from __future__ import annotations

import datetime as dt
import re

from .cand import Cand
from .normalise import quarter_of, safe_date, shift
from .patterns import MONTHS
from .story import Story

PERIOD_END = re.compile(
    r"\s+(?:that\s+)?(?:ended|ending|ends|which\s+ended)\s+(?:on\s+)?(?P<mon>Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|"
    r"Nov|Dec)[a-z]*\.?\s+(?P<day>[0-3]?\d)\b(?:,\s+(?P<year>(?:1[6-9]|20)\d\d)\b)?"
)


# a period of several months up to the report's quarter ("the first nine months", "the six months")
YEAR_TO_DATE = re.compile(
    r"\b(?:nine|six|first\s+(?:nine|six))[- ]months?\b|\bfirst\s+half\b|\byear[- ]to[- ]date\b", re.IGNORECASE
)
_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n")
# the sentence compares the report's quarter: "Sales in the latest period rose 13% from last year's"
REPORT_QUARTER = re.compile(r"\b(?:the\s+latest|the)\s+(?:quarter|period)\b", re.IGNORECASE)


class Quarters(Story):
    """The quarter-resolving part of the resolver (see :class:`.anchor.Resolver`)."""

    def year_to_date(self, c: Cand) -> bool:
        """The sentence is about a period of several months ("For the nine months, net rose to $5
        million from $4 million a year earlier"), or the one before when ``c`` opens its own."""
        left = self.text[max(0, c.start - 300) : c.start]
        cuts = [m.end() for m in _SENTENCE_START.finditer(left)]
        start = cuts[-1] if cuts else 0
        if len(left[start:].split()) <= 2 and len(cuts) > 1:
            start = cuts[-2]  # it opens its sentence ("The year-ago results"): read the one before
        return YEAR_TO_DATE.search(left, start) is not None

    def year_ago_period(self, c: Cand, quarter: tuple[int, int]) -> str:
        """ "A year ago" in a financial report: the report's quarter a year back, or the year back
        in a sentence about the months up to it (the first nine months of last year)."""
        if self.year_to_date(c):
            return f"{quarter[0] - 1:04d}"
        return f"{quarter[0] - 1:04d}-Q{quarter[1]}"

    def last_year_quarter(self, c: Cand) -> str | None:
        """ "Last year" in a sentence about the report's quarter is that quarter a year back
        ("In the latest quarter, it lost $23 million, compared with earnings of $33 million last
        year"); None elsewhere."""
        if self.quarter is None or not 0 <= c.start - self.quarter_at <= 3000:
            return None
        left = self.text[max(0, c.start - 300) : c.start]
        cuts = [m.end() for m in _SENTENCE_START.finditer(left)]
        if not REPORT_QUARTER.search(left, cuts[-1] if cuts else 0):
            return None
        return f"{self.quarter[0] - 1:04d}-Q{self.quarter[1]}"

    def _quarter(self, c: Cand) -> str | None:
        q, y, off = c.args
        if y is None:
            if self.dct is None:
                base = self.ref
                if base is None:
                    return None
                y = base.year
            else:
                y = self.dct.year + (off or 0)
                if q > quarter_of(self.dct) and c.rule != "quarter_of_year" and self.tense(c) == "past":
                    y -= 1
        earlier = (  # "after a flat second quarter" in a report on the third: a comparison
            self.quarter is not None
            and c.args[1] is None
            and (y, q) < self.quarter
            and y == self.quarter[0]
            and "fiscal" not in self.text[c.start : c.end].lower()
        )
        if c.rule != "quarter_year_ago" and not earlier:
            self.set_quarter(y, q)
            self.quarter_at = c.end
        return f"{y:04d}-Q{q}"

    def set_quarter(self, y: int, q: int) -> None:
        """The quarter a financial report is about: a later quarter it only looks ahead to ("losses
        through the third quarter of 1990") or an earlier year it compares with ("the 1988 period")
        does not replace it."""
        if self.quarter is not None and (
            y < self.quarter[0] or (self.dct is not None and (y, q) >= (self.dct.year, quarter_of(self.dct)))
        ):
            return
        self.quarter = (y, q)

    def _quarter_rel(self, c: Cand) -> str | None:
        (rel,) = c.args
        ended = self._period_end(c) if rel in {"the", "latest", "current"} else None
        if ended is not None and self.quarter is not None and 0 <= c.start - self.quarter_at <= 300:
            return f"{self.quarter[0]:04d}-Q{self.quarter[1]}"  # "its fiscal first quarter ... the quarter ended Sept. 29"
        if ended is not None:  # "the quarter ended July 31": the three months before that day
            mid = ended - dt.timedelta(days=45)
            self.set_quarter(mid.year, quarter_of(mid))
            return f"{mid.year:04d}-Q{quarter_of(mid)}"
        if self.dct is None and self.quarter is None:
            return None
        reported = self.quarter is not None and 0 <= c.start - self.quarter_at <= 1000
        if (
            rel == "current"
            and self.dct is not None
            and not (reported and self.text[c.start : c.end].lower().startswith("this"))
        ):  # "the current quarter"; but "This quarter's loss" in a report is the reported one
            return f"{self.dct.year:04d}-Q{quarter_of(self.dct)}"
        if self.quarter is not None and rel != "previous":
            y, q = self.quarter
        elif rel == "previous" and self.quarter is not None:
            y, q = self.quarter[0] - (self.quarter[1] == 1), (self.quarter[1] - 2) % 4 + 1
        elif self.dct is not None:
            d = shift(self.dct, "Q", -1)
            y, q = d.year, quarter_of(d)
        else:
            return None
        if rel == "year-ago":
            y -= 1
        else:
            self.quarter = (y, q)
        return f"{y:04d}-Q{q}"

    def _period_end(self, c: Cand) -> dt.date | None:
        """The day a period is said to end on right after it: "the quarter ended Sept. 30"."""
        m = PERIOD_END.match(self.text, c.end)
        if m is None:
            return None
        mon, day = MONTHS[m["mon"].lower()], int(m["day"])
        y = (
            int(m["year"])
            if m["year"]
            else self.pick_year(Cand(m.start(), m.end(), "DATE", "date", (None, mon, day)), mon, day)
        )
        return safe_date(y, mon, day) if y is not None else None
