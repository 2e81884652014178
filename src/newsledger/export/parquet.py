"""The ledger as Parquet: one file per table, readable by pandas, polars and DuckDB.

Tables: ``articles``, ``timexes``, ``places``, ``figures``, ``claims`` (mentions, one row
each), ``events`` (location flattened), ``event_sources``, ``conflicts`` (one row per field and
value), ``commitments`` and ``deadline_history``. Needs the ``[parquet]`` extra (pyarrow).
Schemas are fixed, so an empty table still has its columns and types.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..serialize import claim_json, figure_json, place_json, timex_json
from ..store import Store

S, I, F, D, B = "string", "int64", "float64", "date32", "bool"
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
    types = {S: pa.string(), I: pa.int64(), F: pa.float64(), D: pa.date32(), B: pa.bool_(), LS: pa.list_(pa.string())}
    return pa.schema([(name, types[t]) for name, t in SCHEMAS[table]])


def _loc(loc: Any, *names: str) -> dict[str, Any]:
    keys = {"location": "name"}
    return {n: (getattr(loc, keys.get(n, n)) if loc is not None else None) for n in names}


def _rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in SCHEMAS}
    for ann in store.annotated():
        a = ann.article
        rows["articles"].append(
            {
                "id": a.id, "source_file": a.source_file, "url": a.url, "outlet": a.outlet, "title": a.title,
                "published": a.published, "published_source": a.published_source, "language": a.language,
                "duplicate_of": a.duplicate_of, "text": a.text,
            }
        )  # fmt: skip
        rows["timexes"] += [timex_json(t) for t in ann.timexes]
        rows["places"] += [place_json(p) for p in ann.places]
        rows["figures"] += [figure_json(f) for f in ann.figures]
        rows["claims"] += [claim_json(c) for c in ann.claims]
    for e in store.events():
        rows["events"].append(
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
        rows["event_sources"] += [
            {"event_id": e.id, "article": s.article, "start": s.start, "end": s.end, "attributed_to": s.attributed_to}
            for s in e.sources
        ]
        rows["conflicts"] += [
            {
                "event_id": e.id,
                "field": c.field,
                "value": v.value if isinstance(v.value, str) or v.value is None else json.dumps(v.value),
                "articles": list(v.articles),
            }
            for c in e.conflicts
            for v in c.values
        ]
    for k in store.commitments():
        rows["commitments"].append(
            {
                "id": k.id, "obligor": k.obligor, "beneficiary": k.beneficiary, "action": k.action,
                **_loc(k.location, "location", "country", "latitude", "longitude"),
                "deadline": k.deadline, "status": k.status, "fulfilled_by": k.fulfilled_by,
                "fulfilled_on": k.fulfilled_on, "n_sources": len({s.article for s in k.sources}),
            }
        )  # fmt: skip
        rows["deadline_history"] += [
            {
                "commitment_id": k.id, "order": i, "deadline": h.deadline, "amendment": h.amendment,
                "article": h.article, "start": h.start, "end": h.end,
            }
            for i, h in enumerate(k.deadline_history)
        ]  # fmt: skip
    return rows


def write_parquet(store: Store, folder: Path) -> list[tuple[Path, int]]:
    """Write one ``<table>.parquet`` per table into ``folder``; returns (file, rows) pairs."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise MissingExtraError("parquet", "pyarrow") from e
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in _rows(store).items():
        schema = _schema(pa, table)
        names = [f.name for f in schema]
        for r in rows:
            if table == "articles" and isinstance(r.get("published"), str):
                r["published"] = dt.date.fromisoformat(r["published"])
        data = pa.Table.from_pylist([{n: r.get(n) for n in names} for r in rows], schema=schema)
        path = folder / f"{table}.parquet"
        tmp = path.with_name(path.name + ".part")
        pq.write_table(data, tmp)
        tmp.replace(path)
        written.append((path, len(rows)))
    return written
