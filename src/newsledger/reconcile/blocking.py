"""Blocking: the keys under which merge candidates meet, so the work grows near-linearly.

Dated items go to day buckets split by map cell (fine places) or by country (coarse places),
unplaced items to plain day buckets, undated items to their place; every item also to its article.
Lookups add neighbouring days (soft date disagreements) and neighbouring map cells.

Map cells are sized by what merging accepts: two fine places (towns, districts) are compatible
only within :data:`FINE_KM` of each other (see :func:`.geo.relation`; one name resolved to two far
places meets through the ``day-name`` key), so cells at least :data:`CELL_KM` wide in every
direction (rows of equal latitude height, columns widened towards the poles) put every compatible
pair in the same or neighbouring cells while few incompatible ones meet. (The map is not wrapped at
±180° longitude.)
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable

from .geo import NEAR_KM, RADIUS_KM, core_name, place_key
from .merge import COARSE_FEATURES, DEFAULT_POLICY, VIOLENT_TYPES, Item, MergePolicy

# the farthest apart two fine places can be and still be one happening's place (km)
FINE_KM = max([NEAR_KM, *(r for f, r in RADIUS_KM.items() if f not in COARSE_FEATURES)])
CELL_KM = FINE_KM + 5.0  # the smallest width of a map cell (km), with a margin
_ROW_DEG = CELL_KM / 111.2  # cell height in degrees of latitude


def _family(item: Item) -> str:
    t = item.mention.event_type
    return "violent" if t in VIOLENT_TYPES else t


def _days(item: Item, pad: int = 0) -> list[dt.date]:
    """The days an item's date covers (a deadline: its last day), widened by ``pad`` days."""
    iv = item.interval
    if not iv:
        return []
    if iv[0] == dt.date.min or (iv[1] - iv[0]).days > 62:
        lo, hi = iv[1], iv[1]
    else:
        lo, hi = iv
    lo, hi = lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad)
    return [lo + dt.timedelta(days=d) for d in range((hi - lo).days + 1)]


def _looking_cells(cell: tuple[int, int]) -> list[tuple[int, int]]:
    """The cells whose points have ``cell`` among their neighbouring cells (a superset)."""
    row, col = cell
    width = _col_deg(row)
    lo, hi = (-180.0, 180.0) if width >= 360.0 else ((col - 1) * width, (col + 2) * width)
    out: list[tuple[int, int]] = []
    for r in (row - 1, row, row + 1):
        w = _col_deg(r)
        cols = [0] if w >= 360.0 else range(math.floor(lo / w), math.floor(hi / w) + 1)
        out.extend((r, c) for c in cols)
    return out


def _col_deg(row: int) -> float:
    """Cell width of a row in degrees of longitude: at least CELL_KM at its poleward edge."""
    edge = min(90.0, max(abs(row * _ROW_DEG), abs((row + 1) * _ROW_DEG)))
    cos = math.cos(math.radians(edge))
    return 360.0 if cos * 111.32 * 360.0 <= CELL_KM * 3 else CELL_KM / (111.32 * cos)


def _cells(item: Item, near: int = 0) -> list[tuple[int, int]] | None:
    """The map cell of a fine place (``near=1``: with every cell a point within CELL_KM of it may
    lie in); None for coarse or unplaced items."""
    p = item.mention.place
    if p is None or p.latitude is None or p.longitude is None or p.feature in COARSE_FEATURES:
        return None
    row = math.floor(p.latitude / _ROW_DEG)
    out: list[tuple[int, int]] = []
    for r in range(row - near, row + near + 1):
        width = _col_deg(r)
        col = 0 if width >= 360.0 else math.floor(p.longitude / width)
        out.extend((r, c) for c in ([0] if width >= 360.0 else range(col - near, col + near + 1)))
    return out


def blocking_keys(item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
    """Keys an item is indexed under. Dated items go to day buckets split by map cell (fine
    places) or by country (coarse places), so a busy day does not make one huge block."""
    fam, place, cells = _family(item), item.mention.place, _cells(item)
    cell = cells[0] if cells else None
    keys: list[Hashable] = [("article", item.article.id, fam)]
    if item.group:
        keys.append(("group", item.group, fam))
    days = _days(item)
    country = place.country if place is not None else None
    name = core_name(place.name) if place is not None and cell is not None else None
    for d in days:
        keys.append(("day-any", fam, d))
        if place is None:
            keys.append(("day-unplaced", fam, d))
        elif cell is not None:
            keys.append(("day-cell", fam, d, cell))
            keys.append(("day-country-fine", fam, d, country))
            keys.append(("day-name", fam, d, name))
        else:
            keys.append(("day-country-coarse", fam, d, country))
    if place is not None:
        keys.append(("place", fam, place_key(place)))
        if not days or item.is_bound:
            keys.append(("place-undated", fam, place_key(place)))
    return tuple(keys)


def _lookups(item: Item, pad: int, near: int) -> tuple[Hashable, ...]:
    """Lookup keys with the dates widened by ``pad`` days and map cells by ``near`` cells."""
    fam, place, cells = _family(item), item.mention.place, _cells(item, near)
    keys: list[Hashable] = [("article", item.article.id, fam)]
    if item.group:
        keys.append(("group", item.group, fam))
    days = _days(item, pad=pad)
    country = place.country if place is not None else None
    name = core_name(place.name) if place is not None and cells is not None else None
    for d in days:
        keys.append(("day-unplaced", fam, d))
        if place is None:
            keys.append(("day-any", fam, d))
        elif cells is not None:
            keys.extend([("day-cell", fam, d, c) for c in cells])
            keys.append(("day-country-coarse", fam, d, country))
            # a place of the same name elsewhere: two reports may have resolved one name differently
            keys.append(("day-name", fam, d, name))
        else:
            keys.append(("day-country-fine", fam, d, country))
            keys.append(("day-country-coarse", fam, d, country))
    if place is not None:
        keys.append(("place-undated", fam, place_key(place)))
        if not days or item.is_bound:
            keys.append(("place", fam, place_key(place)))
    return tuple(keys)


def lookup_keys(item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
    """Keys to look up: the buckets an item could share a happening with (neighbouring days for
    soft date disagreements, neighbouring map cells for nearby towns)."""
    return _lookups(item, pad=0 if item.is_bound else policy.soft_date_days, near=1)


def probe_keys(item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
    """The item's lookup keys without padding (its own days, its own map cell): stored so that a
    new item can find the stored items that would look it up (see :func:`reverse_keys`)."""
    return _lookups(item, pad=0, near=0)


def reverse_keys(
    item: Item, policy: MergePolicy = DEFAULT_POLICY, keys: tuple[Hashable, ...] | None = None
) -> tuple[Hashable, ...]:
    """Probe keys of every item whose lookup could hit one of this item's blocking keys: the
    blocking keys widened by the lookup padding (days ±``soft_date_days``, the map cells whose
    neighbourhood holds this item's cell). A superset: it may name items that do not look this
    one up, never misses one that does. ``keys``: the item's blocking keys, if already computed."""
    out: list[Hashable] = []
    pad = policy.soft_date_days
    shifts = [dt.timedelta(days=dd) for dd in range(-pad, pad + 1)]
    around: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for k in blocking_keys(item, policy) if keys is None else keys:
        assert isinstance(k, tuple)
        if not str(k[0]).startswith("day-"):
            out.append(k)
            continue
        for shift in shifts:
            day = k[2] + shift
            if k[0] == "day-cell":
                cells = around.get(k[3]) or around.setdefault(k[3], _looking_cells(k[3]))
                out.extend([(k[0], k[1], day, c) for c in cells])
            else:
                out.append((k[0], k[1], day, *k[3:]))
    return tuple(dict.fromkeys(out))
