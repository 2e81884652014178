"""Status of an event from tense, modality and negation around its trigger.

* ``planned``: future or obligation ("will be returned", "are to be deployed", "should carry
  out", "plans to", "agreed to withdraw"), or a deadline ahead of the report ("before ...").
* ``threatened``: under "threaten", "vow", "warn".
* ``denied``: negated ("did not attack", "no ... were killed") or under "deny", "reject".
* ``claimed_false``: under "false", "fake", "fabricated", "baseless" claims.
* ``hypothetical``: conditional ("if", "unless") or "could", "might", "may".
* ``occurred`` otherwise.
"""

from __future__ import annotations

from typing import Any

PLAN_HEADS = frozenset(
    {"plan", "intend", "expect", "aim", "agree", "schedule", "prepare", "want", "seek", "decide",
     "promise", "pledge", "commit", "set", "propose", "call", "demand", "urge", "order", "hope", "mean",
     "need", "have", "go"}
)  # fmt: skip
THREAT_HEADS = frozenset({"threaten", "vow", "warn"})
DENY_HEADS = frozenset({"deny", "reject", "refute", "dismiss", "rebut"})
FALSE_WORDS = frozenset({"false", "fake", "fabricated", "baseless", "untrue", "hoax", "disinformation"})
HYPO_MODALS = frozenset({"could", "might", "may"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "should", "must", "wo", "would"})


def _chain(tok: Any, depth: int = 4) -> list[Any]:
    """The token and its governing verbs up to ``depth`` steps towards the root."""
    out = [tok]
    t = tok
    for _ in range(depth):
        if t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    return out


CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj", "pcomp"})


def _clause_chain(tok: Any) -> list[Any]:
    """The trigger and its governors within its own clause (through xcomp/conj, not into the
    clause that a relative or adverbial clause hangs from: "charges will be filed against a
    boy who shot his friend" does not make the shooting planned)."""
    out = [tok]
    t = tok
    for _ in range(6):
        if t.head.i == t.i or t.dep_ in CLAUSE_EDGES:
            break
        t = t.head
        out.append(t)
    return out


def _describes(verb: Any, trigger: Any) -> bool:
    """Whether ``verb`` is a copula describing the trigger, its subject ("the shooting was not
    random", "his injuries are not life-threatening"): a negation there denies the description,
    not the happening."""
    return (
        verb is not trigger
        and trigger.head.i == verb.i
        and trigger.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_.lower() == "be"
        and any(c.dep_ in ("acomp", "attr") for c in verb.children)
    )


def event_status(trigger: Any) -> tuple[str, str]:
    """(status, reason) for the event whose trigger token is ``trigger``."""
    chain = _clause_chain(trigger)
    wide = _chain(trigger)
    first_verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    # negation on the trigger or its own clause verb ("no one was killed" is not an event)
    for t in chain[:3]:
        if _describes(t, trigger):
            break
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and t.i == trigger.i):
                return "denied", f"negation '{c.text}'"
        if t.pos_ in ("VERB", "AUX") and t is not trigger:
            break
    for t in wide[1:]:
        if t.dep_ in ("relcl", "acl"):
            break
        lemma = t.lemma_.lower()
        if lemma in DENY_HEADS:
            return "denied", f"under '{t.text}'"
        if lemma in THREAT_HEADS:
            return "threatened", f"under '{t.text}'"
    # a purpose, not a happening: "mobilizing for attacking X", "an attack to capture the base"
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "for" and trigger.tag_ == "VBG":
        return "planned", f"purpose 'for {trigger.text}'"
    if trigger.dep_ in ("acl", "xcomp") and trigger.tag_ == "VB" and trigger.head.pos_ == "NOUN":
        return "planned", f"purpose '{trigger.head.text} to {trigger.text}'"
    sent = trigger.sent
    if any(t.lower_ in FALSE_WORDS for t in sent) and any(
        t.lemma_.lower() in ("claim", "report", "allegation", "say") for t in sent
    ):
        return "claimed_false", "called false"
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")][:2] or ([first_verb] if first_verb else [])
    for v in verbs:
        for c in v.children:
            low = c.lower_
            if c.dep_ == "mark" and low in ("if", "unless"):
                return "hypothetical", f"conditional '{c.text}'"
            if c.dep_ == "aux" and low in HYPO_MODALS:
                return "hypothetical", f"modal '{c.text}'"
            if c.dep_ in ("aux", "auxpass") and low in FUTURE_MODALS:
                if low == "would" and not any(x.dep_ == "mark" for x in v.children):
                    return "planned", "reported future 'would'"
                return "planned", f"modal '{c.text}'"
        # "are to be deployed", "is set to", "plans to withdraw", "agreed to hand over"
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in PLAN_HEADS | {"be"}:
            if v.head.lemma_.lower() in THREAT_HEADS:
                return "threatened", f"under '{v.head.text}'"
            return "planned", f"under '{v.head.text}'"
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in THREAT_HEADS:
            return "threatened", f"under '{v.head.text}'"
    return "occurred", "default: reported as happened"
