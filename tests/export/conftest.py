"""Fixtures for the export tests: a small hand-built ledger (see handmade_ledger.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from handmade_ledger import build_ledger


@pytest.fixture
def ledger_db(tmp_path: Path) -> Path:
    return build_ledger(tmp_path / "ledger.db")
