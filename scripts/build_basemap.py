"""Build the offline base map of the web page: country outlines as a small GeoJSON file.

Source: Natural Earth "admin 0 countries" at 1:110m (public domain, https://www.naturalearthdata.com),
as shipped inside the geopandas 0.14.4 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``;
geopandas 1.0 dropped it). geopandas is NOT a dependency: this script only downloads the wheel and
reads the shapefile out of it with a tiny pure-Python reader.

Usage (development time only; the output is committed and shipped in the package)::

    .venv/bin/python scripts/build_basemap.py            # downloads the wheel with pip
    .venv/bin/python scripts/build_basemap.py --wheel geopandas-0.14.4-py3-none-any.whl

Output: ``src/newsledger/web/static/basemap.geojson`` — a FeatureCollection of (Multi)Polygons with
properties ``name``, ``iso_a3``, ``iso_a2``; coordinates rounded to 0.01° and simplified with
Douglas-Peucker (tolerance 0.05°), which is plenty for a page-sized equirectangular map.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "geopandas==0.14.4"
PREFIX = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[1] / "src" / "newsledger" / "web" / "static" / "basemap.geojson"
TOLERANCE = 0.05
DECIMALS = 2

Ring = list[tuple[float, float]]


def read_shp(data: bytes) -> list[list[Ring]]:
    """Polygon records of an ESRI shapefile (shape type 5) as lists of rings."""
    shapes: list[list[Ring]] = []
    pos = 100  # file header
    while pos < len(data):
        _num, length = struct.unpack(">ii", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + 2 * length]
        pos += 8 + 2 * length
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type == 0:  # null shape
            shapes.append([])
            continue
        if shape_type != 5:
            raise ValueError(f"unsupported shape type {shape_type}")
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", content[44 : 44 + 4 * num_parts]))
        off = 44 + 4 * num_parts
        coords = struct.unpack(f"<{2 * num_points}d", content[off : off + 16 * num_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, num_points]
        shapes.append([points[bounds[i] : bounds[i + 1]] for i in range(num_parts)])
    return shapes


def read_dbf(data: bytes, encoding: str = "utf-8") -> list[dict[str, str]]:
    """Records of a dBASE III table as dicts of stripped strings."""
    num_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(num_records):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        off = 1  # deletion flag
        row = {}
        for name, size in fields:
            row[name] = rec[off : off + size].decode(encoding, "replace").strip()
            off += size
        rows.append(row)
    return rows


def _perp(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    return float(abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5)


def simplify(points: Ring, tol: float) -> Ring:
    """Douglas-Peucker, iterative (rings can be long)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, -1
        for k in range(i + 1, j):
            d = _perp(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(i, idx), (idx, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def clean_ring(ring: Ring) -> list[list[float]] | None:
    out: list[list[float]] = []
    for x, y in simplify(ring, TOLERANCE):
        pt = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != pt:
            out.append(pt)
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def is_clockwise(ring: Ring) -> bool:
    s = sum((x2 - x1) * (y2 + y1) for (x1, y1), (x2, y2) in itertools.pairwise(ring))
    return s > 0


def to_geometry(rings: list[Ring]) -> dict[str, object] | None:
    """Shapefile rings (outer = clockwise, holes = counter-clockwise) to a GeoJSON geometry."""
    polygons: list[list[list[list[float]]]] = []
    for ring in rings:
        cleaned = clean_ring(ring)
        if cleaned is None:
            continue
        if is_clockwise(ring) or not polygons:
            polygons.append([cleaned[::-1]])  # GeoJSON: outer rings counter-clockwise
        else:
            polygons[-1].append(cleaned[::-1])
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def codes(iso_a3: str, name: str) -> tuple[str | None, str | None]:
    """(alpha-3, alpha-2) via pycountry; Natural Earth writes -99 for a few (France, Norway)."""
    import pycountry

    c = None
    if iso_a3 and iso_a3 != "-99":
        c = pycountry.countries.get(alpha_3=iso_a3)
    if c is None:
        try:
            c = pycountry.countries.lookup(name)
        except LookupError:
            return (iso_a3 if iso_a3 != "-99" else None), None
    return c.alpha_3, c.alpha_2


def build(wheel: Path) -> dict[str, object]:
    with zipfile.ZipFile(wheel) as z:
        shp = z.read(PREFIX + ".shp")
        dbf = z.read(PREFIX + ".dbf")
    shapes, rows = read_shp(shp), read_dbf(dbf)
    features = []
    for rings, row in zip(shapes, rows, strict=True):
        geom = to_geometry(rings)
        if geom is None:
            continue
        iso3, iso2 = codes(row.get("iso_a3", ""), row.get("name", ""))
        props = {"name": row.get("name", ""), "iso_a3": iso3, "iso_a2": iso2}
        features.append({"type": "Feature", "properties": props, "geometry": geom})
    return {
        "type": "FeatureCollection",
        "attribution": "Natural Earth 1:110m admin 0 countries (public domain), simplified",
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="a local geopandas 0.14.x wheel (default: pip download)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    wheel = args.wheel
    with tempfile.TemporaryDirectory() as tmp:
        if wheel is None:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, WHEEL]
            subprocess.run(cmd, check=True)
            wheel = next(Path(tmp).glob("geopandas-*.whl"))
        doc = build(wheel)
    buf = io.StringIO()
    json.dump(doc, buf, separators=(",", ":"), ensure_ascii=False)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{args.out}: {len(doc['features'])} countries, {len(buf.getvalue()) // 1024} KiB")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
