"""The `commitments` stage: promised actions with obligor, beneficiary, place and deadline.

A sentence states a commitment when it holds a deadline (a date introduced by "before", "by",
"until", "no later than": TIMEX3 mod BEFORE / ON_OR_BEFORE) and a promise cue (a modal
"will/must/should/shall", a verb of promising "pledged/agreed/vowed", "is to", "deadline"), or an
amendment cue ("postponement", "delayed", "brought forward", "cancelled").

* **Elliptical lists** — "X will be returned to Y before D1, Z - before D2, W - before D3": each
  deadline closes a segment; each segment gives one commitment with the segment's place and the
  action, obligor and beneficiary of the first clause.
* **Action** — the first word of a known action family (return, hand over, withdraw, release,
  deploy, hold elections, ...; see :mod:`newsledger.reconcile.actions`), else the verb the
  deadline depends on, with its object.
* **Obligor / beneficiary** — active voice: the subject owes, the "to" object benefits. Passive
  without an agent ("will be returned to Y"): the beneficiary is the "to" object and the obligor
  is the *counterpart*: the party named in coordination with the beneficiary ("X and Y should
  ...") in the nearest preceding sentence of the report (up to five back). Nothing is guessed
  when no such pair exists. Amendments granted by one party to another ("A gave B a postponement
  for ... until D"): A is the beneficiary, B the obligor. A city as a party stands for its
  country's government (capital metonymy: "Baku", "Washington").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ..context import Context
from ..model import AnnotatedArticle, CommitmentMention, PlaceMention, Span, Timex
from ..nlp import token_column
from ..pipeline import Stage
from ..reconcile.actions import FAMILY_WORDS
from ..reconcile.dates import interval
from ..reconcile.text import same_actor, stem
from .commitment_rules import (
    AMENDMENT_WORDS,
    GRANT_VERBS,
    PARTY_LABELS,
    amendment_of,
    is_deadline,
    is_promise,
    party_name,
)

ACTION_STEMS = frozenset(stem(w) for words in FAMILY_WORDS.values() for w in words)
BENEFIT_VERBS = frozenset(
    ["return", "hand", "transfer", "give", "cede", "pay", "release", "deliver", "restore", "surrender"]
)
LOOKBACK = 5  # sentences searched for the counterpart of a passive commitment


def _children(tok: Any, deps: Sequence[str]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _verb_of(tok: Any) -> Any:
    """The verb a token depends on (itself if a verb)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def _amended_thing(toks: Sequence[Any], kind: str) -> Any | None:
    """What an amendment applies to: "postpone the election", "postponement for the withdrawal",
    "the handover ... was cancelled"."""
    words = AMENDMENT_WORDS[kind]
    for t in toks:
        if t.lemma_.lower() not in words:
            continue
        for c in t.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "VERB"):
                return c
            if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "of", "on"):
                objs = _children(c, ("pobj",))
                if objs:
                    return objs[0]
    return None


def _find_action(
    toks: Sequence[Any], skip: Sequence[tuple[int, int]], deadline_tok: Any | None
) -> Any | None:
    """The action word closest before the (first) deadline, else the first after it, else the
    verb the deadline depends on."""
    cands = [
        t
        for t in toks
        if not any(s <= t.idx < e for s, e in skip)
        and t.pos_ in ("VERB", "NOUN")
        and stem(t.lemma_.lower()) in ACTION_STEMS
    ]
    if cands:
        if deadline_tok is None:
            return cands[0]
        before = [t for t in cands if t.i < deadline_tok.i]
        return before[-1] if before else cands[0]
    if deadline_tok is None:
        return None
    v = _verb_of(deadline_tok)
    if v.lemma_.lower() in GRANT_VERBS | {"pledge", "promise", "agree", "vow", "commit"}:
        xcomp = _children(v, ("xcomp", "ccomp"))
        if xcomp:
            return xcomp[0]
    return v if v.pos_ == "VERB" else None


def _in_future(t: Timex, published: dt.date | None) -> str | None:
    """A deadline set or promised in the report lies ahead of it: 'postponed to December 15' in a
    February report is next December. Only for dates written without a year that resolved more
    than a month before the report (a deadline restated days after it passed stays as it is)."""
    if not t.value or published is None or re.search(r"\b\d{4}\b", t.text):
        return t.value
    iv = interval(t.value)
    if iv is None or iv[1] >= published - dt.timedelta(days=31):
        return t.value
    year = int(t.value[:4]) + 1
    return f"{year}{t.value[4:]}"


def _action_text(tok: Any, places: Sequence[PlaceMention]) -> str:
    base = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        prt = _children(tok, ("prt",))
        if prt:
            base += " " + prt[0].lower_
        objs = _children(tok, ("dobj",))
    else:
        objs = _children(tok, ("compound",)) + [
            g for p in _children(tok, ("prep",)) if p.lower_ == "of" for g in _children(p, ("pobj",))
        ]
    for o in objs:
        if not any(p.span.start <= o.idx < p.span.end for p in places):
            return f"{base} {o.lower_}" if tok.pos_ == "VERB" else f"{o.lower_} {base}"
    return base


def _party_tokens(action: Any, toks: Sequence[Any]) -> tuple[Any | None, Any | None, bool]:
    """(obligor token, beneficiary token, passive) from the clause of the action."""
    verb = _verb_of(action)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subj = next(iter(_children(verb, ("nsubj",))), None)
    head = verb
    while subj is None and head.dep_ in ("xcomp", "ccomp", "conj") and head.head.i != head.i:
        head = head.head
        subj = next(iter(_children(head, ("nsubj",))), None)
    agent = next((g for a in _children(verb, ("agent",)) for g in _children(a, ("pobj",))), None)
    to_obj = None
    if verb.lemma_.lower() in BENEFIT_VERBS or stem(verb.lemma_.lower()) in ACTION_STEMS:
        heads = [verb, *_children(verb, ("advmod", "prt", "dobj"))]  # "handed back to X", "hand it over to X"
        to_obj = next(
            (
                g
                for h in heads
                for p in _children(h, ("prep", "dative"))
                if p.lower_ == "to"
                for g in _children(p, ("pobj",))
            ),
            None,
        )
    if verb.lemma_.lower() in GRANT_VERBS:
        # "A gave B a postponement": B is the first party-like word between the verb and the noun
        recipient = next(iter(_children(verb, ("dative", "iobj"))), None)
        if recipient is None or recipient.pos_ == "ADP":
            recipient = next(
                (t for t in toks if verb.i < t.i < action.i and t.pos_ == "PROPN"),
                None,
            )
        return recipient, subj, False
    if passive:
        return agent, to_obj, True
    return subj, to_obj, False


def _counterpart(doc: Any, sent: Any, beneficiary: str, article: AnnotatedArticle) -> str | None:
    """The party named together with the beneficiary ("X and Y") in the nearest earlier sentence."""
    sents = list(doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start == sent.start)
    for s in reversed(sents[max(0, here - LOOKBACK) : here + 1]):
        for t in s:
            if t.dep_ != "conj":
                continue
            pair = [t.head, t]
            names = [party_name(x, article.places, _party_ents(doc, x)) for x in pair]
            if not all(names) or not all(_is_party(x, doc, article) for x in pair):
                continue
            hits = [same_actor(n, beneficiary) for n in names]
            if hits.count(True) == 1:
                return names[hits.index(False)]
    return None


def _party_ents(doc: Any, tok: Any) -> list[Any]:
    return [e for e in doc.ents if e.start <= tok.i < e.end]


def _is_party(tok: Any, doc: Any, article: AnnotatedArticle) -> bool:
    if any(p.span.start <= tok.idx < p.span.end and p.feature == "country" for p in article.places):
        return True
    return any(e.label_ in PARTY_LABELS for e in _party_ents(doc, tok))


def _pick_place(
    places: Sequence[PlaceMention], start: int, end: int, party_idx: set[int], doc: Any
) -> PlaceMention | None:
    best: tuple[tuple[int, int, int], PlaceMention] | None = None
    for p in places:
        if not (start <= p.span.start and p.span.end <= end):
            continue
        if any(p.span.start <= i < p.span.end for i in party_idx):
            continue
        tok = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        dep = tok.root.dep_ if tok is not None else ""
        if dep in ("nsubj", "dative", "iobj"):
            continue
        rank = (
            int(p.feature != "country"),
            int(dep in ("nsubjpass", "dobj", "pobj", "appos", "compound")),
            p.span.start,
        )
        if best is None or rank > best[0]:
            best = (rank, p)
    return best[1] if best else None


def _claim_of(article: AnnotatedArticle, span: Span) -> Any:
    return next((c for c in article.claims if c.span.overlaps(span)), None)


def _sentence_commitments(
    article: AnnotatedArticle, sent: Any, timexes: Sequence[Timex]
) -> list[CommitmentMention]:
    text, doc = article.article.text, article.doc
    s0, s1 = sent.start_char, sent.end_char
    stext = text[s0:s1]
    deadlines = [t for t in timexes if s0 <= t.span.start < s1 and is_deadline(t, text, s0)]
    amendment = amendment_of([x.lower() for x in token_column(doc, "LEMMA")[sent.start : sent.end]], stext)
    if not deadlines and amendment != "cancelled":
        return []
    toks = list(sent)
    if not amendment and not is_promise(toks, stext):
        return []
    skip = [(t.span.start, t.span.end) for t in timexes] + [
        (p.span.start, p.span.end) for p in article.places
    ]
    first_deadline_tok = None
    if deadlines:
        span = doc.char_span(deadlines[0].span.start, deadlines[0].span.end, alignment_mode="expand")
        first_deadline_tok = span.root if span is not None else None
    action_tok = _amended_thing(toks, amendment) if amendment else None
    named = action_tok is not None and stem(action_tok.lemma_.lower()) in ACTION_STEMS
    if amendment == "cancelled" and not deadlines and not named:
        # the cancelled thing must itself be a promised action ("the handover was cancelled");
        # "revoked agreements and closed the airspace" cancels no commitment
        return []
    if action_tok is None or stem(action_tok.lemma_.lower()) not in ACTION_STEMS:
        action_tok = _find_action(toks, skip, first_deadline_tok) or action_tok
    if action_tok is None:
        return []
    future = amendment in ("postponed", "advanced") or any(
        t.tag_ == "MD" and t.lemma_.lower() in ("will", "shall", "must") for t in toks
    )
    action = _action_text(action_tok, article.places)
    obl_tok, ben_tok, passive = _party_tokens(action_tok, toks)
    obligor = party_name(obl_tok, article.places, _party_ents(doc, obl_tok)) if obl_tok is not None else None
    beneficiary = (
        party_name(ben_tok, article.places, _party_ents(doc, ben_tok)) if ben_tok is not None else None
    )
    if obligor is None and passive and beneficiary:
        obligor = _counterpart(doc, sent, beneficiary, article)
    party_idx = {t.idx for t in (obl_tok, ben_tok) if t is not None}
    out = []
    segments: list[tuple[int, Timex | None]] = [(s0, None)]
    if deadlines:
        bounds = [s0] + [d.span.end for d in deadlines[:-1]]
        segments = list(zip(bounds, deadlines, strict=True))
    for start, deadline in segments:
        end = deadline.span.end if deadline else s1
        place = _pick_place(article.places, start, end, party_idx, doc)
        if place is None and len(segments) == 1:  # "By May 5, X must leave Y": the place may follow
            place = _pick_place(article.places, s0, s1, party_idx, doc)
        while start < end and not text[start].isalnum():
            start += 1
        span = Span(article.article.id, start, end)
        out.append(
            CommitmentMention(
                span=span,
                text=text[start:end],
                action=action,
                obligor=obligor,
                beneficiary=beneficiary,
                place=place,
                deadline=(_in_future(deadline, article.article.published) if future else deadline.value)
                if deadline
                else None,
                deadline_span=deadline.span if deadline else None,
                amendment=amendment,
                claim=_claim_of(article, Span(article.article.id, s0, s1)),
            )
        )
    return out


def commitments(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    if article.doc is None:
        return article
    timexes = sorted(article.timexes, key=lambda t: t.span.start)
    found: list[CommitmentMention] = []
    for sent in article.doc.sents:
        found.extend(_sentence_commitments(article, sent, timexes))
    return article.add(commitments=tuple(found))


STAGE = Stage(
    "commitments", commitments, requires=("dates", "places", "claims", "events"), assigns=("commitments",)
)
