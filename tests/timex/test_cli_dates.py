"""`newsledger dates`: the dates of one text, as a table or JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.cli import main

TEXT = "The ceasefire was signed on Friday and troops will leave before March 20.\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_from_a_file(capsys, tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(TEXT, encoding="utf-8")
    code, out, err = run(capsys, "dates", "--published", "2021-03-05", str(f))
    assert code == 0 and err == ""
    assert "2021-03-05" in out and "Friday" in out
    assert "2021-03-20" in out and "BEFORE" in out


def test_json_lines_with_offsets(capsys, tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(capsys, "dates", "--json", "--published", "2021-03-05", str(f))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["value"] for r in rows] == ["2021-03-05", "2021-03-20"]
    for r in rows:
        assert TEXT[r["start"] : r["end"]] == r["text"]


def test_without_a_date_it_says_so_once_and_invents_nothing(capsys, tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(TEXT, encoding="utf-8")
    code, out, err = run(capsys, "dates", "--json", str(f))
    assert code == 0
    assert err.count("no --published date") == 1
    assert [json.loads(line)["value"] for line in out.splitlines()] == [None, None]


def test_bad_date_and_missing_file_are_one_line_errors(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "dates", "--published", "5 March", str(tmp_path / "x.txt"))
    assert code == 1 and err.startswith("Error:") and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "dates", "--published", "2021-03-05", str(tmp_path / "missing.txt"))
    assert code == 1 and err.startswith("Error:") and len(err.strip().splitlines()) == 1
