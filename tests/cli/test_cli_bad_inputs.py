"""Bad input end to end through `newsledger ingest` (cases: bad_input_cases.json).

Each bad file gets exactly one line naming it and the problem, is skipped, the run goes on, the
exit status says whether anything failed, and the articles already in the ledger are kept.
Files that can be read (odd encodings, broken HTML) are read, with a warning where a guess was made.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.cli import main
from newsledger.ingest import MAX_TEXT_CHARS
from newsledger.nlp import MAX_CHARS
from newsledger.store import Store

CASES = json.loads((Path(__file__).parent / "bad_input_cases.json").read_text(encoding="utf-8"))
FILES = CASES["files"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def content(case: dict) -> bytes:
    if "hex" in case:
        return bytes.fromhex(case["hex"]) * case.get("repeat", 1)
    return case["text"].encode(case.get("encoding", "utf-8"))


def export(capsys, db: Path) -> dict:
    code, out, err = run(capsys, "export", "--db", str(db), "--format", "json")
    assert code == 0, err
    return json.loads(out)


def lines(err: str, kind: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith(f"{kind}: ")]


@pytest.fixture
def good_ledger(capsys, corpus: Path, tmp_path: Path) -> tuple[Path, dict]:
    """A ledger with the good corpus in it, and its export."""
    db = tmp_path / "ledger.db"
    code, _, err = run(capsys, "ingest", str(corpus), "--db", str(db), "--published", "2021-05-01")
    assert code == 0, err
    return db, export(capsys, db)


def assert_kept(before: dict, after: dict) -> None:
    """Every article of ``before`` is still in ``after``, unchanged."""
    now = {a["id"]: a for a in after["articles"]}
    for a in before["articles"]:
        assert now.get(a["id"]) == a


def test_each_bad_file_gets_one_line_and_the_run_goes_on(capsys, good_ledger, tmp_path: Path) -> None:
    db, before = good_ledger
    bad = tmp_path / "incoming"
    bad.mkdir()
    for case in FILES:
        (bad / case["name"]).write_bytes(content(case))
    code, _, err = run(capsys, "ingest", str(bad), "--db", str(db), "--published", "2021-05-02")
    assert code == 1  # something failed
    assert "Traceback" not in err
    errors, warnings = lines(err, "error"), lines(err, "warning")
    expected_errors = [f"error: {bad / c['name']}: {c['error']}" for c in FILES if "error" in c]
    assert sorted(errors) == sorted(expected_errors)
    for c in FILES:
        if "warning" in c:
            assert f"warning: {bad / c['name']}: {c['warning']}" in warnings
    readable = [c for c in FILES if "error" not in c]
    assert f"ingested {len(readable)} new article(s)" in err
    after = export(capsys, db)
    assert_kept(before, after)
    stored = {Path(a["source_file"]).name: a for a in after["articles"]}
    assert set(stored) == {c["name"] for c in readable} | {
        a["source_file"].rsplit("/", 1)[-1] for a in before["articles"]
    }

    # what was read, was read right
    for c in readable:
        with Store(db, readonly=True) as s:
            text = s.article(stored[c["name"]]["id"]).text
        if "stored_text" in c:
            assert text == c["stored_text"]
        if "contains" in c:
            assert c["contains"] in text

    # a second run with the same folder stores nothing twice and still reports the bad files
    code, _, err = run(capsys, "ingest", str(bad), "--db", str(db), "--published", "2021-05-02")
    assert code == 1
    assert sorted(lines(err, "error")) == sorted(expected_errors)
    assert f"ingested 0 new article(s) ({len(readable)} already stored" in err
    assert len(export(capsys, db)["articles"]) == len(after["articles"])


def test_manifest_with_missing_files_and_bad_dates(capsys, good_ledger, tmp_path: Path) -> None:
    db, before = good_ledger
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "ok.txt").write_text(
        "Bridge reopens\n\nThe council said the bridge reopened.\n", encoding="utf-8"
    )
    manifest = folder / "manifest.jsonl"
    manifest.write_text(
        "".join((c["raw"] if "raw" in c else json.dumps(c["line"])) + "\n" for c in CASES["manifest"]),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "ingest", "--manifest", str(manifest), "--db", str(db))
    assert code == 1
    expected = [
        f"error: {manifest}: {c['error'].format(folder=folder)}" for c in CASES["manifest"] if "error" in c
    ]
    assert sorted(lines(err, "error")) == sorted(expected)
    assert "ingested 1 new article(s)" in err
    after = export(capsys, db)
    assert_kept(before, after)
    [ok] = [a for a in after["articles"] if a["source_file"].endswith("ok.txt")]
    assert ok["published"] == "2021-03-02" and ok["published_source"] == "manifest"


def test_readable_odd_files_alone_exit_zero(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    for c in FILES:
        if "error" not in c:
            (folder / c["name"]).write_bytes(content(c))
    code, _, err = run(
        capsys, "ingest", str(folder), "--db", str(tmp_path / "l.db"), "--published", "2021-05-02"
    )
    assert code == 0, err  # warnings are not failures
    assert lines(err, "error") == []


def test_numbers_that_are_not_dates_are_not_read_as_dates(capsys, tmp_path: Path) -> None:
    """In a story, "2882015" is a number, not a date; "19-Nov-12" is read day-month-year."""
    [case] = [c for c in FILES if c["name"] == "odd-dates.txt"]
    f = tmp_path / case["name"]
    f.write_bytes(content(case))
    code, out, _ = run(capsys, "extract", str(f), "--stages", "dates", "--published", "2021-03-05")
    assert code == 0
    timexes = {t["text"]: t["value"] for t in json.loads(out)["mentions"]["timexes"]}
    assert not any("2882015" in t for t in timexes)
    assert timexes.get("19-Nov-12") == "2012-11-19"


@pytest.mark.slow
def test_a_50_mb_text_is_cut_with_warnings_and_stored(capsys, good_ledger, tmp_path: Path) -> None:
    """A 50 MB text: only the start is read, the text is cut at MAX_TEXT_CHARS, the language model
    sees the first nlp.MAX_CHARS characters; each cut is a warning naming the file; no crash.
    (Long words keep the model's work small: this tests the limits, not the speed.)"""
    db, before = good_ledger
    big = tmp_path / "huge.txt"
    line = "A long document\n" + ("Wordswordswordswordswordswordswordswordswordsword " * 20 + "\n")
    with big.open("w", encoding="utf-8") as fh:
        fh.write("A long document\n\n")
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size > 50 * 1024 * 1024
    code, _, err = run(capsys, "ingest", str(big), "--db", str(db), "--published", "2021-05-02")
    assert code == 0, err
    warnings = lines(err, "warning")
    assert any(w.startswith(f"warning: {big}: file is larger than") for w in warnings), warnings
    assert any(
        w.startswith(f"warning: {big}: text is longer than {MAX_TEXT_CHARS:,} characters") for w in warnings
    ), warnings
    assert any(
        w.startswith(f"warning: {big}:") and f"text cut at {MAX_CHARS} characters for analysis" in w
        for w in warnings
    ), warnings
    after = export(capsys, db)
    assert_kept(before, after)
    [doc] = [a for a in after["articles"] if a["source_file"] == str(big)]
    assert MAX_TEXT_CHARS - 1000 <= doc["length"] <= MAX_TEXT_CHARS
