"""Another program holding the ledger's write lock longer than the busy timeout: the ingest
stops with a clear StoreError (not a raw sqlite3 "database is locked"), and keeps what it stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsledger.errors import StoreError
from newsledger.ledger import ingest
from newsledger.store import Store


def test_a_write_lock_held_too_long_is_a_store_error(ctx, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bridge reopens\n\nThe council said the bridge reopened on Monday.\n")
    db = tmp_path / "l.db"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store(db, timeout=0.3) as store, pytest.raises(StoreError) as e:
            ingest([folder], db=store, ctx=ctx)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "locked" in e.value.what or "another program" in e.value.what
    assert e.value.hint
