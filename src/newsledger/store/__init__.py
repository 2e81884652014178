"""The SQLite ledger: the only module that writes.

One :class:`Store` wraps one connection. The database runs in WAL mode, so readers (``serve``,
``export``) never block the writer. Writes happen in explicit ``BEGIN IMMEDIATE`` transactions,
one per batch of articles, so a process killed at any moment leaves a valid database holding
whole batches only; re-running the same ingest skips what is stored (article ids are content
hashes) and finishes the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import AnnotatedArticle, Article, Event, TrackedCommitment
from ..serialize import (
    Decoder,
    annotated_from_dict,
    annotated_to_dict,
    article_from_dict,
    commitment_from_dict,
    commitment_to_dict,
    event_from_dict,
    event_to_dict,
)
from .lock import writer_lock
from .schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = Path("newsledger.db")

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "open_store", "writer_lock"]

_ARTICLE_COLS = (
    "id, text, title, url, outlet, published, language, source_file, published_source, duplicate_of"
)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last day an ISO date, month, year or ``start/end`` range can mean (as text)."""
    if not value:
        return None, None
    start, _, end = value.partition("/")
    end = end or start

    def pad(v: str, low: bool) -> str | None:
        v = v.strip()
        if len(v) >= 10 and v[4] == "-":
            return v[:10]
        if len(v) == 7 and v[4] == "-":
            return v + ("-01" if low else "-31")
        if len(v) == 4 and v.isdigit():
            return v + ("-01-01" if low else "-12-31")
        return None

    return pad(start, True), pad(end, False)


class Store:
    """A ledger database. Use :func:`open_store` or ``Store(path)`` as a context manager."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(
                        f"no ledger at {self.path}",
                        "run `newsledger ingest --db PATH FILES...` first or pass --db",
                    )
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self.conn = sqlite3.connect(
                    uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
                )
            else:
                if self.path.parent and not self.path.parent.exists():
                    raise StoreError(
                        f"the folder {self.path.parent} does not exist", "create it or pass another --db"
                    )
                self.conn = sqlite3.connect(
                    str(self.path), timeout=timeout, isolation_level=None, check_same_thread=False
                )
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"cannot open the ledger {self.path}: {e}", "check the path, or move the file aside"
            ) from e

    # --- lifecycle ----------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self) -> None:
        v = self.version
        if v < SCHEMA_VERSION:
            raise StoreError(
                f"the ledger {self.path} has schema version {v}, this program needs {SCHEMA_VERSION}",
                "upgrade it once with `newsledger ingest --reconcile --db PATH`",
            )
        if v > SCHEMA_VERSION:
            raise StoreError(
                f"the ledger {self.path} was written by a newer newsledger (schema {v})",
                "upgrade newsledger",
            )

    def _migrate(self) -> None:
        v = self.version
        if v > SCHEMA_VERSION:
            self._check_version()
        for i in range(v, SCHEMA_VERSION):
            with self.transaction():
                if self.version != i:  # another process migrated meanwhile
                    continue
                for stmt in _statements(MIGRATIONS[i]):
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version = {i + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): all or nothing."""
        if self.readonly:
            raise StoreError("the ledger is open read-only", "open it without readonly to write")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """A read transaction: everything read inside sees one consistent state of the ledger."""
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            self.conn.execute("COMMIT")

    # --- meta ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def _set_meta(self, key: str, value: str | None) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def needs_reconcile(self) -> bool:
        """True when articles were stored after the last reconciliation."""
        return self.get_meta("dirty") == "1"

    # --- articles -----------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    def fingerprints(self) -> Iterator[tuple[str, str]]:
        """(article id, fingerprint) of stored originals (not of duplicates)."""
        q = "SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL AND duplicate_of IS NULL"
        yield from self.conn.execute(q)

    def put_annotated(
        self,
        batch: Sequence[AnnotatedArticle],
        stages: Sequence[str] = (),
        fingerprints: dict[str, str] | None = None,
    ) -> int:
        """Store a batch of articles with their annotations in one transaction.

        Articles already stored (same id) are left as they are. Returns how many were new.
        """
        fingerprints = fingerprints or {}
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        stage_text = ",".join(stages)
        new = 0
        with self.transaction() as c:
            for ann in batch:
                a = ann.article
                cur = c.execute(
                    f"INSERT OR IGNORE INTO articles({_ARTICLE_COLS}, fingerprint, metadata, ingested_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        a.id, a.text, a.title, a.url, a.outlet,
                        a.published.isoformat() if a.published else None,
                        a.language, a.source_file, a.published_source, a.duplicate_of,
                        fingerprints.get(a.id), _dumps({"warnings": list(ann.warnings)}), now,
                    ),
                )  # fmt: skip
                if cur.rowcount == 0:
                    continue
                new += 1
                c.execute(
                    "INSERT OR REPLACE INTO annotations(article_id, stages, data, n_timexes, n_places, "
                    "n_figures, n_claims, n_events, n_commitments) VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        a.id, stage_text, _dumps(annotated_to_dict(ann, with_article=False)),
                        len(ann.timexes), len(ann.places), len(ann.figures), len(ann.claims),
                        len(ann.events), len(ann.commitments),
                    ),
                )  # fmt: skip
            if new:
                self._set_meta("dirty", "1")
        return new

    def _article(self, row: Sequence[Any], decoder: Decoder) -> Article:
        keys = [k.strip() for k in _ARTICLE_COLS.split(",")]
        return article_from_dict(dict(zip(keys, row, strict=True)), decoder)

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else self._article(row, Decoder())

    def article_labels(self) -> dict[str, dict[str, Any]]:
        """Article id → {outlet, url, source_file, title, published} (no text), for exports."""
        q = "SELECT id, outlet, url, source_file, title, published FROM articles"
        keys = ("outlet", "url", "source_file", "title", "published")
        return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in self.conn.execute(q)}

    def span_text(self, article_id: str, start: int, end: int) -> str:
        """The text of ``[start, end)`` in a stored article ("" if there is no such article)."""
        q = "SELECT substr(text, ?, ?) FROM articles WHERE id = ?"
        row = self.conn.execute(q, (start + 1, max(end - start, 0), article_id)).fetchone()
        return "" if row is None or row[0] is None else str(row[0])

    def find_article_ids(self, prefix: str) -> list[str]:
        q = "SELECT id FROM articles WHERE id LIKE ? ORDER BY id LIMIT 10"
        return [r[0] for r in self.conn.execute(q, (prefix.replace("%", "") + "%",))]

    def articles(self) -> Iterator[Article]:
        """Every stored article, oldest ingest first (stable order)."""
        dec = Decoder()
        for row in self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY rowid"):
            yield self._article(row, dec)

    def annotated(
        self,
        ids: Iterable[str] | None = None,
        originals_only: bool = False,
        fields: Sequence[str] | None = None,
    ) -> Iterator[AnnotatedArticle]:
        """Stored articles with their annotations (no Doc), in ingest order.

        ``fields`` limits which annotation fields are decoded (e.g. ``("timexes", "places")``);
        the others stay empty. Much faster for exports that need a few kinds only.
        """
        dec = Decoder()
        q = (
            f"SELECT {', '.join('a.' + k.strip() for k in _ARTICLE_COLS.split(','))}, n.data "
            "FROM articles a LEFT JOIN annotations n ON n.article_id = a.id"
        )
        where = []
        params: list[Any] = []
        if originals_only:
            where.append("a.duplicate_of IS NULL")
        if ids is not None:
            id_list = list(ids)
            where.append(f"a.id IN ({','.join('?' * len(id_list))})" if id_list else "0")
            params.extend(id_list)
        if where:
            q += " WHERE " + " AND ".join(where)
        q += " ORDER BY a.rowid"
        for row in self.conn.execute(q, params):
            article = self._article(row[:-1], dec)
            data = json.loads(row[-1]) if row[-1] else {}
            if fields is not None:
                data = {k: v for k, v in data.items() if k in fields}
            yield annotated_from_dict(data, article=article, decoder=dec)

    def search(self, query: str, limit: int = 50) -> list[tuple[str, str, float]]:
        """Full-text search over titles and texts: (article id, snippet, bm25 rank)."""
        q = (
            "SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 12), bm25(articles_fts) "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?"
        )
        try:
            return [(r[0], r[1], r[2]) for r in self.conn.execute(q, (query, limit))]
        except sqlite3.OperationalError:
            # not valid FTS syntax: search the words as a phrase
            phrase = '"' + query.replace('"', '""') + '"'
            return [(r[0], r[1], r[2]) for r in self.conn.execute(q, (phrase, limit))]

    # --- the reconciled ledger -----------------------------------------------------------
    def replace_ledger(self, events: Sequence[Event], commitments: Sequence[TrackedCommitment]) -> None:
        """Replace all events and commitments in one transaction, and mark the ledger current."""
        for what, ids in (("event", [e.id for e in events]), ("commitment", [k.id for k in commitments])):
            if len(set(ids)) != len(ids):
                dup = next(i for i in ids if ids.count(i) > 1)
                raise StoreError(
                    f"reconciliation gave two {what}s the same id {dup!r}; nothing was replaced",
                    "report this bug; the stored articles are intact",
                )
        original = dict(
            self.conn.execute(
                "SELECT id, coalesce(duplicate_of, id) FROM articles WHERE duplicate_of IS NOT NULL"
            )
        )
        with self.transaction() as c:
            c.execute("DELETE FROM conflicts")
            c.execute("DELETE FROM event_sources")
            c.execute("DELETE FROM events")
            c.execute("DELETE FROM commitments")
            for seq, e in enumerate(events):
                start, end = date_bounds(e.date)
                actors = " | ".join(x for x in (e.actor1, e.actor2, *e.assoc_actors) if x)
                loc = e.location
                c.execute(
                    "INSERT INTO events(id, seq, event_type, sub_event_type, date, date_start, date_end, "
                    "status, actor1, actor2, actors, place, country, latitude, longitude, fatalities, "
                    "n_sources, n_conflicts, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        e.id, seq, e.event_type, e.sub_event_type, e.date, start, end, e.status,
                        e.actor1, e.actor2, actors,
                        loc.name if loc else None, loc.country if loc else None,
                        loc.latitude if loc else None, loc.longitude if loc else None,
                        e.fatalities, len({original.get(s.article, s.article) for s in e.sources}), len(e.conflicts),
                        _dumps(event_to_dict(e)),
                    ),
                )  # fmt: skip
                c.executemany(
                    'INSERT INTO event_sources(event_id, ord, article_id, start, "end", attributed_to) '
                    "VALUES (?,?,?,?,?,?)",
                    [(e.id, i, s.article, s.start, s.end, s.attributed_to) for i, s in enumerate(e.sources)],
                )
                c.executemany(
                    "INSERT OR REPLACE INTO conflicts(event_id, field, data) VALUES (?,?,?)",
                    [(e.id, k.field, _dumps([v.value for v in k.values])) for k in e.conflicts],
                )
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
            self._set_meta("dirty", "0")
            self._set_meta("reconciled_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

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
        q += " ORDER BY date_start IS NULL, date_start, seq"
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

    def counts(self) -> dict[str, int]:
        one = self.conn.execute
        out = {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "undated": one("SELECT count(*) FROM articles WHERE published IS NULL").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
            "events_with_conflicts": one("SELECT count(*) FROM events WHERE n_conflicts > 0").fetchone()[0],
            "conflicts": one("SELECT count(*) FROM conflicts").fetchone()[0],
            "commitments": one("SELECT count(*) FROM commitments").fetchone()[0],
        }
        row = one(
            "SELECT coalesce(sum(n_timexes),0), coalesce(sum(n_places),0), coalesce(sum(n_figures),0), "
            "coalesce(sum(n_claims),0), coalesce(sum(n_events),0), coalesce(sum(n_commitments),0) "
            "FROM annotations"
        ).fetchone()
        for k, v in zip(
            ("timexes", "places", "figures", "claims", "event_mentions", "commitment_mentions"),
            row,
            strict=True,
        ):
            out[k] = int(v)
        return out

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])


def _statements(script: str) -> list[str]:
    """Split a migration into statements (trigger bodies contain ``;``)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def open_store(db: str | Path | Store | None = None, readonly: bool = False) -> Store:
    """Open (and migrate) the ledger at ``db`` (default ``./newsledger.db``)."""
    if isinstance(db, Store):
        return db
    return Store(DEFAULT_DB if db is None else db, readonly=readonly)
