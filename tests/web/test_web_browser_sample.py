"""The page on the sample corpus (``examples/``), ingested by the real pipeline, in Chromium.

The done-when flow of the web page on real extraction output: the timeline lists the events, a
filter narrows them, an event opens, its source sentence is highlighted in the article, the map
shows markers. Screenshots: ``tests/screenshots/sample-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_support import fetch, new_page, open_page, running, shot

from newsledger.web.server import LedgerServer, make_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory, ctx: Any) -> Iterator[LedgerServer]:
    from newsledger.ledger.build import ingest
    from newsledger.web.store_source import StoreSource

    manifest = EXAMPLES / "manifest.jsonl"
    if not manifest.exists():
        pytest.skip("examples/manifest.jsonl is absent")
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    try:
        report = ingest(manifest=manifest, db=db, ctx=ctx)
    except Exception as e:  # the ingest has its own tests; this one is about the page
        pytest.skip(f"the sample corpus could not be ingested, so the page cannot be shown: {e!r}")
    if report.events == 0:
        pytest.skip(f"the sample corpus gave no events: {report.failures}")
    source = StoreSource(db)
    yield from running(make_server(source, "127.0.0.1", 0, quiet=True))
    source.close()


def test_sample_corpus_flow(browser: Any, sample_server: LedgerServer) -> None:
    base = sample_server.url
    meta = fetch(base, "/api/meta").json()
    total = fetch(base, "/api/events?limit=5000").json()["total"]
    assert total == meta["counts"]["events"] > 0
    # the filter to try: the rarest event type (or an outlet when there is one type only)
    by_type = {
        t: fetch(base, f"/api/events?type={t.replace(' ', '%20')}").json()["total"]
        for t in meta["facets"]["types"]
    }
    key, value = (
        ("type", min(by_type, key=by_type.__getitem__))
        if len(by_type) > 1
        else ("outlet", meta["facets"]["outlets"][0])
    )
    narrowed = fetch(base, f"/api/events?{key}={value.replace(' ', '%20')}").json()["total"]

    for pg in new_page(browser, base):
        open_page(pg, "#/timeline")
        assert pg.locator(".event-card").count() == min(total, 500)
        shot(pg, "sample-timeline")

        pg.select_option(f"select[name={key}]", value)
        pg.wait_for_selector(f"[data-total='{narrowed}']")
        assert pg.locator(".event-card").count() == narrowed < total or len(by_type) == 1
        shot(pg, "sample-timeline-filtered")

        first = pg.locator(".event-card").first
        event_id = first.get_attribute("data-event-id")
        first.click()
        pg.wait_for_selector("#app[data-page='event'][data-ready='true']")
        shot(pg, "sample-event")
        event = fetch(base, f"/api/events/{event_id}").json()
        source = event["sources"][0]

        pg.locator("#src-0 a.open-source").click()
        pg.wait_for_selector("#app[data-page='article'][data-ready='true']")
        mark = pg.locator("mark.source-mark")
        assert mark.count() == 1
        assert mark.inner_text().strip()[:80] == source["text"].strip()[:80]
        shot(pg, "sample-article")

        located = fetch(base, "/api/events?located=true&limit=5000").json()["total"]
        open_page(pg, "#/map")
        assert pg.locator("[data-located]").get_attribute("data-located") == str(located)
        if located:
            assert pg.locator("svg.map .marker").count() >= 1
        shot(pg, "sample-map")

        open_page(pg, "#/commitments")
        assert pg.locator("article.commitment").count() == meta["counts"]["commitments"]
        shot(pg, "sample-commitments")
        assert pg.problems == []
