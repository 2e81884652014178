"""`newsledger commitments` lists tracked commitments with their deadline history and status."""

from __future__ import annotations

import json

from newsledger.cli import main
from newsledger.ledger import load_ledger, reconcile_ledger
from newsledger.reconcile.views import commitment_views
from newsledger.store import open_store

from .test_commitments import announcement, handovers


def make_db(tmp_path):
    db = tmp_path / "c.db"
    store = open_store(db)
    try:
        store.put_annotated([announcement().build(), handovers(highmoor=None).build()], ("commitments",))
        reconcile_ledger(store)
    finally:
        store.close()
    return db


def test_views_give_history_in_report_order(tmp_path):
    views = {v.commitment.location.name: v for v in commitment_views(load_ledger(make_db(tmp_path)))}
    stone = views["Stonebridge"]
    assert [h.change.amendment for h in stone.history] == [None, "postponed"]
    assert stone.history[1].quote.startswith("Later the state gave the rebels a delay")
    assert stone.fulfilled_by is not None and stone.fulfilled_by.date == "2024-05-25"
    assert views["Highmoor"].commitment.status == "overdue"


def test_cli_lists_commitments(tmp_path, capsys):
    db = make_db(tmp_path)
    assert main(["commitments", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "OVERDUE" in out and "FULFILLED" in out and "postponed" in out
    assert main(["commitments", "--db", str(db), "--status", "overdue", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in rows] == ["overdue"]
    assert rows[0]["location"]["name"] == "Highmoor"


def test_cli_without_ledger_says_what_to_do(tmp_path, capsys):
    assert main(["commitments", "--db", str(tmp_path / "none.db")]) == 1
    assert "Error:" in capsys.readouterr().err
