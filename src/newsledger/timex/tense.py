"""The tense of the clause around a temporal expression: past, future, present or unknown.

With a spaCy Doc the verb governing the expression is found through the dependency tree; without
one, a regex over the sentence looks for future markers ("will", "is to", "plans to") and
past-tense verbs.
"""

from __future__ import annotations

import re
from typing import Any

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won't|'ll|would|should|must|going\s+to|is\s+to|are\s+to|plans?\s+to|planned|planning|"
    r"schedul(?:e|es|ed|ing)|expects?\s+to|expected\s+to|due\s+to|set\s+to|intends?|aims?\s+to|payable|"
    r"effective|upcoming|next(?!\s+to\b)|deadline|as\s+(?:soon|early)\s+as|"
    r"to\s+(?:be|leave|testify|meet|hold|visit|begin|start|attend|return|travel|vote|announce|sign|decide|"
    r"resume|open|close|go|take|make|launch|complete|withdraw|arrive|end|release|deliver|pay|report))\b",
    re.IGNORECASE,
)
_STRONG_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won't|'ll|would|going\s+to|is\s+to|are\s+to|(?:is|are|was|were)\s+scheduled|"
    r"(?:plans?|planned|planning|expects?|expected|due|set)\s+to|(?:planned|scheduled|set|slated|due)\s+for|(?:has|have|had)\s+scheduled|"
    r"as\s+(?:soon|early)\s+as|next(?!\s+to\b)|tomorrow)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(  # not a participle after "be" ("will be held", "is to be signed")
    # a plan given up or overtaken ("had been scheduled to expire Friday") is read as past, first
    r"(?<!\bbe\s)\b(?:had\s+been\s+(?:scheduled|due|set|slated|expected|planned)(?:\s+(?:to|for))?|was|were|had|did|said|told|announced|reported|signed|agreed|died|killed|began|ended|took|"
    r"came|went|met|left|held|made|gave|won|lost|fell|rose|closed|opened|arrived|attacked|occurred|"
    r"happened|started|launched|released|ago|earlier|last|since|brought|bought|sold|paid|fought|sought|caught|"
    r"built|sent|spent|kept|felt|found|became|won|wrote|spoke|broke|chose|drove|grew|knew|threw|flew|drew|saw|"
    r"got|struck|led|fled|dealt|received|acquired|completed|filed|approved|rejected|issued)\b",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n")
_SENT_END_LEFT = re.compile(r"[.!?]\s+(?=[A-Z\"'“]|\Z)|\n")  # also the full stop right before the expression


def tense_at(text: str, start: int, end: int, doc: Any = None, strict: bool = False) -> str | None:
    """ "past", "future", "present" or None for the clause around ``text[start:end]``.

    ``strict`` counts only firm future markers ("will", "is scheduled to"): news mostly reports
    the past, so a bare weekday needs more evidence to point ahead.
    """
    if doc is not None:
        t = _tense_from_doc(doc, start, end)
        if t is not None:
            if t != "future" and _tense_from_text(text, start, end, strict) == "future":
                # a future marker the verb's tense does not show: "declared a dividend payable
                # Dec. 7", "has set Nov. 10 as the deadline", "planned to leave on Thursday"
                return "future"
            return t
    return _tense_from_text(text, start, end, strict)


def _tense_from_doc(doc: Any, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound"}:
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    return _verb_tense(tok)


def _verb_tense(verb: Any) -> str | None:
    # walk up through infinitives ("plans to withdraw"); iterative with a visited set, since a
    # parse of odd text (lists, boilerplate) can chain many heads
    seen: set[int] = set()
    while verb.i not in seen:
        seen.add(verb.i)
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        lowers = {a.lower_ for a in auxes}
        if lowers & FUTURE_AUX:
            return "future"
        if verb.lower_ == "going" or "going" in lowers:
            return "future"
        # "is to be returned", "plans to withdraw": an infinitive under a present-tense head
        if verb.tag_ == "VB" and any(c.lower_ == "to" for c in auxes):
            head = verb.head
            if head.i != verb.i and any(
                a.lower_ == "had" for a in head.children if a.dep_ in {"aux", "auxpass"}
            ):
                return "past"  # "had been scheduled to expire Friday": a plan overtaken
            if head.i != verb.i and head.tag_ in {"VBZ", "VBP", "VBN"} and head.lemma_ in {
                "be", "plan", "expect", "schedule", "intend", "aim", "promise", "agree", "pledge", "vow",
                "set", "hope", "want", "need", "have", "decide", "undertake", "commit",
            }:  # fmt: skip
                return "future"
            if head.i != verb.i:
                if head.pos_ not in {"VERB", "AUX"}:
                    return None
                verb = head
                continue
        tags = {verb.tag_} | {a.tag_ for a in auxes}
        if "VBD" in tags:
            return "past"
        if verb.tag_ == "VBN" and "had" in lowers:
            return "past"
        if verb.tag_ == "VBN" and (lowers & {"has", "have"}):
            return "present"  # "has invited them to a ceremony on March 12": no definite past time
        if tags & {"VBZ", "VBP"}:
            return "present"
        return None
    return None


# a present progressive nearer than a reporting verb ("said it is calling for the redemption on
# Dec. 7"): the clause of the date is in the present, and the date is the nearest one
_PRESENT = r"\b(?:is|are|am)\s+(?!going\b|being\b)[a-z]{2,}ing\b"
_MARKERS = re.compile(
    rf"(?P<future>{_FUTURE_RE.pattern})|(?P<past>{_PAST_RE.pattern})|(?P<present>{_PRESENT})", re.IGNORECASE
)
# for a bare weekday (strict), any other regular past form also counts: "Cuba predicted Wednesday"
_PAST_GENERIC = r"(?-i:(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)\b[a-z]{2,}[^e\W]ed\b(?<!hundred)(?<!based))"
_STRONG_MARKERS = re.compile(
    rf"(?P<future>{_STRONG_FUTURE_RE.pattern})|(?P<past>{_PAST_RE.pattern}|{_PAST_GENERIC})", re.IGNORECASE
)


# the same markers compiled to run on lowercased text (IGNORECASE is about twice as slow); the
# generic past form, which must be lowercase in the text, runs on the text itself
_MARKERS_LOW = re.compile(
    rf"(?P<future>{_FUTURE_RE.pattern})|(?P<past>{_PAST_RE.pattern})|(?P<present>{_PRESENT})"
)
_STRONG_LOW = re.compile(rf"(?P<future>{_STRONG_FUTURE_RE.pattern})|(?P<past>{_PAST_RE.pattern})")
_GENERIC = re.compile(_PAST_GENERIC)


def _nearest(markers: re.Pattern[str], generic: bool, left: str, right: str) -> tuple[int, str] | None:
    """The marker nearest to the expression (left context first: "was signed on ..."), as
    (distance, "future" | "past")."""
    low_left, low_right = left.lower(), right.lower()
    best: tuple[int, str] | None = None
    for m in markers.finditer(low_left):
        best = (len(left) - m.end(), m.lastgroup or "")
    if generic:
        for m in _GENERIC.finditer(left):
            if best is None or len(left) - m.end() < best[0]:
                best = (len(left) - m.end(), "past")
    r = markers.search(low_right)
    first = (r.start(), r.lastgroup or "") if r else None
    if generic:
        g = _GENERIC.search(right)
        if g and (first is None or g.start() < first[0]):
            first = (g.start(), "past")
    if first and (best is None or first[0] + 40 < best[0]):
        best = (first[0] + 40, first[1])  # right context counts less
    return best


def _tense_from_text(text: str, start: int, end: int, strict: bool = False) -> str | None:
    left = text[max(0, start - 110) : start]
    cuts = list(_SENT_END_LEFT.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    right = text[end : end + 70]
    m = _SENT_END.search(right)
    if m:
        right = right[: m.start()]
    if len(left.lower()) == len(left) and len(right.lower()) == len(right):
        best = _nearest(_STRONG_LOW if strict else _MARKERS_LOW, strict, left, right)
    else:  # lowercasing would move offsets (a few non-Latin letters)
        best = _nearest_cased(_STRONG_MARKERS if strict else _MARKERS, left, right)
    return best[1] if best else None


def _nearest_cased(markers: re.Pattern[str], left: str, right: str) -> tuple[int, str] | None:
    """:func:`_nearest` on the text as written, with the IGNORECASE markers."""
    best: tuple[int, str] | None = None
    for m in markers.finditer(left):
        best = (len(left) - m.end(), m.lastgroup or "")
    r = markers.search(right)
    if r and (best is None or r.start() + 40 < best[0]):
        best = (r.start() + 40, r.lastgroup or "")
    return best
