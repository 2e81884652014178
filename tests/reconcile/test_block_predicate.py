"""The key relation as a predicate (:func:`blocking.shares_key`) is exactly the relation of the
blocking keys, and coarse keys relate every pair the blocking keys relate: incremental reconcile
re-clusters stored mentions with them and must find the clusters a full pass finds."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.model import Article, EventMention, PlaceMention, Span, Timex
from newsledger.reconcile import event_items
from newsledger.reconcile.blocking import (
    FINE_KM,
    block,
    blocking_keys,
    coarse_keys,
    far_apart,
    lookup_keys,
    point,
    shares_key,
)
from newsledger.reconcile.clustering import cluster
from newsledger.reconcile.components import KeyCache
from newsledger.reconcile.geo import km
from newsledger.reconcile.merge import Item, pair_score

from .test_properties import article, build

TYPES = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Crime", None)]

spec = st.fixed_dictionaries(
    {
        "article": st.sampled_from(["a", "b"]),
        "group": st.sampled_from(["", "", "g1", "g2"]),
        "type": st.sampled_from(TYPES),
        "feature": st.sampled_from(["city", "ADM2", "ADM1", "country", None]),
        "coords": st.booleans(),
        "lat": st.floats(-80, 80),
        "lon": st.floats(-170, 170),
        "name": st.sampled_from(["Northtown", "Southtown", "North Town"]),
        "gid": st.sampled_from([None, "g:1", "g:2"]),
        "country": st.sampled_from(["XX", "YY", None]),
        "precision": st.sampled_from(["day", "month", "year", None]),
        "day": st.integers(1, 12),
        "bound": st.booleans(),
    }
)


def _item(d: dict, other: dict | None = None) -> Item:
    aid = d["article"]
    place = None
    lat, lon = d["lat"], d["lon"]
    if other is not None and d["coords"] and other["coords"]:
        lat, lon = other["lat"] + (lat % 1) * 0.4, other["lon"] + (lon % 1) * 0.4  # often near
    if d["feature"] is not None:
        place = PlaceMention(
            Span(aid, 0, 4), d["name"], d["name"], d["gid"],
            lat if d["coords"] else None, lon if d["coords"] else None, d["feature"], None, d["country"],
        )  # fmt: skip
    date = None
    if d["precision"] == "day":
        date = f"2024-01-{d['day']:02d}"
    elif d["precision"] == "month":
        date = f"2024-{d['day']:02d}"
    elif d["precision"] == "year":
        date = "2024"
    bound = d["bound"] and date is not None
    time = Timex(Span(aid, 0, 1), "d", "DATE", date, "BEFORE" if bound else None) if date else None
    m = EventMention(
        Span(aid, 0, 10), "hit", Span(aid, 0, 3), d["type"][0], d["type"][1], place=place, time=time,
        date=date, date_precision=d["precision"], status="planned" if bound else "occurred",
    )  # fmt: skip
    return Item(Article(aid, "Town hit it."), m, 0, group=d["group"])


def _meets(a: Item, b: Item) -> bool:
    return not set(lookup_keys(a)).isdisjoint(blocking_keys(b))


@given(spec, spec)
def test_shares_key_is_the_relation_of_the_blocking_keys_minus_far_apart_places(da, db):
    a, b = _item(da), _item(db, da)
    ba, bb = block(a), block(b)
    far = far_apart(ba.point, ba.name, bb.point, bb.name)
    assert shares_key(ba, bb) == (_meets(a, b) and not far)
    assert shares_key(bb, ba) == (_meets(b, a) and not far)


@given(spec, spec)
def test_coarse_keys_relate_every_pair_the_blocking_keys_relate(da, db):
    a, b = _item(da), _item(db, da)
    if _meets(a, b):
        assert not set(coarse_keys(a)[1]).isdisjoint(coarse_keys(b)[0])


@settings(max_examples=40, deadline=None)
@given(st.lists(article, min_size=1, max_size=8))
def test_clustering_with_coarse_keys_and_the_predicate_gives_the_same_clusters(spec):
    items = [it for a in build(spec) for it in event_items(a)]
    cache = KeyCache()
    want = cluster(items)
    got = cluster(items, keys=cache.coarse_keys, lookup=cache.coarse_lookups, adjacent=cache.adjacent)
    assert [c.members for c in got] == [c.members for c in want]
    assert [c.reasons for c in got] == [c.reasons for c in want]


far_spec = st.tuples(
    st.floats(-70, 70), st.floats(-170, 170), st.floats(0.3, 5.0), st.floats(0, 6.28),
    st.sampled_from(["city", "ADM2", "ADM3", "village", None]), st.sampled_from(["city", "ADM2", None]),
    st.sampled_from([(None, None), ("g:1", "g:2"), (None, "g:3")]),
)  # fmt: skip


@given(far_spec)
def test_fine_places_far_apart_are_never_compatible(spec):
    """What :func:`blocking.far_apart` relies on: merging takes two fine places farther apart than
    FINE_KM, with other names and gazetteer ids, as incompatible (whatever else agrees)."""
    lat, lon, deg, angle, fa, fb, (ga, gb) = spec
    lat2, lon2 = lat + deg * math.cos(angle), lon + deg * math.sin(angle)
    if km(lat, lon, lat2, lon2) <= FINE_KM:
        return
    a = _far_item("a", "Northfield", ga, lat, lon, fa or "city")
    b = _far_item("b", "Southbury", gb, lat2, lon2, fb or "city")
    pa, pb = point(a), point(b)
    assert pa is not None and pb is not None
    assert far_apart(pa, block(a).name, pb, block(b).name)
    assert not pair_score(a, b).compatible and not pair_score(b, a).compatible


def _far_item(aid: str, town: str, gid: str | None, lat: float, lon: float, feature: str) -> Item:
    text = f"Rebels from Eastland shot two people in {town} on 2024-01-05."
    place = PlaceMention(Span(aid, 40, 40 + len(town)), town, town, gid, lat, lon, feature, None, "XX")
    m = EventMention(
        Span(aid, 0, len(text)), "shot", Span(aid, 24, 28), "Battles", "Armed clash", actor1="Rebels",
        place=place, date="2024-01-05", date_precision="day", fatalities=2,
    )  # fmt: skip
    return Item(Article(aid, text), m, 0, participants=("Eastland",), names=frozenset({("jane", "roe")}))
