"""Trigger words of events and the argument checks that make a word count as a trigger.

The lexicon (``data/event_triggers.json``) proposes candidates; many words are triggers only
with the right argument: "seize" is a capture with a place as object, a weapons seizure with
weapons as object, an arrest with people; "sign" is an agreement only when what is signed is an
agreement; "return" is a transfer of territory only when a territory is returned, not when
people return home.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lexicon import Lexicon, Match

# frames that need an argument check before they count
CONDITIONAL = frozenset({"weapon_seize", "hq", "capture", "transfer", "enter", "agreement", "loot", "attack"})
WEAK_ATTACK = frozenset({"strike", "hit", "target", "raid", "storm", "execute", "execution"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PERSON_LEMMAS = frozenset(
    {"man", "woman", "people", "person", "militant", "member", "suspect", "child", "civilian", "soldier", "fighter",
     "rebel", "terrorist", "activist", "journalist", "leader", "commander", "official", "student", "protester",
     "insurgent", "gunman", "boy", "girl", "resident", "worker", "individual", "youth", "teen", "jihadist"}
)  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    frame: str
    token: Any  # the head token of the trigger phrase
    start: int  # token index of the phrase start (Doc index)
    end: int
    text: str
    rule: str  # why it counts ("lexicon 'attack/V'", "seize + weapons object", ...)
    phrase: str = ""  # the lexicon entry that matched


def _arg_heads(tok: Any) -> list[Any]:
    """Objects and passive subjects of a verb; complements of a noun; with conjuncts."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "from", "over", "into", "to", "in"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("compound", "amod", "nmod"):
            out.append(c)
        elif c.dep_ == "prt":
            out.extend(_arg_heads(c))
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)
    if tok.dep_ == "acl" or (tok.dep_ == "relcl" and tok.tag_ == "VBN"):
        out.append(tok.head)
    more = []
    for o in out:
        more.extend(c for c in o.conjuncts if c.i != o.i)
    return out + more


def _words_of(heads: list[Any]) -> set[str]:
    ws: set[str] = set()
    for h in heads:
        near = [t for t in h.subtree if abs(t.i - h.i) <= 8 and t.dep_ not in ("relcl", "acl")]
        for t in near:
            ws.add(t.lemma_.lower())
            ws.add(t.lower_)
        ws.add(" ".join(t.lower_ for t in h.subtree if t.dep_ in ("compound", "amod") or t.i == h.i))
    return ws


QUANTIFIERS = frozenset(
    {
        "most",
        "part",
        "parts",
        "much",
        "all",
        "some",
        "rest",
        "half",
        "portion",
        "majority",
        "control",
        "swath",
        "swathe",
    }
)


def _is_place(h: Any, lex: Lexicon) -> bool:
    if h.lower_ in QUANTIFIERS:
        return any(
            _is_place(g, lex) for c in h.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        )
    return bool(
        h.ent_type_ in PLACE_ENTS
        or h.lemma_.lower() in lex.word_set("territory_nouns")
        or (h.pos_ == "PROPN" and h.ent_type_ not in ("PERSON", "NORP", "ORG", "DATE", "CARDINAL"))
        or any(c.ent_type_ in PLACE_ENTS for c in h.children if c.dep_ in ("compound", "prep"))
    )


def _check(m: Match, tok: Any, lex: Lexicon) -> tuple[str, str] | None:
    """(frame, rule) if the candidate counts, possibly re-framed; None if it does not."""
    frame, lemma = m.label, tok.lemma_.lower()
    heads = _arg_heads(tok)
    words = _words_of(heads)
    weapons = lex.word_set("weapon_nouns")
    phrase = m.phrase.text
    if frame == "weapon_seize":
        cue = lemma in ("cache", "haul", "stash", "stockpile", "seizure") or words & weapons
        if cue and (words & weapons or any(t.lemma_.lower() in weapons for t in tok.sent)):
            return frame, f"'{tok.text}' + weapons"
        return None
    if frame == "hq":
        if words & lex.word_set("base_nouns"):
            return frame, f"'{tok.text}' + base"
        return None
    if frame == "agreement":
        if lemma in ("sign", "broker"):
            return (frame, f"'{tok.text}' + agreement") if words & lex.word_set("agreement_nouns") else None
        if lemma in ("release", "swap"):
            return (frame, f"'{tok.text}' + prisoners") if words & lex.word_set("prisoner_nouns") else None
        if lemma == "agree":
            ok = any(
                c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("on", "to"))
                for c in tok.children
            )
            return (frame, "'agree' to/on") if ok else None
        if lemma == "statement" and " ".join(m.phrase.words) != "joint statement":
            return None
        return frame, f"lexicon '{phrase}'"
    if frame == "capture":
        if len(m.phrase.words) > 1 or lemma in ("recapture", "retake", "overrun", "liberate", "liberation"):
            return frame, f"lexicon '{phrase}'"
        if words & weapons:
            return "weapon_seize", f"'{tok.text}' + weapons"
        if any(_is_place(h, lex) for h in heads):
            return frame, f"'{tok.text}' + territory"
        if any(h.lemma_.lower() in PERSON_LEMMAS or h.ent_type_ == "PERSON" for h in heads) and lemma in (
            "capture",
            "seize",
        ):
            return "arrest", f"'{tok.text}' + person"
        return None
    if frame in ("transfer", "enter"):
        if len(m.phrase.words) > 1 and "control" not in m.phrase.words and frame == "transfer":
            return frame, f"lexicon '{phrase}'"
        if lemma in (
            "withdraw",
            "withdrawal",
            "evacuate",
            "evacuation",
            "handover",
            "pullout",
            "cede",
            "retreat",
        ):
            return frame, f"lexicon '{phrase}'"
        subj_people = False
        for c in tok.children:
            if c.dep_ != "nsubj":
                continue
            ws = _words_of([c])
            subj_people = subj_people or bool(
                ws & (PERSON_LEMMAS | {"refugee", "displaced", "family", "people", "idp"})
                or c.ent_type_ in ("NORP", "PERSON")
                or c.pos_ == "PRON"
                or (c.lower_.endswith("s") and c.lower_[:-1] in lex.demonyms)  # "the Azerbaijanis", "Syrians"
            )
        if subj_people and lemma in (
            "return",
            "leave",
            "enter",
            "move",
            "arrive",
            "vacate",
            "abandon",
            "evacuate",
        ):
            return None  # people going home or leaving are not a transfer of territory
        if any(_is_place(h, lex) for h in heads) or (
            "control" in m.phrase.words
            and any(_is_place(c, lex) for c in tok.head.children if c.dep_.startswith("nsubj"))
        ):
            return frame, f"'{tok.text}' + territory"
        subj = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
        if subj and any(_is_place(s, lex) for s in subj):
            return frame, f"'{tok.text}' with territory as subject"
        return None
    if frame == "loot":
        if lemma in ("burn", "destroy", "damage", "smash", "destruction") and not (
            words & lex.word_set("property_nouns")
        ):
            return None
        return frame, f"lexicon '{phrase}'"
    if frame == "attack":
        if lemma in WEAK_ATTACK and len(m.phrase.words) == 1:
            if tok.pos_ != "VERB":
                return None
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            ok = not subj or any(
                _words_of([x]) & (set(lex.actor_nouns) | lex.word_set("weapon_nouns") | PERSON_LEMMAS)
                or x.ent_type_ in ("ORG", "NORP", "PERSON")
                for x in subj
            )
            return (frame, f"'{tok.text}' (weak)") if ok else None
        return frame, f"lexicon '{phrase}'"
    return frame, f"lexicon '{phrase}'"


RIOT_POLICE = frozenset({"police", "gear", "squad", "control", "shield", "officer", "unit"})


def find_triggers(sent: Any, lex: Lexicon) -> list[Trigger]:
    """Triggers in one sentence (a spaCy Span), longest phrase first where they overlap."""
    tokens = list(sent)
    matches = lex.triggers.find(tokens)
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: dict[int, tuple[int, int]] = {}
    out: list[Trigger] = []
    for m in matches:
        span = (m.start, m.end)
        if any(i in taken and taken[i] != span for i in range(m.start, m.end)):
            continue
        doc = sent.doc
        tok = doc[m.start : m.end].root  # the syntactic head of the phrase ("handed" in "handed over")
        # "riot police" is not a riot; "strike" alone is ambiguous (labour strike / air strike)
        if m.label == "riot" and tok.i + 1 < len(doc) and doc[tok.i + 1].lemma_.lower() in RIOT_POLICE:
            continue
        if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ == "according":
            continue  # "March 12", "according to"
        if tok.dep_ == "amod" and tok.tag_ == "VBN":
            continue  # participial adjective: "the occupied region", "the besieged town"
        if (
            m.label == "agreement"
            and tok.pos_ == "NOUN"
            and tok.dep_ == "pobj"
            and tok.head.lower_
            in ("under", "to", "per", "despite", "with", "within", "following", "after", "before", "by", "in")
        ):
            continue  # "under the agreement", "according to the deal": a reference, not an event
        checked = _check(m, tok, lex) if m.label in CONDITIONAL else (m.label, f"lexicon '{m.phrase.text}'")
        if checked is None:
            continue
        frame, rule = checked
        if any(t.frame == frame and t.start == m.start for t in out):
            continue
        for i in range(m.start, m.end):
            taken[i] = span
        text = doc[m.start : m.end].text
        out.append(Trigger(frame, tok, m.start, m.end, text, rule, m.phrase.text))
    out.sort(key=lambda t: t.start)
    return out
