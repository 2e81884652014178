"""End to end on the two seed reports: merges, the date conflict and the commitments score 1.000."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsledger.ledger import export_ledger, ingest

pytestmark = [pytest.mark.slow, pytest.mark.shared]

SECTIONS = ("one event across documents", "conflicts", "commitments")


def test_seed_reconcile_sections_are_perfect(shared_dir, tmp_path, ctx):
    db = tmp_path / "seed.db"
    ingest(db=db, manifest=shared_dir / "seeds" / "manifest.jsonl", ctx=ctx)
    out = tmp_path / "seed.json"
    export_ledger(db, "json", out=out)
    json.loads(out.read_text())  # valid JSON
    run = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score_ledger.py"), str(shared_dir / "seeds" / "expected.json"),
         str(out), "--verbose"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = dict(line.split(": ", 1) for line in run.stdout.splitlines() if ": " in line and "=" in line)
    for section in SECTIONS:
        assert lines.get(section, "").endswith("= 1.000"), run.stdout
