"""`newsledger places`: a table or JSON lines of the places in a text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.cli import main


@pytest.fixture(autouse=True)
def session_context(ctx, monkeypatch):
    import newsledger.context

    monkeypatch.setattr(newsledger.context, "Context", lambda *a, **k: ctx)


def test_places_table(capsys, tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text("Crews from Fort Worth, Texas, drove to Alexandria, La., on Sunday.\n", encoding="utf-8")
    assert main(["places", str(f)]) == 0
    out = capsys.readouterr().out
    assert "Fort Worth" in out and "Louisiana" in out and "ADM1" in out


def test_places_json_lines(capsys, tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text("Talks were held in Baku and Yerevan.", encoding="utf-8")
    assert main(["places", "--json", str(f)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == ["Baku", "Yerevan"]
    assert {r["country"] for r in rows} == {"AZ", "AM"}
    assert all(r["geo_precision"] == "town" and r["gazetteer_id"] for r in rows)


def test_missing_file_is_a_one_line_error(capsys, tmp_path: Path) -> None:
    assert main(["places", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and len(err.strip().splitlines()) == 1
