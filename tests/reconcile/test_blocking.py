"""Blocking: every pair merging could accept meets under a shared key, and ``reverse_keys`` finds
every stored item that would look a new one up (what incremental reconcile relies on)."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from newsledger.model import Article, EventMention, PlaceMention, Span
from newsledger.reconcile.blocking import FINE_KM, blocking_keys, lookup_keys, probe_keys, reverse_keys
from newsledger.reconcile.geo import km
from newsledger.reconcile.merge import Item


def _item(aid: str, lat: float, lon: float, day: int, feature: str = "city") -> Item:
    place = PlaceMention(Span(aid, 0, 4), "Town", f"Town{aid}", None, lat, lon, feature, None, "XX")
    date = (dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat()
    m = EventMention(
        Span(aid, 0, 10), "hit", Span(aid, 0, 3), "Battles", "Armed clash", place=place, date=date,
        date_precision="day",
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
    assert _meets(a, b) and _meets(b, a)


@given(points, points, st.integers(0, 6))
def test_reverse_keys_find_every_item_that_looks_one_up(p, q, gap):
    a = _item("a", *p, 0)
    near = (p[0] + (q[0] % 1.0) - 0.5, p[1] + (q[1] % 1.0) - 0.5)  # within about a degree
    for b in (_item("b", *q, gap), _item("b", *near, gap)):
        if _meets(b, a):
            assert not set(probe_keys(b)).isdisjoint(reverse_keys(a))
