"""Readers of years: years, eras (BC/AD), spans of years, decades, centuries, years said in words.

Each reader turns a regex match into a :class:`Cand` or refuses it (returns None).
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .cand import Cand
from .patterns import COUNTED_AFTER, NOT_YEAR_BEFORE, ORDINALS
from .words import edge, spelled_year, word_after, word_before

_NUMBER_BEFORE = re.compile(r"[\d#/+$£€:.]\Z|\d[,.]?\s?\Z")  # "555 1988", "5,1990"
_DASH_BEFORE = re.compile(r"[-–]\Z")
_YEAR_DASH_BEFORE = re.compile(r"(?:1\d|20)\d\d\s?[-–]\Z")
_NOT_YEAR_AFTER = re.compile(r"\s?(?:%|[-–/](?:\d|\d{3})(?!\d)|:\d|[.,]\d)")
_SPAN_START_BEFORE = re.compile(r"\d{4}\s?[-–]\Z")


def r_year(m: re.Match[str]) -> Cand | None:
    before = m.string[max(0, m.start() - 6) : m.start()]
    if not m["edge"]:
        if _NUMBER_BEFORE.search(before):  # "555 1988", "5,1990"
            return None
        if _DASH_BEFORE.search(before) and not _YEAR_DASH_BEFORE.search(before):
            return None
    if word_before(m) in NOT_YEAR_BEFORE or word_after(m) in COUNTED_AFTER:
        return None
    after = m.string[m.end() : m.end() + 8]
    if _NOT_YEAR_AFTER.match(after):
        return None
    # the end of a span of years ("1975-1976 dry season") does not move the story's time
    rule = "year_range_end" if _SPAN_START_BEFORE.search(before) else "year"
    return Cand(m.start(), m.end(), "DATE", "value", (m["year"],), mod=edge(m["edge"]), rule=rule)


def r_pre_post_year(m: re.Match[str]) -> Cand:
    """ "post-1959 politics", "pre-1990 levels": the year, with the side of it as the mod."""
    mod = "AFTER" if m["pp"].lower() == "post" else "BEFORE"
    return Cand(m.start(), m.end(), "DATE", "value", (m["year"],), mod=mod, rule="year")


def r_bc(m: re.Match[str]) -> Cand | None:
    n = int(m["n"])
    if n == 0:
        return None
    era = (m["era"] or "").upper().replace(".", "")
    if era.startswith("B"):
        return Cand(m.start(), m.end(), "DATE", "value", (f"BC{n:04d}",), mod=edge(m["edge"]), rule="bc")
    return Cand(m.start(), m.end(), "DATE", "value", (f"{n:04d}",), mod=edge(m["edge"]), rule="ad")


def r_bc_span_start(m: re.Match[str]) -> Cand | None:
    """ "[499]-493 BC": the first year of a span takes the era written after the second."""
    n = int(m["n"])
    if n == 0:
        return None
    return Cand(m.start(), m.end(), "DATE", "value", (f"BC{n:04d}",), rule="bc")


def r_year_span_end(m: re.Match[str]) -> Cand | None:
    """ "1915-[17]": the second year of a span, written with two digits, in the first one's century
    (the next century after "1999-[00]")."""
    first = int(m.string[m.start() - 5 : m.start() - 1])
    before = m.string[max(0, m.start() - 6) : m.start() - 5]
    if not 1000 <= first <= 2999 or (before and (before.isalnum() or before in "-–/.,")):
        return None  # "555-1990-08" is a number, not a span of years
    year = first // 100 * 100 + int(m["yy"])
    if year <= first:
        year += 100
    if year - first > 20:
        return None  # not a span of years ("1990-94" is, "1990-31" is not)
    return Cand(m.start(), m.end(), "DATE", "value", (f"{year:04d}",), rule="year_range_end")


def r_decade(m: re.Match[str]) -> Cand:
    dec = m["dec"].lstrip("'’")
    if len(dec) == 2:
        dec = ("19" if int(dec) > 20 else "20") + dec
    return Cand(m.start(), m.end(), "DATE", "decade", (dec[:3],), mod=edge(m["edge"]), rule="decade")


DECADE_WORDS = MappingProxyType(
    {"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196",
     "seventies": "197", "eighties": "198", "nineties": "199"}
)  # fmt: skip


def r_decade_word(m: re.Match[str]) -> Cand:
    """ "the nineties": the decade of the last century, as news uses the words."""
    return Cand(m.start(), m.end(), "DATE", "decade", (DECADE_WORDS[m["word"].lower()],), mod=edge(m["edge"]),
                rule="decade")  # fmt: skip


def r_century(m: re.Match[str]) -> Cand | None:
    raw = m["n"].lower()
    n = ORDINALS.get(raw) if raw in ORDINALS else int(re.sub(r"\D", "", raw))
    if not n or n < 1 or n > 21:
        return None
    era = "BC" if m["bc"] else ""
    return Cand(
        m.start(), m.end(), "DATE", "value", (f"{era}{n - 1:02d}",), mod=edge(m["edge"]), rule="century"
    )


YEAR_CUES = frozenset(
    {"in", "by", "since", "until", "till", "before", "after", "of", "from", "during", "through"}
)


def r_spelled_year(m: re.Match[str]) -> Cand | None:
    """A year said in words, as in broadcast transcripts: "nineteen ninety-six", "two thousand"."""
    words = re.split(r"[\s-]+", m["y"].lower())
    if word_after(m) in COUNTED_AFTER or word_after(m) in {"hundred", "thousand", "million"}:
        return None  # "nineteen hundred troops"
    said_year = m.group(0).lower().startswith("the year") or word_before(m) in YEAR_CUES
    if (words[:2] == ["two", "thousand"] or words[1:2] == ["hundred"]) and not said_year:
        return None  # "two thousand people"
    year = spelled_year(m["y"])
    if year is None:
        return None
    return Cand(m.start(), m.end(), "DATE", "value", (f"{year:04d}",), rule="spelled_year")
