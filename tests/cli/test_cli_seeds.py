"""The seed check of issue 2: ingest the two seed reports, export JSON, score with the shared scorer."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.cli import main

# The bar the whole pipeline must clear on the seeds (issue 2).
MIN_SCORE = 0.90


@pytest.mark.shared
def test_seed_ledger_scores(shared_dir: Path, tmp_path: Path, capsys) -> None:
    seeds = shared_dir / "seeds"
    db = tmp_path / "s.db"
    assert main(["ingest", "--db", str(db), "--manifest", str(seeds / "manifest.jsonl"), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "json"]) == 0
    ledger = tmp_path / "s.json"
    ledger.write_text(capsys.readouterr().out)
    doc = json.loads(ledger.read_text())
    assert sorted(Path(a["source_file"]).name for a in doc["articles"]) == sorted(
        json.loads(line)["path"]
        for line in (seeds / "manifest.jsonl").read_text().splitlines()
        if line.strip()
    )
    p = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score_ledger.py"),
            str(seeds / "expected.json"),
            str(ledger),
        ],
        capture_output=True,
        text=True,
    )
    m = re.search(r"^score: ([0-9.]+)", p.stdout, re.M)
    assert m, p.stdout + p.stderr
    print(p.stdout)
    assert float(m.group(1)) >= MIN_SCORE, p.stdout


@pytest.mark.shared
def test_seed_ledger_csv_loads_with_pandas_and_parquet_round_trips(
    shared_dir: Path, tmp_path: Path, capsys
) -> None:
    pd = pytest.importorskip("pandas")
    from newsledger.export.acled import COLUMNS

    db = tmp_path / "s.db"
    manifest = shared_dir / "seeds" / "manifest.jsonl"
    assert main(["ingest", "--db", str(db), "--manifest", str(manifest), "--quiet"]) == 0
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "s.csv"), "-q"]) == 0
    df = pd.read_csv(tmp_path / "s.csv")
    assert tuple(df.columns) == COLUMNS
    assert main(["export", "--db", str(db), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    occurred = [e for e in doc["events"] if e["status"] in ("occurred", "unknown")]
    assert len(df) == len(occurred)
    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "pq"), "-q"]) == 0
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    assert list(events["id"]) == [e["id"] for e in doc["events"]]
    assert [None if pd.isna(d) else d for d in events["date"]] == [e["date"] for e in doc["events"]]
    for kind in ("timexes", "places", "figures", "claims"):
        table = pd.read_parquet(tmp_path / "pq" / f"{kind}.parquet")
        assert list(zip(table["start"], table["end"], table["text"], strict=True)) == [
            (m["start"], m["end"], m["text"]) for m in doc["mentions"][kind]
        ]
