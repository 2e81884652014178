"""ACLED typing of one event candidate from its triggers and arguments.

* violence: the means decide first (suicide > chemical > air > IED/landmine > grenade >
  shelling > other explosions); then who did it to whom (protesters → violent demonstration,
  a mob → mob violence, fighting or an armed target → armed clash, otherwise an attack on
  civilians, or a violent crime when no armed or political actor is involved).
* protests: violence by protesters → violent demonstration; lethal force by police or troops →
  excessive force; dispersal, tear gas, arrests → protest with intervention; else peaceful.
* territory: a transfer without fighting → non-violent transfer; a capture → government
  regains territory or non-state actor overtakes territory by who took it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .actors import NON_STATE, STATE, classify, roles
from .candidate import (
    GENERIC_EXPLOSIVE,
    MEANS,
    PROTEST,
    SIMPLE,
    VIOLENT,
    Candidate,
    cue_present,
    depth,
    is_cause,
)
from .lexicon import Lexicon
from .triggers import Trigger


def type_candidate(
    c: Candidate, sent: Any, window: Sequence[Any], lex: Lexicon, conflict: str | None
) -> Candidate | None:
    frames = {t.frame for t in c.triggers}
    if c.family == "violence":
        return _type_violence(c, frames, window, lex, conflict)
    if c.family == "protest":
        return _type_protest(c, frames, window, lex)
    if c.family == "territory":
        return _type_territory(c, frames, sent, lex)
    if c.family == "mob" and not any(t.frame == "mob" for t in c.triggers):
        return None
    c.sub_event_type = SIMPLE.get(c.family, "Other")
    c.rule = f"{c.family}: {c.head.rule}"
    return c


def _means(c: Candidate) -> Trigger | None:
    by = {m: [t for t in c.triggers if t.frame == m] for m in MEANS}
    specific = [t for t in by["explosive"] if t.phrase not in GENERIC_EXPLOSIVE]
    for group in (
        by["suicide"],
        by["chemical"],
        by["air"],
        specific,
        by["grenade"],
        by["artillery"],
        by["explosive"],
    ):
        if group:
            return group[0]
    return None


VEHICLES = frozenset(
    {"aircraft", "helicopter", "jet/N", "bomber/N", "warplane", "war plane", "fighter jet", "air force", "chopper",
     "gunship", "fighter plane", "military plane", "military aircraft", "helicopter gunship"}
)  # fmt: skip
ACTIONS = frozenset({"attack", "harm", "clash", "weapon_seize", "disrupt"})
SUB_OF_MEANS = {
    "suicide": "Suicide bomb",
    "chemical": "Chemical weapon",
    "air": "Air/drone strike",
    "artillery": "Shelling/artillery/missile attack",
    "grenade": "Grenade",
    "explosive": "Remote explosive/landmine/IED",
}


def _type_violence(
    c: Candidate, frames: set[str], window: Sequence[Any], lex: Lexicon, conflict: str | None
) -> Candidate | None:
    means = _means(c)
    only_generic = frames <= {"explosive", "harm", "chemical"} and all(
        t.phrase in GENERIC_EXPLOSIVE for t in c.triggers if t.frame == "explosive"
    )
    found = lex.cue("industrial_cues").find(list(c.head.token.sent))
    # "gas" alone is the weapon in "chlorine gas"; a leak, a plant, a reservoir is industry
    industrial = next((m.phrase.text for m in found if m.phrase.text != "gas"), None)
    if means is not None and means.frame == "chemical" and "attack" in frames:
        industrial = None  # "chlorine gas attack": the gas is the weapon, not a leak
    if means is not None and only_generic and industrial and not conflict:
        c.main = means
        c.sub_event_type, c.rule = (
            "Man-made disaster",
            f"explosion with industrial cue '{industrial}', no armed actor",
        )
        return c
    if (
        means is not None
        and means.phrase in VEHICLES
        and not frames & ACTIONS
        and len([t for t in c.triggers if t.frame in MEANS])
        == len([t for t in c.triggers if t.phrase in VEHICLES])
    ):
        return None  # an aircraft or a helicopter mentioned, nothing done with it
    if means is not None:
        c.main = means if means.frame != "explosive" or c.head.frame in ("harm",) else c.head
        c.sub_event_type = SUB_OF_MEANS[means.frame]
        c.rule = f"violence with means {means.frame}: '{means.text}'"
        return c
    if all("(weak" in t.rule for t in c.triggers):
        return None  # a raid or a strike on its own: no violence said
    agents = [a for a in c.agents if a.category != "unknown"]
    patients = c.patients
    if any(a.category == "protesters" for a in agents):
        c.sub_event_type, c.rule = "Violent demonstration", "violence by protesters"
        return c
    if any(a.category == "rioters" for a in agents):
        c.sub_event_type, c.rule = "Mob violence", "violence by a mob"
        return c
    if "clash" in frames:
        c.main = next(t for t in c.triggers if t.frame == "clash")
        c.sub_event_type, c.rule = "Armed clash", f"clash trigger '{c.main.text}'"
        return c
    bases = lex.word_set("base_nouns")
    base_target = any(p.head.lemma_.lower() in bases for p in patients) or any(
        k.dep_ in ("dobj", "nsubjpass") and k.lemma_.lower() in bases
        for t in c.triggers
        for k in t.token.children
    )
    if (any(p.armed for p in patients) or base_target) and (not agents or any(a.armed for a in agents)):
        c.sub_event_type, c.rule = "Armed clash", "violence against an armed actor"
        return c
    armed_agent = any(a.armed for a in agents)
    crime = cue_present(lex, "crime_actor_cues", window)
    if not conflict and not armed_agent:
        c.sub_event_type = "Violent crime"
        c.rule = "violence without armed or political actor" + (f" (crime cue '{crime}')" if crime else "")
        return c
    c.sub_event_type = "Attack"
    c.rule = "violence against civilians or unspecified targets" + (f" by {agents[0].name}" if agents else "")
    return c


def _force_present(tokens: Sequence[Any], lex: Lexicon) -> bool:
    return any(
        lex.actor_nouns.get(t.lemma_.lower()) in ("police", "military")
        or lex.actor_nouns.get(t.lower_) in ("police", "military")
        for t in tokens
    )


def _type_protest(c: Candidate, frames: set[str], window: Sequence[Any], lex: Lexicon) -> Candidate:
    sent = list(window)
    violent = cue_present(lex, "protester_violence_cues", sent)
    lethal = cue_present(lex, "lethal_cues", sent, skip_causes=True)
    if lethal and not (lethal.startswith("live") or _force_present(sent, lex)):
        lethal = None  # deaths mentioned, but nobody using force against the protest
    inter = cue_present(lex, "intervention_cues", sent, skip_causes=True)
    if "riot" in frames or "mob" in frames:
        c.sub_event_type, c.rule = "Violent demonstration", "protest with rioting"
    elif violent:
        c.sub_event_type, c.rule = "Violent demonstration", f"protest with violence by protesters '{violent}'"
    elif lethal:
        c.sub_event_type, c.rule = (
            "Excessive force against protesters",
            f"protest with lethal force '{lethal}'",
        )
    elif inter or any(t.frame == "arrest" and not is_cause(t.token) for t in c.triggers):
        c.sub_event_type, c.rule = (
            "Protest with intervention",
            f"protest with intervention '{inter or 'arrest'}'",
        )
    else:
        c.sub_event_type, c.rule = "Peaceful protest", "protest without intervention or violence"
    protest = [t for t in c.triggers if t.frame in PROTEST]
    if protest:
        c.main = min(protest, key=lambda t: (depth(t.token), t.start))
    # protesters are actor1, whoever intervenes (police, army) actor2
    people = [classify(t.token, lex) for t in protest]
    people += [a for a in c.agents + c.patients]
    demo = [a for a in people if a is not None and a.category in ("protesters", "rioters")]
    force = [a for a in c.agents + c.patients if a.category in ("police", "military")]
    if not force and c.sub_event_type != "Peaceful protest":
        for t in c.head.token.sent:
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj"):
                a = classify(t, lex)
                if a is not None and a.category in ("police", "military"):
                    force.append(a)
                    break
    if not force:
        for t in c.triggers:
            if t.frame not in PROTEST:
                r = roles(t.token)
                force += [
                    a
                    for a in (classify(x, lex) for x in r.agents)
                    if a and a.category in ("police", "military")
                ]
    if demo or force:
        c.agents = demo[:1] or [a for a in c.agents if a not in force][:1]
        c.patients = force[:1]
    return c


EXPULSION = frozenset({"push", "drive", "expel", "oust", "dislodge", "flush", "chase", "clear", "purge"})


def _type_territory(c: Candidate, frames: set[str], sent: Any, lex: Lexicon) -> Candidate:
    violent = frames & (VIOLENT - {"harm"})
    if frames & {"transfer", "enter"} and not violent:
        c.main = next(t for t in c.triggers if t.frame in ("transfer", "enter", "capture"))
        c.sub_event_type = "Non-violent transfer of territory"
        c.rule = f"transfer without fighting: '{c.main.text}'"
        return c
    cap = [t for t in c.triggers if t.frame == "capture"] or [c.head]
    c.main = cap[0]
    agents = [a for a in c.agents if a.category != "unknown"] or c.agents
    state = any(a.category in STATE | {"country"} for a in agents)
    nonstate = any(a.category in NON_STATE for a in agents)
    if not agents and c.main.token.lemma_.lower() in EXPULSION and c.patients:
        # "the militants were pushed back / driven out": whoever lost the ground is the patient
        lost_state = any(a.category in STATE for a in c.patients)
        lost_nonstate = any(a.category in NON_STATE for a in c.patients)
        state, nonstate = lost_nonstate and not lost_state, lost_state and not lost_nonstate
    if not state and not nonstate:
        words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        state = bool(words & lex.word_set("state_force_words"))
        nonstate = bool(words & lex.word_set("non_state_words")) and not state
    if nonstate and not state:
        c.sub_event_type, c.rule = (
            "Non-state actor overtakes territory",
            f"'{c.main.text}' by a non-state actor",
        )
    elif state:
        c.sub_event_type, c.rule = "Government regains territory", f"'{c.main.text}' by state forces"
    else:
        c.sub_event_type, c.rule = (
            "Non-state actor overtakes territory",
            f"'{c.main.text}', actor not a state force",
        )
    return c
