"""Web fixtures: the hand-built ledger, written through the store, served on 127.0.0.1:0."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_ledger import build
from web_support import running, write_db

from newsledger.model import Ledger
from newsledger.web.server import LedgerServer, make_server
from newsledger.web.source import StaticSource


@pytest.fixture(scope="session")
def ledger() -> Ledger:
    return build()


@pytest.fixture(scope="session")
def ledger_db(tmp_path_factory: pytest.TempPathFactory, ledger: Ledger) -> Path:
    return write_db(tmp_path_factory.mktemp("web") / "ledger.db", ledger)


@pytest.fixture(scope="session")
def store_server(ledger_db: Path) -> Iterator[LedgerServer]:
    """The hand-built ledger read back from SQLite (read-only), as ``newsledger serve`` does."""
    from newsledger.web.store_source import StoreSource

    source = StoreSource(ledger_db)
    yield from running(make_server(source, "127.0.0.1", 0, quiet=True))
    source.close()


@pytest.fixture(scope="session")
def memory_server(ledger: Ledger) -> Iterator[LedgerServer]:
    yield from running(make_server(StaticSource(ledger), "127.0.0.1", 0, quiet=True))
