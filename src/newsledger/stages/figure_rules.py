"""Deciding what a number counts: units, governing predicates and counted nouns.

Used by :mod:`newsledger.stages.figures`; the lexicons live in ``data/figure_kinds.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..numbers import VAGUE

Tok = Any  # a spaCy Token (only nlp.py imports spaCy)

CORE_OBJ = frozenset({"nsubjpass", "dobj", "attr", "oprd", "dative"})
STRONG_KINDS = ("fatalities", "injured", "missing", "detained", "displaced")


@dataclass(frozen=True)
class FigureLexicon:
    verbs: dict[str, str]  # lemma -> kind (strong verbs)
    weak_verbs: dict[str, str]  # lemma -> kind (used when nothing stronger governs)
    phrases: dict[tuple[str, str], str]
    nouns: dict[str, str]
    toll_nouns: dict[str, str]
    person_nouns: frozenset[str]
    time_nouns: frozenset[str]
    area_units: dict[str, float]
    percent_units: frozenset[str]
    currency_symbols: frozenset[str]
    currency_words: frozenset[str]
    furniture: frozenset[str]
    intransitive: frozenset[str]
    object_phrase_verbs: frozenset[str]
    population_heads: frozenset[str]

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> FigureLexicon:
        weak = set(d["weak_verbs"])
        verbs: dict[str, str] = {}
        weak_verbs: dict[str, str] = {}
        for kind, lemmas in d["verbs"].items():
            for lemma in lemmas:
                (weak_verbs if lemma in weak else verbs).setdefault(lemma, kind)
        phrases = {(a, b): kind for kind, pairs in d["phrases"].items() for a, b in pairs}
        nouns = {w: kind for kind, ws in d["nouns"].items() for w in ws}
        return cls(
            verbs=verbs,
            weak_verbs=weak_verbs,
            phrases=phrases,
            nouns=nouns,
            toll_nouns={w: k for k, ws in d["toll_nouns"].items() for w in ws},
            person_nouns=frozenset(d["person_nouns"]),
            time_nouns=frozenset(d["time_nouns"]),
            area_units=dict(d["area_units"]),
            percent_units=frozenset(d["percent_units"]),
            currency_symbols=frozenset(d["currency_symbols"]),
            currency_words=frozenset(d["currency_words"]),
            furniture=frozenset(d["furniture_labels"]),
            intransitive=frozenset(d["intransitive"]),
            object_phrase_verbs=frozenset(d["object_phrase_verbs"]),
            population_heads=frozenset(d["population_heads"]),
        )


@dataclass(frozen=True)
class Decision:
    kind: str
    value: float
    counts_what: str | None = None
    span_end: int = 0  # token index after the counted noun / unit
    prefix_start: int | None = None  # token index of a currency symbol before the number
    arg: Tok = None  # the token that stands for the counted thing
    part_head: Tok = None  # the total this is a sub-count of ("including")


WOUNDS = frozenset({"wound", "wounds"})


def _lemma(tok: Tok) -> str:
    return str(tok.lemma_).lower()


def _unit(doc: Any, end: int, lex: FigureLexicon) -> tuple[str, float, int] | None:
    """A unit right after the number: (kind, factor, tokens used)."""
    sent_end = doc[end - 1].sent.end
    toks = [t for t in doc[end : min(end + 3, sent_end)]]
    for n in (3, 2, 1):
        if len(toks) < n:
            continue
        lemmas = " ".join(_lemma(t) for t in toks[:n]).replace(" .", ".")
        texts = " ".join(t.lower_ for t in toks[:n]).replace(" .", ".")
        for cand in (lemmas, texts, texts.rstrip("s")):
            if cand in lex.area_units:
                return "area_km2", lex.area_units[cand], n
            if cand in lex.percent_units:
                return "percent", 1.0, n
            if n == 1 and (cand in lex.currency_words or cand.rstrip("s") in lex.currency_words):
                return "money", 1.0, n
    return None


def _newline_between(doc: Any, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in doc[lo:hi])


def _counted_noun(doc: Any, start: int, end: int, lex: FigureLexicon) -> tuple[Tok, bool]:
    """The noun the number counts and whether the number modifies it directly."""
    anchor = doc[end - 1]
    if anchor.lower_ in VAGUE:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for p in child.children:
                    if p.dep_ == "pobj":
                        return p, True
    head = anchor.head
    if (
        anchor.dep_ in ("nummod", "amod", "compound", "quantmod", "npadvmod")
        and head.i >= end
        and head.pos_ in ("NOUN", "PROPN", "ADJ", "X")
        and not _newline_between(doc, end - 1, head.i)
        and head.i - end < 6
    ) and (head.pos_ != "PROPN" or head.tag_ == "NNPS" or head.ent_type_ == "NORP"):
        return head, True
    for child in anchor.children:  # "five of them", "three of the soldiers"
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > anchor.i:
            for p in child.children:
                if p.dep_ == "pobj":
                    return p, False
    if end < len(doc) and not _newline_between(doc, end - 1, end):
        nxt = doc[end]
        if _lemma(nxt) in lex.nouns or nxt.lower_ in lex.nouns:  # "5 dead", "3 wounded"
            return nxt, True
    return None, False


def _children_lemmas(tok: Tok) -> list[str]:
    out: list[str] = []
    for c in tok.children:
        if c.dep_ in ("attr", "acomp", "dobj", "oprd", "prt", "advmod", "xcomp", "ccomp", "nsubj"):
            out.extend((_lemma(c), c.lower_))
        elif c.dep_ in ("prep", "agent"):
            out.extend(_lemma(p) for p in c.children if p.dep_ == "pobj")
    return out


def _pred_kind(verb: Tok, role: str, lex: FigureLexicon, personish: bool) -> str | None:
    """Kind from a governing predicate; ``role`` is "subj" (active subject) or "obj"."""
    chain = [verb]
    chain += [c for c in verb.children if c.dep_ == "xcomp"]
    for v in chain:
        v_lemma = _lemma(v)
        for x in _children_lemmas(v):
            kind = lex.phrases.get((v_lemma, x))
            if kind and (role == "obj" or v_lemma not in lex.object_phrase_verbs):
                return kind
    candidates = [*chain, *[c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        candidates.append(verb.head)
    for table in (lex.verbs, lex.weak_verbs):
        for v in candidates:
            kind = table.get(_lemma(v))
            if not kind:
                continue
            if role == "subj" and _lemma(v) not in lex.intransitive:
                continue
            if kind == "troops" and not personish:
                continue
            return kind
    return None


def _toll(anchor: Tok, lex: FigureLexicon) -> str | None:
    """ "the death toll rose to 45", "a toll of 45", "casualties reached 30"."""
    tok = anchor
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "NOUN" and _lemma(tok) in lex.toll_nouns and tok.i < anchor.i:
            return _toll_kind(tok, lex)
        if tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:
                if c.dep_ == "nsubj" and c.pos_ == "NOUN" and _lemma(c) in lex.toll_nouns:
                    return _toll_kind(c, lex)
            break
    return None


def _toll_kind(noun: Tok, lex: FigureLexicon) -> str:
    mods = [_lemma(c) for c in noun.children if c.dep_ in ("compound", "amod")]
    for m in mods:
        if m in lex.toll_nouns and m != "toll":
            return lex.toll_nouns[m]
    return lex.toll_nouns[_lemma(noun)]


def _climb(tok: Tok) -> tuple[Tok, Tok]:
    """Climb conjunctions/appositions and "a total of"; returns (token, part-of head or None)."""
    part_head = None
    for _ in range(4):
        head = tok.head
        if (
            tok.dep_ in ("conj", "appos")
            and head.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ")
            and head.i != tok.i
        ):
            tok = head
        elif (
            tok.dep_ == "pobj" and head.lower_ in ("including", "among", "include") and head.head.i != head.i
        ):
            part_head = head.head
            break
        elif (
            tok.dep_ == "pobj"
            and head.lower_ == "of"
            and _lemma(head.head) in ("total", "number", "group", "figure")
        ):
            tok = head.head
        else:
            break
    return tok, part_head


def _nearest_verb(doc: Any, tok: Tok, lex: FigureLexicon) -> str | None:
    """Last resort for a person count the parse left unattached: a passive or intransitive
    casualty verb of the same sentence, nearest to the right first (weak verbs such as
    "shoot" only when no strong one is there)."""
    sent = tok.sent
    right = list(doc[tok.i + 1 : sent.end])
    left = list(reversed(doc[sent.start : tok.i]))
    for table in (lex.verbs, lex.weak_verbs):
        for side in (right, left):
            for t in side:
                lemma = _lemma(t)
                kind = table.get(lemma)
                if t.pos_ != "VERB" or not kind or kind not in STRONG_KINDS:
                    continue
                passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children) or t.tag_ == "VBN"
                if passive or lemma in lex.intransitive:
                    return kind
    return None


def kind_of(doc: Any, start: int, end: int, value: float, lex: FigureLexicon) -> Decision | None:
    """Decide what the number ``doc[start:end]`` counts, or None when it is no figure."""
    anchor = doc[end - 1]
    prefix = None
    if start > 0 and doc[start - 1].text in lex.currency_symbols:
        prefix = start - 1
    elif start > 0 and doc[start - 1].lower_ in lex.currency_words and doc[start - 1].is_upper:
        prefix = start - 1  # "USD 5 million"
    unit = _unit(doc, end, lex)
    if prefix is not None:
        return Decision(
            "money", value, None, end + (unit[2] if unit and unit[0] == "money" else 0), prefix, anchor
        )
    if unit:
        unit_kind, factor, used = unit
        return Decision(unit_kind, round(value * factor, 6), None, end + used, None, anchor)
    if anchor.ent_type_ == "PERCENT" and end < len(doc) and doc[end].text == "%":
        return Decision("percent", value, None, end + 1, None, anchor)
    noun, direct = _counted_noun(doc, start, end, lex)
    if noun is not None and (_lemma(noun) in lex.time_nouns or noun.lower_ in lex.time_nouns):
        return None
    if end < len(doc) and (_lemma(doc[end]) in lex.time_nouns or doc[end].lower_ in lex.time_nouns):
        return None
    if anchor.ent_type_ in ("DATE", "TIME") and (noun is None or _lemma(noun) not in lex.person_nouns):
        return None
    arg = noun if (noun is not None and direct and anchor.lower_ not in VAGUE) else anchor
    counts_what = None
    span_end = end
    if noun is not None:
        if noun.i >= end:
            counts_what = doc[end : noun.i + 1].text
            counts_what = counts_what[3:] if counts_what.startswith("of ") else counts_what
            span_end = noun.i + 1
        else:
            counts_what = noun.text
    else:
        mods = [c for c in anchor.children if c.dep_ in ("amod", "compound") and c.i >= end]
        if mods:
            counts_what = mods[-1].text
    noun_lemma = _lemma(noun) if noun is not None else ""
    personish = noun is None or noun_lemma in lex.person_nouns or noun_lemma in lex.nouns
    tok, part_head = (arg, None) if arg.dep_ in CORE_OBJ or arg.dep_ == "nsubj" else _climb(arg)

    def decide(kind: str) -> Decision:
        return Decision(kind, value, counts_what, span_end, None, arg, part_head)

    if direct and noun is not None and noun.i >= end and noun.pos_ == "NOUN" and noun.lower_ in WOUNDS:
        return decide("other")  # "two gunshot wounds" counts wounds, not people
    toll = _toll(anchor, lex)
    if toll:
        return decide(toll)
    if noun is not None:
        for c in noun.children:  # "5 wounded soldiers", "3 dead civilians", "people killed in"
            if c.dep_ == "amod" and (_lemma(c) in lex.nouns or c.lower_ in lex.nouns):
                k = lex.nouns.get(_lemma(c)) or lex.nouns.get(c.lower_)
                if k in STRONG_KINDS:
                    return decide(str(k))
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                kind = _pred_kind(c, "obj" if c.tag_ == "VBN" else "subj", lex, personish)
                if kind:
                    return decide(kind)
    governed = False
    if tok.dep_ in CORE_OBJ or tok.dep_ == "nsubj":
        governed = True
        role = "subj" if tok.dep_ == "nsubj" else "obj"
        kind = _pred_kind(tok.head, role, lex, personish)
        if kind:
            return decide(kind)
    if noun is not None:
        kind = lex.nouns.get(noun_lemma) or lex.nouns.get(noun.lower_)
        if kind:
            return decide(kind)
    if arg.dep_ == "pobj" and arg.head.lower_ == "of" and _lemma(arg.head.head) in lex.population_heads:
        return decide("population")
    if part_head is not None:
        return decide("other")  # the total's kind is copied later
    if not governed and (noun is None or noun_lemma in lex.person_nouns):
        kind = _nearest_verb(doc, tok, lex)
        if kind and (noun is not None or anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "conj")):
            return decide(kind)
    if noun is None:
        return None
    return decide("other")
