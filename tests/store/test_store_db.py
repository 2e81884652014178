"""The SQLite ledger: schema, idempotent batches, reads, search, the reconciled ledger."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from ledger_strategies import annotated, commitments, events

from newsledger.errors import StoreError
from newsledger.model import AnnotatedArticle, Article, Event, Location, Source, Span, Timex
from newsledger.store import SCHEMA_VERSION, Store, date_bounds, open_store


def make_article(i: int, text: str | None = None, published: dt.date | None = dt.date(2021, 3, 1)) -> Article:
    body = text or f"Report {i}. Officials in Northville said a bridge reopened on Monday."
    return Article(
        id=f"{i:016x}", text=body, title=f"Report {i}", published=published, source_file=f"r{i}.txt"
    )


def make_annotated(i: int, **kw) -> AnnotatedArticle:
    a = make_article(i, **kw)
    t = Timex(Span(a.id, 56, 65), "on Monday", "DATE", "2021-03-01")
    return AnnotatedArticle(
        article=a, sentences=(Span(a.id, 0, 10), Span(a.id, 11, len(a.text))), timexes=(t,)
    )


def make_event(eid: str, date: str | None, aid: str, **kw) -> Event:
    base = dict(
        id=eid, event_type="Strategic developments", sub_event_type="Other", date=date, date_precision="day",
        actor1="Northville officials", actor2=None, assoc_actors=(),
        location=Location("Northville", "US", None, 40.0, -75.0, "town"), fatalities=None, injured=None,
        status="occurred", sources=(Source(aid, 11, 40, "Officials"),),
    )  # fmt: skip
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "l.db") as s:
        yield s


def test_new_database_has_current_schema_and_wal(tmp_path) -> None:
    with Store(tmp_path / "l.db") as s:
        assert s.version == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "l.db") as s:  # reopening does not migrate again
        assert s.version == SCHEMA_VERSION


def test_batches_are_idempotent(store) -> None:
    batch = [make_annotated(i) for i in range(3)]
    assert store.put_annotated(batch, ["dates"]) == 3
    assert store.put_annotated(batch, ["dates"]) == 0
    assert store.counts()["articles"] == 3
    assert store.existing_ids([b.article.id for b in batch] + ["nope"]) == {b.article.id for b in batch}


def test_stored_annotations_come_back_equal(store) -> None:
    batch = [make_annotated(i) for i in range(3)]
    store.put_annotated(batch)
    assert list(store.annotated()) == batch
    assert list(store.annotated([batch[1].article.id])) == [batch[1]]
    assert store.article(batch[2].article.id) == batch[2].article
    assert store.counts()["timexes"] == 3


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(annotated())
def test_any_annotated_article_round_trips_through_sqlite(tmp_path, ann) -> None:
    with Store(tmp_path / "h.db") as s:
        s.conn.execute("DELETE FROM annotations")
        s.conn.execute("DELETE FROM articles")
        s.put_annotated([ann])
        assert list(s.annotated()) == [ann]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(events, commitments)
def test_any_ledger_round_trips_through_sqlite(tmp_path, e, c) -> None:
    with Store(tmp_path / "h2.db") as s:
        s.replace_ledger([e], [c])
        assert s.events() == [e]
        assert s.event(e.id) == e
        assert s.commitments() == [c]


def test_failed_batch_leaves_nothing(store) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.transaction() as c:
        c.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
        raise Boom
    assert store.get_meta("x") is None


def test_replace_ledger_replaces_and_marks_current(store) -> None:
    store.put_annotated([make_annotated(1)])
    assert store.needs_reconcile
    aid = make_article(1).id
    store.replace_ledger([make_event("e1", "2021-03-01", aid), make_event("e2", None, aid)], [])
    assert not store.needs_reconcile
    store.replace_ledger([make_event("e3", "2021-03-02", aid)], [])
    assert [e.id for e in store.events()] == ["e3"]
    rows = store.conn.execute("SELECT event_id, article_id FROM event_sources").fetchall()
    assert rows == [("e3", aid)]


def test_event_filters(store) -> None:
    aid = make_article(1).id
    store.replace_ledger(
        [
            make_event(
                "a", "2021-03-01", aid, event_type="Battles", sub_event_type="Armed clash", actor2="Rebels"
            ),
            make_event("b", "2021-04", aid, location=Location("Southport", "GB", None, 53.6, -3.0, "town")),
            make_event("c", "2020-12-30/2021-01-02", aid),
            make_event("d", None, aid),
        ],
        [],
    )
    ids = lambda **kw: [e.id for e in store.events(**kw)]  # noqa: E731
    assert ids() == ["c", "a", "b", "d"]  # by date, undated last
    assert ids(type="battles") == ["a"]
    assert ids(type="armed clash") == ["a"]
    assert ids(place="southport") == ["b"]
    assert ids(place="GB") == ["b"]
    assert ids(actor="rebels") == ["a"]
    assert ids(since="2021-03-15") == ["b"]
    assert ids(until="2021-01-01") == ["c"]
    assert ids(since="2021-01", until="2021-03") == ["c", "a"]
    assert ids(article=aid) == ["c", "a", "b", "d"]


def test_date_bounds() -> None:
    assert date_bounds("2021-03-01") == ("2021-03-01", "2021-03-01")
    assert date_bounds("2021-03") == ("2021-03-01", "2021-03-31")
    assert date_bounds("1992") == ("1992-01-01", "1992-12-31")
    assert date_bounds("1992-02-25/1992-02-26") == ("1992-02-25", "1992-02-26")
    assert date_bounds(None) == (None, None)
    assert date_bounds("P5Y") == (None, None)


def test_full_text_search(store) -> None:
    store.put_annotated([make_annotated(1), make_annotated(2, text="Flooding closed the harbour road.")])
    hits = store.search("harbour")
    assert [h[0] for h in hits] == [make_article(2).id]
    assert "[harbour]" in hits[0][1]
    assert store.search('unbalanced "quote') == []  # bad FTS syntax is searched as a phrase


def test_readonly_store_refuses_writes_and_missing_files(tmp_path) -> None:
    with pytest.raises(StoreError, match="no ledger"):
        Store(tmp_path / "missing.db", readonly=True)
    Store(tmp_path / "l.db").close()
    with Store(tmp_path / "l.db", readonly=True) as s:
        assert s.counts()["articles"] == 0
        with pytest.raises(StoreError):
            s.put_annotated([make_annotated(1)])


def test_not_a_database_is_a_store_error(tmp_path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(bad)


def test_newer_schema_is_refused(tmp_path) -> None:
    Store(tmp_path / "l.db").close()
    c = sqlite3.connect(tmp_path / "l.db")
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "l.db")


def test_missing_folder_is_reported(tmp_path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "l.db")


def test_readers_are_not_blocked_by_a_writer(tmp_path) -> None:
    with Store(tmp_path / "l.db") as w:
        w.put_annotated([make_annotated(1)])
        with w.transaction():
            w.conn.execute(  # a write transaction left open
                "INSERT INTO meta(key, value) VALUES ('busy', '1')"
            )
            with Store(tmp_path / "l.db", readonly=True, timeout=0.5) as r, r.snapshot():
                assert r.counts()["articles"] == 1  # sees the last committed state, no "locked" error
                assert r.get_meta("busy") is None
        with Store(tmp_path / "l.db", readonly=True) as r:
            assert r.get_meta("busy") == "1"


def test_span_text_counts_characters_like_python(store) -> None:
    text = "Ağdam — Xocalı: 5 km ✓ done"
    a = AnnotatedArticle(article=make_article(9, text=text))
    store.put_annotated([a])
    i = text.index("Xocalı")
    assert store.span_text(a.article.id, i, i + 6) == "Xocalı"
