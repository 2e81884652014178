"""Event candidates: the trigger families and the small helpers the coding rules share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .actors import Actor
from .lexicon import Lexicon
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


def cue_present(lex: Lexicon, name: str, tokens: Sequence[Any], skip_causes: bool = False) -> str | None:
    found = lex.cue(name).find(tokens)
    if skip_causes and tokens:
        doc = tokens[0].doc
        found = [m for m in found if not is_cause(doc[m.start])]
    return found[0].phrase.text if found else None


CAUSE_PREPS = frozenset(
    {"over", "against", "for", "about", "following", "after", "demanding", "mourn", "decry", "condemn"}
)


def is_cause(tok: Any) -> bool:
    """The cue sits in what a protest is about ("protest over the deadly shooting")."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in CAUSE_PREPS:
            return True
    return False
