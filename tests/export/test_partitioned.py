"""`ingest --out DIR`: partitioned Parquet that pyarrow.dataset (and DuckDB) read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.model import Article

pa_ds = pytest.importorskip("pyarrow.dataset")

TEXTS = (
    ("Police said two people were killed in Lyon on Friday.", dt.date(2024, 3, 9)),
    ("The mayor of Lyon said on Monday that the market would reopen.", dt.date(2024, 3, 12)),
    ("Officials said three people were injured in a fire in Porto on Sunday.", dt.date(2024, 4, 2)),
    ("A statement without a date said the talks would resume.", None),
)


def _articles(texts: Any = TEXTS) -> list[Article]:
    from newsledger.ingest import article_id

    return [Article(id=article_id(t), text=t, published=d) for t, d in texts]


def _reader(articles: list[Article]) -> Any:
    def read(
        inputs: Any, manifest: Any = None, defaults: Any = None, on_warning: Any = None
    ) -> Iterator[Article]:
        return iter(articles)

    return read


def _table(out: Path, name: str) -> Any:
    """A table read back (a table with no rows yet is an empty folder: no columns)."""
    return pa_ds.dataset(out / name, format="parquet", partitioning="hive").to_table()


def _ingest(out: Path, articles: list[Article], ctx: Any, **kw: Any) -> Any:
    from newsledger.ledger import ingest_parquet

    return ingest_parquet(out=out, ctx=ctx, reader=_reader(articles), **kw)


def test_tables_are_partitioned_by_month_and_join_on_article(tmp_path: Path, ctx: Any) -> None:
    arts = _articles()
    report = _ingest(tmp_path / "pq", arts, ctx)
    assert (report.stored, report.articles, report.failures) == (4, 4, [])
    articles = _table(tmp_path / "pq", "articles").to_pylist()
    assert sorted(a["id"] for a in articles) == sorted(a.id for a in arts)
    assert {a["id"]: a["month"] for a in articles} == {
        arts[0].id: "2024-03",
        arts[1].id: "2024-03",
        arts[2].id: "2024-04",
        arts[3].id: "undated",
    }
    assert {a["id"]: a["published"] for a in articles}[arts[0].id] == dt.date(2024, 3, 9)
    events = _table(tmp_path / "pq", "events").to_pylist()
    lyon = [e for e in events if e["article"] == arts[0].id]
    assert [(e["fatalities"], e["location"], e["month"]) for e in lyon] == [(2, "Lyon", "2024-03")]
    places = _table(tmp_path / "pq", "places")
    assert set(places.column("article").to_pylist()) <= {a.id for a in arts}
    text = {a.id: a.text for a in arts}
    for p in places.to_pylist():  # offsets point into the article's text
        assert text[p["article"]][p["start"] : p["end"]] == p["text"]


def test_rerun_skips_written_articles_and_adds_new_ones(tmp_path: Path, ctx: Any) -> None:
    arts = _articles()
    _ingest(tmp_path / "pq", arts[:2], ctx)
    report = _ingest(tmp_path / "pq", arts + arts[:1], ctx)
    assert (report.stored, report.already_stored, report.repeated, report.articles) == (2, 3, 0, 4)
    ids = _table(tmp_path / "pq", "articles").column("id").to_pylist()
    assert sorted(ids) == sorted(a.id for a in arts)


def test_small_buffers_write_many_files_with_the_same_rows(tmp_path: Path, ctx: Any) -> None:
    arts = _articles()
    _ingest(tmp_path / "one", arts, ctx)
    report = _ingest(tmp_path / "many", arts, ctx, max_bytes=1)
    assert report.stored == 4
    assert len(list((tmp_path / "many" / "articles").rglob("*.parquet"))) == 4
    for name in ("articles", "timexes", "places", "figures", "claims", "events", "commitments"):
        one = sorted(map(repr, _table(tmp_path / "one", name).to_pylist()))
        many = sorted(map(repr, _table(tmp_path / "many", name).to_pylist()))
        assert one == many, name


def test_files_of_an_interrupted_flush_are_removed(tmp_path: Path, ctx: Any) -> None:
    from newsledger.export.partitioned import PartitionedWriter

    out = tmp_path / "pq"
    _ingest(out, _articles()[:1], ctx)
    good = next((out / "articles").rglob("*.parquet"))
    orphan = good.parent / "part-deadbeef0000-00000.parquet"  # no marker in _done/: incomplete
    orphan.write_bytes(good.read_bytes())
    writer = PartitionedWriter(out)
    assert writer.removed == 1 and not orphan.exists() and good.exists()
    assert _table(out, "articles").num_rows == 1


def test_duckdb_reads_the_partitions(tmp_path: Path, ctx: Any) -> None:
    duckdb = pytest.importorskip("duckdb")
    _ingest(tmp_path / "pq", _articles(), ctx)
    pattern = str(tmp_path / "pq" / "articles" / "*" / "*.parquet")
    rows = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{pattern}', hive_partitioning = true) GROUP BY month ORDER BY month"
    ).fetchall()
    assert rows == [("2024-03", 2), ("2024-04", 1), ("undated", 1)]


def test_cli_out_writes_parquet(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsledger.cli import cli

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Police said two people were killed in Lyon on Friday.\n", "utf-8")
    result = CliRunner().invoke(
        cli, ["ingest", str(src), "--out", str(tmp_path / "pq"), "--published", "2024-03-09"]
    )
    assert result.exit_code == 0, result.output
    assert _table(tmp_path / "pq", "articles").column("month").to_pylist() == ["2024-03"]
    assert not (tmp_path / "newsledger.db").exists()
