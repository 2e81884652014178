"""Calendar arithmetic and TIMEX3 value formatting."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from types import MappingProxyType

# a TIMEX3 value: dates / weeks / quarters / seasons / times, durations, refs, ranges of dates
_DATE_VALUE = (
    r"(?:BC)?(?:\d{2,4}|\d{3}X|\d{2}XX|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W(?:\d\d|XX)(?:-(?:WE|\d))?|"
    r"-Q[1-4X]|-H[12]|-(?:SP|SU|FA|WI))?(?:T(?:\d\d(?::\d\d)?Z?|MO|AF|EV|NI|MI|DT|XX))?"
)
VALUE_RE = re.compile(
    rf"(?:{_DATE_VALUE}(?:/{_DATE_VALUE})?|P(?:[\dX.]+(?:Y|M|W|D|Q|DE|CE|ML))+(?:T(?:[\dX.]+[HMS])+)?|PT(?:[\dX.]+[HMS])+|"
    r"PRESENT_REF|PAST_REF|FUTURE_REF|XXXX-WXX-\d)"
)


def valid_value(value: str | None) -> bool:
    return value is None or VALUE_RE.fullmatch(value) is not None


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    year = d.year + n
    return dt.date(year, d.month, min(d.day, calendar.monthrange(year, d.month)[1]))


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    if not (1 <= y <= 9999 and 1 <= m <= 12):
        return None
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return dt.date(y, m, d)


def fmt_year(y: int) -> str:
    return f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"


def fmt_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(y: int, m: int) -> str:
    return f"{fmt_year(y)}-{m:02d}"


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


# the months of each season; a winter is named by the year of its January (WI 1915 = Dec 1914-Feb 1915)
SEASON_MONTHS = MappingProxyType({"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (0, 2)})


def season_year(season: str, on: dt.date, off: int | None, recent: bool = False) -> int:
    """The year of "<season>", "last/next <season>" said on ``on``: last year's / next year's
    (as annotators read "last spring"), this year's when bare or with "this"; "this past" /
    "this coming" name the latest season already over / the first not yet begun ("this past
    spring" in October is that year's)."""
    if not recent:
        return on.year + (off or 0)
    first, last = SEASON_MONTHS[season]
    m = on.month if not (season == "WI" and on.month == 12) else -1  # December opens next year's winter
    y = on.year + (season == "WI" and on.month == 12)
    if (off or 0) < 0:
        return y if m > last else y - 1
    return y if m < first else y + 1


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_years(d, n)
    if unit == "DE":
        return add_years(d, 10 * n)
    if unit == "CE":
        return add_years(d, 100 * n)
    return d


def fmt_span_of(year: int, unit: str, off: int) -> str:
    """The year, decade or century ``off`` units from the one holding ``year`` (astronomical
    numbering, BC included): (-489, "DE", 1) -> "BC048"."""
    if unit == "Y":
        return fmt_year(year + off)
    y = year + (10 if unit == "DE" else 100) * off
    cut = 1 if unit == "DE" else 2
    return fmt_year(y)[:-cut] if y < 1 else f"{y // (10**cut):0{4 - cut}d}"


def fmt_at(d: dt.date, unit: str) -> str:
    """``d`` written at the granularity of ``unit``."""
    if unit == "D":
        return fmt_day(d)
    if unit == "W":
        return fmt_week(d)
    if unit == "M":
        return fmt_month(d.year, d.month)
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return fmt_year(d.year)


PRECISION = MappingProxyType(
    {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}
)
UNIT_CODE = MappingProxyType(
    {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "millennium": "CE",
    }
)  # fmt: skip


_PRECISIONS = (
    (re.compile(r"(?:BC)?\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"(?:BC)?\d{4}-W.*"), "week"),
    (re.compile(r"(?:BC)?\d{4}-[QH].*"), "quarter"),
    (re.compile(r"(?:BC)?\d{4}-\d\d"), "month"),
    (re.compile(r"(?:BC)?\d{4}-(?:SP|SU|FA|WI)"), "season"),
    (re.compile(r"(?:BC)?\d{4}"), "year"),
    (re.compile(r"\d{3}X?"), "decade"),
    (re.compile(r"(?:BC)?\d{2}"), "century"),
)


def precision_of(value: str | None) -> str | None:
    """day / month / year / ... for a date value; None for durations, sets and reference words."""
    if not value or value.endswith("_REF") or value.startswith("P"):
        return None
    v = value.split("/")[0]
    if "T" in v:
        return "time"
    for pattern, name in _PRECISIONS:
        if pattern.fullmatch(v):
            return name
    return None
