"""A :class:`~newsledger.web.source.DataSource` over the SQLite ledger, opened read-only.

The whole ledger is loaded into a :class:`LedgerView` in one read transaction (a consistent
snapshot, even while an ingest writes: the database runs in WAL mode) and loaded again when
``PRAGMA data_version`` says another connection committed. Free text goes to the store's FTS5
index.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from ..errors import StoreError
from ..model import Ledger
from ..store import Store
from .source import LedgerView

SEARCH_LIMIT = 2000


class StoreSource:
    def __init__(self, db: str | Path) -> None:
        self.store = Store(db, readonly=True)
        self._lock = threading.RLock()
        self._view: LedgerView | None = None
        self._data_version: int | None = None

    def close(self) -> None:
        with self._lock:
            self.store.close()

    def _load(self) -> Ledger:
        s = self.store
        s.conn.execute("BEGIN")
        try:
            annotated = tuple(s.annotated())
            ledger = Ledger(
                articles=tuple(a.article for a in annotated),
                annotated=annotated,
                events=tuple(s.events()),
                commitments=tuple(s.commitments()),
            )
        finally:
            s.conn.execute("COMMIT")
        return ledger

    def view(self) -> LedgerView:
        with self._lock:
            try:
                dv = int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])
                if self._view is None or dv != self._data_version:
                    ledger = self._load()
                    info = {"needs_reconcile": self.store.needs_reconcile, "db": self.store.path.name}
                    self._view = LedgerView(ledger, self.search, version=str(dv), info=info)
                    self._data_version = dv
            except sqlite3.DatabaseError as e:
                if self._view is not None:  # keep serving the last good snapshot
                    return self._view
                raise StoreError(f"cannot read the ledger {self.store.path}: {e}", "check the file") from e
            return self._view

    def search(self, text: str) -> Iterable[tuple[str, str]]:
        """(article id, snippet) of articles whose title or text match ``text`` (FTS5 syntax,
        else a phrase), best first."""
        with self._lock:
            return [(r[0], r[1]) for r in self.store.search(text, limit=SEARCH_LIMIT)]
