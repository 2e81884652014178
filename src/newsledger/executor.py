"""Where extraction runs: this process, a pool of processes, or a Dask cluster.

All three give the same annotations in the same order: extraction is pure and each worker
builds its own :class:`~newsledger.context.Context` from the same settings. Work is submitted
in a bounded window of batches, so memory does not grow with the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from .context import Context
from .errors import ConfigError, MissingExtraError
from .model import AnnotatedArticle, Article


@dataclass(frozen=True)
class ExtractSettings:
    """Everything a worker needs to rebuild the same pipeline (picklable)."""

    stages: tuple[str, ...] | None = None  # stage names; None = all
    model_name: str | None = None
    batch_size: int = 16


@lru_cache(maxsize=4)
def _worker_context(settings: ExtractSettings) -> Context:
    """One Context per worker process and settings: a resource cache, not shared state."""
    return Context(model_name=settings.model_name)


def extract_batch(batch: Sequence[Article], settings: ExtractSettings) -> list[AnnotatedArticle]:
    """Extract one batch in the calling process (the unit of work of pools and Dask)."""
    from .pipeline import extract, select_stages

    ctx = _worker_context(settings)
    stages = select_stages(settings.stages)
    return list(extract(batch, ctx, stages, batch_size=settings.batch_size))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def _windowed(submit: Any, batches: Iterator[list[Article]], window: int) -> Iterator[AnnotatedArticle]:
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def extract_parallel(
    articles: Iterable[Article],
    settings: ExtractSettings | None = None,
    workers: int = 1,
    dask: str | None = None,
    ctx: Context | None = None,
) -> Iterator[AnnotatedArticle]:
    """Annotate ``articles`` in order, in this process (``workers=1``), in ``workers``
    processes, or on a Dask cluster (``dask="local"`` or a scheduler address)."""
    settings = settings or ExtractSettings()
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}", "pass --workers 1 or more")
    if dask:
        yield from _extract_dask(articles, settings, workers, dask)
        return
    if workers == 1:
        from .pipeline import extract, select_stages

        ctx = ctx or Context(model_name=settings.model_name)
        yield from extract(articles, ctx, select_stages(settings.stages), batch_size=settings.batch_size)
        return
    import multiprocessing

    mp = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp) as pool:

        def submit(batch: list[Article]) -> Future[list[AnnotatedArticle]]:
            return pool.submit(extract_batch, batch, settings)

        yield from _windowed(submit, _batches(articles, settings.batch_size), window=2 * workers)


def _extract_dask(
    articles: Iterable[Article], settings: ExtractSettings, workers: int, address: str
) -> Iterator[AnnotatedArticle]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise MissingExtraError("dask", "dask[distributed]") from e
    cluster = None
    if address == "local":
        n = workers if workers > 1 else max(1, min(2, os.cpu_count() or 1))
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(address, timeout="20s")
        except OSError as e:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {address}", "check the address, or use --dask local"
            ) from e
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(batch: list[Article]) -> Any:
            return client.submit(extract_batch, batch, settings, pure=False)

        yield from _windowed(submit, _batches(articles, settings.batch_size), window=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
