"""The `claims` stage: attributed statements — who says (writes, believes) what, with which cue.

Found on the dependency parse:
- a cue verb ("said", "reported", "wrote", "believes", ...; ``data/attribution_cues.json``)
  with its content: its clausal complement (ccomp; xcomp, dobj or a typical prepositional
  object for some cues: "call for", "talk about"), or a quotation right before or after it
  ("'...,' he wrote"; "X told reporters: '...'"), or, when the cue is a parenthetical
  ("..., the ministry said" / "X, he said, will ..."), the clause it hangs on;
- "according to X": the clause it modifies; cue nouns with an owner ("Trump's claim that
  ..."); headlines "Speaker: content" and "Speaker Says Content"; a clause ending in a colon
  before a quotation (:mod:`newsledger.stages.claim_patterns`);
- "as X said, ..."; a that-clause the parse hung on a noun after the cue ("says in a statement
  that ..."); for cues with a content preposition the prepositional object, not the person
  ("accused Trump of lying");
- quotations that run over several sentences or paragraphs are taken whole; a quotation left
  unclosed before a parenthetical attribution ends there (:mod:`newsledger.quotations`).
The source is the cue's subject as a full noun phrase ("the Azerbaijani Defense Ministry's
press service"); "he"/"she" are resolved to the last person named before (outside quotes),
"the Russian leader" gets the person last named with that title, "who" the noun the relative
clause hangs on. A claim nested inside another claim's content or inside a quotation is
dropped (the outer one carries it). The stage records what sources say; it never asserts it.
"""

from __future__ import annotations

from typing import Any

from ..attribution import (
    REFLEXIVE,
    Candidate,
    CueLexicon,
    Tok,
    after_comma,
    chars,
    clause_minus,
    crosses_line,
    cue_span,
    lemma_of,
    quote_touching,
    same_block,
    source_of,
    subject,
    subject_after_quote,
    subject_before,
    through_colon,
    trim,
)
from ..context import Context
from ..model import AnnotatedArticle, Claim
from ..nlp import doc_text, token_column
from ..pipeline import Stage
from ..quotations import FIRST_SECOND, Quote, cut_at_cues, inside, join_paragraphs, quotations
from .claim_patterns import according_claim, colon_claims, colon_intro_claims, headline_claims, noun_claim


def _complement(doc: Any, tok: Tok, lex: CueLexicon) -> Tok | None:
    """The cue's complement that holds what is said: ccomp, else xcomp (for cues like "want"),
    dobj (most cues) or the object of a typical preposition ("call for", "talk about")."""
    lemma = lemma_of(tok)
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    if not comps and lemma in lex.xcomp_ok:
        comps = [c for c in tok.children if c.dep_ == "xcomp"]
    if not comps and lemma not in lex.dobj_never:
        comps = [
            c
            for c in tok.children
            if c.dep_ == "dobj" and c.lower_ not in REFLEXIVE and c.ent_type_ not in ("DATE", "TIME")
        ]
    if lemma in lex.prep_content and all(c.dep_ == "dobj" for c in comps):
        # "accused Trump of lying", "thanked voters for ...": the object is whom, the
        # prepositional object what
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in lex.prep_content[lemma]]
        comps = [
            p
            for c in preps
            for p in c.children
            if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in ("DATE", "TIME")
        ] or comps
    if not any(c.dep_ == "ccomp" for c in comps):
        # "called the plan a disaster", "calling it 'disqualifying'": object and predicate
        oprd = next((c for c in tok.children if c.dep_ == "oprd"), None)
        if oprd is not None:
            return oprd
    if not any(c.dep_ in ("ccomp", "xcomp") for c in comps):
        late = _that_clause_on_noun(tok)
        if late is not None:
            return late
    if not comps:
        return None
    return min(comps, key=lambda c: (crosses_line(doc, c.i, tok.i), abs(c.i - tok.i)))


def _that_clause_on_noun(tok: Tok) -> Tok | None:
    """ "says in a statement that ...", "told customers at a diner that ...": the parse hung the
    cue's that-clause on the nearest noun before it (acl / relcl with the mark "that")."""
    for t in tok.subtree:
        if t.i <= tok.i or t.dep_ not in ("acl", "relcl", "ccomp"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" and c.i == t.left_edge.i for c in t.children):
            continue
        node = t.head
        while (
            node.i != tok.i and node.pos_ in ("NOUN", "PROPN", "ADP", "PRON", "NUM") and node.dep_ != "ROOT"
        ):
            node = node.head
        if node.i == tok.i and t.head.i != tok.i:
            return t
    return None


def _content_end(doc: Any, comp: Tok, lex: CueLexicon) -> int:
    """End (token index) of a complement's content, cut before a coordinated second cue that
    the parse hung inside it ("He said X and said that Y": Y is a claim of its own)."""
    hi = comp.right_edge.i + 1
    for t in doc[comp.i + 1 : hi]:
        if (
            t.dep_ == "conj"
            and t.pos_ == "VERB"
            and lemma_of(t) in lex.cues
            and any(c.dep_ in ("ccomp", "dobj") for c in t.children)
            and not any(c.dep_ == "nsubj" for c in t.children)
        ):
            k = t.left_edge.i
            while k > comp.i + 1 and (doc[k - 1].is_punct or doc[k - 1].dep_ == "cc"):
                k -= 1
            return k
    return hi


def _verb_claim(doc: Any, tok: Tok, quotes: list[tuple[int, int]], lex: CueLexicon) -> Candidate | None:
    subj = subject(tok, quotes)
    own = subj is not None and subj.head.i == tok.i  # not inherited from another verb
    if not own and tok.dep_ == "conj":  # "He said X and said that Y": the first cue's speaker
        outer = next((a for a in tok.ancestors if a.pos_ == "VERB" and lemma_of(a) in lex.cues), None)
        if outer is not None and outer.i < tok.i:
            subj = subject(outer, quotes) or subj
    if subj is None or any(a <= subj.idx < b for a, b in quotes):  # the parse took a quoted word
        alt = subject_after_quote(doc, tok, quotes)
        subj, own = (alt, True) if alt is not None else (subj, own)
    if subj is None and tok.dep_ == "ROOT":  # the parse hung the speaker on an earlier noun
        subj = subject_before(doc, tok)
        own = subj is not None
    source, source_span = source_of(doc, subj, quotes, tok)
    if source is None:
        return None
    cue = cue_span(doc, tok)
    left = min(cue[0], source_span[0]) if source_span and own else cue[0]
    right = max(cue[1], source_span[1]) if source_span and own else cue[1]
    q = quote_touching(doc, quotes, left, right)
    if q and q[0] <= cue[0] < q[1]:
        q = None
    comp = _complement(doc, tok, lex)
    # '..., "so well." He touted his wins': a quotation that closed its sentence is not this cue's
    q_ended = (
        q is not None and q[1] <= cue[0] and doc_text(doc)[q[1] - 1] == "." and tok.sent.start_char >= q[1]
    )
    content: tuple[int, int] | None = None
    if comp is not None:
        first = comp.left_edge.i
        if comp.dep_ == "oprd":  # the object named before its predicate
            first = min([first] + [c.left_edge.i for c in tok.children if c.dep_ == "dobj" and c.i > tok.i])
        content = chars(doc, first, _content_end(doc, comp, lex))
        that_clause = comp.dep_ == "ccomp" and comp.left_edge.lower_ == "that"
        # 'on Fox's "Hannity," Gingrich said it would be ...': a title, not what is said
        title = (
            q is not None
            and comp.dep_ == "ccomp"
            and comp.i > tok.i
            and len(doc_text(doc)[q[0] : q[1]].split()) <= 3
        )
        if q and (
            comp.i < tok.i
            or q[0] <= content[0] < q[1]
            or (q[1] <= cue[0] and not that_clause and not q_ended and not title)
        ):
            content = q  # the parse took (part of) the quotation as the complement
    elif q:
        content = q
    elif (
        tok.dep_ in ("parataxis", "ccomp", "advcl")
        and subj is not None
        and after_comma(doc, min(tok.i, subj.left_edge.i))
    ):
        content = clause_minus(doc, tok.head, tok)
    elif tok.dep_ == "advcl" and own and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        content = clause_minus(doc, tok.head, tok)  # "as the minister said, ..."
    elif tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        end = tok.i + 2
        sent_end = doc[tok.i].sent.end
        content = chars(doc, end, sent_end) if sent_end > end else None
    if content is None:
        return None
    if content != q:
        content = same_block(doc_text(doc), content, cue)
        if content is None:
            return None
    content = through_colon(doc_text(doc), content, quotes)
    # a content that is part of a quotation takes the whole quotation
    for qs, qe in quotes:
        if qs < content[1] and content[0] < qe and not (qs <= cue[0] < qe):
            if source_span and qs <= source_span[0] < qe:
                continue
            content = (min(qs, content[0]), max(qe, content[1]))
    return Candidate(content, cue, source, source_span)


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Keep outer claims: a claim whose cue lies inside another claim's content is nested and
    yields to it; among the rest, longer contents go first; overlapping ones and second
    contents of the same cue are dropped."""

    def nested(c: Candidate) -> bool:
        return any(o is not c and o.content[0] <= c.cue[0] < o.content[1] for o in cands)

    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (nested(c), -(c.content[1] - c.content[0]))):
        if any(
            (k.content[0] < c.content[1] and c.content[0] < k.content[1])
            or k.content[0] <= c.cue[0] < k.content[1]
            or k.cue == c.cue
            for k in kept
        ):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.content)


def article_quotes(doc: Any, text: str, lex: CueLexicon) -> list[Quote]:
    """The article's quotations, repaired: one left unclosed before a parenthetical
    attribution ends there ('"We will stay, the minister said.'), and one that runs over
    several paragraphs (closing mark left off, next paragraph reopening) is taken whole."""

    def is_cue(tok: Tok) -> bool:
        return bool(tok.pos_ == "VERB" and lemma_of(tok) in lex.cues)

    return join_paragraphs(text, cut_at_cues(doc, quotations(text), is_cue))


def claims(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    doc = article.doc
    if doc is None:
        return article
    lex = CueLexicon.from_data(ctx.data("attribution_cues"))
    text = article.article.text
    found = article_quotes(doc, text, lex)
    quotes = [(q.start, q.end) for q in found]
    closed = [(q.start, q.end) for q in found if q.closed]
    cands: list[Candidate] = []
    lowers, pos, lemmas = token_column(doc, "LOWER"), token_column(doc, "POS"), token_column(doc, "LEMMA")
    idxs = token_column(doc, "IDX")
    for i in range(len(doc)):  # Token objects only for possible cues
        if lowers[i] == "according":
            kind = 0
        elif pos[i] == "VERB" and lemmas[i].lower() in lex.cues:
            kind = 1
        elif pos[i] == "NOUN" and lemmas[i].lower() in lex.nouns:
            kind = 2
        else:
            continue
        if inside(idxs[i], closed):
            continue  # a cue inside a quotation belongs to the quoted speaker: nested
        tok = doc[i]
        if kind == 0:
            cand = according_claim(doc, tok, quotes)
        elif kind == 1:
            cand = _verb_claim(doc, tok, quotes, lex)
        else:
            cand = noun_claim(doc, tok, quotes, lex)
        if cand is None:
            continue
        if (
            cand.source_span
            and text[cand.source_span[0] : cand.source_span[1]].lower() in FIRST_SECOND
            and inside(tok.idx, quotes)
        ):
            continue  # "I think" inside a quotation is the quoted speaker's
        lo, hi = trim(text, *cand.content)
        if hi - lo < 3:
            continue
        cands.append(Candidate((lo, hi), cand.cue, cand.source, cand.source_span))
    cands.extend(colon_claims(doc, lex))
    cands.extend(colon_intro_claims(doc, quotes))
    cands.extend(headline_claims(doc, lex))
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
