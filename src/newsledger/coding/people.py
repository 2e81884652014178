"""Victim phrases: how many people a phrase names and whether it can name people at all.

"a man" 1, "two men" 2, "he and three others" 4, "both" 2, "a fourth" 1, "a total of nine
people" 9, "himself" 1; "the windows", "his leg", "JEFFERSON" (a dateline) name nobody. Used
by :mod:`.victims`.
"""

from __future__ import annotations

from typing import Any

from ..nlp import doc_text
from ..numbers import VAGUE, parse_number

BODY_PARTS = frozenset({
    "head", "face", "neck", "chest", "back", "leg", "legs", "arm", "arms", "hand", "hands", "foot",
    "feet", "shoulder", "stomach", "abdomen", "thigh", "hip", "buttock", "buttocks", "torso",
    "side", "knee", "ankle", "jaw", "eye", "wrist", "groin", "elbow", "heel", "toe", "finger",
    "temple", "mouth", "cheek", "forehead", "calf", "shin", "lung", "spine", "pelvis", "midsection",
    "body", "ear", "nose", "lower", "upper",
})  # fmt: skip

OTHERS = frozenset({"others", "other", "another", "more", "additional", "second", "third", "fourth"})
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})
KIN_PLURALS = frozenset({"children", "kids", "sons", "daughters", "grandchildren", "brothers", "sisters"})
AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
REFLEXIVE = frozenset({"himself", "herself"})
PERSONISH_ENTS = frozenset({"PERSON", "NORP"})
NOT_PEOPLE_ENTS = frozenset({"GPE", "ORG", "DATE", "TIME", "LOC", "FAC", "MONEY", "PERCENT"})
GROUP_WORDS = frozenset({"other", "others", "people", "persons", "person", "men", "women", "man",
                         "woman", "adults", "children", "teens", "more", "victims", "of", "them"})  # fmt: skip


def count_people(head: Any) -> int | None:
    """How many people a victim phrase names ("a man" 1, "two men" 2, "he and three others"
    4, "both" 2, "himself" 1); None when it cannot say ("victims", "the family")."""
    total = 0
    for h in [head, *same_phrase(head)]:
        if dateline(h):
            return None
        n = count_one(h)
        if n is None:
            return None
        total += n
    return total or None


OWN_STATE = frozenset({"dead", "injured", "wounded", "hurt", "killed"})


def same_phrase(head: Any) -> list[Any]:
    """The conjuncts of a victim head inside its own noun phrase ("a man and a woman"), not
    those of another clause ("two people fired ... and five people were hit") nor those with
    their own state ("left five injured and one dead")."""
    out = []
    for c in head.conjuncts:
        if c.i == head.i or dateline(c) or not personish(c):
            continue
        lo, hi = sorted((head.i, c.i))
        if any(t.pos_ in ("VERB", "AUX") for t in head.doc[lo:hi]):
            continue
        if own_state(c):
            continue
        if any(x.dep_ == "prep" and x.lower_ == "with" for x in c.children):
            continue  # "left one man dead and six others with gunshot wounds"
        out.append(c)
    return out


def own_state(h: Any) -> bool:
    """ "five injured", "the wounded family member": a victim phrase that says its own state."""
    return any(x.lower_ in OWN_STATE for x in h.children if x.dep_ in ("amod", "oprd", "acomp", "conj"))


def dateline(h: Any) -> bool:
    """An upper-case place name opening a report ("JEFFERSON - A child was killed")."""
    return bool(h.is_upper and len(h.text) > 3 and h.is_alpha and h.pos_ == "PROPN")


def count_one(h: Any) -> int | None:
    low = h.lower_
    if low in ("nobody", "none", "noone") or any(c.lower_ == "no" for c in h.children):
        return 0
    if low in ("somebody", "someone", "anybody", "anyone", "everybody", "everyone"):
        return None  # not a count
    for c in h.children:
        if c.dep_ == "nummod" or (c.like_num and c.i < h.i and c.dep_ != "poss"):
            nxt = h.doc[c.i + 1].lower_ if c.i + 1 < len(h.doc) else ""
            if nxt.split("-")[0] in AGE_UNITS and nxt != h.lower_:
                continue  # "a 15 year-old boy": an age, not how many
            v = parse_number(" ".join(t.text for t in c.subtree))
            if v is None:
                v = parse_number(c.text)  # "a total of five people": the number alone
            if v is not None and v < 100_000:
                return int(v)
    if low == "both" or any(
        c.lower_ == "both" and not (c.dep_ == "preconj" and h.conjuncts) for c in h.children
    ):
        return 2  # not "both the man and his son": each conjunct counts itself
    if low in ("couple", "pair", "parents") and h.pos_ == "NOUN":
        return 2  # "a Roy couple were found dead", "his parents"
    owners = [*h.children, *(h.head.children if h.dep_ == "conj" else [])]
    if low in KIN_PLURALS and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in owners):
        return 2  # "his wife and children": at least two children
    if low == "family":
        # "a family of five"
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                nums = [g for g in c.children if g.like_num]
                v = parse_number(nums[0].text) if nums else None
                if v is not None and 1 < v < 20:
                    return int(v)
    if low in ORDINALS and any(c.lower_ in ("a", "an") for c in h.children):
        return 1  # "a fourth was wounded"
    if low == "old" and any(t.lower_ in AGE_UNITS for t in h.subtree):
        return 1  # "a 17-year-old", "an 18-month old"
    if low in VAGUE:
        return int(VAGUE[low])
    if h.like_num:
        v = parse_number(h.text)
        return int(v) if v is not None and v < 100_000 else None
    if h.pos_ == "PRON" and (low in PRONOUNS or low in REFLEXIVE):
        return 1
    if (
        h.tag_ in ("NN", "NNP")
        and h.is_alpha
        and h.ent_type_ not in NOT_PEOPLE_ENTS
        and h.lemma_.lower() not in BODY_PARTS
    ):
        return 1
    return None


PEOPLE = frozenset({
    "man", "woman", "boy", "girl", "person", "people", "child", "kid", "teen", "teenager", "toddler",
    "baby", "infant", "son", "daughter", "father", "mother", "dad", "mom", "husband", "wife", "brother",
    "sister", "uncle", "aunt", "cousin", "nephew", "niece", "grandfather", "grandmother", "grandson",
    "granddaughter", "friend", "girlfriend", "boyfriend", "fiance", "fiancee", "neighbor", "neighbour",
    "victim", "suspect", "gunman", "bystander", "resident", "student", "youth", "juvenile", "adult",
    "male", "female", "clerk", "guard", "deputy", "cop", "trooper", "agent", "pedestrian", "motorist",
    "passenger", "customer", "patron", "guest", "tenant", "relative", "family", "couple", "individual",
    "occupant", "employee", "staff", "classmate", "roommate", "partner", "spouse", "parent", "stepfather",
    "stepmother", "stepson", "stepdaughter", "co-worker", "coworker", "other", "one", "pal", "buddy",
    "hunter", "homeowner", "robber", "burglar", "intruder", "assailant", "attacker", "shooter", "officer",
    "youngster", "nurse", "worker", "owner", "player", "soldier", "sergeant", "detective", "grandchild", "grandparent", "stepbrother", "stepsister", "lady", "gentleman", "guy", "minor",
})  # fmt: skip
PAGE_WORDS = frozenset({"image", "photo", "video", "caption", "slide", "gallery", "page", "story", "comment"})
THING_ER = frozenset({"center", "corner", "trailer", "container", "computer", "counter", "river", "tower",
                      "water", "shelter", "border", "order", "number", "letter", "paper", "quarter", "meter",
                      "door", "floor", "window", "car", "cover", "power", "chamber", "poster", "monitor"})  # fmt: skip


def personish(h: Any) -> bool:
    """A victim phrase that can name people ("a man", "two", "the clerk", "Smith", "himself"),
    not a thing shot at ("the windows", "a car") nor page furniture ("Image 2 of 9")."""
    if h.lemma_.lower() in PAGE_WORDS:
        return False
    if h.pos_ in ("PRON", "NUM") or h.like_num or h.ent_type_ in PERSONISH_ENTS:
        return True
    lemma = h.lemma_.lower()
    if lemma in PEOPLE or lemma == "old" or (h.pos_ == "PROPN" and h.ent_type_ not in NOT_PEOPLE_ENTS):
        return True
    return lemma not in THING_ER and lemma.endswith(("er", "or", "ist", "ian", "ant", "ent"))


def group_of(h: Any) -> Any:
    """ "a total of nine people" → people; "ROY — A couple and their children were found dead"
    (a dateline parsed as the subject) → the couple."""
    if h.is_upper and h.is_alpha and len(h.text) > 2 and h.pos_ == "PROPN":
        return next(
            (
                c
                for c in h.children
                if c.dep_ == "appos" and c.pos_ == "NOUN" and 0 < c.i - h.i <= 8 and personish(c)
            ),
            h,
        )
    if h.lower_ in ("total", "number", "group", "handful") and h.pos_ == "NOUN":
        of = [
            g
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if of:
            return of[0]
    return h


def sub_count(head: Any) -> bool:
    """ "nine people injured, including one in critical condition": a part already counted."""
    return head.dep_ == "pobj" and head.head.lower_ in ("including", "among", "includes", "include")


def reflexive_key(h: Any) -> int:
    """The token a reflexive victim stands for: the subject of its clause (or of the clause it
    hangs from: "was hospitalized after shooting himself")."""
    t = h.head
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return int(subj[0].i)
        if t.head.i == t.i:
            break
        t = t.head
    return int(h.i)


def definite(head: Any) -> bool:
    """ "the three", "all four", "the two men": a group already counted, named again."""
    num = head if head.like_num else next((c for c in head.children if c.dep_ == "nummod"), None)
    if num is None:
        return False
    return any(
        c.lower_ in ("the", "all", "these", "those") for c in [*head.children, *num.children] if c.i < num.i
    )


def partitive(head: Any) -> bool:
    """ "one", "one of them", "two of the victims": a part of a group already named."""
    if head.pos_ == "NUM" or head.like_num:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) and head.lower_ in ("one", "two")


def names_others(head: Any) -> bool:
    return any(t.lower_ in OTHERS for t in head.subtree if t.i <= head.i or t.dep_ in ("amod", "advmod"))


def anaphoric(head: Any) -> bool:
    """A victim phrase naming someone the report already introduced: "he", "the boy", "the
    teen", a name used earlier in the text — not "a man", "two people", "his wife", "the
    18-year-old" when the sentence gives several of them."""
    if head.pos_ == "PRON":
        return head.lower_ in PRONOUNS or head.lower_ in REFLEXIVE
    if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        return doc_text(head.doc).find(head.text) < head.idx
    if head.tag_ != "NN":
        return False
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "poss")]
    return dets in (["the"], ["this"], ["that"])
