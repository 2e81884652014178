"""The bundled base map and the script that builds it."""

from __future__ import annotations

import importlib.util
import json
import struct
from importlib import resources
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_basemap.py"


def load_script():
    spec = importlib.util.spec_from_file_location("build_basemap", SCRIPT)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_basemap_ships_in_the_package() -> None:
    raw = (resources.files("newsledger.web") / "static" / "basemap.geojson").read_text("utf-8")
    geo = json.loads(raw)
    assert geo["type"] == "FeatureCollection" and "Natural Earth" in geo["attribution"]
    assert len(geo["features"]) > 170
    assert len(raw) < 400_000  # small enough to send to the page
    for f in geo["features"]:
        polys = f["geometry"]["coordinates"]
        if f["geometry"]["type"] == "Polygon":
            polys = [polys]
        for poly in polys:
            for ring in poly:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def shapefile(rings: list[list[tuple[float, float]]]) -> bytes:
    """One polygon record in ESRI shapefile layout."""
    points = [p for r in rings for p in r]
    parts, n = [], 0
    for r in rings:
        parts.append(n)
        n += len(r)
    content = struct.pack("<i4d", 5, 0, 0, 0, 0) + struct.pack("<ii", len(rings), len(points))
    content += struct.pack(f"<{len(parts)}i", *parts) + b"".join(struct.pack("<2d", *p) for p in points)
    record = struct.pack(">ii", 1, len(content) // 2) + content
    return b"\0" * 100 + record


def test_script_reads_polygons_and_simplifies() -> None:
    mod = load_script()
    outer = [(0.0, 0.0), (0.0, 10.0), (5.0, 10.001), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]  # clockwise
    hole = [(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0), (2.0, 2.0)]  # counter-clockwise
    (shape,) = mod.read_shp(shapefile([outer, hole]))
    assert shape == [outer, hole]
    geom = mod.to_geometry(shape)
    assert geom["type"] == "Polygon" and len(geom["coordinates"]) == 2
    assert [5.0, 10.0] not in geom["coordinates"][0]  # the near-collinear point is dropped
