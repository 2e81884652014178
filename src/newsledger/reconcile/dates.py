"""Date intervals for merging: a TIMEX3-style value with its precision becomes a [lo, hi] range."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_YMD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

BOUND_MODS = frozenset({"BEFORE", "ON_OR_BEFORE", "END"})


def parse_day(value: str | None) -> dt.date | None:
    """The first day a value can denote ('2020-11' → 2020-11-01); None when not a calendar date."""
    iv = interval(value)
    return iv[0] if iv else None


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """Inclusive range of days a value denotes: '2020-11-20', '2020-11', '2020', 'a/b'."""
    if not value:
        return None
    if "/" in value:
        a, _, b = value.partition("/")
        ia, ib = interval(a), interval(b)
        if ia and ib:
            return ia[0], ib[1]
        return ia or ib
    m = _YMD.match(value)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """0 when the ranges overlap, else the number of days between them."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def is_day(iv: tuple[dt.date, dt.date]) -> bool:
    return iv[0] == iv[1]


def width(iv: tuple[dt.date, dt.date]) -> int:
    return (iv[1] - iv[0]).days
