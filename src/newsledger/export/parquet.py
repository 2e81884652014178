"""The ledger as Parquet: one file per table, readable by pandas, polars and DuckDB.

Tables: ``articles``, ``timexes``, ``places``, ``figures``, ``claims`` (mentions, one row
each), ``events`` (location flattened), ``event_sources``, ``conflicts`` (one row per field and
value), ``commitments`` and ``deadline_history``. Needs the ``[parquet]`` extra (pyarrow).
Schemas are fixed, so an empty table still has its columns and types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..serialize import claim_json, figure_json, place_json, timex_json
from ..store import Store

S, I, F, D, B = "string", "int64", "float64", "date32", "bool"  # noqa: E741
LS = "list<string>"

SCHEMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", S), ("source_file", S), ("url", S), ("outlet", S), ("title", S), ("published", D),
        ("published_source", S), ("language", S), ("duplicate_of", S), ("text", S),
    ),
    "timexes": (("article", S), ("start", I), ("end", I), ("text", S), ("type", S), ("value", S),
                ("mod", S), ("anchor", S), ("precision", S)),
    "places": (("article", S), ("start", I), ("end", I), ("text", S), ("name", S), ("country", S),
               ("admin1", S), ("latitude", F), ("longitude", F), ("feature", S), ("gazetteer_id", S),
               ("score", F)),
    "figures": (("article", S), ("start", I), ("end", I), ("text", S), ("value", F), ("kind", S),
                ("approx", S), ("counts_what", S)),
    "claims": (("article", S), ("start", I), ("end", I), ("text", S), ("source", S), ("cue", S),
               ("source_start", I), ("source_end", I), ("cue_start", I), ("cue_end", I)),
    "events": (
        ("id", S), ("event_type", S), ("sub_event_type", S), ("date", S), ("date_precision", S),
        ("actor1", S), ("actor2", S), ("assoc_actors", LS), ("location", S), ("country", S),
        ("admin1", S), ("latitude", F), ("longitude", F), ("geo_precision", S), ("gazetteer_id", S),
        ("fatalities", I), ("injured", I), ("fatalities_low", I), ("fatalities_high", I), ("status", S),
        ("n_sources", I), ("conflict_fields", LS), ("merge_reasons", LS),
    ),
    "event_sources": (("event_id", S), ("article", S), ("start", I), ("end", I), ("attributed_to", S)),
    "conflicts": (("event_id", S), ("field", S), ("value", S), ("articles", LS)),
    "commitments": (
        ("id", S), ("obligor", S), ("beneficiary", S), ("action", S), ("location", S), ("country", S),
        ("latitude", F), ("longitude", F), ("deadline", S), ("status", S), ("fulfilled_by", S),
        ("fulfilled_on", S), ("n_sources", I),
    ),
    "deadline_history": (("commitment_id", S), ("order", I), ("deadline", S), ("amendment", S),
                         ("article", S), ("start", I), ("end", I)),
}  # fmt: skip


def _schema(pa: Any, table: str) -> Any:
    types = {
        S: pa.string(),
        I: pa.int64(),
        F: pa.float64(),
        D: pa.date32(),
        B: pa.bool_(),
        LS: pa.list_(pa.string()),
    }
    return pa.schema([(name, types[t]) for name, t in SCHEMAS[table]])


def _loc(loc: Any, *names: str) -> dict[str, Any]:
    keys = {"location": "name"}
    return {n: (getattr(loc, keys.get(n, n)) if loc is not None else None) for n in names}


class _TableWriter:
    """Rows of one table, flushed to a ``.parquet.part`` file in row groups of ``CHUNK``."""

    CHUNK = 20_000

    def __init__(self, pa: Any, pq: Any, folder: Path, table: str) -> None:
        self.pa, self.table = pa, table
        self.schema = _schema(pa, table)
        self.names = [f.name for f in self.schema]
        self.path = folder / f"{table}.parquet"
        self.tmp = self.path.with_name(self.path.name + ".part")
        self.writer = pq.ParquetWriter(self.tmp, self.schema)
        self.rows: list[dict[str, Any]] = []
        self.n = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            data = self.pa.Table.from_pylist(
                [{k: r.get(k) for k in self.names} for r in self.rows], schema=self.schema
            )
            self.writer.write_table(data)
            self.n += len(self.rows)
            self.rows = []

    def close(self) -> tuple[Path, int]:
        self.flush()
        if self.n == 0:  # an empty table still has its schema
            self.writer.write_table(self.schema.empty_table())
        self.writer.close()
        self.tmp.replace(self.path)
        return self.path, self.n


def _write_rows(store: Store, w: dict[str, _TableWriter]) -> None:
    for ann in store.annotated(fields=("timexes", "places", "figures", "claims")):
        a = ann.article
        w["articles"].add(
            {
                "id": a.id, "source_file": a.source_file, "url": a.url, "outlet": a.outlet, "title": a.title,
                "published": a.published, "published_source": a.published_source, "language": a.language,
                "duplicate_of": a.duplicate_of, "text": a.text,
            }
        )  # fmt: skip
        for t in ann.timexes:
            w["timexes"].add(timex_json(t))
        for p in ann.places:
            w["places"].add(place_json(p))
        for f in ann.figures:
            w["figures"].add(figure_json(f))
        for c in ann.claims:
            w["claims"].add(claim_json(c))
    for e in store.events():
        w["events"].add(
            {
                "id": e.id, "event_type": e.event_type, "sub_event_type": e.sub_event_type, "date": e.date,
                "date_precision": e.date_precision, "actor1": e.actor1, "actor2": e.actor2,
                "assoc_actors": list(e.assoc_actors),
                **_loc(e.location, "location", "country", "admin1", "latitude", "longitude", "geo_precision",
                       "gazetteer_id"),
                "fatalities": e.fatalities, "injured": e.injured, "fatalities_low": e.fatalities_low,
                "fatalities_high": e.fatalities_high, "status": e.status,
                "n_sources": len({s.article for s in e.sources}),
                "conflict_fields": [c.field for c in e.conflicts], "merge_reasons": list(e.merge_reasons),
            }
        )  # fmt: skip
        for s in e.sources:
            w["event_sources"].add(
                {
                    "event_id": e.id,
                    "article": s.article,
                    "start": s.start,
                    "end": s.end,
                    "attributed_to": s.attributed_to,
                }
            )
        for conflict in e.conflicts:
            for v in conflict.values:
                value = v.value if isinstance(v.value, str) or v.value is None else json.dumps(v.value)
                w["conflicts"].add(
                    {"event_id": e.id, "field": conflict.field, "value": value, "articles": list(v.articles)}
                )
    for k in store.commitments():
        w["commitments"].add(
            {
                "id": k.id, "obligor": k.obligor, "beneficiary": k.beneficiary, "action": k.action,
                **_loc(k.location, "location", "country", "latitude", "longitude"),
                "deadline": k.deadline, "status": k.status, "fulfilled_by": k.fulfilled_by,
                "fulfilled_on": k.fulfilled_on, "n_sources": len({s.article for s in k.sources}),
            }
        )  # fmt: skip
        for i, h in enumerate(k.deadline_history):
            w["deadline_history"].add(
                {
                    "commitment_id": k.id, "order": i, "deadline": h.deadline, "amendment": h.amendment,
                    "article": h.article, "start": h.start, "end": h.end,
                }
            )  # fmt: skip


def write_parquet(store: Store, folder: Path) -> list[tuple[Path, int]]:
    """Write one ``<table>.parquet`` per table into ``folder``; returns (file, rows) pairs."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise MissingExtraError("parquet", "pyarrow") from e
    folder.mkdir(parents=True, exist_ok=True)
    writers = {t: _TableWriter(pa, pq, folder, t) for t in SCHEMAS}
    try:
        _write_rows(store, writers)
    except BaseException:
        for w in writers.values():
            w.writer.close()
            w.tmp.unlink(missing_ok=True)
        raise
    return [w.close() for w in writers.values()]
