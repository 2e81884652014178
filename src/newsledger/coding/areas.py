"""Areas of a city: an event placed at a neighbourhood of a city the report names is located
"City - Area", ACLED's own convention for places inside a large city ("Baghdad - Sadr City").

Local news places a shooting in a neighbourhood ("in Jamaica Plain", "in the Morgan Park
neighborhood", "ENGLEWOOD — ...") and names the city elsewhere, often only through its police
("Boston Police said"). The gazetteer holds no parent city, so the tie comes from the text:

* the text calls the place a part of a city: "the Morgan Park neighborhood", "the Hill
  District", "the Jamaica Plain neighborhood of Boston", "a West Englewood neighborhood
  shooting";
* or the city's police or fire department is named ("Chicago Police said", "according to the
  Boston Police Department": the city is the jurisdiction) and the place lies within
  ``NEAR_KM`` of the city.

The parent is the city named right after "neighborhood of", else a city whose police or fire
department the report names, else the report's setting town. The area keeps its own point when
it lies within ``CITY_KM`` of the city; a reading farther away is a namesake elsewhere (the
gazetteer's "Roseland, Indiana" for Chicago's Roseland), so the city's point is used.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..gazetteer import distance_km
from ..model import EventMention, PlaceMention
from .arguments import home_town

AREA_WORDS = frozenset(
    {"neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "district", "section", "community"}
)
FORCE_WORDS = frozenset({"police", "pd", "fire", "officers"})
NEAR_KM = 15.0  # a place this close to a city whose police investigate is inside it
CITY_KM = 40.0  # an area's own point farther than this from its city is a namesake's
CITY_POPULATION = 50_000  # a town smaller than this has no neighbourhoods a report names
LARGE = 5  # a city is this many times as populous as a part of it named without a cue
BIG_CITY = 100_000  # ... and at least this populous


def name_areas(doc: Any, places: tuple[PlaceMention, ...], setting: PlaceMention | None,
               mentions: list[EventMention], gazetteer: Any) -> list[EventMention]:  # fmt: skip
    """Events that happened at an area of a city the report names, located "City - Area"."""

    def population(p: PlaceMention) -> int:
        place = gazetteer.get(p.gazetteer_id) if p.gazetteer_id else None
        return int(place.population) if place is not None else 0

    towns = [p for p in places if p.feature == "city" and p.role in ("place", "embedded")]
    towns = [p for p in towns if population(p) >= CITY_POPULATION]
    forces = policed(doc, towns)
    out = []
    for m in mentions:
        p = m.place
        if m.status != "occurred" or p is None or p.feature not in ("city", "other") or " - " in p.name:
            out.append(m)
            continue
        here = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if here is not None and home_town(here):
            out.append(m)  # "Jane Roe, 27, of Trotwood": where she lives, not an area
            continue
        marked = [q for q in places if q.name == p.name and q.text == p.text]
        parent, why = _parent(doc, p, marked, towns, forces, setting)
        if (
            parent is not None
            and why.startswith("within")
            and (population(parent) < max(LARGE * population(p), BIG_CITY) or parent.admin1 != p.admin1)
        ):
            parent = None  # a town near a city, not a part of it ("Hialeah" and Miami)
        if parent is None:
            out.append(m)
            continue
        near = _km(p, parent)
        own = near is not None and near <= CITY_KM
        # a reading far away is a namesake: the text's own words name the area
        words = p.text[4:] if p.text.lower().startswith("the ") else p.text
        words = words.title() if words.isupper() else words
        area = replace(
            p,
            name=f"{parent.name} - {p.name if own else words}",
            latitude=p.latitude if own else parent.latitude,
            longitude=p.longitude if own else parent.longitude,
            gazetteer_id=p.gazetteer_id if own else parent.gazetteer_id,
            admin1=parent.admin1,
            country=parent.country,
            feature="city",
        )
        out.append(
            replace(m, place=area, rule=m.rule + f"; place {area.name}: an area of {parent.name} ({why})")
        )
    return out


def _parent(doc: Any, p: PlaceMention, marked: list[PlaceMention], towns: list[PlaceMention],
            forces: list[PlaceMention], setting: PlaceMention | None) -> tuple[PlaceMention | None, str]:  # fmt: skip
    """The city ``p`` is part of, with the reason, or (None, "")."""
    others = [t for t in towns if t.name != p.name and t.name not in p.name and p.name not in t.name]
    if not others:
        return None, ""
    area_cue = False
    for q in marked:
        of = _area_word_after(doc, q)
        if of is None:
            continue
        area_cue = True
        named = [t for t in others if of >= 0 and t.span.start >= of and t.span.start - of <= 4]
        if named:
            return named[0], f"the text calls it a neighbourhood of {named[0].name}"
    police = [t for t in others if t.name in {f.name for f in forces}]
    if area_cue:
        if police:
            return police[0], f"the text calls it a neighbourhood; {police[0].name}'s police report it"
        if setting is not None and setting.feature == "city" and setting.name in {t.name for t in others}:
            return setting, "the text calls it a neighbourhood of the report's town"
        return None, ""
    if p.feature != "city":
        return None, ""
    close = [(d, t) for t in police if (d := _km(p, t)) is not None and d <= NEAR_KM]
    if close:
        t = min(close, key=lambda x: x[0])[1]
        return t, f"within {NEAR_KM:.0f} km of {t.name}, whose police report it"
    return None, ""


def _area_word_after(doc: Any, q: PlaceMention) -> int | None:
    """Whether a mention of the place is followed by a word for a part of a city ("the Morgan
    Park neighborhood", "Hill District", "a West Englewood neighborhood shooting"): None when
    not, else where "neighborhood of" ends ("the Jamaica Plain neighborhood of Boston"), or -1."""
    span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or span.start == 0:
        return None
    if doc[span.start - 1].lower_ != "the":
        return None  # "one Long Island community" is a community on Long Island
    if len(span) > 1 and span[-1].lower_ in AREA_WORDS:
        nxt = span[-1]  # the word is part of the name found: "the Hill District"
    elif doc[span.end].lower_ in AREA_WORDS:
        nxt = doc[span.end]
    else:
        return None
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "of":
        return int(after.idx + len(after.text))
    return -1


def policed(doc: Any, towns: list[PlaceMention]) -> list[PlaceMention]:
    """Towns whose police or fire department the text names ("Chicago Police said", "Boston
    police", "the Columbus Division of Police" is not caught): the report's jurisdiction."""
    out: list[PlaceMention] = []
    for t in towns:
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        nxt = doc[span.end]
        if nxt.lower_ == "'s" and span.end + 1 < len(doc):
            nxt = doc[span.end + 1]
        if nxt.lower_ in FORCE_WORDS and all(o.name != t.name for o in out):
            out.append(t)
    return out


def _km(a: PlaceMention, b: PlaceMention) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
