"""JSON Lines inputs are read one line at a time: their size does not matter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsledger.ingest.jsonfile as jsonfile


def test_jsonl_larger_than_the_json_limit_is_read_whole(tmp_path: Path, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(jsonfile, "MAX_JSON_BYTES", 200)
    p = tmp_path / "many.jsonl"
    rows = [{"text": f"Report {i}\nThe council met on Monday to discuss item {i}."} for i in range(50)]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert p.stat().st_size > 200
    arts, errs = run([p])
    assert not errs
    assert [a.title for a in arts] == [f"Report {i}" for i in range(50)]


def test_jsonl_lines_keep_their_numbers_and_encodings(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": "Caf\u00e9 opens\nbody"}, ensure_ascii=False).encode("utf-8")
    latin = json.dumps({"text": "Na\u00efve plan\nbody"}, ensure_ascii=False).encode("latin-1")
    p.write_bytes(b"\xef\xbb\xbf" + good + b"\n\n{broken\n" + latin + b"\n")
    arts, errs = run([p])
    assert [a.title for a in arts] == ["Caf\u00e9 opens", "Na\u00efve plan"]
    [e] = errs
    assert "mixed.jsonl" in e.message and "line 3 is not valid JSON" in e.message


@pytest.mark.parametrize("content", ["", "\n\n   \n\n\n"])
def test_blank_jsonl_is_reported_empty(tmp_path: Path, run, content: str) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "blank.jsonl"
    p.write_text(content, encoding="utf-8")
    arts, [e] = run([p])
    assert not arts and "blank.jsonl" in e.message and "empty" in e.message
