"""A sentence's toll from its victim phrases (:mod:`.victims`): dead and injured, explained.

Distinct victims are summed; "a double shooting" counts only when no victim is named; people
"taken to a hospital" or "in critical condition" are some of those shot when the sentence
names them as shot or wounded; people shot who are not reported dead are injured, and "four
were shot and one was killed" gives 1 dead and 3 injured.
"""

from __future__ import annotations

from dataclasses import dataclass

from .victims import Victims


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
        totals = [max((v for v in totals if v.kind == k), key=lambda v: v.n) for k in {v.kind for v in totals}]
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
    notes = []
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
                notes.append(f"in all {t.n} ('{t.text}')")
    if shot and dead and shot > dead and not hurt and not any(v.others for v in shot_v):
        # "four men were shot and one was killed", "one is dead after a gunman opened fire,
        # shooting five people": the dead are among those shot
        shot -= dead
        notes.append("the dead are among those shot")
    injured = hurt + shot
    why = ", ".join(f"{v.kind} {v.n} '{v.text}' ({v.pred})" for v in victims)
    if notes:
        why += "; " + "; ".join(notes)
    return Tally(
        dead if any(v.kind == "dead" for v in victims) else None,
        injured if hurt or shot_v else None,
        shot > 0 and hurt == 0,
        others,
        why,
    )
