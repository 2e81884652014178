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

from .cand import Cand
from .normalise import (
    PRECISION,
    UNIT_CODE,
    fmt_at,
    fmt_day,
    fmt_month,
    fmt_span_of,
    fmt_week,
    fmt_year,
    precision_of,
    safe_date,
    season_year,
    shift,
)
from .quarters import Quarters
from .story import SHIFT_TARGET, UNTIL_AHEAD, Ref, Resolved, holiday_date
from .words import duration_value

SHORT_UNITS = frozenset({"day", "night", "hour", "minute", "second"})
UTC_ZONES = frozenset({"UTC", "GMT", "Z"})
ANAPHORIC_KINDS = frozenset({"later", "anaphor", "anaphor_md", "story_time"})


_YEAR4 = re.compile(r"\d{4}")
_TARGET_BEFORE = re.compile(r"\b(?:by|before|until)\s+(?:the\s+)?$", re.IGNORECASE)
_BC_YEAR4 = re.compile(r"BC\d{4}")


def value_is_self_contained(c: Cand) -> bool:
    """The expression gives its own value ("1993", "July 23, 1993", "P5Y"): no anchor used."""
    if c.kind in {"value", "iso_time", "decade"}:
        return True
    if c.kind in {"date", "range", "pod_date"}:
        return c.args[0 if c.kind != "pod_date" else 1] is not None
    return False


class Resolver(Quarters):
    """Resolves the candidates of one text, in order (the reference time moves as it reads)."""

    def resolve(self, c: Cand) -> Resolved:
        if c.rule == "after_event" and self.news:
            # news: "two days after the vote" is read as the amount of time (the event is not dated)
            return Resolved(c.args[3], c.mod, None, "DURATION")
        if c.kind == "later" and self.news and c.args[0] in SHORT_UNITS:
            # news: "three days later", "an hour earlier" are amounts of time ("later" is a signal)
            unit, n = c.args[:2]
            return Resolved(duration_value(n, unit), c.mod, None, "DURATION")
        before = self.ref
        try:
            value = self._value(c)
        except (ValueError, OverflowError):  # calendar arithmetic beyond year 1 or 9999
            value = None
        if (
            self.ref is not before
            and self.ref is not None
            and (self.digression(self.ref, before) or self.parenthetical(c, before))
        ):
            self.ref = before  # an aside: its own value, but the story's time stays
        if self.ref is not before:
            self.ref_end = c.end
            if self.ref is not None and self.ref.day is not None:
                self.day_ref = self.ref
            self.ref_explicit = c.kind in {"date", "range", "value", "season"} and (
                c.kind == "value" or c.args[0] is not None
            )
        mod = c.mod or (self.bound_mod(c) if c.type in {"DATE", "TIME"} and c.kind != "range" else None)
        return Resolved(value, mod, self._anchor_of(c, before))

    def _anchor_of(self, c: Cand, ref: Ref | None) -> str | None:
        """What the value was computed from: the story's time or the publication date (None if
        the expression was complete in itself)."""
        if value_is_self_contained(c):
            return None
        story = c.kind in ANAPHORIC_KINDS or not self.news
        if story and ref is not None and ref.year >= 1:
            d = ref.date()
            return fmt_day(d) if ref.day else fmt_month(d.year, d.month) if ref.month else fmt_year(d.year)
        return fmt_day(self.dct) if self.dct is not None else None

    def _value(self, c: Cand) -> str | None:
        k, a = c.kind, c.args
        if k == "value":
            v = str(a[0])
            if _YEAR4.fullmatch(v) and c.rule != "year_range_end":
                # a year a history only looks ahead to ("a campaign planned for 1976") is not its time
                if self.news or self.ref is None or self.tense(c) != "future":
                    self.ref = Ref(int(v))
            elif _BC_YEAR4.fullmatch(v):
                self.ref = Ref(1 - int(v[2:]))  # astronomical year numbering: 1 BC = 0
            return v
        if k in {"date", "date2"}:
            return self._date(c)
        if k == "week_of":
            on = self._date(Cand(c.start, c.end, "DATE", "date", a))
            return fmt_week(dt.date.fromisoformat(on)) if on and len(on) == 10 and on[0] != "B" else None
        if k == "iso_time":
            y, mo, d, h, mi = a
            on = self._date(Cand(c.start, c.end, "DATE", "date", (y, mo, d)))
            return f"{on}T{h:02d}:{mi:02d}" if on else None
        if k == "range":
            y, m, d1, d2 = a[:4]
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
        if k == "hence":
            return self._ago(c, sign=1)
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
                if self.news or self.ref is None:
                    if self.dct is None:
                        return None
                    y = season_year(s, self.dct, off and max(-1, min(1, off)), recent=abs(off or 0) == 2)
                elif off is None and s == "WI" and (self.ref.month or 0) >= 8:
                    y = self.ref.year + 1  # the winter after an autumn date: the year of its January
                else:
                    y = self.ref.year + max(-1, min(1, off or 0))
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
            if q is None or (a[1] is None and self.year_to_date(c)):
                return fmt_year(y)  # "the 1988 period" after "the first nine months": the year
            self.set_quarter(y, q)
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
            h, mi, (kind, args), zone = a
            sub = Cand(c.start, c.end, "DATE", kind, args)
            if kind == "date":
                day = self._date(sub)
            else:
                day = self._weekday(sub) if kind == "weekday" else self._deictic(sub)
            return f"{day[:10]}T{h:02d}:{mi:02d}{zone_suffix(zone)}" if day else None
        if k == "clock":
            return self._clock(c)
        return None

    def _weekday(self, c: Cand) -> str | None:
        wd, direction, pod = c.args
        base = self.day_anchor()
        if c.rule == "weekday_story" and self.ref is not None and self.ref.day is not None:
            base = self.ref.date()
        if base is None:
            return None
        if direction is None or direction == 0:
            possessive = self.text[c.end : c.end + 2] in {"'s", "’s"}
            tense = "past" if possessive else self.tense(c, strict=True)
            left = self.text[max(0, c.start - 40) : c.start]
            if SHIFT_TARGET.search(left) or UNTIL_AHEAD.search(left):
                tense = "future"  # "postponed until Tuesday", "closed until Friday"
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
        if unit in {"DE", "CE"} and not self.news and self.ref is not None:
            return fmt_span_of(self.ref.year, unit, off)  # "the next decade" of a history: the story's
        if unit in {"W", "M", "Y"} and not self.news and self.ref is not None:
            base = self.ref.date()  # "the next year" of a history is the story's next year
        if base is None:
            return None
        if unit == "WE":
            return fmt_at(shift(base, "W", off), "W") + "-WE"
        if unit == "Y" and off == -1 and self.news:
            quarter = self.last_year_quarter(c)
            if quarter is not None:
                return quarter
        d = shift(base, unit, off)
        if unit == "D":
            self.ref = Ref(d.year, d.month, d.day)
            return fmt_day(d) + (f"T{pod}" if pod else "")
        return fmt_at(d, unit)

    def _ago(self, c: Cand, sign: int = -1) -> str | None:
        """ "Three years ago" (``sign`` -1) or "two weeks from now" (+1), from the publication date."""
        unit, n = c.args
        if n is None:
            return "PAST_REF" if sign < 0 else "FUTURE_REF"
        if self.dct is None:
            return None
        if sign < 0 and not self.news and self.ref is not None:
            return self._later(Cand(c.start, c.end, c.type, "later", (unit, n, -1)))
        code = UNIT_CODE.get(unit, "Y")
        if sign < 0 and code == "Y" and n == 1 and self.quarter is not None:
            return self.year_ago_period(c, self.quarter)
        if code in {"H", "MIN", "S"}:
            return fmt_day(self.dct)
        if code == "DE":
            d = shift(self.dct, "Y", sign * round(n * 10))
            return fmt_year(d.year)
        if code == "W" and n <= 2:  # "a week ago", "two weeks ago": a day, as annotators read it
            return fmt_day(shift(self.dct, "D", sign * round(7 * n)))
        d = shift(self.dct, code, sign * round(n))
        return fmt_at(d, code)

    def _later(self, c: Cand) -> str | None:
        unit, n, sign = c.args[:3]
        if n is None:
            return "FUTURE_REF" if sign > 0 else "PAST_REF"
        if unit == "year" and n == 1 and sign < 0 and self.quarter is not None:
            return self.year_ago_period(c, self.quarter)
        code = UNIT_CODE.get(unit, "Y")
        ref = self.day_anchor_ref() if code in {"D", "W", "H", "MIN", "S"} else self.story_anchor()
        if ref is None:
            return None
        if code in {"H", "MIN", "S"}:
            return fmt_day(ref.date()) if ref.day else None
        if code == "DE":
            code, n = "Y", n * 10
        if code == "Y" and ref.year < 1:
            return fmt_year(ref.year + sign * round(n))
        if code in {"D", "W"} and ref.day is None:
            return fmt_year(ref.year) if code == "W" and ref.month is None else None
        d = shift(ref.date(), code, sign * round(n))
        if code == "D":
            self.ref = Ref(d.year, d.month, d.day)
        return fmt_at(d, code)

    def _anaphor(self, c: Cand) -> str | None:
        unit, off, pod = c.args
        ref = self.day_anchor_ref() if unit == "D" else self.story_anchor()
        month = self.month_ref
        if unit == "M" and off and month is not None and self.ref_end < month[1] and c.start - month[1] < 600:
            ref = month[0]  # "In March, ... The following month": the month after the one just named
        if unit == "D" and off == 0 and c.rule == "anaphor" and (unsaid := self.day_of_month_named(c)):
            return unsaid
        if c.rule in {"year_part", "unit_end"} and self.news and self.dct is not None:
            ref = Ref(self.dct.year, self.dct.month, self.dct.day)
            # "debt at year end was $5 million": the year end already past ("by year end" is a target)
            if (
                c.rule == "unit_end"
                and self.tense(c, strict=True) == "past"
                and not _TARGET_BEFORE.search(self.text, max(0, c.start - 8), c.start)
            ):
                off = -1
        if (
            c.rule == "day_before"
            and self.ref is not None
            and self.ref.day is not None
            and self.text[self.ref_end : c.start] in {", ", ","}
        ):  # "Oct. 12, the day before the plunge": an apposition naming that same day
            return fmt_day(self.ref.date())
        if ref is None:
            return None
        if unit == "D" and ref.day is None:
            return None
        if unit in {"M", "W"} and ref.month is None:
            return fmt_year(ref.year) if off == 0 else None
        if unit in {"Y", "DE", "CE"} and ref.year < 1:
            return fmt_span_of(ref.year, unit, off)  # BC: no calendar dates
        d = shift(ref.date(), unit, off)
        if unit == "D":
            self.ref = Ref(d.year, d.month, d.day)
            return fmt_day(d) + (f"T{pod}" if pod else "")
        return fmt_at(d, unit)

    def _holiday(self, c: Cand) -> str | None:
        rule, y, pod = c.args
        if y is None:
            month = (
                rule[0]
                if len(rule) == 2
                else {"thanksgiving": 11, "easter": 4, "labor": 9, "election": 11}.get(rule[0], 5)
            )
            y = self.pick_year(c, int(month), 15)
            if y is None:
                return None
        day = holiday_date(rule, y)
        if day is None:
            return None
        if pod == "WEEK":
            return fmt_week(day)
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
        h, mi, zone = c.args
        base = self.day_anchor()
        if self.ref is not None and self.ref.day is not None and 0 <= c.start - self.ref_end <= 1000:
            base = self.ref.date()  # "19-Nov-12 at 4:49 PM"
        day = fmt_day(base) if base is not None else "XXXX-XX-XX"
        return f"{day}T{h:02d}:{mi:02d}{zone_suffix(zone)}"


def zone_suffix(zone: str | None) -> str:
    """TIMEX3 writes a time given in UTC with a final Z ("16:15 UTC" -> T16:15Z); local zones
    (EST, CET) are left off, as the annotation guidelines do for times in the reader's zone."""
    return "Z" if zone in UTC_ZONES else ""


def precision_for(c: Cand, value: str | None) -> str | None:
    if c.kind == "deictic" and c.args and c.args[0] in PRECISION:
        return PRECISION[c.args[0]]
    return precision_of(value)
