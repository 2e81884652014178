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
from typing import Any

from .acled import type_candidate
from .actors import Actor, classify, roles
from .candidate import (
    DISASTER,
    FAMILY_OF,
    GENERIC_EXPLOSIVE,
    MEANS,
    VIOLENT,
    WEAK,
    Candidate,
    cue_present,
    depth,
    in_subtree,
)
from .lexicon import Country, Lexicon
from .toll import tally
from .triggers import Trigger
from .victims import victims_in

__all__ = ["Candidate", "build_candidates"]


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


DIPLOMATIC_ACTS = frozenset(
    {"expel", "expulsion", "sanction", "summon", "recognize", "recognise", "veto", "embargo"}
)


REASON_WORDS = frozenset(
    {"for", "over", "due", "charge", "organise", "organize", "relate", "participate", "part"}
)


def _reason(tok: Any, host: Any) -> bool:
    """``tok`` sits in the reason given for ``host`` ("arrested for organising a protest")."""
    t = tok
    while t.i != host.i and t.head.i != t.i:
        if t.lemma_.lower() in REASON_WORDS:
            return True
        t = t.head
    return False


def _via_subject(tok: Any, host: Any) -> bool:
    """``tok`` hangs from ``host`` through an active subject ("jets destroyed the depots")."""
    t = tok
    while t.i != host.i and t.head.i != t.i:
        if t.dep_ in ("nsubj", "agent"):
            return True
        t = t.head
    return False


def _tolled(tok: Any) -> bool:
    """A violent trigger whose own phrase tells who was killed or hurt ("the shooting that
    left one dead", "the killing of two men")."""
    t = tally(victims_in(sorted(tok.subtree, key=lambda x: x.i)))
    return bool(t.dead or t.injured)


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
        # "arrested an activist for organising a protest": the arrest is the event
        protest_toks = [t.token for t in fams["protest"]]
        ruling = [
            t
            for t in fams.get("arrest", [])
            if all(in_subtree(p, t.token) and _reason(p, t.token) for p in protest_toks)
        ]
        for f in ("violence", "loot", "arrest", "mob"):
            fams["protest"].extend(t for t in fams.pop(f, []) if t not in ruling)
        if ruling:
            fams["arrest"] = ruling
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
    if "disrupt" in fams and "violence" in fams and not any(t.frame == "harm" for t in fams["violence"]):
        # "sappers defused hundreds of landmines", "IEDs were found": the weapons are the objects
        hosts = [t.token for t in fams["disrupt"]]
        objs = [
            t
            for t in fams["violence"]
            if t.frame in MEANS
            and any(in_subtree(t.token, h) and not _via_subject(t.token, h) for h in hosts)
        ]
        fams["disrupt"].extend(objs)
        fams["violence"] = [t for t in fams["violence"] if t not in objs]
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
            # "arrested in connection with the shooting that left one dead and four injured":
            # the happening the arrest is about, with its toll, is an event too
            tolled = c.family == "violence" and host.family == "arrest" and _tolled(c.head.token)
            if c.family == "violence" and host.family in ("agreement", "arrest", "diplomacy") and not tolled:
                continue
            if c.family in WEAK or (host.family in ("agreement", "arrest") and not tolled):
                continue
        kept.append(c)
    if any(c.family in DISASTER for c in kept):
        kept = [c for c in kept if c.family != "change"]  # troops mobilised to help after a flood
    if any(c.family not in WEAK for c in kept):
        # a diplomatic act in the main clause stays the sentence's first event ("diplomats were
        # expelled after a nerve agent attack"); other weak candidates give way
        top = kept[0] if kept else None
        main_diplo = (
            top is not None
            and top.family == "diplomacy"
            and top.head.token.lemma_.lower() in DIPLOMATIC_ACTS
            and top.head.token.dep_ == "ROOT"
            and all(in_subtree(c.head.token, top.head.token) for c in kept[1:])
        )
        kept = [c for c in kept if c.family not in WEAK - DISASTER - {"crime"} or (main_diplo and c is top)]
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
