"""Find temporal expressions: run every rule of the grammar, keep the longest non-overlapping."""

from __future__ import annotations

import re
from types import MappingProxyType

from .cand import Cand
from .grammar import RULE_NEEDS, RULE_PADS, RULE_TRIGGERS, RULE_WORDS, RULES, Reader
from .patterns import trie

COMPILED: tuple[tuple[re.Pattern[str], Reader], ...] = tuple(
    (re.compile(r"(?<![\w])" + pattern, re.IGNORECASE), reader) for pattern, reader in RULES
)
# readers that look at the case of what they matched ("Now, ..." is not a timex)
CASED_READERS: frozenset[str] = frozenset()
_ESCAPES = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]")


def _caseless(pattern: str, reader: Reader) -> re.Pattern[str] | None:
    """The rule compiled without IGNORECASE, to run on the lowercased text (about twice as fast),
    when nothing in it or its reader depends on case; None otherwise."""
    if "(?-i:" in pattern or reader.__name__ in CASED_READERS:
        return None
    if any(ch.isupper() for ch in _ESCAPES.sub("", pattern)):
        return None  # an uppercase literal ("BC", "Christmas", "[A-Z]")
    return re.compile(r"(?<![\w])" + pattern)


LOWERED: tuple[re.Pattern[str] | None, ...] = tuple(_caseless(p, r) for p, r in RULES)
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
PADS = MappingProxyType({
    "M": (35, 35), "W": (30, 15), "Y": (35, 20), "T": (20, 25), "U": (45, 35), "K": (60, 35), "C": (40, 10),
    "Q": (50, 30),
})  # fmt: skip
_KEY_PAD = PADS["K"]
CENTURY_TOKENS = frozenset({"century", "centuries"})
QUARTER_TOKENS = frozenset({"quarter", "quarters", "period", "periods", "half"})
_RULES = tuple(
    (p, r, needs, pad, low)
    for (p, r), needs, pad, low in zip(COMPILED, RULE_NEEDS, RULE_PADS, LOWERED, strict=True)
)
_DIGIT = re.compile(r"\d")


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


# the trigger words as whole runs of letters (a word of the lowercased text is looked up only if it is one)
_WORD_RE = re.compile(r"(?<![a-z])" + trie(set(_CLASSES)) + r"(?![a-z])")


# the token keys each rule is triggered by ("WT": weekday or clock-like number; "#12": its own words)
_TOKEN_KEYS: tuple[tuple[str, ...], ...] = tuple((k,) if k.startswith("#") else tuple(k) for k in _RULE_KEYS)


def _trigger_tokens(text: str, lower: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger key, the spans of its tokens in text order (two passes: words, numbers)."""
    out: dict[str, list[tuple[int, int]]] = {}
    get = _CLASSES.get
    for m in _WORD_RE.finditer(lower):
        keys = get(m.group())
        if keys is None:
            continue
        s, e = m.span()
        if ("M" in keys or "W" in keys) and not text[s].isupper():
            keys = tuple(k for k in keys if k != "M" and (k != "W" or e - s >= 6))  # "friday" counts
        for k in keys:
            out.setdefault(k, []).append((s, e))
    t = [m.span() for m in _TIME_NUMBER.finditer(text)]
    if t:
        out["T"] = t
    y = [m.span() for m in _YEAR_NUMBER.finditer(text)]
    if y:
        out["Y"] = y
    return out


def _windows(tokens: dict[str, list[tuple[int, int]]], keys: str, pad: tuple[int, int] | None, n: int
             ) -> list[tuple[int, int]]:  # fmt: skip
    """The merged windows a rule searches: its trigger tokens widened by the rule's own reach
    (``pad``) or by that of their class (regex searches clip the end at ``n`` themselves)."""
    if len(keys) == 1 or keys[0] == "#":
        back, ahead = pad or PADS.get(keys, _KEY_PAD)
        spans = [(s - back, e + ahead) for s, e in tokens.get(keys, ())]
    else:
        spans = sorted(
            (s - b, e + a)
            for k in keys
            for b, a in (pad or PADS.get(k, _KEY_PAD),)
            for s, e in tokens.get(k, ())
        )
    merged: list[tuple[int, int]] = []
    if not spans:
        return merged
    cs, ce = spans[0]
    for s, e in spans:
        if s <= ce:
            if e > ce:
                ce = e
        else:
            merged.append((cs, ce))
            cs, ce = s, e
    merged.append((cs, ce))
    if merged[0][0] < 0:
        merged[0] = (0, merged[0][1])
    return merged


# a number a clock time or a numeric date follows; a number that may be a year: four digits from
# 1000 to 2999, or a short one with an era or an apostrophe ("'90s", "480 BC", "AD 79", "1990s")
_TIME_NUMBER = re.compile(r"\d(?<!\d\d)\d*(?=\s?(?:[:/.-]\d|[aApP]\.?[mM]\b|hrs|hours|GMT|UTC|Z\b))")
_YEAR_NUMBER = re.compile(  # each starts with a digit (no digit before it), so the engine skips to digits
    r"\d(?<!\d\d)(?:(?<=[12])\d{3}(?!\d)|\d{0,3}(?!\d)(?=s|['’]s|\s?(?:B\.?C|A\.?D|BCE))"
    r"|(?:(?<=['’]\d)|(?<=AD\d)|(?<=AD\s\d)|(?<=A\.D\.\d)|(?<=A\.D\.\s\d))\d{0,3}(?!\d))"
)


def find_candidates(text: str) -> list[Cand]:
    """All temporal expressions in ``text``, in text order, none overlapping."""
    lower = text.lower()
    tokens = _trigger_tokens(text, lower)
    present = tokens.keys()
    n = len(text)
    windows: dict[tuple[str, tuple[int, int] | None, tuple[str, ...]], list[tuple[int, int]]] = {}
    found: list[Cand] = []
    seen: set[tuple[int, int, str]] = set()
    same_length = len(lower) == n  # lowercasing kept every offset (true but for a few scripts)
    for (pattern, reader, needs, pad, caseless), keys, token_keys in zip(
        _RULES, _RULE_KEYS, _TOKEN_KEYS, strict=True
    ):
        if present.isdisjoint(token_keys):
            continue  # none of its trigger words in the text
        source = text
        if caseless is not None and same_length:
            pattern, source = caseless, lower
        todo = windows.get((keys, pad, needs))
        if todo is None:
            todo = windows.get((keys, pad, ()))
            if todo is None:
                todo = windows[(keys, pad, ())] = _windows(tokens, keys, pad, n)
            if needs:  # only windows holding what every match of the rule contains
                digit, words = needs[0] == "0", needs[1:] if needs[0] == "0" else needs
                todo = [
                    (s, e)
                    for s, e in todo
                    if (digit and _DIGIT.search(text, s, e)) or any(w in lower[s:e] for w in words)
                ]
                windows[(keys, pad, needs)] = todo
        for s, e in todo:
            for m in pattern.finditer(source, s, e):
                if m.end() == m.start():
                    continue
                cand = reader(m)
                if cand is not None and (cand.start, cand.end, cand.rule) not in seen:
                    seen.add((cand.start, cand.end, cand.rule))
                    found.append(_trim(cand, text))
    return _select(found, n)


# "over" is a premodifier before an amount ("over a week": more than a week) but a signal before a
# determined period ("over the past four months", "over several years"), outside the expression
_OVER_SIGNAL = re.compile(
    r"over\s+(?=the\b|several\b|many\b|recent\b|past\b|last\b|next\b|coming\b)", re.IGNORECASE
)


def _trim(c: Cand, text: str) -> Cand:
    """Drop trailing spaces and commas the patterns may have swallowed, and a leading signal "over"."""
    end = c.end
    while end > c.start and text[end - 1] in " \t\n,":
        end -= 1
    start, mod = c.start, c.mod
    over = _OVER_SIGNAL.match(text, start, end)
    if over is not None:
        start, mod = over.end(), None if mod == "MORE_THAN" else mod
    if end == c.end and start == c.start:
        return c
    return Cand(start, end, c.type, c.kind, c.args, mod, c.rule)


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
