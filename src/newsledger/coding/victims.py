"""Who was killed or hurt in one sentence: victim phrases and the predicates that count them.

Local news counts casualties in many ways, often several in one sentence: "a man was killed
and his wife was wounded", "four men were shot and one was killed", "a shooting that left one
person dead and five others wounded", "three men walked into a gas station with gunshot
wounds", "a bullet grazed a 2-year-old boy", "the other three were listed in stable
condition", "a triple homicide". :func:`victims_in` finds every victim phrase of a sentence
with the predicate that counts it and its kind:

* ``dead``: killed, murdered, died, found dead, shot to death, fatally shot, the death /
  killing / fatal shooting of X, a double homicide;
* ``hurt``: wounded, injured, hurt, grazed, in critical / stable condition, "non-life-
  threatening injuries" — people who survived;
* ``shot``: shot, hit or struck by a bullet, with gunshot wounds, taken to a hospital — people
  who may also be among the dead.

:func:`.toll.tally` adds them up: distinct victims of the sentence are summed (a victim named twice,
"a man was shot and killed" or "... and he died", counts once, dead first); people shot who
are not reported dead count as injured, and "four were shot and one was killed" gives 1 dead
and 3 injured.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .casualty_nouns import SUFFER, WOUND_NOUNS, noun_predicate
from .people import (
    BODY_PARTS,
    PRONOUNS,
    REFLEXIVE,
    anaphoric,
    count_one,
    count_people,
    definite,
    group_of,
    names_others,
    own_state,
    partitive,
    personish,
    reflexive_key,
    same_phrase,
    sub_count,
)
from .victim_cues import (
    FATAL_MODS,
    attempted,
    fatally,
    has_mod,
    left_count,
    nth_time,
    object_before,
    objects,
    owner,
    person_before,
    phrase,
    possessive_her,
    reduced_passive,
    subjects,
)

KILL = frozenset({"kill", "murder", "slay", "execute", "assassinate", "gun"})
DIE = frozenset({"die", "perish", "succumb"})
LIFE_VERBS = frozenset({"claim", "take", "end"})
DEAD_WORDS = frozenset({"dead", "lifeless", "deceased"})
HURT = frozenset({"wound", "injure", "hurt", "graze", "maim", "paralyze", "paralyse"})
SHOOT = frozenset({"shoot"})
STRIKE = frozenset({"hit", "strike"})
HOSPITAL_VERBS = frozenset({"send", "transport", "rush", "airlift", "take", "fly", "hospitalize",
                            "hospitalise", "treat", "admit", "drive", "carry"})  # fmt: skip
HOSPITAL_WORDS = frozenset({"hospital", "injury", "wound", "medical", "trauma", "treatment",
                            "helicopter", "emergency"})  # fmt: skip
PROJECTILES = frozenset({"bullet", "round", "shot", "gunfire", "pellet", "shrapnel", "fragment",
                         "gunshot", "bullets", "rounds", "shots", "buckshot"})  # fmt: skip
SURVIVED = frozenset({"graze", "minor", "superficial", "non", "serious", "critical", "moderate", "slight"})
FIRE_NOUNS = frozenset({"gunfire", "crossfire", "shooting", "shootout", "gunshot", "gun", "fire"})


@dataclass(frozen=True)
class Victims:
    """One victim phrase: ``n`` people, ``kind`` dead / hurt / shot, counted by ``pred``."""

    head: Any  # the head token of the victim phrase (the count word for "double homicide")
    n: int
    kind: str
    pred: str
    others: bool = False  # "two others were shot": not the people named dead
    partitive: bool = False  # "one was killed", "one of them died": part of a group named
    total: bool = False  # "a double shooting": how many in all, not one more phrase
    secondary: bool = False  # "taken to a hospital", "in critical condition": often some of those shot
    anaphoric: bool = False  # "the boy", "he", a name used before: someone the report already named

    @property
    def text(self) -> str:
        return str(self.head.text)


def _to_death(tok: Any) -> bool:
    """ "shot to death", "shot dead", "fatally shot", "shot and killed"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "death" for g in c.children):
            return True
        if c.lower_ in ("dead", "fatally", "mortally") and c.dep_ in (
            "oprd",
            "acomp",
            "advmod",
            "xcomp",
            "amod",
        ):
            return True
    return False


def _projectile(tok: Any) -> bool:
    """ "hit by a bullet", "a stray bullet struck her", "was struck in the leg"."""
    for c in tok.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in PROJECTILES:
            return True
        if c.dep_ == "agent" and any(g.lemma_.lower() in PROJECTILES for g in c.children):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "on", "by")
            and any(g.lemma_.lower() in BODY_PARTS | PROJECTILES | FIRE_NOUNS for g in c.children)
            and any(x.dep_ == "auxpass" for x in tok.children)
        ):
            return True  # "was struck in the leg", "were hit in the gunfire"
    passive = any(x.dep_ == "auxpass" for x in tok.children)
    if passive and not any(c.dep_ == "agent" for c in tok.children):
        # "seven were hit" in a report of gunfire (not "hit by a car")
        return any(t.lemma_.lower() in PROJECTILES | FIRE_NOUNS for t in tok.sent)
    return False


def _attempt(heads: list[Any], pred: str) -> list[tuple[list[Any], str, str]]:
    """ "then tried to kill himself", "attempted to take her own life": in a shooting report,
    a suicide attempt that left the shooter hurt; "tried to kill him" says nobody was hurt."""
    selves = [h.doc[reflexive_key(h)] for h in heads if h.lower_ in REFLEXIVE or h.lower_ in ("his", "her")]
    return [(selves, "hurt^", pred)] if selves else []


def _headline_shot(tok: Any) -> list[tuple[list[Any], str, str]]:
    """ "Four shot to death in Mason County", "2 shot, 1 killed": a headline's count with
    "shot" parsed as a noun (not "one shot was fired", "fired two shots")."""
    if tok.lower_ != "shot" or tok.pos_ != "NOUN" or tok.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
        return []
    if any(c.dep_ == "det" for c in tok.children):
        return []
    nums = [c for c in tok.children if c.dep_ == "nummod" and c.i < tok.i]
    return [(nums, "dead" if _to_death(tok) else "shot", tok.text)] if nums else []


def _predicate(tok: Any) -> list[tuple[list[Any], str, str]]:
    """(victim heads, kind, predicate) for a casualty predicate token; empty if it is none."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    pos = tok.pos_
    if pos in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
        if lemma in KILL and not (lemma == "gun" and not any(c.lower_ == "down" for c in tok.children)):
            if attempted(tok):
                return _attempt(objects(tok), tok.text)
            return [(objects(tok), "dead", tok.text)]
        if lemma in DIE or (lemma == "pass" and any(c.lower_ == "away" for c in tok.children)):
            subj = [h for h in subjects(tok) if personish(h)] or person_before(tok)
            return [(subj, "dead", tok.text)]
        lives = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives")]
        if lemma in LIFE_VERBS and lives:
            # "claimed the life of a teenager", "took the lives of two men", "took his own life"
            heads = [g for c in lives[0].children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            if not heads and lemma != "claim" and any(c.dep_ == "poss" for c in lives[0].children):
                heads = subjects(tok)
            if attempted(tok):
                return _attempt(heads or [c for c in lives[0].children if c.dep_ == "poss"], tok.text)
            return [(heads, "dead", tok.text)]
        if lemma in SHOOT:
            kind = "dead" if _to_death(tok) else "shot"
            if any(c.lemma_.lower() == "survive" for c in tok.conjuncts):
                kind = "hurt"  # "was also shot, but survived"
            objs = objects(tok)
            if not objs:
                objs = [c for c in tok.children if c.dep_ == "dobj"]
            if not objs and tok.tag_ == "VBN" and not any(personish(c) for c in subjects(tok)):
                objs = person_before(tok)  # "... after a 4-year-old was shot" parsed without its subject
            if not objs and reduced_passive(tok):
                objs = [h for h in subjects(tok) if personish(h)]  # "Man shot in knee", "a boy shot Monday"
            return [(objs, kind, tok.text)]
        if lemma == "hurt" and (tok.tag_ == "VBG" or any(c.lower_ in ("i", "we") for c in tok.children)):
            return []  # "he was hurting deep inside", "I'm hurt": grief, not injury
        if lemma in HURT or low in ("wounded", "injured", "hurt", "grazed", "wound", "wounds", "wounding"):
            # ("wound" as a verb is often lemmatized as "wind")
            kind = "dead" if has_mod(tok, FATAL_MODS) else "hurt"
            heads = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
            if not heads and tok.lower_.endswith("ed"):
                heads = [c for c in tok.children if c.dep_ == "nsubj"]  # "two others injured"
            heads = [owner(h) for h in heads] or objects(tok)
            if not heads and tok.dep_ in ("oprd", "acomp", "xcomp", "amod", "advcl", "ccomp"):
                return [(left_count(tok), kind + "!", tok.text)]
            return [(heads, kind, tok.text)]
        if lemma in STRIKE and _projectile(tok):
            return [(objects(tok), "shot", tok.text)]
        if lemma in HOSPITAL_VERBS and (
            lemma in ("hospitalize", "hospitalise")
            or any(t.lemma_.lower() in HOSPITAL_WORDS for t in tok.subtree if t.i > tok.i)
        ):
            return [(objects(tok), "shot~", tok.text)]
        if lemma == "turn" and any(
            c.lemma_.lower() in ("gun", "weapon", "rifle", "pistol", "handgun", "shotgun")
            for c in tok.children
            if c.dep_ == "dobj"
        ):
            selves = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
                      if g.lower_ in REFLEXIVE]  # fmt: skip
            # "then turned the gun on himself": local news says so of a suicide (a survivor is
            # reported as such: "... and is in critical condition")
            return [(selves, "dead", "turned the gun on")]
        if lemma in SUFFER:
            wounds = [
                c
                for c in tok.children
                if c.dep_ in ("dobj", "prep")
                for w in ([c] if c.dep_ == "dobj" else list(c.children))
                if w.lemma_.lower() in WOUND_NOUNS
            ]
            if wounds:
                fatal = any(has_mod(w, FATAL_MODS) for w in wounds)
                graze = lemma in ("battle", "nurse") or any(
                    t.lower_ in SURVIVED for w in wounds for t in w.subtree if t.i <= w.i
                )  # "suffered a graze wound", "minor injuries", "still battling serious injuries"
                kind = "dead" if fatal else "hurt~" if graze else "shot~"
                return [(subjects(tok), kind, tok.text)]
    if (
        low in ("wounded", "injured", "hurt")
        and tok.dep_ == "amod"
        and tok.head.pos_ in ("NOUN", "PROPN", "NUM")
    ):
        return [([tok.head], "hurt!", tok.text)]  # "the wounded teen", "three injured"
    if low in ("wounded", "injured", "hurt") and pos == "ADJ":
        heads = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [(heads, "hurt", tok.text)] if heads else [(left_count(tok), "hurt!", tok.text)]
    if (lemma in DEAD_WORDS or low in DEAD_WORDS) and any(c.lower_ == "brain" for c in tok.children):
        return []  # "brain dead": alive, on life support
    if lemma in DEAD_WORDS or low in DEAD_WORDS:
        if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            return [([tok.head], "dead!", tok.text)]  # "her dead husband", "one dead"
        if tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj"):
            base = tok.head
            # "left a man dead", "found him dead": the object; "two are dead": the subject
            heads = (
                [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]  # "found [the men dead]"
                or object_before(base, tok)
                or [c for c in base.children if c.dep_ in ("nsubj", "nsubjpass")]
            )
            # "two boys are dead along with their father"
            heads += [g for c in tok.head.children if c.lower_ == "along" for w in c.children if w.lower_ == "with"
                      for g in w.children if g.dep_ == "pobj" and not own_state(g)]  # fmt: skip
            return [(heads, "dead", tok.text)] if heads else [(left_count(tok), "dead!", tok.text)]
        return [(left_count(tok), "dead!", tok.text)]
    return _headline_shot(tok) or noun_predicate(tok)


def victims_in(tokens: Any) -> list[Victims]:
    """Every victim phrase of a sentence (or any token sequence), in text order."""
    out: list[Victims] = []
    seen: dict[int, int] = {}  # token index of a victim head -> position in out
    said: dict[tuple[str, bool], int] = {}  # ("four people", dead?) -> the key first counted
    last_named: int | None = None
    pronoun_key: dict[str, int] = {}  # a victim "he" / "him" / "himself" of the sentence: one man
    for tok in tokens:
        num = fatally(tok)
        if num is not None and num.i not in seen:
            n = count_one(num)
            if n:
                # a part of those shot: "the dead are among those shot" in the tally
                _add(out, seen, Victims(num, n, "dead", tok.text, partitive=True), num.i)
            continue
        if nth_time(tok):
            continue  # "the second time in six months that a teen was killed": the earlier one
        for heads, kind, pred in _predicate(tok):
            if ":" in kind:  # "a double homicide"
                kind, num = kind.split(":")
                _add(out, seen, Victims(tok, int(num), kind, pred, total=True), tok.i)
                continue
            single = "!" in kind  # the count word alone, not its conjuncts ("one dead and four hurt")
            secondary = "~" in kind  # "taken to a hospital", "in critical condition"
            shooter = "^" in kind  # "then tried to kill himself": not one of the people he shot
            kind = kind.rstrip("!~^")
            for h in heads:
                h = group_of(h)
                if h.lower_ == "themselves":
                    h = tok.doc[reflexive_key(h)]  # "two teens shot themselves": the two teens
                n = count_one(h) if single else count_people(h)
                if n is None or n == 0 or not personish(h) or sub_count(h) or possessive_her(h):
                    continue  # "shot out the windows", "hit the house", "including one in ..."
                key = h.i
                if h.lower_ in REFLEXIVE:
                    key = reflexive_key(h)  # "a boy was hospitalized after shooting himself": one boy
                said_as = (phrase(h), kind == "dead")
                if n > 1 and said_as in said:
                    # a headline run into the lead: "Four people wounded ... Four people are shot"
                    key = said[said_as]
                said.setdefault(said_as, key)
                # "three other people", "her mother was also shot"
                others = names_others(h) or any(c.lower_ == "also" for c in tok.children)
                gender = GENDER.get(h.lower_) if n == 1 else None
                if gender in pronoun_key:
                    # "whether the boy shot himself or someone else shot him": one boy
                    key = pronoun_key[gender]
                elif (
                    h.pos_ == "PRON"
                    and h.lower_ in PRONOUNS
                    and last_named is not None
                    and h.i > out[last_named].head.i
                ):
                    named = out[last_named]
                    if named.kind == "dead" and kind != "dead" and n > named.n:
                        # "a man died after he and four others were shot": four more, hurt
                        n, others = n - named.n, True
                    else:
                        key = named.head.i  # "a man was shot and he died": one man
                v = Victims(h, n, kind, pred, others=others, partitive=partitive(h), secondary=secondary,
                            total=definite(h) and n > 1, anaphoric=not others and not shooter and anaphoric(h))  # fmt: skip
                pos = _add(out, seen, v, key)
                if gender is not None:
                    pronoun_key.setdefault(gender, key)
                for c in [] if single else same_phrase(h):
                    seen.setdefault(c.i, pos)
                if h.pos_ != "PRON":
                    last_named = pos
    return out


GENDER = MappingProxyType({"he": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"})
RANK = MappingProxyType({"dead": 3, "hurt": 2, "shot": 1})


def _add(out: list[Victims], seen: dict[int, int], v: Victims, key: int) -> int:
    if key in seen:
        pos = seen[key]
        old = out[pos]
        kind = v.kind if RANK[v.kind] > RANK[old.kind] else old.kind
        # "a 12-year-old ... after he and three others were shot": one group, the larger count
        out[pos] = Victims(old.head, max(old.n, v.n), kind, f"{old.pred}+{v.pred}", old.others or v.others,
                           old.partitive, old.total, old.secondary and v.secondary, old.anaphoric)  # fmt: skip
        return pos
    seen[key] = len(out)
    out.append(v)
    return len(out) - 1
