"""A :class:`~newsledger.web.source.DataSource` over the SQLite ledger, opened read-only.

Events, commitments and articles are loaded into a :class:`LedgerView` in one read transaction
(a consistent snapshot even while an ingest writes: the database runs in WAL mode); per-article
annotations are read on demand. When ``PRAGMA data_version`` says another connection committed,
a new snapshot is loaded — in a background thread on its own connection, while requests keep
getting the previous one (``refresh="background"``, what ``serve`` uses), or before answering
(``refresh="sync"``). Free text goes to the store's FTS5 index.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from ..errors import StoreError
from ..model import AnnotatedArticle, Ledger
from ..store import Store
from .source import LedgerView

SEARCH_LIMIT = 2000


def load_snapshot(store: Store) -> Ledger:
    """Articles (without annotations), events and commitments in one read transaction."""
    store.conn.execute("BEGIN")
    try:
        return Ledger(
            articles=tuple(store.articles()),
            annotated=(),
            events=tuple(store.events()),
            commitments=tuple(store.commitments()),
        )
    finally:
        store.conn.execute("COMMIT")


class StoreSource:
    def __init__(self, db: str | Path, refresh: str = "sync") -> None:
        if refresh not in ("sync", "background"):
            raise ValueError(f"refresh must be 'sync' or 'background', not {refresh!r}")
        self.path = Path(db)
        self.refresh = refresh
        self.store = Store(db, readonly=True)
        self._identity = self._file_identity()
        self._lock = threading.RLock()
        self._view: LedgerView | None = None
        self._data_version: int | None = None
        self._loader: threading.Thread | None = None

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _reopen_if_replaced(self) -> None:
        """A ledger deleted and ingested anew is another file: follow it."""
        ident = self._file_identity()
        if ident is not None and ident != self._identity:
            try:
                fresh = Store(self.path, readonly=True)
            except (StoreError, sqlite3.DatabaseError):
                return  # e.g. still being created by an ingest: keep the last snapshot for now
            self.store.close()
            self.store, self._identity = fresh, ident
            self._view, self._data_version = None, None

    def close(self) -> None:
        self.wait_refresh()
        with self._lock:
            self.store.close()

    def _make_view(self, store: Store, dv: int) -> LedgerView:
        info = {"needs_reconcile": store.needs_reconcile, "db": self.path.name}
        return LedgerView(
            load_snapshot(store), self.search, version=str(dv), info=info, load_annotated=self.annotated
        )

    def _background(self, dv: int, identity: tuple[int, int] | None) -> None:
        try:
            with Store(self.path, readonly=True) as own:
                view = self._make_view(own, dv)
            with self._lock:
                if identity == self._identity:  # the file was not replaced meanwhile
                    self._view, self._data_version = view, dv
        except (sqlite3.DatabaseError, StoreError):
            pass  # keep the last good snapshot; the next request tries again

    def view(self) -> LedgerView:
        with self._lock:
            try:
                self._reopen_if_replaced()
                dv = int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])
                if self._view is not None and dv == self._data_version:
                    return self._view
                if self._view is None or self.refresh == "sync":
                    self._view, self._data_version = self._make_view(self.store, dv), dv
                elif self._loader is None or not self._loader.is_alive():
                    self._loader = threading.Thread(
                        target=self._background, args=(dv, self._identity), daemon=True
                    )
                    self._loader.start()
            except sqlite3.DatabaseError as e:
                if self._view is None:
                    raise StoreError(f"cannot read the ledger {self.path}: {e}", "check the file") from e
            return self._view

    def is_current(self) -> bool:
        """True when the snapshot served reflects the last commit to the ledger."""
        with self._lock:
            dv = int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])
            return self._view is not None and dv == self._data_version

    def wait_refresh(self, timeout: float | None = None) -> None:
        """Wait for a background reload in progress, if any."""
        t = self._loader
        if t is not None:
            t.join(timeout)

    def annotated(self, article_id: str) -> AnnotatedArticle | None:
        with self._lock:
            return next(iter(self.store.annotated([article_id])), None)

    def search(self, text: str) -> Iterable[tuple[str, str]]:
        """(article id, snippet) of articles whose title or text match ``text`` (FTS5 syntax,
        else a phrase), best first."""
        with self._lock:
            return [(r[0], r[1]) for r in self.store.search(text, limit=SEARCH_LIMIT)]
