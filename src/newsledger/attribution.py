"""Helpers for attribution: quotation spans, cue lexicons, source phrases and pronoun sources.

Used by :mod:`newsledger.stages.claims`; the cue lexicons live in ``data/attribution_cues.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Tok = Any  # a spaCy Token (only nlp.py imports spaCy)

OPENING = frozenset("“«„")
CLOSING = frozenset("”»’")
STRAIGHT = frozenset('"')
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
    according: tuple[str, ...]

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
            according=tuple(d["according"]),
        )


def quote_spans(text: str, closed_only: bool = False) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of quotations, the quote marks excluded.

    Curly quotes pair opening with closing; straight quotes alternate. A quotation opened and
    not closed runs to the end of its paragraph (a quotation over several paragraphs yields
    one span per paragraph); ``closed_only`` leaves such unclosed quotations out.
    """
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n" and open_at is not None:  # a quotation ends with its paragraph at the latest
            spans.append((open_at, i, False))
            open_at = None
        elif c in OPENING:
            if open_at is None:
                open_at = i + 1
        elif c in CLOSING and c != "’":  # ’ is mostly an apostrophe
            if open_at is not None:
                spans.append((open_at, i, True))
                open_at = None
        elif c in STRAIGHT:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if open_at is None and (i == 0 or prev.isspace() or prev in "([—–-:") and not nxt.isspace():
                open_at = i + 1
            elif open_at is not None and not prev.isspace():
                spans.append((open_at, i, True))
                open_at = None
            elif open_at is not None:
                open_at = i + 1  # a stray mark: restart here
        i += 1
    if open_at is not None:
        spans.append((open_at, n, False))
    return [(a, b) for a, b, closed in spans if b - a > 1 and (closed or not closed_only)]


def phrase_span(tok: Tok, avoid: Tok | None = None) -> tuple[int, int]:
    """Token range ``[i, j)`` of ``tok``'s whole phrase (modifiers, appositions and relative
    clauses included), without the part that holds ``avoid`` (the cue), without edge
    punctuation and not across a line break."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if avoid is not None:
        for c in tok.children:
            if c.left_edge.i <= avoid.i <= c.right_edge.i:
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
    """The person a he/she source stands for: the last PERSON named before it, outside quotes.

    Returns (name, start char, end char) of the antecedent mention; a surname alone is
    expanded to the fullest earlier mention of the same person ("Putin" → "Vladimir Putin").
    """
    low = tok.lower_
    if low not in PERSON_PRONOUNS:
        return None
    persons = [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and e.end <= tok.i and not any(a <= e.start_char < b for a, b in quotes)
    ]
    if not persons:
        return None
    last = persons[-1]
    name = last.text
    surname = last[-1].text
    for e in persons:
        if e[-1].text == surname and len(e.text) > len(name):
            name = e.text
    return name.strip(), last.start_char, last.end_char
