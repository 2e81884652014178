"""`extract_documents`: one result per input, in input order, whatever fails where."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.ingest import article_id
from newsledger.ledger import extract_documents
from newsledger.model import AnnotatedArticle, Article


def item(k: int, ok: bool) -> Article | InputError:
    if not ok:
        return InputError("cannot be read", "fix it", f"bad{k}.txt")
    text = f"Note {k}\n\nThe {k}th meeting took place on Monday."
    return Article(id=article_id(text), text=text, published=dt.date(2021, 5, 3), source_file=f"ok{k}.txt")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.booleans(), max_size=12), st.integers(1, 5))
def test_results_follow_input_order(ctx, oks: list[bool], batch_size: int) -> None:
    items = [item(k, ok) for k, ok in enumerate(oks)]

    def reader(inputs, manifest=None, defaults=None, on_warning=None):  # type: ignore[no-untyped-def]
        yield from items

    out = list(extract_documents(reader=reader, ctx=ctx, stages=["dates"], batch_size=batch_size))
    names = [x.path if isinstance(x, InputError) else x.article.source_file for x in out]
    expected = [x.path if isinstance(x, InputError) else x.source_file for x in items]
    assert names == expected
    for x in out:
        if isinstance(x, AnnotatedArticle):
            assert x.doc is None  # nothing heavy crosses the boundary
            for t in x.timexes:
                assert x.article.text[t.span.start : t.span.end] == t.text
