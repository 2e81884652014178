"""How two place mentions relate: the same place, one inside the other, near, or far apart."""

from __future__ import annotations

import math
from types import MappingProxyType

from ..model import Location, PlaceMention
from .text import fold, same_stem

# how far apart two points may be and still be "the same place" for a feature of that size (km)
RADIUS_KM = {"city": 15.0, "ADM2": 30.0, "other": 15.0, "region": 80.0, "ADM1": 120.0, "country": 600.0}
NEAR_KM = 25.0  # two towns this close may be one happening told from neighbouring places
GEO_PRECISION = {
    "city": "town",
    "other": "town",
    "ADM2": "district",
    "ADM1": "region",
    "region": "region",
    "country": "country",
}
# larger number = larger area
SIZE = {"city": 0, "other": 0, "ADM2": 1, "region": 2, "ADM1": 2, "country": 3}


def km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float:
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, a)))


def place_key(p: PlaceMention) -> str:
    return p.gazetteer_id or f"name:{fold(p.name)}"


# words that say what kind of area a name is ("Helmand province" = "Helmand")
AREA_WORDS = frozenset(
    [
        "region",
        "district",
        "province",
        "city",
        "town",
        "village",
        "county",
        "rayon",
        "rayonu",
        "oblast",
        "governorate",
        "municipality",
        "state",
        "prefecture",
        "department",
        "canton",
        "parish",
        "borough",
        "area",
        "territory",
    ]
)


def core_name(name: str | None) -> str:
    """A place name without its area word: 'Helmand District' → 'helmand'."""
    words = [w for w in fold(name).replace("-", " ").split() if w not in AREA_WORDS]
    return " ".join(words)


def same_place(a: PlaceMention, b: PlaceMention, distance: float | None = None) -> bool:
    """One place under two spellings: the same gazetteer entry, the same folded name, or co-located.

    Two places of one name far apart (Springfield, Illinois and Springfield, Massachusetts) are
    not the same place."""
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    d = km(a.latitude, a.longitude, b.latitude, b.longitude) if distance is None else distance
    if d != math.inf and d > max(RADIUS_KM.get(a.feature, 15.0), RADIUS_KM.get(b.feature, 15.0)):
        return False
    if a.country == b.country and (
        same_stem(a.name, b.name)
        or same_stem(a.text, b.text)
        or (core_name(a.text) and core_name(a.text) == core_name(b.text))
    ):
        return True
    return a.feature == b.feature and d <= 5.0


def contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    """``outer`` is a country, region or district that ``inner`` lies in."""
    so, si = SIZE.get(outer.feature, 0), SIZE.get(inner.feature, 0)
    if so <= si:
        return False
    if outer.feature == "country":
        return bool(outer.country) and outer.country == inner.country
    if outer.feature == "ADM1" and inner.admin1:
        # the gazetteer says which first-level division the inner place is in
        return outer.country == inner.country and (
            same_stem(fold(outer.name), fold(inner.admin1))
            or core_name(outer.name) == core_name(inner.admin1)
        )
    radius = RADIUS_KM.get(outer.feature, 15.0)
    return km(outer.latitude, outer.longitude, inner.latitude, inner.longitude) <= radius


def relation(a: PlaceMention | None, b: PlaceMention | None) -> tuple[str, float]:
    """('same'|'contains'|'near'|'far'|'unknown', distance km)."""
    if a is None or b is None:
        return "unknown", math.inf
    d = km(a.latitude, a.longitude, b.latitude, b.longitude)
    if d != math.inf and d > 300.0 and SIZE.get(a.feature, 0) <= 1 and SIZE.get(b.feature, 0) <= 1:
        return "far", d  # quick exit for the common case of unrelated places
    if same_place(a, b, d):
        return "same", 0.0 if d == math.inf else d
    if contains(a, b) or contains(b, a):
        return "contains", d
    if d <= max(RADIUS_KM.get(a.feature, 15.0), RADIUS_KM.get(b.feature, 15.0)) / 2 or d <= NEAR_KM:
        return "near", d
    if d == math.inf:
        # no coordinates: only names to go by
        return ("far" if a.country and b.country and a.country != b.country else "unknown"), d
    return "far", d


def location_of(p: PlaceMention | None) -> Location | None:
    if p is None:
        return None
    return Location(
        name=p.name,
        country=p.country,
        admin1=p.admin1,
        latitude=p.latitude,
        longitude=p.longitude,
        geo_precision=GEO_PRECISION.get(p.feature),
        gazetteer_id=p.gazetteer_id,
    )


# short names where the ISO name reads oddly in a ledger (a general table, not per story)
SHORT_NAMES = MappingProxyType(
    {
        "RU": "Russia",
        "IR": "Iran",
        "KR": "South Korea",
        "KP": "North Korea",
        "SY": "Syria",
        "VE": "Venezuela",
        "BO": "Bolivia",
        "TZ": "Tanzania",
        "MD": "Moldova",
        "LA": "Laos",
        "VN": "Vietnam",
        "TW": "Taiwan",
        "PS": "Palestine",
        "CD": "DR Congo",
        "GB": "United Kingdom",
        "US": "United States",
    }
)


def country_name(code: str | None) -> str | None:
    """'AM' → 'Armenia' (pycountry, common short name)."""
    if not code:
        return None
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name
