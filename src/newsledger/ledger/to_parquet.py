"""``ingest --out DIR``: read → skip what is written → extract → partitioned Parquet.

For corpora too large for one SQLite ledger. Extraction is the same as :func:`ingest`'s (in
this process, ``workers`` processes or on Dask); only the writing differs (see
:mod:`newsledger.export.partitioned`). There is no reconcile and no near-duplicate linking:
both look across every article, which the SQLite ledger does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..context import Context
from ..errors import InputError
from ..model import Article
from .build import ExtractionFailed, Failure, IngestReport, Progress, Reader, _error_failure, _extractor


def ingest_parquet(
    inputs: Sequence[str | Path] = (),
    out: str | Path = "newsledger-parquet",
    manifest: str | Path | None = None,
    defaults: Any = None,
    progress: Progress | None = None,
    *,
    ctx: Context | None = None,
    stages: Sequence[str] | None = None,
    batch_size: int = 16,
    workers: int = 1,
    dask: str | None = None,
    reader: Reader | None = None,
    max_bytes: int = 64 * 2**20,
    on_failure: Callable[[Failure], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and/or a manifest into partitioned Parquet under ``out``.

    Articles already in ``out`` (same id: the same text) and repeats within the inputs are
    skipped; the report's ``db`` is the folder and its ledger counts stay 0 (nothing is
    reconciled). ``max_bytes`` bounds the rows held in memory before they are written.
    """
    from ..export.partitioned import PartitionedWriter, stored_ids
    from ..pipeline import select_stages

    stage_names = [s.name for s in select_stages(stages)]
    if reader is None:
        from ..ingest import read_articles

        reader = read_articles
    report = IngestReport(db=str(out))
    fail, note_warning = report.recorders(on_failure, on_warning)

    handled = 0
    with PartitionedWriter(out, max_bytes=max_bytes) as writer:
        before = stored_ids(out)
        seen: set[str] = set()
        items = reader(list(inputs), manifest=manifest, defaults=defaults, on_warning=note_warning)

        def fresh() -> Iterator[Article]:
            nonlocal handled
            for item in items:
                handled += 1
                if isinstance(item, InputError):
                    fail(_error_failure(item))
                    continue
                report.read += 1
                if item.id in before:
                    report.already_stored += 1
                    continue
                if item.id in seen:
                    report.repeated += 1
                    continue
                seen.add(item.id)
                yield item

        for n, ann in enumerate(_extractor(fresh(), ctx, stage_names, batch_size, workers, dask), 1):
            if isinstance(ann, ExtractionFailed):
                fail(_error_failure(ann))
                continue
            for w in ann.warnings:
                note_warning(f"{ann.article.source_file or ann.article.id}: {w}")
            writer.add(ann)
            report.stored += 1
            if ann.article.published is None:
                report.undated.append(ann.article.source_file or ann.article.id)
            if progress and n % batch_size == 0:
                progress(handled)
        if progress:
            progress(handled)
    report.articles = len(before) + report.stored
    return report
