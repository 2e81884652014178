"""Small parse cues the victim predicates of :mod:`.victims` rely on.

"left [one man] dead and six others with wounds" (the object a state word follows), "non-fatal"
(a negated prefix), "a fatal shooting" (one happening with at least one dead), "Jane Doe, 16,
died" (who died when the parse gives no subject), "seven were shot, one fatally" (the dead among
those shot), "left one dead and five wounded" (the count before a casualty word). The parse
helpers the predicates share: a verb's patients and subjects ("a mother who was shot" → the
mother, "grazed the boy's head" → the boy), a modifier test, and "tried to kill" (an attempt).
"""

from __future__ import annotations

from typing import Any

from ..numbers import VAGUE
from .people import AGE_UNITS, BODY_PARTS, GROUP_WORDS, PEOPLE

FATAL_MODS = frozenset({"fatal", "fatally", "deadly", "lethal", "mortal", "mortally"})


def object_before(verb: Any, word: Any) -> list[Any]:
    """The object a state word follows: "left [one man] dead and six others with wounds" —
    not every object of the verb."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    before = [c for c in objs if c.i < word.i]
    return [max(before, key=lambda c: c.i)] if len(objs) > 1 and before else objs


def negated_prefix(tok: Any) -> bool:
    """ "non-fatal", "non fatal": the word after a "non" prefix means its opposite."""
    doc = tok.doc
    k = tok.i - 1
    if k >= 0 and doc[k].text in ("-", "‑", "–"):
        k -= 1
    return k >= 0 and doc[k].lower_ in ("non", "non-")


ONE_DEATH = frozenset({"shooting", "killing", "slaying", "homicide", "death", "murder"})


def one_fatal(tok: Any) -> bool:
    """ "a fatal shooting", "the deadly shooting", "a homicide", "the killing": one happening
    with at least one dead (not "homicide detectives", "attempted murder", "shootings")."""
    if tok.lower_ not in ONE_DEATH or tok.dep_ == "compound" or tok.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.lower_ in ("attempted", "attempt", "no", "any") for c in tok.children):
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound")}
    if tok.lower_ in ("death", "murder"):
        return bool(mods & FATAL_MODS) or "shooting" in mods  # "the shooting death", "a fatal ..."
    return bool(mods & {"a", "an", "the", "this", "that"}) or bool(mods & FATAL_MODS)


def person_before(tok: Any) -> list[Any]:
    """Who died when the parse gives no subject ("Jane Doe, 16, of Springfield, died ...", "a
    teen hospitalized after a shooting has died"): the nearest person named before the verb in
    its sentence, not inside a prepositional phrase."""
    for t in reversed(list(tok.sent[: tok.i - tok.sent.start])):
        if t.dep_ in ("compound", "pobj", "poss"):
            continue
        if t.lower_ == "old" and any(x.lower_ in AGE_UNITS for x in t.subtree):
            return [t]  # "a 4-year-old"
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.ent_type_ == "PERSON" or t.lemma_.lower() in PEOPLE:
            return [t]
    return []


def left_count(tok: Any) -> list[Any]:
    """ "left one person dead and five others wounded", "1 dead, 3 hurt": the count right
    before the casualty word (with at most two group words between)."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 3 and doc[k].lower_ in GROUP_WORDS:
        k -= 1
    if k < 0:
        return []
    num = doc[k]
    if not (num.like_num or num.lower_ in VAGUE) or num.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return []
    noun = doc[k + 1] if k + 1 < tok.i else None
    if noun is not None and noun.pos_ in ("NOUN", "PRON") and num.head.i == noun.i:
        return [noun]
    return [num]


def phrase(h: Any) -> str:
    """ "four people": the count and the head, to spot the same group said twice."""
    nums = [c.lower_ for c in h.children if c.dep_ == "nummod"]
    return " ".join([*nums, h.lemma_.lower()])


def fatally(tok: Any) -> Any | None:
    """ "seven people were shot, one fatally", "four shot, one of them fatally": the count
    word of those of the people shot who died."""
    if tok.lower_ not in ("fatally", "mortally") or tok.i < 2:
        return None
    k = tok.i - 1
    if tok.doc[k].lower_ == "them" and k >= 2 and tok.doc[k - 1].lower_ == "of":
        k -= 2
    num = tok.doc[k]
    if num.like_num or num.lower_ in VAGUE:
        before = tok.doc[k - 1] if k >= 1 else None
        if before is not None and (before.is_punct or before.lower_ in ("and", "including")):
            return num
    return None


def objects(tok: Any) -> list[Any]:
    """Patients of a verb: passive subjects and objects; of a participle, the noun it modifies."""
    out = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    if not out and tok.dep_ == "acl":
        out = [tok.head]  # "a 17-year-old shot and killed by ..."
    if not out and tok.dep_ in ("acomp", "oprd") and tok.tag_ == "VBN" and tok.head.lemma_ == "be":
        # "two people were slain" parsed with the participle as the copula's complement
        out = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not out and tok.dep_ == "conj":
        base = tok.head
        out = [c for c in base.children if c.dep_ in ("nsubjpass", "dobj")]
        if not out and base.dep_ == "acl":
            out = [base.head]
    return [owner(antecedent(o, tok)) for o in out]


def antecedent(h: Any, verb: Any) -> Any:
    """ "a mother who was shot", "a teen that had sustained a wound": the noun a relative
    pronoun stands for."""
    if h.tag_ in ("WP", "WDT") and h.lower_ in ("who", "that"):
        t = verb
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "relcl":
            return t.head
    return h


def owner(tok: Any) -> Any:
    """ "grazed the boy's head" → the boy."""
    if tok.lemma_.lower() in BODY_PARTS:
        for c in tok.children:
            if c.dep_ == "poss":
                return c
    return tok


def subjects(tok: Any) -> list[Any]:
    out = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not out and tok.dep_ == "conj":
        out = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not out and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        out = [tok.head]
    return [antecedent(o, tok) for o in out]


def has_mod(
    tok: Any, words: frozenset[str], deps: tuple[str, ...] = ("advmod", "amod", "acomp", "oprd")
) -> bool:
    return any(
        (c.lemma_.lower() in words or c.lower_ in words) and not negated_prefix(c)
        for c in tok.children
        if c.dep_ in deps
    )


ATTEMPT = frozenset({"try", "attempt"})


def attempted(verb: Any) -> bool:
    """ "tried to kill", "attempted to take his own life": the act was not carried out."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in ATTEMPT


def reduced_passive(verb: Any) -> bool:
    """ "Man shot in knee", "an 11-year-old boy shot Monday thought ...": a news passive without
    its auxiliary, parsed as an active verb with no object — told by a body part ("in the
    knee") or a day ("Monday") right after it, not by a target ("shot at police")."""
    if any(
        c.dep_ in ("dobj", "auxpass", "aux") or c.lower_ in ("at", "into", "up", "back")
        for c in verb.children
    ):
        return False
    if any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in verb.children):
        return False  # "shot and killed his wife"
    for c in verb.children:
        if c.i != verb.i + 1 and not (c.i == verb.i + 2 and verb.doc[verb.i + 1].dep_ == "det"):
            continue
        if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in BODY_PARTS for g in c.children):
            return True
    return False


ORDINAL_WORDS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                           "latest", "last", "first"})  # fmt: skip


def nth_time(verb: Any) -> bool:
    """ "marks the second time in six months that a 15-year-old was killed", "the third time
    this year that a child has been shot": the clause counts earlier happenings, not this one's
    victims."""
    if verb.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    return any(
        c.lemma_.lower() == "time"
        and c.dep_ in ("dobj", "attr", "nsubj")
        and any(m.lower_ in ORDINAL_WORDS for m in c.children if m.dep_ == "amod")
        for c in verb.head.children
    )


def possessive_her(h: Any) -> bool:
    """ "fatally shooting her older brother" parsed with "her" as a second object: a
    possessive, not a victim."""
    if h.lower_ != "her" or h.pos_ != "PRON":
        return False
    for t in h.doc[h.i + 1 : h.i + 4]:
        if t.dep_ == h.dep_ and t.head.i == h.head.i and t.pos_ in ("NOUN", "PROPN"):
            return True
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM", "PUNCT"):
            return False
    return False
