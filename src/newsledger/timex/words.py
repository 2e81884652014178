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
        "memorial day": ("memorial",),
    }
)  # fmt: skip
