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
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from ..model import PlaceMention
from .geo import NEAR_KM, RADIUS_KM, core_name, km, place_key
from .merge import COARSE_FEATURES, DEFAULT_POLICY, VIOLENT_TYPES, Item, MergePolicy

# the farthest apart two fine places can be and still be one happening's place (km)
FINE_KM = max([NEAR_KM, *(r for f, r in RADIUS_KM.items() if f not in COARSE_FEATURES)])
CELL_KM = FINE_KM + 5.0  # the smallest width of a map cell (km), with a margin
BLOCK_COLS = 8  # map cells of a row per block of the coarse keys (:func:`coarse_keys`)
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


def _col_deg(row: int) -> float:
    """Cell width of a row in degrees of longitude: at least CELL_KM at its poleward edge (a row
    too short for three cells is one cell, 360°)."""
    edge = min(90.0, max(abs(row * _ROW_DEG), abs((row + 1) * _ROW_DEG)))
    cos = math.cos(math.radians(edge))
    return 360.0 if cos * 111.32 * 360.0 <= CELL_KM * 3 else CELL_KM / (111.32 * cos)


def _extent(row: int, col: int) -> tuple[float, float, float]:
    """The cell's west and east edge and its width (degrees of longitude)."""
    w = _col_deg(row)
    return (-180.0, 180.0, w) if w >= 360.0 else (col * w, (col + 1) * w, w)


def _near_cells(row: int, col: int) -> list[tuple[int, int]]:
    """The cell and those around it: rows ±1 and, in each, the cells whose extent lies less than
    the wider of the two widths away. A symmetric relation (``a`` is near ``b`` exactly when ``b``
    is near ``a``: the test is always made with the smaller cell first, so rounding cannot tell
    the two apart) that holds for any two points within CELL_KM of each other."""
    west, east, w = _extent(row, col)
    out: list[tuple[int, int]] = []
    for r in (row - 1, row, row + 1):
        w2 = _col_deg(r)
        if w2 >= 360.0:
            out.append((r, 0))
            continue
        if r == row:
            out.extend([(r, c) for c in (col - 1, col, col + 1)])
            continue
        gap = w if w > w2 else w2
        lo = math.floor((west - gap) / w2) - 1
        hi = math.floor((east + gap) / w2) + 1
        for c in range(lo, hi + 1):
            w_c, e_c = c * w2, (c + 1) * w2
            # the same test written from whichever cell comes first, so lookups stay symmetric
            near = w_c < east + gap and e_c > west - gap if r > row else west < e_c + gap and east > w_c - gap
            if near:
                out.append((r, c))
    return out


def _cell(p: PlaceMention | None) -> tuple[int, int] | None:
    """The map cell of a fine place; None for coarse or unplaced items."""
    if p is None or p.latitude is None or p.longitude is None or p.feature in COARSE_FEATURES:
        return None
    row = math.floor(p.latitude / _ROW_DEG)
    w = _col_deg(row)
    return (row, 0 if w >= 360.0 else math.floor(p.longitude / w))


def blocking_keys(item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
    """Keys an item is indexed under. Dated items go to day buckets split by map cell (fine
    places) or by country (coarse places), so a busy day does not make one huge block."""
    return _keys(item, policy, index=True, lookup=False)[0]


def lookup_keys(item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
    """Keys to look up: the buckets an item could share a happening with (days ±``soft_date_days``
    for soft date disagreements, neighbouring map cells for nearby towns).

    Symmetric: ``a`` looks up a key ``b`` is indexed under exactly when ``b`` looks up one of
    ``a``'s (every asymmetric pair of kinds is mirrored: unplaced ↔ any, fine ↔ coarse country,
    dated ↔ undated place; a deadline pads its day like any date — a pair a few days apart is
    incompatible anyway). Incremental reconcile relies on it: a stored mention is found by the
    new mentions' lookups alone."""
    return _keys(item, policy, index=False, lookup=True)[1]


def item_keys(
    item: Item, policy: MergePolicy = DEFAULT_POLICY
) -> tuple[tuple[Hashable, ...], tuple[Hashable, ...]]:
    """(:func:`blocking_keys`, :func:`lookup_keys`) of an item, sharing the work."""
    return _keys(item, policy, index=True, lookup=True)


def _keys(
    item: Item, policy: MergePolicy, index: bool, lookup: bool
) -> tuple[tuple[Hashable, ...], tuple[Hashable, ...]]:
    fam, place = _family(item), item.mention.place
    cell = _cell(place)
    days = _days(item)
    country = place.country if place is not None else None
    name = core_name(place.name) if place is not None and cell is not None else None
    pkey = place_key(place) if place is not None else None
    undated = not days or item.is_bound
    keys: list[Hashable] = [("article", item.article.id, fam)]
    if item.group:
        keys.append(("group", item.group, fam))
    looks = list(keys)
    if index:
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
            keys.append(("place", fam, pkey))
            if undated:
                keys.append(("place-undated", fam, pkey))
    if lookup:
        near = _near_cells(*cell) if cell is not None else None
        pad = policy.soft_date_days
        if days:
            first = days[0] - dt.timedelta(days=pad)
            days = [first + dt.timedelta(days=i) for i in range(len(days) + 2 * pad)]
        for d in days:
            looks.append(("day-unplaced", fam, d))
            if place is None:
                looks.append(("day-any", fam, d))
            elif near is not None:
                looks.extend([("day-cell", fam, d, c) for c in near])
                looks.append(("day-country-coarse", fam, d, country))
                # a place of the same name elsewhere: two reports may have resolved one name differently
                looks.append(("day-name", fam, d, name))
            else:
                looks.append(("day-country-fine", fam, d, country))
                looks.append(("day-country-coarse", fam, d, country))
        if place is not None:
            looks.append(("place-undated", fam, pkey))
            if undated:
                looks.append(("place", fam, pkey))
    return tuple(keys), tuple(looks)


# --- the key relation as a predicate (incremental reconcile) -------------------------------------
# Re-clustering a few thousand stored mentions needs to know which of them share a key, but not
# the ~100 lookup keys each (seven days × neighbouring map cells): clustering can find candidates
# through coarse keys (family and day, family and place, article, group: a superset of the key
# relation) and keep those that :func:`shares_key` (exactly the relation of :func:`blocking_keys`
# and :func:`lookup_keys`, tested against them) accepts.


@dataclass(frozen=True)
class Block:
    """What decides an item's blocking keys."""

    article: str
    group: str
    family: str
    first: dt.date | None  # the days the item is indexed under (None: no day keys)
    last: dt.date | None
    cell: tuple[int, int] | None  # fine places
    placed: bool
    country: str | None
    name: str | None
    pkey: str | None
    undated: bool
    point: Point | None = None  # fine places: (latitude, longitude, gazetteer id)


Point = tuple[float, float, str | None]


def block(item: Item) -> Block:
    place = item.mention.place
    cell = _cell(place)
    days = _days(item)
    return Block(
        item.article.id,
        item.group,
        _family(item),
        days[0] if days else None,
        days[-1] if days else None,
        cell,
        place is not None,
        place.country if place is not None else None,
        core_name(place.name) if place is not None and cell is not None else None,
        place_key(place) if place is not None else None,
        not days or item.is_bound,
        point(item),
    )


def point(item: Item) -> Point | None:
    """Where a fine place is (None for coarse or unplaced items)."""
    p = item.mention.place
    if p is None or _cell(p) is None or p.latitude is None or p.longitude is None:
        return None
    return (p.latitude, p.longitude, p.gazetteer_id)


def far_apart(a: Point | None, name_a: str | None, b: Point | None, name_b: str | None) -> bool:
    """Two fine places that cannot be one happening's place: farther apart than :data:`FINE_KM`,
    with other gazetteer ids and other names (merging takes such a pair as incompatible: see
    :func:`.geo.relation` and ``merge.same_name_elsewhere``; a test checks it)."""
    if a is None or b is None or name_a == name_b or (a[2] is not None and a[2] == b[2]):
        return False
    return km(a[0], a[1], b[0], b[1]) > FINE_KM


def coarse_keys(
    item: Item, policy: MergePolicy = DEFAULT_POLICY
) -> tuple[tuple[Hashable, ...], tuple[Hashable, ...]]:
    """(keys an item is indexed under, keys it looks up) of a relation that holds for every pair
    the blocking keys relate (and more): the blocking keys with weeks for days and blocks of map
    cells for cells (a cell's neighbours lie in the blocks next to it), so an item has a few keys,
    not ~100."""
    return block_keys(block(item), policy)


def block_keys(
    b: Block,
    policy: MergePolicy = DEFAULT_POLICY,
    near: Callable[[tuple[int, int]], frozenset[tuple[int, int]]] | None = None,
) -> tuple[tuple[Hashable, ...], tuple[Hashable, ...]]:
    """:func:`coarse_keys` of an item's :class:`Block`. ``near``: :func:`near_cells` (or a memo of
    it). A fine place's map cell counts by its row and its block of :data:`BLOCK_COLS` columns:
    the item looks up the blocks of the cells near its own."""
    fam = b.family
    keys: list[Hashable] = [("article", b.article, fam)]
    if b.group:
        keys.append(("group", b.group, fam))
    looks = list(keys)
    if b.placed:
        keys.append(("place", fam, b.pkey))
        looks.append(("place-undated", fam, b.pkey))
        if b.undated:
            keys.append(("place-undated", fam, b.pkey))
            looks.append(("place", fam, b.pkey))
    if b.first is None or b.last is None:
        return tuple(keys), tuple(looks)
    pad = policy.soft_date_days
    own = (b.cell[0], b.cell[1] // BLOCK_COLS) if b.cell is not None else (0, 0)
    around = (
        sorted({(r, c // BLOCK_COLS) for r, c in (near or near_cells)(b.cell)}) if b.cell is not None else []
    )
    for w in range(b.first.toordinal() // 7, b.last.toordinal() // 7 + 1):
        keys.append(("week-any", fam, w))
        if not b.placed:
            keys.append(("week-unplaced", fam, w))
        elif b.cell is not None:
            keys.extend([("week-block", fam, w, own), ("week-country-fine", fam, w, b.country)])
            keys.append(("week-name", fam, w, b.name))
        else:
            keys.append(("week-country-coarse", fam, w, b.country))
    lo, hi = b.first.toordinal() - pad, b.last.toordinal() + pad
    for w in range(lo // 7, hi // 7 + 1):
        looks.append(("week-unplaced", fam, w))
        if not b.placed:
            looks.append(("week-any", fam, w))
        elif b.cell is not None:
            looks.extend([("week-block", fam, w, rc) for rc in around])
            looks.extend([("week-country-coarse", fam, w, b.country), ("week-name", fam, w, b.name)])
        else:
            looks.append(("week-country-fine", fam, w, b.country))
            looks.append(("week-country-coarse", fam, w, b.country))
    return tuple(keys), tuple(looks)


def near_cells(cell: tuple[int, int]) -> frozenset[tuple[int, int]]:
    """The cells a fine item in ``cell`` looks up (itself and its neighbours)."""
    return frozenset(_near_cells(*cell))


def shares_key(
    a: Block,
    b: Block,
    policy: MergePolicy = DEFAULT_POLICY,
    near: Callable[[tuple[int, int]], frozenset[tuple[int, int]]] = near_cells,
) -> bool:
    """Does ``a`` look up a key ``b`` is indexed under (:func:`lookup_keys`, :func:`blocking_keys`),
    and are their places not :func:`far_apart`? (The relation reconcile links and clusters by:
    the keys find candidates, pairs of far-apart fine places are never compared.)
    ``near``: :func:`near_cells` (or a memo of it)."""
    # the key relation first (cheap), the distance of the places only for a pair it holds for
    return (
        a.family == b.family
        and _keys_meet(a, b, policy, near)
        and not far_apart(a.point, a.name, b.point, b.name)
    )


def _keys_meet(
    a: Block, b: Block, policy: MergePolicy, near: Callable[[tuple[int, int]], frozenset[tuple[int, int]]]
) -> bool:
    """The key relation of :func:`shares_key` for two blocks of one family (places not checked)."""
    if a.article == b.article or (a.group and a.group == b.group):
        return True
    if a.placed and b.placed and a.pkey == b.pkey and (a.undated or b.undated):
        return True  # "place" looked up by an undated item, "place-undated" by any placed one
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return False
    pad = policy.soft_date_days
    if (b.first - a.last).days > pad or (a.first - b.last).days > pad:
        return False
    if not b.placed or not a.placed:
        return True  # "day-unplaced" looked up by all, "day-any" by unplaced items
    if a.cell is not None:
        if b.cell is not None:
            return b.cell in near(a.cell) or a.name == b.name
        return a.country == b.country  # "day-country-coarse"
    return a.country == b.country  # "day-country-fine" / "day-country-coarse"
