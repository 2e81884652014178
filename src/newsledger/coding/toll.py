"""A sentence's toll from its victim phrases (:mod:`.victims`): dead and injured, explained.

Distinct victims are summed; "a double shooting" counts only when no victim is named; people
"taken to a hospital" or "in critical condition" are some of those shot when the sentence
names them as shot or wounded; people shot who are not reported dead are injured, and "four
were shot and one was killed" gives 1 dead and 3 injured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..numbers import parse_number
from .victims import Victims

NAMED_BEFORE = "the people hurt were named before"
APART = "the dead and the hurt named apart"
SELF_ONLY = "the only dead is the shooter himself"


@dataclass(frozen=True)
class Tally:
    dead: int | None
    injured: int | None
    shot_only: bool  # the injured are people "shot" (they may be reported dead later)
    others: bool
    why: str


def tally(victims: list[Victims]) -> Tally:
    """Dead and injured of one sentence's victim phrases (None when nothing counted them)."""
    totals = [v for v in victims if v.total]
    named = [v for v in victims if not v.total]
    if not named and totals:
        # only totals ("the killing is the 17th homicide"): the largest of each kind, not a sum
        totals = [
            max((v for v in totals if v.kind == k), key=lambda v: v.n) for k in {v.kind for v in totals}
        ]
    victims = named or totals
    if any(not v.secondary and v.kind != "dead" for v in victims):
        # "six people were shot and one victim was rushed to the hospital": one of the six
        victims = [v for v in victims if not v.secondary or v.others]
    if not victims:
        return Tally(None, None, False, False, "")
    dead = sum(v.n for v in victims if v.kind == "dead")
    hurt = sum(v.n for v in victims if v.kind == "hurt")
    shot_v = [v for v in victims if v.kind == "shot"]
    shot = sum(v.n for v in shot_v)
    others = any(v.others for v in victims if v.kind in ("hurt", "shot"))
    part = sum(v.n for v in victims if v.kind == "hurt" and v.partitive and not v.others)
    if shot and part and part <= shot and not others:
        hurt -= part  # "two men were shot and one was critically wounded": one of the two
    notes = []
    in_all = False  # a total ("a quadruple shooting") already counted those beyond the dead
    if named:
        # totals named again: "... a woman and a child, leaving police to discover the three
        # dead" (a floor for the dead), "a man was killed and his wife wounded in a double
        # shooting" (a floor for everyone)
        for t in totals:
            if (
                t.kind == "dead"
                and t.head.lemma_.lower() not in ("homicide", "murder", "killing", "slaying")
                and t.n > dead
            ):
                shot = max(0, shot - (t.n - dead))  # the ones shot are among the dead
                dead = t.n
                notes.append(f"in all {t.n} dead ('{t.text}')")
            elif t.n > dead + hurt + shot:
                if t.kind == "dead":
                    dead = t.n - hurt - shot
                else:
                    shot += t.n - (dead + hurt + shot)
                    others = True  # people beyond those named: not the dead again
                    in_all = True
                notes.append(f"in all {t.n} ('{t.text}')")
    # the shooter who killed himself is not among the people he shot
    victims_dead = sum(
        v.n for v in victims if v.kind == "dead" and v.head.lower_ not in ("himself", "herself")
    )
    if dead and not victims_dead:
        notes.append(SELF_ONLY)
    if (
        shot
        and victims_dead
        and shot > victims_dead
        and not hurt
        and not in_all
        and not any(v.others for v in shot_v)
    ):
        # "four men were shot and one was killed", "one is dead after a gunman opened fire,
        # shooting five people": the dead are among those shot
        shot -= victims_dead
        notes.append("the dead are among those shot")
    injured = hurt + shot
    why = ", ".join(f"{v.kind} {v.n} '{v.text}' ({v.pred})" for v in victims)
    hurt_v = [v for v in victims if v.kind in ("hurt", "shot")]
    if hurt_v and all(v.anaphoric for v in hurt_v):
        notes.append(NAMED_BEFORE)
    elif hurt_v and victims_dead and injured and "the dead are among those shot" not in notes:
        notes.append(APART)  # "a father was killed and his son was shot": two people
    if notes:
        why += "; " + "; ".join(notes)
    return Tally(
        dead if any(v.kind == "dead" for v in victims) else None,
        injured if hurt or shot_v or shot else None,  # "three died in a quadruple shooting": one hurt
        shot > 0 and hurt == 0,
        others,
        why,
    )


RUNNING = re.compile(
    r"\b(?:this year|so far|to date|year-to-date|last year|for the year|all of (?:19|20)\d\d|"
    r"(?:in|for|since|of) (?:19|20)\d\d|per (?:capita|100|1,000|10,000|100,000)|(?:19|20)\d\d total)\b",
    re.I,
)


def running_count(v: Victims) -> bool:
    """ "Last year in Chicago, 4,368 people were shot", "more than 700 people have been shot
    this year": a count over a year is no happening's toll (not "a man was shot Monday, the
    city's 50th homicide this year": few people, their own happening)."""
    return v.n >= 10 and RUNNING.search(v.head.sent.text) is not None


PAGE_COUNT = re.compile(r"\b(?:image|photo|slide|video|picture|page)s?\s*(?:\d+\s*(?:of|/)\s*)?$", re.I)


def background_figure(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """A figure that is no happening's toll: a rate ("19.3 deaths per 100,000 people") or a
    running count over a year ("the city's homicide total to 104 for 2016", "436 people were
    murdered this year") — the sentence tells a tally, not what happened."""
    after = text[end : end + 25].lower()
    if re.search(r"\bper\s*$", text[max(sent_start, start - 6) : start], re.I):
        return True  # "per 100,000 people"
    if PAGE_COUNT.search(text[max(sent_start, start - 20) : start]):
        return True  # "Image 6 of 12", "Photo 3/9": page furniture
    if re.match(r"\s*(?:%|percent|per\b|deaths per|homicides per|murders per)", after):
        return True
    return RUNNING.search(text[sent_start:sent_end]) is not None


COUNTED_THINGS = re.compile(r"(?:wound|injury|injuries|gunshot|shot|round|bullet|time)s?\W*$", re.I)


def no_hurt_count(text: str, start: int, end: int, victims: list[Victims]) -> bool:
    """An "injured" figure that counts no one hurt: wounds or shots ("recovering from two
    gunshot wounds", "hit three times"), or people the sentence reports dead ("four people
    were found shot to death")."""
    if COUNTED_THINGS.search(text[start:end]) or age_of_a_name(text, start, end):
        return True
    return any(v.kind == "dead" and start <= v.head.idx < end for v in victims)


def age_of_a_name(text: str, start: int, end: int) -> bool:
    """ "Monique Smith, 30; Justin Simms, 10": a bare number after a name is an age."""
    return (
        text[start:end].isdigit()
        and re.search(r"[A-Z][\w'.-]+,\s*$", text[max(0, start - 40) : start]) is not None
    )


SEVERAL = "a toll over several shootings, not one event's"
HAPPENINGS = frozenset({"shooting", "attack", "incident", "homicide", "killing", "murder"})
SPREAD = frozenset({"separate", "several", "multiple", "different", "unrelated", "various", "weekend"})


def several_happenings(sent: Any) -> bool:
    """A sentence counting victims over several happenings: "seven people were murdered in
    three separate shootings", "35 people have been shot in weekend shootings across the
    city", "two slain and 8 wounded in 6 separate shootings" (news roundups)."""
    for tok in sent:
        if tok.lemma_.lower() not in HAPPENINGS or tok.tag_ != "NNS":
            continue
        mods = [c for c in tok.children if c.dep_ in ("amod", "nummod", "compound")]
        if any(c.lower_ in SPREAD for c in mods):
            return True
        if any(c.like_num and (parse_number(c.text) or 0) > 1 for c in mods):
            return True
        if any(c.lower_ == "across" for c in tok.children) or any(
            c.lower_ == "across" for c in tok.head.children if tok.dep_ == "pobj"
        ):
            return True
    return False
