"""``serve`` reads the SQLite ledger read-only and follows what an ingest commits meanwhile."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from web_support import fetch, running, write_db

from newsledger.model import Ledger
from newsledger.store import Store
from newsledger.web.server import make_server
from newsledger.web.store_source import StoreSource


def test_view_follows_commits_of_another_connection(tmp_path: Path, ledger: Ledger) -> None:
    db = write_db(tmp_path / "l.db", ledger)
    src = StoreSource(db)
    try:
        first = src.view()
        assert src.view() is first  # unchanged database: the same snapshot, not a reload
        renamed = [
            dataclasses.replace(e, actor1="Renamed actor") if e.id == "ev-clash" else e for e in ledger.events
        ]
        with Store(db) as w:
            w.replace_ledger(renamed, ledger.commitments)
        second = src.view()
        assert second is not first
        assert second.event("ev-clash").actor1 == "Renamed actor"  # type: ignore[union-attr]
    finally:
        src.close()


def test_reads_while_a_writer_holds_a_transaction(tmp_path: Path, ledger: Ledger) -> None:
    """WAL: an open write transaction does not block the page (no 'database is locked')."""
    db = write_db(tmp_path / "l.db", ledger)
    src = StoreSource(db)
    server = make_server(src, "127.0.0.1", 0, quiet=True)
    gen = running(server)
    next(gen)
    writer = Store(db)
    try:
        with writer.transaction() as c:
            c.execute("DELETE FROM events")  # uncommitted: readers still see the old snapshot
            for path in ("/api/events", "/api/meta", "/api/articles/art-a"):
                assert fetch(server.url, path).status == 200
            assert fetch(server.url, "/api/events").json()["total"] == 4
            c.execute("ROLLBACK")
            c.execute("BEGIN")
    finally:
        writer.close()
        next(gen, None)
        src.close()


def test_concurrent_requests(store_server) -> None:
    errors: list[int] = []

    def hit() -> None:
        for path in ("/api/events", "/api/events/ev-shelling", "/api/articles/art-b", "/api/commitments"):
            r = fetch(store_server.url, path)
            if r.status != 200:
                errors.append(r.status)

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []


def test_background_refresh_keeps_answering_with_the_last_snapshot(tmp_path: Path, ledger: Ledger) -> None:
    db = write_db(tmp_path / "l.db", ledger)
    src = StoreSource(db, refresh="background")
    try:
        first = src.view()
        with Store(db) as w:
            w.replace_ledger(ledger.events[:2], ledger.commitments)
        assert src.view() is first  # not blocked by the reload: the previous snapshot answers
        src.wait_refresh(30)
        assert sorted(e.id for e in src.view().ledger.events) == sorted(e.id for e in ledger.events[:2])
    finally:
        src.close()


def test_annotations_are_read_on_demand(ledger_db: Path, ledger: Ledger) -> None:
    src = StoreSource(ledger_db)
    try:
        view = src.view()
        assert view.ledger.annotated == ()
        assert view.article("art-b") == ledger.annotated[1]
        assert view.article("missing") is None
    finally:
        src.close()


def test_serving_during_a_simulated_ingest(tmp_path: Path, ledger: Ledger) -> None:
    """A writer commits batches (articles, then a reconcile) while the page is read: every
    request answers 200, and the page ends up showing the final ledger."""
    db = tmp_path / "l.db"
    Store(db).close()  # an empty, migrated ledger, as after `ingest` created it
    src = StoreSource(db, refresh="background")
    server = make_server(src, "127.0.0.1", 0, quiet=True)
    gen = running(server)
    next(gen)
    statuses: list[int] = []

    def write() -> None:
        with Store(db) as w:
            for k in range(20):
                batch = [
                    dataclasses.replace(a, article=dataclasses.replace(a.article, id=f"{a.article.id}-{k}"))
                    for a in ledger.annotated
                ]
                w.put_annotated(batch)
                w.replace_ledger(ledger.events[: 1 + k % 4], ledger.commitments)
            w.replace_ledger(ledger.events, ledger.commitments)

    writer = threading.Thread(target=write)
    try:
        writer.start()
        while writer.is_alive() and len(statuses) < 2000:
            for path in ("/api/meta", "/api/events", "/api/commitments"):
                statuses.append(fetch(server.url, path).status)
        writer.join(60)
        for _ in range(10):  # background refreshes converge on the last commit
            src.view()
            src.wait_refresh(30)
            if src.is_current():
                break
        assert set(statuses) == {200}
        assert fetch(server.url, "/api/meta").json()["counts"]["events"] == 4
    finally:
        next(gen, None)
        src.close()


def test_a_ledger_replaced_on_disk_is_followed(tmp_path: Path, ledger: Ledger) -> None:
    """`rm ledger.db && newsledger ingest ...` while serving: the page shows the new file."""
    db = write_db(tmp_path / "l.db", ledger)
    src = StoreSource(db)
    try:
        assert len(src.view().ledger.events) == 4
        other = write_db(tmp_path / "new.db", dataclasses.replace(ledger, events=ledger.events[:1]))
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        other.rename(db)
        assert [e.id for e in src.view().ledger.events] == [ledger.events[0].id]
    finally:
        src.close()
