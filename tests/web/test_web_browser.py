"""The page in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

One browser for the session; the server reads the hand-built ledger back from SQLite. Screenshots
of every page go to ``tests/screenshots/`` (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_support import new_page, open_page, shot

pytestmark = pytest.mark.browser


@pytest.fixture()
def page(browser: Any, store_server: Any) -> Iterator[Any]:
    yield from new_page(browser, store_server.url)


def test_timeline_filter_event_article_map(page: Any) -> None:
    pg = page
    # the timeline lists the events, coloured by type, conflicts marked
    open_page(pg, "#/timeline")
    cards = pg.locator(".event-card")
    assert cards.count() == 4
    assert pg.locator(".event-card.has-conflict").count() == 1
    assert pg.locator(".day-head").all_inner_texts()[-1] == "undated"
    shot(pg, "timeline")

    # a filter narrows them (and lands in the URL)
    pg.select_option("select[name=type]", "Protests")
    pg.wait_for_selector("[data-total='1']")
    assert cards.count() == 1
    assert "type=Protests" in pg.url
    pg.fill("input[name=q]", "council shells")
    pg.select_option("select[name=type]", "")
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(pg.locator(".event-card")).to_have_count(1)
    expect(pg.locator(".event-card")).to_have_attribute("data-event-id", "ev-shelling")
    assert "q=council" in pg.url and "type=" not in pg.url
    shot(pg, "timeline-filtered")

    # clicking an event opens its page: every field, conflicts side by side, sources
    pg.locator(".event-card[data-event-id='ev-shelling']").click()
    pg.wait_for_selector("#app[data-page='event'][data-ready='true']")
    assert pg.url.endswith("#/event/ev-shelling")
    conflict_rows = pg.locator("table.fields tr.conflict")
    assert sorted(conflict_rows.evaluate_all("rows => rows.map(r => r.dataset.field)")) == [
        "date",
        "fatalities",
    ]
    sides = pg.locator("tr[data-field=fatalities] .conflict-value").all_inner_texts()
    assert [t.split("\n")[0] for t in sides] == ["3 according to Example Wire", "5 according to Daily Sample"]
    assert "killing 3 civilians" in sides[0] and "killed 5 people" in sides[1]  # each side's sentence
    assert "score 0.81" in pg.locator(".merge").inner_text()
    shot(pg, "event")

    # its source sentence is highlighted on the article page
    pg.locator("#src-1 a.open-source").click()
    pg.wait_for_selector("#app[data-page='article'][data-ready='true']")
    mark = pg.locator("mark.source-mark")
    assert mark.count() == 1
    assert (
        mark.inner_text()
        == "Shells hit Northtown on Sunday and killed 5 people, according to the city council."
    )
    assert mark.evaluate(
        "m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    # highlights inside it still show, and a highlight says what it feeds
    pg.locator("mark.source-mark .seg.hl-figure").click()
    assert "event: Explosions/Remote violence" in pg.locator(".ann-panel").inner_text()
    shot(pg, "article")

    # the map shows markers: Northtown's two events clustered, Southvale alone with its precision
    open_page(pg, "#/map")
    pg.wait_for_selector("svg.map .marker")
    assert pg.locator("[data-located]").get_attribute("data-located") == "3"
    assert pg.locator("svg.map .marker.cluster[data-count='2']").count() == 1
    single = pg.locator("svg.map .marker[data-event-id='ev-withdrawal']")
    assert single.get_attribute("data-precision") == "district"
    assert single.locator("ellipse.halo").count() == 1
    assert pg.locator("svg.map path.country").count() > 150
    pg.locator("svg.map .marker.cluster").click()
    assert pg.locator(".map-panel .event-card").count() == 2
    shot(pg, "map")

    open_page(pg, "#/commitments")
    card = pg.locator("article.commitment")
    assert card.count() == 1
    assert "fulfilled after the deadline" in card.inner_text()
    assert "postponed: 2024-03-10" in card.inner_text()
    # the date line: two deadlines (the one in force marked) and the reported fulfilment
    assert card.locator("svg.deadline-chart .mark").count() == 3
    assert card.locator("svg.deadline-chart .mark.current").count() == 1
    assert card.locator("svg.deadline-chart .mark-fulfilled").count() == 1
    shot(pg, "commitments")
    assert pg.problems == []


def test_hostile_article_text_is_shown_as_text(page: Any, ledger: Any) -> None:
    pg = page
    open_page(pg, "#/article/art-b")
    body = pg.locator("#article-text")
    # nothing from the article became markup or ran
    assert body.locator("script, img, b").count() == 0
    assert pg.evaluate("window.__pwned === undefined")
    text = body.evaluate("el => el.textContent")
    assert text == ledger.articles[1].text  # every character, in order, emoji and RTL marks included
    assert "<script>window.__pwned = 1; alert('x')</script>" in body.inner_text()
    assert pg.locator("h2.article-title").evaluate("el => el.textContent") == ledger.articles[1].title
    assert pg.locator(".article-meta a").get_attribute("href") == "#"  # javascript: URL neutralised
    shot(pg, "article-hostile")
    # search snippets (FTS5) of the same text are text too
    open_page(pg, "#/articles?q=witness")
    hits = pg.locator(".article-list")
    assert "wrote: <script>window.__pwned" in hits.inner_text()
    assert hits.locator("script, img, b").count() == 0
    assert pg.evaluate("window.__pwned === undefined")
    assert pg.problems == []


def test_long_timelines_page(browser: Any, ledger: Any) -> None:
    import dataclasses

    from web_support import running

    from newsledger.web.server import make_server
    from newsledger.web.source import StaticSource

    many = tuple(dataclasses.replace(e, id=f"{e.id}-{k}") for k in range(130) for e in ledger.events)
    server = make_server(StaticSource(dataclasses.replace(ledger, events=many)), "127.0.0.1", 0, quiet=True)
    for srv in running(server):
        for pg in new_page(browser, srv.url):
            open_page(pg, "#/timeline")
            assert pg.locator(".event-card").count() == 500
            assert pg.locator(".result-count").inner_text() == "520 events (showing 500)"
            pg.locator("button.more").click()
            pg.wait_for_selector(".result-count:text-is('520 events')")
            assert pg.locator(".event-card").count() == 520
            assert pg.locator("button.more").is_hidden()
            assert pg.problems == []
