"""Crash safety: SIGKILL an ingest at random moments; the ledger stays valid and a re-run
ends with every article exactly once and the same export as an uninterrupted run."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_ARTICLES = 300
N_KILLS = 20

TOWNS = ("Northville", "Southport", "Eastbrook", "Westfield", "Lakeside", "Hillcrest", "Oakridge", "Riverton")
THINGS = ("bridge", "library", "market", "clinic", "school", "stadium")


def write_corpus(folder: Path, n: int) -> Path:
    rng = random.Random(1)
    folder.mkdir()
    lines = []
    for i in range(n):
        town, thing = TOWNS[i % len(TOWNS)], THINGS[i % len(THINGS)]
        text = (
            f"The {thing} of {town} reopens ({i})\n\n"
            f"The council of {town} said on Monday that the {thing} reopened after {rng.randint(2, 30)} weeks "
            f"of repairs. About {rng.randint(10, 900)} residents attended, officials said. "
            f"Report number {i}."
        )
        (folder / f"r{i:03d}.txt").write_text(text, encoding="utf-8")
        lines.append(json.dumps({"path": f"r{i:03d}.txt", "published": f"2021-03-{1 + i % 28:02d}"}))
    manifest = folder / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n")
    return manifest


def newsledger(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsledger", *args]


def export(db: Path) -> dict:
    p = subprocess.run(
        newsledger("export", "--db", str(db), "--format", "json"), capture_output=True, text=True
    )
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun(tmp_path: Path) -> None:
    manifest = write_corpus(tmp_path / "corpus", N_ARTICLES)
    ingest = ("ingest", "--manifest", str(manifest), "--batch-size", "8", "--quiet")
    ref = tmp_path / "ref.db"
    subprocess.run(newsledger(*ingest, "--db", str(ref)), check=True, capture_output=True)
    db = tmp_path / "killed.db"
    rng = random.Random(7)
    kills = 0
    for _ in range(N_KILLS):
        proc = subprocess.Popen(
            newsledger(*ingest, "--db", str(db)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.2, 2.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        if db.exists():
            con = sqlite3.connect(db)
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            con.close()
    assert kills > 0
    subprocess.run(newsledger(*ingest, "--db", str(db)), check=True, capture_output=True)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (
        N_ARTICLES,
        N_ARTICLES,
    )
    assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == N_ARTICLES
    con.close()
    assert export(db) == export(ref)
