"""``ingest``: read → skip what is stored → link near-duplicates → extract → store → reconcile.

Each batch of articles is stored with its annotations in one transaction, so a run killed at
any moment leaves a valid ledger of whole batches; running the same ingest again skips the
stored articles (ids are content hashes) and completes the rest, then reconciles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..context import Context
from ..errors import InputError, NewsledgerError
from ..model import AnnotatedArticle, Article
from ..store import Store, open_store, writer_lock
from .dedup import Dedup

Progress = Callable[[int], None]  # called with the number of inputs handled so far
Reader = Callable[..., Iterable[Article | InputError]]


@dataclass(frozen=True)
class Failure:
    """An input that could not be ingested, and why."""

    path: str | None
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


@dataclass
class IngestReport:
    """What an ingest did (``--json`` prints :meth:`to_json`)."""

    db: str
    read: int = 0  # articles read from the inputs
    stored: int = 0  # new articles stored
    already_stored: int = 0  # skipped: the same text is already in the ledger
    repeated: int = 0  # skipped: the same text came twice in these inputs
    duplicates: int = 0  # stored but linked (duplicate_of) to an earlier exact or near-identical copy
    undated: list[str] = field(default_factory=list)  # stored articles with no publication date
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reconciled: bool = False
    articles: int = 0  # in the ledger after the run
    events: int = 0
    conflicts: int = 0
    commitments: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures

    def recorders(
        self,
        on_failure: Callable[[Failure], None] | None,
        on_warning: Callable[[str], None] | None,
    ) -> tuple[Callable[[Failure], None], Callable[[str], None]]:
        """Functions that record a failure / warning in this report, then pass it on."""

        def fail(f: Failure) -> None:
            self.failures.append(f)
            if on_failure is not None:
                on_failure(f)

        def note_warning(msg: str) -> None:
            self.warnings.append(msg)
            if on_warning is not None:
                on_warning(msg)

        return fail, note_warning

    def to_json(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["failures"] = [{"path": f.path, "reason": f.reason} for f in self.failures]
        d["ok"] = self.ok
        return d


def _error_failure(e: InputError) -> Failure:
    reason = e.message
    if e.path and reason.startswith(f"{e.path}: "):
        reason = reason[len(e.path) + 2 :]
    return Failure(e.path, reason)


def ingest(
    inputs: Sequence[str | Path] = (),
    db: str | Path | Store | None = None,
    manifest: str | Path | None = None,
    defaults: Any = None,
    progress: Progress | None = None,
    *,
    ctx: Context | None = None,
    stages: Sequence[str] | None = None,
    batch_size: int = 16,
    workers: int = 1,
    dask: str | None = None,
    as_of: dt.date | None = None,
    reconcile: bool = True,
    reader: Reader | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and/or a manifest into the ledger at ``db``; returns a report.

    ``defaults`` is an ``ingest.Metadata`` built from flags (published, outlet, url).
    ``stages`` limits extraction to some stages (names of ``pipeline.default_stages``).
    Bad inputs are reported (``on_failure``) and skipped; nothing already stored is touched.
    """
    from ..pipeline import select_stages

    stage_objs = select_stages(stages)
    stage_names = [s.name for s in stage_objs]
    if reader is None:
        from ..ingest import read_articles

        reader = read_articles
    store = open_store(db)
    report = IngestReport(db=str(store.path))
    fail, note_warning = report.recorders(on_failure, on_warning)

    handled = 0
    try:
        with writer_lock(store.path, on_wait=on_wait):
            dedup = Dedup(store)
            items = reader(list(inputs), manifest=manifest, defaults=defaults, on_warning=note_warning)

            def fresh() -> Iterator[Article]:
                nonlocal handled
                for item in _chunked_skip(items, store, report, fail):
                    handled += 1
                    if item is None:
                        if progress:
                            progress(handled)
                        continue
                    yield dedup.link(item, report)

            annotated = _extractor(fresh(), ctx, stage_names, batch_size, workers, dask)
            batch: list[AnnotatedArticle] = []
            for ann in annotated:
                if isinstance(ann, InputError):  # extraction failed for this article: not stored
                    dedup.forget(ann.article_id)
                    fail(_error_failure(ann))
                    continue
                for w in ann.warnings:  # e.g. the text was cut for analysis
                    note_warning(f"{ann.article.source_file or ann.article.id}: {w}")
                batch.append(ann)
                if len(batch) >= batch_size:
                    _store_batch(store, batch, stage_names, dedup, report)
                    if progress:
                        progress(handled)
                    batch = []
            if batch:
                _store_batch(store, batch, stage_names, dedup, report)
            if progress:
                progress(handled)
            if reconcile and store.needs_reconcile:
                try:
                    update_ledger(store, as_of=as_of)
                except NewsledgerError:
                    raise
                except Exception as e:  # a bug in reconcile must not look like lost data
                    raise NewsledgerError(
                        f"reconciling the ledger failed ({type(e).__name__}: {str(e)[:200]})",
                        f"all {report.stored} new article(s) are stored; after a fix run "
                        "`newsledger ingest --reconcile`, and please report this bug",
                    ) from e
                report.reconciled = True
            counts = store.counts()
            report.articles = counts["articles"]
            report.events = counts["events"]
            report.conflicts = counts["conflicts"]
            report.commitments = counts["commitments"]
    finally:
        if not isinstance(db, Store):
            store.close()
    return report


def source_key(url: str | None, source_file: str | None) -> str | None:
    """Where a copy of a text comes from: its URL, else its file name (folder-independent)."""
    if url:
        return url
    if source_file:
        return Path(source_file).name
    return None


def copy_id(article: Article, key: str) -> str:
    """The id of an exact copy of a stored text published elsewhere (stable across runs)."""
    from ..ingest import article_id

    return article_id(article.text + "\x00" + key)


def _chunked_skip(
    items: Iterable[Article | InputError],
    store: Store,
    report: IngestReport,
    fail: Callable[[Failure], None],
    size: int = 64,
) -> Iterator[Article | None]:
    """Articles not yet stored; ``None`` for each input that was skipped or failed (progress).

    The same text from the same source is skipped (already stored, or repeated in the inputs).
    The same text from another source (URL or file name) is an exact copy: it is kept as its own
    article, with an id derived from the text and the source, linked by ``duplicate_of``.
    """
    seen: dict[str, str | None] = {}  # id yielded in this run -> its source key
    chunk: list[Article | InputError] = []

    def flush() -> Iterator[Article | None]:
        ids = [a.id for a in chunk if isinstance(a, Article)]
        stored = store.source_keys(ids)
        copies = [
            copy_id(a, k)
            for a in chunk
            if isinstance(a, Article) and (k := source_key(a.url, a.source_file)) is not None
        ]
        stored_copies = store.existing_ids(copies) if stored or seen else set()
        for a in chunk:
            if isinstance(a, InputError):
                fail(_error_failure(a))
                yield None
                continue
            report.read += 1
            if a.id in stored or a.id in seen:
                original_key = stored[a.id] if a.id in stored else seen[a.id]
                key = source_key(a.url, a.source_file)
                if key is not None and key != original_key:
                    cid = copy_id(a, key)
                    if cid not in stored_copies and cid not in seen:
                        seen[cid] = key
                        report.duplicates += 1
                        yield dataclasses.replace(a, id=cid, duplicate_of=a.id)
                        continue
                    a = dataclasses.replace(a, id=cid)
            if a.id in stored or a.id in stored_copies:
                report.already_stored += 1
                yield None
                continue
            if a.id in seen:
                report.repeated += 1
                yield None
                continue
            seen[a.id] = source_key(a.url, a.source_file)
            yield a
        chunk.clear()

    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield from flush()
    if chunk:
        yield from flush()


class ExtractionFailed(InputError):
    """An article was read but a stage raised on it (a bug): reported, not stored."""

    def __init__(self, article: Article, error: str) -> None:
        self.article_id = article.id
        super().__init__(
            f"extraction failed ({error})",
            "it was not stored and a re-run retries it; please report this bug with the file",
            article.source_file or article.id,
        )


def _extractor(
    articles: Iterable[Article],
    ctx: Context | None,
    stages: Sequence[str],
    batch_size: int,
    workers: int,
    dask: str | None,
) -> Iterator[AnnotatedArticle | ExtractionFailed]:
    """One result per article, in order: its annotations, or why extraction failed.

    A failing batch is retried article by article (in this process, a pool or on Dask), so one
    article that trips a stage does not stop the run.
    """
    from ..executor import ExtractSettings, FailedExtraction, extract_parallel

    settings = ExtractSettings(stages=tuple(stages), batch_size=batch_size)
    for result in extract_parallel(articles, settings, workers=workers, dask=dask, ctx=ctx):
        yield (
            ExtractionFailed(result.article, result.error) if isinstance(result, FailedExtraction) else result
        )


def _store_batch(
    store: Store, batch: list[AnnotatedArticle], stages: Sequence[str], dedup: Dedup, report: IngestReport
) -> None:
    prints = {a.article.id: dedup.prints.pop(a.article.id) for a in batch if a.article.id in dedup.prints}
    new = store.put_annotated(batch, stages, prints)
    report.stored += new
    for a in batch:
        if a.article.published is None:
            report.undated.append(a.article.source_file or a.article.id)


def reconcile_ledger(db: str | Path | Store | None = None, as_of: dt.date | None = None) -> tuple[int, int]:
    """Rebuild events, commitments and the reconcile index from every stored article (a full
    pass; ``ingest`` uses :func:`update_ledger`); returns the counts.

    Near-duplicates are passed too (their ``article.duplicate_of`` names the original), so every
    copy stays traceable; the store counts an event's independent sources by original.
    """
    from .incremental import full_pass

    store = open_store(db)
    try:
        return full_pass(store, as_of)
    finally:
        if not isinstance(db, Store):
            store.close()


def update_ledger(db: str | Path | Store | None = None, as_of: dt.date | None = None) -> tuple[int, int]:
    """Reconcile only what the articles stored since the last reconciliation touch (the result
    equals :func:`reconcile_ledger`); a ledger without a reconcile index gets a full pass."""
    from .incremental import update_ledger as update

    store = open_store(db)
    try:
        return update(store, as_of)
    finally:
        if not isinstance(db, Store):
            store.close()
