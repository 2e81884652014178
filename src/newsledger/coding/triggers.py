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
CONDITIONAL = frozenset(
    {"weapon_seize", "hq", "capture", "transfer", "enter", "agreement", "loot", "attack", "disrupt", "clash", "protest",
     "air", "artillery", "explosive", "chemical", "grenade"}
)  # fmt: skip
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
    more: list[Any] = []
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


PEOPLE_OBJECTS = frozenset(
    {"diplomat", "ambassador", "staff", "journalist", "official", "people", "resident", "migrant", "refugee",
     "worker", "citizen", "national", "envoy", "correspondent", "family", "civilian", "student"}
)  # fmt: skip
GROUP_NOUNS = frozenset(
    {"group", "militia", "network", "organisation", "organization", "brigade", "battalion", "committee", "council",
     "wing", "faction", "movement", "alliance", "coalition", "entity", "cell", "front"}
)  # fmt: skip
MEANS_FRAMES = frozenset({"air", "artillery", "explosive", "chemical", "grenade"})
NON_USE = frozenset(
    {"test", "testing", "launch", "development", "program", "programme", "carrier", "factory", "plant", "system",
     "deal", "sale", "purchase", "export", "import", "arsenal", "technology", "capability", "defence", "defense",
     "stockpile", "industry", "manufacturer", "show", "exercise", "drill", "fleet", "sanction", "treaty", "site"}
)  # fmt: skip


def _non_use(tok: Any) -> bool:
    """A weapon noun about tests, trade or programmes, not about its use."""
    heads = [tok.head] if tok.dep_ in ("compound", "amod", "nmod", "pobj") else []
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        heads = [tok.head.head]
    kids = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    words = (
        {t.lemma_.lower() for t in heads + kids} | {tok.head.lemma_.lower()}
        if tok.dep_ == "compound"
        else {t.lemma_.lower() for t in heads + kids}
    )
    return bool(words & NON_USE)


AUTHORITY = frozenset({"authority", "control", "power", "responsibility", "sovereignty", "jurisdiction"})
TROOPS = frozenset({"troop", "force", "soldier", "unit", "fighter", "army", "personnel", "contingent"})
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


def _core_words(heads: list[Any]) -> set[str]:
    """Lemmas of the argument heads, their modifiers and of-complements ("a cache of rifles")."""
    ws: set[str] = set()
    for h in heads:
        toks = [h, *[c for c in h.children if c.dep_ in ("compound", "amod", "conj")]]
        toks += [g for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        toks += [c for t in toks[1:] if t.dep_ == "pobj" for c in t.conjuncts]
        ws.update(t.lemma_.lower() for t in toks)
        ws.update(t.lower_ for t in toks)
    return ws


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
    core = _core_words(heads)
    weapons = lex.word_set("weapon_nouns")
    phrase = m.phrase.text
    if frame == "weapon_seize":
        if tok.pos_ == "NOUN" and lemma in ("cache", "haul", "stash", "stockpile", "seizure"):
            if words & weapons or any(t.lemma_.lower() in weapons for t in tok.sent):
                return frame, f"'{tok.text}' + weapons"
            return None
        if core & weapons:
            return frame, f"'{tok.text}' + weapons"
        return None
    if frame == "hq":
        if words & GROUP_NOUNS and not words & lex.word_set("base_nouns"):
            return "change", f"'{tok.text}' + group (new formation)"
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
            ) and bool(_words_of([tok]) & (lex.word_set("agreement_nouns") | AGREED_ACTS))
            return (frame, "'agree' to/on") if ok else None
        if lemma == "statement" and " ".join(m.phrase.words) != "joint statement":
            return None
        return frame, f"lexicon '{phrase}'"
    if frame == "capture":
        if m.phrase.words in (("fall", "to"), ("fell", "to")):
            to = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
            armed = ("military", "police", "rebels", "militants")
            if not any(
                lex.actor_nouns.get(w) in armed or lex.named_groups.get(w)
                for g in to
                for w in (g.lemma_.lower(), g.lower_)
            ):
                return None  # "fell to the floor"
        if len(m.phrase.words) > 1 or lemma in ("recapture", "retake", "overrun", "liberate", "liberation"):
            return frame, f"lexicon '{phrase}'"
        if core & weapons:
            return "weapon_seize", f"'{tok.text}' + weapons"
        objs = [h for h in heads if h.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd")] or [
            h for h in heads if h.head.lower_ in ("of", "over")
        ]
        if any(_is_place(h, lex) for h in objs) and not _words_of(objs) & PEOPLE_OBJECTS:
            return frame, f"'{tok.text}' + territory"
        if any(h.lemma_.lower() in PERSON_LEMMAS or h.ent_type_ == "PERSON" for h in heads) and lemma in (
            "capture",
            "seize",
        ):
            return "arrest", f"'{tok.text}' + person"
        return None
    if frame in ("transfer", "enter"):
        if len(m.phrase.words) > 1 and "control" not in m.phrase.words and frame == "transfer":
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            if not objs or any(_is_place(o, lex) or o.lemma_.lower() in TROOPS | AUTHORITY for o in objs):
                return frame, f"lexicon '{phrase}'"
            return None  # "pulled out a gun"
        if lemma in ("withdraw", "withdrawal") and any(
            g.lemma_.lower() in lex.word_set("agreement_nouns") or g.ent_type_ == "ORG"
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children
        ):
            return None  # withdrawing from a treaty or an organisation
        if lemma in ("evacuate", "evacuation") and (
            _words_of(heads) & PEOPLE_OBJECTS
            or not any(t.lemma_.lower() in TROOPS | {"rebel", "militant"} for t in tok.sent)
        ):
            return None  # evacuating people from a fire or flood is not a transfer of territory
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
    if frame == "disrupt" and lemma in ("intercept", "down", "shoot", "foil", "thwart"):
        if core & (weapons | {"drone", "missile", "rocket", "plane", "aircraft"}):
            return frame, f"'{tok.text}' + weapon or plot"
        return None  # "intercepted three men", "shot down a proposal"
    if frame in MEANS_FRAMES and tok.pos_ in ("NOUN", "PROPN") and _non_use(tok):
        return None  # "missile test", "rocket launch", "aircraft carrier", "bomb programme"
    if (
        frame == "clash"
        and lemma in ("battle", "fight")
        and not any(
            lex.actor_nouns.get(t.lemma_.lower()) in ("military", "police", "rebels", "militants", "named")
            or t.ent_type_ in ("NORP", "ORG")
            for t in tok.sent
        )
    ):
        return None  # "battle to contain the wildfires", "stags battle"
    if frame == "protest" and lemma == "crowd":
        sent = list(tok.sent)
        if not (lex.cue("intervention_cues").find(sent) or lex.cue("protester_violence_cues").find(sent)):
            return None  # a crowd is a protest only when it is dispersed or fights back
        return frame, "'crowd' with intervention or violence"
    if frame == "loot":
        if lemma in ("burn", "destroy", "damage", "smash", "destruction") and not (
            words & lex.word_set("property_nouns")
        ):
            return None
        return frame, f"lexicon '{phrase}'"
    if frame == "attack":
        if lemma in WEAK_ATTACK and len(m.phrase.words) == 1:
            if tok.pos_ != "VERB":
                return frame, f"'{tok.text}' (weak noun)"
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            ok = not subj or any(
                _words_of([x]) & (set(lex.actor_nouns) | lex.word_set("weapon_nouns") | PERSON_LEMMAS)
                or x.ent_type_ in ("ORG", "NORP", "PERSON")
                for x in subj
            )
            return (frame, f"'{tok.text}' (weak)") if ok else None
        return frame, f"lexicon '{phrase}'"
    return frame, f"lexicon '{phrase}'"


AGREED_ACTS = frozenset(
    {"withdraw", "withdrawal", "exchange", "swap", "release", "ceasefire", "truce", "halt", "end", "stop", "peace",
     "hand", "handover", "return", "cease", "disarm", "surrender", "evacuate", "evacuation", "pull"}
)  # fmt: skip
NAME_ENTS = frozenset({"ORG", "GPE", "FAC", "PERSON", "NORP", "WORK_OF_ART", "LOC"})
RIOT_POLICE = frozenset({"police", "gear", "squad", "control", "shield", "officer", "unit"})


def find_triggers(sent: Any, lex: Lexicon) -> list[Trigger]:
    """Triggers in one sentence (a spaCy Span), longest phrase first where they overlap."""
    matches = lex.triggers.find(sent)
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
        if tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            continue  # "according to vigilantes": a source, not an event
        if tok.dep_ == "amod" and (tok.tag_ == "VBN" or m.label in ("capture", "transfer")):
            continue  # participial adjective: "the occupied region", "the besieged town"
        if tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTS and m.label not in ("suicide", "chemical"):
            continue  # part of a name: "Government of National Accord", "Rapid Support Forces"
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
