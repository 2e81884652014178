"""One reading per name across an article: the mentions of a name share a reading, a bare name
stands for the county of that name the article names ("DeKalb" beside "DeKalb County"), and of
two places of one name ("the Gulf") the one nearer the article's other places is meant."""

from __future__ import annotations

from collections.abc import Callable

from . import Place, distance_km
from .candidate import Candidate
from .fold import fold


def base_name(key: str) -> str:
    """A folded name without its county word: "DeKalb County" and "DeKalb" vote as one name."""
    for word in (" county", " co.", " co", " parish"):
        if key.endswith(word):
            return key[: -len(word)]
    return key


def county_named(
    c: Candidate,
    opts: list[Place],
    order: list[int],
    county_of: dict[str, int],
    options: list[list[Place]],
    final: list[list[float]],
    fk: Callable[[str], str],
) -> Place | None:
    """The county a bare name stands for when the article names "<name> County" and no reading
    of the bare name lies in that county's region."""
    key = fk(c.name)
    j = county_of.get(key)
    if j is None or key != base_name(key) or not options[j] or c.role not in ("place", "embedded"):
        return None
    county = options[j][max(range(len(options[j])), key=final[j].__getitem__)]
    if county.feature != "ADM2" or not county.admin1:
        return None
    region = (county.country, fk(county.admin1))
    if any((opts[k].country, fk(opts[k].admin1)) == region for k in order):
        return None
    return county


def nearest(places: tuple[Place, ...], named: list[Place]) -> Place | None:
    """Of places of one name, the one with more of the article's places within 2,500 km (the
    first on a tie)."""
    if len(places) < 2:
        return places[0] if places else None
    return max(places, key=lambda p: sum(km(p, q) < 2500 for q in named))


def km(p: Place, q: Place) -> float:
    return distance_km(p.latitude, p.longitude, q.latitude, q.longitude)


def one_sense(
    cands: list[Candidate],
    options: list[list[Place]],
    rows: list[list[float]],
    key: Callable[[str], str] = fold,
) -> list[list[float]]:
    """One sense per name and article: the mentions of a name share the reading with the best
    total score, so that "Paris, Missouri" in the first line also places a later "Paris"."""
    groups: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        if c.role == "place" and options[i]:
            groups.setdefault(key(c.name), []).append(i)
    out = list(rows)
    for members in groups.values():
        if len(members) < 2:
            continue
        total: dict[str, float] = {}
        for i in members:
            top = max(rows[i])
            for p, s in zip(options[i], rows[i], strict=True):
                total[p.id] = total.get(p.id, 0.0) + s - top  # each mention's regret for it
        shared = set.intersection(*({p.id for p in options[i]} for i in members))
        if not shared:
            continue
        best_id = max(shared, key=lambda pid: (total[pid], pid))
        for i in members:
            ks = [k for k, p in enumerate(options[i]) if p.id == best_id]
            if ks:
                row = list(rows[i])
                row[ks[0]] = max(row) + 0.5
                out[i] = row
    return out
