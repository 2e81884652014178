"""Resolution: turn candidates into TIMEX3 values against the publication date and the story.

Deictic expressions ("yesterday", "last week", "Friday") are resolved against the publication
date in news; anaphoric ones ("two days later", "that year") against the reference time, the last
explicit date of the text. Underspecified dates ("November 10") take the year that puts them
closest to the publication date, unless the verb's tense rules it out (a past-tense event is not
in the future); in a narrative without deictic words (a history) they take the reference year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .cand import Cand
from .normalise import (
    PRECISION,
    UNIT_CODE,
    fmt_at,
    fmt_day,
    fmt_month,
    fmt_year,
    quarter_of,
    safe_date,
    shift,
)
from .tense import tense_at

FORWARD_GAP = 6  # months a story may step back within a year before a bare month means the next year
DEICTIC_KINDS = frozenset({"deictic", "weekday", "ago"})
# a preposition before a date makes it a bound: "before November 15", "until November 25"
BOUND_MODS = re.compile(
    r"\b(?:(?P<BEFORE>before|prior\s+to|ahead\s+of)|(?P<ON_OR_BEFORE>no\s+later\s+than|by|until|till|through|"
    r"up\s+to)|(?P<AFTER>after|following)|(?P<ON_OR_AFTER>since|from|starting(?:\s+from)?|as\s+of|"
    r"beginning))\s+\Z",
    re.IGNORECASE,
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
    if not years:
        return True
    if abs(years[0] - published.year) <= 1:
        return True
    deictic = sum(c.kind in DEICTIC_KINDS for c in cands)
    if deictic >= 0.1 * len(cands):
        return True
    recent = sum(published.year - 1 <= y <= published.year for y in years)
    return recent >= 0.5 * len(years)


class Resolver:
    """Resolves the candidates of one text, in order (the reference time moves as it reads)."""

    def __init__(self, text: str, cands: list[Cand], published: dt.date | None, doc: Any = None) -> None:
        self.text = text
        self.dct = published
        self.doc = doc
        self.ref: Ref | None = None
        self.ref_end = -1000
        self.ref_explicit = False
        self.quarter: tuple[int, int] | None = None  # the last quarter named (financial reports)
        self.news = published is not None and is_news(cands, published)

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

    def same_paragraph(self, c: Cand, limit: int = 400) -> bool:
        """The reference time was set close by, with no paragraph break in between."""
        gap = c.start - self.ref_end
        return 0 <= gap <= limit and "\n" not in self.text[self.ref_end : c.start]

    def day_anchor(self) -> dt.date | None:
        """The day deictic words refer to: the publication date (in a narrative, the story's day)."""
        if not self.news and self.ref is not None and self.ref.day is not None:
            return self.ref.date()
        return self.dct

    def story_anchor(self) -> Ref | None:
        if self.ref is not None:
            return self.ref
        if self.dct is not None:
            return Ref(self.dct.year, self.dct.month, self.dct.day)
        return None

    def pick_year(self, c: Cand, month: int, day: int | None) -> int | None:
        """The year of an underspecified month(-day)."""
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
        best: tuple[int, int] | None = None
        for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            d = safe_date(y, month, day or 15)
            if d is None:
                continue
            delta = (d - self.dct).days
            slack = 0 if day else 31
            if tense == "past" and delta > 2 + slack:
                continue
            if tense == "future" and delta < -45 - slack:
                continue
            cost = abs(delta) if delta <= 0 or tense == "future" else 2 * delta  # news looks back more often
            if best is None or cost < best[1]:
                best = (y, cost)
        return best[0] if best else self.dct.year

    # --- resolution -----------------------------------------------------------------------

    def resolve(self, c: Cand) -> Resolved:
        before = self.ref
        try:
            value = self._value(c)
        except (ValueError, OverflowError):  # calendar arithmetic beyond year 1 or 9999
            value = None
        if self.ref is not before:
            self.ref_end = c.end
            self.ref_explicit = c.kind in {"date", "range", "value", "season"} and (
                c.kind == "value" or c.args[0] is not None
            )
        mod = c.mod or (self.bound_mod(c) if c.type in {"DATE", "TIME"} else None)
        anchor = fmt_day(self.dct) if self.dct is not None and c.kind not in {"value", "date"} else None
        return Resolved(value, mod, anchor)

    def _value(self, c: Cand) -> str | None:
        k, a = c.kind, c.args
        if k == "value":
            v = str(a[0])
            if re.fullmatch(r"\d{4}", v) and c.rule != "year_range_end":
                self.ref = Ref(int(v))
            elif re.fullmatch(r"BC\d{4}", v):
                self.ref = Ref(1 - int(v[2:]))  # astronomical year numbering: 1 BC = 0
            return v
        if k in {"date", "date2"}:
            return self._date(c)
        if k == "range":
            y, m, d1, d2 = a
            if y is None:
                y = self.pick_year(c, m, d1)
            if y is None:
                return None
            s, e = safe_date(y, m, d1), safe_date(y, m, d2)
            if s is None or e is None:
                return None
            self.ref = Ref(y, m, d1)
            return f"{fmt_day(s)}/{fmt_day(e)}"
        if k == "month":
            return self._month(c)
        if k == "month_rel_year":
            if self.dct is None:
                return None
            return fmt_month(self.dct.year + a[1], a[0])
        if k == "weekday":
            return self._weekday(c)
        if k == "deictic":
            return self._deictic(c)
        if k == "ago":
            return self._ago(c)
        if k == "later":
            return self._later(c)
        if k == "anaphor":
            return self._anaphor(c)
        if k == "anaphor_md":
            ref = self.story_anchor()
            if ref is None:
                return None
            mon, day = a
            if day is None:
                return fmt_month(ref.year, mon)
            d = safe_date(ref.year, mon, day)
            return fmt_day(d) if d else None
        if k == "quarter":
            return self._quarter(c)
        if k == "half":
            h, y = a
            if y is None:
                base = self.story_anchor()
                if base is None:
                    return None
                y = base.year
            return f"{y:04d}-H{h}"
        if k == "season":
            s, y, off = a
            if y is None:
                day = self.dct if self.news or self.ref is None else self.ref.date()
                if day is None:
                    return None
                y = day.year + (off or 0)
            else:
                self.ref = Ref(y)
            return f"{fmt_year(y)}-{s}"
        if k == "decade":
            return str(a[0])
        if k == "quarter_rel":
            return self._quarter_rel(c)
        if k == "year_quarter":
            y, q = a
            q = q or (self.quarter[1] if self.quarter else None)
            if q is None:
                return fmt_year(y)
            self.quarter = (y, q)
            return f"{y:04d}-Q{q}"
        if k == "weekend":
            return self._weekend(c)
        if k == "holiday":
            return self._holiday(c)
        if k == "pod_date":
            pod, y, mon, day = a
            on = self._date(Cand(c.start, c.end, "DATE", "date", (y, mon, day)))
            return f"{on}T{pod}" if on else None
        if k == "story_time":
            ref = self.ref
            if ref is None:
                return None
            if ref.day is not None:
                return fmt_day(ref.date())
            return fmt_month(ref.year, ref.month) if ref.month else fmt_year(ref.year)
        if k == "clock_day":
            h, mi, (kind, args) = a
            sub = Cand(c.start, c.end, "DATE", kind, args)
            day = self._weekday(sub) if kind == "weekday" else self._deictic(sub)
            return f"{day[:10]}T{h:02d}:{mi:02d}" if day else None
        if k == "clock":
            return self._clock(c)
        return None

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
            return fmt_month(y, m)
        if self.dct is None:
            return None
        y = self.dct.year
        if off < 0 and m >= self.dct.month:
            y -= 1
        elif off > 0 and m <= self.dct.month:
            y += 1
        return fmt_month(y, m)

    def _weekday(self, c: Cand) -> str | None:
        wd, direction, pod = c.args
        base = self.day_anchor()
        if base is None:
            return None
        if direction is None or direction == 0:
            possessive = self.text[c.end : c.end + 2] in {"'s", "’s"}
            tense = "past" if possessive else self.tense(c, strict=True)
            direction = 1 if tense == "future" else -1
            if base.weekday() == wd:
                d = base
            elif direction < 0:
                d = base - dt.timedelta(days=(base.weekday() - wd) % 7)
            else:
                d = base + dt.timedelta(days=(wd - base.weekday()) % 7)
        elif direction < 0:
            d = base - dt.timedelta(days=(base.weekday() - wd - 1) % 7 + 1)
        else:
            d = base + dt.timedelta(days=(wd - base.weekday() - 1) % 7 + 1)
        self.ref = Ref(d.year, d.month, d.day)
        return fmt_day(d) + (f"T{pod}" if pod else "")

    def _deictic(self, c: Cand) -> str | None:
        unit, off, pod = c.args
        if not self.news and self.dct is not None and c.rule == "dayword" and off == 0:
            return "PRESENT_REF" if pod is None else "XXXX-XX-XXT" + pod
        base = self.day_anchor() if unit == "D" else self.dct
        if base is None:
            return None
        if unit == "WE":
            return fmt_at(shift(base, "W", off), "W") + "-WE"
        d = shift(base, unit, off)
        if unit == "D":
            self.ref = Ref(d.year, d.month, d.day)
            return fmt_day(d) + (f"T{pod}" if pod else "")
        return fmt_at(d, unit)

    def _ago(self, c: Cand) -> str | None:
        unit, n = c.args
        if n is None:
            return "PAST_REF"
        if self.dct is None:
            return None
        if not self.news and self.ref is not None:
            return self._later(Cand(c.start, c.end, c.type, "later", (unit, n, -1)))
        code = UNIT_CODE.get(unit, "Y")
        if code == "Y" and n == 1 and self.quarter is not None:
            return f"{self.quarter[0] - 1:04d}-Q{self.quarter[1]}"
        if code in {"H", "MIN", "S"}:
            return fmt_day(self.dct)
        if code == "DE":
            d = shift(self.dct, "Y", -round(n * 10))
            return fmt_year(d.year)
        d = shift(self.dct, code, -round(n))
        return fmt_at(d, code)

    def _later(self, c: Cand) -> str | None:
        unit, n, sign = c.args
        if n is None:
            return "FUTURE_REF" if sign > 0 else "PAST_REF"
        if unit == "year" and n == 1 and sign < 0 and self.quarter is not None:
            return f"{self.quarter[0] - 1:04d}-Q{self.quarter[1]}"
        ref = self.story_anchor()
        if ref is None:
            return None
        code = UNIT_CODE.get(unit, "Y")
        if code in {"H", "MIN", "S"}:
            return fmt_day(ref.date()) if ref.day else None
        if code == "DE":
            code, n = "Y", n * 10
        if code == "Y" and ref.year < 1:
            return fmt_year(ref.year + sign * int(round(n)))
        if code in {"D", "W"} and ref.day is None:
            return fmt_year(ref.year) if code == "W" and ref.month is None else None
        d = shift(ref.date(), code, sign * round(n))
        if code == "D":
            self.ref = Ref(d.year, d.month, d.day)
        return fmt_at(d, code)

    def _anaphor(self, c: Cand) -> str | None:
        unit, off, pod = c.args
        ref = self.story_anchor()
        if c.rule == "year_part" and self.news and self.dct is not None:
            ref = Ref(self.dct.year, self.dct.month, self.dct.day)
        if ref is None:
            return None
        if unit == "D" and ref.day is None:
            return None
        if unit in {"M", "W"} and ref.month is None:
            return fmt_year(ref.year) if off == 0 else None
        d = shift(ref.date(), unit, off)
        if unit == "D":
            self.ref = Ref(d.year, d.month, d.day)
            return fmt_day(d) + (f"T{pod}" if pod else "")
        return fmt_at(d, unit)

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
                if q > quarter_of(self.dct) and self.tense(c) == "past":
                    y -= 1
        self.quarter = (y, q)
        return f"{y:04d}-Q{q}"

    def _quarter_rel(self, c: Cand) -> str | None:
        (rel,) = c.args
        if self.dct is None and self.quarter is None:
            return None
        if rel == "current" and self.dct is not None:
            return f"{self.dct.year:04d}-Q{quarter_of(self.dct)}"
        if self.quarter is not None and rel != "previous":
            y, q = self.quarter
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

    def _holiday(self, c: Cand) -> str | None:
        rule, y, pod = c.args
        if y is None:
            month = (
                rule[0] if len(rule) == 2 else {"thanksgiving": 11, "easter": 4, "labor": 9}.get(rule[0], 5)
            )
            y = self.pick_year(c, int(month), 15)
            if y is None:
                return None
        day = holiday_date(rule, y)
        if day is None:
            return None
        self.ref = Ref(day.year, day.month, day.day)
        return fmt_day(day) + (f"T{pod}" if pod else "")

    def _weekend(self, c: Cand) -> str | None:
        if self.dct is None:
            return None
        wd = self.dct.weekday()
        future = self.tense(c) == "future"
        off = (0 if wd < 5 else 1) if future else (-1 if wd < 5 else 0)
        return fmt_at(shift(self.dct, "W", off), "W") + "-WE"

    def _clock(self, c: Cand) -> str | None:
        h, mi, _zone = c.args
        base = self.day_anchor()
        if self.ref is not None and self.ref.day is not None and self.same_paragraph(c, 300):
            base = self.ref.date()  # "19-Nov-12 at 4:49 PM"
        day = fmt_day(base) if base is not None else "XXXX-XX-XX"
        return f"{day}T{h:02d}:{mi:02d}"


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
    if name == "memorial":  # last Monday of May
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    return None


def precision_for(c: Cand, value: str | None) -> str | None:
    from .normalise import precision_of

    if c.kind == "deictic" and c.args and c.args[0] in PRECISION:
        return PRECISION[c.args[0]]
    return precision_of(value)
