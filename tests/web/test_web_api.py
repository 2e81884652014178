"""The JSON API over a ledger read back from SQLite, through a real server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from web_support import fetch

from newsledger.web import api
from newsledger.web.source import EventQuery, LedgerView

CASES = json.loads((Path(__file__).parent / "event_filters.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_event_filters(store_server, case) -> None:
    r = fetch(store_server.url, "/api/events" + case["query"])
    assert r.status == 200
    body = r.json()
    assert [e["id"] for e in body["events"]] == case["expect"]
    assert body["total"] == len(case["expect"])


def test_meta_counts_and_facets(store_server) -> None:
    m = fetch(store_server.url, "/api/meta").json()
    assert m["counts"] == {"articles": 3, "events": 4, "events_with_conflicts": 1, "commitments": 1}
    assert m["facets"]["outlets"] == ["Daily Sample", "Example Wire"]
    assert m["facets"]["date_range"] == ["2024-03-04", "2024-03-11"]
    assert m["full_text_search"] is True


def test_event_page_gives_each_sources_value_and_conflicts(store_server) -> None:
    e = fetch(store_server.url, "/api/events/ev-shelling").json()
    fields = {f["field"]: f for f in e["fields"]}
    # each source's own value, with which source gives it
    fat = fields["fatalities"]
    assert sorted((v["value"], v["sources"]) for v in fat["by_source"]) == [(3, [0]), (5, [1])]
    assert {v["value"] for v in fat["conflict"]} == {3, 5}
    assert fields["date"]["conflict"][1] == {"value": "2024-03-03", "articles": ["art-b"], "sources": []}
    assert fields["event_type"]["conflict"] is None
    assert e["merge_reasons"] and "score" in e["merge_reasons"][0]
    src = e["sources"][1]
    assert src["text"].startswith("Shells hit Northtown")
    assert src["attributed_to"] == "the city council"
    assert src["article_info"]["outlet"] == "Daily Sample"


def test_event_fulfils_commitment(store_server) -> None:
    e = fetch(store_server.url, "/api/events/ev-withdrawal").json()
    assert [c["id"] for c in e["fulfils"]] == ["cm-withdraw"]


def test_unknown_ids_are_404_json(store_server) -> None:
    for path in ("/api/events/nope", "/api/articles/nope", "/api/commitments/nope", "/api/nope"):
        r = fetch(store_server.url, path)
        assert r.status == 404
        assert r.json()["error"]


def test_article_segments_rebuild_the_text_exactly(store_server, ledger) -> None:
    """Odd Unicode (astral emoji, RTL override, combining marks) does not shift highlights."""
    art = ledger.articles[1]
    body = fetch(store_server.url, "/api/articles/art-b?mark=184-266").json()
    assert "".join(s["text"] for s in body["segments"]) == art.text
    for seg in body["segments"]:
        assert art.text[seg["start"] : seg["start"] + len(seg["text"])] == seg["text"]
        for i in seg["anns"]:
            a = body["annotations"][i]
            assert a["start"] <= seg["start"] and seg["start"] + len(seg["text"]) <= a["end"]
    kinds = {a["kind"] for a in body["annotations"]}
    assert {
        "date",
        "place",
        "figure",
        "claim",
        "speaker",
        "trigger",
        "event",
        "commitment",
        "source",
    } <= kinds
    place = next(a for a in body["annotations"] if a["kind"] == "place" and a["start"] > 100)
    assert art.text[place["start"] : place["end"]] == "Northtown"
    assert [link["id"] for link in place["links"]] == ["ev-shelling"]
    commitment = next(a for a in body["annotations"] if a["kind"] == "commitment")
    assert [link["id"] for link in commitment["links"]] == ["cm-withdraw"]
    source = next(a for a in body["annotations"] if a["kind"] == "source")
    assert art.text[source["start"] : source["end"]].startswith("Shells hit")


def test_article_text_is_returned_verbatim_not_escaped(store_server, ledger) -> None:
    body = fetch(store_server.url, "/api/articles/art-b").json()
    text = "".join(s["text"] for s in body["segments"])
    assert "<script>window.__pwned = 1;" in text  # the page escapes, the API returns text as stored


def test_article_search_uses_fts(store_server) -> None:
    body = fetch(store_server.url, "/api/articles?q=negotiator").json()
    assert [a["id"] for a in body["articles"]] == ["art-b"]
    assert "negotiator" in body["articles"][0]["snippet"]
    # malformed FTS syntax does not fail
    assert fetch(store_server.url, "/api/articles?q=%22unbalanced").status == 200


def test_commitments_board(store_server) -> None:
    body = fetch(store_server.url, "/api/commitments").json()
    (c,) = body["commitments"]
    assert c["status"] == "fulfilled_late" and c["deadline"] == "2024-03-10"
    assert [d["amendment"] for d in c["deadline_history"]] == [None, "postponed"]
    assert c["deadline_history"][1]["text"].startswith("The withdrawal from Southvale")
    assert c["fulfilled_by_event"]["id"] == "ev-withdrawal"
    assert fetch(store_server.url, "/api/commitments?status=overdue").json()["total"] == 0


def test_openapi_documents_every_route(store_server) -> None:
    doc = fetch(store_server.url, "/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for path in (
        "/api/meta",
        "/api/events",
        "/api/events/{id}",
        "/api/articles",
        "/api/articles/{id}",
        "/api/commitments",
        "/api/commitments/{id}",
    ):
        assert "get" in doc["paths"][path]
    for ref in json.dumps(doc).split('"$ref": "')[1:]:
        name = ref.split('"', 1)[0].rsplit("/", 1)[-1]
        assert name in doc["components"]["schemas"]


def test_route_without_http(ledger) -> None:
    view = LedgerView(ledger)
    status, body = api.route(view, "/api/events", {"type": ["Protests,Battles"]})
    assert status == 200 and {e["id"] for e in body["events"]} == {"ev-protest", "ev-clash"}
    assert [e.id for e in view.events(EventQuery(with_coordinates=True))] == [
        "ev-protest",
        "ev-shelling",
        "ev-withdrawal",
    ]


def test_paging_is_bounded(ledger) -> None:
    view = LedgerView(ledger)
    _, body = api.route(view, "/api/events", {"limit": ["2"], "offset": ["1"]})
    assert body["total"] == 4 and len(body["events"]) == 2 and body["offset"] == 1
    _, body = api.route(view, "/api/events", {"limit": ["999999999"]})
    assert body["limit"] == api.MAX_LIMIT


def test_timeline_histogram_counts_every_filtered_event(store_server) -> None:
    body = fetch(store_server.url, "/api/events?limit=1").json()
    hist = body["histogram"]
    assert hist["unit"] == "day"
    keys = [b["key"] for b in hist["buckets"]]
    assert keys[0] == "2024-03-04" and keys[-1] == "2024-03-11" and len(keys) == 8  # gaps filled
    assert hist["buckets"][0]["counts"] == {"Protests": 1, "Explosions/Remote violence": 1}
    assert hist["undated"] == 1 and hist["imprecise"] == 0


def test_histogram_units_follow_the_span() -> None:
    import datetime as dt

    from newsledger.model import Event

    def ev(i: int, date: str | None) -> Event:
        return Event(f"e{i}", "Protests", None, date, None, None, None, (), None, None, None, "occurred", ())

    months = api.histogram([ev(1, "2020-01-15"), ev(2, "2021-03-02/2021-03-04"), ev(3, "2020")])
    assert months["unit"] == "month" and len(months["buckets"]) == 15 and months["imprecise"] == 1
    years = api.histogram([ev(1, "1990-01-01"), ev(2, dt.date(2020, 1, 1).isoformat())])
    assert years["unit"] == "year" and [b["key"] for b in years["buckets"]][:2] == ["1990", "1991"]
    assert api.histogram([ev(1, None)]) == {"unit": None, "buckets": [], "imprecise": 0, "undated": 1}
