"""The events stage: its contract, a hand-built article, and the seed reports end to end."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from newsledger.model import AnnotatedArticle, Article, PlaceMention, Span, Timex
from newsledger.pipeline import default_stages, extract, parse
from newsledger.stages import events


def test_stage_contract() -> None:
    assert events.STAGE.name == "events"
    assert events.STAGE.assigns == ("events",)
    assert set(events.STAGE.requires) == {"dates", "places", "figures", "claims"}


def test_stage_uses_places_and_dates_of_earlier_stages(ctx) -> None:
    text = "On Sunday the army handed over the Westbrook district to the police."
    a = Article(id="t", text=text, published=dt.date(2022, 6, 7))
    ann: AnnotatedArticle = parse([a], ctx)[0]
    w = text.index("Westbrook")
    ann = ann.add(
        places=(
            PlaceMention(
                Span("t", w, w + 18),
                "Westbrook district",
                "Westbrook",
                "test:w",
                1.0,
                2.0,
                "ADM2",
                None,
                "XX",
            ),
        ),
        timexes=(Timex(Span("t", 3, 9), "Sunday", "DATE", "2022-06-05", precision="day"),),
    )
    out = events.events(ann, ctx)
    assert len(out.events) == 1
    e = out.events[0]
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Non-violent transfer of territory")
    assert e.place is not None and e.place.name == "Westbrook"
    assert (e.date, e.date_precision) == ("2022-06-05", "day")
    assert e.span == Span("t", 0, len(text))
    assert text[e.trigger_span.start : e.trigger_span.end] == "handed over"


def km(lat1: float, lon1: float, lat2: float | None, lon2: float | None) -> float:
    if lat2 is None or lon2 is None:
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.shared
@pytest.mark.slow
def test_seed_events_come_out_per_article(ctx, shared_dir) -> None:
    seeds = shared_dir / "seeds"
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    places = {p["key"]: p for p in expected["places"]}
    arts = []
    for line in (seeds / "manifest.jsonl").read_text().splitlines():
        m = json.loads(line)
        text = (seeds / m["path"]).read_text(encoding="utf-8")
        arts.append(Article(id=m["path"][:3], text=text, published=dt.date.fromisoformat(m["published"])))
    by_doc = {a.article.id: a.events for a in extract(arts, ctx, default_stages())}

    def matches(x: dict, e) -> bool:  # type: ignore[no-untyped-def]
        if e.event_type not in (x.get("event_type_any") or [x.get("event_type")]):
            return False
        if x.get("sub_event_type") and e.sub_event_type != x["sub_event_type"]:
            return False
        if x.get("place"):
            p = places[x["place"]]
            if (
                e.place is None
                or km(p["lat"], p["lon"], e.place.latitude, e.place.longitude) > p["tolerance_km"]
            ):
                return False
        if e.date not in (x.get("date_any") or [x.get("date")]):
            return False
        actors = " | ".join([e.actor1 or "", e.actor2 or "", *e.assoc_actors]).casefold()
        if x.get("actors_any") and not any(a.casefold() in actors for a in x["actors_any"]):
            return False
        return x.get("fatalities") is None or e.fatalities == x["fatalities"]

    missing = [
        f"{x['key']} in {doc}"
        for x in expected["events"]
        for doc in x["docs"]
        if not any(matches(x, e) for e in by_doc[doc])
    ]
    assert not missing, missing
