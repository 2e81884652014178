"""Find temporal expressions: run every rule of the grammar, keep the longest non-overlapping."""

from __future__ import annotations

import re

from .cand import Cand
from .grammar import RULE_TRIGGERS, RULES, Reader

COMPILED: tuple[tuple[re.Pattern[str], Reader], ...] = tuple(
    (re.compile(r"(?<![\w])" + pattern, re.IGNORECASE), reader) for pattern, reader in RULES
)
# every expression contains a trigger token; each rule runs only in windows around its triggers
MONTH_TOKENS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
WEEKDAY_TOKENS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split()
)
UNIT_TOKENS = frozenset(
    "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights month "
    "months quarter quarters year years decade decades century centuries millennium millennia weekend "
    "weekends period periods morning mornings evening evenings afternoon afternoons half hrs".split()
)
KEY_TOKENS = frozenset(
    "today tonight yesterday tomorrow now current currently recent recently past future former formerly "
    "present presently nowadays lately spring summer autumn fall winter noon midnight midday daily weekly "
    "biweekly monthly quarterly annually yearly hourly nightly morning evening afternoon night overnight "
    "every each time christmas halloween valentine thanksgiving easter labor memorial daytime "
    "nighttime".split()
)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
# characters an expression may reach before / after its trigger, by trigger class
PADS = {"M": (35, 35), "W": (30, 15), "D": (35, 20), "U": (60, 35), "K": (60, 35)}
_RULES = tuple((p, r, keys) for (p, r), keys in zip(COMPILED, RULE_TRIGGERS, strict=True))


def _add(out: list[tuple[int, int]], s: int, e: int) -> None:
    if out and s <= out[-1][1]:
        if e > out[-1][1]:
            out[-1] = (out[-1][0], e)
    else:
        out.append((s, e))


def _trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, the merged windows around its tokens (one pass over the text)."""
    out: dict[str, list[tuple[int, int]]] = {"M": [], "W": [], "D": [], "U": [], "K": []}
    n = len(text)

    def add(key: str, s: int, e: int) -> None:
        back, ahead = PADS[key]
        _add(out[key], max(0, s - back), min(n, e + ahead))

    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            add("D", m.start(), m.end())
            continue
        if tok in MONTH_TOKENS:
            add("M", m.start(), m.end())
        elif tok in WEEKDAY_TOKENS:
            add("W", m.start(), m.end())
        low = tok.lower()
        if low in UNIT_TOKENS:
            add("U", m.start(), m.end())
        if low in KEY_TOKENS:
            add("K", m.start(), m.end())
    return out


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
    for pattern, reader, keys in _RULES:
        if keys not in merged:
            merged[keys] = by_key[keys] if len(keys) == 1 else _merge([w for k in keys for w in by_key[k]])
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
