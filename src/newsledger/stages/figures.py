"""The `figures` stage: numbers with what they count, their kind and their qualifier.

A number's kind comes, in this order, from
1. its unit ("846.7 square kilometers" → area_km2, "77.4 percent", "$5 million" → money);
2. the predicate that governs the counted noun in the dependency parse ("5 people became
   martyrs" → fatalities, "3 people became disabled" → injured, "126,000 residents were
   forced to leave their houses" → displaced, "the toll rose to 45" → fatalities);
3. the counted noun itself ("1,960 peacekeepers" → troops, "6,000 inhabitants" → population);
4. when the parse attaches a person count nowhere useful, the nearest casualty verb of the
   same sentence;
otherwise "other". Dates, durations, ages, ordinals ("366th"), page furniture ("Read: 1448")
and numbers in model names ("Su-25") are skipped; a number with neither a counted noun, a
unit nor a governing casualty predicate is not reported. Sub-counts ("613 civilians,
including 106 women") get the total's kind and point at it with ``part_of``.
"""

from __future__ import annotations

import re
from typing import Any

from ..context import Context
from ..model import AnnotatedArticle, Figure
from ..nlp import token_column
from ..numbers import SCALES, VAGUE, is_number_word, parse_number, qualifier_before
from ..pipeline import Stage
from .figure_rules import FigureLexicon, kind_of

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_SCALE_WORDS = frozenset(w for w in SCALES if len(w) > 2) | {"mn", "mln", "bn", "tn"}


def _numeric_flags(doc: Any) -> list[bool]:
    """Per token: is it a number word ("12", "1,500", "two", "dozen", "hundreds"; not "3rd"),
    read from the Doc's columns (no Token objects)."""
    lowers, ents = token_column(doc, "LOWER"), token_column(doc, "ENT_TYPE")
    tags, like_num = token_column(doc, "TAG"), token_column(doc, "LIKE_NUM")
    out = []
    for low, ent, tag, num in zip(lowers, ents, tags, like_num, strict=True):
        if not (num or tag == "CD" or low in VAGUE or low in _SCALE_WORDS):
            out.append(False)  # most tokens: no regular expression tried
        elif _ORDINAL.match(low) or ent == "ORDINAL":
            out.append(False)
        elif num or low in VAGUE or low in _SCALE_WORDS:
            out.append(is_number_word(low) or low.replace(",", "").replace(".", "").isdigit())
        else:
            out.append(tag == "CD" and is_number_word(low))
    return out


def _groups(doc: Any) -> list[tuple[int, int]]:
    """Maximal runs of number tokens: "1.2 million", "two hundred and five", "hundreds of thousands"."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    numeric, lowers = _numeric_flags(doc), token_column(doc, "LOWER")
    while i < n:
        start = i
        if lowers[i] in ("a", "an") and i + 1 < n and lowers[i + 1] in _SCALE_WORDS:
            i += 1  # "a dozen", "a hundred"
        elif not numeric[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            if numeric[j] and t.whitespace_ != "\n" and doc[j - 1].whitespace_ != "\n":
                if _HAS_DIGIT.search(t.text) and _HAS_DIGIT.search(doc[j - 1].text):
                    break  # "25 000"? two digit tokens are two numbers ("1993 1,500")
                j += 1
            elif (
                t.text in ("-", "and", "of")
                and j + 1 < n
                and numeric[j + 1]
                and not _HAS_DIGIT.search(doc[j + 1].text)
                and (t.text != "of" or lowers[j + 1] in VAGUE)
            ):
                j += 2
            else:
                break
        out.append((start, j))
        i = j
    return out


def _timex_blocked(article: AnnotatedArticle, start: int, end: int) -> bool:
    return any(t.span.start < end and start < t.span.end for t in article.timexes)


def _furniture(doc: Any, start: int, lex: FigureLexicon) -> bool:
    """ "Read: 1448", "Views 230", "Tel. 555", "No. 5", "Article 5"."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0:
        return False
    prev = doc[k]
    if prev.text in (":", ".", "#", "№", "+") and k >= 1:
        return doc[k - 1].lower_ in lex.furniture or prev.text in ("#", "№", "+")
    return prev.lower_ in lex.furniture


def _model_name(doc: Any, start: int) -> bool:
    """A number glued to letters by a hyphen ("Su-25", "COVID-19") or naming something
    ("Flight 370", "Resolution 2254")."""
    if start >= 1:
        prev, tok = doc[start - 1], doc[start]
        if prev.pos_ == "PROPN" and prev.is_title and (tok.head.i == prev.i or prev.head.i == tok.i):
            return True
    if start >= 2 and doc[start - 1].text in ("-", "/") and not doc[start - 2].whitespace_:
        before = doc[start - 2]
        return not doc[start - 1].whitespace_ and before.is_alpha and not is_number_word(before.lower_)
    return False


def _text_span(doc: Any, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def figures(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    doc = article.doc
    if doc is None:
        return article
    lex = FigureLexicon.from_data(ctx.data("figure_kinds"))
    found: list[tuple[Figure, Any, Any]] = []  # (figure, anchor token, part-of head token)
    for start, end in _groups(doc):
        words = [t.text for t in doc[start:end]]
        value = parse_number(" ".join(words))
        if value is None:
            continue
        anchor = doc[end - 1]
        lo, hi = _text_span(doc, start, end)
        if _timex_blocked(article, lo, hi) or _furniture(doc, start, lex) or _model_name(doc, start):
            continue
        if len(words) == 1 and words[0].lower() in ("a", "an", "one") and anchor.dep_ != "nummod":
            continue
        decision = kind_of(doc, start, end, value, lex)
        if decision is None:
            continue
        if decision.value < 0 and decision.kind not in ("percent", "money", "other"):
            continue  # "-5 soldiers": a count is never negative (a dash or list marker, not a sign)
        if value == 1 and decision.kind in ("other", "population", "troops"):
            continue  # "one senior banker", "a soldier": not a count worth reporting
        q_start = start
        prev: list[str] = []
        for t in reversed(doc[max(doc[start].sent.start, start - 3) : start]):
            if "\n" in t.text or "\n" in t.whitespace_:
                break  # a qualifier is on the number's line
            prev.insert(0, t.lower_)
        approx, used = qualifier_before(prev)
        if used:
            q_start = start - used
        elif anchor.lower_ in VAGUE or doc[start].lower_ in VAGUE:
            approx = doc[start].lower_ if doc[start].lower_ in VAGUE else anchor.lower_
        if decision.prefix_start is not None:
            q_start = min(q_start, decision.prefix_start)
        span_end = max(end, decision.span_end)
        lo, hi = _text_span(doc, q_start, span_end)
        fig = Figure(
            span=article.span(lo, hi),
            text=article.article.text[lo:hi],
            value=decision.value,
            kind=decision.kind,
            approx=approx,
            counts_what=decision.counts_what,
        )
        found.append((fig, decision.arg, decision.part_head))
    return article.add(figures=tuple(_link_parts(found)))


def _link_parts(found: list[tuple[Figure, Any, Any]]) -> list[Figure]:
    """Give a sub-count the kind of its total and point ``part_of`` at the total's span."""
    by_token: dict[int, Figure] = {}
    for fig, arg, _ in found:
        if arg is not None:
            by_token[arg.i] = fig
    out = []
    for fig, _, part_head in found:
        total = by_token.get(part_head.i) if part_head is not None else None
        if total is not None and total is not fig:
            kind = total.kind if fig.kind == "other" or total.kind != "other" else fig.kind
            fig = Figure(fig.span, fig.text, fig.value, kind, fig.approx, fig.counts_what, part_of=total.span)
        out.append(fig)
    return out


STAGE = Stage("figures", figures, requires=("dates",), assigns=("figures",))
