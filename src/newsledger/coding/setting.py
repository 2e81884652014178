"""The report's setting: the town and the day a news lead gives, for events that lack them.

Local news names the town once, up front ("PUYALLUP — ...", "Memphis police said ..."), and
dates the happening in the lead ("Friday night"); later sentences say "the shooting" or "the
home on 11th Street". Events that happened (status occurred) and have no place of their own, or
only a street, neighbourhood or the county around that town, take the town; events with no
date, or only a month that the lead's day falls in, take that day. The rule that applied is
appended to the event's ``rule``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from ..model import AnnotatedArticle, EventMention, Timex
from .arguments import date_of

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def apply_setting(
    article: AnnotatedArticle, sents: list[Any], mentions: list[EventMention]
) -> list[EventMention]:
    """Events that happened (status occurred) without a place of their own take the report's
    setting: the dateline or first town named in its first three sentences (local news
    names the town once, up front)."""
    if not sents:
        return mentions
    lead_end = sents[min(2, len(sents) - 1)].end_char
    towns = [p for p in article.places if p.span.start < lead_end and p.feature in ("city", "ADM2")]
    # a town named as such, else one inside a name ("Memphis police said")
    lead = [p for p in towns if getattr(p, "role", "place") == "place"] or [
        p for p in towns if getattr(p, "role", "place") == "embedded" and p.feature == "city"
    ]
    setting = lead[0] if lead else None
    when = _lead_time(article, sents)
    out = []
    for m in mentions:
        if m.status != "occurred":
            out.append(m)
            continue
        if setting is not None and (m.place is None or _inside_setting(m.place, setting)):
            # no place, or only a street, a neighbourhood or the county of the report's town
            m = replace(
                m,
                place=setting,
                rule=m.rule + f"; place {setting.name}: the report's setting (first town named)",
            )
        refine = (
            m.date is not None
            and when is not None
            and m.date_precision in ("month", "year")
            and (date_of(when)[0] or "").startswith(m.date)
        )
        if (m.date is None or refine) and when is not None:
            # no date of its own, or only "in July": the day the report gives, if consistent
            date, precision = date_of(when)
            m = replace(
                m, time=when, date=date, date_precision=precision,
                rule=m.rule + f"; date '{when.text}': the first date the report gives",
            )  # fmt: skip
        out.append(m)
    return out


def _inside_setting(place: Any, town: Any) -> bool:
    """A street, building or neighbourhood (feature "other"), or a county (ADM2) in the same
    province as the report's town: ACLED codes the town."""
    if place.feature == "other":
        return place.gazetteer_id is None or (place.country == town.country and place.admin1 == town.admin1)
    return (
        place.feature == "ADM2"
        and town.feature == "city"
        and place.admin1 == town.admin1
        and bool(town.admin1)
    )


def _lead_time(article: AnnotatedArticle, sents: list[Any]) -> Timex | None:
    """The first resolved day-precise date in the report's first five sentences that is not
    after its publication (news leads say when the happening took place)."""
    end = sents[min(4, len(sents) - 1)].end_char
    pub = article.article.published
    days = []
    for t in sorted(article.timexes, key=lambda x: x.span.start):
        date, precision = date_of(t)
        if t.type not in ("DATE", "TIME") or date is None or precision != "day" or "/" in date:
            continue
        if not DAY.match(date) or (pub is not None and date > pub.isoformat()):
            continue
        days.append((t, date))
    lead = [t for t, _ in days if t.span.start < end]
    if lead:
        return lead[0]
    if pub is not None:  # later in the report, but within a month before it was published
        recent = [t for t, d in days if (pub - dt.date.fromisoformat(d)).days <= 31]
        return recent[0] if recent else None
    return None
