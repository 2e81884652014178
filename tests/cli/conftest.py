"""CLI fixtures: a small corpus written by us, and the session's language model reused."""

from __future__ import annotations

from pathlib import Path

import pytest

REPORTS = {
    "harbor.txt": (
        "Storm closes harbour road\n\n"
        "Rivertown, 3 March 2021. Flooding closed the harbour road on Tuesday, the city council said.\n"
        "About 40 families were moved to a school overnight, officials reported.\n"
    ),
    "talks.txt": (
        "Ministers agree on water deal\n\n"
        "Two neighbouring governments signed a water-sharing agreement on Monday in Lakeside, "
        "according to a joint statement. The deal will take effect before June 1.\n"
    ),
    "market.txt": (
        "Market reopens after fire\n\n"
        "The central market of Hillcrest reopened yesterday, three weeks after a fire destroyed "
        "120 stalls, the mayor's office said.\n"
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def manifest(corpus: Path) -> Path:
    import json

    m = corpus.parent / "manifest.jsonl"
    dates = {"harbor.txt": "2021-03-03", "talks.txt": "2021-04-12", "market.txt": None}
    m.write_text(
        "".join(json.dumps({"path": f"reports/{n}", "published": d}) + "\n" for n, d in dates.items())
    )
    return m


@pytest.fixture(autouse=True)
def shared_model(ctx, monkeypatch):
    """Commands build a Context; give them the session's, so the model loads once."""
    import newsledger.ledger.build as build

    monkeypatch.setattr(build, "Context", lambda *a, **k: ctx)


@pytest.fixture
def ledger_db(tmp_path: Path) -> Path:
    """The hand-built ledger of tests/export (no language model needed)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "handmade_ledger_for_cli", Path(__file__).resolve().parents[1] / "export" / "handmade_ledger.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.build_ledger(tmp_path / "ledger.db")  # type: ignore[no-any-return]
