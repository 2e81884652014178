"""Blocking: every pair merging could accept meets under a shared key, and the key relation is
symmetric (incremental reconcile finds stored mentions through the new mentions' lookups alone)."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from newsledger.model import Article, EventMention, PlaceMention, Span, Timex
from newsledger.reconcile.blocking import FINE_KM, blocking_keys, lookup_keys
from newsledger.reconcile.geo import km
from newsledger.reconcile.merge import Item

FEATURES = ["city", "ADM2", "ADM1", "country", None]  # None: unplaced


def _item(
    aid: str, lat: float, lon: float, day: int | None, feature: str | None = "city", bound: bool = False
) -> Item:
    place = None
    if feature is not None:
        place = PlaceMention(Span(aid, 0, 4), "Town", f"Town{aid}", None, lat, lon, feature, None, "XX")
    date = (dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat() if day is not None else None
    time = Timex(Span(aid, 0, 1), "d", "DATE", date, "BEFORE" if bound else None) if date else None
    m = EventMention(
        Span(aid, 0, 10), "hit", Span(aid, 0, 3), "Battles", "Armed clash", place=place, time=time,
        date=date, date_precision="day" if date else None, status="planned" if bound else "occurred",
    )  # fmt: skip
    return Item(Article(aid, "Town hit it."), m, 0)


def _meets(a: Item, b: Item) -> bool:
    return not set(lookup_keys(a)).isdisjoint(blocking_keys(b))


points = st.tuples(st.floats(-84, 84), st.floats(-179, 179))


@given(
    points,
    st.floats(0, FINE_KM),
    st.floats(0, 2 * math.pi),
    st.integers(0, 3),
    st.sampled_from(["city", "ADM2"]),
)
def test_places_merging_accepts_share_a_key(p, dist, angle, gap, feature):
    lat, lon = p
    lat2 = lat + dist * math.cos(angle) / 111.2
    lon2 = lon + dist * math.sin(angle) / (111.32 * math.cos(math.radians(lat)))
    if not -179 < lon2 < 179 or km(lat, lon, lat2, lon2) > FINE_KM:
        return
    a, b = _item("a", lat, lon, 0, feature), _item("b", lat2, lon2, gap)
    assert _meets(a, b)


item_spec = st.tuples(
    st.sampled_from(FEATURES), st.one_of(st.none(), st.integers(0, 8)), st.booleans(), st.floats(-0.6, 0.6)
)


@given(points, item_spec, item_spec)
def test_the_key_relation_is_symmetric(p, spec_a, spec_b):
    lat, lon = p
    (fa, da, ba, sa), (fb, db, bb, sb) = spec_a, spec_b
    a = _item("a", lat, lon, da, fa, ba and da is not None)
    b = _item("b", max(-85.0, min(85.0, lat + sa)), lon + sb, db, fb, bb and db is not None)
    assert _meets(a, b) == _meets(b, a)
