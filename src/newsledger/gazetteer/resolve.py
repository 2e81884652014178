"""Choosing one gazetteer entry per candidate, with a score and the alternatives it beat.

Evidence, added up per candidate entry (a log-linear score):
- prior (:mod:`.readings`): population (log) and feature type (countries, regions and admin
  areas before towns of the same name), main name before alternate name before a
  transliteration-loose match;
- the word after the name ("Helmand *district*" → admin areas; "Mosul *city*" → towns);
- containment phrases: "Alexandria, La.", "in Fort Worth, Texas" (the second name contains the
  first: same admin1 or same country);
- the article: countries and admin1 regions named elsewhere in it, its dominant country
  (weighted over a first pass), the outlet's country when known, and nearness to the plausible
  readings of the article's other names (places of one report lie near each other). A name is
  never its own evidence: each name's own votes are left out of its context.
- a town named like its region ("Yerevan", "New York") is the town unless a word says region;
- the regions of the article's other towns and counties, when those are clear ("Anderson County"
  beside "Boyle County" and "Lawrenceburg" is the one in Kentucky); "X in <town>" is a part of
  that town ("near Page in San Francisco"); in a US report with a dateline, a bare town name
  with no reading in the dateline's state is a local place the gazetteer lacks (AP style names
  other states' towns with their state).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from . import Gazetteer, Place
from .candidate import Candidate
from .fold import fold
from .names import SETTLEMENT_OF, in_list
from .readings import FEATURE_PRIOR, generic_region, prior
from .readings import options as readings_of
from .senses import base_name, county_named, km, nearest, one_sense

ADMIN_BONUS = 1.5  # a town or county of a region the article names
REGION_OF_TOWNS_BONUS = 2.5  # a region that holds towns or counties the article names
NEIGHBOURS_BONUS = 1.0  # a town or county of a region that holds other names of the article
CLEAR_MARGIN = 1.5  # a name's reading that far ahead of any reading in another region is clear
SIBLING_REGIONS_BONUS = 2.0
LOCAL_TOWN_LIMIT = 100_000  # towns below this size are named with their region when not local


@dataclass(frozen=True)
class Resolution:
    candidate: Candidate
    place: Place | None
    score: float  # 0..1: how far the choice is ahead of the runner-up
    alternatives: tuple[Place, ...]


def _containers(cands: list[Candidate], text: str) -> dict[int, int]:
    """index of X → index of Y for "X, Y" (Y names the area containing X)."""
    out: dict[int, int] = {}
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        gap = text[a.end : b.start]
        if gap.strip() == "," and len(gap) <= 3 and b.role == "place":
            out[i] = i + 1
    return out


def _dateline_region(
    cands: list[Candidate],
    options: list[list[Place]],
    final: list[list[float]],
    text: str,
    fk: Callable[[str], str],
) -> tuple[str, str] | None:
    """(country, folded admin1) of the US town in the article's dateline ("NASHVILLE, Tenn. —"):
    AP style names every other town of a state other than the dateline's with its state."""
    for c, opts, row in zip(cands, options, final, strict=True):
        at_line_start = c.start == 0 or text[c.start - 1] == "\n" or not text[: c.start].strip(" \t\u200b")
        if opts and c.name.isupper() and at_line_start:
            p = opts[max(range(len(opts)), key=row.__getitem__)]
            if p.feature == "city" and p.admin1 and p.country == "US" and text[c.end : c.end + 1] in ",(—–-":
                return (p.country, fk(p.admin1))
    return None


def _proximity(p: Place, near: list[tuple[float, float]]) -> float:
    """Places of one article lie near each other: a bonus for options close to the others."""
    coslat = math.cos(math.radians(p.latitude))
    best = min(((p.latitude - la) ** 2 + ((p.longitude - lo) * coslat) ** 2 for la, lo in near), default=1e9)
    km = math.sqrt(best) * 111.0
    return 2.0 if km < 50 else 1.2 if km < 150 else 0.5 if km < 400 else 0.0


def _context_bonus(
    p: Place,
    countries: Counter[str],
    admins: set[tuple[str, str]],
    dominant: str,
    key: Callable[[str], str] = fold,
) -> float:
    s = 0.0
    if p.country and countries.get(p.country):
        s += 1.5 + 0.5 * min(countries[p.country], 4)
    if p.country and p.country == dominant:
        s += 1.5
    if p.admin1 and (p.country, key(p.admin1)) in admins and p.feature != "ADM1":
        s += ADMIN_BONUS
    return s


def resolve(
    gz: Gazetteer, cands: list[Candidate], text: str, outlet_country: str | None = None
) -> list[Resolution]:
    fk = gz.key  # fold, once per distinct name in a view made by ``Gazetteer.for_text``
    options = [readings_of(gz, c) for c in cands]
    priors = []
    for c, opts in zip(cands, options, strict=True):
        has_primary = any(not p.alternate for p in opts)
        main_town = max((p.population for p in opts if p.feature == "city" and not p.alternate), default=0)
        priors.append(
            [
                # a small town known by another name does not take a big town's own name
                prior(p, c, has_primary) - (2.0 if p.alternate and 10 * p.population < main_town else 0.0)
                for p in opts
            ]
        )
    for c, opts, pri in zip(cands, options, priors, strict=True):
        if c.hint == "admin":
            continue
        # a region named after its main town ("Yerevan"): without "province" the town is meant
        towns: dict[str, int] = {}
        for p in opts:
            if p.feature == "city":
                towns[p.country] = max(towns.get(p.country, 0), p.population)
        for k, p in enumerate(opts):
            town = towns.get(p.country, 0)
            if p.feature in ("ADM1", "ADM2") and town >= 0.1 * p.population:
                pri[k] -= (
                    FEATURE_PRIOR[p.feature] + 1.5 + math.log10(p.population + 10) - math.log10(town + 10)
                )
    contains = _containers(cands, text)
    # "DeKalb" beside "DeKalb County": the bare name may be the county (index of its mention)
    county_of = {
        base_name(fk(c.name)): i
        for i, c in enumerate(cands)
        if c.role == "place" and base_name(fk(c.name)) != fk(c.name)
    }
    inside = {
        i: i + 1
        for i in range(len(cands) - 1)
        if text[cands[i].end : cands[i + 1].start] == " in "
        and cands[i].role == "place"
        and cands[i + 1].role == "place"
    }

    # explicit context: unambiguous countries and admin areas named in the article, by name, so
    # that a name is never its own evidence
    country_votes: dict[str, Counter[str]] = {}
    admin_names: dict[str, set[tuple[str, str]]] = {}
    for c, opts in zip(cands, options, strict=True):
        key = fk(c.name)
        if opts and opts[0].feature == "country" and not opts[0].alternate:
            country_votes.setdefault(key, Counter())[opts[0].country] += 1
        for p in opts[:3]:
            if p.feature == "ADM1" and not p.alternate:
                admin_names.setdefault(key, set()).add((p.country, fk(p.admin1 or p.name)))
    all_countries: Counter[str] = sum(country_votes.values(), Counter())
    if outlet_country:
        all_countries[outlet_country] += 1

    def choose(
        votes: dict[str, Counter[str]],
        anchors: dict[str, list[tuple[float, float]]],
        inner: dict[str, set[tuple[str, str]]] | None = None,
        states: dict[str, str] | None = None,
        local: dict[str, tuple[str, str]] | None = None,
    ) -> list[list[float]]:
        scores = []
        prox_cache: dict[tuple[str, str], float] = {}
        of_name: dict[str, tuple[Any, ...]] = {}
        total: Counter[str] = sum(votes.values(), Counter())
        for i, (c, opts, pri) in enumerate(zip(cands, options, priors, strict=True)):
            row = []
            own = fk(c.name)
            context = of_name.get(own)
            if context is None:  # the rest of the article, computed once per distinct name
                others = total - votes.get(
                    own, Counter()
                )  # the rest of the article votes, not the name itself
                context = of_name[own] = (
                    [pt for name, pts in anchors.items() if name != own for pt in pts],
                    others.most_common(1)[0][0] if others else "",
                    all_countries - country_votes.get(own, Counter()),
                    set().union(*(v for k, v in admin_names.items() if k != own)),
                    set().union(*(v for k, v in (inner or {}).items() if k != own)),
                    Counter(cc for k, cc in (states or {}).items() if k != own),
                    Counter(r for k, r in (local or {}).items() if base_name(k) != base_name(own)),
                )
            near, dominant, countries, admins, holds, sibling_states, neighbours = context
            biggest = max((q.population for q in opts if q.feature == "city"), default=0)
            for p, s in zip(opts, pri, strict=True):
                bonus = _context_bonus(p, countries, admins, dominant, fk)
                if p.feature == "city" and 30 * (p.population + 1000) < biggest and biggest >= 10**6:
                    bonus /= 2  # a village does not beat a world city by its country alone
                s += bonus
                if (
                    p.feature in ("city", "ADM2")
                    and p.admin1
                    and (n := neighbours[(p.country, fk(p.admin1))])
                    and (p.country, fk(p.admin1)) not in admins
                ):
                    s += NEIGHBOURS_BONUS if n == 1 else NEIGHBOURS_BONUS + 0.5  # "Boyle County"
                if (
                    p.feature == "ADM1"
                    and (region := (p.country, fk(p.admin1 or p.name))) in holds
                    and not any(q.feature == "city" and (q.country, fk(q.admin1)) == region for q in opts)
                ):
                    s += REGION_OF_TOWNS_BONUS  # "Georgia" beside "Troup County": the state
                if (
                    p.feature == "ADM1"
                    and not p.alternate
                    and sibling_states[p.country] >= 2
                    and not any(q.feature == "city" and 10 * q.population >= p.population for q in opts)
                ):
                    s += SIBLING_REGIONS_BONUS  # "Georgia" in a list with "Florida" and "Nevada"
                if near and p.feature in ("city", "ADM2"):
                    key = (own, p.id)
                    if key not in prox_cache:
                        prox_cache[key] = _proximity(p, near)
                    s += prox_cache[key]
                j = contains.get(i)
                if j is not None and options[j]:
                    outer = options[j][0]
                    if outer.feature == "country" and p.country == outer.country:
                        s += 5.0
                    elif outer.feature in ("ADM1", "ADM2") and p.country == outer.country:
                        s += 6.0 if fk(p.admin1) == fk(outer.admin1 or outer.name) else 2.0
                if c.role == "demonym":
                    s = 10.0
                row.append(s)
            scores.append(row)
        return scores

    first = choose({}, {})
    votes: dict[str, Counter[str]] = {}
    # where each name may be: its plausible readings (within 3 of its best first-pass score), so
    # that two names can pull each other to the same area ("Edmonton" and "Enfield" in London)
    anchors: dict[str, list[tuple[float, float]]] = {}
    inner: dict[str, set[tuple[str, str]]] = {}  # regions that hold each name's town or county
    states: dict[str, str] = {}  # names read as a country's first-level region → that country
    # names read clearly as a town or county of one region (no reading elsewhere comes close)
    local: dict[str, tuple[str, str]] = {}
    for c, opts, row in zip(cands, options, first, strict=True):
        if opts:
            best = max(range(len(opts)), key=row.__getitem__)
            p = opts[best]
            if c.role in ("place", "embedded") and p.feature == "ADM1" and not p.alternate:
                states[fk(c.name)] = p.country
            if (
                c.role in ("place", "embedded")
                and p.admin1
                and (p.feature == "ADM2" or (p.feature == "city" and p.population >= 5000))
            ):
                inner.setdefault(fk(c.name), set()).add((p.country, fk(p.admin1)))
            if c.role == "place" and p.feature in ("city", "ADM2") and p.admin1:
                region = (p.country, fk(p.admin1))
                rival = max(
                    (row[k] for k, q in enumerate(opts) if (q.country, fk(q.admin1)) != region), default=-99.0
                )
                if row[best] - rival >= CLEAR_MARGIN and fk(c.name) not in county_of:
                    local[fk(c.name)] = region
            if p.country:
                votes.setdefault(fk(c.name), Counter())[p.country] += 2 if p.feature != "country" else 1
            key = fk(c.name)
            if c.role in ("place", "embedded") and key not in anchors:
                plausible = sorted(
                    (
                        k
                        for k, q in enumerate(opts)
                        if q.feature in ("city", "ADM2") and row[k] >= row[best] - 3.0
                    ),
                    key=lambda k: -row[k],
                )[:5]
                anchors[key] = [(opts[k].latitude, opts[k].longitude) for k in plausible]
    final = one_sense(cands, options, choose(votes, anchors, inner, states, local), fk)

    named = [  # the first reading of each of the article's names
        opts[max(range(len(opts)), key=row.__getitem__)]
        for c, opts, row in zip(cands, options, first, strict=True)
        if opts and c.role in ("place", "embedded")
    ]
    home = _dateline_region(cands, options, final, text, fk)
    qualified = {fk(cands[i].name) for i in contains} | {fk(c.name) for c in cands if c.source == "dateline"}
    out = []
    for i, (c, opts, row) in enumerate(zip(cands, options, final, strict=True)):
        if not opts:
            out.append(Resolution(c, None, 0.0, ()))
            continue
        order = sorted(range(len(opts)), key=lambda k: -row[k])
        if c.hint != "admin":
            # "Gulf", "West", "Far North": a region so named only when the article names its country
            kept = [k for k in order if not generic_region(opts[k], all_countries, c.name)]
            if not kept and all(opts[k].feature == "city" for k in order):
                out.append(Resolution(c, None, 0.0, ()))
                continue
            order = kept
            if not order:
                # "Gulf" → "the Gulf": the Persian Gulf, or the Gulf of Mexico in a report from
                # around it (the one nearer more of the article's places), else unknown
                known = nearest(gz.lookup("the " + c.name, fuzzy=False), named)
                out.append(Resolution(c, known, 0.5, ()) if known else Resolution(c, None, 0.0, ()))
                continue
        h = inside.get(i)
        if h is not None and options[h] and all(opts[k].feature == "city" for k in order):
            host = options[h][max(range(len(options[h])), key=final[h].__getitem__)]
            if host.feature == "city":
                # "near Page in San Francisco", "Hamilton in Manhattan": a part of that town, not
                # a town of the name far from it
                order = [k for k in order if km(opts[k], host) < 100]
                if not order:
                    out.append(Resolution(c, None, 0.0, ()))
                    continue
        best = order[0]
        county = county_named(c, opts, order, county_of, options, final, fk)
        if county is not None:
            # "DeKalb Police" beside "DeKalb County", Georgia: the county, not DeKalb, Illinois
            out.append(Resolution(c, county, 0.5, tuple(opts[k] for k in order[:5])))
            continue
        if (
            c.hint == "city"
            and SETTLEMENT_OF.search(text, max(0, c.start - 12), c.start)
            and opts[best].feature != "city"
        ):
            # "the city of Turkey": a town the gazetteer lacks, not the country
            out.append(Resolution(replace(c, hint="town"), None, 0.0, tuple(opts[k] for k in order[:5])))
            continue
        j = contains.get(i)
        outer = options[j][0] if j is not None and options[j] else None
        if (
            outer is not None
            and outer.feature == "ADM1"
            and c.role == "place"
            and not c.hint
            and all(p.feature == "city" for p in opts)
            and j is not None
            and not in_list(text, c.start, cands[j].end)
            and not any(
                p.country == outer.country and fk(p.admin1) == fk(outer.admin1 or outer.name) for p in opts
            )
        ):
            # "Holliday, Mo.": a town of that region the gazetteer lacks, not a namesake elsewhere
            out.append(Resolution(replace(c, hint="town"), None, 0.0, tuple(opts[k] for k in order[:5])))
            continue
        if (
            home is not None
            and c.role == "place"
            and not c.hint
            and fk(c.name) not in qualified
            and all(p.feature == "city" for p in opts)
            and opts[best].country == home[0]
            and opts[best].population < LOCAL_TOWN_LIMIT
            and not any((p.country, fk(p.admin1)) == home for p in opts)
        ):
            # "NASHVILLE, Tenn. — ... a park in Madison": a report names towns of
            # other regions with their region ("Madison, Wis."); a bare name is a local place
            # the gazetteer lacks
            out.append(Resolution(replace(c, hint="town"), None, 0.0, tuple(opts[k] for k in order[:5])))
            continue
        margin = row[best] - row[order[1]] if len(order) > 1 else 5.0
        conf = 1.0 / (1.0 + math.exp(-margin))
        out.append(Resolution(c, opts[best], round(conf, 3), tuple(opts[k] for k in order[1:6])))
    return out
