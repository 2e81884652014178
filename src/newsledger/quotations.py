"""Quotations in news text: where they open and close, also when a mark is missing.

Text-only functions (:func:`quotations`, :func:`join_paragraphs`) and one that reads the parse
(:func:`cut_at_cues`, for quotations that were never closed). Used by the claims stage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

OPENING = frozenset("“«„")
CLOSING = frozenset("”»’")
STRAIGHT = frozenset('"')
FIRST_SECOND = frozenset({"i", "we", "you", "me", "us"})
# "SMITH: ..." or "Q: ..." at the start of a paragraph: a transcript, one speaker a paragraph
_TRANSCRIPT_TURN = re.compile(r"[\"“«„]?\s*[A-Z][A-Z .'’-]{0,30}:\s")


@dataclass(frozen=True)
class Quote:
    """A quotation ``[start, end)`` (the quote marks excluded); ``closed`` when its closing mark
    is there (or was found to be missing at a known place)."""

    start: int
    end: int
    closed: bool


def quotations(text: str) -> list[Quote]:
    """Quotations of ``text``, one paragraph at a time.

    Curly quotes pair opening with closing; straight quotes alternate. A quotation opened and
    not closed runs to the end of its line at the latest (``closed`` is then False).
    """
    found: list[Quote] = []
    open_at: int | None = None
    n = len(text)
    for i, c in enumerate(text):
        if c == "\n" and open_at is not None:  # a quotation ends with its paragraph at the latest
            found.append(Quote(open_at, i, False))
            open_at = None
        elif c in OPENING:
            if open_at is None:
                open_at = i + 1
        elif c in CLOSING and c != "’":  # ’ is mostly an apostrophe
            if open_at is not None:
                found.append(Quote(open_at, i, True))
                open_at = None
        elif c in STRAIGHT:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if open_at is None and (i == 0 or prev.isspace() or prev in "([—–-:") and not nxt.isspace():
                open_at = i + 1
            elif open_at is not None and not prev.isspace():
                found.append(Quote(open_at, i, True))
                open_at = None
            elif open_at is not None:
                open_at = i + 1  # a stray mark: restart here
    if open_at is not None:
        found.append(Quote(open_at, n, False))
    return [q for q in found if q.end - q.start > 1]


def quote_spans(text: str, closed_only: bool = False) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of :func:`quotations`; ``closed_only`` leaves unclosed
    ones out."""
    return [(q.start, q.end) for q in quotations(text) if q.closed or not closed_only]


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """``pos`` lies in one of ``spans`` (sorted, disjoint ``[start, end)``, as quotations are)."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and pos < spans[k][1]


def _paragraph_start(text: str, pos: int) -> int:
    """Start of the line holding ``pos``."""
    return text.rfind("\n", 0, pos) + 1


def _opens_paragraph(text: str, q: Quote) -> bool:
    """``q``'s opening mark is the first thing on its line."""
    line = _paragraph_start(text, q.start)
    return q.start >= 1 and not text[line : q.start - 1].strip()


def join_paragraphs(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """One quotation over several paragraphs, in news style: the first paragraph leaves the
    closing mark off and the next one opens with a quote mark again. Such runs become one
    quotation (closed when its last paragraph is). Transcript turns ('"SMITH: ...') are not
    joined: each is a speaker of its own."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.closed
            and prev.end < len(text)
            and text[prev.end] == "\n"
            and not text[prev.end : q.start - 1].strip()
            and _opens_paragraph(text, q)
            and not _TRANSCRIPT_TURN.match(text, q.start - 1)
            and not _TRANSCRIPT_TURN.match(text, _paragraph_start(text, prev.start))
        ):
            out[-1] = Quote(prev.start, q.end, q.closed)
        else:
            out.append(q)
    return out


def cut_at_cues(doc: Any, quotes: Sequence[Quote], is_cue: Callable[[Any], bool]) -> list[Quote]:
    """A quotation left unclosed that holds a parenthetical attribution ('"We will stay, the
    minister said on Friday.') lost its closing mark before the comma of that attribution:
    it is cut there and counts as closed. ``is_cue`` tells a cue verb token.

    The speaker must be named in the third person after the comma ("the minister",
    "Smith", "she"); "I think" inside a quotation is the quoted speaker's own aside."""
    out = []
    for q in quotes:
        cut = None if q.closed else _attribution_comma(doc, q, is_cue)
        out.append(Quote(q.start, cut, True) if cut is not None else q)
    return out


def _attribution_comma(doc: Any, q: Quote, is_cue: Callable[[Any], bool]) -> int | None:
    span = doc.char_span(q.start, q.end, alignment_mode="contract")
    if span is None:
        return None
    for tok in span:
        if not is_cue(tok):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in FIRST_SECOND or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        first = min(subj.left_edge.i, tok.i)
        if first <= span.start or doc[first - 1].text not in (",", "—", "–"):
            continue
        comma = doc[first - 1]
        if comma.idx - q.start > 1 and any(not t.is_punct for t in doc[span.start : first - 1]):
            return int(comma.idx)
    return None
