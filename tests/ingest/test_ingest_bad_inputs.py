"""Table-driven bad inputs (bad_inputs.json): each gets one clear message; the rest is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = json.loads((Path(__file__).parent / "bad_inputs.json").read_text(encoding="utf-8"))["cases"]


def _content(case: dict) -> bytes:
    if "hex" in case:
        return bytes.fromhex(case["hex"]) * case.get("repeat", 1)
    return case["text"].encode(case.get("encoding", "utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_bad_input(tmp_path: Path, run, case: dict) -> None:
    bad = tmp_path / case["name"]
    bad.write_bytes(_content(case))
    good = tmp_path / "zz-good.txt"
    good.write_text("A good report\nIt is read whatever comes before it.", encoding="utf-8")
    arts, errs = run([bad, good])
    assert arts[-1].title == "A good report"  # the run goes on
    mine = arts[:-1]
    if case["expect"] in ("error", "errors"):
        assert not mine
        assert len(errs) == case.get("count", 1)
        for e in errs:
            assert case["name"] in e.message and case["message"] in e.message, e.message
            assert e.hint and e.message.endswith(".")
    else:
        assert not errs, [e.message for e in errs]
        [a] = mine
        if "decoded" in case:
            assert a.text == case["decoded"]
    if "warning" in case:
        assert any(case["name"] in w and case["warning"] in w for w in run.warnings), run.warnings
