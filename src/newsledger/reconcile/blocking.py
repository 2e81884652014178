"""Blocking: the keys under which merge candidates meet, so the work grows near-linearly.

Dated items go to day buckets split by 1° map cell (fine places) or by country (coarse places),
unplaced items to plain day buckets, undated items to their place; every item also to its article.
Lookups add neighbouring days (soft date disagreements) and neighbouring map cells.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable

from .geo import core_name, place_key
from .merge import COARSE_FEATURES, DEFAULT_POLICY, VIOLENT_TYPES, Item, MergePolicy


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


def _cell(item: Item) -> tuple[int, int] | None:
    p = item.mention.place
    if p is None or p.latitude is None or p.longitude is None or p.feature in COARSE_FEATURES:
        return None
    return (math.floor(p.latitude), math.floor(p.longitude))


def blocking_keys(item: Item, policy: MergePolicy = DEFAULT_POLICY) -> tuple[Hashable, ...]:
    """Keys an item is indexed under. Dated items go to day buckets split by 1° map cell (fine
    places) or by country (coarse places), so a busy day does not make one huge block."""
    fam, place, cell = _family(item), item.mention.place, _cell(item)
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
    fam, place, cell = _family(item), item.mention.place, _cell(item)
    keys: list[Hashable] = [("article", item.article.id, fam)]
    if item.group:
        keys.append(("group", item.group, fam))
    days = _days(item, pad=pad)
    country = place.country if place is not None else None
    name = core_name(place.name) if place is not None and cell is not None else None
    steps = [(a, b) for a in range(-near, near + 1) for b in range(-near, near + 1)]
    for d in days:
        keys.append(("day-unplaced", fam, d))
        if place is None:
            keys.append(("day-any", fam, d))
        elif cell is not None:
            keys.extend(("day-cell", fam, d, (cell[0] + a, cell[1] + b)) for a, b in steps)
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
    blocking keys widened by the lookup padding (days ±``soft_date_days``, map cells ±1).
    A superset: it may name items that do not look this one up, never misses one that does.
    ``keys``: the item's blocking keys, if already computed."""
    out: list[Hashable] = []
    pad = policy.soft_date_days
    shifts = [dt.timedelta(days=dd) for dd in range(-pad, pad + 1)]
    near = [(a, b) for a in (-1, 0, 1) for b in (-1, 0, 1)]
    for k in blocking_keys(item, policy) if keys is None else keys:
        assert isinstance(k, tuple)
        if not str(k[0]).startswith("day-"):
            out.append(k)
            continue
        for shift in shifts:
            day = k[2] + shift
            if k[0] == "day-cell":
                c = k[3]
                out.extend((k[0], k[1], day, (c[0] + a, c[1] + b)) for a, b in near)
            else:
                out.append((k[0], k[1], day, *k[3:]))
    return tuple(dict.fromkeys(out))
