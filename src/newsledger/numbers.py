"""Reading numbers as news writes them: digits, words, multipliers and vague amounts.

``parse_number("5,897") == 5897``, ``parse_number("1.2 million") == 1_200_000``,
``parse_number("two dozen") == 24``, ``parse_number("one hundred and five") == 105``.
Vague plurals follow ACLED's coding conventions: "dozens" = 12, "hundreds" = 100,
"thousands" = 1000 (see :data:`VAGUE`).  Qualifiers ("more than", "approximately") are
normalised by :func:`qualifier`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

UNITS = MappingProxyType(
    {
        "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
        "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19,
    }
)  # fmt: skip
TENS = MappingProxyType(
    {
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }
)
SCALES = MappingProxyType(
    {
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000, "dozen": 12, "score": 20,
        "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
        "b": 1_000_000_000, "tn": 1_000_000_000_000,
    }
)  # fmt: skip
# ACLED codebook: vague plural amounts are coded with a conventional number
VAGUE = MappingProxyType(
    {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
)
FRACTIONS = MappingProxyType({"half": 0.5, "quarter": 0.25})

# normalised qualifier -> the phrases that express it (lower case, single spaces)
QUALIFIERS = MappingProxyType(
    {
        "more than": ("more than", "over", "upwards of", "in excess of", "above", "more then"),
        "at least": ("at least", "no fewer than", "no less than", "not less than", "a minimum of"),
        "about": (
            "about", "approximately", "around", "roughly", "some", "an estimated", "estimated",
            "circa", "approx.", "approx", "~", "nearly about", "or so", "some estimated",
        ),
        "up to": ("up to", "as many as", "a maximum of", "as much as"),
        "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "nigh on"),
        "less than": ("less than", "fewer than", "under", "below"),
        "exactly": ("exactly", "precisely"),
        "several": ("several", "a few", "many", "tens of", "a couple of"),
    }
)  # fmt: skip

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$", re.IGNORECASE)


def parse_digits(text: str) -> float | None:
    """``"5,897"`` → 5897.0, ``"846.7"`` → 846.7, ``"1.5bn"`` → 1.5e9; None if not a number."""
    s = text.strip()
    if _DIGITS.match(s):
        return float(re.sub(r"[,\u202f\u00a0 ]", "", s))
    m = _DIGITS_SUFFIX.match(s)
    if m:
        return float(m.group(1)) * SCALES[m.group(2).lower()]
    return None


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text.lower().strip()) if w and w != "and"]


def parse_number(text: str) -> float | None:
    """Parse a number written with digits and/or words; None when ``text`` is not a number.

    Handles "5,897", "846.7", "1.2 million", "two dozen", "a dozen", "twenty-five",
    "one hundred and five", "3,000 thousand", "half a million", and the vague plurals of
    :data:`VAGUE` ("dozens" = 12).
    """
    s = text.strip().lower().replace("\u2009", " ")
    if not s:
        return None
    digits = parse_digits(s)
    if digits is not None:
        return digits
    words = _words(s)
    if not words:
        return None
    if len(words) == 1 and words[0] in VAGUE:
        return float(VAGUE[words[0]])
    if len(words) == 3 and words[0] in VAGUE and words[1] == "of" and words[2] in VAGUE:
        return float(VAGUE[words[0]] * VAGUE[words[2]])  # "hundreds of thousands"
    if words[-1] == "of" and len(words) > 1:  # "dozens of" / "hundreds of"
        words = words[:-1]
    if len(words) == 2 and words[0] in ("many", "several", "tens") and words[1] in VAGUE:
        return float(VAGUE[words[1]])
    total = 0.0
    current = 0.0
    seen = False
    fraction = 0.0
    last = ""  # kind of the previous word: "digits", "units", "tens", "hundred", "scale"
    for w in words:
        if w in ("a", "an") and fraction:  # "half a million"
            continue
        d = parse_digits(w)
        if d is not None:
            if current or last in ("digits", "units", "tens"):  # "three 911" is two numbers
                return None
            current += d
            last = "digits"
        elif w in UNITS:
            # a unit word may follow a tens word ("twenty five") or a hundred, not another number
            if last in ("digits", "units") or (last == "tens" and UNITS[w] >= 10):
                return None
            current += UNITS[w]
            last = "units"
        elif w in TENS:
            if last in ("digits", "units", "tens"):
                return None
            current += TENS[w]
            last = "tens"
        elif w in FRACTIONS:
            fraction = FRACTIONS[w]
            continue
        elif w in SCALES and w not in ("k", "m", "b"):
            scale = SCALES[w]
            if current == 0 and fraction:
                current = fraction
                fraction = 0.0
            elif current == 0:
                current = 1
            elif fraction:
                current += fraction
                fraction = 0.0
            if scale == 100:
                current *= scale
                last = "hundred"
            else:
                total += current * scale
                current = 0.0
                last = "scale"
        elif w in VAGUE and seen:  # "two dozens"
            current = (current or 1) * VAGUE[w]
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current + fraction


def qualifier(phrase: str) -> str | None:
    """Normalise a qualifier phrase: "More than" → "more than", "approximately" → "about"."""
    p = " ".join(phrase.lower().split())
    for norm, variants in QUALIFIERS.items():
        if p in variants:
            return norm
    return None


def qualifier_before(words: Sequence[str]) -> tuple[str | None, int]:
    """Find a qualifier ending at the end of ``words`` (lower-cased tokens before a number).

    Returns (normalised qualifier, number of words it uses), or (None, 0).
    """
    for n in (3, 2, 1):
        if len(words) >= n:
            q = qualifier(" ".join(words[-n:]))
            if q:
                return q, n
    return None, 0


def is_number_word(word: str) -> bool:
    """True for a token that can be part of a written number ("five", "hundred", "5,897")."""
    w = word.lower()
    return parse_digits(w) is not None or w in UNITS or w in TENS or w in SCALES or w in VAGUE
