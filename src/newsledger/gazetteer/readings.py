"""The readings of a name: the gazetteer entries a candidate may be (filtered for brands,
people's names, quarters and common words) and the prior of each (population and feature type),
before the article's context is weighed in :mod:`.resolve`."""

from __future__ import annotations

import math
import re
from collections import Counter

from . import Gazetteer, Place
from .candidate import Candidate
from .fold import fold, loose
from .words import FACILITY_WORDS, GENERIC_WORDS

MAX_CANDIDATES = 40
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
# name prefixes that are spelled joined to a capital in ordinary names ("LaGrange", "DeLand",
# "McKee", "DeKalb", "O'Fallon"): not brands
_NAME_PREFIX = re.compile(r"\b(?:Mc|Mac|De|Di|Du|Da|La|Le|Van|Von|St|O')(?=[A-Z][a-z])")
# a first-level region whose towns add up to fewer inhabitants is no better known than a town of that
# name ("Toledo" is the city in Ohio, not the district of Belize)
SMALL_REGION = 100_000
FEATURE_PRIOR = {"country": 4.0, "region": 2.0, "ADM1": 1.0, "ADM2": 0.3, "city": 0.0, "other": -1.0}


def options(gz: Gazetteer, c: Candidate) -> list[Place]:
    if c.hint == "town":
        return []
    opts = list(gz.lookup(c.name))
    if c.role == "demonym":
        place = gz.place_of_demonym(c.name)
        return [place] if place else []
    if c.label == "FAC":  # a building or road named like a small town is not in that town
        opts = [p for p in opts if p.feature != "city" or p.population >= 20000]
    if " " in c.name and c.name.split()[-1].casefold().rstrip(".") in FACILITY_WORDS:
        opts = [p for p in opts if not p.alternate]  # "Washington Square" is no other name of a town
    if _CAMEL.search(_NAME_PREFIX.sub("", c.name)):  # "UConn", "MoD": brands and acronyms, not villages
        opts = [p for p in opts if p.feature in ("country", "region", "ADM1")]
    if " " not in c.name.strip() and c.name.casefold() in GENERIC_WORDS and not c.hint:
        # "Metro", "Central", "Superior" alone: a word, not a town so named (Metro, Indonesia)
        opts = [p for p in opts if p.feature != "city" or p.population >= 10**6]
    if " " not in c.name.strip():
        # a one-word name that is another town's name in some language ("Julia" for Plovdiv,
        # "Villanueva" for Tallahassee) is a person or a word, unless the town is a world city
        # ("Bombay") or the names are spellings of each other ("Misrata", "Misratah")
        opts = [p for p in opts if not (p.alternate and p.feature == "city") or _akin(c.name, p)]
    elif _QUARTER.match(fold(c.name)):
        # "the West Side", "the East End", "the Far South Side": a part of the article's town,
        # not a town known by another name elsewhere (West Newton, Eltingville)
        opts = [p for p in opts if p.feature != "city" or not p.alternate]
    if c.hint == "admin":  # "Donetsk region": the region may be spelled differently from the town
        seen = {p.id for p in opts}
        opts += [p for p in gz.lookup_loose(c.name) if p.id not in seen]
    return opts[:MAX_CANDIDATES]


_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ad|at|the|la|le|les|los|las)[ -]+")


_QUARTER = re.compile(
    r"(?:(?:far|upper|lower|near|lower east|lower west|upper east|upper west) )?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north east|north west|south east"
    r"|south west) ?(?:side|end)$"
)


def _akin(name: str, p: Place) -> bool:
    """An alternate name worth trusting for a one-word name: the town is a world city (≥ 1 M), or
    both names begin alike (after an article: "Qamishli" / "Al Qāmishlī")."""
    if p.population >= 10**6:
        return True
    a, b = _ARTICLE.sub("", fold(name)), _ARTICLE.sub("", fold(p.name))
    return a[:3] == b[:3] or loose(a)[:3] == loose(b)[:3]


GENERIC_REGION_NAMES = frozenset(
    [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "centre", "center", "far north", "far west", "north east", "north west", "south east",
        "south west", "northeast", "northwest", "southeast", "southwest", "gulf", "delta", "valley",
        "coast", "coastal", "littoral", "highlands", "lakes", "islands", "plateau", "capital",
        "upper", "lower", "middle", "interior", "mountain", "mountains", "river", "maritime",
        "savanes", "lagoons", "border", "southern district", "northern district", "central district",
    ]
)  # fmt: skip


def generic_region(p: Place, named: Counter[str], name: str) -> bool:
    """A first- or second-level region whose name is a common word ("Gulf" in Papua New Guinea,
    "West" in Cameroon), in a country the article does not name; or, for such a word, a small
    town or a town of another name ("Northwest", North Carolina: a street's "Northwest 18th
    Terrace"; "North" for North Salt Lake)."""
    if p.feature == "city":
        return fold(name) in GENERIC_REGION_NAMES and (p.alternate or p.population < 100_000)
    generic = fold(p.name) in GENERIC_REGION_NAMES or fold(name) in GENERIC_REGION_NAMES
    return p.feature in ("ADM1", "ADM2") and generic and not named.get(p.country)


def prior(p: Place, c: Candidate, has_primary: bool) -> float:
    s = math.log10(p.population + 10)
    if p.alternate:  # known by another name: its feature type says little about this one
        s -= 3.0 if has_primary and p.feature in ("country", "region", "ADM1") else 1.0
    elif p.feature != "ADM1" or p.population >= SMALL_REGION:
        s += FEATURE_PRIOR.get(p.feature, 0.0)
    if c.hint == "admin":
        s += 3.0 if p.feature in ("ADM1", "ADM2", "region") else -1.0
    elif c.hint == "city":
        s += 2.0 if p.feature == "city" else -1.0
    return s
