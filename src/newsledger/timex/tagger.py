"""Find temporal expressions: run every rule of the grammar, keep the longest non-overlapping."""

from __future__ import annotations

import re

from .cand import Cand
from .grammar import RULES, Reader

COMPILED: tuple[tuple[re.Pattern[str], Reader], ...] = tuple(
    (re.compile(r"(?<![\w])" + pattern, re.IGNORECASE), reader) for pattern, reader in RULES
)
# a cheap first pass: texts without a digit or a time word have nothing to find
_ANY = re.compile(
    r"\d|day|night|morning|evening|noon|week|month|year|decade|centur|quarter|spring|summer|autumn|"
    r"fall|winter|now|current|recent|past|future|previous|former|lately|hour|minute|second|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|annual|season|hourly",
    re.IGNORECASE,
)


def find_candidates(text: str) -> list[Cand]:
    """All temporal expressions in ``text``, in text order, none overlapping."""
    if not _ANY.search(text):
        return []
    found: list[Cand] = []
    for pattern, reader in COMPILED:
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            cand = reader(m)
            if cand is not None:
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
