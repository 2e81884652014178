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
