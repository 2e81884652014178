"""Where, when, how many and on whose word: the non-actor arguments of an event.

* place: the PlaceMention (from the places stage) the event happened at — attached to the
  trigger ("in", "at", "near", objects of "captured"), not inside an actor's name ("Rocky Mount
  Police Department") nor the recipient of a transfer ("handed over X to Azerbaijan").
* time: the Timex (from the dates stage) of the event's own clause, not the publication date.
* casualties: fatalities / injured from the figures stage when a figure of that kind sits in
  the event's sentence, else counted from the victims' phrase ("a man was shot" → 1 injured;
  "he and three others were shot" → 4), with ACLED's conventions for vague amounts.
* claim: the Claim (from the claims stage) whose content covers the trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..model import Claim, Figure, PlaceMention, Span, Timex
from ..numbers import VAGUE, parse_number

FEATURE_RANK = {"city": 5, "ADM2": 4, "region": 3, "other": 3, "ADM1": 2, "country": 1}
LOCATIVE = frozenset({"in", "at", "near", "into", "on", "inside", "outside", "around", "across", "throughout", "from"})
DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T[\d:]+)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T[\d:]+)?)?$")
FATAL_LEMMAS = frozenset({"kill", "killing", "die", "dead", "death", "murder", "perish", "fatally", "massacre", "slay"})
INJURY_LEMMAS = frozenset({"wound", "injure", "hurt", "shoot", "shot", "injury", "hospitalize", "hospitalise"})


def _char_range(tokens: Sequence[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def choose_place(
    places: Sequence[PlaceMention], sent: Any, trigger: Any, excluded: Sequence[tuple[int, int]]
) -> tuple[PlaceMention | None, str]:
    """The place the event happened, with the reason it was chosen."""
    s0, s1 = sent.start_char, sent.end_char
    sub = list(trigger.subtree) if trigger is not None else []
    sub_range = _char_range(sub) if sub else (s0, s0)
    best: tuple[float, PlaceMention, str] | None = None
    for p in places:
        if not (s0 <= p.span.start and p.span.end <= s1):
            continue
        if any(a <= p.span.start and p.span.end <= b for a, b in excluded):
            continue
        score = FEATURE_RANK.get(p.feature, 2) + p.score
        why = "place in the event's sentence"
        if sub_range[0] <= p.span.start and p.span.end <= sub_range[1]:
            score += 4
            why = "place attached to the trigger"
        tok = sent.doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if tok is not None and tok.root.head.lower_ in LOCATIVE:
            score += 2
        if best is None or score > best[0]:
            best = (score, p, why)
    return (best[1], best[2]) if best else (None, "")


def choose_time(timexes: Sequence[Timex], sent: Any, trigger: Any) -> Timex | None:
    s0, s1 = sent.start_char, sent.end_char
    cands = [
        t
        for t in timexes
        if s0 <= t.span.start and t.span.end <= s1 and t.type in ("DATE", "TIME") and t.value and DATE_VALUE.match(t.value)
    ]
    if not cands:
        return None
    sub = list(trigger.subtree)
    a, b = _char_range(sub)

    def key(t: Timex) -> tuple[int, int]:
        inside = a <= t.span.start and t.span.end <= b
        return (0 if inside else 1, abs(t.span.start - trigger.idx))

    return min(cands, key=key)


def date_of(t: Timex | None) -> tuple[str | None, str | None]:
    """(ISO date or "start/end", precision) of a timex value."""
    if t is None or not t.value:
        return None, None
    parts = [p.split("T")[0] for p in t.value.split("/")]
    value = "/".join(parts)
    n = len(parts[0])
    prec = t.precision or {10: "day", 7: "month", 4: "year"}.get(n)
    if prec in ("hour", "minute", "time", "second"):
        prec = "day"
    return value, prec


def figures_in(figures: Sequence[Figure], sent: Any, kind: str) -> list[Figure]:
    return [f for f in figures if f.kind == kind and sent.start_char <= f.span.start and f.span.end <= sent.end_char]


def count_phrase(head: Any) -> int | None:
    """How many people a victim phrase names ("a man" 1, "two men" 2, "he and three others" 4)."""
    total = 0
    for h in [head, *[c for c in head.conjuncts if c.i != head.i]]:
        n = _count_one(h)
        if n is None:
            return None
        total += n
    return total or None


def _count_one(h: Any) -> int | None:
    for c in h.children:
        if c.dep_ == "nummod" or (c.like_num and c.i < h.i):
            v = parse_number(" ".join(t.text for t in c.subtree))
            if v is not None and v < 100_000:
                return int(v)
    low = h.lower_
    if low in VAGUE:
        return int(VAGUE[low])
    if h.like_num:
        v = parse_number(h.text)
        return int(v) if v is not None else None
    if h.pos_ == "PRON" and low in ("he", "she", "him", "her"):
        return 1
    if h.tag_ in ("NN", "NNP") and h.ent_type_ not in ("GPE", "ORG", "DATE"):
        return 1
    return None


def casualties(
    triggers: Sequence[Any], figures: Sequence[Figure], sents: Sequence[Any]
) -> tuple[int | None, int | None, tuple[Figure, ...], str]:
    """(fatalities, injured, figures used, reason) for an event's triggers and sentences."""
    used: list[Figure] = []
    fat = inj = None
    why = []
    for s in sents:
        f = figures_in(figures, s, "fatalities")
        if f:
            best = max(f, key=lambda x: x.value)
            fat = max(fat or 0, int(best.value))
            used.append(best)
        i = figures_in(figures, s, "injured")
        if i:
            best = max(i, key=lambda x: x.value)
            inj = max(inj or 0, int(best.value))
            used.append(best)
    if used:
        why.append("figures in the event's sentences")
    for tok in triggers:
        lemma = tok.lemma_.lower()
        fatal = lemma in FATAL_LEMMAS or any(c.lemma_.lower() in FATAL_LEMMAS for c in tok.conjuncts) or any(
            c.lower_ in ("dead", "fatally") for c in tok.children
        )
        hurt = lemma in INJURY_LEMMAS
        if not (fatal or hurt):
            continue
        victims = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        if lemma in ("die", "dead", "perish"):
            victims += [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ == "conj" and not victims:
            victims = [c for c in tok.head.children if c.dep_ in ("nsubjpass", "dobj")]
        if tok.dep_ == "acomp" and not victims:
            victims = [c for c in tok.head.children if c.dep_ == "nsubj"]
        for v in victims:
            n = count_phrase(v)
            if n is None:
                continue
            if fatal and fat is None:
                fat = n
                why.append(f"counted victims '{v.text}' of '{tok.text}'")
            elif not fatal and inj is None:
                inj = n
                why.append(f"counted victims '{v.text}' of '{tok.text}'")
    return fat, inj, tuple(used), "; ".join(why)


def claim_for(claims: Sequence[Claim], span: Span) -> Claim | None:
    cover = [c for c in claims if c.span.start <= span.start and span.end <= c.span.end]
    if not cover:
        return None
    return min(cover, key=lambda c: c.span.end - c.span.start)
