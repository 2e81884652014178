"""Attribution patterns besides cue verbs: "according to X", cue nouns ("Trump's claim that
..."), and headline style "Speaker: what they say". Used by :mod:`newsledger.stages.claims`."""

from __future__ import annotations

import re
from typing import Any

from ..attribution import (
    Candidate,
    CueLexicon,
    Tok,
    chars,
    clause_minus,
    resolve_pronoun,
    same_block,
    source_of,
    subject,
    trim,
)
from ..nlp import doc_text, token_column


def noun_claim(doc: Any, tok: Tok, quotes: list[tuple[int, int]], lex: CueLexicon) -> Candidate | None:
    """A cue noun with its owner and content: "Trump's claim that ...", "her call for ...",
    "the ministry's statement on ..."."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
    borrowed = owner is None
    if borrowed:
        owner = _doer(tok, quotes)
    if owner is None:
        return None
    comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i), None)
    if comp is None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in lex.noun_preps), None)
        comp = (
            next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None)
            if prep is not None
            else None
        )
    if comp is None or (borrowed and not _what_is_said(comp)):
        return None
    source, source_span = source_of(doc, owner, quotes, tok)
    if source is None:
        return None
    if owner.lower_ in ("his", "her", "their", "its") and source_span:
        resolved = resolve_pronoun(doc, owner, quotes) if owner.lower_ in ("his", "her") else None
        source = resolved[0] if resolved else source
    content = chars(doc, comp.left_edge.i, comp.right_edge.i + 1)
    return Candidate(content, chars(doc, tok.i, tok.i + 1), source, source_span)


NOT_SAID = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "ORG", "EVENT"})


def _what_is_said(comp: Tok) -> bool:
    """A cue noun's complement that can be what is said when the noun has no owner of its own:
    a clause ("accusations that ...") or the object of "for", "against", "of", "about", "on"
    that is not a date, a place or an event ("a speech on Thursday", "a bid for the House")."""
    if comp.pos_ in ("VERB", "AUX"):
        return True
    return comp.head.lower_ in ("for", "against", "of", "about", "on") and comp.ent_type_ not in NOT_SAID


def _doer(noun: Tok, quotes: list[tuple[int, int]]) -> Tok | None:
    """ "Christie repeated accusations that ...", "he voiced hopes of ...": a cue noun without an
    owner that is the object of a verb belongs to that verb's subject."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject(verb, quotes)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") else None


def according_claim(doc: Any, tok: Tok, quotes: list[tuple[int, int]]) -> Candidate | None:
    """ "according to X": the clause the phrase modifies, on X's word."""
    to = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if to is None or to.lower_ != "to":
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source, source_span = source_of(doc, pobj, quotes, tok)
    head = tok.head if tok.head.i != tok.i else None
    while head is not None and head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        head = head.head
    content = None
    phrase_end = max(pobj.right_edge.i, to.i) + 1
    if head is not None and head.pos_ in ("VERB", "AUX"):
        content = clause_minus(doc, head, tok)
    if content is None:  # the rest of the sentence
        sent = tok.sent
        if tok.i - sent.start > 2:
            content = chars(doc, sent.start, tok.i)
        elif phrase_end < sent.end:
            content = chars(doc, phrase_end, sent.end)
    cue = chars(doc, tok.i, to.i + 1)
    content = same_block(doc_text(doc), content, cue) if content else None
    if content is None:
        return None
    return Candidate(content, cue, source, source_span)


def colon_claims(doc: Any, lex: CueLexicon) -> list[Candidate]:
    """Headline style "Speaker: what they say" — a short name before a colon at a line's start;
    the content is the rest of the line, or the next paragraph when the line ends there."""
    text = doc_text(doc)
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        k = line.find(": ")
        if k <= 0 or (k > 60 and not line.endswith(":")):
            k = len(line) - 1 if line.rstrip().endswith(":") else k
        if k <= 0 or k > 60:
            continue
        prefix = line[:k].strip()
        folded = prefix.lower().replace("’", "'")
        if not prefix or not prefix[0].isupper() or len(prefix.split()) > 6:
            continue
        if folded in lex.colon_not_sources or folded.split()[0] in lex.colon_not_sources:
            continue
        lo = start + line.index(prefix)
        span = doc.char_span(lo, lo + len(prefix), alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in span):
            continue
        named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span)
        if not named and not any(t.lemma_.lower() in lex.document_nouns for t in span):
            continue
        colon = start + k
        c_lo, c_hi = trim(text, colon + 1, start + len(line))
        if c_hi - c_lo < 3:  # the content is the next paragraph
            nxt = text.find("\n", colon)
            while nxt >= 0 and nxt < len(text) and text[nxt] in "\n \t\r":
                nxt += 1
            end = text.find("\n", nxt) if nxt >= 0 else -1
            c_lo, c_hi = trim(text, nxt, end if end >= 0 else len(text))
        words = [w for w in text[c_lo:c_hi].split() if any(ch.isalpha() for ch in w)]
        if len(words) >= 2 and not text[c_lo:c_hi].startswith("http"):
            out.append(Candidate((c_lo, c_hi), (colon, colon + 1), prefix, (lo, lo + len(prefix))))
    return out


_WORD = re.compile(r"\S+")
_EDGE = " \t,;:\"“”‘’'()"


def _inflections(lemmas: frozenset[str]) -> dict[str, str]:
    """Third-person present and past forms of cue lemmas ("says", "praises", "denies",
    "tweeted")."""
    forms: dict[str, str] = {}
    for lemma in lemmas:
        forms[lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")] = lemma
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms[lemma[:-1] + "ies"] = lemma
            forms[lemma[:-1] + "ied"] = lemma
        forms[lemma + ("d" if lemma.endswith("e") else "ed")] = lemma
    return forms


def headline_claims(doc: Any, lex: CueLexicon) -> list[Candidate]:
    """Headline style "Minister Says Talks Will Resume", "Union Blasts Plan To Cut Jobs": a
    line in title case with a cue verb in the third person or past after a capitalised name;
    the words before are the source, the words after what is said. (The parse of title case
    is unreliable, so the words are read directly.)"""
    text = doc_text(doc)
    forms: dict[str, str] | None = None
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        words = list(_WORD.finditer(line))
        long = [w.group() for w in words if len(w.group().strip(_EDGE)) > 3]
        if len(words) < 3 or len(words) > 25 or len(long) < 2:
            continue
        if sum(w.strip(_EDGE)[:1].isupper() for w in long) < 0.8 * len(long):
            continue  # not title case
        forms = forms if forms is not None else _inflections(lex.cues)
        for k in range(1, min(len(words) - 1, 9)):
            word = words[k].group().strip(_EDGE)
            if not word[:1].isupper() or word.lower() not in forms:
                continue
            if word.lower().endswith("d") and words[k + 1].group().lower() == "by":
                break  # passive: "Suspect Named By Police"
            src_lo, src_hi = trim(text, start, start + words[k].start())
            c_lo, c_hi = trim(text, start + words[k].end(), start + len(line))
            if src_hi - src_lo < 2 or c_hi - c_lo < 3 or not text[src_lo].isupper():
                break
            cue = (start + words[k].start(), start + words[k].start() + len(words[k].group().rstrip(_EDGE)))
            out.append(Candidate((c_lo, c_hi), cue, text[src_lo:src_hi], (src_lo, src_hi)))
            break
    return out


def colon_intro_claims(doc: Any, quotes: list[tuple[int, int]]) -> list[Candidate]:
    """A clause that ends in a colon right before a quotation introduces it:
    "Cruz answered the moderators:\n\n'...'" — the quotation on the word of the clause's
    subject, with its verb as cue (any verb: "released the following statement:")."""
    text = doc_text(doc)
    out = []
    for i, orth in enumerate(token_column(doc, "ORTH")):
        if orth != ":":
            continue
        colon = doc[i]
        colon_end = colon.idx + 1
        quote = next(
            ((qs, qe) for qs, qe in quotes if qs > colon_end and not text[colon_end:qs].strip(' \t\r\n"“«')),
            None,
        )
        if quote is None:
            continue
        verb = colon.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i > colon.i:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or any(a <= subj.idx < b for a, b in quotes):
            continue
        source, source_span = source_of(doc, subj, quotes, verb)
        if source is None:
            continue
        out.append(Candidate(quote, chars(doc, verb.i, verb.i + 1), source, source_span))
    return out
