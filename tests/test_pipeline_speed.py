"""The speed aids of the pipeline change nothing: timings hook, sentence index, cached text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Article
from newsledger.nlp import doc_text, index_sentences
from newsledger.pipeline import default_stages, extract

TEXT = (
    "Police said two people were killed in Lyon on Friday. The mayor, who visited the scene, "
    'said: "We will rebuild." Protesters gathered in Nairobi on 3 March 2024.\n\n'
    "The government promised to withdraw its troops from the border by June 1, officials said."
)


def _articles() -> list[Article]:
    return [Article(id=f"s{i}", text=TEXT[i * 7 :], published=dt.date(2024, 3, 8)) for i in range(3)]


@pytest.mark.slow
def test_timings_fill_every_step_and_change_no_result(ctx) -> None:
    timings: dict[str, float] = {}
    with_timings = list(extract(_articles(), ctx, timings=timings))
    assert with_timings == list(extract(_articles(), ctx))
    assert set(timings) == {"parse"} | {s.name for s in default_stages()}
    assert all(v >= 0 for v in timings.values())


@pytest.mark.slow
def test_sentence_index_answers_as_spacy_does(ctx) -> None:
    plain = ctx.nlp(TEXT)
    indexed = ctx.nlp(TEXT)
    sents = index_sentences(indexed)
    assert [(s.start, s.end) for s in sents] == [(s.start, s.end) for s in plain.sents]
    assert [(s.start, s.end) for s in indexed.sents] == [(s.start, s.end) for s in plain.sents]
    for a, b in zip(plain, indexed, strict=True):
        assert (a.sent.start, a.sent.end) == (b.sent.start, b.sent.end)
    for start, end in [(0, 3), (5, 9), (len(plain) - 2, len(plain))]:
        assert plain[start:end].sent.start == indexed[start:end].sent.start
    assert doc_text(indexed) == plain.text == TEXT


def test_sentence_index_of_an_empty_doc(ctx) -> None:
    assert index_sentences(ctx.nlp.make_doc("")) == ()
