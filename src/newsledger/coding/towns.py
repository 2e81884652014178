"""Which town a local news report's events take: the town named "in" a county rather than the
county, a street or building rather than a town the gazetteer lacks, a province only when not
named as a part of it. Used by :mod:`.setting`."""

from __future__ import annotations

from typing import Any


def town_over_county(lead: list[Any], doc: Any) -> Any:
    """The first place of ``lead``, or a town named after it "in" which something happened
    when that place is a county of the same province ("The Sullivan County Sheriff's Office is
    investigating a shooting in Bristol"): the town is the more precise place. Not a town the
    place is only near ("south of Mooresville", "near Ocala") nor someone's home town ("a
    Janesville man"): the county is then the place."""
    if not lead:
        return None
    first = lead[0]
    if first.feature == "ADM2":
        town = [
            p
            for p in lead[1:]
            if p.feature == "city" and p.admin1 == first.admin1 and p.admin1 and named_as_inside(doc, p)
        ]
        if town:
            return town[0]
    return first


def named_as_inside(doc: Any, place: Any) -> bool:
    """Whether the text says something is in ``place``: "in Bristol", "at a home in Buford",
    or a dateline ("PORTLAND, Ore. (KOIN 6) – ...")."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    if place.text.isupper() and len(place.text) > 3 and (span.start == 0 or span[0].is_sent_start):
        return True
    return span.start > 0 and doc[span.start - 1].lower_ in INSIDE


INSIDE = frozenset({"in", "inside", "within"})


FACILITY = frozenset({"street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "lane", "ln", "boulevard",
                      "blvd", "highway", "hwy", "way", "court", "ct", "school", "stop", "center", "centre", "park",
                      "church", "bar", "club", "store", "mall", "hospital", "apartments", "motel", "hotel",
                      "restaurant", "market", "lounge", "block", "complex", "plaza", "campus"})  # fmt: skip


def is_facility(place: Any) -> bool:
    """Whether a place found without a gazetteer entry is a street or a building ("Bunny's Truck
    Stop", "Lummi Nation School"), not a town the gazetteer lacks ("Bean Station")."""
    return any(w.strip(".,'").lower() in FACILITY for w in place.name.split())


REGION_PART = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                         "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                         "southeastern", "southwestern", "rural", "upstate", "downstate", "across", "throughout"})  # fmt: skip


def part_of_region(doc: Any, place: Any) -> bool:
    """Whether a province or country is named as a part of it or all over it ("in northern
    Mississippi", "across Utah"): somewhere else in it than the report's town."""
    if place.feature not in ("ADM1", "country"):
        return False
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in REGION_PART


def inside_setting(place: Any, town: Any) -> bool:
    """A street, building or neighbourhood (feature "other"), a county (ADM2) in the same
    province as the report's town, or that province or country itself ("a shooting in Utah"
    in a report from Roy): ACLED codes the town."""
    if place.feature == "other":
        return place.gazetteer_id is None or (place.country == town.country and place.admin1 == town.admin1)
    if town.feature != "city" or not town.country:
        return False
    if place.feature == "country":
        return bool(place.country == town.country)
    return place.feature in ("ADM2", "ADM1") and place.admin1 == town.admin1 and bool(town.admin1)
