"""The places stage: what users rely on — names found, placed, demonyms kept apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.gazetteer import distance_km, geo_precision
from newsledger.model import Article, PlaceMention
from newsledger.pipeline import parse
from newsledger.stages.places import STAGE, places

CASES = json.loads((Path(__file__).parent / "place_cases.json").read_text(encoding="utf-8"))["cases"]


def run(ctx, text: str) -> list[PlaceMention]:
    (parsed,) = parse([Article(id="t", text=text)], ctx)
    return list(places(parsed, ctx).places)


def overlapping(found: list[PlaceMention], text: str, sub: str) -> list[PlaceMention]:
    start = text.index(sub)
    end = start + len(sub)
    return [p for p in found if p.span.start < end and p.span.end > start]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_places_are_found_and_placed(ctx, case: dict) -> None:
    text = case["text"]
    found = run(ctx, text)
    for want in case["places"]:
        hits = overlapping(found, text, want["text"])
        assert hits, f"{want['text']!r} not found in {[p.text for p in found]}"
        p = hits[0]
        assert p.text == text[p.span.start : p.span.end]
        assert p.country == want.get("country", p.country), p
        assert p.feature == want.get("feature", p.feature), p
        assert p.role == want.get("role", "place"), p
        if "admin1" in want:
            assert p.admin1 == want["admin1"], p
        if "lat" in want:
            assert p.latitude is not None and p.longitude is not None
            assert distance_km(p.latitude, p.longitude, want["lat"], want["lon"]) <= want["tol_km"], p
    for sub in case.get("absent", []):
        assert not [p for p in overlapping(found, text, sub) if p.role == "place"], sub
    for sub in case.get("absent_any", []):  # not even as a demonym or modifier
        assert not overlapping(found, text, sub), sub


def test_every_mention_carries_score_and_alternatives(ctx) -> None:
    found = run(ctx, "Troops were sent to Springfield and Paris.")
    assert found
    for p in found:
        assert 0.0 <= p.score <= 1.0
        assert p.gazetteer_id
        assert p.gazetteer_id not in p.alternatives
    springfield = next(p for p in found if p.text == "Springfield")
    assert len(springfield.alternatives) >= 2  # many Springfields: the runners-up are kept


def test_geo_precision_of_mentions(ctx) -> None:
    found = run(ctx, "Fighting was reported in Mosul, in Nineveh province and across Iraq.")
    by_text = {p.text: geo_precision(p) for p in found}
    assert by_text.get("Mosul") == "town"
    assert by_text.get("Iraq") == "country"


def test_no_doc_no_places(ctx) -> None:
    from newsledger.model import AnnotatedArticle

    a = AnnotatedArticle(article=Article(id="x", text="Baku"))
    assert places(a, ctx).places == ()


def test_stage_contract() -> None:
    assert STAGE.name == "places"
    assert STAGE.assigns == ("places",)


def test_seed_places_within_tolerance(ctx, shared_dir: Path) -> None:
    """Every place of ../shared/seeds/expected.json is found in its documents, within tolerance."""
    seeds = shared_dir / "seeds"
    if not (seeds / "expected.json").exists():
        pytest.skip("no seeds")
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    docs = {k: (seeds / v["file"]).read_text(encoding="utf-8-sig") for k, v in expected["documents"].items()}
    found = {k: run(ctx, t) for k, t in docs.items()}
    misses = []
    for place in expected["places"]:
        names = {n.casefold() for n in place["names"]}
        for doc in place["docs"]:
            ok = any(
                any(n in p.text.casefold() for n in names)
                and p.latitude is not None
                and distance_km(place["lat"], place["lon"], p.latitude, p.longitude) <= place["tolerance_km"]
                for p in found[doc]
            )
            if not ok:
                misses.append(f"{place['key']} in {doc}")
    assert not misses, misses


@pytest.mark.parametrize(
    ("url", "iso"),
    [("https://www.cbc.ca/news/x", "CA"), ("http://news.bbc.co.uk/a", "GB"), ("azertag.az/en", "AZ"),
     ("https://example.com/a", None), ("https://site.io/a", None), (None, None)],
)  # fmt: skip
def test_outlet_country_from_web_address(url: str | None, iso: str | None) -> None:
    from newsledger.stages.places import outlet_country

    assert outlet_country(url) == iso


def test_outlet_country_breaks_ties(ctx) -> None:
    text = "The council met in London on Tuesday to discuss the budget."
    (parsed,) = parse([Article(id="t", text=text, url="https://www.lfpress.ca/news")], ctx)
    (london,) = places(parsed, ctx).places
    assert london.country == "CA"


def test_the_outlets_own_name_is_not_a_place(ctx) -> None:
    text = "Senegal vote delayed\n\nBy Atlantic Coast Tribune staff\n\nProtesters marched in Dakar on Monday."
    (parsed,) = parse([Article(id="o", text=text, outlet="Atlantic Coast Tribune")], ctx)
    names = [p.text for p in places(parsed, ctx).places]
    assert "Dakar" in names
    assert not overlapping(places(parsed, ctx).places, text, "Atlantic Coast Tribune")


def test_place_names_spell_out_abbreviated_saints_and_forts(ctx) -> None:
    found = run(ctx, "A man was shot in St. Louis on Friday, and another in Ft. Myers, Fla.")
    names = {p.text: p.name for p in found}
    assert names["St. Louis"] == "Saint Louis"
    assert names["Ft. Myers"] == "Fort Myers"
