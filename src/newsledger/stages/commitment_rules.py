"""Cues and helpers of the commitments stage: modality, amendments, deadlines, party names.

All lexicons here are general English (modal verbs, verbs of promising and postponing), not
tuned to any story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import PlaceMention, Timex
from ..reconcile.geo import country_name

# auxiliaries / verbs that make a clause a promise or an obligation
MODALS = frozenset({"will", "shall", "must", "should", "would"})
PROMISE_VERBS = frozenset(
    [
        "pledge",
        "promise",
        "vow",
        "agree",
        "commit",
        "undertake",
        "oblige",
        "require",
        "order",
        "expect",
        "schedule",
        "plan",
        "guarantee",
        "assure",
        "intend",
        "demand",
    ]
)
PROMISE_PHRASES = (
    "is to ",
    "are to ",
    "was to ",
    "were to ",
    "has to ",
    "have to ",
    "had to ",
    "is due",
    "are due",
    "deadline",
    "no later than",
    "obliged to",
    "required to",
    "set to ",
    "scheduled to",
    "supposed to",
)
AMENDMENT_WORDS = {
    "postponed": frozenset(
        [
            "postpone",
            "postponement",
            "delay",
            "extend",
            "extension",
            "defer",
            "deferral",
            "reschedule",
            "prolong",
            "prolongation",
            "push",
        ]
    ),
    "advanced": frozenset(["advance", "expedite", "accelerate"]),
    "cancelled": frozenset(
        ["cancel", "cancellation", "scrap", "revoke", "annul", "abandon", "rescind", "drop"]
    ),
}
AMENDMENT_PHRASES = {
    "postponed": ("pushed back", "put off", "more time", "extra time", "additional time"),
    "advanced": ("brought forward", "moved up", "moved forward", "earlier than planned"),
    "cancelled": ("called off", "no longer"),
}
GRANT_VERBS = frozenset(["give", "grant", "offer", "allow", "accord"])
DEADLINE_CUES = re.compile(
    r"(?:\b(?:by|before|until|till|untill|no later than|not later than|deadline of|to)\s*$)", re.I
)
DEADLINE_MODS = frozenset({"BEFORE", "ON_OR_BEFORE"})
PARTY_LABELS = frozenset({"GPE", "NORP", "ORG"})


def is_deadline(t: Timex, text: str, sent_start: int) -> bool:
    """A calendar date introduced as a limit ('before/by/until X', TIMEX3 mod BEFORE)."""
    if t.type != "DATE" or not t.value or not t.value[:4].isdigit():
        return False
    if (t.mod or "") in DEADLINE_MODS:
        return True
    lead = text[max(sent_start, t.span.start - 20) : t.span.start]
    return bool(DEADLINE_CUES.search(lead)) or t.text.lower().startswith(("by ", "before ", "until "))


def amendment_of(lemmas: Sequence[str], text: str) -> str | None:
    """How a sentence (``text``, the lowercased lemmas of its tokens) changes a commitment."""
    low = text.lower()
    for kind in ("cancelled", "advanced", "postponed"):
        if any(p in low for p in AMENDMENT_PHRASES[kind]):
            return kind
        if not AMENDMENT_WORDS[kind].isdisjoint(lemmas):
            # "advance" as a military advance is not an amendment: needs a deadline-ish noun nearby
            if kind == "advanced" and "deadline" not in low and "date" not in low:
                continue
            return kind
    return None


def is_promise(tokens: Sequence[Any], text: str) -> bool:
    low = f" {text.lower()} "
    if any(p in low for p in PROMISE_PHRASES):
        return True
    for t in tokens:
        lem = t.lemma_.lower()
        if t.tag_ == "MD" and lem in MODALS:
            return True
        if lem in PROMISE_VERBS and t.pos_ in ("VERB", "NOUN"):
            return True
    return False


def token_in(spans: Iterable[tuple[int, int]], tok: Any) -> bool:
    return any(s <= tok.idx < e for s, e in spans)


def party_name(tok: Any, places: Sequence[PlaceMention], ents: Sequence[Any]) -> str | None:
    """The name of the party a token stands for: a country, a capital's country, a group."""
    for p in places:
        if p.span.start <= tok.idx < p.span.end:
            if p.feature == "country":
                return p.name
            if p.feature == "city":  # metonymy: a capital speaking stands for its government
                return country_name(p.country) or p.name
            return p.name
    for e in ents:
        if e.start_char <= tok.idx < e.end_char and e.label_ in PARTY_LABELS | {"PERSON"}:
            return str(e.text)
    if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ not in ("compound",):
        words = [t for t in tok.subtree if t.dep_ not in ("punct",) and t.i <= tok.i]
        return " ".join(t.text for t in words) or tok.text
    return None


def phrase_head(tokens: Sequence[Any], start: int, end: int) -> Any | None:
    """The syntactic head of the tokens inside [start, end)."""
    inside = [t for t in tokens if start <= t.idx < end]
    if not inside:
        return None
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else inside[0]
