"""Find temporal expressions: run every rule of the grammar, keep the longest non-overlapping."""

from __future__ import annotations

import re
from types import MappingProxyType

from .cand import Cand
from .grammar import RULE_TRIGGERS, RULE_WORDS, RULES, Reader

COMPILED: tuple[tuple[re.Pattern[str], Reader], ...] = tuple(
    (re.compile(r"(?<![\w])" + pattern, re.IGNORECASE), reader) for pattern, reader in RULES
)
# every expression contains a trigger token; each rule runs only in windows around its triggers
MONTH_TOKENS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
)
WEEKDAY_TOKENS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Tues",
        "Wed",
        "Thu",
        "Thur",
        "Thurs",
        "Fri",
        "Sat",
        "Sun",
    ]
)
UNIT_TOKENS = frozenset(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "quarter",
        "quarters",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
        "millennium",
        "millennia",
        "weekend",
        "weekends",
        "period",
        "periods",
        "morning",
        "mornings",
        "evening",
        "evenings",
        "afternoon",
        "afternoons",
        "half",
        "hrs",
    ]
)
KEY_TOKENS = frozenset(
    [
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "now",
        "current",
        "currently",
        "recent",
        "recently",
        "past",
        "future",
        "former",
        "formerly",
        "present",
        "presently",
        "nowadays",
        "lately",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "noon",
        "midnight",
        "midday",
        "daily",
        "weekly",
        "biweekly",
        "monthly",
        "quarterly",
        "annually",
        "yearly",
        "hourly",
        "nightly",
        "morning",
        "evening",
        "afternoon",
        "night",
        "overnight",
        "every",
        "each",
        "time",
        "christmas",
        "halloween",
        "valentine",
        "thanksgiving",
        "easter",
        "labor",
        "memorial",
        "daytime",
        "nighttime",
    ]
)
# characters an expression may reach before / after its trigger, by trigger class
PADS = {
    "M": (35, 35), "W": (30, 15), "Y": (35, 20), "T": (20, 25), "U": (60, 35), "K": (60, 35), "C": (40, 10),
    "Q": (50, 30),
}  # fmt: skip
CENTURY_TOKENS = frozenset({"century", "centuries"})
QUARTER_TOKENS = frozenset({"quarter", "quarters", "period", "periods", "half"})
# after a number: a clock time or a numeric date follows
_TIME_AFTER = re.compile(r"\s?(?:[:/.-]\d|[aApP]\.?[mM]\b|hrs|hours|GMT|UTC|Z\b)")
_RULES = tuple((p, r, keys) for (p, r), keys in zip(COMPILED, RULE_TRIGGERS, strict=True))


def _add(out: list[tuple[int, int]], s: int, e: int) -> None:
    if out and s <= out[-1][1]:
        if e > out[-1][1]:
            out[-1] = (out[-1][0], e)
    else:
        out.append((s, e))


_VOCABS: tuple[tuple[str, frozenset[str]], ...] = (
    ("M", frozenset(x.lower() for x in MONTH_TOKENS)), ("W", frozenset(x.lower() for x in WEEKDAY_TOKENS)),
    ("U", UNIT_TOKENS), ("K", KEY_TOKENS), ("C", CENTURY_TOKENS), ("Q", QUARTER_TOKENS),
)  # fmt: skip
# a rule keyed by its own words gets the key "#<rule index>" (padded like class K)
_RULE_KEYS: tuple[str, ...] = tuple(
    f"#{i}" if words else keys for i, (words, keys) in enumerate(zip(RULE_WORDS, RULE_TRIGGERS, strict=True))
)
# token (lowercased) -> the keys it opens; months and weekdays count only when capitalised
_CLASSES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        w: tuple(k for k, vocab in _VOCABS if w in vocab)
        + tuple(f"#{i}" for i, words in enumerate(RULE_WORDS) if w in words)
        for w in set().union(*(v for _k, v in _VOCABS), *RULE_WORDS)
    }
)
_WORD_RE = re.compile(r"[a-z]{3,}")  # every trigger word has three letters or more
_NUMBER_RE = re.compile(r"\d+")


def _trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger key, the merged windows around its tokens (two passes: words, numbers)."""
    out: dict[str, list[tuple[int, int]]] = {}
    n = len(text)

    def add(key: str, s: int, e: int) -> None:
        back, ahead = PADS.get(key, PADS["K"])
        _add(out.setdefault(key, []), max(0, s - back), min(n, e + ahead))

    get = _CLASSES.get
    for m in _WORD_RE.finditer(text.lower()):
        keys = get(m.group())
        if keys is None:
            continue
        s, e = m.span()
        if ("M" in keys or "W" in keys) and not text[s].isupper():
            keys = tuple(k for k in keys if k != "M" and (k != "W" or e - s >= 6))  # "friday" counts
        for k in keys:
            add(k, s, e)
    for m in _NUMBER_RE.finditer(text):
        s, e = m.span()
        if _TIME_AFTER.match(text, e):
            add("T", s, e)
        if (e - s == 4 and text[s] in "12") or (e - s <= 4 and _year_like(text, s, e)):
            add("Y", s, e)
    return out


_ERA_AFTER = re.compile(r"\s?(?:B\.?C|A\.?D|BCE)")


def _year_like(text: str, s: int, e: int) -> bool:
    """A short number that may be a year: "'90s", "480 BC", "AD 79", "1990s"."""
    nxt = text[e : e + 1]
    if nxt == "s" or (nxt in {"'", "’"} and text[e + 1 : e + 2] == "s"):
        return True
    if nxt in {" ", "B", "A"} and _ERA_AFTER.match(text, e):
        return True
    return text[s - 1 : s] in {"'", "’"} or text[max(0, s - 5) : s].rstrip().endswith(("AD", "A.D."))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        _add(out, s, e)
    return out


def find_candidates(text: str) -> list[Cand]:
    """All temporal expressions in ``text``, in text order, none overlapping."""
    by_key = _trigger_windows(text)
    merged: dict[str, list[tuple[int, int]]] = {}
    found: list[Cand] = []
    seen: set[tuple[int, int, str]] = set()
    for (pattern, reader, _classes), keys in zip(_RULES, _RULE_KEYS, strict=True):
        if keys not in merged:
            merged[keys] = (
                by_key.get(keys, [])
                if keys.startswith("#") or len(keys) == 1
                else _merge([w for k in keys for w in by_key.get(k, [])])
            )
        for s, e in merged[keys]:
            for m in pattern.finditer(text, s, e):
                if m.end() == m.start():
                    continue
                cand = reader(m)
                if cand is not None and (cand.start, cand.end, cand.rule) not in seen:
                    seen.add((cand.start, cand.end, cand.rule))
                    found.append(_trim(cand, text))
    return _select(found, len(text))


def _trim(c: Cand, text: str) -> Cand:
    """Drop trailing spaces and commas the patterns may have swallowed."""
    end = c.end
    while end > c.start and text[end - 1] in " \t\n,":
        end -= 1
    if end == c.end:
        return c
    return Cand(c.start, end, c.type, c.kind, c.args, c.mod, c.rule)


def _select(found: list[Cand], n: int) -> list[Cand]:
    """Longest first; a shorter candidate survives only where it overlaps nothing kept."""
    found.sort(key=lambda c: (-c.length, c.start))
    used = bytearray(n + 1)
    taken: list[Cand] = []
    for c in found:
        if not any(used[c.start : c.end]):
            used[c.start : c.end] = b"\x01" * c.length
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken
