"""The compiled gazetteer: look-ups, spelling variants, demonyms, cache behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.gazetteer import Gazetteer, Place, distance_km, geo_precision, load_gazetteer

CASES = json.loads((Path(__file__).parent / "lookup_cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gz(ctx) -> Gazetteer:
    return ctx.gazetteer


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["name"])
def test_lookup_finds_the_place(gz: Gazetteer, case: dict) -> None:
    found = gz.lookup(case["name"])
    assert found, f"{case['name']} not found"
    ok = [
        p
        for p in found
        if p.country == case.get("country", p.country)
        and p.feature == case.get("feature", p.feature)
        and (
            "lat" not in case
            or distance_km(p.latitude, p.longitude, case["lat"], case["lon"]) <= case["tol_km"]
        )
    ]
    assert ok, f"{case['name']}: {found[:5]}"


@pytest.mark.parametrize(("word", "iso"), sorted(CASES["demonyms"].items()))
def test_demonyms_name_their_country(gz: Gazetteer, word: str, iso: str) -> None:
    assert gz.country_of_demonym(word) == iso
    assert gz.country_of_demonym(word.upper()) == iso


@pytest.mark.parametrize("word", CASES["not_demonyms"])
def test_other_words_are_not_demonyms(gz: Gazetteer, word: str) -> None:
    assert gz.country_of_demonym(word) is None


def test_every_country_has_a_demonym_and_a_point(gz: Gazetteer) -> None:
    import pycountry

    for iso in ("AZ", "AM", "RU", "US", "FR", "NG", "IN", "BR", "UA", "SY"):
        assert gz.country(iso) is not None
    missing = [c.alpha_2 for c in pycountry.countries if gz.country(c.alpha_2) is None]
    assert len(missing) < 15, missing


def test_unknown_names_give_nothing(gz: Gazetteer) -> None:
    assert gz.lookup("Qwxzzyville") == ()
    assert gz.lookup("") == ()


def test_get_by_id_round_trips(gz: Gazetteer) -> None:
    p = gz.lookup("Baku")[0]
    assert gz.get(p.id) == Place(**{**{f: getattr(p, f) for f in Place.__slots__}, "alternate": False})


def test_geo_precision_is_acled_style(gz: Gazetteer) -> None:
    assert geo_precision(gz.lookup("Mosul")[0]) == "town"
    assert geo_precision(gz.lookup("Rapides Parish")[0]) == "district"
    assert geo_precision(gz.lookup("Texas")[0]) == "region"
    assert geo_precision(gz.lookup("Azerbaijan")[0]) == "country"


def test_index_is_cached_and_reused(gz: Gazetteer, tmp_path: Path) -> None:
    assert gz.path is not None and gz.path.exists()
    again = load_gazetteer(gz.path.parent)
    assert len(again) == len(gz)


def test_stale_index_is_rebuilt(gz: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from newsledger import gazetteer as pkg

    (tmp_path / pkg.index_name()).write_bytes(pickle.dumps({"version": -1}))
    monkeypatch.setattr(pkg, "build_index", lambda: {**_index_of(gz)})
    fresh = load_gazetteer(tmp_path)
    assert len(fresh) == len(gz)


def _index_of(gz: Gazetteer) -> dict:
    import pickle

    assert gz.path is not None
    with gz.path.open("rb") as f:
        return pickle.load(f)
