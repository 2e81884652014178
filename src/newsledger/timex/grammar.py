"""The rules: one regular expression per kind of temporal expression, and how to read a match.

Each rule gives a pattern and a reader ``(match) -> Cand | None``; the reader may refuse a match
(e.g. a four-digit number that counts troops is not a year).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import MappingProxyType

from .cand import Cand
from .patterns import (
    COUNTED_AFTER,
    DAY,
    EDGE,
    EDGE_MOD,
    MONTH,
    MONTHS,
    NOT_YEAR_BEFORE,
    NUMBER,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    PREMOD,
    PREMOD_VALUE,
    SEASONS,
    UNIT,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)

Reader = Callable[[re.Match[str]], Cand | None]

M = rf"(?-i:{MONTH})"
WD = rf"(?-i:{WEEKDAY})"
POD = r"(?:morning|afternoon|evening|night|overnight)"
ORD_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
REL = r"(?:this|last|next|past|coming|previous|following|current|latest)"
DAYWORD = r"(?:today|tonight|yesterday|tomorrow|tonite|2nite|tmrw?|tmrow|tomorow|2moro|2morrow)"
DAYWORD_OFFSET = MappingProxyType(
    {"today": 0, "tonight": 0, "tonite": 0, "2nite": 0, "yesterday": -1, "tomorrow": 1, "tmr": 1, "tmrw": 1,
     "tmrow": 1, "tomorow": 1, "2moro": 1, "2morrow": 1}
)  # fmt: skip


def month_of(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def weekday_of(s: str) -> int:
    return WEEKDAYS[s.lower().rstrip(".")]


def day_of(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def number_of(s: str) -> float | None:
    """A number word or numeral; None for vague quantities ("several", "a few")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s in VAGUE_NUMBERS:
        return None
    if s in NUMBER_WORDS:
        return float(NUMBER_WORDS[s])
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration: P5Y, PT3H, P10Y for "a decade", PXY when the amount is vague."""
    code, is_time, mult = UNITS[unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"]
    if code == "Q":
        code, mult = "M", 3
    amount = "X" if n is None else fmt_num(n * mult)
    return f"PT{amount}{code}" if is_time else f"P{amount}{code}"


def unit_key(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u[:-1] if u.endswith("s") else u


def premod(s: str | None) -> str | None:
    if not s:
        return None
    return PREMOD_VALUE.get(re.sub(r"\s+", " ", s.lower().strip()))


def edge(s: str | None) -> str | None:
    if not s:
        return None
    return EDGE_MOD.get(re.sub(r"\s+", " ", s.lower().strip().rstrip("-")))


def year_of(s: str) -> int:
    return int(s)


# --- readers --------------------------------------------------------------------------------


def r_full_date(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "date",
                (year_of(m["year"]), month_of(m["mon"]), day_of(m["day"])), rule="full_date")  # fmt: skip


def r_range(m: re.Match[str]) -> Cand | None:
    d1, d2 = day_of(m["d1"]), day_of(m["d2"])
    if d2 <= d1:
        return None
    year = year_of(m["year"]) if m["year"] else None
    return Cand(m.start(), m.end(), "DATE", "range", (year, month_of(m["mon"]), d1, d2), rule="range")


def r_iso(m: re.Match[str]) -> Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
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


def r_month_year(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "date", (year_of(m["year"]), month_of(m["mon"]), None),
                mod=edge(m["edge"]), rule="month_year")  # fmt: skip


def r_month_day(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "date", (None, month_of(m["mon"]), day_of(m["day"])),
                rule="month_day")  # fmt: skip


MONTH_CUES = frozenset(
    {"in", "of", "by", "until", "till", "since", "from", "through", "to", "during", "before", "after",
     "between", "and", "or", "early", "late", "mid", "last", "next", "this", "that", "each", "every",
     "throughout", "around", "on", "within", "end", "beginning", "start", "middle", "late-", "early-"}
)  # fmt: skip


def word_before(m: re.Match[str]) -> str:
    w = re.findall(r"[\w$]+[-]?$", m.string[max(0, m.start() - 25) : m.start()].rstrip().rstrip(":#."))
    return w[0].lower() if w else ""


def word_after(m: re.Match[str]) -> str:
    w = re.match(r"\s*([\w%$-]+|[%-])", m.string[m.end() : m.end() + 25])
    return w.group(1).lower() if w else ""


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
    off = {"last": -1, "next": 1, "this": 0, "past": -1, "coming": 1}.get(rel)
    return Cand(m.start(), m.end(), "DATE", "month", (month_of(mon), off), mod=edge(m["edge"]), rule="month")


def r_year(m: re.Match[str]) -> Cand | None:
    before = m.string[max(0, m.start() - 6) : m.start()]
    if not m["edge"]:
        if re.search(r"[\d#/+$£€:.]\Z|\d[,.]\s?\Z", before):
            return None
        if re.search(r"[-–]\Z", before) and not re.search(r"(?:1\d|20)\d\d\s?[-–]\Z", before):
            return None
    if word_before(m) in NOT_YEAR_BEFORE or word_after(m) in COUNTED_AFTER:
        return None
    after = m.string[m.end() : m.end() + 8]
    if re.match(r"\s?(?:%|[-–/](?:\d|\d{3})(?!\d)|:\d|[.,]\d)", after):
        return None
    # the end of a span of years ("1975-1976 dry season") does not move the story's time
    rule = "year_range_end" if re.search(r"\d{4}\s?[-–]\Z", before) else "year"
    return Cand(m.start(), m.end(), "DATE", "value", (m["year"],), mod=edge(m["edge"]), rule=rule)


def r_bc(m: re.Match[str]) -> Cand | None:
    n = int(m["n"])
    if n == 0:
        return None
    era = (m["era"] or "").upper().replace(".", "")
    if era.startswith("B"):
        return Cand(m.start(), m.end(), "DATE", "value", (f"BC{n:04d}",), mod=edge(m["edge"]), rule="bc")
    return Cand(m.start(), m.end(), "DATE", "value", (f"{n:04d}",), mod=edge(m["edge"]), rule="ad")


def r_decade(m: re.Match[str]) -> Cand:
    dec = m["dec"].lstrip("'’")
    if len(dec) == 2:
        dec = ("19" if int(dec) > 20 else "20") + dec
    return Cand(m.start(), m.end(), "DATE", "decade", (dec[:3],), mod=edge(m["edge"]), rule="decade")


def r_century(m: re.Match[str]) -> Cand | None:
    raw = m["n"].lower()
    n = ORDINALS.get(raw) if raw in ORDINALS else int(re.sub(r"\D", "", raw))
    if not n or n < 1 or n > 21:
        return None
    era = "BC" if m["bc"] else ""
    return Cand(
        m.start(), m.end(), "DATE", "value", (f"{era}{n - 1:02d}",), mod=edge(m["edge"]), rule="century"
    )


def r_quarter(m: re.Match[str]) -> Cand:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
        m["q"].lower()
    ]
    year = year_of(m["year"]) if m["year"] else None
    rel = (m["rel"] or "").lower()
    off = {"last": -1, "next": 1, "previous": -1}.get(rel, 0)
    return Cand(m.start(), m.end(), "DATE", "quarter", (q, year, off), rule="quarter")


def r_quarter_rel(m: re.Match[str]) -> Cand | None:
    rels = {(m["rel"] or "the").lower(), (m["rel2"] or "").lower()}
    if m["w"].lower() == "period" and not rels & {
        "latest",
        "same",
        "comparable",
        "corresponding",
        "year-earlier",
        "year-ago",
        "fiscal",
        "recent",
    }:
        return None
    if m["ago"] or rels & {"year-earlier", "year-ago", "comparable", "corresponding", "same"}:
        rel = "year-ago"
    elif rels & {"current", "this"}:
        rel = "current"
    elif rels & {"previous", "last"}:
        rel = "previous"
    else:
        rel = "the"
    return Cand(m.start(), m.end(), "DATE", "quarter_rel", (rel,), rule="quarter_rel")


def r_year_quarter(m: re.Match[str]) -> Cand:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(
        (m["q"] or "").lower()
    )
    return Cand(m.start(), m.end(), "DATE", "year_quarter", (int(m["year"]), q), rule="year_quarter")


def r_year_ago_adj(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "ago", ("year", 1.0), rule="year_ago_adj")


def r_weekend(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DATE", "weekend", (), rule="weekend")


def r_clock_day(m: re.Match[str]) -> Cand | None:
    h, mi = clock_of(m["clock"])
    if h is None:
        return None
    day = m["day"].lower()
    if day in {"today", "yesterday", "tomorrow", "tonight"}:
        spec: tuple[str, tuple[object, ...]] = (
            "deictic",
            ("D", {"yesterday": -1, "tomorrow": 1}.get(day, 0), None),
        )
    else:
        spec = ("weekday", (weekday_of(m["day"]), None, None))
    return Cand(m.start(), m.end(), "TIME", "clock_day", (h, mi or 0, spec), rule="clock_day")


def clock_of(s: str) -> tuple[int | None, int | None]:
    s = s.lower().strip()
    if s in {"noon", "midday"}:
        return 12, 0
    if s == "midnight":
        return 24, 0
    m = re.fullmatch(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?\.?m?\.?", s)
    if not m:
        return None, None
    h, mi = int(m[1]), int(m[2] or 0)
    if m[3] == "p" and h != 12:
        h += 12
    elif m[3] == "a" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None, None
    return h, mi


def r_half(m: re.Match[str]) -> Cand:
    h = 1 if m["h"].lower() in {"first", "1st"} else 2
    year = year_of(m["year"]) if m["year"] else None
    return Cand(m.start(), m.end(), "DATE", "half", (h, year), rule="half")


def r_season(m: re.Match[str]) -> Cand | None:
    s = m["s"].lower()
    if s == "fall" and not (m["year"] or m["rel"] or m["the"] or m["edge"]):
        return None
    if s == "fall" and not m["year"] and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4]):
        return None  # "the fall of Saigon"
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    off = {"last": -1, "next": 1, "this": 0, "past": -1, "coming": 1, "this past": -1}.get(rel)
    year = year_of(m["year"]) if m["year"] else None
    return Cand(
        m.start(), m.end(), "DATE", "season", (SEASONS[s], year, off), mod=edge(m["edge"]), rule="season"
    )


def r_dayword(m: re.Match[str]) -> Cand:
    w = m["w"].lower()
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    off = DAYWORD_OFFSET[w]
    if w in {"tonight", "tonite", "2nite"}:
        pod = "NI"
    typ = "TIME" if pod else "DATE"
    return Cand(m.start(), m.end(), typ, "deictic", ("D", off, pod), mod=edge(m["edge"]), rule="dayword")


def r_day_after(m: re.Match[str]) -> Cand:
    off = 2 if m["w"].lower() == "tomorrow" else -2
    return Cand(m.start(), m.end(), "DATE", "deictic", ("D", off, None), rule="day_after")


def r_last_night(m: re.Match[str]) -> Cand:
    rel = m["rel"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()]
    off = -1 if rel == "last" and pod == "NI" else 0
    return Cand(m.start(), m.end(), "TIME", "deictic", ("D", off, pod), rule="this_pod")


def r_rel_unit(m: re.Match[str]) -> Cand | None:
    rel = m["rel"].lower()
    unit = m["u"].lower()
    off = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel)
    if off is None:
        return None
    if unit == "weekend":
        return Cand(
            m.start(), m.end(), "DATE", "deictic", ("WE", off, None), mod=premod(m["pre"]), rule="rel_unit"
        )
    if unit in {"decade", "century"} and off < 0:
        return Cand(m.start(), m.end(), "DURATION", "value", (duration_value(1, unit),), rule="rel_unit")
    code = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit]
    pre = (m["pre"] or "").lower()
    mod = {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get(
        pre.split()[0] if pre else ""
    )
    return Cand(m.start(), m.end(), "DATE", "deictic", (code, off, None), mod=mod, rule="rel_unit")


def r_rel_weekday(m: re.Match[str]) -> Cand:
    rel = (m["rel"] or "").lower()
    direction = {"last": -1, "next": 1, "this": 0, "coming": 1, "past": -1}.get(rel)
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    return Cand(m.start(), m.end(), "TIME" if pod else "DATE", "weekday", (weekday_of(m["wd"]), direction, pod),
                mod=edge(m["edge"]), rule="weekday")  # fmt: skip


def r_quantity(m: re.Match[str]) -> Cand | None:
    """An amount of time: a duration ("five years"), or a date counted from one ("two days later")."""
    if m["ago"]:
        return r_ago(m)
    if m["dir"]:
        return r_later(m)
    if not m["n"]:
        return None
    return r_duration(m)


def _amount(m: re.Match[str]) -> float | None:
    if m["n"]:
        return number_of(m["n"])
    return None if m["u"].lower().endswith("s") else 1.0


def r_ago(m: re.Match[str]) -> Cand:
    n = _amount(m)
    return Cand(m.start(), m.end(), "DATE", "ago", (unit_key(m["u"]), n), mod=premod(m["pre"]), rule="ago")


def r_later(m: re.Match[str]) -> Cand:
    n = _amount(m)
    d = m["dir"].lower()
    sign = -1 if d in {"earlier", "before", "previously", "prior"} else 1
    return Cand(
        m.start(), m.end(), "DATE", "later", (unit_key(m["u"]), n, sign), mod=premod(m["pre"]), rule="later"
    )


def r_anaphor(m: re.Match[str]) -> Cand | None:
    rel = m["rel"].lower()
    unit = m["u"].lower()
    off = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0, "this": 0}.get(
        rel
    )
    if off is None:
        return None
    code = {"day": "D", "week": "W", "month": "M", "year": "Y", "morning": "D", "night": "D", "evening": "D",
            "afternoon": "D", "decade": "DE"}[unit]  # fmt: skip
    pod = PARTS_OF_DAY.get(unit)
    pre = (m["pre"] or "").lower()
    mod = {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get(
        pre.split()[0] if pre else ""
    )
    return Cand(
        m.start(), m.end(), "TIME" if pod else "DATE", "anaphor", (code, off, pod), mod=mod, rule="anaphor"
    )


def r_day_before(m: re.Match[str]) -> Cand:
    off = -1 if m["w"].lower() == "before" else 1
    return Cand(m.start(), m.end(), "DATE", "anaphor", ("D", off, None), rule="day_before")


def r_month_of_that_year(m: re.Match[str]) -> Cand:
    day = day_of(m["day"]) if m["day"] else None
    return Cand(m.start(), m.end(), "DATE", "anaphor_md", (month_of(m["mon"]), day), rule="month_that_year")


def r_duration(m: re.Match[str]) -> Cand | None:
    unit = unit_key(m["u"])
    n = number_of(m["n"])
    if n is None and m["n"].lower() not in VAGUE_NUMBERS:
        return None
    if n is not None and n >= 1000 and re.fullmatch(r"\d{4}", m["n"]):
        return None
    if unit == "second" and m["n"].lower() in {"a", "an"} and not m["pre"]:
        return None
    if unit == "quarter" and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4]):
        return None  # "three quarters of the votes"
    if m["half"]:
        n = (n or 0) + 0.5
    return Cand(m.start(), m.end(), "DURATION", "value", (duration_value(n, unit),), mod=premod(m["pre"]),
                rule="duration")  # fmt: skip


def r_adj_duration(m: re.Match[str]) -> Cand | None:
    n = number_of(m["n"])
    if n is None or m.group(0).lower().endswith("old") or m["u"].lower() == "quarter":
        return None
    if m["n"].lower() in {"a", "an"}:
        return None  # "a second attack"
    return Cand(
        m.start(), m.end(), "DURATION", "value", (duration_value(n, unit_key(m["u"])),), rule="adj_duration"
    )


def r_bare_units(m: re.Match[str]) -> Cand:
    u = unit_key(m["u"])
    return Cand(m.start(), m.end(), "DURATION", "value", (duration_value(None, u),), rule="bare_units")


def r_half_hour(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DURATION", "value", ("PT30M",), mod=premod(m["pre"]), rule="half_hour")


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


def r_noon(m: re.Match[str]) -> Cand:
    w = m["w"].lower()
    h = 12 if w == "noon" or w == "midday" else 24
    return Cand(m.start(), m.end(), "TIME", "clock", (h, 0, None), rule="noon")


SET_ADJ_OK = frozenset(
    {
        "and",
        "or",
        "basis",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "from",
        "since",
        "until",
        "as",
        "with",
        "than",
        "but",
        "",
    }
)


def r_set(m: re.Match[str]) -> Cand | None:
    w = m["w"].lower()
    nxt = word_after(m)
    if (
        w == "quarterly"
        and nxt.isalpha()
        and nxt not in SET_ADJ_OK
        and m.string[m.end() : m.end() + 1] == " "
    ):
        return None  # "quarterly dividend"
    value = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
             "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}[w]  # fmt: skip
    return Cand(m.start(), m.end(), "SET", "value", (value,), rule="set_adverb")


def r_every(m: re.Match[str]) -> Cand | None:
    n = number_of(m["n"]) if m["n"] else 1.0
    if m["other"]:
        n = 2.0
    u = m["u"].lower()
    if u in WEEKDAYS:
        return Cand(m.start(), m.end(), "SET", "value", (f"XXXX-WXX-{WEEKDAYS[u] + 1}",), rule="every")
    if u in SEASONS:
        return Cand(m.start(), m.end(), "SET", "value", (f"XXXX-{SEASONS[u]}",), rule="every")
    if u.rstrip("s") == "season":
        return Cand(m.start(), m.end(), "SET", "value", ("P1S" if False else "XXXX-XX",), rule="every")
    return Cand(m.start(), m.end(), "SET", "value", (duration_value(n, unit_key(u)),), rule="every")


def r_ref(m: re.Match[str]) -> Cand:
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w in {
        "the past",
        "recently",
        "recent",
        "previously",
        "formerly",
        "lately",
        "in recent years",
    } or w.startswith("recent "):
        v = "PAST_REF"
    elif w in {"the future", "future", "soon"} or w.startswith("the coming") or w.startswith("coming"):
        v = "FUTURE_REF"
    else:
        v = "PRESENT_REF"
    return Cand(m.start(), m.end(), "DATE", "value", (v,), rule="ref")


def r_recent_units(m: re.Match[str]) -> Cand:
    return Cand(
        m.start(),
        m.end(),
        "DURATION",
        "value",
        (duration_value(None, unit_key(m["u"])),),
        rule="recent_units",
    )


def r_narrative_ref(m: re.Match[str]) -> Cand:
    """ "former", "future": reference words only histories annotate (news uses them as adjectives)."""
    v = "PAST_REF" if m["w"].lower() == "former" else "FUTURE_REF"
    return Cand(m.start(), m.end(), "DATE", "value", (v,), rule="narrative_ref")


def r_coming_units(m: re.Match[str]) -> Cand:
    return Cand(
        m.start(), m.end(), "DURATION", "value", (duration_value(None, unit_key(m["u"])),), rule="coming"
    )


HOLIDAYS = MappingProxyType(
    {
        "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
        "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
        "valentine's day": (2, 14), "thanksgiving": ("thanksgiving",), "thanksgiving day": ("thanksgiving",),
        "easter": ("easter",), "easter sunday": ("easter",), "labor day": ("labor",),
        "memorial day": ("memorial",),
    }
)  # fmt: skip


def r_holiday(m: re.Match[str]) -> Cand | None:
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'").replace("x-mas", "christmas").replace("xmas", "christmas")
    rule = HOLIDAYS.get(name)
    if rule is None:
        return None
    year = int(m["year"]) if m["year"] else None
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    return Cand(m.start(), m.end(), "TIME" if pod else "DATE", "holiday", (rule, year, pod), rule="holiday")


def r_pod_date(m: re.Match[str]) -> Cand:
    pod = PARTS_OF_DAY[m["pod"].lower()]
    mon = month_of(m["mon"] or m["mon2"])
    day = day_of(m["day"] or m["day2"])
    year = int(m["year"]) if m["year"] else None
    return Cand(m.start(), m.end(), "TIME", "pod_date", (pod, year, mon, day), rule="pod_date")


def r_generic_pod(m: re.Match[str]) -> Cand:
    w = (m["w"] or m["w2"]).lower()
    code = (
        "DT"
        if w.startswith("day")
        else PARTS_OF_DAY.get(w.split()[-1].replace("-time", "").replace("time", ""), "NI")
    )
    return Cand(m.start(), m.end(), "TIME", "value", (f"XXXX-XX-XXT{code}",), rule="generic_pod")


def r_story_time(m: re.Match[str]) -> Cand:
    """ "at the same time", "by this time": the story's current time (histories only)."""
    return Cand(m.start(), m.end(), "DATE", "story_time", (), rule="narrative_ref")


def r_year_part(m: re.Match[str]) -> Cand:
    """ "the end of the year", "later in the year": the year of the story (or of the report)."""
    return Cand(m.start(), m.end(), "DATE", "anaphor", ("Y" if m["u"].lower() == "year" else "M", 0, None),
                mod=edge(m["edge"]) or ("END" if (m["pre"] or "").lower().startswith("late") else None),
                rule="year_part")  # fmt: skip


# --- the rules ------------------------------------------------------------------------------

_WDP = rf"(?:(?P<wdx>{WD}),?\s+)?"
_EDGEP = rf"(?:(?P<edge>{EDGE})[- ]\s*)?"

_WDP = rf"(?:(?P<wdx>{WD}),?\s+)?"
_EDGEP = rf"(?:(?P<edge>{EDGE})[- ]\s*)?"
_PRE = rf"(?:(?P<pre>{PREMOD})\s+)?"
_NUM = rf"(?P<n>{NUMBER})"
_UNITS = rf"(?P<u>{UNIT})s?"

RULES: tuple[tuple[str, Reader], ...] = (
    # calendar dates
    (rf"{_WDP}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{M}),?\s+(?P<year>{YEAR})\b", r_full_date),
    (rf"{_WDP}(?P<mon>{M})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})\b", r_full_date),
    (rf"(?P<d1>{DAY})\s*[-–]\s*(?P<d2>{DAY})\s+(?P<mon>{M})(?:,?\s+(?P<year>{YEAR}))?\b", r_range),
    (rf"(?P<mon>{M})\s+(?P<d1>{DAY})\s*[-–]\s*(?P<d2>{DAY})(?:,?\s+(?P<year>{YEAR}))?\b", r_range),
    (r"(?<![\d/.-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d/])", r_iso),
    (r"(?<![\d/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:1[6-9]|20)\d\d|\d\d)(?![\d/])", r_slash),
    (
        rf"(?<![\d-])(?P<day>{DAY})-(?P<mon>(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))-(?P<y>\d\d|\d{{4}})\b(?!-)",
        r_dmy_short,
    ),
    (rf"{_EDGEP}(?P<mon>{M}),?\s+(?:of\s+)?(?P<year>{YEAR})\b(?![,.]\d)", r_month_year),
    (rf"{_EDGEP}(?P<mon>{M})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", r_month_rel_year),
    (rf"{_WDP}(?P<mon>{M})\s+(?P<day>{DAY})\b(?![,.]?\d|:)", r_month_day),
    (rf"{_WDP}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{M})(?!\w|-(?-i:[a-z]))", r_month_day),
    (rf"{_EDGEP}(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mon>{M})(?!\w|-(?-i:[a-z]))", r_month),
    (
        rf"{_EDGEP}(?:(?:fiscal|calendar|the\s+year|fiscal\s+year)\s+)?(?P<year>{YEAR})(?![\d,.]\d|\d|(?-i:[a-z]))",
        r_year,
    ),
    (rf"{_EDGEP}(?P<n>\d{{1,4}})\s*(?P<era>B\.C\.(?:E\.)?|BCE|BC|A\.D\.|AD)(?!\w)", r_bc),
    (rf"{_EDGEP}(?P<era>A\.D\.|AD)\s*(?P<n>\d{{1,4}})\b", r_bc),
    (rf"(?:the\s+)?{_EDGEP}(?P<dec>1\d\d0|20\d0|['’]\d0)['’]?s\b", r_decade),
    (
        rf"(?:the\s+)?{_EDGEP}(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century(?P<bc>\s+B\.?C\.?)?",
        r_century,
    ),
    # quarters, halves, seasons
    (
        rf"(?:the\s+)?(?:(?P<rel>this|last|next|previous|current|latest|fiscal|year's)\s+)?(?:fiscal\s+)?(?P<q>{ORD_Q})[- ](?:fiscal[- ])?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR}))?",
        r_quarter,
    ),
    (
        r"(?:the\s+)?(?P<rel>latest|current|same|comparable|corresponding|year-earlier|year-ago|previous|last|this|that|fiscal|recent)(?:\s+(?P<rel2>fiscal|year-earlier|year-ago|comparable|corresponding))?\s+(?P<w>quarter|period)(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?\b",
        r_quarter_rel,
    ),
    (
        r"the\s+(?P<w>quarter)(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?\b(?P<rel>)(?P<rel2>)",
        r_quarter_rel,
    ),
    (
        rf"(?:the\s+)?(?P<year>{YEAR})\s+(?:(?P<q>{ORD_Q})\s+)?(?:fiscal\s+)?(?:quarter|period)\b",
        r_year_quarter,
    ),
    (r"year-(?:earlier|ago)\b", r_year_ago_adj),
    (r"(?:the|over\s+the)\s+weekend\b", r_weekend),
    (
        rf"(?P<clock>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?-i:a\.m\.|p\.m\.|am|pm|AM|PM)|noon|midnight)\s+(?:on\s+)?(?P<day>{WD}|today|yesterday|tomorrow)\b",
        r_clock_day,
    ),
    (
        rf"(?:the\s+)?(?P<h>first|second|1st|2nd)[- ]half(?:\s+of\s+(?:the\s+year\s+)?(?P<year>{YEAR}))?",
        r_half,
    ),
    (
        rf"(?P<the>the\s+)?{_EDGEP}(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>{YEAR}))?(?!\w)",
        r_season,
    ),
    # deictic days and parts of day
    (rf"{_EDGEP}(?P<w>{DAYWORD})(?:\s+(?P<pod>{POD}))?\b", r_dayword),
    (r"the\s+day\s+(?:after|before)\s+(?P<w>tomorrow|yesterday)", r_day_after),
    (rf"(?P<rel>this|last)\s+(?P<pod>{POD})", r_last_night),
    (
        r"(?:(?P<pre>earlier|later|early|late)\s+)?(?P<rel>this|last|next|past|coming|previous|current)\s+(?P<u>day|week|weekend|month|year|decade|century)\b",
        r_rel_unit,
    ),
    (
        rf"{_EDGEP}(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?",
        r_rel_weekday,
    ),
    # relative to now or to the story's time
    (
        r"(?:(?P<pre>earlier|later|early|late)\s+(?:in\s+)?)?(?:the\s+)?(?P<rel>next|following|previous|preceding|same|that)\s+(?P<u>day|week|month|year|morning|night|evening|afternoon|decade)\b",
        r_anaphor,
    ),
    (r"the\s+day\s+(?P<w>before|after)\b(?!\s+(?:tomorrow|yesterday))", r_day_before),
    (
        rf"(?P<mon>{M})(?:\s+(?P<day>{DAY}))?\s+of\s+(?:that|the\s+same|the\s+following|the\s+next)\s+year",
        r_month_of_that_year,
    ),
    # clock times
    (
        r"(?<![\d:.])(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?-i:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|A\.M\.|P\.M\.))(?:\s+(?P<z>(?-i:[A-Z]{2,4}T|UTC|GMT|Z))\b)?",
        r_clock,
    ),
    (
        r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:](?P<mi>[0-5]\d)(?![\d:])(?:\s*(?:hrs|h)\b)?(?:\s+(?P<z>(?-i:[A-Z]{2,4}T|UTC|GMT|Z))\b)?(?P<ap>)",
        r_clock,
    ),
    (
        r"(?<![\d:.])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs|hours\s+(?-i:(?=[A-Z]{3}))|(?P<z>(?-i:GMT|UTC|Z))\b)(?P<ap>)",
        r_clock,
    ),
    (r"(?P<w>noon|midnight|midday)", r_noon),
    # durations
    (r"(?:(?P<pre>" + PREMOD + r")\s+)?half\s+an?\s+hour", r_half_hour),
    (
        rf"{_PRE}(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|final|recent|another|additional|remaining|entire|whole|full|intervening)\s+)?(?:{_NUM}(?P<half>\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|long|straight|consecutive|successive|further|whole))?\s+)?{_UNITS}(?:['’]s?\s+time|\s+old|\s+of\s+age)?(?:\s+(?P<ago>ago)|\s+(?P<dir>later|earlier|previously|afterwards?))?(?!-)\b",
        r_quantity,
    ),
    (
        rf"(?<![\w-])(?P<n>\d+(?:\.\d+)?|{NUMBER})[- ](?P<u>{UNIT})(?:[- ](?:long|old))?(?=[- ]?[a-z])",
        r_adj_duration,
    ),
    (
        r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s))(?:the\s+)?(?:past\s+|last\s+)?(?P<u>years|months|weeks|days|decades|hours|centuries)\b",
        r_bare_units,
    ),
    (
        r"(?:the\s+)?(?:coming|following|succeeding|subsequent|intervening|next\s+few|past\s+few|last\s+few)\s+(?P<u>years|months|weeks|days|decades)\b",
        r_coming_units,
    ),
    (r"recent\s+(?P<u>years|months|weeks|days|decades)", r_recent_units),
    # sets
    (r"(?P<w>daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly)\b", r_set),
    (
        rf"(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<u>{UNIT}s?|(?-i:{WEEKDAY})|spring|summer|autumn|fall|winter|seasons?)\b",
        r_every,
    ),
    (
        rf"(?:(?<=\bper\s)|(?<=\btimes\sa\s)|(?<=\btwice\sa\s)|(?<=\bonce\sa\s))(?P<u>{UNIT})\b(?P<n>)(?P<other>)",
        r_every,
    ),
    # holidays, parts of named days, the story's time
    (
        rf"(?P<h>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Labor\s+Day|Memorial\s+Day)(?:\s+(?P<pod>night|morning|evening))?(?:,?\s+(?P<year>{YEAR}))?\b",
        r_holiday,
    ),
    (
        rf"(?:early\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?(?P<pod>morning|night|evening|afternoon)(?:\s+hours)?\s+of\s+(?:(?P<mon>{M})\s+(?P<day>{DAY})|(?:the\s+)?(?P<day2>{DAY})(?:\s+of)?\s+(?P<mon2>{M}))(?:,?\s+(?P<year>{YEAR}))?\b",
        r_pod_date,
    ),
    (
        r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\bduring\sthe\s)|(?<=\bin\sthe\s))(?P<w>night|daytime|night-time|nighttime)\b|(?P<w2>one\s+night)\b",
        r_generic_pod,
    ),
    (
        r"(?:the\s+same\s+time|this\s+time|that\s+time|the\s+time)\b(?!\s+(?:of|when|that|he|she|it|they|the|his|her|their|[A-Z]))",
        r_story_time,
    ),
    (
        rf"(?:(?P<pre>later|late|earlier|early)\s+in\s+the\s+|{_EDGEP}the\s+)(?P<u>year|month)\b(?!-)",
        r_year_part,
    ),
    # reference words
    (
        r"(?P<w>the\s+past|the\s+future|the\s+present|right\s+now|at\s+present|nowadays|currently|presently|recently|formerly|lately|now|current|these\s+days|the\s+time\s+being|recent)\b(?!-)(?!\s+(?:years|months|weeks|days|decades|quarters)\b)",
        r_ref,
    ),
    (r"(?P<w>former|future)\b(?!-)", r_narrative_ref),
)

# which trigger tokens each reader's rules need (see tagger.PADS): M month, W weekday, Y year-like
# number, T number of a clock time or numeric date, U unit word, C century, Q quarter/half/period,
# K other keyword; a rule runs only in windows around those words
TRIGGERS_OF = MappingProxyType(
    {
        "r_full_date": "M", "r_range": "M", "r_iso": "T", "r_slash": "T", "r_dmy_short": "M",
        "r_month_year": "M", "r_month_rel_year": "M", "r_month_day": "M", "r_month": "M", "r_year": "Y",
        "r_bc": "Y", "r_decade": "Y", "r_century": "C", "r_quarter": "Q", "r_quarter_rel": "Q",
        "r_year_quarter": "Q", "r_year_ago_adj": "U", "r_weekend": "U", "r_clock_day": "W", "r_half": "Q",
        "r_season": "K", "r_dayword": "K", "r_day_after": "K", "r_last_night": "K", "r_rel_unit": "U",
        "r_rel_weekday": "W", "r_anaphor": "U", "r_day_before": "U", "r_month_of_that_year": "M",
        "r_clock": "T", "r_noon": "K", "r_half_hour": "U", "r_quantity": "U", "r_adj_duration": "U",
        "r_bare_units": "U", "r_coming_units": "U", "r_recent_units": "U", "r_set": "K", "r_every": "UWK",
        "r_holiday": "UK", "r_pod_date": "UK", "r_generic_pod": "K", "r_story_time": "K", "r_year_part": "U",
        "r_ref": "K", "r_narrative_ref": "K",
    }
)  # fmt: skip
# rules that need one of a few words run only around those words (narrower than a class)
WORDS_OF = MappingProxyType(
    {
        "r_weekend": "weekend", "r_half_hour": "hour", "r_recent_units": "recent", "r_year_ago_adj": "year",
        "r_coming_units": "years months weeks days decades", "r_day_before": "day",
        "r_day_after": "tomorrow yesterday", "r_season": "spring summer autumn fall winter",
        "r_dayword": "today tonight yesterday tomorrow tonite tmr tmrw tmrow tomorow", "r_noon": "noon midnight midday",
        "r_set": "daily nightly weekly biweekly monthly quarterly annually yearly hourly",
        "r_ref": "past future present now nowadays currently presently recently formerly lately current "
        "recent days time",
        "r_narrative_ref": "former future", "r_story_time": "time",
        "r_generic_pod": "night daytime nighttime", "r_last_night": "morning afternoon evening night overnight",
        "r_holiday": "christmas xmas year halloween valentine thanksgiving easter labor memorial",
        "r_every": "every each per twice once times", "r_pod_date": "morning night evening afternoon",
        "r_year_part": "year month", "r_bare_units": "years months weeks days decades hours centuries",
    }
)  # fmt: skip
RULE_TRIGGERS: tuple[str, ...] = tuple(TRIGGERS_OF[reader.__name__] for _p, reader in RULES)
RULE_WORDS: tuple[frozenset[str], ...] = tuple(
    frozenset(WORDS_OF.get(reader.__name__, "").split()) for _p, reader in RULES
)
