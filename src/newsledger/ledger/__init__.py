"""The library functions behind the command line (each CLI command calls one of these).

* :func:`ingest` — files/manifest → extract → store → reconcile (``newsledger ingest``)
* :func:`ingest_parquet` — files/manifest → extract → partitioned Parquet (``ingest --out``)
* :func:`extract_documents` — stateless extraction, streamed in input order (``extract``)
* :func:`export_ledger` — the ledger in json / csv / parquet / geojson (``export``)
* :func:`load_ledger`, :func:`timeline`, :func:`find_events`, :func:`event_detail`,
  :func:`stats`, :func:`search` — reading the ledger (``timeline``, ``events``, ``show``, ``stats``)
"""

from __future__ import annotations

from ..export import FORMATS, ExportReport, export_ledger
from .build import Failure, IngestReport, ingest, reconcile_ledger, update_ledger
from .documents import extract_documents
from .query import EventDetail, SourceView, event_detail, find_events, load_ledger, search, stats, timeline
from .to_parquet import ingest_parquet

__all__ = [
    "FORMATS",
    "EventDetail",
    "ExportReport",
    "Failure",
    "IngestReport",
    "SourceView",
    "event_detail",
    "export_ledger",
    "extract_documents",
    "find_events",
    "ingest",
    "ingest_parquet",
    "load_ledger",
    "reconcile_ledger",
    "search",
    "stats",
    "timeline",
    "update_ledger",
]
