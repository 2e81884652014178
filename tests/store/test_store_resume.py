"""Ingest into the store: idempotent, resumable after a crash, near-duplicates linked."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.errors import InputError
from newsledger.export import export_ledger
from newsledger.ingest import article_id
from newsledger.ledger import ingest
from newsledger.model import Article
from newsledger.store import Store

TOWNS = ("Northville", "Southport", "Eastbrook", "Westfield", "Lakeside", "Hillcrest")


def report_text(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (
        f"Bridge {i} reopens in {town}\n\n"
        f"The council of {town} said on Monday that bridge number {i} reopened after {i % 9 + 2} weeks "
        f"of repairs costing {i * 1000 + 500} dollars. Residents had complained about detours, officials said."
    )


def make_articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = report_text(i)
        out.append(Article(id=article_id(text), text=text, title=text.split("\n")[0],
                           published=dt.date(2021, 3, 1 + i % 28), source_file=f"r{i:03d}.txt"))  # fmt: skip
    return out


def reader_of(items: list[Article | InputError], crash_after: int | None = None):
    def read(inputs, manifest=None, defaults=None, on_warning=None) -> Iterator[Article | InputError]:
        for k, item in enumerate(items):
            if crash_after is not None and k == crash_after:
                raise KeyboardInterrupt  # the process dies here
            yield item

    return read


def export_json(db: Path) -> dict:
    buf = io.StringIO()
    export_ledger(db, "json", stream=buf)
    return json.loads(buf.getvalue())


def test_interrupted_ingest_keeps_whole_batches_and_a_rerun_completes(ctx, tmp_path: Path) -> None:
    arts = make_articles(40)
    ref = tmp_path / "ref.db"
    ingest(db=ref, reader=reader_of(list(arts)), ctx=ctx, batch_size=8)
    db = tmp_path / "crash.db"
    with pytest.raises(KeyboardInterrupt):
        ingest(db=db, reader=reader_of(list(arts), crash_after=21), ctx=ctx, batch_size=8)
    with Store(db) as s:
        assert s.integrity_check() == "ok"
        n = s.counts()["articles"]
        assert n % 8 == 0 and n <= 21  # whole batches only
        assert s.needs_reconcile or n == 0
    assert export_ledger(db, "json", stream=io.StringIO()).stale == (n > 0)
    report = ingest(db=db, reader=reader_of(list(arts)), ctx=ctx, batch_size=8)
    assert report.already_stored == n and report.stored == 40 - n
    assert export_json(db) == export_json(ref)


def test_rerun_is_idempotent_and_failures_are_reported(ctx, tmp_path: Path) -> None:
    arts = make_articles(5)
    bad = InputError("empty file", "add text", "broken.txt")
    db = tmp_path / "l.db"
    seen = []
    r1 = ingest(db=db, reader=reader_of([arts[0], bad, *arts[1:]]), ctx=ctx, on_failure=seen.append)
    assert r1.stored == 5 and not r1.ok and [f.path for f in seen] == ["broken.txt"]
    assert r1.failures[0].line().startswith("broken.txt: empty file")
    before = export_json(db)
    r2 = ingest(db=db, reader=reader_of([*arts, arts[0]]), ctx=ctx)
    assert r2.stored == 0 and r2.already_stored == 6 and r2.ok and not r2.reconciled
    assert export_json(db) == before
    r3 = ingest(db=tmp_path / "fresh.db", reader=reader_of([arts[0], arts[1], arts[0]]), ctx=ctx)
    assert r3.stored == 2 and r3.repeated == 1 and r3.already_stored == 0


def test_undated_articles_are_listed(ctx, tmp_path: Path) -> None:
    arts = make_articles(3)
    undated = Article(id="u" * 16, text="Undated note\n\nA fair opened yesterday.", source_file="undated.txt")
    report = ingest(db=tmp_path / "l.db", reader=reader_of([*arts, undated]), ctx=ctx)
    assert report.undated == ["undated.txt"]


def test_near_duplicates_are_linked_to_the_first_copy(ctx, tmp_path: Path) -> None:
    text = " ".join(report_text(i).split("\n\n")[1] for i in range(7, 12))
    copy = "Syndicated copy\n\n" + text + "\nCopyright 2021, all rights reserved."
    a = Article(id=article_id(text), text=text, published=dt.date(2021, 3, 2), source_file="a.txt")
    b = Article(id=article_id(copy), text=copy, published=dt.date(2021, 3, 2), source_file="b.txt")
    other = make_articles(3)[1]
    report = ingest(db=tmp_path / "l.db", reader=reader_of([a, other, b]), ctx=ctx)
    assert report.duplicates == 1
    with Store(tmp_path / "l.db") as s:
        assert s.article(b.id).duplicate_of == a.id  # type: ignore[union-attr]
        assert s.article(other.id).duplicate_of is None  # type: ignore[union-attr]
    # a later run compares with stored fingerprints too
    c = Article(
        id=article_id(copy + " "), text=copy + " ", published=dt.date(2021, 3, 3), source_file="c.txt"
    )
    report = ingest(db=tmp_path / "l.db", reader=reader_of([c]), ctx=ctx)
    assert report.duplicates == 1


def test_second_writer_waits_and_says_why(tmp_path: Path) -> None:
    import threading

    from newsledger.store import writer_lock

    db = tmp_path / "l.db"
    said: list[str] = []
    order: list[str] = []
    with writer_lock(db):
        t = threading.Thread(target=lambda: _hold(db, said, order))
        t.start()
        t.join(0.5)
        order.append("first done")
    t.join()
    assert said and "waiting" in said[0]
    assert order == ["first done", "second"]


def _hold(db: Path, said: list[str], order: list[str]) -> None:
    from newsledger.store import writer_lock

    with writer_lock(db, on_wait=said.append):
        order.append("second")


def test_an_article_that_trips_a_stage_is_reported_and_the_rest_go_on(
    ctx, tmp_path: Path, monkeypatch
) -> None:
    from newsledger import pipeline
    from newsledger.ledger import extract_documents

    def boom(article, ctx):  # type: ignore[no-untyped-def]
        if "BOOM" in article.article.text:
            raise ValueError("stage bug")
        return article

    monkeypatch.setattr(pipeline, "default_stages", lambda: (pipeline.Stage("boom", boom),))
    arts = make_articles(6)
    bad_text = "BOOM\n\nThis text trips the stage."
    bad = Article(id=article_id(bad_text), text=bad_text, source_file="bad.txt")
    items = [*arts[:3], bad, *arts[3:]]
    report = ingest(db=tmp_path / "l.db", reader=reader_of(items), ctx=ctx, batch_size=4)
    assert report.stored == 6 and [f.path for f in report.failures] == ["bad.txt"]
    assert "extraction failed (ValueError: stage bug)" in report.failures[0].reason
    out = list(extract_documents(reader=reader_of(items), ctx=ctx, batch_size=4))
    assert [getattr(x, "path", None) for x in out] == [None, None, None, "bad.txt", None, None, None]
    assert [x.article.id for x in out if not isinstance(x, InputError)] == [a.id for a in arts]


def test_a_reconcile_bug_keeps_the_stored_articles(ctx, tmp_path: Path, monkeypatch) -> None:
    import newsledger.ledger.incremental as inc
    from newsledger.errors import NewsledgerError

    def broken(store, as_of=None):  # type: ignore[no-untyped-def]
        raise RuntimeError("oops")

    monkeypatch.setattr(inc, "update_ledger", broken)
    monkeypatch.setattr(inc, "full_pass", broken)
    db = tmp_path / "l.db"
    with pytest.raises(NewsledgerError, match="reconciling the ledger failed"):
        ingest(db=db, reader=reader_of(make_articles(3)), ctx=ctx)
    with Store(db) as s:
        assert s.counts()["articles"] == 3 and s.needs_reconcile


def test_exact_copies_from_other_sources_are_linked_not_dropped(ctx, tmp_path: Path) -> None:
    from dataclasses import replace

    a = make_articles(1)[0]
    copy = replace(a, source_file="elsewhere/other-name.txt")
    same_file_elsewhere = replace(a, source_file="another/folder/r000.txt")  # same file name: same source
    db = tmp_path / "l.db"
    r1 = ingest(db=db, reader=reader_of([a, copy, same_file_elsewhere]), ctx=ctx)
    assert r1.stored == 2 and r1.duplicates == 1 and r1.repeated == 1
    with Store(db) as s:
        arts = list(s.articles())
    assert [x.duplicate_of for x in arts] == [None, a.id]
    assert arts[1].text == a.text and arts[1].id != a.id
    assert arts[1].source_file == "elsewhere/other-name.txt"
    r2 = ingest(db=db, reader=reader_of([copy, a]), ctx=ctx)  # re-ingesting changes nothing
    assert r2.stored == 0 and r2.already_stored == 2 and r2.duplicates == 0
    doc = export_json(db)
    assert [x["duplicate_of"] for x in doc["articles"]] == [None, a.id]
