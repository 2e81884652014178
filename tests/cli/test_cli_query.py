"""`timeline`, `events`, `show`, `stats` and `export` on a hand-built ledger."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_timeline_lists_events_by_date_with_conflict_marker(capsys, ledger_db: Path) -> None:
    code, out, _ = run(capsys, "timeline", "--db", str(ledger_db))
    assert code == 0
    assert out.index("2021-04-12") < out.index("2021-06-01")
    assert "Lakeside" in out and "≠ date" in out
    assert "3 event(s)" in out


def test_events_filters(capsys, ledger_db: Path) -> None:
    code, out, _ = run(capsys, "events", "--db", str(ledger_db), "--json", "--type", "transfer of territory")
    assert code == 0
    assert [e["id"] for e in json.loads(out)] == ["ev-leave"]
    _, out, _ = run(capsys, "events", "--db", str(ledger_db), "--json", "--actor", "eastland")
    assert [e["id"] for e in json.loads(out)] == ["ev-agree"]
    _, out, _ = run(
        capsys, "events", "--db", str(ledger_db), "--json", "--since", "2021-05", "--until", "2021"
    )
    assert [e["id"] for e in json.loads(out)] == ["ev-leave"]
    _, out, _ = run(capsys, "events", "--db", str(ledger_db), "--place", "lakeside")
    assert "ev-agree" in out and "ev-leave" not in out
    _, out, _ = run(capsys, "events", "--db", str(ledger_db), "--place", "Atlantis")
    assert "No events match" in out


def test_show_gives_every_source_sentence_conflicts_and_merge_reason(capsys, ledger_db: Path) -> None:
    code, out, _ = run(capsys, "show", "ev-agree", "--db", str(ledger_db))
    assert code == 0
    assert "The two governments signed an agreement in Lakeside on Monday" in out
    assert "The deal was signed on 13 April" in out
    assert "2021-04-13" in out and "same type and actors" in out
    assert "according to officials" in out
    code, out, _ = run(capsys, "show", "ev-lea", "--db", str(ledger_db))  # a unique prefix
    assert code == 0 and "Fulfils commitment" in out


def test_show_json(capsys, ledger_db: Path) -> None:
    _, out, _ = run(capsys, "show", "ev-agree", "--db", str(ledger_db), "--json")
    d = json.loads(out)
    assert d["id"] == "ev-agree" and len(d["sources"]) == 2
    assert all(s["sentence"] for s in d["sources"])
    assert d["sources"][0]["outlet"] == "Daily Lake"


def test_show_unknown_event_is_a_one_line_error(capsys, ledger_db: Path) -> None:
    code, _, err = run(capsys, "show", "nope", "--db", str(ledger_db))
    assert code == 1 and err.startswith("Error: no event 'nope'")


def test_stats(capsys, ledger_db: Path) -> None:
    code, out, _ = run(capsys, "stats", "--db", str(ledger_db), "--json")
    s = json.loads(out)
    assert (
        s["articles"] == 2 and s["events"] == 3 and s["events_with_conflicts"] == 1 and s["commitments"] == 1
    )
    code, out, _ = run(capsys, "stats", "--db", str(ledger_db))
    assert code == 0 and "Strategic developments" in out


def test_missing_ledger_is_a_one_line_error(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "timeline", "--db", str(tmp_path / "none.db"))
    assert code == 1 and err.startswith("Error: no ledger at")


def test_export_formats_to_stdout_and_files(capsys, ledger_db: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", "--db", str(ledger_db), "--format", "json")
    assert code == 0 and len(json.loads(out)["events"]) == 3
    code, out, _ = run(capsys, "export", "--db", str(ledger_db), "--format", "csv")
    assert code == 0 and out.startswith("event_id_cnty,event_date,year,")
    code, _, err = run(
        capsys, "export", "--db", str(ledger_db), "--format", "parquet", "--out", str(tmp_path / "pq")
    )
    assert code == 0 and (tmp_path / "pq" / "events.parquet").exists()
    code, _, err = run(capsys, "export", "--db", str(ledger_db), "--format", "parquet")
    assert code == 1 and "--out" in err
    code, _, _ = run(
        capsys, "export", "--db", str(ledger_db), "--format", "geojson", "--out", str(tmp_path / "e.geojson")
    )
    assert json.loads((tmp_path / "e.geojson").read_text())["type"] == "FeatureCollection"
