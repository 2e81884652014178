"""Following commitments across reports: deadline history, deadline in force, fulfilment, status.

* **Grouping** — mentions of one commitment share an action family (see :mod:`.actions`) and a
  place (the same place under any spelling); without a place, the same action, obligor and
  beneficiary.
* **History** — mentions in report order (publication date, then position in the text). The
  first stated deadline is the original; an amendment ("postponed", "advanced") replaces the
  deadline in force, "cancelled" ends the commitment; a later report restating the original
  deadline does not undo an amendment.
* **Fulfilment** — the earliest event that happened (status occurred), at the same place (or
  one containing / inside it), of a type that carries out the action (territory returned ↔
  "Non-violent transfer of territory", or the trigger is one of the action's verbs), dated no
  earlier than 30 days before the commitment was first reported.
* **Status** — fulfilled (on or before the deadline in force; "before 20 November" in news usage
  includes the day itself), fulfilled_late, cancelled, overdue (no fulfilling event and the
  deadline is before ``as_of``, the newest article's date) or pending.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..model import Article, CommitmentMention, DeadlineChange, Event, PlaceMention, Source, TrackedCommitment
from .actions import family, fulfils
from .dates import interval
from .geo import SIZE, contains, core_name, location_of, same_place
from .merge import Item
from .text import fold, same_actor

GRACE_DAYS = 30  # a fulfilling event may precede the first report of the commitment by this much


@dataclass(frozen=True)
class CItem:
    article: Article
    mention: CommitmentMention
    index: int

    @cached_property
    def sort_key(self) -> tuple[str, str, int, int, int]:
        pub = self.article.published.isoformat() if self.article.published else "9999-12-31"
        return (pub, self.article.id, self.mention.span.start, self.mention.span.end, self.index)

    @cached_property
    def family(self) -> str:
        return family(self.mention.action)

    def source(self) -> Source:
        m = self.mention
        return Source(self.article.id, m.span.start, m.span.end, m.claim.source if m.claim else None)


def _same_commitment(a: CItem, b: CItem) -> bool:
    if a.family != b.family:
        return False
    pa, pb = a.mention.place, b.mention.place
    if pa is not None and pb is not None:
        return same_place(pa, pb) or (
            bool(core_name(pa.text))
            and core_name(pa.text) == core_name(pb.text)
            and (contains(pa, pb) or contains(pb, pa))
        )
    if pa is not None or pb is not None:
        return False
    ma, mb = a.mention, b.mention
    return (
        fold(ma.action) == fold(mb.action)
        and (not ma.obligor or not mb.obligor or same_actor(ma.obligor, mb.obligor))
        and (not ma.beneficiary or not mb.beneficiary or same_actor(ma.beneficiary, mb.beneficiary))
    )


def group_commitments(items: Sequence[CItem]) -> list[list[CItem]]:
    groups: list[list[CItem]] = []
    for it in sorted(items, key=lambda x: x.sort_key):
        for g in groups:
            if any(_same_commitment(o, it) for o in g):
                g.append(it)
                break
        else:
            groups.append([it])
    return groups


def _vote(values: Sequence[str | None]) -> str | None:
    """The value most mentions give (spelling-insensitive); ties go to the first given."""
    best: tuple[int, int, str] | None = None
    seen = [v for v in values if v]
    for pos, v in enumerate(seen):
        n = sum(1 for w in seen if same_actor(v, w) or fold(v) == fold(w))
        if best is None or (-n, pos) < (-best[0], best[1]):
            best = (n, pos, v)
    return best[2] if best else None


def _day(value: str | None) -> dt.date | None:
    iv = interval(value)
    return iv[0] if iv else None


def _place_match(c: PlaceMention, e: PlaceMention | None) -> int | None:
    """0: the same place; 1: one inside the other; None: unrelated."""
    if e is None:
        return None
    if same_place(c, e):
        return 0
    return 1 if contains(c, e) or contains(e, c) else None


def find_fulfilment(
    fam: str,
    place: PlaceMention | None,
    made_on: dt.date | None,
    as_of: dt.date | None,
    events: Sequence[tuple[Event, Sequence[Item]]],
) -> tuple[Event, dt.date] | None:
    if place is None:
        return None
    found: list[tuple[int, dt.date, str, Event]] = []
    for ev, members in events:
        if ev.status != "occurred":
            continue
        day = _day(ev.date)
        if day is None:
            continue
        if made_on and day < made_on - dt.timedelta(days=GRACE_DAYS):
            continue
        if as_of and day > as_of:
            continue
        quality = [q for m in members if (q := _place_match(place, m.mention.place)) is not None]
        if not quality:
            continue
        if not any(fulfils(fam, m.mention.sub_event_type, m.mention.trigger) for m in members):
            continue
        found.append((min(quality), day, ev.id, ev))
    if not found:
        return None
    _, day, _, ev = min(found, key=lambda x: (x[0], x[1], x[2]))
    return ev, day


def track(
    group: Sequence[CItem], events: Sequence[tuple[Event, Sequence[Item]]], as_of: dt.date | None
) -> TrackedCommitment:
    members = sorted(group, key=lambda x: x.sort_key)
    history: list[DeadlineChange] = []
    seen: set[tuple[str | None, str | None]] = set()
    in_force: str | None = None
    cancelled_on: dt.date | None = None
    for it in members:
        m = it.mention
        key = (m.deadline, m.amendment)
        if key not in seen and (m.deadline or m.amendment):
            seen.add(key)
            history.append(DeadlineChange(m.deadline, it.article.id, m.span.start, m.span.end, m.amendment))
        if m.amendment in ("postponed", "advanced") and m.deadline:
            in_force, cancelled_on = m.deadline, None
        elif m.amendment == "cancelled":
            cancelled_on = it.article.published or dt.date.max
        elif m.amendment is None and in_force is None and m.deadline:
            in_force = m.deadline
    originals = [it for it in members if it.mention.amendment is None] or members
    places = [it.mention.place for it in members if it.mention.place is not None]
    place = min(places, key=lambda p: (SIZE.get(p.feature, 0), p.gazetteer_id or "")) if places else None
    fam = members[0].family
    made_on = min((it.article.published for it in members if it.article.published), default=None)
    hit = find_fulfilment(fam, place, made_on, as_of, events)
    # "by the end of 2023", "no later than March": a deadline is the last day its value covers
    iv = interval(in_force)
    deadline_day = iv[1] if iv else None
    fulfilled_by: str | None = None
    fulfilled_on: str | None = None
    if hit and not (cancelled_on and hit[1] > cancelled_on):
        ev, day = hit
        status = "fulfilled" if deadline_day is None or day <= deadline_day else "fulfilled_late"
        fulfilled_by, fulfilled_on = ev.id, day.isoformat()
    else:
        if cancelled_on:
            status = "cancelled"
        elif deadline_day and as_of and deadline_day < as_of:
            status = "overdue"
        else:
            status = "pending"
    first = members[0]
    cid = (
        "cm-"
        + hashlib.sha1(
            f"{first.article.id}:{first.mention.span.start}:{first.mention.span.end}:{fam}:"
            f"{place.gazetteer_id or place.name if place else ''}:{first.mention.deadline}".encode()
        ).hexdigest()[:12]
    )
    return TrackedCommitment(
        id=cid,
        obligor=_vote([it.mention.obligor for it in originals] + [it.mention.obligor for it in members]),
        beneficiary=_vote(
            [it.mention.beneficiary for it in originals] + [it.mention.beneficiary for it in members]
        ),
        action=originals[0].mention.action,
        location=location_of(place),
        deadline=in_force,
        deadline_history=tuple(history),
        status=status,
        fulfilled_by=fulfilled_by,
        fulfilled_on=fulfilled_on,
        sources=tuple(sorted({it.source() for it in members}, key=lambda s: (s.article, s.start, s.end))),
    )


def track_commitments(
    items: Sequence[CItem], events: Sequence[tuple[Event, Sequence[Item]]], as_of: dt.date | None
) -> tuple[TrackedCommitment, ...]:
    tracked = [track(g, events, as_of) for g in group_commitments(items)]
    return tuple(sorted(tracked, key=lambda c: (c.deadline or "9999", c.id)))
