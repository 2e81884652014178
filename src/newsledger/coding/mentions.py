"""Assemble EventMentions for one article: sentences → candidates → mentions, then discourse.

Discourse rules (within one article only):
* continuation: "This followed on 25 November by the X region" repeats the previous event's
  type with the new place and date;
* same happening: a violent event in the next two sentences without a date or place of its
  own that differs ("they were ambushed ... 613 civilians were killed") is merged into the
  previous one (casualties kept, the larger count wins);
* inheritance: an event with no date or place of its own within three sentences of the previous
  event takes that event's date / place (reported as such in ``rule``).
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
    COUNTED_HURT,
    OTHERS_NAMED,
    SHOT_VICTIMS,
    casualties,
    choose_place,
    choose_time,
    choose_time_attached,
    claim_for,
    date_of,
    period_of,
)
from .lexicon import Country, Lexicon, TokenRun
from .rules import Candidate, build_candidates
from .setting import LOOSE_DATE, apply_setting, drop_background
from .status import event_status
from .taxonomy import event_type_of
from .toll import APART, NAMED_BEFORE, SEVERAL, several_happenings
from .triggers import find_triggers

MERGE_FAMILIES = frozenset({"violence", "territory"})
GENERIC_VIOLENCE = frozenset({"Attack", "Armed clash", "Violent crime"})
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


def code_events(article: AnnotatedArticle, lex: Lexicon) -> tuple[EventMention, ...]:
    """All event mentions of an article (needs ``article.doc``; places/timexes/figures/claims
    from the earlier stages are used when present)."""
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
    return tuple(apply_setting(article, sents, _discourse(drop_background(article, sents, out))))


def _discourse(items: list[tuple[EventMention, str, int]]) -> list[EventMention]:
    kept: list[tuple[EventMention, str, int]] = []
    for m, fam, si in items:
        loose = fam.endswith("~")  # the date is the sentence's, not attached to the trigger
        fam = fam.rstrip("~")
        if kept:
            pm, pfam, psi = kept[-1]
            ploose = pfam.endswith("~")
            pfam = pfam.rstrip("~")
            near = si - psi
            same_place = m.place is None or pm.place is None or m.place.name == pm.place.name
            same_time = m.date is None or pm.date is None or m.date == pm.date or ploose
            if (
                near == 1
                and fam == "violence"
                and pfam == "violence"
                and pm.sub_event_type in GENERIC_VIOLENCE
                and m.sub_event_type not in GENERIC_VIOLENCE
                and m.event_type in ("Explosions/Remote violence",)
                and same_time
                and m.status == pm.status
            ):
                # "Two civilians were killed in attacks. ... killed in a grenade attack": the
                # second sentence says how
                better = m.place if m.place is not None else pm.place
                kept[-1] = (
                    replace(
                        pm,
                        sub_event_type=m.sub_event_type,
                        event_type=m.event_type,
                        place=better,
                        fatalities=_max(pm.fatalities, m.fatalities),
                        injured=_max(pm.injured, m.injured),
                        date=pm.date or m.date,
                        time=pm.time or m.time,
                        date_precision=pm.date_precision or m.date_precision,
                        rule=pm.rule + f" | typed by '{m.trigger}' in the next sentence (same happening)",
                    ),
                    pfam + ("~" if ploose else ""),
                    si,
                )
                continue
            if (
                0 < near <= 2
                and fam == "violence"
                and m.sub_event_type in GENERIC_VIOLENCE
                and pfam in MERGE_FAMILIES
                and same_place
                and same_time
                and m.status == pm.status
            ):
                sub = pm.sub_event_type
                if sub in ("Attack", "Violent crime") and m.sub_event_type not in ("Attack", "Violent crime"):
                    sub = m.sub_event_type  # the later sentence says more about the same happening
                inj = _max(pm.injured, m.injured)
                carried = ""
                if SHOT_VICTIMS in pm.rule and pm.fatalities is None and m.fatalities and pm.injured:
                    # "four people were shot ... one of them died": 3 injured, 1 killed
                    inj = pm.injured - m.fatalities if pm.injured > m.fatalities else None
                elif (
                    COUNTED_HURT in m.rule
                    and SHOT_VICTIMS in m.rule
                    and m.fatalities is None
                    and m.injured
                    and pm.fatalities
                    and m.injured <= pm.fatalities
                    and not pm.injured
                ):
                    # "a man was found dead ... he had been shot": the people shot are the dead
                    inj = None
                elif (
                    inj is not None
                    and inj == m.injured
                    and (pm.injured is None or m.injured > pm.injured)
                    and COUNTED_HURT in m.rule
                ):
                    # the count merged in came from the victims' phrase: keep saying so
                    carried = f" [{SHOT_VICTIMS if SHOT_VICTIMS in m.rule else 'counted'}; {COUNTED_HURT}"
                    carried += f"; {NAMED_BEFORE}]" if NAMED_BEFORE in m.rule else "]"
                if ploose and m.date is not None and not loose:
                    # the later sentence dates the happening itself ("were shot ... Monday evening")
                    pm = replace(pm, time=m.time, date=m.date, date_precision=m.date_precision,
                                 rule=pm.rule.replace(f"; {LOOSE_DATE}", ""))  # fmt: skip
                    ploose = False
                merged = replace(
                    pm,
                    sub_event_type=sub,
                    event_type=event_type_of(sub or "Other"),
                    fatalities=_max(pm.fatalities, m.fatalities),
                    injured=inj,
                    figures=pm.figures + m.figures,
                    place=pm.place or m.place,
                    time=pm.time or m.time,
                    date=pm.date or m.date,
                    date_precision=pm.date_precision or m.date_precision,
                    actor1=pm.actor1 or m.actor1,
                    actor2=pm.actor2 or m.actor2,
                    rule=pm.rule
                    + f" | merged with '{m.trigger}' {near} sentence(s) later (same happening)"
                    + carried,
                )
                kept[-1] = (merged, pfam + ("~" if ploose else ""), si)
                continue
            if 0 < near <= 3 and m.status == pm.status:
                if m.date is None and pm.date is not None:
                    m = replace(m, time=pm.time, date=pm.date, date_precision=pm.date_precision,
                                rule=m.rule + "; date from the previous event")  # fmt: skip
                if m.place is None and pm.place is not None:
                    m = replace(m, place=pm.place, rule=m.rule + "; place from the previous event")
        kept.append((m, fam + ("~" if loose else ""), si))
    dead = max((m.fatalities or 0 for m, _, _ in kept), default=0)
    out = []
    for m, _, _ in kept:
        # "shot" counts people hurt only if nothing says they died; "injured" says so itself
        if (
            COUNTED_HURT in m.rule
            # "wounded", "injured" say themselves they survived, unless the report said of the
            # same people that they died ("the boy is in critical condition ... has died")
            and (SHOT_VICTIMS in m.rule or NAMED_BEFORE in m.rule)
            and APART not in m.rule
            and OTHERS_NAMED not in m.rule  # "a woman in the car was also hit"
            and m.injured
            and m.injured <= dead
            and (m.fatalities is None or m.injured <= m.fatalities)
        ):
            m = replace(m, injured=None, rule=m.rule + "; the people shot are those reported dead")
        elif (
            f"{SHOT_VICTIMS} '" in m.rule  # the event's own victims were counted as shot
            and OTHERS_NAMED not in m.rule
            and "the dead are among" not in m.rule
            and m.fatalities is None
            and m.injured
            and 0 < dead < m.injured
        ):
            # "five men were shot ... the fifth man was pronounced dead": four injured
            m = replace(m, injured=m.injured - dead, rule=m.rule + f"; {dead} of those shot reported dead")
        out.append(m)
    return out


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)
