"""The connection, schema migrations, transactions and meta data of a ledger database."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = Path("newsledger.db")


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


class StoreBase:
    """One connection to a ledger: opening, migrating, transactions, meta data."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.timeout = timeout
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
            _retry_while_busy(self._setup, timeout)
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"cannot open the ledger {self.path}: {e}", "check the path, or move the file aside"
            ) from e

    def _setup(self) -> None:
        if self.readonly:
            self._check_version()
            return
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    # --- lifecycle ----------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Any:
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
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:  # "database is locked": the busy timeout ran out
            raise StoreError(
                f"the ledger {self.path} is locked by another program (waited {self.timeout:g} s)",
                "close the program that writes to it, or run again when it is done; "
                "everything stored so far is kept",
            ) from e
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[Any]:
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


def _retry_while_busy(step: Callable[[], None], timeout: float) -> None:
    """Run ``step`` again while SQLite says busy/locked without waiting itself.

    Switching a brand-new file to WAL, or reading its header while another connection is
    switching it, can fail with "database is locked" at once (the busy handler is not used
    there), so several processes opening one new ledger together retry for up to ``timeout``.
    """
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as e:
            msg = str(e).lower()
            if ("locked" not in msg and "busy" not in msg) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


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
