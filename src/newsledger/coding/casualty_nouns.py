"""Casualty nouns: "the death of X", "a double homicide", "a fatal shooting", "in critical
condition", "with gunshot wounds", "suffering from wounds" — the noun predicates of
:mod:`.victims` and who they count.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from .people import NOT_PEOPLE_ENTS, count_people, personish
from .victim_cues import FATAL_MODS, has_mod, one_fatal, subjects

SUFFER = frozenset({"suffer", "sustain", "receive", "sustained", "battle", "nurse"})
WOUND_NOUNS = frozenset({"wound", "injury", "gunshot", "graze"})
FATAL_NOUNS = frozenset({"death", "killing", "murder", "slaying", "homicide", "execution"})
SHOT_NOUNS = frozenset({"shooting"})
CONDITIONS = frozenset({"critical", "serious", "stable", "fair", "grave", "satisfactory",
                        "guarded", "good", "unknown"})  # fmt: skip
HOSPITAL_STAYS = frozenset({"be", "remain", "stay", "lie", "recover", "recuperate"})
MULTIPLES = MappingProxyType({"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "sextuple": 6})


def noun_predicate(tok: Any) -> list[tuple[list[Any], str, str]]:
    """(victim heads, kind, predicate) for a casualty noun; empty if it is none."""
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    if pos in ("NOUN", "PROPN"):
        if lemma == "suicide" and any(c.lower_ in ("murder", "homicide") for c in tok.children):
            # "a murder-suicide": at least one killed and the killer; "a triple murder-suicide": 3 + 1
            if any(c.lower_ in ("attempted", "attempt", "no") for c in tok.children):
                return []
            mult = [MULTIPLES[c.lower_] for c in tok.children if c.lower_ in MULTIPLES]
            return [([tok], f"dead:{(mult[0] if mult else 1) + 1}", tok.text)]
        if lemma in FATAL_NOUNS or lemma in SHOT_NOUNS:
            fatal = lemma in FATAL_NOUNS or has_mod(tok, FATAL_MODS, ("amod", "compound"))
            if lemma == "shooting" and tok.dep_ == "compound" and tok.head.lemma_.lower() in FATAL_NOUNS:
                return []  # "the shooting death of": the death counts
            heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"]  # fmt: skip
            heads += [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            out: list[tuple[list[Any], str, str]] = [(heads, "dead" if fatal else "shot", tok.text)]
            mult = [MULTIPLES[c.lower_] for c in tok.children if c.lower_ in MULTIPLES]
            if mult and not heads:
                out = [([tok], f"{'dead' if fatal else 'shot'}:{mult[0]}", tok.text)]  # "a double homicide"
            elif fatal and not heads and one_fatal(tok):
                out = [([tok], "dead:1", tok.text)]  # "a fatal shooting", "the killing": at least one dead
            return out
        if lemma == "condition" and has_mod(tok, CONDITIONS, ("amod", "compound")) and tok.dep_ == "pobj":
            verb = tok.head.head
            return [(subjects(verb) if verb.pos_ in ("VERB", "AUX") else [verb], "hurt~", "condition")]
        if lemma == "hospital" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            # "four people dead and one in the hospital", "the boy remained in the hospital"
            holder = tok.head.head
            if holder.pos_ in ("VERB", "AUX"):
                stays = holder.lemma_.lower() in HOSPITAL_STAYS
                return [(subjects(holder), "hurt~", "in the hospital")] if stays else []
            return [([holder], "hurt~", "in the hospital")]
        if lemma in WOUND_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "with":
            return [(bearer(tok.head), "shot~", tok.text)]
        sufferer = tok.head.head
        if (
            lemma in WOUND_NOUNS
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "from"
            and sufferer.lemma_.lower() in SUFFER | {"suffering"}
            and sufferer.pos_ != "VERB"
            and sufferer.dep_ in ("conj", "acl", "appos", "amod")
        ):
            return [([sufferer.head], "shot~", tok.text)]  # "found three adults ... suffering from wounds"
    return []


def bearer(prep: Any) -> list[Any]:
    """Who has the wound in "... with gunshot wounds": the person the phrase hangs from, or the
    clause's object or subject ("found one man ... with a gunshot wound")."""
    t = prep.head
    for _ in range(4):
        if (
            t.pos_ in ("NOUN", "PROPN", "PRON")
            and personish(t)
            and count_people(t)
            and t.ent_type_ not in NOT_PEOPLE_ENTS
            and t.dep_ != "pobj"
        ):
            return [t]  # "a man with a gunshot wound"
        if t.pos_ in ("VERB", "AUX"):
            objs = [c for c in t.children if c.dep_ == "dobj"]
            return objs or subjects(t)
        if t.head.i == t.i:
            break
        t = t.head
    return []
