"""`newsledger ingest` and `extract`: what a user sees, what lands in the ledger."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.cli import main
from newsledger.store import Store


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_folder_then_again_changes_nothing(capsys, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    code, _, err = run(capsys, "ingest", str(corpus), "--db", str(db), "--published", "2021-05-01")
    assert code == 0, err
    assert "ingested 3 new article(s)" in err
    with Store(db) as s:
        assert s.counts()["articles"] == 3
        assert not s.needs_reconcile
    code, _, err = run(capsys, "ingest", str(corpus), "--db", str(db), "--published", "2021-05-01")
    assert code == 0
    assert "ingested 0 new article(s) (3 already stored" in err


def test_bad_files_are_reported_one_line_each_and_skipped(capsys, corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 20)
    db = tmp_path / "l.db"
    code, _, err = run(capsys, "ingest", str(corpus), "--db", str(db), "--quiet")
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in line for line in errors)
    assert any("binary.txt" in line for line in errors)
    with Store(db) as s:
        assert s.counts()["articles"] == 3


def test_json_summary_and_undated_articles(capsys, manifest: Path, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    code, out, _ = run(capsys, "ingest", "--manifest", str(manifest), "--db", str(db), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["stored"] == 3 and report["failures"] == [] and report["ok"]
    assert {"articles", "events", "conflicts", "commitments"} <= set(report)
    assert [Path(p).name for p in report["undated"]] == ["market.txt"] or report["undated"] == []
    code, _, err = run(capsys, "ingest", "--manifest", str(manifest), "--db", str(tmp_path / "m.db"))
    undated_lines = [line for line in err.splitlines() if "no publication date" in line]
    assert len(undated_lines) <= 1


def test_missing_manifest_file_fails_cleanly(capsys, tmp_path: Path) -> None:
    m = tmp_path / "m.jsonl"
    m.write_text(json.dumps({"path": "nope.txt", "published": "2021-01-01"}) + "\n")
    code, _, err = run(capsys, "ingest", "--manifest", str(m), "--db", str(tmp_path / "l.db"))
    assert code == 1
    assert "nope.txt" in err


def test_nothing_to_ingest_and_bad_flags_are_one_line_errors(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "ingest", "--db", str(tmp_path / "l.db"))
    assert code == 1 and err.startswith("Error: nothing to ingest.")
    code, _, err = run(
        capsys, "ingest", str(tmp_path), "--stages", "dates,bogus", "--db", str(tmp_path / "l.db")
    )
    assert code == 1 and "unknown stage 'bogus'" in err
    code, _, err = run(
        capsys, "ingest", str(tmp_path), "--published", "19-Nov-12", "--db", str(tmp_path / "l.db")
    )
    assert code == 1 and "--published" in err


def test_reconcile_only(capsys, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    run(capsys, "ingest", str(corpus), "--db", str(db), "--published", "2021-05-01")
    code, _, err = run(capsys, "ingest", "--reconcile", "--db", str(db))
    assert code == 0 and "reconciled" in err


def test_extract_prints_one_object_per_input_in_order(capsys, manifest: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_text("")
    with manifest.open("a") as m:
        m.write(json.dumps({"path": "reports/empty.txt", "published": None}) + "\n")
        m.write(json.dumps({"path": "reports/harbor.txt", "published": "2021-03-04"}) + "\n")
    code, out, err = run(capsys, "extract", "--manifest", str(manifest))
    assert code == 1  # one input failed
    docs = [json.loads(line) for line in out.splitlines()]
    assert [Path(d["source_file"]).name for d in docs] == [
        "harbor.txt", "talks.txt", "market.txt", "empty.txt", "harbor.txt"
    ]  # fmt: skip
    assert "error" in docs[3] and "empty.txt" in err
    first = docs[0]
    assert first["published"] == "2021-03-03" and docs[4]["published"] == "2021-03-04"
    assert set(first["mentions"]) == {"timexes", "places", "figures", "claims"}
    assert isinstance(first["events"], list) and isinstance(first["commitments"], list)
    text = (corpus / "harbor.txt").read_text()
    for kind in first["mentions"].values():
        for m in kind:
            assert text[m["start"] : m["end"]] == m["text"]


def test_extract_stages_option(capsys, corpus: Path) -> None:
    code, out, _ = run(
        capsys, "extract", str(corpus / "harbor.txt"), "--stages", "dates", "--published", "2021-03-03"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["mentions"]["figures"] == [] and doc["events"] == []
