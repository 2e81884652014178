"""The report's setting: the town and the day a news lead gives, for events that lack them.

Local news names the town once, up front ("PUYALLUP — ...", "Memphis police said ..."), and
dates the happening in the lead ("Friday night"); later sentences say "the shooting" or "the
home on 11th Street". Events that happened (status occurred) and have no place of their own, or
only a street, neighbourhood, the county around that town or its province, take the town (a
town named "in" the county the lead names first is the more precise place; a report naming no
town up front takes the city whose police report it); events at an area of a city are located
"City - Area" (:mod:`.areas`); events with no date, or only a month that the lead's day falls
in, take that day (not the day of a statement, an arrest or a charge the lead also gives). The
rule that applied is appended to the event's ``rule``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from ..model import AnnotatedArticle, EventMention, Timex
from .areas import name_areas, policed
from .arguments import date_of
from .towns import inside_setting, is_facility, part_of_region, town_over_county

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOOSE_DATE = "date from the sentence, not attached to the trigger"
CLOCK = re.compile(r"^[\d:.\s]+(?:[ap]\.?m\.?|noon|midnight|[A-Z]{2,3}T?)*$", re.I)
RECENT = 3  # days: a lead's happening is at most three days before the first day it gives


def apply_setting(
    article: AnnotatedArticle, sents: list[Any], mentions: list[EventMention], gazetteer: Any = None
) -> list[EventMention]:
    """Events that happened (status occurred) without a place of their own take the report's
    setting: the dateline or first town named in its first three sentences (local news
    names the town once, up front). Events at an area of a city the report names are located
    "City - Area" (:mod:`.areas`; needs the gazetteer's populations)."""
    if not sents:
        return mentions
    lead_end = _lead_end(sents, 3)
    towns = [p for p in article.places if p.span.start < lead_end and p.feature in ("city", "ADM2")]
    # a town named as such, else one inside a name ("Memphis police said")
    lead = [p for p in towns if getattr(p, "role", "place") == "place"] or [
        p for p in towns if getattr(p, "role", "place") == "embedded" and p.feature == "city"
    ]
    setting = town_over_county(lead, sents[0].doc)
    setting_why = "the report's setting (first town named)"
    weak = False  # a town named only later in the report: not over a place it cannot contain
    if setting is None:
        # no town up front: the city whose police or fire department the report names
        towns = [p for p in article.places if p.feature == "city" and p.role in ("place", "embedded")]
        force = policed(sents[0].doc, towns)
        countries = Counter(p.country for p in article.places if p.role == "place" and p.country)
        main = countries.most_common(1)[0][0] if countries else None
        named = [p for p in towns if p.role == "place" and p.country == main]
        # ... else the first town the report names at all
        setting = force[0] if force else named[0] if named else None
        weak = not force
        setting_why = "the city whose police report it" if force else "the first town the report names"
    when = _lead_time(article, sents)
    dated = any(
        date_of(t)[1] in ("day", "month", "year") for t in article.timexes if t.type in ("DATE", "TIME")
    )
    out = []
    for m in mentions:
        if m.status != "occurred":
            out.append(m)
            continue
        if (
            setting is not None
            and (m.place is None or inside_setting(m.place, setting))
            and not (weak and m.place is not None and m.place.feature == "other" and not is_facility(m.place))
            and not (m.place is not None and part_of_region(sents[0].doc, m.place))
        ):
            # no place, or only a street, a neighbourhood or the county of the report's town
            m = replace(
                m,
                place=setting,
                rule=m.rule + f"; place {setting.name}: {setting_why}",
            )
        m = _weekday_before_publication(article, m)
        refine = (
            m.date is not None
            and when is not None
            and m.date_precision in ("month", "year")
            and (date_of(when)[0] or "").startswith(m.date)
        )
        earlier = (
            when is not None
            and m.date is not None
            and (
                LOOSE_DATE in m.rule or (m.time is not None and CLOCK.match(m.time.text.strip()) is not None)
            )
            and m.sub_event_type in VIOLENT_SUBTYPES
            and _days_before(date_of(when)[0], m.date) in range(1, RECENT + 1)
        )
        if (m.date is None or refine or earlier) and when is not None:
            # no date of its own, only "in July", the day of a statement about it ("police
            # remained mum on Monday concerning the shooting") or a bare clock time ("at 7:45
            # p.m.", read as the report's day): the day the lead gives
            date, precision = date_of(when)
            m = replace(
                m, time=when, date=date, date_precision=precision,
                rule=m.rule + f"; date '{when.text}': the day the report's lead gives",
            )  # fmt: skip
        elif m.date is not None and m.date_precision == "month":
            day = _day_within(article, m.date)
            if day is not None:
                # "in August" ... "on Aug. 2": the day the report gives within that month
                m = replace(m, time=day, date=date_of(day)[0], date_precision="day",
                            rule=m.rule + f"; date '{day.text}': the day the report gives within {m.date}")  # fmt: skip
        elif (
            m.date is None
            and (not dated or when is None)
            and article.article.published is not None
            and m.sub_event_type in VIOLENT_SUBTYPES
        ):
            # a report whose lead gives no day tells of that day's happening
            why = "the report gives no date" if not dated else "its lead gives no day"
            m = replace(m, date=article.article.published.isoformat(), date_precision="day",
                        rule=m.rule + f"; date: the publication day ({why})")  # fmt: skip
        out.append(m)
    return name_areas(sents[0].doc, article.places, setting, out, gazetteer) if gazetteer is not None else out


WEEKDAY = re.compile(
    r"^(?:(?:early|late|last)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)


def _weekday_before_publication(article: AnnotatedArticle, m: EventMention) -> EventMention:
    """A violent happening reported as past and dated by a bare weekday that was resolved to a
    day after the report was published ("was shot Monday night" in a Tuesday paper, read as
    next Monday) took place on that weekday of the week before."""
    pub = article.article.published
    if (
        pub is None
        or m.time is None
        or m.date is None
        or not DAY.match(m.date)
        or m.sub_event_type not in VIOLENT_SUBTYPES
        or not WEEKDAY.match(m.time.text.strip())
    ):
        return m
    ahead = (dt.date.fromisoformat(m.date) - pub).days
    if not 0 < ahead <= 7:
        return m
    day = (dt.date.fromisoformat(m.date) - dt.timedelta(days=7)).isoformat()
    return replace(
        m, date=day, rule=m.rule + f"; date {day}: '{m.time.text}' before the report's publication"
    )


LEGAL = frozenset({"charge", "guilty", "arrest", "trial", "sentence", "plead", "arraign", "indict",
                   "convict", "court", "jury", "verdict", "custody", "suspect", "accuse", "testify"})  # fmt: skip
BACKGROUND_DAYS = 30  # a happening dated a month or more before the report's own is history


def drop_background(article: AnnotatedArticle, sents: list[Any], items: list[Any]) -> list[Any]:
    """Without the violent happenings a report recalls from long before its own ("the 2012
    theater shooting that left 12 dead", "her husband was murdered in 2005"): items
    ``(mention, family, sentence index)`` dated by their own sentence more than a month before
    the report's happening, the one its lead tells with a toll. Reports of a court case or an
    arrest are about an older happening: they keep everything. The figures stay among the
    report's figures."""
    if not sents:
        return items
    lead_end = _lead_end(sents, 3)
    lead = [
        (m, sents[si])
        for m, _, si in items
        if si < len(sents) and sents[si].start_char < lead_end and _violent_occurred(m)
    ]
    if any(any(t.lemma_.lower() in LEGAL for t in sent) for _, sent in lead):
        return items  # a court case or an arrest: what it recalls may be its own happening
    # the lead's own happening: the first violent event it tells with a toll, dated by itself
    # or else by the lead's day or the publication day
    tolled = [m for m, _ in lead if m.fatalities or m.injured]
    if not tolled:
        return items
    when = date_of(_lead_time(article, sents))[0]
    pub = article.article.published.isoformat() if article.article.published else None
    own = [d for d in (tolled[0].date, when, pub) if d][:1]
    if not own:
        return items
    starts = [
        d[:10] if DAY.match(d[:10]) else d[:7] + "-01" if len(d) >= 7 else d[:4] + "-01-01" for d in own
    ]
    starts = [d for d in starts if DAY.match(d)]
    if not starts:
        return items
    main = min(starts)
    keep = []
    for m, fam, si in items:
        if (
            _violent_occurred(m)
            and m.date
            and m.time is not None
            and _ends_before(m.date, main, BACKGROUND_DAYS)
        ):
            continue
        keep.append((m, fam, si))
    return keep


def _violent_occurred(m: EventMention) -> bool:
    return m.status == "occurred" and m.sub_event_type in VIOLENT_SUBTYPES


def _ends_before(date: str, day: str, days: int) -> bool:
    """Whether the day ``date`` ("2012-07-19") is more than ``days`` days before ``day``, or
    the month or year ``date`` ("2005-02", "1982") ended before ``day``'s month began ("a man
    who was shot and killed in April", told in a report of a shooting in May)."""
    d = date.split("/")[-1]
    ref = dt.date.fromisoformat(day)
    if DAY.match(d):
        try:
            return (ref - dt.date.fromisoformat(d)).days > days
        except ValueError:
            return False
    if re.match(r"^\d{4}-\d{2}$", d):
        return d < ref.isoformat()[:7]
    if re.match(r"^\d{4}$", d):
        return d < ref.isoformat()[:4]
    return False


VIOLENT_SUBTYPES = frozenset({"Violent crime", "Armed clash", "Attack", "Mob violence", "Violent demonstration",
                              "Excessive force against protesters"})  # fmt: skip


def _days_before(a: str | None, b: str | None) -> int:
    """How many days day ``a`` is before day ``b`` (-1 when either is not a day)."""
    if not a or not b or not DAY.match(a) or not DAY.match(b):
        return -1
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _day_within(article: AnnotatedArticle, period: str) -> Timex | None:
    """The earliest day-precise date of the report inside ``period`` ("2014-08") and not after
    its publication."""
    pub = article.article.published
    days = []
    for t in article.timexes:
        date, precision = date_of(t)
        if precision != "day" or date is None or not DAY.match(date) or not date.startswith(period):
            continue
        if pub is not None and date > pub.isoformat():
            continue
        days.append((date, t.span.start, t))
    return min(days, key=lambda x: (x[0], x[1]))[2] if days else None


def _lead_end(sents: list[Any], n: int) -> int:
    """Where the report's first ``n`` sentences end, not counting headline furniture ("5.",
    "(Photo: NOPD)", "By Jane Doe"): segments of fewer than five words."""
    seen = 0
    for s in sents:
        if sum(1 for t in s if t.is_alpha) >= 5:
            seen += 1
            if seen == n:
                return int(s.end_char)
    return int(sents[-1].end_char)


TELLING = frozenset({"say", "tell", "announce", "confirm", "report", "state", "release", "identify", "add",
                     "remain", "arrest", "charge", "arraign", "indict", "book", "jail", "sentence", "plead",
                     "testify", "file", "continue", "hold", "update", "post", "publish"})  # fmt: skip


def _dates_telling(doc: Any, t: Timex) -> bool:
    """Whether the timex dates a statement, an arrest or a charge: its nearest verb up the
    parse is one of ``TELLING`` ("police said Wednesday", "was charged Tuesday")."""
    span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return bool(tok.lemma_.lower() in TELLING)
    return False


def _lead_time(article: AnnotatedArticle, sents: list[Any]) -> Timex | None:
    """The first resolved day-precise date in the report's first five sentences that is not
    after its publication (news leads say when the happening took place)."""
    end = _lead_end(sents, 5)
    pub = article.article.published
    days = []
    for t in sorted(article.timexes, key=lambda x: x.span.start):
        date, precision = date_of(t)
        if t.type not in ("DATE", "TIME") or date is None or precision != "day" or "/" in date:
            continue
        if not DAY.match(date) or (pub is not None and date > pub.isoformat()):
            continue
        days.append((t, date))
    lead = [(t, d) for t, d in days if t.span.start < end]
    named = [(t, d) for t, d in lead if not CLOCK.match(t.text.strip())]
    lead = named or lead  # "7:45 p.m." is resolved against the report's day; "Sunday" says more
    doc = sents[0].doc
    told = [(t, d) for t, d in lead if _dates_telling(doc, t)]
    if told and len(told) < len(lead):
        # "police said Wednesday", "was arrested Tuesday": the days of the telling, the
        # arrest or the charge are not the happening's
        lead = [x for x in lead if x not in told]
    elif told:
        # a lead that dates only its telling: a day of the happening told later in the report,
        # up to three days before ("... said Saturday night" ... "at 5:45 p.m. Friday")
        later = [
            (t, d)
            for t, d in days
            if t.span.start >= end
            and 0 < _days_before(d, told[0][1]) <= RECENT
            and not CLOCK.match(t.text.strip())
            and not _dates_telling(doc, t)
        ]
        if later:
            return min(later, key=lambda x: x[1])[0]
    if lead:
        # the happening is the earliest day the lead gives (later ones are arrests, statements,
        # vigils), if within three days of the first
        first = lead[0][1]
        recent = [(t, d) for t, d in lead if 0 <= _days_before(d, first) <= RECENT]
        return min(recent, key=lambda x: x[1])[0] if recent else lead[0][0]
    if pub is not None:  # later in the report, but within a month before it was published
        month = [t for t, d in days if (pub - dt.date.fromisoformat(d)).days <= 31]
        return month[0] if month else None
    return None
