"""The article page's segments: any text, any spans, the text comes back whole and in place."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from newsledger.model import Article, Ledger, Source
from newsledger.web import api
from newsledger.web.article_view import parse_marks, segments
from newsledger.web.source import LedgerView

spans = st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=12)


@given(text=st.text(max_size=60), raw=spans)
def test_segments_rebuild_the_text_and_cover_exactly(text: str, raw: list[tuple[int, int]]) -> None:
    anns = [{"start": min(a, b), "end": max(a, b)} for a, b in raw]
    segs = segments(text, anns)
    assert "".join(s["text"] for s in segs) == text
    pos = 0
    for s in segs:
        assert s["start"] == pos and s["text"]
        end = pos + len(s["text"])
        for i, a in enumerate(anns):
            covers = a["start"] <= pos and end <= a["end"]
            assert (i in s["anns"]) == covers
        pos = end


@given(st.lists(st.text(max_size=12), max_size=20))
def test_parse_marks_never_fails(values: list[str]) -> None:
    for a, b in parse_marks(values):
        assert 0 <= a < b


def test_broken_references_do_not_break_pages(ledger: Ledger) -> None:
    """Sources naming a missing article or spans past the end of a text give pages, not errors."""
    ghost = Source("no-such-article", 5, 10, None)
    beyond = Source("art-c", 10, 10_000, None)
    e = dataclasses.replace(ledger.events[3], id="ev-broken", sources=(ghost, beyond))
    short = Article("art-short", "Short.")
    broken = dataclasses.replace(ledger, events=(*ledger.events, e), articles=(*ledger.articles, short))
    view = LedgerView(broken)
    status, body = api.route(view, "/api/events/ev-broken", {})
    assert status == 200 and body["sources"][0]["text"] is None
    for path, q in (
        ("/api/articles/art-short", {"mark": ["0-3", "2-999", "x", "5-1"]}),
        ("/api/articles/art-c", {}),
        ("/api/events", {"q": ["ghost"]}),
        ("/api/meta", {}),
    ):
        status, _ = api.route(view, path, q)
        assert status == 200, path
