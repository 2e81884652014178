"""Assemble EventMentions for one article: sentences → candidates → mentions, then discourse.

Discourse rules (within one article only): continuation ("This followed on 25 November by the
X region" repeats the previous event's type with the new place and date) here; the same
happening told over several sentences and date / place inheritance in :mod:`.discourse`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from ..model import AnnotatedArticle, EventMention, Span
from ..nlp import token_column
from .actors import Actor, classify
from .arguments import (
    casualties,
    choose_place,
    choose_time,
    choose_time_attached,
    claim_for,
    date_of,
    period_of,
)
from .discourse import merge_same_happening, toll_told_after
from .lexicon import Country, Lexicon, TokenRun
from .rules import Candidate, build_candidates
from .setting import LOOSE_DATE, apply_setting, drop_background
from .status import event_status
from .taxonomy import event_type_of
from .toll import SEVERAL, several_happenings
from .triggers import find_triggers

CONTINUATION_SUBJ = frozenset({"this", "that", "it"})
# a page's own time stamp ("Posted: Sunday, July 27, 2014", "(Published Wednesday, Jan. 21)"):
# when the report went out, not when anything in it happened
STAMP = re.compile(
    r"\b(?:posted|updated|published|created|modified|last updated)\s*(?:on|at)?\s*:?\s*$", re.I
)


def _stamped(article: AnnotatedArticle) -> AnnotatedArticle:
    """The article without the timexes that are page time stamps."""
    text = article.article.text
    keep = tuple(
        t for t in article.timexes if not STAMP.search(text[max(0, t.span.start - 30) : t.span.start])
    )
    return article if len(keep) == len(article.timexes) else article.add(timexes=keep)


def _article_country(article: AnnotatedArticle, lex: Lexicon) -> Country | None:
    codes = Counter(p.country for p in article.places if p.country)
    if not codes:
        return None
    return lex.countries.get(codes.most_common(1)[0][0])


def _ranges(actors: list[Actor]) -> list[tuple[int, int]]:
    """Character ranges of actors' phrases ("soldiers from Northtown"), clauses excluded."""
    out = []
    for a in actors:
        toks = [t for t in a.head.subtree if not any(x.dep_ in ("relcl", "acl") for x in _path(t, a.head))]
        out.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return out


def _path(tok: Any, top: Any) -> list[Any]:
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def _assoc(c: Candidate, lex: Lexicon, country: Country | None, used: set[int]) -> list[str]:
    out: list[str] = []
    for tok in c.head.token.subtree:
        if tok.i in used or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
            continue
        if (
            tok.head.lower_ in ("with", "of", "by")
            or tok.head.dep_ in ("prep", "agent")
            or tok.dep_ == "dobj"
        ):
            a = classify(tok, lex, country)
            if (
                a is not None
                and a.category in ("peacekeepers", "military", "police", "named")
                and a.name not in out
            ):
                out.append(a.name)
    return out[:3]


def _mention(
    article: AnnotatedArticle,
    c: Candidate,
    sent: Any,
    lex: Lexicon,
    country: Country | None,
    secondary: bool = False,
) -> tuple[EventMention, str]:
    a = article
    trig = c.head
    doc = sent.doc
    t_span = Span(a.article.id, doc[trig.start].idx, doc[trig.end - 1].idx + len(doc[trig.end - 1].text))
    agents, patients = list(c.agents), list(c.patients)
    if c.sub_event_type == "Non-violent transfer of territory" and c.recipients:
        agents, patients = list(c.recipients), agents
    actor1 = agents[0].name if agents else None
    actor2 = next((p.name for p in patients if p.name != actor1), None)
    used = {x.head.i for x in agents + patients}
    assoc = [x.name for x in agents[1:] if x.name not in (actor1, actor2)]
    assoc += [n for n in _assoc(c, lex, country, used) if n not in (actor1, actor2, *assoc)]
    excluded = _ranges([x for x in c.agents if x.category != "civilians"]) + _ranges(c.recipients)
    tok = trig.token
    args = [x for x in tok.children if x.dep_ in ("dobj", "nsubjpass", "pobj")]
    args += [
        g
        for x in tok.children
        if x.dep_ == "prep" and x.lower_ in ("of", "into", "in", "from")
        for g in x.children
    ]
    if c.family == "territory" or c.family == "disrupt":
        place, place_why = choose_place(a.places, sent, tok, excluded, args, own_only=secondary)
    else:
        place, place_why = choose_place(a.places, sent, tok, excluded, (), own_only=secondary)
    timex, attached = choose_time_attached(a.timexes, sent, tok, own_only=secondary)
    date, precision = date_of(timex)
    status, status_why = event_status(trig.token)
    if status == "occurred" and timex is not None and timex.mod in ("BEFORE", "ON_OR_BEFORE", "END") and date:
        pub = a.article.published
        if pub is not None and date[:10] > pub.isoformat():
            status, status_why = "planned", f"deadline '{timex.text}' after publication"
    tokens = [t.token for t in c.triggers]
    fat, inj, figs, cas_why = casualties(tokens, a.figures, [sent], whole=c.family == "violence")
    if status not in ("occurred", "unknown"):
        fat = inj = None  # "no one was hurt", "could kill": nobody counted
    elif (fat or inj) and several_happenings(sent):
        fat = inj = None  # "eight killed in weekend shootings across the city": a tally (kept as figures)
        cas_why = (cas_why + "; " if cas_why else "") + SEVERAL
    claim = claim_for(a.claims, t_span)
    rule = (
        f"{c.sub_event_type} ← {c.rule}; trigger '{trig.text}' ({trig.rule}); status {status}: {status_why}"
    )
    if place is not None:
        rule += f"; place {place.name}: {place_why}"
    if timex is not None and not attached:
        rule += f"; {LOOSE_DATE}"
    if cas_why:
        rule += f"; casualties: {cas_why}"
    m = EventMention(
        span=Span(a.article.id, sent.start_char, sent.end_char),
        trigger=trig.text,
        trigger_span=t_span,
        event_type=event_type_of(c.sub_event_type),
        sub_event_type=c.sub_event_type,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=tuple(assoc),
        place=place,
        time=timex,
        date=date,
        date_precision=precision,
        fatalities=fat,
        injured=inj,
        figures=figs,
        status=status,
        claim=claim,
        rule=rule,
    )
    return m, c.family + ("" if attached or timex is None else "~")  # "~": date not attached


def _toll_over_period(article: AnnotatedArticle, m: EventMention, c: Candidate, sent: Any) -> bool:
    """Background, not a happening: tolls counted since a year or month ("have died since 2001")
    or over a long span ("killed or injured in the first three months of the year"). Their
    figures stay; other events "since 2017" ("have established 56 posts since 2017") stay too."""
    period, _ = period_of(article.timexes, sent, c.head.token)
    return period is not None and (m.fatalities is not None or m.injured is not None)


def _continuation(
    article: AnnotatedArticle, sent: Any, prev: EventMention, lex: Lexicon
) -> EventMention | None:
    """ "This followed on DATE by PLACE": the previous event again, elsewhere and later."""
    lemmas = token_column(sent.doc, "LEMMA")
    for i in range(sent.start, sent.end):
        if lemmas[i].lower() != "follow":
            continue
        tok = sent.doc[i]
        if tok.pos_ != "VERB":
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in CONTINUATION_SUBJ]
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subj or not agent:
            continue
        place, _ = choose_place(article.places, sent, tok, [], agent, own_only=True)
        timex = choose_time(article.timexes, sent, tok, own_only=True)
        if place is None:
            return None
        date, precision = date_of(timex)
        span = Span(article.article.id, tok.idx, tok.idx + len(tok.text))
        return replace(
            prev,
            span=Span(article.article.id, sent.start_char, sent.end_char),
            trigger=tok.text,
            trigger_span=span,
            place=place,
            time=timex,
            date=date,
            date_precision=precision,
            fatalities=None,
            injured=None,
            figures=(),
            claim=claim_for(article.claims, span),
            rule=f"{prev.sub_event_type} ← continuation: '{subj[0].text} {tok.text} ... by {agent[0].text}' repeats "
            f"the previous event at {place.name}",
        )
    return None


def segments(doc: Any) -> list[Any]:
    """spaCy sentences, further cut at line breaks (headlines and paragraphs without a full stop)."""
    space, punct = token_column(doc, "IS_SPACE"), token_column(doc, "IS_PUNCT")
    out = []
    for s in doc.sents:
        start = s.start
        for i in range(s.start, s.end):
            if space[i] and i > start and "\n" in doc[i].text:
                out.append(doc[start:i])
                start = i + 1
        if start < s.end:
            out.append(doc[start : s.end])
    return [x for x in out if any(not space[i] and not punct[i] for i in range(x.start, x.end))]


def code_events(article: AnnotatedArticle, lex: Lexicon, gazetteer: Any = None) -> tuple[EventMention, ...]:
    """All event mentions of an article (needs ``article.doc``; places/timexes/figures/claims
    from the earlier stages are used when present; the gazetteer, when given, tells how
    populous a place is, for areas of a city)."""
    doc = article.doc
    if doc is None:
        return ()
    article = _stamped(article)
    country = _article_country(article, lex)
    sents = segments(doc)
    out: list[tuple[EventMention, str, int]] = []  # mention, family, sentence index
    for si, sent in enumerate(sents):
        nxt = sents[si + 1] if si + 1 < len(sents) else None
        triggers = find_triggers(sent, lex)
        cands: list[Candidate] = []
        if triggers:  # no trigger, no candidate (the window is only read for context cues)
            ids = list(range(sent.start, sent.end))
            if nxt is not None:
                ids.extend(range(nxt.start, nxt.end))
            window = TokenRun(doc, ids)
            cands = build_candidates(triggers, sent, window, lex, country)
        if out:
            cont = _continuation(article, sent, out[-1][0], lex)
            if cont is not None:
                out.append((cont, out[-1][1], si))
        here = [_mention(article, c, sent, lex, country, secondary=k > 0) for k, c in enumerate(cands)]
        # a toll counted over a period ("have died since 2001") is background, not a happening
        here = [
            (m, f)
            for (m, f), c in zip(here, cands, strict=True)
            if not _toll_over_period(article, m, c, sent)
        ]
        # what happened before what was planned, threatened or denied in the same sentence
        here.sort(key=lambda x: x[0].status != "occurred")
        out.extend((m, fam, si) for m, fam in here)
        if not cands and out and out[-1][1].rstrip("~") == "violence" and 0 < si - out[-1][2] <= 2:
            # "A shot was fired. ... A round hit a nearby man in the leg.": no event of its own
            out[-1] = (toll_told_after(out[-1][0], sent), out[-1][1], out[-1][2])
    return tuple(
        apply_setting(article, sents, merge_same_happening(drop_background(article, sents, out)), gazetteer)
    )
