"""Helpers for attribution: cue lexicons, source phrases and pronoun sources.

Used by :mod:`newsledger.stages.claims` (quotations: :mod:`newsledger.quotations`); the cue lexicons live in ``data/attribution_cues.json``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .nlp import doc_text, token_column
from .quotations import inside

Tok = Any  # a spaCy Token (only nlp.py imports spaCy)

# heads of descriptions that name an office-holder ("the Russian leader")
TITLE_NOUNS = frozenset(
    {
        "leader", "president", "minister", "premier", "chancellor", "king", "queen", "emir", "prince",
        "monarch", "sultan", "governor", "mayor", "senator", "general", "commander", "chief", "secretary",
        "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "head", "chairman", "chairwoman",
        "speaker", "ayatollah", "pope", "patriarch", "dictator", "strongman", "ruler", "candidate", "nominee",
    }
)  # fmt: skip
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "who", "which", "that"})


@dataclass(frozen=True)
class CueLexicon:
    cues: frozenset[str]
    xcomp_ok: frozenset[str]
    dobj_never: frozenset[str]
    document_nouns: frozenset[str]
    prep_content: dict[str, frozenset[str]]
    colon_not_sources: frozenset[str]
    nouns: frozenset[str]
    noun_preps: frozenset[str]

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> CueLexicon:
        return cls(
            cues=frozenset(d["speech"]) | frozenset(d["cognition"]),
            xcomp_ok=frozenset(d["xcomp_ok"]),
            dobj_never=frozenset(d["dobj_never"]),
            document_nouns=frozenset(d["document_nouns"]),
            prep_content={k: frozenset(v) for k, v in d["prep_content"].items()},
            colon_not_sources=frozenset(d["colon_not_sources"]),
            nouns=frozenset(d["nouns"]),
            noun_preps=frozenset(d["noun_preps"]),
        )


CLAUSES = frozenset({"ccomp", "csubj", "advcl", "parataxis"})


def phrase_span(tok: Tok, avoid: Tok | None = None) -> tuple[int, int]:
    """Token range ``[i, j)`` of ``tok``'s whole phrase (modifiers, appositions and relative
    clauses included), without the part that holds ``avoid`` (the cue) or a clause of its
    own (ccomp, advcl: parse errors), without edge
    punctuation and not across a line break."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    for c in tok.children:
        # the cue's part, and clauses the parse hung on a name ('"...," Smith told ...')
        if (avoid is not None and c.left_edge.i <= avoid.i <= c.right_edge.i) or c.dep_ in CLAUSES:
            if c.i > tok.i:
                hi = min(hi, c.left_edge.i - 1)
            else:
                lo = max(lo, c.right_edge.i + 1)
    doc = tok.doc
    for k in range(tok.i, hi + 1):  # a phrase does not run over a line break
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            hi = k
            break
    for k in range(tok.i - 1, lo - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            lo = k + 1
            break
    while hi > tok.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    while lo < tok.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, hi + 1


def resolve_pronoun(doc: Any, tok: Tok, quotes: list[tuple[int, int]] = ()) -> tuple[str, int, int] | None:  # type: ignore[assignment]
    """The person a he/she source stands for: the last person named before it, outside quotes
    — a PERSON entity, or a proper-noun subject the model did not label ("Sanders said ...").

    Returns (name, start char, end char) of the antecedent mention; a surname alone is
    expanded to the fullest earlier mention of the same person ("Putin" → "Vladimir Putin").
    """
    if tok.lower_ not in PERSON_PRONOUNS:
        return None
    mentions = [
        (start, end, text, last)
        for after, start, end, text, last in person_mentions(doc)
        if after <= tok.i and not inside(start, quotes)
    ]
    if not mentions:
        return None
    start, end, name, surname = max(mentions)
    for _, _, text, last in mentions:
        if last == surname and len(text) > len(name):
            name = text
    return name.strip(), start, end


def person_mentions(doc: Any) -> list[tuple[int, int, int, str, str]]:
    """Where people are named in ``doc``, in text order: (token index after the mention, start
    char, end char, text, last word) of PERSON entities and of proper-noun subjects the model
    did not label ("Sanders said ..."). Computed once per Doc (kept in ``doc.user_data``)."""
    found = doc.user_data.get("newsledger.person_mentions")
    if found is None:
        ents = [
            (e.end, e.start_char, e.end_char, str(e.text), str(e[-1].text))
            for e in doc.ents
            if e.label_ == "PERSON"
        ]
        spans = [(start, end) for _, start, end, _, _ in ents]
        dep, pos, ent = token_column(doc, "DEP"), token_column(doc, "POS"), token_column(doc, "ENT_TYPE")
        subjects = [
            (t.i + 1, t.idx, t.idx + len(t.text), str(t.text), str(t.text))
            for t in (
                doc[i]
                for i in range(len(doc))
                if dep[i] == "nsubj" and pos[i] == "PROPN" and ent[i] in ("", "PERSON", "ORG")
            )
            if t.head.pos_ == "VERB" and not inside(t.idx, spans)
        ]
        found = doc.user_data["newsledger.person_mentions"] = sorted(ents + subjects, key=lambda m: m[1])
    return found


# --- candidate claims and the pieces they are built from -------------------------------

REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
TRIM = " \t\r\n,;:.—–-\"“”«»'‘’()"


@dataclass(frozen=True)
class Candidate:
    content: tuple[int, int]
    cue: tuple[int, int]
    source: str | None
    source_span: tuple[int, int] | None


def lemma_of(tok: Tok) -> str:
    return str(tok.lemma_).lower()


def chars(doc: Any, lo: int, hi: int) -> tuple[int, int]:
    """Char span of tokens ``[lo, hi)``."""
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in TRIM:
        lo += 1
    while hi > lo and text[hi - 1] in TRIM:
        hi -= 1
    return lo, hi


def subject(tok: Tok, quotes: list[tuple[int, int]] = ()) -> Tok | None:  # type: ignore[assignment]
    """The speaker: the cue's subject (nearest one outside quotes), inherited through
    conjunctions, control verbs and gerunds after a preposition, the agent of a passive, or the noun a relative clause
    ("who said") or participle ("a statement saying") hangs on."""
    subs = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PUNCT"]
    if subs:
        return min(subs, key=lambda c: (any(a <= c.idx < b for a, b in quotes), abs(c.i - tok.i)))
    for c in tok.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i:
        return tok.head
    if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
        return subject(tok.head, quotes) if tok.head.pos_ in ("VERB", "AUX") else None
    # "before floating the idea that ...", "in addition to stating that ...": the verb's subject
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
        verb = tok.head.head
        return subject(verb, quotes) if verb.i != tok.head.i and verb.pos_ in ("VERB", "AUX") else None
    return None


def subject_after_quote(doc: Any, tok: Tok, quotes: list[tuple[int, int]]) -> Tok | None:
    """'"...," Trump, the front-runner, said' when the parse lost the subject: the first
    noun phrase between the closing quote and the cue."""
    for _qs, qe in quotes:
        if qe <= tok.idx and tok.idx - qe < 200 and "\n" not in doc_text(doc)[qe : tok.idx]:
            span = doc.char_span(qe, tok.idx, alignment_mode="expand")
            words = span if span is not None else ()
            between = [t for t in words if qe <= t.idx < tok.idx and t.pos_ in ("PROPN", "NOUN", "PRON")]
            if between and doc_text(doc)[qe : between[0].idx].strip(" ,\"”’'") == "":
                head = between[0]
                while head.dep_ == "compound" and head.head.i < tok.i and head.head.i > head.i:
                    head = head.head
                return head
    return None


def subject_before(doc: Any, tok: Tok) -> Tok | None:
    """ "In a statement, her adviser, Jake Smith, said: ..." when the parse hung the speaker on
    an earlier noun: the noun phrase that ends right before the cue (a comma between)."""
    k = tok.i - 1
    while k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or doc[k].pos_ not in ("PROPN", "NOUN") or crosses_line(doc, k, tok.i):
        return None
    t = doc[k]
    while t.dep_ in ("compound", "flat") and t.head.i > t.i and t.head.i < tok.i:
        t = t.head
    while t.dep_ == "appos" and t.head.pos_ in ("NOUN", "PROPN") and t.head.dep_ not in ("pobj", "dobj"):
        t = t.head
    return t if t.dep_ not in ("pobj", "dobj", "poss") else None


def source_of(
    doc: Any, tok: Tok | None, quotes: list[tuple[int, int]], cue_tok: Tok = None
) -> tuple[str | None, tuple[int, int] | None]:
    if tok is None:
        return None, None
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    lo, hi = phrase_span(tok, cue_tok)
    span = chars(doc, lo, hi)
    text = doc_text(doc)[span[0] : span[1]]
    if tok.lower_ in PRONOUNS and hi - lo == 1:
        resolved = resolve_pronoun(doc, tok, quotes)
        if resolved:
            return resolved[0], span
    named = resolve_title(doc, tok, quotes)
    if named:
        return f"{text} ({named})", span
    return text, span


def resolve_title(doc: Any, tok: Tok, quotes: list[tuple[int, int]]) -> str | None:
    """ "the Russian leader" → the person last named with that modifier and a title
    ("Russian President Vladimir Putin"), or None."""
    if tok.lower_ not in TITLE_NOUNS or tok.ent_type_ == "PERSON":
        return None
    kids = list(tok.children)
    if not any(c.lower_ == "the" for c in kids):
        return None
    mods = {
        c.lower_
        for c in kids
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or c.is_title)
    }
    if not mods:
        return None
    for e in reversed([e for e in doc.ents if e.label_ == "PERSON" and e.end <= tok.i]):
        if any(a <= e.start_char < b for a, b in quotes):
            continue
        before = {t.lower_ for t in doc[max(0, e.start - 4) : e.start]}
        if mods & before and before & TITLE_NOUNS:
            return str(e.text)
    return None


def quote_touching(doc: Any, quotes: list[tuple[int, int]], left: int, right: int) -> tuple[int, int] | None:
    """A quotation ending just before char ``left`` ("'...,' he said") or starting just after
    char ``right`` ("he said: '...'"), with only commas, colons and quote marks in between (or
    a few words closed by a colon: "he told reporters: '...'")."""
    text = doc_text(doc)
    ended: tuple[int, int] | None = None  # a quotation before that closed its own sentence
    k = bisect_right(quotes, (left, float("inf")))  # only the quotations next to the cue can touch it
    for qs, qe in quotes[max(0, k - 2) :]:
        if qe <= left:
            between = text[qe:left]
            if "\n" not in between and not between.strip(" \t,\"“”«»'’—–-"):
                if text[qe - 1] not in ".?!" or "," in between:
                    return qs, qe
                ended = (qs, qe)  # '"...?" He answered, "..."': the one after, if any
        elif qs >= right:
            if qs - right > 400:
                break  # sorted: the rest is farther still
            between = text[right:qs]
            rest = between.strip(" \t\r\n,:\"“”«»'‘—–-")
            if rest in ("", "that") and ("\n" not in between or ":" in between):
                return qs, qe
            # "he told reporters on Monday: '...'" — a few words, then a colon
            if between.rstrip(' \t\r\n"“«').endswith(":") and len(rest.split()) <= 8 and "." not in rest:
                return qs, qe
    return ended


def cue_span(doc: Any, tok: Tok) -> tuple[int, int]:
    lo, hi = tok.i, tok.i + 1
    for c in tok.children:
        if c.dep_ == "prt" and c.i == hi:
            hi += 1
    return chars(doc, lo, hi)


def clause_minus(doc: Any, head: Tok, cut: Tok) -> tuple[int, int] | None:
    """``head``'s subtree minus ``cut``'s subtree: the longer of the parts before and after it."""
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    clo, chi = cut.left_edge.i, cut.right_edge.i + 1
    parts = [(a, b) for a, b in ((lo, min(hi, clo)), (max(lo, chi), hi)) if b > a]
    parts = [(a, b) for a, b in parts if any(not doc[k].is_punct for k in range(a, b))]
    if not parts:
        return None
    a, b = max(parts, key=lambda p: p[1] - p[0])
    return chars(doc, a, b)


def after_comma(doc: Any, i: int) -> bool:
    """A parenthetical cue ("..., the ministry said") follows a comma, dash or quote mark."""
    return i > 0 and doc[i - 1].text in (",", "—", "–", "-", '"', "”", "’", "''")


def crosses_line(doc: Any, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in doc[lo:hi])


def same_block(text: str, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int] | None:
    """Clip a parse-derived content to the line of its cue (parses run over titles and bylines)."""
    lo, hi = content
    before = text.rfind("\n", 0, cue[0])
    after = text.find("\n", cue[1])
    if before >= 0 and lo <= before:
        lo = before + 1
    if after >= 0 and hi > after:
        hi = after
    return (lo, hi) if hi > lo else None


def through_colon(text: str, content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """ "said that given the choices: '...'" — a content ending in a colon runs through the
    quotation that follows it."""
    k = content[1]
    while k < len(text) and text[k] in ' \t"“”':
        k += 1
    if k < len(text) and text[k] == ":":
        for qs, qe in quotes:
            if qs > k and not text[k + 1 : qs].strip(' \t\r\n"“«'):
                return content[0], qe
    return content
