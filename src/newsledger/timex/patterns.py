"""The lexicon and regular-expression grammar of temporal expressions (constants only)."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any

MONTHS = MappingProxyType(
    {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    }
)  # fmt: skip
WEEKDAYS = MappingProxyType(
    {
        "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
        "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
        "sat": 5, "sunday": 6, "sun": 6,
    }
)  # fmt: skip
NUMBER_WORDS = MappingProxyType(
    {
        "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
        "one hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
        "dozen": 12, "half a": 0.5, "half an": 0.5, "a half": 0.5,
    }
)  # fmt: skip
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "some", "many", "numerous", "the", "recent", "coming"})
ORDINALS = MappingProxyType(
    {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
    }
)  # fmt: skip
# unit word -> (ISO 8601 designator, is a time unit (PT...), multiplier)
UNITS = MappingProxyType(
    {
        "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
        "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
        "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
        "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("CE", False, 1),
        "centurie": ("CE", False, 1), "millennium": ("ML", False, 1), "millennia": ("ML", False, 1),
    }
)  # fmt: skip
SEASONS = MappingProxyType({"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"})
PARTS_OF_DAY = MappingProxyType(
    {
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
        "midday": "MI", "daytime": "DT", "night-time": "NI", "nighttime": "NI",
    }
)  # fmt: skip
ZONES = frozenset(
    {"utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet",
     "eest", "msk", "ist", "jst", "z"}
)  # fmt: skip
PRESENT_WORDS = frozenset(
    {
        "now",
        "currently",
        "current",
        "nowadays",
        "present",
        "presently",
        "the present",
        "present-day",
        "at present",
        "right now",
        "these days",
        "today's",
    }
)
PAST_WORDS = frozenset(
    {"recently", "recent", "previously", "formerly", "the past", "earlier", "once", "lately"}
)
FUTURE_WORDS = frozenset(
    {"future", "the future", "soon", "in the future", "shortly", "upcoming", "eventually"}
)
# words that, right before a 4-digit number, show it is not a year (identifiers, page furniture)
NOT_YEAR_BEFORE = frozenset(
    {"read", "no", "nr", "number", "resolution", "flight", "page", "pages", "code", "article", "room",
     "route", "highway", "interstate", "bus", "model", "rule", "section", "bill", "chapter", "item",
     "id", "ref", "tel", "phone", "fax", "box", "suite", "unit", "apt", "p", "pp", "vol", "issue",
     "grade", "level", "dow", "index", "nearly", "than", "approximately", "least", "total", "totalling",
     "killed", "wounded", "injured", "$", "us$", "usd", "eur", "rs", "kb", "mb", "pin", "zip", "views",
     "comments", "likes", "shares", "votes", "reads", "hits", "downloads", "followers", "isbn", "issn"}
)  # fmt: skip
# nouns that, right after a 4-digit number, show it counts something
COUNTED_AFTER = frozenset(
    {"people", "persons", "troops", "soldiers", "men", "women", "children", "civilians", "dead",
     "deaths", "killed", "wounded", "injured", "casualties", "refugees", "residents", "houses",
     "homes", "buildings", "km", "kilometers", "kilometres", "miles", "meters", "metres", "tons",
     "tonnes", "dollars", "euros", "shares", "votes", "points", "units", "cars", "vehicles", "tanks",
     "aircraft", "planes", "prisoners", "hostages", "fighters", "militants", "rebels", "police",
     "officers", "workers", "employees", "jobs", "feet", "ft", "kg", "pounds", "barrels", "acres",
     "hectares", "students", "members", "delegates", "seats", "cases", "patients", "villages",
     "families", "sq", "square", "percent", "per", "%", "hours", "minutes", "seconds", "days",
     "years", "months", "weeks", "calories", "words", "pages", "rounds", "shells", "rockets",
     "missiles", "mines", "guns", "weapons", "ships", "boats", "horses", "cannon", "cannons",
     "captives", "laborers", "settlers", "slaves", "infantry", "cavalry", "sailors",
     "marines", "strong", "others", "more", "fewer", "x"}
)  # fmt: skip

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|"
    r"SATURDAY|SUNDAY)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
APOS_YEAR = r"(?:'\d\d)"


def trie(words: frozenset[str] | set[str]) -> str:
    """A regex matching any of ``words`` (spaces match any whitespace), factored by common prefixes
    so that the engine tests one character per step instead of every word in turn; longer words
    are preferred, as in a longest-first alternation."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(root) + ")"


_NUMW = trie(set(NUMBER_WORDS) | {"several", "a few", "few", "some", "many", "numerous"})
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUMBER = rf"(?:\d+(?:\.\d+|\s+1/2)?|{_TENS}[- ](?:one|two|three|four|five|six|seven|eight|nine)|{_NUMW})"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie|millenni(?:um|a))"
PREMOD = trie(
    {"more than", "less than", "fewer than", "at least", "at most", "nearly", "almost", "about", "around",
     "approximately", "roughly", "some", "over", "up to", "close to", "under", "just over", "just under",
     "only", "barely", "well over", "upwards of"}
)  # fmt: skip
PREMOD_VALUE = MappingProxyType(
    {
        "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
        "well over": "MORE_THAN", "upwards of": "MORE_THAN", "less than": "LESS_THAN",
        "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
        "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
        "nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX",
        "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX", "close to": "APPROX",
    }
)  # fmt: skip
EDGE = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
EDGE_MOD = MappingProxyType(
    {"early": "START", "the beginning of": "START", "the start of": "START", "late": "END",
     "the end of": "END", "mid": "MID", "the middle of": "MID"}
)  # fmt: skip

# a year said in words, as broadcast transcripts write it: "nineteen ninety-four", "two thousand and one"
SPELLED_YEAR = r"(?:seventeen|eighteen|nineteen)[\s-]+(?:hundred|oh[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?"
