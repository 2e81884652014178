"""Actors of an event: who did it (actor1), to whom (actor2), with whom (assoc_actors).

Roles come from the dependency parse around the trigger (subject, passive agent "by X",
object, "on/against X", compounds like "rebel attack"); each noun phrase is then normalised to
an ACLED-style actor name with its country:

* "units of the Azerbaijani army" → ``Military Forces of Azerbaijan``
* "riot police" → ``Police Forces of <country>``; "protesters" → ``Protesters (<country>)``
* "Islamic State fighters" → ``Islamic State (IS)``; "rebels" → ``Rebels (<country>)``
* "President Ilham Aliyev" with "Azerbaijani"/"of Azerbaijan" → ``Government of Azerbaijan``
* a country name as subject ("Armenia handed over ...") → ``Government of Armenia``
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .lexicon import Country, Lexicon

ARMED = frozenset({"military", "police", "peacekeepers", "rebels", "militants", "named"})
STATE = frozenset({"military", "police", "government"})
NON_STATE = frozenset({"rebels", "militants", "named"})
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "obj"})
TITLE_WORDS = frozenset(
    {
        "president",
        "minister",
        "leader",
        "king",
        "premier",
        "chancellor",
        "chief",
        "commander",
        "emir",
        "general",
    }
)
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
STOP_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep"})


@dataclass(frozen=True)
class Actor:
    name: str
    category: str  # military, police, peacekeepers, rebels, militants, named, protesters, rioters,
    #               civilians, government, country, person, unknown
    country: Country | None
    head: Any  # the spaCy token heading the phrase
    text: str

    @property
    def armed(self) -> bool:
        return self.category in ARMED


def phrase_tokens(head: Any) -> list[Any]:
    """The noun phrase around ``head``: its subtree without clauses, conjuncts and appositions,
    but keeping "of"-complements ("units of the army")."""
    keep = [head]
    for child in head.children:
        if child.dep_ in STOP_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
            continue
        keep.extend(child.subtree)
    return sorted(keep, key=lambda t: t.i)


def conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.conjuncts:
        if c.i != tok.i:
            out.append(c)
    return sorted(out, key=lambda t: t.i)


def _country_in(tokens: Iterable[Any], lex: Lexicon) -> Country | None:
    toks = list(tokens)
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            chunk = toks[i : i + n]
            if not chunk[0].text[:1].isupper():
                continue
            key = " ".join(t.text for t in chunk).lower().removesuffix("'s").strip()
            c = lex.demonyms.get(key)
            if c is not None:
                return c
    return None


def _named_group(text: str, lex: Lexicon) -> str | None:
    low = " " + text.lower().replace("’", "'") + " "
    spaced = low.replace("-", " ").replace(",", " ")  # (computed once: the loop is long)
    upper = " " + text.replace("'s", "") + " "
    best: tuple[int, str] | None = None
    for size, canon, short, needle in lex.group_needles:
        if short:
            # short acronyms must appear in upper case as a word
            if needle not in upper:
                continue
        elif needle not in spaced and needle not in low:
            continue
        if best is None or size > best[0]:
            best = (size, canon)
    return best[1] if best else None


def _category(tokens: list[Any], head: Any, lex: Lexicon) -> str:
    lemmas = [t.lemma_.lower() for t in tokens]
    words = [t.lower_ for t in tokens]
    # multiword nouns first ("armed forces", "riot police", "security forces")
    for n in (2, 1):
        for i in range(len(tokens) - n + 1):
            for seq in (lemmas, words):
                key = " ".join(seq[i : i + n])
                cat = lex.actor_nouns.get(key)
                if cat and tokens[i + n - 1].i == head.i:
                    return cat
    for seq in (head.lemma_.lower(), head.lower_):
        cat = lex.actor_nouns.get(seq)
        if cat:
            return cat
    # "army post", "police station": the modifier tells whose it is
    for t in tokens:
        if t.head.i == head.i and t.dep_ in ("compound", "amod"):
            cat = lex.actor_nouns.get(t.lemma_.lower()) or lex.actor_nouns.get(t.lower_)
            if cat in ("military", "police", "peacekeepers", "rebels", "militants"):
                return cat
    # "units of the army": look into the of-complement
    for t in tokens:
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == head.i:
            return _category(phrase_tokens(t), t, lex)
    return "unknown"


def classify(head: Any, lex: Lexicon, fallback_country: Country | None = None) -> Actor | None:
    """Normalise the noun phrase headed by ``head`` to an :class:`Actor` (None for pronouns etc.)."""
    if head.pos_ == "PRON" or head.lower_ in ("who", "which", "that", "it", "this"):
        return None
    if head.ent_type_ in NOT_ACTOR_ENTS or head.dep_ in ("npadvmod", "advmod"):
        return None
    tokens = phrase_tokens(head)
    text = " ".join(t.text for t in tokens).strip()
    country = _country_in(tokens, lex)
    if head.ent_type_ in ("GPE", "LOC", "FAC") and not lex.demonyms.get(text.lower()):
        return None  # a place, not an actor
    group = _named_group(text, lex)
    if group:
        return Actor(group, "named", country, head, text)
    whole = lex.demonyms.get(text.lower().removeprefix("the ").removesuffix(" 's"))
    if whole is not None and head.pos_ == "PROPN" and head.ent_type_ not in ("NORP",):
        return Actor(f"Government of {whole.name}", "country", whole, head, text)
    cat = _category(tokens, head, lex)
    own = country
    country = country or fallback_country
    cname = country.name if country else None
    is_title = any(t.lower_ in TITLE_WORDS for t in tokens)
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and is_title):
        if is_title and own is not None:
            return Actor(f"Government of {own.name}", "government", own, head, text)
        return Actor(text, "person", own, head, text)
    if cat == "unknown" and own is not None and head.pos_ == "PROPN" and lex.demonyms.get(head.lower_):
        return Actor(f"Government of {own.name}", "country", own, head, text)
    if cat == "militants" and any(
        lex.actor_nouns.get(t.lemma_.lower()) == "rebels" for t in tokens if t.i != head.i
    ):
        cat = "rebels"  # "rebel fighters"
    if cat == "military":
        if any(t.lower_ in lex.word_set("non_state_words") for t in tokens):
            return Actor(f"Rebels ({cname})" if cname else "Rebels", "rebels", country, head, text)
        return Actor(
            f"Military Forces of {cname}" if cname else "Military Forces", "military", country, head, text
        )
    if cat == "police":
        return Actor(f"Police Forces of {cname}" if cname else "Police Forces", "police", country, head, text)
    if cat == "peacekeepers":
        return Actor(
            f"Peacekeeping Forces of {cname}" if cname else "Peacekeeping Forces", cat, country, head, text
        )
    if cat == "government":
        return Actor(f"Government of {cname}" if cname else "Government", cat, country, head, text)
    names = {
        "rebels": "Rebels",
        "militants": "Unidentified Armed Group",
        "protesters": "Protesters",
        "rioters": "Rioters",
        "civilians": "Civilians",
    }
    if cat in names:
        base = names[cat]
        return Actor(f"{base} ({cname})" if cname else base, cat, country, head, text)
    if head.ent_type_ in ("ORG", "NORP") or head.pos_ == "PROPN":
        return Actor(text, "unknown", own, head, text)
    return None


@dataclass(frozen=True)
class Roles:
    agents: tuple[Any, ...] = ()  # heads of the doers' phrases
    patients: tuple[Any, ...] = ()  # heads of the targets' phrases
    recipients: tuple[Any, ...] = ()  # "to X" of transfers


def _governing_verb(tok: Any) -> Any | None:
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def roles(trigger: Any) -> Roles:
    """Agents and patients of the trigger token, from the dependency parse."""
    agents: list[Any] = []
    patients: list[Any] = []
    recipients: list[Any] = []
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is None:
        # noun trigger: "attack by rebels", "rebel attack", "ISIS's attack on the base"
        for c in trigger.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ"):
                agents.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                agents.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
                patients.extend(g for g in c.children if g.dep_ == "pobj")
        # "X carried out / launched an attack": the light verb's subject is the agent
        if trigger.dep_ in OBJ_DEPS and not agents:
            verb = trigger.head
        elif trigger.dep_ in PASS_SUBJ_DEPS | SUBJ_DEPS:
            v = trigger.head
            for c in v.children:
                if c.dep_ in OBJ_DEPS:
                    patients.append(c)
        if verb is None:
            return Roles(tuple(agents), tuple(patients))
    for c in verb.children:
        if c.dep_ in SUBJ_DEPS:
            (agents if verb is trigger or trigger.dep_ in OBJ_DEPS else patients).append(c)
        elif c.dep_ in PASS_SUBJ_DEPS:
            patients.append(c)
        elif c.dep_ == "agent":
            agents.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in OBJ_DEPS and verb is trigger:
            patients.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and verb is trigger:
            patients.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("prep", "dative") and c.lower_ == "to":
            recipients.extend(g for g in c.children if g.dep_ == "pobj")
    # "killed and wounded scores of X": the object sits on the last conjunct
    if not patients and verb is trigger:
        for conj in verb.conjuncts:
            patients.extend(c for c in conj.children if c.dep_ in OBJ_DEPS)
    # shared subject of coordinated verbs ("attacked and occupied", "was shot and killed")
    if not any(c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS for c in verb.children) and verb.dep_ == "conj":
        first = verb.head
        for c in first.children:
            if c.dep_ in SUBJ_DEPS:
                agents.append(c)
            elif c.dep_ in PASS_SUBJ_DEPS:
                patients.append(c)
            elif c.dep_ == "agent":
                agents.extend(g for g in c.children if g.dep_ == "pobj")
    # participial modifier: "rebels attacking the town", "civilians killed by ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients.append(verb.head)
    elif verb.dep_ in ("acl", "relcl") and not agents:
        agents.append(verb.head)
    # no subject of its own: "after seizing the town", "by recapturing", "vowed to attack"
    subjectless = not agents and not any(c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS for c in verb.children)
    if subjectless and (
        verb.dep_ in ("advcl", "xcomp", "pcomp", "conj") or (verb.dep_ == "pobj" and verb.head.dep_ == "prep")
    ):
        up = verb.head if verb.dep_ not in ("pcomp", "pobj") else verb.head.head
        agents.extend(c for c in up.children if c.dep_ in SUBJ_DEPS)
    # a pronoun doer of a reported clause is the reporter: "IS said it captured ..."
    if agents and all(a.pos_ == "PRON" for a in agents) and verb.dep_ == "ccomp":
        agents = [c for c in verb.head.children if c.dep_ in SUBJ_DEPS] or agents
    # "the district, the units of the army, entered": appositions name the same actor
    agents += [c for a in list(agents) for c in a.children if c.dep_ == "appos"]
    expand = lambda xs: tuple(t for x in xs for t in conjuncts(x))  # noqa: E731
    return Roles(expand(agents), expand(patients), expand(recipients))
