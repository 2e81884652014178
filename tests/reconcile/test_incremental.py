"""Incremental reconcile: ingesting articles batch by batch, in any order, gives the ledger a full
reconcile of the same articles gives, and an ingest rewrites only the events it can join."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.ledger import export_ledger, ingest, reconcile_ledger, update_ledger
from newsledger.model import AnnotatedArticle
from newsledger.reconcile import reconcile
from newsledger.serialize import commitment_to_dict, event_to_dict
from newsledger.store import Store

from .factory import Doc
from .test_properties import article, build


def _canon(events: object, commitments: object) -> tuple[list[str], list[str]]:
    ev = [json.dumps(event_to_dict(e), sort_keys=True) for e in events]  # type: ignore[attr-defined]
    cm = [json.dumps(commitment_to_dict(c), sort_keys=True) for c in commitments]  # type: ignore[attr-defined]
    return ev, cm


def _stored(store: Store) -> tuple[list[str], list[str]]:
    return _canon(store.events(), store.commitments())


def _with_commitments(docs: list[AnnotatedArticle], extra: list[int]) -> list[AnnotatedArticle]:
    """Add articles with a commitment (some amended) at places the events use."""
    out = list(docs)
    for n, day in enumerate(extra):
        d = Doc(f"2024-03-{day:02d}", outlet=f"pledge{n}")
        sentence = f"Fighters will withdraw from Westport before 2024-03-{day + 2:02d} (note {n})."
        d.commitment(
            sentence,
            "withdraw",
            place_name="Westport",
            deadline=f"2024-03-{day + 2:02d}",
            amendment="postponed" if n % 2 else None,
        )
        out.append(d.build())
    return out


@settings(max_examples=40, deadline=None)
@given(
    st.lists(article, min_size=1, max_size=7),
    st.lists(st.integers(1, 12), max_size=2),
    st.randoms(use_true_random=False),
    st.integers(1, 4),
)
def test_incremental_in_any_order_equals_full_recompute(spec, pledges, rnd, n_batches):
    docs = _with_commitments(build(spec), pledges)
    expected_events, expected_commitments = _canon(*reconcile(docs))
    order = list(docs)
    rnd.shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "l.db")
        try:
            for b in range(n_batches):
                batch = order[b::n_batches]
                if batch:
                    store.put_annotated(batch)
                    update_ledger(store)
            events, commitments = _stored(store)
            assert sorted(events) == sorted(expected_events)
            assert commitments == expected_commitments
            # the stored order is the full pass's order too
            reconcile_ledger(store)
            assert _stored(store) == (events, commitments)
        finally:
            store.close()


def test_ingest_touches_only_joinable_events(tmp_path):
    a = Doc("2024-03-02", outlet="one")
    a.event("Fighters attacked the market in Westport.", "attacked", "Violence against civilians", "Attack",
            date="2024-03-01", place_name="Westport")  # fmt: skip
    b = Doc("2024-03-05", outlet="two")
    b.event("Police arrested ten people in Millbrook.", "arrested", "Strategic developments", "Arrests",
            date="2024-03-04", place_name="Millbrook")  # fmt: skip
    c = Doc("2024-03-03", outlet="three")
    c.event("Fighters attacked the market in Westport, witnesses said.", "attacked",
            "Violence against civilians", "Attack", date="2024-03-01", place_name="Westport")  # fmt: skip
    store = Store(tmp_path / "l.db")
    try:
        store.put_annotated([a.build(), b.build()])
        update_ledger(store)
        before = {e.id: e for e in store.events()}
        arrests = next(e for e in before.values() if e.event_type == "Strategic developments")
        rowid = store.conn.execute("SELECT rowid FROM events WHERE id = ?", (arrests.id,)).fetchone()[0]
        store.put_annotated([c.build()])
        assert update_ledger(store)[0] == 1  # one event rewritten: the attack, now with two sources
        after = store.events()
        assert len(after) == 2
        # the unrelated event was not rewritten
        assert (
            store.conn.execute("SELECT rowid FROM events WHERE id = ?", (arrests.id,)).fetchone()[0] == rowid
        )
        attack = next(e for e in after if e.event_type == "Violence against civilians")
        assert len({s.article for s in attack.sources}) == 2
    finally:
        store.close()


def _manifest(shared_dir: Path, tmp_path: Path, lines: list[int], name: str) -> Path:
    src = (shared_dir / "seeds" / "manifest.jsonl").read_text().splitlines()
    out = tmp_path / name
    rows = []
    for i in lines:
        obj = json.loads(src[i])
        obj["path"] = str(shared_dir / "seeds" / obj["path"])
        rows.append(json.dumps(obj))
    out.write_text("\n".join(rows) + "\n")
    return out


def _ledger_sections(db: Path, tmp_path: Path) -> tuple[object, object]:
    out = tmp_path / (db.stem + ".json")
    export_ledger(db, "json", out=out)
    data = json.loads(out.read_text())
    return data["events"], data["commitments"]


@pytest.mark.slow
@pytest.mark.shared
def test_seed_reports_one_at_a_time_in_either_order_equal_one_shot(shared_dir, tmp_path, ctx):
    n = len((shared_dir / "seeds" / "manifest.jsonl").read_text().splitlines())
    one_shot = tmp_path / "all.db"
    ingest(db=one_shot, manifest=_manifest(shared_dir, tmp_path, list(range(n)), "all.jsonl"), ctx=ctx)
    expected = _ledger_sections(one_shot, tmp_path)
    assert expected[0] and expected[1]
    for name, order in (("forward", range(n)), ("reverse", reversed(range(n)))):
        db = tmp_path / f"{name}.db"
        for i in order:
            ingest(db=db, manifest=_manifest(shared_dir, tmp_path, [i], f"{name}{i}.jsonl"), ctx=ctx)
        assert _ledger_sections(db, tmp_path) == expected, name
