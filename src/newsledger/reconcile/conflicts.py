"""From a cluster of mentions to one ledger event, keeping every disagreement with its sources.

Per field the event takes the value most articles give (ties: the earliest report, then the
smallest value) and, when articles disagree, a :class:`Conflict` lists every value with the
articles and source spans behind it. Not disagreements: spelling variants of one place or actor,
a coarser value that contains a finer one ("November 2020" vs "20 November 2020", a district vs
a village in it), and a plan next to the report that it happened (status "planned" is superseded
by "occurred").

Casualties follow UCDP and ACLED: each article's count is its highest for the event (a toll that
rose within a report), ``fatalities_low``/``fatalities_high`` span what articles report, and
``fatalities`` is ACLED's conservative choice, the lowest reported figure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from ..model import Conflict, ConflictValue, Event, PlaceMention, Source
from .clustering import Cluster
from .geo import SIZE, contains, location_of, same_place
from .merge import Item
from .text import SameActor

STATUS_RANK = {"occurred": 0, "denied": 1, "claimed_false": 2, "threatened": 3, "planned": 4}


def source_of(item: Item) -> Source:
    m = item.mention
    return Source(item.article.id, m.span.start, m.span.end, m.claim.source if m.claim else None)


def source_order(s: Source) -> tuple[str, int, int, str]:
    return (s.article, s.start, s.end, s.attributed_to or "")


def sorted_sources(sources: set[Source]) -> tuple[Source, ...]:
    return tuple(sorted(sources, key=source_order))


def event_id(members: Sequence[Item]) -> str:
    """Stable id: a hash of the earliest source (publication date, article id, offsets)."""
    first = min(members, key=lambda x: x.sort_key)
    m = first.mention
    key = f"{first.article.id}:{m.span.start}:{m.span.end}:{m.trigger_span.start}:{m.event_type}:{m.sub_event_type}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _groups(
    items: Sequence[tuple[Any, Item]], same: Callable[[Any, Any], bool]
) -> list[tuple[Any, list[Item]]]:
    """Group (value, item) pairs by a sameness test, in a deterministic order."""
    groups: list[tuple[Any, list[Item]]] = []
    if len({item.sort_key for _, item in items}) == len(items):  # no tie: the value's text cannot decide
        ordered = sorted(items, key=lambda vi: vi[1].sort_key)
    else:
        ordered = sorted(items, key=lambda vi: (vi[1].sort_key, str(vi[0])))
    for value, item in ordered:
        for g in groups:
            if same(g[0], value):
                g[1].append(item)
                break
        else:
            groups.append((value, [item]))
    return groups


def _support(group: tuple[Any, list[Item]]) -> tuple[int, tuple[str, str, int, int, int], str]:
    value, items = group
    return (-len({i.article.id for i in items}), min(i.sort_key for i in items), str(value))


def _best(groups: list[tuple[Any, list[Item]]]) -> tuple[Any, list[Item]]:
    """The best-supported group (``min`` by :func:`_support`; one group needs no comparing)."""
    return groups[0] if len(groups) == 1 else min(groups, key=_support)


def _conflict(field: str, groups: list[tuple[Any, list[Item]]], show: Callable[[Any], Any]) -> Conflict:
    values = []
    for value, items in sorted(groups, key=_support):
        arts = tuple(sorted({i.article.id for i in items}))
        values.append(ConflictValue(show(value), arts, sorted_sources({source_of(i) for i in items})))
    return Conflict(field, tuple(values))


def _pick(
    field: str,
    pairs: list[tuple[Any, Item]],
    same: Callable[[Any, Any], bool],
    show: Callable[[Any], Any] = lambda v: v,
) -> tuple[Any, Conflict | None]:
    groups = _groups(pairs, same)
    if not groups:
        return None, None
    best = _best(groups)[0]
    return best, (_conflict(field, groups, show) if len(groups) > 1 else None)


def _dates(members: Sequence[Item]) -> tuple[str | None, str | None, Conflict | None]:
    # (``Item.interval`` is the date's interval for a mention whose date is no deadline)
    dated = [(i.mention.date, i) for i in members if i.mention.date and not i.is_bound and i.interval]
    if not dated:
        bound = [i for i in members if i.mention.date]
        if bound:
            first = min(bound, key=lambda i: i.sort_key)
            return first.mention.date, first.mention.date_precision, None
        return None, None, None
    # drop coarse values that contain a finer value given elsewhere
    ivs = {v: i.interval for v, i in dated}

    def coarse(v: str) -> bool:
        a = ivs[v]
        return any(
            w != v and a and b and a[0] <= b[0] and b[1] <= a[1] and (b[1] - b[0]) < (a[1] - a[0])
            for w, b in ivs.items()
        )

    fine = [(v, i) for v, i in dated if not coarse(v)]
    best, conflict = _pick("date", fine, lambda x, y: x == y)
    precision = next(i.mention.date_precision for v, i in fine if v == best)
    return best, precision, conflict


def _same_or_within(a: PlaceMention, b: PlaceMention) -> bool:
    return same_place(a, b) or contains(a, b) or contains(b, a)


def _place(members: Sequence[Item]) -> tuple[PlaceMention | None, Conflict | None]:
    pairs = [(i.mention.place, i) for i in members if i.mention.place is not None]
    if not pairs:
        return None, None
    groups = _groups(pairs, _same_or_within)
    # within a group, the most specific place named stands for it
    specific = []
    for _, items in groups:
        places = [i.mention.place for i in items if i.mention.place is not None]
        top = min(places, key=lambda p: (SIZE.get(p.feature, 0), p.gazetteer_id or "", p.name))
        specific.append((top, items))
    best = _best(specific)[0]
    conflict = _conflict("location", specific, lambda p: p.name) if len(specific) > 1 else None
    return best, conflict


def _counts(field: str, members: Sequence[Item]) -> tuple[list[int], Conflict | None]:
    per_article: dict[str, tuple[int, list[Item]]] = {}
    for i in members:
        v = getattr(i.mention, field)
        if v is None:
            continue
        cur = per_article.get(i.article.id)
        if cur is None or v > cur[0]:
            per_article[i.article.id] = (v, [i])
        elif v == cur[0]:
            cur[1].append(i)
    pairs = [(v, it) for v, items in per_article.values() for it in items]
    groups = _groups(pairs, lambda x, y: x == y)
    values = sorted(g[0] for g in groups)
    return values, (_conflict(field, groups, lambda v: v) if len(groups) > 1 else None)


def _status(members: Sequence[Item]) -> tuple[str, Conflict | None]:
    pairs = [(i.mention.status, i) for i in members]
    statuses = {s for s, _ in pairs}
    if "occurred" in statuses:
        # a plan and the report that it happened agree; a denial does not
        pairs = [(s, i) for s, i in pairs if s not in ("planned", "unknown", "hypothetical")]
    groups = _groups(pairs, lambda x, y: x == y)
    best = min(groups, key=lambda g: (STATUS_RANK.get(g[0], 9), _support(g)))[0]
    return best, (_conflict("status", groups, lambda v: v) if len(groups) > 1 else None)


def _disputed(conflict: Conflict, members: Sequence[Item], same_actor: Callable[[Any, Any], bool]) -> bool:
    """Actors differ in substance, not by perspective: two values, each absent from every actor
    role of the articles giving the other ("A handed X to B" vs "B took over X" is no dispute)."""

    def named_by(articles: tuple[str, ...]) -> list[str]:
        return [
            a
            for i in members
            if i.article.id in articles
            for a in (i.mention.actor1, i.mention.actor2, *i.mention.assoc_actors)
            if a
        ]

    vals = conflict.values
    for x in range(len(vals)):
        for y in range(x + 1, len(vals)):
            in_y = any(same_actor(vals[x].value, a) for a in named_by(vals[y].articles))
            in_x = any(same_actor(vals[y].value, a) for a in named_by(vals[x].articles))
            if not in_x and not in_y:
                return True
    return False


def build_event(c: Cluster, same_actor: SameActor | None = None) -> Event:
    """The event a cluster of mentions makes. ``same_actor``: a :class:`.text.SameActor` shared by
    the events of one reconciliation (it remembers the names it compared)."""
    same_actor = same_actor or SameActor()
    members = sorted(c.members, key=lambda x: x.sort_key)
    conflicts: list[Conflict] = []
    date, precision, cf = _dates(members)
    if cf:
        conflicts.append(cf)
    place, cf = _place(members)
    if cf:
        conflicts.append(cf)
    actor1, cf = _pick("actor1", [(i.mention.actor1, i) for i in members if i.mention.actor1], same_actor)
    if cf and _disputed(cf, members, same_actor):
        conflicts.append(cf)
    actor2, cf = _pick("actor2", [(i.mention.actor2, i) for i in members if i.mention.actor2], same_actor)
    if cf and _disputed(cf, members, same_actor):
        conflicts.append(cf)
    assoc: list[str] = []
    for i in members:
        for a in (i.mention.actor1, i.mention.actor2, *i.mention.assoc_actors):
            if a and not any(same_actor(a, x) for x in (actor1, actor2, *assoc) if x):
                assoc.append(a)
    fatal, cf = _counts("fatalities", members)
    if cf:
        conflicts.append(cf)
    injured, cf = _counts("injured", members)
    if cf:
        conflicts.append(cf)
    status, cf = _status(members)
    if cf:
        conflicts.append(cf)
    subs = [(i.mention.sub_event_type, i) for i in members if i.mention.sub_event_type]
    sub, _ = _pick("sub_event_type", subs, lambda x, y: x == y)
    types = [(i.mention.event_type, i) for i in members]
    etype, _ = _pick("event_type", types, lambda x, y: x == y)
    if sub and not any(i.mention.event_type == etype and i.mention.sub_event_type == sub for i in members):
        sub = next((i.mention.sub_event_type for i in members if i.mention.event_type == etype), None)
    return Event(
        id=event_id(members),
        event_type=etype,
        sub_event_type=sub,
        date=date,
        date_precision=precision,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=tuple(assoc),
        location=location_of(place),
        fatalities=fatal[0] if fatal else None,
        injured=injured[0] if injured else None,
        status=status,
        sources=sorted_sources({source_of(i) for i in members}),
        conflicts=tuple(conflicts),
        fatalities_low=fatal[0] if fatal else None,
        fatalities_high=fatal[-1] if fatal else None,
        merge_reasons=tuple(c.reasons),
    )
