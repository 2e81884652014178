"""The `claims` stage: attributed statements — who says (writes, believes) what, with which cue.

Found on the dependency parse:
- a cue verb ("said", "reported", "wrote", "believes", ...; ``data/attribution_cues.json``)
  with its content: a quotation right before or after it ("'...,' he wrote"; "X said: '...'"),
  else its clausal complement (ccomp; xcomp/dobj for some cues), else, when the cue is a
  parenthetical ("..., the ministry said"), the clause it hangs on;
- "according to X" (and "as reported by X", "citing X"): the clause it modifies;
- quotations that run over several sentences or paragraphs are taken whole.
The source is the cue's subject as a full noun phrase ("the Azerbaijani Defense Ministry's
press service"); "he"/"she" are resolved to the last person named before; "who" to the noun
the relative clause hangs on. A claim nested inside another claim's content is dropped (the
outer one carries it). The stage records what sources say; it never asserts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..attribution import PRONOUNS, CueLexicon, phrase_span, quote_spans, resolve_pronoun
from ..context import Context
from ..model import AnnotatedArticle, Claim
from ..pipeline import Stage

Tok = Any
_REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
_FIRST_SECOND = frozenset({"i", "we", "you", "me", "us"})
_TRIM = " \t\r\n,;:.—–-\"“”«»'‘’()"


@dataclass(frozen=True)
class _Cand:
    content: tuple[int, int]
    cue: tuple[int, int]
    source: str | None
    source_span: tuple[int, int] | None


def _lemma(tok: Tok) -> str:
    return str(tok.lemma_).lower()


def _chars(doc: Any, lo: int, hi: int) -> tuple[int, int]:
    """Char span of tokens ``[lo, hi)``."""
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in _TRIM:
        lo += 1
    while hi > lo and text[hi - 1] in _TRIM:
        hi -= 1
    return lo, hi


def _subject(tok: Tok, quotes: list[tuple[int, int]] = ()) -> Tok | None:  # type: ignore[assignment]
    """The speaker: the cue's subject (nearest one outside quotes), inherited through
    conjunctions and control verbs, the agent of a passive, or the noun a relative clause
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
        return _subject(tok.head, quotes) if tok.head.pos_ in ("VERB", "AUX") else None
    return None


def _subject_after_quote(doc: Any, tok: Tok, quotes: list[tuple[int, int]]) -> Tok | None:
    """'"...," Trump, the front-runner, said' when the parse lost the subject: the first
    noun phrase between the closing quote and the cue."""
    for qs, qe in quotes:
        if qe <= tok.idx and not doc.text[qe : tok.idx].count("\n") and tok.idx - qe < 200:
            between = [t for t in doc if qe <= t.idx < tok.idx and t.pos_ in ("PROPN", "NOUN", "PRON")]
            if between and doc.text[qe : between[0].idx].strip(" ,\"”’'") == "":
                head = between[0]
                while head.dep_ == "compound" and head.head.i < tok.i and head.head.i > head.i:
                    head = head.head
                return head
    return None


def _source(
    doc: Any, tok: Tok | None, quotes: list[tuple[int, int]], cue_tok: Tok = None
) -> tuple[str | None, tuple[int, int] | None]:
    if tok is None:
        return None, None
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    lo, hi = phrase_span(tok, cue_tok)
    span = _chars(doc, lo, hi)
    text = doc.text[span[0] : span[1]]
    if tok.lower_ in PRONOUNS and hi - lo == 1:
        resolved = resolve_pronoun(doc, tok, quotes)
        if resolved:
            return resolved[0], span
    return text, span


def _quote_touching(doc: Any, quotes: list[tuple[int, int]], left: int, right: int) -> tuple[int, int] | None:
    """A quotation ending just before char ``left`` ("'...,' he said") or starting just after
    char ``right`` ("he said: '...'"), with only commas, colons and quote marks in between."""
    text = doc.text
    for qs, qe in quotes:
        if qe <= left:
            between = text[qe:left]
            if "\n" not in between and not between.strip(" \t,\"“”«»'’—–-"):
                return qs, qe
        elif qs >= right:
            between = text[right:qs]
            rest = between.strip(" \t\r\n,:\"“”«»'‘—–-")
            if rest in ("", "that") and ("\n" not in between or ":" in between):
                return qs, qe
    return None


def _cue_span(doc: Any, tok: Tok) -> tuple[int, int]:
    lo, hi = tok.i, tok.i + 1
    for c in tok.children:
        if c.dep_ == "prt" and c.i == hi:
            hi += 1
    return _chars(doc, lo, hi)


def _clause_minus(doc: Any, head: Tok, cut: Tok) -> tuple[int, int] | None:
    """``head``'s subtree minus ``cut``'s subtree: the longer of the parts before and after it."""
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    clo, chi = cut.left_edge.i, cut.right_edge.i + 1
    parts = [(a, b) for a, b in ((lo, min(hi, clo)), (max(lo, chi), hi)) if b > a]
    parts = [(a, b) for a, b in parts if any(not doc[k].is_punct for k in range(a, b))]
    if not parts:
        return None
    a, b = max(parts, key=lambda p: p[1] - p[0])
    return _chars(doc, a, b)


def _after_comma(doc: Any, i: int) -> bool:
    """A parenthetical cue ("..., the ministry said") follows a comma, dash or quote mark."""
    return i > 0 and doc[i - 1].text in (",", "—", "–", "-", '"', "”", "’", "''")


def _crosses_line(doc: Any, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in doc[lo:hi])


def _same_block(text: str, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int] | None:
    """Clip a parse-derived content to the line of its cue (parses run over titles and bylines)."""
    lo, hi = content
    before = text.rfind("\n", 0, cue[0])
    after = text.find("\n", cue[1])
    if before >= 0 and lo <= before:
        lo = before + 1
    if after >= 0 and hi > after:
        hi = after
    return (lo, hi) if hi > lo else None


def _through_colon(text: str, content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """"said that given the choices: '...'" — a content ending in a colon runs through the
    quotation that follows it."""
    k = content[1]
    while k < len(text) and text[k] in " \t\"“”":
        k += 1
    if k < len(text) and text[k] == ":":
        for qs, qe in quotes:
            if qs > k and not text[k + 1 : qs].strip(" \t\r\n\"“«"):
                return content[0], qe
    return content


def _complement(doc: Any, tok: Tok, lex: CueLexicon) -> Tok | None:
    """The cue's complement that holds what is said: ccomp, else xcomp (for cues like "want"),
    dobj (most cues) or the object of a typical preposition ("call for", "talk about")."""
    lemma = _lemma(tok)
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    if not comps and lemma in lex.xcomp_ok:
        comps = [c for c in tok.children if c.dep_ == "xcomp"]
    if not comps and lemma not in lex.dobj_never:
        comps = [
            c
            for c in tok.children
            if c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE and c.ent_type_ not in ("DATE", "TIME")
        ]
    if not comps and lemma in lex.prep_content:
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in lex.prep_content[lemma]]
        comps = [p for c in preps for p in c.children if p.dep_ in ("pobj", "pcomp")]
    if not comps:
        return None
    return min(comps, key=lambda c: (_crosses_line(doc, c.i, tok.i), abs(c.i - tok.i)))


def _verb_claim(doc: Any, tok: Tok, quotes: list[tuple[int, int]], lex: CueLexicon) -> _Cand | None:
    subj = _subject(tok, quotes)
    own = subj is not None and subj.head.i == tok.i  # not inherited from another verb
    if subj is None or any(a <= subj.idx < b for a, b in quotes):  # the parse took a quoted word
        alt = _subject_after_quote(doc, tok, quotes)
        subj, own = (alt, True) if alt is not None else (subj, own)
    source, source_span = _source(doc, subj, quotes, tok)
    if source is None:
        return None
    cue = _cue_span(doc, tok)
    left = min(cue[0], source_span[0]) if source_span and own else cue[0]
    right = max(cue[1], source_span[1]) if source_span and own else cue[1]
    q = _quote_touching(doc, quotes, left, right)
    if q and q[0] <= cue[0] < q[1]:
        q = None
    comp = _complement(doc, tok, lex)
    # '..., "so well." He touted his wins': a quotation that closed its sentence is not this cue's
    q_ended = q is not None and q[1] <= cue[0] and doc.text[q[1] - 1] == "." and tok.sent.start_char >= q[1]
    content: tuple[int, int] | None = None
    if comp is not None:
        content = _chars(doc, comp.left_edge.i, comp.right_edge.i + 1)
        that_clause = comp.dep_ == "ccomp" and comp.left_edge.lower_ == "that"
        if q and (comp.i < tok.i or q[0] <= content[0] < q[1] or (q[1] <= cue[0] and not that_clause and not q_ended)):
            content = q  # the parse took (part of) the quotation as the complement
    elif q:
        content = q
    elif (
        tok.dep_ in ("parataxis", "ccomp", "advcl")
        and subj is not None
        and _after_comma(doc, min(tok.i, subj.left_edge.i))
    ):
        content = _clause_minus(doc, tok.head, tok)
    elif tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        end = tok.i + 2
        sent_end = doc[tok.i].sent.end
        content = _chars(doc, end, sent_end) if sent_end > end else None
    if content is None:
        return None
    if content != q:
        content = _same_block(doc.text, content, cue)
        if content is None:
            return None
    content = _through_colon(doc.text, content, quotes)
    # a content that is part of a quotation takes the whole quotation
    for qs, qe in quotes:
        if qs < content[1] and content[0] < qe and not (qs <= cue[0] < qe):
            if source_span and qs <= source_span[0] < qe:
                continue
            content = (min(qs, content[0]), max(qe, content[1]))
    return _Cand(content, cue, source, source_span)


def _noun_claim(doc: Any, tok: Tok, quotes: list[tuple[int, int]], lex: CueLexicon) -> _Cand | None:
    """A cue noun with its owner and content: "Trump's claim that ...", "her call for ...",
    "the ministry's statement on ..."."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
    if owner is None:
        return None
    comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i), None)
    if comp is None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in lex.noun_preps), None)
        comp = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if comp is None:
        return None
    source, source_span = _source(doc, owner, quotes, tok)
    if source is None:
        return None
    if owner.lower_ in ("his", "her", "their", "its") and source_span:
        resolved = resolve_pronoun(doc, owner, quotes) if owner.lower_ in ("his", "her") else None
        source = resolved[0] if resolved else source
    content = _chars(doc, comp.left_edge.i, comp.right_edge.i + 1)
    return _Cand(content, _chars(doc, tok.i, tok.i + 1), source, source_span)


def _according_claim(doc: Any, tok: Tok, quotes: list[tuple[int, int]]) -> _Cand | None:
    """ "according to X": the clause the phrase modifies, on X's word."""
    to = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if to is None or to.lower_ != "to":
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source, source_span = _source(doc, pobj, quotes, tok)
    head = tok.head if tok.head.i != tok.i else None
    while head is not None and head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        head = head.head
    content = None
    phrase_end = max(pobj.right_edge.i, to.i) + 1
    if head is not None and head.pos_ in ("VERB", "AUX"):
        content = _clause_minus(doc, head, tok)
    if content is None:  # the rest of the sentence
        sent = tok.sent
        if tok.i - sent.start > 2:
            content = _chars(doc, sent.start, tok.i)
        elif phrase_end < sent.end:
            content = _chars(doc, phrase_end, sent.end)
    cue = _chars(doc, tok.i, to.i + 1)
    content = _same_block(doc.text, content, cue) if content else None
    if content is None:
        return None
    return _Cand(content, cue, source, source_span)


def _colon_claims(doc: Any, lex: CueLexicon) -> list[_Cand]:
    """Headline style "Speaker: what they say" — a short name before a colon at a line's start;
    the content is the rest of the line, or the next paragraph when the line ends there."""
    text = doc.text
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        k = line.find(": ")
        if k <= 0 or k > 60 and not line.endswith(":"):
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
        c_lo, c_hi = _trim(text, colon + 1, start + len(line))
        if c_hi - c_lo < 3:  # the content is the next paragraph
            nxt = text.find("\n", colon)
            while nxt >= 0 and nxt < len(text) and text[nxt] in "\n \t\r":
                nxt += 1
            end = text.find("\n", nxt) if nxt >= 0 else -1
            c_lo, c_hi = _trim(text, nxt, end if end >= 0 else len(text))
        words = [w for w in text[c_lo:c_hi].split() if any(ch.isalpha() for ch in w)]
        if len(words) >= 2 and not text[c_lo:c_hi].startswith("http"):
            out.append(_Cand((c_lo, c_hi), (colon, colon + 1), prefix, (lo, lo + len(prefix))))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep outer claims: a claim whose cue lies inside another claim's content is nested and
    yields to it; among the rest, longer contents go first; overlapping ones are dropped."""

    def nested(c: _Cand) -> bool:
        return any(o is not c and o.content[0] <= c.cue[0] < o.content[1] for o in cands)

    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (nested(c), -(c.content[1] - c.content[0]))):
        if any(
            (k.content[0] < c.content[1] and c.content[0] < k.content[1]) or k.content[0] <= c.cue[0] < k.content[1]
            for k in kept
        ):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.content)


def claims(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    doc = article.doc
    if doc is None:
        return article
    lex = CueLexicon.from_data(ctx.data("attribution_cues"))
    text = article.article.text
    quotes = quote_spans(text)
    closed = quote_spans(text, closed_only=True)
    cands: list[_Cand] = []
    for tok in doc:
        if any(qs <= tok.idx < qe for qs, qe in closed):
            continue  # a cue inside a quotation belongs to the quoted speaker: nested
        cand = None
        if tok.lower_ == "according":
            cand = _according_claim(doc, tok, quotes)
        elif tok.pos_ == "VERB" and _lemma(tok) in lex.cues:
            cand = _verb_claim(doc, tok, quotes, lex)
        elif tok.pos_ == "NOUN" and _lemma(tok) in lex.nouns:
            cand = _noun_claim(doc, tok, quotes, lex)
        if cand is None:
            continue
        if (
            cand.source_span
            and text[cand.source_span[0] : cand.source_span[1]].lower() in _FIRST_SECOND
            and any(qs <= tok.idx < qe for qs, qe in quotes)
        ):
            continue  # "I think" inside a quotation is the quoted speaker's
        lo, hi = _trim(text, *cand.content)
        if hi - lo < 3:
            continue
        cands.append(_Cand((lo, hi), cand.cue, cand.source, cand.source_span))
    cands.extend(_colon_claims(doc, lex))
    out = []
    for c in _select(cands):
        span = article.span(*c.content)
        out.append(
            Claim(
                span=span,
                text=text[c.content[0] : c.content[1]],
                source=c.source,
                source_span=article.span(*c.source_span) if c.source_span else None,
                cue=text[c.cue[0] : c.cue[1]],
                cue_span=article.span(*c.cue),
            )
        )
    return article.add(claims=tuple(out))


STAGE = Stage("claims", claims, assigns=("claims",))
