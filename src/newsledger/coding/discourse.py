"""The same happening told over several sentences of one report: merged into one event.

* same happening: a violent event in the next two sentences without a date or place of its
  own that differs ("they were ambushed ... 613 civilians were killed") is merged into the
  previous one (casualties kept, the larger count wins; "four people were shot ... one of them
  died" gives 1 killed and 3 injured);
* inheritance: an event with no date or place of its own within three sentences of the previous
  event takes that event's date / place (reported as such in ``rule``);
* the people counted as shot are not also injured when the report says they died.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import EventMention
from .arguments import COUNTED_HURT, OTHERS_NAMED, SHOT_VICTIMS, casualties
from .setting import LOOSE_DATE
from .taxonomy import event_type_of
from .toll import APART, NAMED_BEFORE, SELF_ONLY

MERGE_FAMILIES = frozenset({"violence", "territory"})
GENERIC_VIOLENCE = frozenset({"Attack", "Armed clash", "Violent crime"})


def merge_same_happening(items: list[tuple[EventMention, str, int]]) -> list[EventMention]:
    kept: list[tuple[EventMention, str, int]] = []
    for m, fam, si in items:
        loose = fam.endswith("~")  # the date is the sentence's, not attached to the trigger
        fam = fam.rstrip("~")
        if kept:
            pm, pfam, psi = kept[-1]
            ploose = pfam.endswith("~")
            pfam = pfam.rstrip("~")
            near = si - psi
            same_place = m.place is None or pm.place is None or m.place.name == pm.place.name
            same_time = m.date is None or pm.date is None or m.date == pm.date or ploose
            if (
                near == 1
                and fam == "violence"
                and pfam == "violence"
                and pm.sub_event_type in GENERIC_VIOLENCE
                and m.sub_event_type not in GENERIC_VIOLENCE
                and m.event_type in ("Explosions/Remote violence",)
                and same_time
                and m.status == pm.status
            ):
                # "Two civilians were killed in attacks. ... killed in a grenade attack": the
                # second sentence says how
                better = m.place if m.place is not None else pm.place
                kept[-1] = (
                    replace(
                        pm,
                        sub_event_type=m.sub_event_type,
                        event_type=m.event_type,
                        place=better,
                        fatalities=_max(pm.fatalities, m.fatalities),
                        injured=_max(pm.injured, m.injured),
                        date=pm.date or m.date,
                        time=pm.time or m.time,
                        date_precision=pm.date_precision or m.date_precision,
                        rule=pm.rule + f" | typed by '{m.trigger}' in the next sentence (same happening)",
                    ),
                    pfam + ("~" if ploose else ""),
                    si,
                )
                continue
            if (
                0 < near <= 2
                and fam == "violence"
                and m.sub_event_type in GENERIC_VIOLENCE
                and pfam in MERGE_FAMILIES
                and same_place
                and same_time
                and m.status == pm.status
            ):
                sub = pm.sub_event_type
                if sub in ("Attack", "Violent crime") and m.sub_event_type not in ("Attack", "Violent crime"):
                    sub = m.sub_event_type  # the later sentence says more about the same happening
                inj = _max(pm.injured, m.injured)
                carried = ""
                if SHOT_VICTIMS in pm.rule and pm.fatalities is None and m.fatalities and pm.injured:
                    # "four people were shot ... one of them died": 3 injured, 1 killed
                    inj = pm.injured - m.fatalities if pm.injured > m.fatalities else None
                elif (
                    COUNTED_HURT in m.rule
                    and SHOT_VICTIMS in m.rule
                    and m.fatalities is None
                    and m.injured
                    and pm.fatalities
                    and m.injured <= pm.fatalities
                    and not pm.injured
                ):
                    # "a man was found dead ... he had been shot": the people shot are the dead
                    inj = None
                elif (
                    f"{SHOT_VICTIMS} '" in m.rule
                    and OTHERS_NAMED not in m.rule
                    and "the dead are among" not in m.rule
                    and m.fatalities is None
                    and m.injured
                    and pm.fatalities
                    and pm.injured is not None
                    and pm.injured < m.injured <= pm.injured + pm.fatalities
                ):
                    # "one man dead and three others injured ... four people were struck": the
                    # people shot include the dead
                    inj = pm.injured
                elif (
                    inj is not None
                    and inj == m.injured
                    and (pm.injured is None or m.injured > pm.injured)
                    and COUNTED_HURT in m.rule
                ):
                    # the count merged in came from the victims' phrase: keep saying so
                    carried = f" [{SHOT_VICTIMS if SHOT_VICTIMS in m.rule else 'counted'}; {COUNTED_HURT}"
                    carried += f"; {NAMED_BEFORE}" if NAMED_BEFORE in m.rule else ""
                    # "another woman who was shot went to a hospital": not the dead named before
                    carried += f"; {OTHERS_NAMED}" if OTHERS_NAMED in m.rule else ""
                    # "found a man who had been shot and a child who had died": two people
                    carried += f"; {APART}]" if APART in m.rule else "]"
                if ploose and m.date is not None and not loose:
                    # the later sentence dates the happening itself ("were shot ... Monday evening")
                    pm = replace(pm, time=m.time, date=m.date, date_precision=m.date_precision,
                                 rule=pm.rule.replace(f"; {LOOSE_DATE}", ""))  # fmt: skip
                    ploose = False
                merged = replace(
                    pm,
                    sub_event_type=sub,
                    event_type=event_type_of(sub or "Other"),
                    fatalities=_max(pm.fatalities, m.fatalities),
                    injured=inj,
                    figures=pm.figures + m.figures,
                    place=pm.place or m.place,
                    time=pm.time or m.time,
                    date=pm.date or m.date,
                    date_precision=pm.date_precision or m.date_precision,
                    actor1=pm.actor1 or m.actor1,
                    actor2=pm.actor2 or m.actor2,
                    rule=pm.rule
                    + f" | merged with '{m.trigger}' {near} sentence(s) later (same happening)"
                    + carried,
                )
                kept[-1] = (merged, pfam + ("~" if ploose else ""), si)
                continue
            if 0 < near <= 3 and m.status == pm.status:
                if m.date is None and pm.date is not None:
                    m = replace(m, time=pm.time, date=pm.date, date_precision=pm.date_precision,
                                rule=m.rule + "; date from the previous event")  # fmt: skip
                if m.place is None and pm.place is not None:
                    m = replace(m, place=pm.place, rule=m.rule + "; place from the previous event")
        kept.append((m, fam + ("~" if loose else ""), si))
    dead = max((m.fatalities or 0 for m, _, _ in kept), default=0)
    out = []
    for m, _, _ in kept:
        # "shot" counts people hurt only if nothing says they died; "injured" says so itself
        if (
            COUNTED_HURT in m.rule
            # "wounded", "injured" say themselves they survived, unless the report said of the
            # same people that they died ("the boy is in critical condition ... has died")
            and (SHOT_VICTIMS in m.rule or NAMED_BEFORE in m.rule)
            and APART not in m.rule
            and OTHERS_NAMED not in m.rule  # "a woman in the car was also hit"
            and m.injured
            and m.injured <= dead
            # ("shot his wife and children before killing himself": his death is not theirs)
            and (m.fatalities is None or m.injured <= m.fatalities or SELF_ONLY in m.rule)
        ):
            m = replace(m, injured=None, rule=m.rule + "; the people shot are those reported dead")
        elif (
            # the event's own victims (or those merged into it) were counted as shot
            (f"{SHOT_VICTIMS} '" in m.rule or f"[{SHOT_VICTIMS};" in m.rule)
            and OTHERS_NAMED not in m.rule
            and "the dead are among" not in m.rule
            and m.fatalities is None
            and m.injured
            and 0 < dead < m.injured
        ):
            # "five men were shot ... the fifth man was pronounced dead": four injured
            m = replace(m, injured=m.injured - dead, rule=m.rule + f"; {dead} of those shot reported dead")
        out.append(m)
    return out


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def toll_told_after(m: EventMention, sent: Any) -> EventMention:
    """A sentence without an event of its own that counts victims ("A shot was fired inside.
    ... A round hit a nearby man in the leg.") tells the toll of the happening just before."""
    if m.status != "occurred":
        return m
    fat, inj, _, why = casualties([], (), [sent], whole=True)
    if (fat or 0) <= (m.fatalities or 0) and (inj or 0) <= (m.injured or 0):
        return m
    return replace(
        m,
        fatalities=_max(m.fatalities, fat),
        injured=_max(m.injured, inj),
        rule=m.rule + f" | toll told in a later sentence: {why}",
    )
