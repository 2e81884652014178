"""Partitioned Parquet written while ingesting (``newsledger ingest --out DIR``), no SQLite.

Layout (Hive partitioning by the article's publication month, ``undated`` when it has none)::

    DIR/articles/month=2024-03/part-<run>-<n>.parquet
    DIR/timexes/month=2024-03/...   places/  figures/  claims/  events/  commitments/
    DIR/_done/part-<run>-<n>        one marker per completed flush

Every row of every table carries ``article`` (or ``id`` in ``articles``), so tables join on it;
``events`` and ``commitments`` are the per-article mentions (what ``newsledger extract``
prints), not reconciled ledger events: reconciling needs every article at once, which is what
the SQLite ledger is for. Rows are buffered and written as one file per table and month at a
time (a *flush*), so memory stays bounded whatever the corpus size. A flush is complete when
its marker exists; files of an incomplete flush (a run killed mid-write) are removed when the
folder is next opened, and the articles of complete flushes are skipped, so re-running the
same ingest completes the rest. ``pyarrow.dataset.dataset(DIR / "events",
partitioning="hive")``, DuckDB's ``read_parquet('DIR/events/*/*.parquet',
hive_partitioning = true)`` and ``dask.dataframe.read_parquet`` read them.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError, StoreError
from ..ledger_json import commitment_mention_json, event_mention_json
from ..model import AnnotatedArticle
from ..serialize import claim_json, figure_json, place_json, timex_json
from .parquet import LS, SCHEMAS, B, D, F, I, S

PARTITION = "month"  # the Hive partition key of every table
UNDATED = "undated"
DONE = "_done"  # folder of flush markers (ignored by pyarrow/Dask: leading underscore)

_LOC = (("location", S), ("country", S), ("admin1", S), ("latitude", F), ("longitude", F),
        ("geo_precision", S), ("gazetteer_id", S))  # fmt: skip

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (*SCHEMAS["articles"], ("warnings", LS)),
    "timexes": SCHEMAS["timexes"],
    "places": (*SCHEMAS["places"], ("role", S)),
    "figures": SCHEMAS["figures"],
    "claims": SCHEMAS["claims"],
    "events": (
        ("article", S), ("start", I), ("end", I), ("trigger", S), ("trigger_start", I), ("trigger_end", I),
        ("event_type", S), ("sub_event_type", S), ("date", S), ("date_precision", S), ("actor1", S),
        ("actor2", S), ("assoc_actors", LS), *_LOC, ("fatalities", I), ("injured", I), ("status", S),
        ("attributed_to", S), ("figures", S), ("rule", S),
    ),
    "commitments": (
        ("article", S), ("start", I), ("end", I), ("text", S), ("obligor", S), ("beneficiary", S),
        ("action", S), *_LOC, ("deadline", S), ("amendment", S), ("status", S), ("attributed_to", S),
    ),
}  # fmt: skip


def month_of(ann: AnnotatedArticle) -> str:
    """The partition of an article: ``YYYY-MM`` of its publication date, or ``undated``."""
    p = ann.article.published
    return f"{p.year:04d}-{p.month:02d}" if p else UNDATED


def _flat_location(row: dict[str, Any]) -> dict[str, Any]:
    loc = row.pop("location", None) or {}
    row["location"] = loc.get("name")
    for k in ("country", "admin1", "latitude", "longitude", "geo_precision", "gazetteer_id"):
        row[k] = loc.get(k)
    return row


def rows_of(ann: AnnotatedArticle) -> dict[str, list[dict[str, Any]]]:
    """The rows one annotated article adds to each table."""
    a = ann.article
    article = {
        "id": a.id, "source_file": a.source_file, "url": a.url, "outlet": a.outlet, "title": a.title,
        "published": a.published, "published_source": a.published_source, "language": a.language,
        "duplicate_of": a.duplicate_of, "text": a.text, "warnings": list(ann.warnings),
    }  # fmt: skip
    events = []
    for m in ann.events:
        row = _flat_location(event_mention_json(m))
        row["attributed_to"] = m.claim.source if m.claim else None
        row["figures"] = json.dumps(row["figures"], ensure_ascii=False) if row["figures"] else None
        events.append(row)
    return {
        "articles": [article],
        "timexes": [timex_json(t) for t in ann.timexes],
        "places": [place_json(p) for p in ann.places],
        "figures": [figure_json(f) for f in ann.figures],
        "claims": [claim_json(c) for c in ann.claims],
        "events": events,
        "commitments": [_flat_location(commitment_mention_json(c)) for c in ann.commitments],
    }


def _schema(pa: Any, table: str) -> Any:
    types = {S: pa.string(), I: pa.int64(), F: pa.float64(), D: pa.date32(), B: pa.bool_(),
             LS: pa.list_(pa.string())}  # fmt: skip
    return pa.schema([(name, types[t]) for name, t in TABLES[table]])


class PartitionedWriter:
    """Buffers rows per table and month and writes them as Parquet files, one flush at a time.

    ``max_bytes`` bounds the buffered article text (plus ~200 bytes per other row); past it,
    every buffer is written (a flush). Use as a context manager, or call :meth:`close`.
    """

    def __init__(self, folder: str | Path, max_bytes: int = 64 * 2**20) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as e:
            raise MissingExtraError("parquet", "pyarrow") from e
        self.pa, self.pq = pa, pq
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise StoreError(
                f"{self.folder} is not a folder", "give --out a folder (new or from a previous --out)"
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in (DONE, *TABLES):  # every table has its folder, even with no rows yet
            (self.folder / name).mkdir(exist_ok=True)
        self.removed = remove_incomplete(self.folder)
        self.schemas = {t: _schema(pa, t) for t in TABLES}
        self.run = uuid.uuid4().hex[:12]
        self.flushes = 0
        self.max_bytes = max_bytes
        self.buffers: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.buffered = 0
        self.rows = dict.fromkeys(TABLES, 0)

    def add(self, ann: AnnotatedArticle) -> None:
        month = month_of(ann)
        for table, rows in rows_of(ann).items():
            if rows:
                self.buffers.setdefault((table, month), []).extend(rows)
                self.buffered += 200 * len(rows)
        self.buffered += len(ann.article.text)
        if self.buffered >= self.max_bytes:
            self.flush()

    def flush(self) -> None:
        """Write every buffer (mention tables first, articles last), then the flush's marker."""
        if not self.buffers:
            return
        name = f"part-{self.run}-{self.flushes:05d}"
        order = sorted(self.buffers, key=lambda k: (k[0] == "articles", k))
        for table, month in order:
            rows = self.buffers[table, month]
            schema = self.schemas[table]
            data = self.pa.Table.from_pylist(
                [{f.name: r.get(f.name) for f in schema} for r in rows], schema=schema
            )
            part = self.folder / table / f"{PARTITION}={month}"
            part.mkdir(parents=True, exist_ok=True)
            tmp = part / f".{name}.parquet.tmp"
            self.pq.write_table(data, tmp)
            os.replace(tmp, part / f"{name}.parquet")
            self.rows[table] += len(rows)
        (self.folder / DONE / name).write_text(json.dumps({t: m for t, m in order}) + "\n", "utf-8")
        self.flushes += 1
        self.buffers = {}
        self.buffered = 0

    def close(self) -> dict[str, int]:
        """Write what is buffered; returns the rows written per table by this writer."""
        self.flush()
        return dict(self.rows)

    def __enter__(self) -> PartitionedWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()  # on an error, buffered rows are dropped: a re-run writes them


def _part_name(path: Path) -> str:
    return path.name.removeprefix(".").removesuffix(".tmp").removesuffix(".parquet")


def remove_incomplete(folder: Path) -> int:
    """Delete the files of flushes that have no marker (a run killed mid-flush); returns how many."""
    done = {p.name for p in (folder / DONE).iterdir()} if (folder / DONE).is_dir() else set()
    removed = 0
    for table in TABLES:
        for path in (folder / table).glob(f"{PARTITION}=*/*"):
            if path.is_file() and _part_name(path) not in done:
                path.unlink()
                removed += 1
    return removed


def stored_ids(folder: str | Path) -> set[str]:
    """Ids of the articles already written to ``folder`` by complete flushes."""
    folder = Path(folder)
    files = sorted((folder / "articles").glob(f"{PARTITION}=*/part-*.parquet"))
    if not files:
        return set()
    import pyarrow.parquet as pq

    ids: set[str] = set()
    for f in files:
        ids.update(pq.read_table(f, columns=["id"]).column("id").to_pylist())
    return ids
