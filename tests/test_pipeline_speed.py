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


@pytest.mark.slow
def test_token_columns_are_the_token_attributes(ctx) -> None:
    from newsledger.nlp import token_column

    doc = ctx.nlp(TEXT)
    for attr in ("LEMMA", "LOWER", "ORTH", "POS", "TAG", "DEP", "ENT_TYPE"):
        assert token_column(doc, attr) == [getattr(t, attr.lower() + "_") for t in doc], attr
    assert token_column(doc, "IDX") == [t.idx for t in doc]
    assert token_column(doc, "IS_SPACE") == [int(t.is_space) for t in doc]
    assert token_column(ctx.nlp.make_doc(""), "LEMMA") == []


def test_the_fast_lemmatizer_replaces_spacys(ctx) -> None:
    """Its lemmas are compared with spaCy's in tests/test_nlp.py (the whole token signature)."""
    from newsledger.nlp import FastLemmatizer

    assert isinstance(ctx.nlp.get_pipe("lemmatizer"), FastLemmatizer)
    doc = ctx.nlp("The ministers were meeting; talks went well and children ran.")
    assert [t.lemma_ for t in doc if t.pos_ in ("NOUN", "VERB")] == [
        "minister", "meet", "talk", "go", "child", "run"
    ]  # fmt: skip


@pytest.mark.slow
def test_a_released_doc_keeps_no_newsledger_state(ctx) -> None:
    from newsledger.nlp import release, token_column

    doc = ctx.nlp(TEXT)
    index_sentences(doc)
    token_column(doc, "LEMMA")
    doc_text(doc)
    release(doc)
    assert not doc.user_data and not doc.user_hooks and not doc.user_token_hooks
    assert [s.text for s in doc.sents] == [s.text for s in ctx.nlp(TEXT).sents]


@pytest.mark.slow
def test_phrase_matches_are_the_same_on_a_span_a_token_run_and_a_list(ctx) -> None:
    from newsledger.coding.lexicon import TokenRun

    lex = ctx.event_lexicon
    doc = ctx.nlp(TEXT)
    sent = next(iter(doc.sents))
    on_span = lex.triggers.find(sent)
    assert on_span, "the first sentence has a trigger ('killed')"
    assert lex.triggers.find(list(sent)) == on_span
    assert lex.triggers.find(TokenRun(doc, list(range(sent.start, sent.end)))) == on_span
    assert lex.triggers.find(doc[0:0]) == []


def test_no_module_rebuilds_the_doc_text() -> None:
    """spaCy's ``Doc.text`` joins every token on each access; code reads ``nlp.doc_text``."""
    import re
    from pathlib import Path

    import newsledger

    root = Path(newsledger.__file__).parent
    pattern = re.compile(r"\bdoc\.text\b(?!_)")
    offenders = [
        f"{p.relative_to(root)}:{n}"
        for p in sorted(root.rglob("*.py"))
        if p.name != "nlp.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line.split("#")[0])
    ]
    assert offenders == []


def test_resources_are_frozen_once_per_context_not_per_batch(monkeypatch) -> None:
    # asking the collector walks every frozen object (~10-30 ms): once per Context, not per batch
    from newsledger import Context, pipeline

    calls: list[int] = []
    monkeypatch.setattr(pipeline.gc, "get_freeze_count", lambda: calls.append(1) or 1)
    first, second = Context(), Context()
    for _ in range(3):
        pipeline.freeze_resources(first)
    pipeline.freeze_resources(second)
    assert len(calls) == 2
