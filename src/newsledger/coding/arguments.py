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
from dataclasses import replace
from typing import Any

from ..model import Claim, Figure, PlaceMention, Span, Timex
from ..nlp import doc_text
from .actors import phrase_tokens
from .toll import age_of_a_name, background_figure, no_hurt_count, running_count, tally
from .victims import count_people, victims_in

BLOCK = re.compile(r"\s+blocks?\b", re.I)
FEATURE_RANK = {"city": 5, "ADM2": 4, "region": 3, "other": 3, "ADM1": 2, "country": 1}
DESTINATION = frozenset({"to", "toward", "towards"})
CARRY = frozenset(
    {"take", "transport", "rush", "airlift", "fly", "bring", "drive", "carry", "send", "admit", "move"}
)
LOCATIVE = frozenset(
    {"in", "at", "near", "into", "on", "inside", "outside", "around", "across", "throughout", "from"}
)
DATE_VALUE = re.compile(
    r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T[\w:]+)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T[\w:]+)?)?$"
)
SHOT_VICTIMS = "shot victims"  # counted as injured unless the article says they died
COUNTED_HURT = "injured counted from the victims' phrase"
OTHERS_NAMED = "victims named apart from others"


def _char_range(tokens: Sequence[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _steps(tok: Any, target: Any, limit: int = 8) -> int | None:
    """Steps from ``tok`` up the parse to ``target`` (or to a verb coordinated with it)."""
    goals = {target.i, *(c.i for c in target.conjuncts)}
    if target.dep_ == "conj":
        goals.add(target.head.i)
    t, n = tok, 0
    while n <= limit:
        if t.i in goals:
            return n
        if t.head.i == t.i:
            return None
        t, n = t.head, n + 1
    return None


def choose_place(
    places: Sequence[PlaceMention],
    sent: Any,
    trigger: Any,
    excluded: Sequence[tuple[int, int]],
    args: Sequence[Any] = (),
    own_only: bool = False,
) -> tuple[PlaceMention | None, str]:
    """The place the event happened, with the reason it was chosen.

    ``args`` are the trigger's arguments (the object of "captured", the subject of "was
    transferred"): a place inside them is the place of the event. ``own_only`` restricts the
    choice to places attached to the trigger (used for secondary events of a sentence)."""
    s0, s1 = sent.start_char, sent.end_char
    arg_ranges = []
    for a in args:
        sub = phrase_tokens(a)
        arg_ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    best: tuple[float, PlaceMention, str] | None = None
    scored: list[tuple[float, PlaceMention, str]] = []
    doc = sent.doc
    for p in [*places, *_repeated(places, sent)]:
        if getattr(p, "role", "place") != "place":
            continue
        if not (s0 <= p.span.start and p.span.end <= s1):
            continue
        if any(a <= p.span.start and p.span.end <= b for a, b in excluded):
            continue
        score = FEATURE_RANK.get(p.feature, 2) * 0.5 + min(p.score, 1.0)
        why = NEAR
        span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        root = span.root if span is not None else None
        steps = _steps(root, trigger) if root is not None and trigger is not None else None
        if any(a <= p.span.start and p.span.end <= b for a, b in arg_ranges):
            score += 8
            why = "place is the trigger's argument"
        elif steps is not None:
            score += max(0.0, 6 - steps)
            why = "place attached to the trigger"
        elif own_only:
            continue
        if root is not None and root.head.lower_ in LOCATIVE:
            score += 1
        if root is not None and root.head.lower_ in DESTINATION and root.head.head.lemma_.lower() in CARRY:
            continue  # "was taken to Sunrise Hospital": where the victim went, not where it happened
        if trigger is not None:
            score -= abs(p.span.start - trigger.idx) / 400
        scored.append((score, p, why))
        if best is None or score > best[0]:
            best = (score, p, why)
    line = _dateline_end(sent) if any(x[1].span.start - s0 <= 1 for x in scored) else -1
    if best is not None and best[1].span.start < line:
        # "NASHVILLE, Tenn. (WKRN) – A boy was shot at a Madison apartment": the town the
        # trigger names outranks the one the report was filed from
        own = [x for x in scored if x[1].span.start >= line and x[1].feature == "city" and x[2] != NEAR]
        if own:
            best = max(own, key=lambda x: x[0])
            best = (best[0], best[1], best[2] + " (not the dateline)")
    return (best[1], best[2]) if best else (None, "")


NEAR = "place in the event's sentence"
RESIDENTS = frozenset({"man", "woman", "men", "women", "boy", "girl", "boys", "girls", "teen", "teens", "teenager",
                       "teenagers", "resident", "residents", "native", "couple", "youth", "father", "mother",
                       "toddler", "student", "students", "family"})  # fmt: skip
OF_HOME = re.compile(
    r"(?:\b\d{1,3},|\b(?:man|woman|boy|girl|teen|teenager|resident|residents)) (?:both |all )?(?:of|from)\s+$"
)


def home_town(span: Any) -> bool:
    """Whether a place is named as where someone lives ("a Janesville man", "Jane Roe, 27, of
    Trotwood", "a woman from Gary"): not where the event happened."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in RESIDENTS:
        return True
    before = doc_text(doc)[max(0, span.start_char - 40) : span.start_char]
    return OF_HOME.search(before) is not None


DATELINE = re.compile(r"^[^\n]{0,45}?(?:\s[—–-]{1,2}\s?|[—–]|\s?--\s?)")


def _dateline_end(sent: Any) -> int:
    """Where a dateline opening the sentence ends ("DAYTON, Ohio (AP) — ..."), else -1."""
    m = DATELINE.match(sent.text)
    return sent.start_char + m.end() if m else -1


def _repeated(places: Sequence[PlaceMention], sent: Any) -> list[PlaceMention]:
    """Places named elsewhere in the article whose name recurs in ``sent`` without a mention
    of its own there (the places stage found "X district" once but not in this sentence)."""
    s0, s1 = sent.start_char, sent.end_char
    covered = [(p.span.start, p.span.end) for p in places if s0 <= p.span.start < s1]
    text = sent.text
    out: list[PlaceMention] = []
    seen: set[str] = set()
    for p in places:
        if (
            getattr(p, "role", "place") != "place"
            or p.gazetteer_id is None
            or p.text in seen
            or len(p.text) < 4
        ):
            continue
        seen.add(p.text)
        if p.text not in text:
            continue  # (no word match without the substring: skips the regex)
        for m in re.finditer(r"\b" + re.escape(p.text) + r"\b", text):
            a, b = s0 + m.start(), s0 + m.end()
            if any(x < b and a < y for x, y in covered):
                continue
            out.append(replace(p, span=replace(p.span, start=a, end=b), score=p.score * 0.9))
            covered.append((a, b))
    return out


def choose_time(timexes: Sequence[Timex], sent: Any, trigger: Any, own_only: bool = False) -> Timex | None:
    return choose_time_attached(timexes, sent, trigger, own_only)[0]


def choose_time_attached(
    timexes: Sequence[Timex], sent: Any, trigger: Any, own_only: bool = False
) -> tuple[Timex | None, bool]:
    """The event's timex and whether it is attached to the trigger in the parse."""
    s0, s1 = sent.start_char, sent.end_char
    cands = [
        t
        for t in timexes
        if s0 <= t.span.start
        and t.span.end <= s1
        and t.type in ("DATE", "TIME")
        and t.value
        and DATE_VALUE.match(t.value)
        and not BLOCK.match(doc_text(sent.doc)[t.span.end : t.span.end + 8])  # "the 2000 block of Main St"
    ]
    # a range and its parts ("25-26 February 1992", "25", "26 February 1992"): keep the range
    cands = [
        t
        for t in cands
        if not any(o is not t and o.span.contains(t.span) and o.span != t.span for o in cands)
    ]
    if not cands:
        return None, False
    doc = sent.doc

    def key(t: Timex) -> tuple[int, int, int]:  # (parse steps to the trigger, vagueness, distance)
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        steps = _steps(span.root, trigger, limit=4) if span is not None else None
        # "since 1988", "after May" open a period; they rarely date the event itself
        vague = 1 if t.mod in ("ON_OR_AFTER", "AFTER", "START") or (t.precision == "year" and t.mod) else 0
        # a bare clock time ("6 p.m.") is resolved against the report's day; a named day is better
        clock = 1 if t.type == "TIME" and not re.search(r"[A-Za-z]{3,}", t.text.replace("noon", "")) else 0
        return (steps if steps is not None else 99, vague + clock, abs(t.span.start - trigger.idx))

    # "the deadliest day since 2011": a period compared with, not the event's date
    text = doc_text(sent.doc)
    cands = [
        t
        for t in cands
        if key(t)[0] != 99 or not SINCE.search(text[max(s0, t.span.start - 20) : t.span.start])
    ]
    if not cands:
        return None, False
    best = min(cands, key=key)
    attached = key(best)[0] != 99
    if own_only and not attached:
        return None, False
    return best, attached


PERIOD_WORDS = re.compile(r"\b(?:first|past|last|previous|recent|next)\b", re.I)
LONG = re.compile(r"^(?:P(?:\d+|X)[YM]|\d{4}(?:-\d{2})?$)")  # months or years
SINCE = re.compile(r"\b(?:since|so far in|to date in)\s+(?:the\s+)?$", re.I)


def period_of(timexes: Sequence[Timex], sent: Any, trigger: Any) -> tuple[Timex | None, str]:
    """A period the trigger is counted or compared over, and how: "since" ("have died in
    Afghanistan since 2001", "the deadliest day since 2011": background, not a happening) or
    "span" ("were killed in the first three months of the year": a cumulative toll)."""
    doc = sent.doc
    for t in timexes:
        if not (sent.start_char <= t.span.start and t.span.end <= sent.end_char):
            continue
        before = doc_text(doc)[max(sent.start_char, t.span.start - 20) : t.span.start]
        # "since 2001", "since last May" (not "since Sunday": this week's happenings)
        opens = bool(SINCE.search(before)) and (
            t.precision in ("year", "month") or bool(LONG.match(t.value or ""))
        )
        # "in the first three months", "over the past five years" (not "in the past two days")
        spans = t.type == "DURATION" and bool(PERIOD_WORDS.search(t.text)) and bool(LONG.match(t.value or ""))
        if not (opens or spans):
            continue
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is not None and _steps(span.root, trigger, limit=4) is not None:
            return t, "since" if opens else "span"
    return None, ""


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
    return [
        f
        for f in figures
        if f.kind == kind and sent.start_char <= f.span.start and f.span.end <= sent.end_char
    ]


def count_phrase(head: Any) -> int | None:
    """How many people a victim phrase names ("a man" 1, "two men" 2, "he and three others" 4)."""
    return count_people(head)


def casualties(
    triggers: Sequence[Any], figures: Sequence[Figure], sents: Sequence[Any], whole: bool = False
) -> tuple[int | None, int | None, tuple[Figure, ...], str]:
    """(fatalities, injured, figures used, reason) for an event's triggers and sentences.

    Figures of kind fatalities / injured in the sentences count first; the victims' phrases
    (:mod:`.victims`) of the triggers — or, with ``whole``, of every casualty predicate of the
    sentences (a violent event's sentence tells its toll) — beat them."""
    used: list[Figure] = []
    fat = inj = None
    why = []
    seen: list[tuple[int, int]] = []  # a figure that is background in one sentence is for the next
    tokens = [t for s in sents for t in s] if whole else sorted(triggers, key=lambda t: t.i)
    victims = [v for v in victims_in(tokens) if not running_count(v)]
    for s in sents:
        text = doc_text(s.doc)
        seen.append((s.start_char, s.end_char))
        here = [
            f for f in figures
            if f.kind in ("fatalities", "injured")
            and s.start_char <= f.span.start
            and f.span.end <= s.end_char
            and not any(background_figure(text, f.span.start, f.span.end, a, b) for a, b in seen)
            and not (f.kind == "injured" and no_hurt_count(text, f.span.start, f.span.end, victims))
            and not age_of_a_name(text, f.span.start, f.span.end)
        ]  # fmt: skip
        f = figures_in(here, s, "fatalities")
        if f:
            best = max(f, key=lambda x: x.value)
            fat = max(fat or 0, int(best.value))
            used.append(best)
        i = figures_in(here, s, "injured")
        if i:
            best = max(i, key=lambda x: x.value)
            inj = max(inj or 0, int(best.value))
            used.append(best)
    if used:
        why.append("figures in the event's sentences")
    t = tally(victims)
    if t.dead is not None:
        fat = t.dead  # the victims' own phrase beats a figure found elsewhere in the sentence
        why.append(f"counted dead: {t.why}")
    if t.injured is not None:
        inj = t.injured
        kind = SHOT_VICTIMS if t.shot_only else "counted victims"
        why.append(f"{kind} '{t.why}' ({COUNTED_HURT})")
        if t.others:
            why.append(OTHERS_NAMED)  # "three other people were also shot"
        elif "the dead are among those shot" in t.why:
            why.append("the dead are among those shot")
    return fat, inj, tuple(used), "; ".join(why)


def claim_for(claims: Sequence[Claim], span: Span) -> Claim | None:
    cover = [c for c in claims if c.span.start <= span.start and span.end <= c.span.end]
    if not cover:
        return None
    return min(cover, key=lambda c: c.span.end - c.span.start)
