"""The SQLite ledger: the only module that writes.

One :class:`Store` wraps one connection. The database runs in WAL mode, so readers (``serve``,
``export``) never block the writer. Writes happen in explicit ``BEGIN IMMEDIATE`` transactions,
one per batch of articles, so a process killed at any moment leaves a valid database holding
whole batches only; re-running the same ingest skips what is stored (article ids are content
hashes) and finishes the rest.

Layout: ``base`` (connection, migrations, transactions), ``articles`` (articles and their
annotations, FTS5), ``ledger_tables`` (events, sources, conflicts, commitments), ``schema``
(the migrations list), ``lock`` (one writer at a time).
"""

from __future__ import annotations

from pathlib import Path

from .articles import ArticleTables
from .base import DEFAULT_DB, StoreBase, date_bounds
from .ledger_tables import LedgerTables
from .lock import writer_lock
from .schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "StoreBase", "date_bounds", "open_store", "writer_lock"]


class Store(ArticleTables, LedgerTables):
    """A ledger database. Use :func:`open_store` or ``Store(path)`` as a context manager."""

    def __enter__(self) -> Store:
        return self

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


def open_store(db: str | Path | Store | None = None, readonly: bool = False) -> Store:
    """Open (and migrate) the ledger at ``db`` (default ``./newsledger.db``)."""
    if isinstance(db, Store):
        return db
    return Store(DEFAULT_DB if db is None else db, readonly=readonly)
