"""Kinds of promised action, and which events can fulfil each (a general lexicon, not per-story).

A commitment's action ("return", "withdraw troops", "hand over") is reduced to a *family*; two
mentions of one commitment must share a family, and an event fulfils a commitment of a family
when its ACLED sub-event type is one the family lists or its trigger is one of the family's verbs.
"""

from __future__ import annotations

from types import MappingProxyType

from .text import stem

# family -> verbs and nouns (lemmas) that express it
FAMILY_WORDS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "territory": frozenset(
            [
                "return",
                "hand",
                "handover",
                "transfer",
                "withdraw",
                "withdrawal",
                "cede",
                "vacate",
                "evacuate",
                "relinquish",
                "surrender",
                "leave",
                "pull",
                "pullout",
                "retreat",
                "restore",
            ]
        ),
        "prisoners": frozenset(["release", "free", "exchange", "swap", "repatriate"]),
        "deployment": frozenset(["deploy", "deployment", "send", "station", "dispatch"]),
        "ceasefire": frozenset(["ceasefire", "truce", "halt", "stop", "cease", "end"]),
        "election": frozenset(["election", "vote", "poll", "referendum"]),
        "payment": frozenset(["pay", "payment", "compensate", "compensation", "fund", "disburse"]),
        "reopening": frozenset(["open", "reopen", "reopening", "unblock", "resume"]),
        "closure": frozenset(["close", "closure", "shut", "ban", "block", "suspend"]),
        "sanction": frozenset(["sanction", "lift", "impose"]),
        "construction": frozenset(["build", "construct", "rebuild", "repair"]),
    }
)

# family -> ACLED sub-event types of events that can carry it out
FAMILY_SUBTYPES: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "territory": frozenset(
            {
                "Non-violent transfer of territory",
                "Government regains territory",
                "Non-state actor overtakes territory",
            }
        ),
        "deployment": frozenset({"Headquarters or base established"}),
        "ceasefire": frozenset({"Agreement"}),
        "prisoners": frozenset({"Agreement"}),
    }
)

_STEMMED = MappingProxyType({fam: frozenset(stem(w) for w in words) for fam, words in FAMILY_WORDS.items()})


def family(action: str | None) -> str:
    """The family of an action phrase ('withdraw troops' → 'territory'); else the phrase's first stem."""
    words = [stem(w) for w in (action or "").replace("-", " ").split()]
    for w in words:
        for fam, stems in _STEMMED.items():
            if w in stems:
                return fam
    return words[0] if words else ""


def fulfils(fam: str, sub_event_type: str | None, trigger: str | None) -> bool:
    """Can an event of this sub-type / trigger carry out an action of family ``fam``?"""
    if sub_event_type and sub_event_type in FAMILY_SUBTYPES.get(fam, frozenset()):
        return True
    trig = [stem(w) for w in (trigger or "").split()]
    stems = _STEMMED.get(fam, frozenset({fam}))
    return any(t in stems for t in trig)


def act_keys(sub_event_type: str | None, trigger: str | None) -> tuple[str, ...]:
    """What an event mention can carry out, as index keys: :func:`fulfils` ``(fam, s, t)`` holds
    exactly when ``act_keys(s, t)`` shares a key with :func:`fulfil_keys` ``(fam)`` (lets a store
    find the events that may fulfil a commitment without reading every event)."""
    keys = [f"stem:{stem(w)}" for w in (trigger or "").split()]
    if sub_event_type:
        keys.append(f"sub:{sub_event_type}")
    return tuple(dict.fromkeys(keys))


def fulfil_keys(fam: str) -> frozenset[str]:
    """The :func:`act_keys` of events that can carry out an action of family ``fam``."""
    subs = {f"sub:{s}" for s in FAMILY_SUBTYPES.get(fam, frozenset())}
    return frozenset(subs | {f"stem:{s}" for s in _STEMMED.get(fam, frozenset({fam}))})
