"""Readers of relative expressions: deictic words, counted and anaphoric dates, durations, sets,
reference words.

Each reader turns a regex match into a :class:`Cand` or refuses it (returns None).
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .cand import Cand
from .patterns import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from .words import (
    DAYWORD_OFFSET,
    SET_ADJ_OK,
    _amount,
    duration_value,
    edge,
    number_of,
    premod,
    unit_key,
    weekday_of,
    word_after,
    word_before,
)


def r_dayword(m: re.Match[str]) -> Cand:
    w = m["w"].lower()
    pod = PARTS_OF_DAY.get(
        (m["pod"] or re.sub(r"^(?:mid-?|early\s+|late\s+)", "", (m["pod0"] or "").lower())).lower()
    )
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
    rel = (m["rel"] or "").lower().split()[-1:]
    direction = {"last": -1, "next": 1, "this": 0, "coming": 1, "past": -1, "previous": -1, "preceding": -1,
                 "following": 1}.get(rel[0] if rel else "")  # fmt: skip
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    # "the previous Friday", "the following Monday": counted from the story's day, not from today
    rule = "weekday_story" if rel and rel[0] in {"previous", "preceding", "following"} else "weekday"
    return Cand(m.start(), m.end(), "TIME" if pod else "DATE", "weekday", (weekday_of(m["wd"]), direction, pod),
                mod=edge(m["edge"]), rule=rule)  # fmt: skip


MODALS = frozenset({"will", "would", "could", "might", "may", "can", "shall", "should", "must"})


# an age is an amount of time when it is said of someone ("he was 19 years old")
_AGE_SAID = re.compile(
    r"(?:\b(?:is|was|are|were|be|been|being|am|became|becomes|turned)|['’](?:s|re|m))\s+"
    r"(?:(?:just|only|still|now|barely|already)\s+)?$",
    re.I,
)


def r_quantity(m: re.Match[str]) -> Cand | None:
    """An amount of time: a duration ("five years"), or a date counted from one ("two days later")."""
    if m["ago"]:
        return r_ago(m)
    if m["hence"]:  # "two weeks from now": the date that far ahead of the publication date
        return Cand(m.start(), m.end(), "DATE", "hence", (unit_key(m["u"]), _amount(m)), mod=premod(m["pre"]),
                    rule="hence")  # fmt: skip
    if m["dir"]:
        return r_later(m)
    if not m["n"]:
        return None
    if m.group().lower().endswith(" old") and not _AGE_SAID.search(
        m.string, max(0, m.start() - 20), m.start()
    ):
        return None  # an age describing a person ("Mr. Smith, 52 years old,"), not a time of the story
    if m.group().lower() == "one day" and word_before(m) in MODALS:
        return Cand(m.start(), m.end(), "DATE", "value", ("FUTURE_REF",), rule="someday")  # "will one day be"
    nxt = word_after(m)
    if nxt in {"after", "before"} and word_before(m) not in {
        "for",
        "within",
        "over",
        "during",
        "in",
        "lasted",
        "last",
        "of",
    }:
        c = r_later(m, sign=1 if nxt == "after" else -1)  # "two days after the invasion"
        return Cand(
            c.start,
            c.end,
            c.type,
            c.kind,
            (*c.args, duration_value(c.args[1], c.args[0])),
            c.mod,
            "after_event",
        )
    return r_duration(m)


def r_ago(m: re.Match[str]) -> Cand:
    n = _amount(m)
    return Cand(m.start(), m.end(), "DATE", "ago", (unit_key(m["u"]), n), mod=premod(m["pre"]), rule="ago")


def r_later(m: re.Match[str], sign: int = 0) -> Cand:
    n = _amount(m)
    if n is not None and (m["half"] or m["half2"]):
        n += 0.5  # "a minute and a half later"
    if not sign:
        sign = -1 if m["dir"].lower() in {"earlier", "before", "previously", "prior"} else 1
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


FRACTION_UNITS = MappingProxyType({"year": ("M", 12, "Y"), "day": ("H", 24, "DT")})


def r_duration(m: re.Match[str]) -> Cand | None:
    unit = unit_key(m["u"])
    n = number_of(m["n"])
    if n is None and m["n"].lower() not in VAGUE_NUMBERS:
        return None
    if n is not None and n >= 1000 and re.fullmatch(r"\d{4}", m["n"]):
        return None
    if unit == "second" and m["n"].lower() in {"a", "an"} and not m["pre"]:
        return None
    if unit == "quarter" and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4], re.IGNORECASE):
        return None  # "three quarters of the votes"
    if m["half"] or m["half2"]:
        n = (n or 0) + 0.5
    elif n is not None and n != int(n) and "/" in m["n"] and unit in FRACTION_UNITS:
        # "2 1/2 years" is written in whole months: P2Y6M ("3 1/2 days": P3DT12H)
        sub, per, code = FRACTION_UNITS[unit]
        value = f"P{int(n)}{code}{round((n - int(n)) * per)}{sub}".replace(f"P0{code}", "P" + code[1:])
        return Cand(m.start(), m.end(), "DURATION", "value", (value,), mod=premod(m["pre"]), rule="duration")
    return Cand(m.start(), m.end(), "DURATION", "value", (duration_value(n, unit),), mod=premod(m["pre"]),
                rule="duration")  # fmt: skip


def r_adj_duration(m: re.Match[str]) -> Cand | None:
    n = number_of(m["n"])
    if n is None or m["u"].lower() == "quarter":
        return None
    if m.group(0).lower().endswith("old") or re.match(r"[- ]old\b", m.string[m.end() : m.end() + 5], re.I):
        return None  # an age: "a 13-year-old"
    if m["n"].lower() in {"a", "an"}:
        return None  # "a second attack"
    if m.string[m.start("u") - 1] == " " and m.string[m.end("u") : m.end("u") + 1] == "s":
        return None  # "52 year[s old]": a plural amount, read by the duration rule
    return Cand(
        m.start(), m.end(), "DURATION", "value", (duration_value(n, unit_key(m["u"])),), rule="adj_duration"
    )


def r_unit_long(m: re.Match[str]) -> Cand:
    """ "a day-long meeting" (P1D), "a decades-long battle" (PXY)."""
    value = duration_value(None if m["pl"] else 1, unit_key(m["u"]))
    return Cand(m.start(), m.end(), "DURATION", "value", (value,), rule="unit_long")


def r_bare_units(m: re.Match[str]) -> Cand:
    u = unit_key(m["u"])
    return Cand(m.start(), m.end(), "DURATION", "value", (duration_value(None, u),), rule="bare_units")


def r_half_hour(m: re.Match[str]) -> Cand:
    return Cand(m.start(), m.end(), "DURATION", "value", ("PT30M",), mod=premod(m["pre"]), rule="half_hour")


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
    if u.rstrip(".") in MONTHS:  # "each July": every July
        return Cand(m.start(), m.end(), "SET", "value", (f"XXXX-{MONTHS[u.rstrip('.')]:02d}",), rule="every")
    if u in SEASONS:
        return Cand(m.start(), m.end(), "SET", "value", (f"XXXX-{SEASONS[u]}",), rule="every")
    if u.rstrip("s") == "season":
        return Cand(m.start(), m.end(), "SET", "value", ("P1S" if False else "XXXX-XX",), rule="every")
    return Cand(m.start(), m.end(), "SET", "value", (duration_value(n, unit_key(u)),), rule="every")


_OPENS = re.compile(r"(?:\A|[.!?:;\"'“‘`\n])\s*\Z")  # nothing but the start of a sentence before


def r_ref(m: re.Match[str]) -> Cand | None:
    if (
        m["w"].lower() == "now"
        and m.string[m.end() : m.end() + 1] == ","
        and _OPENS.search(m.string, max(0, m.start() - 6), m.start())
    ):
        return None  # "Now, ..." opening a sentence opens an argument, it does not date anything
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
    elif w.endswith(("future", "term")) or w == "soon" or w.startswith(("the coming", "coming")):
        v = "FUTURE_REF"
    else:
        v = "PRESENT_REF"
    return Cand(m.start(), m.end(), "DATE", "value", (v,), rule="ref")


def r_unit_end(m: re.Match[str]) -> Cand | None:
    """ "by year end", "by year's end", "year-end": the end of the story's (or report's) year or month;
    "at year-end 1986": the end of that year."""
    if m["year"] and m["u"].lower() == "year":
        return Cand(m.start(), m.end(), "DATE", "value", (m["year"],), mod="END", rule="year")
    if m["year"]:
        return None  # "month-end 1986" is not a month
    return Cand(m.start(), m.end(), "DATE", "anaphor", ("Y" if m["u"].lower() == "year" else "M", 0, None),
                mod="END", rule="unit_end")  # fmt: skip


def r_soon(m: re.Match[str]) -> Cand:
    """ "may soon seek", "soon will begin", "at a later date": the future of the report."""
    return Cand(m.start(), m.end(), "DATE", "value", ("FUTURE_REF",), rule="ref")


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
    if not (m["edge"] or m["pre"]) and word_after(m) in {"ended", "ending", "ends", "to"}:
        # "the year ended June 30": a fiscal year, an amount of time
        return Cand(m.start(), m.end(), "DURATION", "value", (duration_value(1, m["u"]),), rule="year_part")
    return Cand(m.start(), m.end(), "DATE", "anaphor", ("Y" if m["u"].lower() == "year" else "M", 0, None),
                mod=edge(m["edge"]) or ("END" if (m["pre"] or "").lower().startswith("late") else None),
                rule="year_part")  # fmt: skip
