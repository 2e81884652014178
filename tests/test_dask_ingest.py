"""An ingest on a Dask LocalCluster (or a process pool) gives the same ledger as one process.

The bundled sample corpus (``examples/manifest.jsonl``) is ingested into fresh ledgers through
the public library function; the JSON exports must be identical byte for byte.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsledger.ledger import export_ledger, ingest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _ingest_and_export(db: Path, **how: object) -> str:
    report = ingest(db=db, manifest=EXAMPLES / "manifest.jsonl", **how)  # type: ignore[arg-type]
    assert report.ok, [f.line() for f in report.failures]
    assert report.stored > 0 and report.reconciled
    buf = io.StringIO()
    export_ledger(db, "json", stream=buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def single_process_export(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _ingest_and_export(tmp_path_factory.mktemp("one") / "ledger.db")


@pytest.mark.slow
def test_dask_local_cluster_ingest_matches_single_process(single_process_export: str, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    on_dask = _ingest_and_export(tmp_path / "dask.db", dask="local", workers=2)
    assert on_dask == single_process_export


@pytest.mark.slow
def test_process_pool_ingest_matches_single_process(single_process_export: str, tmp_path: Path) -> None:
    two = _ingest_and_export(tmp_path / "pool.db", workers=2)
    assert two == single_process_export


@pytest.mark.slow
def test_the_single_process_export_is_repeatable(single_process_export: str, tmp_path: Path) -> None:
    again = _ingest_and_export(tmp_path / "again.db")
    assert again == single_process_export
