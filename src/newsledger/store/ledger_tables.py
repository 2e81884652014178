"""The reconciled ledger: events (with sources and conflicts) and commitments."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from typing import Any

from ..errors import StoreError
from ..model import Event, TrackedCommitment
from ..serialize import Decoder, commitment_from_dict, commitment_to_dict, event_from_dict, event_to_dict
from .base import StoreBase, _dumps, date_bounds

_EVENT_COLS = (
    "seq, event_type, sub_event_type, date, date_start, date_end, status, actor1, actor2, actors, "
    "place, country, latitude, longitude, fatalities, n_sources, n_conflicts, data"
)
_SET_EVENT = ", ".join(f"{col.strip()} = ?" for col in _EVENT_COLS.split(","))


def _rewrite_sources(c: Any, event_id: str, sources: list[tuple[Any, ...]]) -> None:
    """Make a stored event's ``event_sources`` rows ``sources`` (in order), writing only the rows
    that differ."""
    q = 'SELECT article_id, start, "end", attributed_to FROM event_sources WHERE event_id = ? ORDER BY ord'
    old = [tuple(r) for r in c.execute(q, (event_id,))]
    c.executemany(
        'UPDATE event_sources SET article_id = ?, start = ?, "end" = ?, attributed_to = ? '
        "WHERE event_id = ? AND ord = ?",
        [(*new, event_id, i) for i, (was, new) in enumerate(zip(old, sources, strict=False)) if was != new],
    )
    c.executemany(
        'INSERT INTO event_sources(event_id, ord, article_id, start, "end", attributed_to) VALUES (?,?,?,?,?,?)',
        [(event_id, i, *sources[i]) for i in range(len(old), len(sources))],
    )
    if len(old) > len(sources):
        c.execute("DELETE FROM event_sources WHERE event_id = ? AND ord >= ?", (event_id, len(sources)))


class LedgerTables(StoreBase):
    def replace_ledger(self, events: Sequence[Event], commitments: Sequence[TrackedCommitment]) -> None:
        """Replace all events and commitments in one transaction, and mark the ledger current."""
        for what, ids in (("event", [e.id for e in events]), ("commitment", [k.id for k in commitments])):
            if len(set(ids)) != len(ids):
                dup = next(i for i in ids if ids.count(i) > 1)
                raise StoreError(
                    f"reconciliation gave two {what}s the same id {dup!r}; nothing was replaced",
                    "report this bug; the stored articles are intact",
                )
        original = self.originals()
        with self.transaction() as c:
            c.execute("DELETE FROM conflicts")
            c.execute("DELETE FROM event_sources")
            c.execute("DELETE FROM events")
            c.execute("DELETE FROM commitments")
            self.write_events(c, events, original)
            self.write_commitments(c, commitments)
            self._set_meta("dirty", "0")
            self._set_meta("reconciled_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    def originals(self, ids: Sequence[str] | None = None) -> dict[str, str]:
        """Duplicate article id → the original it copies (for counting independent sources);
        ``ids``: only for these articles."""
        q = "SELECT id, coalesce(duplicate_of, id) FROM articles WHERE duplicate_of IS NOT NULL"
        if ids is None:
            return dict(self.conn.execute(q))
        out: dict[str, str] = {}
        ids = sorted(set(ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            out.update(self.conn.execute(f"{q} AND id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def write_events(
        self,
        c: Any,
        events: Sequence[Event],
        original: dict[str, str],
        texts: Sequence[str] | None = None,
        stored: Collection[str] = (),
    ) -> None:
        """Insert events (with sources and conflicts) inside the caller's transaction ``c``.
        ``texts``: the events' stored JSON (:meth:`event_text`), if already made. ``stored``: ids
        of stored events that these replace: their rows are updated in place (only the source rows
        that differ are written), which leaves the same tables as deleting and inserting them."""
        for seq, e in enumerate(events):
            start, end = date_bounds(e.date)
            actors = " | ".join(x for x in (e.actor1, e.actor2, *e.assoc_actors) if x)
            loc = e.location
            row = (
                seq, e.event_type, e.sub_event_type, e.date, start, end, e.status,
                e.actor1, e.actor2, actors,
                loc.name if loc else None, loc.country if loc else None,
                loc.latitude if loc else None, loc.longitude if loc else None,
                e.fatalities, len({original.get(s.article, s.article) for s in e.sources}), len(e.conflicts),
                texts[seq] if texts is not None else self.event_text(e),
            )  # fmt: skip
            sources = [(s.article, s.start, s.end, s.attributed_to) for s in e.sources]
            if e.id in stored:
                c.execute(f"UPDATE events SET {_SET_EVENT} WHERE id = ?", (*row, e.id))
                c.execute("DELETE FROM conflicts WHERE event_id = ?", (e.id,))
                _rewrite_sources(c, e.id, sources)
            else:
                c.execute(f"INSERT INTO events(id, {_EVENT_COLS}) VALUES (?{',?' * len(row)})", (e.id, *row))
                c.executemany(
                    'INSERT INTO event_sources(event_id, ord, article_id, start, "end", attributed_to) '
                    "VALUES (?,?,?,?,?,?)",
                    [(e.id, i, *src) for i, src in enumerate(sources)],
                )
            c.executemany(
                "INSERT OR REPLACE INTO conflicts(event_id, field, data) VALUES (?,?,?)",
                [(e.id, k.field, _dumps([v.value for v in k.values])) for k in e.conflicts],
            )

    @staticmethod
    def event_text(e: Event) -> str:
        """An event as stored in ``events.data``."""
        return _dumps(event_to_dict(e))

    def delete_events(self, c: Any, ids: Sequence[str]) -> None:
        """Delete events (with sources and conflicts) inside the caller's transaction ``c``."""
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            for table, col in (("conflicts", "event_id"), ("event_sources", "event_id"), ("events", "id")):
                c.execute(f"DELETE FROM {table} WHERE {col} IN ({marks})", chunk)

    def write_commitments(self, c: Any, commitments: Sequence[TrackedCommitment]) -> None:
        for seq, k in enumerate(commitments):
            c.execute(
                "INSERT INTO commitments(id, seq, status, deadline, obligor, beneficiary, action, place, "
                "fulfilled_by, data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    k.id, seq, k.status, k.deadline, k.obligor, k.beneficiary, k.action,
                    k.location.name if k.location else None, k.fulfilled_by,
                    _dumps(commitment_to_dict(k)),
                ),
            )  # fmt: skip

    def events(
        self,
        type: str | None = None,
        place: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        status: str | None = None,
        article: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Events matching every given filter (case-insensitive substrings; dates overlap)."""
        where: list[str] = []
        params: list[Any] = []
        if type:
            where.append("(event_type LIKE ? OR sub_event_type LIKE ?)")
            params += [f"%{type}%"] * 2
        if place:
            where.append("(place LIKE ? OR country LIKE ?)")
            params += [f"%{place}%", place]
        if actor:
            where.append("actors LIKE ?")
            params.append(f"%{actor}%")
        if since:
            where.append("date_end >= ?")
            params.append(date_bounds(since)[0] or since)
        if until:
            where.append("date_start <= ?")
            params.append(date_bounds(until)[1] or until)
        if status:
            where.append("status = ?")
            params.append(status)
        if article:
            where.append("id IN (SELECT event_id FROM event_sources WHERE article_id = ?)")
            params.append(article)
        q = "SELECT data FROM events"
        if where:
            q += " WHERE " + " AND ".join(where)
        q += " ORDER BY date_start IS NULL, date_start, coalesce(date, '9999'), id"
        if limit:
            q += f" LIMIT {int(limit)}"
        dec = Decoder()
        return [event_from_dict(json.loads(r[0]), dec) for r in self.conn.execute(q, params)]

    def event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return None if row is None else event_from_dict(json.loads(row[0]))

    def commitments(self, status: str | None = None) -> list[TrackedCommitment]:
        q = "SELECT data FROM commitments"
        params: list[Any] = []
        if status:
            q += " WHERE status = ?"
            params.append(status)
        q += " ORDER BY deadline IS NULL, deadline, seq"
        dec = Decoder()
        return [commitment_from_dict(json.loads(r[0]), dec) for r in self.conn.execute(q, params)]
