"""Export the ledger: ``json`` (ledger-json.md), ``csv`` (ACLED columns), ``parquet``, ``geojson``.

:func:`export_ledger` is what ``newsledger export`` calls. Text formats go to ``out`` (a path)
or to a given stream; ``parquet`` needs ``out`` to be a folder (one file per table).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..errors import ConfigError
from ..store import Store, open_store

FORMATS = ("json", "csv", "parquet", "geojson")


@dataclass
class ExportReport:
    format: str
    out: str | None  # path written, or None for a stream
    counts: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    stale: bool = False  # articles were stored after the last reconciliation


def export_ledger(
    db: str | Path | Store | None,
    fmt: str,
    out: str | Path | None = None,
    stream: TextIO | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportReport:
    """Write the ledger at ``db`` in format ``fmt`` to ``out`` (path) or ``stream`` (default stdout)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")
    store = open_store(db, readonly=not isinstance(db, Store))
    try:
        report = ExportReport(fmt, str(out) if out is not None else None, stale=store.needs_reconcile)
        if fmt == "parquet":
            if out is None:
                raise ConfigError("parquet export needs a folder", "pass --out DIR")
            from .parquet import write_parquet

            with store.snapshot():
                written = write_parquet(store, Path(out))
            report.files = [str(f) for f, _ in written]
            report.counts = {f.stem: n for f, n in written}
            return report
        writer = _text_writer(fmt)
        if out is not None:
            path = Path(out)
            if path.is_dir():
                path = path / f"ledger.{'csv' if fmt == 'csv' else fmt}"
            tmp = path.with_name(path.name + ".part")
            newline = "" if fmt == "csv" else None
            with open(tmp, "w", encoding="utf-8", newline=newline) as fh, store.snapshot():
                report.counts = writer(store, fh, progress)
            tmp.replace(path)  # never leave a half-written file under the real name
            report.out = str(path)
            report.files = [str(path)]
        else:
            with store.snapshot():
                report.counts = writer(store, stream or sys.stdout, progress)
        return report
    finally:
        if not isinstance(db, Store):
            store.close()


def _text_writer(fmt: str) -> Callable[[Store, TextIO, Callable[[int], None] | None], dict[str, int]]:
    if fmt == "json":
        from .jsondoc import write_json

        return write_json
    if fmt == "csv":
        from .acled import write_csv

        return write_csv
    from .geojson import write_geojson

    return write_geojson
