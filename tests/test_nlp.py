"""What the language model is given: the article's text, with offsets kept."""

from __future__ import annotations

import datetime as dt

from newsledger import Article, extract
from newsledger.nlp import model_text
from newsledger.pipeline import parse


def test_long_runs_are_masked_with_lengths_kept() -> None:
    text = "Intro. " + '"' * 500 + " Police said two people died. " + "https://example.org/" + "a" * 300
    masked = model_text(text)
    assert len(masked) == len(text)
    assert '"' * 200 not in masked and "x" * 500 in masked
    assert masked.index("Police said") == text.index("Police said")
    assert model_text("short text") == "short text"


def test_offsets_after_a_masked_run_point_at_the_article_text(ctx) -> None:
    text = "Intro line.\n\n" + '"' * 3000 + "\n\nPolice said two people were killed in Lyon on Friday."
    art = Article(id="m1", text=text, published=dt.date(2024, 3, 8))
    (annotated,) = extract([art], ctx)
    assert [(f.text, f.kind) for f in annotated.figures] == [("two people", "fatalities")]
    assert all(text[f.span.start : f.span.end] == f.text for f in annotated.figures)
    assert [text[t.span.start : t.span.end] for t in annotated.timexes] == ["Friday"]


def test_a_blank_line_starts_a_sentence(ctx) -> None:
    """Titles and bylines do not run into the first sentence; a single line break does not
    split (the parser decides there)."""
    text = "Storm closes port\n\nBy Ana Ruiz\n \n\u00a0The port was closed on Monday, officials said.\nIt reopened."
    (parsed,) = parse([Article(id="p", text=text)], ctx)
    starts = [text[s.start : s.end].strip() for s in parsed.sentences]
    assert starts[:3] == [
        "Storm closes port",
        "By Ana Ruiz",
        "The port was closed on Monday, officials said.",
    ]
    assert "paragraph_starts" in ctx.nlp.pipe_names
    first_setter = next(n for n in ctx.nlp.pipe_names if n in ("senter", "parser"))
    assert ctx.nlp.pipe_names.index("paragraph_starts") < ctx.nlp.pipe_names.index(first_setter)


# --- the vectorised attribute ruler gives spaCy's own attributes --------------------------

RULER_TEXTS = (
    "I ain't sure, she'd said. Nobody knew anything; something was wrong with him and her.",
    "That is what that man said, but he left. Those who ask will see whether it works.",
    "We can't and won't go. Everybody saw this, and these were the ones who did it.",
    "He has done it. Did you? Which one? That one: all of them. Both were there.\n\n"
    "A new   paragraph  here with  spaces.  It's 5 p.m. and I'd go; you'd stay.",
    "Officials said 12 people had been killed; the army didn't confirm it, because it couldn't.",
)


def _signature(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [
        (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc
    ]


def test_fast_attribute_ruler_assigns_what_spacys_assigns(ctx) -> None:
    from newsledger.nlp import FastAttributeRuler, load_model

    stock = load_model(fast=False)
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert isinstance(ctx.nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert ctx.nlp.pipe_names == stock.pipe_names
    for ours, theirs in zip(ctx.nlp.pipe(RULER_TEXTS), stock.pipe(RULER_TEXTS), strict=True):
        assert _signature(ours) == _signature(theirs)


def test_patterns_the_fast_ruler_cannot_evaluate_are_refused(ctx) -> None:
    import pytest

    from newsledger.nlp import FastAttributeRuler, _Unsupported

    ruler = FastAttributeRuler(ctx.nlp.vocab)  # speed_up then keeps spaCy's component
    with pytest.raises(_Unsupported):
        ruler.add_patterns([{"patterns": [[{"LOWER": "x", "OP": "+"}]], "attrs": {"POS": "X"}}])
    with pytest.raises(_Unsupported):
        ruler.add_patterns([{"patterns": [[{"LOWER": "x"}]], "attrs": {"NORM": "y"}}])


def test_the_batched_ruler_matches_within_each_doc_only(ctx) -> None:
    # nlp.pipe hands the ruler whole batches; a pattern must not match across two Docs
    from newsledger.nlp import FastAttributeRuler

    ruler = FastAttributeRuler(ctx.nlp.vocab)
    ruler.add_patterns(
        [{"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"POS": "PROPN"}, "index": 1}]
    )
    texts = ["They flew to New York.", "Prices rose again, as new", "York data showed.", "", "New York"]
    batched = list(ruler.pipe([ctx.nlp.make_doc(t) for t in texts], batch_size=8))
    single = [ruler(ctx.nlp.make_doc(t)) for t in texts]
    assert [[t.pos_ for t in d] for d in batched] == [[t.pos_ for t in d] for d in single]
    assert [(n, t.text) for n, d in enumerate(batched) for t in d if t.pos_ == "PROPN"] == [
        (0, "York"),
        (4, "York"),
    ]
