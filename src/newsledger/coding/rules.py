"""From the triggers of one sentence to typed event candidates (the ACLED coding rules).

1. Triggers are grouped into families (violence, protest, territory, ...).
2. Families absorb what belongs to them: a protest absorbs the violence around it (it decides
   between peaceful / intervention / excessive force / violent demonstration), a mob absorbs
   killings, a disaster absorbs deaths and generic blasts when there is no weapon or armed
   actor, a candidate absorbs triggers inside its own subtree ("signed an agreement to end the
   fighting" is an agreement).
3. Each remaining family is typed from its trigger and arguments (see ``type_*``), most
   dominant (closest to the root of the parse) first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .actors import NON_STATE, STATE, Actor, classify, roles
from .lexicon import Country, Lexicon
from .triggers import Trigger

MEANS = ("suicide", "chemical", "air", "artillery", "grenade", "explosive")
VIOLENT = frozenset({*MEANS, "attack", "harm", "clash"})
PROTEST = frozenset({"protest", "riot"})
TERRITORY = frozenset({"capture", "transfer", "enter"})
DISASTER = frozenset({"nat_disaster", "man_disaster"})
WEAK = frozenset({"change", "diplomacy", "nat_disaster", "man_disaster", "crime"})
GENERIC_EXPLOSIVE = frozenset(
    {"blast", "explosion", "explode", "detonate", "detonation", "bomb/N", "bombing", "go off", "went off"}
)
FAMILY_OF = (
    {f: "violence" for f in VIOLENT} | {f: "protest" for f in PROTEST} | {f: "territory" for f in TERRITORY}
)
FAMILY_OF |= {"weapon_seize": "disrupt", "disrupt": "disrupt"}
SIMPLE = {
    "mob": "Mob violence",
    "loot": "Looting/property destruction",
    "abduct": "Abduction/forced disappearance",
    "sexual": "Sexual violence",
    "arrest": "Arrests",
    "disrupt": "Disrupted weapons use",
    "agreement": "Agreement",
    "hq": "Headquarters or base established",
    "change": "Change to group/activity",
    "nat_disaster": "Natural disaster",
    "man_disaster": "Man-made disaster",
    "crime": "Organised crime",
    "diplomacy": "Diplomatic event",
    "attribution": "Attribution of responsibility",
}


@dataclass
class Candidate:
    family: str
    triggers: list[Trigger]
    sub_event_type: str = ""
    rule: str = ""
    main: Trigger | None = None
    agents: list[Actor] = field(default_factory=list)
    patients: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)

    @property
    def head(self) -> Trigger:
        assert self.main is not None
        return self.main


def depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def in_subtree(tok: Any, root: Any) -> bool:
    t = tok
    for _ in range(50):
        if t.i == root.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


BACKGROUND_HEADS = frozenset(
    {"end", "halt", "stop", "cease", "despite", "amid", "without", "prevent", "avoid"}
)


def _background(tok: Any) -> bool:
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in BACKGROUND_HEADS:
            return True
    return False


def _subject(tok: Any) -> Any | None:
    t = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for c in t.children:
        if c.dep_ in ("nsubj", "agent"):
            return c
    return None


def _same_happening(a: Any, b: Any) -> bool:
    """Violence trigger ``a`` and territory trigger ``b`` tell of one happening."""
    linked = in_subtree(a, b) or in_subtree(b, a) or a.i in {c.i for c in b.conjuncts}
    if not linked:
        return False
    sa, sb = _subject(a), _subject(b)
    return sa is None or sb is None or sa.i == sb.i or in_subtree(sa, sb) or in_subtree(sb, sa)


def cue_present(lex: Lexicon, name: str, tokens: Sequence[Any], skip_causes: bool = False) -> str | None:
    found = lex.cue(name).find(tokens)
    if skip_causes and tokens:
        doc = tokens[0].doc
        found = [m for m in found if not _is_cause(doc[m.start])]
    return found[0].phrase.text if found else None


CAUSE_PREPS = frozenset(
    {"over", "against", "for", "about", "following", "after", "demanding", "mourn", "decry", "condemn"}
)


def _is_cause(tok: Any) -> bool:
    """The cue sits in what a protest is about ("protest over the deadly shooting")."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in CAUSE_PREPS:
            return True
    return False


def _actors(
    trig: Trigger, lex: Lexicon, country: Country | None
) -> tuple[list[Actor], list[Actor], list[Actor]]:
    r = roles(trig.token)
    cls = lambda xs: [a for a in (classify(x, lex, country) for x in xs) if a is not None]  # noqa: E731
    return cls(r.agents), cls(r.patients), cls(r.recipients)


def build_candidates(
    triggers: list[Trigger], sent: Any, window: Sequence[Any], lex: Lexicon, country: Country | None = None
) -> list[Candidate]:
    """Typed candidates for one sentence; ``window`` are the tokens used for context cues."""
    # violence mentioned as background ("to end the fighting", "entered without fighting",
    # "despite the clashes") is not this sentence's event
    triggers = [t for t in triggers if not (FAMILY_OF.get(t.frame) == "violence" and _background(t.token))]
    fams: dict[str, list[Trigger]] = {}
    for t in triggers:
        fams.setdefault(FAMILY_OF.get(t.frame, t.frame), []).append(t)
    {t.frame for t in triggers}
    strong_violence = bool(
        {t.frame for t in triggers if "(weak)" not in t.rule} & (VIOLENT - {"harm", "explosive"})
    ) or any(t.frame == "explosive" and t.phrase not in GENERIC_EXPLOSIVE for t in triggers)
    conflict = cue_present(lex, "conflict_cues", window)
    # family absorption
    if "protest" in fams:
        for f in ("violence", "loot", "arrest", "mob"):
            fams["protest"].extend(fams.pop(f, []))
    if "mob" in fams:
        for f in ("violence", "loot"):
            fams["mob"].extend(fams.pop(f, []))
    for dis in ("nat_disaster", "man_disaster"):
        if dis in fams:
            industrial = cue_present(lex, "industrial_cues", list(sent))
            if strong_violence or (conflict and not industrial and dis == "man_disaster"):
                fams.pop(dis)
            elif "violence" in fams:
                fams[dis].extend(fams.pop("violence"))
    if "crime" in fams:
        if conflict or strong_violence:
            fams.pop("crime")
        else:
            fams["crime"].extend(fams.pop("arrest", []))
    if "territory" in fams and "violence" in fams:
        # "attacked and occupied", "recaptured the town after clashes": one happening;
        # "air strikes hit X as rebels captured Y": two
        main = min(fams["territory"], key=lambda t: (depth(t.token), t.start)).token
        same = [t for t in fams["violence"] if _same_happening(t.token, main)]
        fams["territory"].extend(same)
        fams["violence"] = [t for t in fams["violence"] if t not in same]
        if not fams["violence"]:
            fams.pop("violence")
    if "disrupt" in fams and "violence" in fams:
        means = [t for t in fams["violence"] if t.frame in MEANS and t.frame != "explosive"]
        if means and all(t.token.lemma_.lower() in ("destroy", "damage", "hit") for t in fams["disrupt"]):
            fams["violence"].extend(fams.pop("disrupt"))  # "warplanes destroyed an arms depot"
    cands = []
    for fam, trigs in fams.items():
        own = [t for t in trigs if FAMILY_OF.get(t.frame, t.frame) == fam] or trigs
        main = min(own, key=lambda t: (depth(t.token), t.start))
        cands.append(Candidate(fam, trigs, main=main))
    # structural absorption: a candidate inside another's subtree is its argument
    cands.sort(key=lambda c: (depth(c.head.token), c.head.start))
    kept: list[Candidate] = []
    for c in cands:
        host = next(
            (k for k in kept if in_subtree(c.head.token, k.head.token) and k.family not in WEAK), None
        )
        if host is not None and c.family not in ("attribution",):
            if c.family == "violence" and host.family in ("agreement", "arrest", "diplomacy"):
                continue
            if c.family in WEAK or host.family in ("agreement", "arrest"):
                continue
        kept.append(c)
    if any(c.family in DISASTER for c in kept):
        kept = [c for c in kept if c.family != "change"]  # troops mobilised to help after a flood
    if any(c.family not in WEAK for c in kept):
        kept = [c for c in kept if c.family not in WEAK - DISASTER - {"crime"}]
    out = []
    for c in kept:
        c.agents, c.patients, c.recipients = _actors(c.head, lex, country)
        if c.family in ("violence", "territory"):
            main_agents = bool(c.agents)
            for t in c.triggers:
                if t is c.head:
                    continue
                ag, pa, _ = _actors(t, lex, country)
                if not main_agents:
                    c.agents += [a for a in ag if a.name not in {x.name for x in c.agents}]
                c.patients += [a for a in pa if a.name not in {x.name for x in c.patients}]
        typed = type_candidate(c, sent, window, lex, conflict)
        if typed is not None:
            out.append(typed)
    return out


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
    industrial = cue_present(lex, "industrial_cues", list(c.head.token.sent))
    if (
        means is not None
        and means.frame == "chemical"
        and (industrial in ("gas", None) or "attack" in frames)
    ):
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
    elif inter or "arrest" in frames:
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
