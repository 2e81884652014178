"""What the language model is given: the article's text, with offsets kept."""

from __future__ import annotations

import datetime as dt

from newsledger import Article, extract
from newsledger.nlp import model_text


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
