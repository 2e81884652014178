"""Events and commitments with coordinates as a GeoJSON FeatureCollection (RFC 7946).

Each feature is a Point ``[longitude, latitude]``; its properties are the ledger JSON of the
event (or commitment) with the location flattened and ``feature_type`` naming which it is.
Items without coordinates are left out (counted in the report as ``unplaced``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from ..model import Location
from ..serialize import commitment_json, event_json
from ..store import Store


def _feature(kind: str, props: dict[str, Any], loc: Location | None) -> dict[str, Any] | None:
    if loc is None or loc.latitude is None or loc.longitude is None:
        return None
    props = dict(props)
    props.pop("location", None)
    props = {
        "feature_type": kind,
        **props,
        "location": loc.name,
        "country": loc.country,
        "admin1": loc.admin1,
        "geo_precision": loc.geo_precision,
        "gazetteer_id": loc.gazetteer_id,
        "n_sources": len({s["article"] for s in props.get("sources", [])}),
    }
    return {
        "type": "Feature",
        "id": props["id"],
        "geometry": {"type": "Point", "coordinates": [loc.longitude, loc.latitude]},
        "properties": props,
    }


def write_geojson(store: Store, out: TextIO, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    counts = {"events": 0, "commitments": 0, "unplaced": 0}
    out.write('{"type": "FeatureCollection", "features": [')
    first = True

    def emit(feature: dict[str, Any] | None, kind: str) -> None:
        nonlocal first
        if feature is None:
            counts["unplaced"] += 1
            return
        out.write(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
        first = False
        counts[kind] += 1

    for e in store.events():
        emit(_feature("event", event_json(e), e.location), "events")
    for c in store.commitments():
        emit(_feature("commitment", commitment_json(c), c.location), "commitments")
    out.write("\n]}\n")
    return counts
