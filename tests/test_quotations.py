"""Quotation spans: pairing marks, paragraphs, and quotations whose closing mark is missing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.model import Article
from newsledger.pipeline import parse
from newsledger.quotations import Quote, cut_at_cues, inside, join_paragraphs, quotations, quote_spans


@pytest.mark.parametrize(
    "text,quotes",
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("“One. Two,” she said.", ["One. Two,"]),
        ('"Open and\nnot closed', ["Open and"]),
        ("It’s fine, they’re here.", []),
    ],
)
def test_quote_spans(text: str, quotes: list[str]) -> None:
    assert [text[a:b] for a, b in quote_spans(text)] == quotes


@pytest.mark.parametrize(
    "text,joined",
    [
        # news style: the first paragraph leaves the closing mark off, the next reopens
        ('"We lost power.\n\n"Crews are out," he said.', ['We lost power.\n\n"Crews are out,']),
        ("“One.\n\n“Two.\n\n“Three,” she said.", ["One.\n\n“Two.\n\n“Three,"]),
        # a closed quotation is not joined to the next paragraph's
        ('"Done," he said.\n\n"Next," she said.', ["Done,", "Next,"]),
        # a paragraph that does not open with a quote mark ends the run
        ('"Open\n\nNarration. "Quoted," he said.', ["Open", "Quoted,"]),
        # transcript turns are speakers of their own
        ('"SMITH: We will.\n\n"JONES: You will not."', ["SMITH: We will.", "JONES: You will not."]),
    ],
)
def test_quotations_over_paragraphs_are_joined(text: str, joined: list[str]) -> None:
    assert [text[q.start : q.end] for q in join_paragraphs(text, quotations(text))] == joined


def test_joined_quotation_is_closed_when_its_last_paragraph_is() -> None:
    text = '"A.\n\n"B, C."\n\n"D.\n\n"E.'
    qs = join_paragraphs(text, quotations(text))
    assert [(text[q.start : q.end], q.closed) for q in qs] == [('A.\n\n"B, C.', True), ('D.\n\n"E.', False)]


def _cut(ctx, text: str) -> list[str]:
    doc = parse([Article(id="q", text=text)], ctx)[0].doc
    cues = {"say", "add", "think"}
    qs = cut_at_cues(doc, quotations(text), lambda t: t.pos_ == "VERB" and t.lemma_.lower() in cues)
    return [text[q.start : q.end] for q in qs if q.closed]


def test_unclosed_quotation_ends_before_a_parenthetical_attribution(ctx) -> None:
    text = '"The bridge will reopen in May, the regional governor said on Tuesday at a briefing.'
    assert _cut(ctx, text) == ["The bridge will reopen in May"]


def test_first_person_aside_does_not_cut_an_unclosed_quotation(ctx) -> None:
    assert _cut(ctx, '"We will stay here, I think, until the roads reopen.') == []


_QUOTE_SOUP = st.lists(
    st.sampled_from(['"', "“", "”", "’", "«", "»", "\n", "\n\n", " ", "a", "b.", ",", ":"])
)


@given(_QUOTE_SOUP)
def test_quotations_are_ordered_disjoint_spans_inside_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    raw = quotations(text)
    for qs in (raw, join_paragraphs(text, raw)):
        ends = [0]
        for q in qs:
            assert isinstance(q, Quote)
            assert ends[-1] <= q.start < q.end <= len(text)
            ends.append(q.end)
    joined = join_paragraphs(text, raw)
    assert all(any(j.start <= q.start and q.end <= j.end for j in joined) for q in raw)


@given(st.lists(st.integers(0, 50), max_size=12), st.integers(-5, 60))
def test_inside_agrees_with_a_scan(cuts: list[int], pos: int) -> None:
    edges = sorted(set(cuts))
    spans = list(zip(edges[::2], edges[1::2], strict=False))
    assert inside(pos, spans) == any(a <= pos < b for a, b in spans)
