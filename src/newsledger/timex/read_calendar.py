"""Readers of calendar expressions: dates, years, decades, quarters, seasons, holidays, clock times.

Each reader turns a regex match into a :class:`Cand` or refuses it (returns None).
"""

from __future__ import annotations

import re

from .cand import Cand
from .patterns import (
    PARTS_OF_DAY,
    SEASONS,
)
from .words import (
    HOLIDAYS,
    MONTH_CUES,
    clock_of,
    day_of,
    edge,
    month_of,
    spelled_year,
    weekday_of,
    word_before,
    year_of,
)


def r_full_date(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "date",
                (year_of(m["year"]), month_of(m["mon"]), day_of(m["day"])), rule="full_date")  # fmt: skip


def r_range(m: re.Match[str]) -> Cand | None:
    d1, d2 = day_of(m["d1"]), day_of(m["d2"])
    if d2 <= d1:
        return None
    link = (m["link"] or "").lower()
    if link and word_before(m) != {"to": "from", "and": "between"}[link]:
        return None  # only "from 15 to 22 February", "between 15 and 22 February" are spans
    year = year_of(m["year"]) if m["year"] else None
    # the two ends as TimeML marks them: "[14]-[15 April 2003]", "[March 5]-[9, 1918]"
    first = (m.start(), m.end("d1"))
    second = (m.start("d2"), m.end())
    return Cand(
        m.start(), m.end(), "DATE", "range", (year, month_of(m["mon"]), d1, d2, first, second), rule="range"
    )


def r_iso(m: re.Match[str]) -> Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if m["hh"]:
        h, mi = int(m["hh"]), int(m["mm"])
        if h > 23 or mi > 59:
            return None
        return Cand(m.start(), m.end(), "TIME", "iso_time", (y, mo, d, h, mi), rule="iso")
    return Cand(m.start(), m.end(), "DATE", "date", (y, mo, d), rule="iso")


def r_slash(m: re.Match[str]) -> Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    mo, d = (a, b) if a <= 12 else (b, a)
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Cand(m.start(), m.end(), "DATE", "date2" if len(y) == 2 else "date", (int(y), mo, d), rule="slash")


def r_dmy_short(m: re.Match[str]) -> Cand | None:
    y = m["y"]
    return Cand(m.start(), m.end(), "DATE", "date2" if len(y) == 2 else "date",
                (int(y), month_of(m["mon"]), day_of(m["day"])), rule="dmy_short")  # fmt: skip


def r_month_rel_year(m: re.Match[str]) -> Cand:
    off = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return Cand(m.start(), m.end(), "DATE", "month_rel_year", (month_of(m["mon"]), off), mod=edge(m["edge"]),
                rule="month_rel_year")  # fmt: skip


def r_month_year(m: re.Match[str]) -> Cand | None:
    year = year_of(m["year"]) if m.groupdict().get("year") else spelled_year(m["syear"])
    if year is None:
        return None
    return Cand(m.start(), m.end(), "DATE", "date", (year, month_of(m["mon"]), None),
                mod=edge(m["edge"]), rule="month_year")  # fmt: skip


def r_month_spelled_year(m: re.Match[str]) -> Cand | None:
    """ "January nineteen ninety-seven", as broadcast transcripts write it."""
    return r_month_year(m)


def r_week_of(m: re.Match[str]) -> Cand:
    """ "the week of March 6": the calendar week holding that day."""
    date = (
        year_of(m["year"]) if m["year"] else None,
        month_of(m["mon"] or m["mon2"]),
        day_of(m["day"] or m["day2"]),
    )
    return Cand(m.start(), m.end(), "DATE", "week_of", date, rule="week_of")


def r_month_day(m: re.Match[str]) -> Cand:
    rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())
    # "last Oct. 23" lies behind the report, "next May 4" ahead (see Story.pick_year)
    rule = {"last": "month_day_past", "this past": "month_day_past", "next": "month_day_future",
            "this coming": "month_day_future"}.get(rel, "month_day")  # fmt: skip
    return Cand(m.start(), m.end(), "DATE", "date", (None, month_of(m["mon"]), day_of(m["day"])), rule=rule)


def r_month(m: re.Match[str]) -> Cand | None:
    mon = m["mon"]
    if mon.rstrip(".").lower() in {"may", "mar", "jan", "sep", "sept", "dec", "march"} and not (
        m["edge"] or m["rel"] or word_before(m) in MONTH_CUES
    ):
        return None
    short = not mon.endswith(".") and len(mon) <= 4 and mon.lower() not in {"june", "july", "may"}
    if short and word_before(m) not in MONTH_CUES:
        return None  # "Jan" alone is more often a name than a month
    rel = (m["rel"] or "").lower()
    if short and not rel and word_before(m) not in STRONG_MONTH_CUES and _NAME_AFTER.match(m.string, m.end()):
        return None  # a first name: "and Jan Kavan"
    off = {"last": -1, "next": 1, "this": 0, "past": -1, "coming": 1}.get(rel)
    return Cand(m.start(), m.end(), "DATE", "month", (month_of(mon), off), mod=edge(m["edge"]), rule="month")


# a capitalised word right after a month name that is not itself a date word makes it a name
_NAME_AFTER = re.compile(
    r" (?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|The|This|That|"
    r"Last|Next|And|Or|In|On|At|By|But|He|She|It|They|We|I)\b)[A-Z][a-z]+"
)
STRONG_MONTH_CUES = frozenset({"in", "since", "until", "till", "by", "during", "early", "late", "mid", "last",
                               "next", "this", "through", "from", "before", "after", "of"})  # fmt: skip


def r_clock_pod(m: re.Match[str]) -> Cand:
    """ "4 in the morning", "9 o'clock in the evening": a clock time of the story's day."""
    h, pod = int(m["h"]), m["pod"].lower()
    if pod in {"afternoon", "evening"} or (pod == "night" and h >= 6):
        h = h % 12 + 12
    elif h == 12:
        h = 0
    return Cand(m.start(), m.end(), "TIME", "clock", (h, 0, None), rule="clock")


def r_quarter(m: re.Match[str]) -> Cand:
    q = {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "1st": 1,
        "2nd": 2,
        "3rd": 3,
        "4th": 4,
        "final": 4,
    }[m["q"].lower()]
    year = year_of(m["year"]) if m["year"] else None
    rel = (m["yrel"] or m["yrel2"] or m["rel"] or "").lower()
    off = {"last": -1, "next": 1, "previous": -1, "year-ago": -1, "year-earlier": -1}.get(rel, 0)
    if m["yrel2"]:  # "the first quarter of last year": that year's, whatever the report's quarter
        return Cand(m.start(), m.end(), "DATE", "quarter", (q, None, off), rule="quarter_of_year")
    # "the year-ago third quarter" is a comparison: it does not become the report's quarter
    rule = "quarter_year_ago" if rel in {"year-ago", "year-earlier"} else "quarter"
    return Cand(m.start(), m.end(), "DATE", "quarter", (q, year, off), rule=rule)


def r_quarter_rel(m: re.Match[str]) -> Cand | None:
    rels = {re.sub(r"\s+", " ", m["rel"] or "the").lower().replace("’", "'"), (m["rel2"] or "").lower()}
    if m["w"].lower() == "period" and not rels & {
        "latest",
        "same",
        "comparable",
        "corresponding",
        "year-earlier",
        "year-ago",
        "fiscal",
        "recent",
        "last year's",
        "this year's",
    }:
        return None
    if m["ago"] or rels & {"year-earlier", "year-ago", "comparable", "corresponding", "same", "last year's"}:
        rel = "year-ago"  # "last year's quarter": the reported quarter, a year back
    elif rels & {"current", "this", "this year's"}:
        rel = "current"
    elif rels & {"previous", "last"}:
        rel = "previous"
    elif rels & {"latest", "recent"}:
        rel = "latest"  # the last quarter completed before the report
    else:
        rel = "the"
    return Cand(m.start(), m.end(), "DATE", "quarter_rel", (rel,), rule="quarter_rel")


def r_year_quarter(m: re.Match[str]) -> Cand:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(
        (m["q"] or "").lower()
    )
    return Cand(m.start(), m.end(), "DATE", "year_quarter", (int(m["year"]), q), rule="year_quarter")


def r_quarter_code(m: re.Match[str]) -> Cand:
    """ "Q3 2020" (the quarter), "H1 2021" (the half), "FY2021" (the fiscal year, written as its year)."""
    year = int(m["year"] or m["year2"])
    q = m["q"] or m["q2"] or m["q3"]
    if q:
        return Cand(m.start(), m.end(), "DATE", "year_quarter", (year, int(q)), rule="quarter_code")
    h = m["h"] or m["h2"] or m["h3"]
    if h:
        return Cand(m.start(), m.end(), "DATE", "half", (int(h), year), rule="quarter_code")
    return Cand(m.start(), m.end(), "DATE", "value", (str(year),), rule="fiscal_year")


def r_year_ago_adj(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "ago", ("year", 1.0), rule="year_ago_adj")


def r_weekend(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "weekend", (), rule="weekend")


def r_clock_day(m: re.Match[str]) -> Cand | None:
    h, mi = clock_of(m["clock"])
    if h is None:
        return None
    zone = m["z"] or None
    if (
        m["mon"]
        and "," in m.string[m.end("clock") : m.start("mon")]
        and re.fullmatch(r"\d+:\d\d", m["clock"])
    ):
        return None  # "at 16:15 UTC, June 1st": a 24-hour clock and a date are two expressions
    if m["mon"]:  # "5 p.m. EST Nov. 9"
        date = (int(m["my"]) if m["my"] else None, month_of(m["mon"]), day_of(m["md"]))
        return Cand(
            m.start(), m.end(), "TIME", "clock_day", (h, mi or 0, ("date", date), zone), rule="clock_day"
        )
    day = m["day"].lower()
    if day in {"today", "yesterday", "tomorrow", "tonight"}:
        spec: tuple[str, tuple[object, ...]] = (
            "deictic",
            ("D", {"yesterday": -1, "tomorrow": 1}.get(day, 0), None),
        )
    else:
        spec = ("weekday", (weekday_of(m["day"]), None, None))
    return Cand(m.start(), m.end(), "TIME", "clock_day", (h, mi or 0, spec, zone), rule="clock_day")


def r_half(m: re.Match[str]) -> Cand | None:
    if not m["year"] and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4], re.IGNORECASE):
        return None  # "the last half of the '80s": the half of something else
    h = 1 if (m["h"] or m["hq"]).lower() in {"first", "1st"} else 2
    year = year_of(m["year"]) if m["year"] else None
    return Cand(m.start(), m.end(), "DATE", "half", (h, year), rule="half")


def r_season(m: re.Match[str]) -> Cand | None:
    s = m["s"].lower()
    if s == "fall" and not (m["year"] or m["rel"] or m["the"] or m["edge"]):
        return None
    if s == "fall" and not m["year"] and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4], re.IGNORECASE):
        return None  # "the fall of Saigon"
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    # +-2: "this past" / "this coming", the nearest one over / to come (see normalise.season_year)
    off = {"last": -1, "next": 1, "this": 0, "past": -1, "coming": 1, "this past": -2, "this coming": 2}.get(
        rel
    )
    year = year_of(m["year"]) if m["year"] else (1 - int(m["bcy"]) if m["bcy"] else None)
    if m["syear"]:
        year = spelled_year(m["syear"])
    return Cand(
        m.start(), m.end(), "DATE", "season", (SEASONS[s], year, off), mod=edge(m["edge"]), rule="season"
    )


def r_month_of_that_year(m: re.Match[str]) -> Cand:
    day = day_of(m["day"]) if m["day"] else None
    return Cand(m.start(), m.end(), "DATE", "anaphor_md", (month_of(m["mon"]), day), rule="month_that_year")


def r_clock(m: re.Match[str]) -> Cand | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower().replace(".", "").strip()
    if ap:
        if not 1 <= h <= 12:
            return None
        if ap.startswith("p") and h != 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
    elif h > 24 or mi > 59:
        return None
    zone = (m["z"] or "").upper() or None
    return Cand(m.start(), m.end(), "TIME", "clock", (h, mi, zone), rule="clock")


def r_noon(m: re.Match[str]) -> Cand | None:
    if word_before(m) == "high":
        return None  # "high noon": a showdown, not a time
    w = m["w"].lower()
    h = 12 if w == "noon" or w == "midday" else 24
    return Cand(m.start(), m.end(), "TIME", "clock", (h, 0, None), rule="noon")


def r_holiday(m: re.Match[str]) -> Cand | None:
    name = (
        re.sub(r"\s+", " ", m["h"].lower())
        .replace("’", "'")
        .replace("x-mas", "christmas")
        .replace("xmas", "christmas")
    )
    rule = HOLIDAYS.get(name)
    if rule is None:
        return None
    year = int(m["year"]) if m["year"] else None
    if m["week"]:  # "Easter week": the week the holiday falls in
        return Cand(m.start(), m.end(), "DATE", "holiday", (rule, year, "WEEK"), rule="holiday")
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    return Cand(m.start(), m.end(), "TIME" if pod else "DATE", "holiday", (rule, year, pod), rule="holiday")


def r_pod_date(m: re.Match[str]) -> Cand:
    pod = PARTS_OF_DAY[m["pod"].lower()]
    mon = month_of(m["mon"] or m["mon2"])
    day = day_of(m["day"] or m["day2"])
    year = int(m["year"]) if m["year"] else None
    return Cand(m.start(), m.end(), "TIME", "pod_date", (pod, year, mon, day), rule="pod_date")
