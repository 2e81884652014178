"""Small readers of words and numbers shared by the rules ("five" -> 5, "Nov." -> 11)."""

from __future__ import annotations

import re
from types import MappingProxyType

from .patterns import (
    EDGE_MOD,
    MONTHS,
    NUMBER_WORDS,
    PREMOD_VALUE,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)

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
    if re.fullmatch(r"\d+ 1/2", s):
        return float(s[:-4]) + 0.5
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration: P5Y, PT3H, P10Y for "a decade", PXY when the amount is vague."""
    code, is_time, mult = UNITS[unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"]
    if n is not None and is_time and n != int(n) and code in {"H", "M"}:  # 5.5 hours = PT5H30M
        whole, part = int(n), round((n - int(n)) * 60)
        return f"PT{whole}{code}{part}{'M' if code == 'H' else 'S'}"
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


MONTH_CUES = frozenset(
    {"in", "of", "by", "until", "till", "since", "from", "through", "to", "during", "before", "after",
     "between", "and", "or", "early", "late", "mid", "last", "next", "this", "that", "each", "every",
     "throughout", "around", "on", "within", "end", "beginning", "start", "middle", "late-", "early-"}
)  # fmt: skip


_LAST_WORD = re.compile(r"[\w$]+[-]?$")
_NEXT_WORD = re.compile(r"\s*([\w%$-]+|[%-])")


def word_before(m: re.Match[str]) -> str:
    w = _LAST_WORD.findall(m.string[max(0, m.start() - 25) : m.start()].rstrip().rstrip(":#."))
    return w[0].lower() if w else ""


def word_after(m: re.Match[str]) -> str:
    w = _NEXT_WORD.match(m.string[m.end() : m.end() + 25])
    return w.group(1).lower() if w else ""


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


def _amount(m: re.Match[str]) -> float | None:
    if m["n"]:
        return number_of(m["n"])
    return None if m["u"].lower().endswith("s") else 1.0


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


HOLIDAYS = MappingProxyType(
    {
        "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
        "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
        "valentine's day": (2, 14), "thanksgiving": ("thanksgiving",), "thanksgiving day": ("thanksgiving",),
        "easter": ("easter",), "easter sunday": ("easter",), "labor day": ("labor",),
        "memorial day": ("memorial",), "election day": ("election",),
    }
)  # fmt: skip


_TEENS = MappingProxyType(
    {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
     "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
)  # fmt: skip
_TENS_W = MappingProxyType(
    {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
)  # fmt: skip
_UNITS_W = MappingProxyType(
    {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
)


def spelled_year(said: str) -> int | None:
    """ "nineteen ninety-four" -> 1994, "two thousand and one" -> 2001, "eighteen hundred" -> 1800."""
    words = re.split(r"[\s-]+", said.lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(_TEENS.get(w, 0) + _TENS_W.get(w, 0) + _UNITS_W.get(w, 0) for w in rest)
    century = _TEENS.get(words[0])
    if century is None or len(words) < 2:
        return None
    if words[1] == "hundred":
        low = 0
    elif words[1] == "oh" and len(words) == 3:
        low = _UNITS_W.get(words[2], 0)
    else:
        low = (
            _TEENS.get(words[1], 0)
            + _TENS_W.get(words[1], 0)
            + (_UNITS_W.get(words[2], 0) if len(words) > 2 else 0)
        )
        if low < 10:
            return None
    return century * 100 + low
