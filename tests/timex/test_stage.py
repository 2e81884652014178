"""The `dates` stage: tag_dates over a parsed article, tense read from the parse."""

from __future__ import annotations

import datetime as dt

from newsledger.model import Article
from newsledger.pipeline import parse
from newsledger.stages.dates import STAGE


def test_stage_assigns_timexes_with_the_article_id(ctx) -> None:
    text = "Talks ended on Tuesday. The two sides signed a truce on December 28 and will meet on January 9."
    art = Article(id="a1", text=text, published=dt.date(2021, 1, 6))
    annotated = STAGE.func(parse([art], ctx)[0], ctx)
    got = [(t.text, t.value) for t in annotated.timexes]
    assert got == [("Tuesday", "2021-01-05"), ("December 28", "2020-12-28"), ("January 9", "2021-01-09")]
    assert all(t.span.article_id == "a1" for t in annotated.timexes)
    assert STAGE.assigns == ("timexes",)


def test_infinitive_root_sentences_do_not_loop(ctx) -> None:
    # a sentence whose root is an infinitive ("To go home on Monday.") once sent the tense
    # reader up the root's own head forever
    text = "To go home on Monday.\n\nto be announced on Friday\n\nClick here to subscribe by March 3"
    art = Article(id="a2", text=text, published=dt.date(2024, 3, 8))
    annotated = STAGE.func(parse([art], ctx)[0], ctx)
    assert [t.text for t in annotated.timexes] == ["Monday", "Friday", "March 3"]
