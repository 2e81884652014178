"""Web fixtures: the hand-built ledger, written through the store, served on 127.0.0.1:0."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_ledger import build
from web_support import CHROMIUM_ARGS, running, write_db

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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's, never a downloaded build) for the whole session."""
    exe = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
    if not exe:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()
