"""Where extraction runs: this process, a pool of processes, or a Dask cluster.

All three give the same annotations in the same order: extraction is pure and each worker
builds its own :class:`~newsledger.context.Context` from the same settings. Work is submitted
in a bounded window of batches, so memory does not grow with the corpus.

Memory (issue 7): the process that hands out work never loads the model or the gazetteer when
workers extract; pool workers do not import PyTorch (:func:`skip_torch`) and give freed heap
pages back to the system after each batch (:func:`release_memory`); the pool is shut down
as soon as the last result is read, so its memory is gone before reconciliation starts.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, fields
from functools import lru_cache, partial
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


def skip_torch() -> None:
    """Keep PyTorch out of a process that only extracts.

    spaCy's ``thinc`` imports ``torch`` whenever it is installed (e.g. with the optional
    ``embed`` extra), which costs ~180 MB of RSS per process, although ``en_core_web_sm`` runs
    on numpy either way (the annotations are identical). Call it before spaCy is imported, only
    in processes that will not use torch themselves (pool workers, the ``ingest`` command); it
    does nothing once torch or thinc is imported (then it could not help)."""
    if "torch" not in sys.modules and "thinc" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` → ImportError


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl, Windows)
        return None


def release_memory() -> None:
    """Return freed heap pages to the system (glibc ``malloc_trim``; a no-op elsewhere).

    Parsing a batch allocates and frees many arrays; glibc keeps the freed pages, so without
    this an extracting process's RSS creeps up by ~100 MB per few thousand articles."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


# Numeric libraries under the model start one thread per core by default; on the small
# matrices of en_core_web_sm that only burns CPU (bare spaCy measured 0-15% more, depending on
# the texts and the machine's load), and a pool of one worker per core would run cores x cores
# threads. They read these variables once, when numpy is first imported.
ONE_THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


def one_blas_thread_env() -> None:
    """Make this process (and the processes it starts, which inherit its environment) run
    OpenBLAS / OpenMP on one thread, unless the user set those variables.

    Only has an effect before numpy is first imported: the ``newsledger`` command calls it
    first thing, pool workers at start-up. Importing the library never changes the
    environment."""
    for name in ONE_THREAD_ENV:
        os.environ.setdefault(name, "1")


def _init_worker() -> None:
    """Start-up of a pool worker (a fresh spawned process; numpy is not imported yet)."""
    if "numpy" not in sys.modules:
        one_blas_thread_env()
    skip_torch()


@lru_cache(maxsize=4)
def _worker_context(settings: ExtractSettings) -> Context:
    """One Context per worker process and settings: a resource cache, not shared state."""
    return Context(model_name=settings.model_name)


@dataclass(frozen=True)
class FailedExtraction:
    """A stage raised on this article (a bug): the caller reports it and goes on."""

    article: Article
    error: str  # "TypeName: message"


Extracted = AnnotatedArticle | FailedExtraction


def _isolated(batch: Sequence[Article], ctx: Context, settings: ExtractSettings) -> list[Extracted]:
    """Extract a batch; if it fails, retry article by article so one bad article costs only
    itself."""
    from .pipeline import extract, select_stages

    stages = select_stages(settings.stages)
    try:
        return list(extract(batch, ctx, stages, batch_size=settings.batch_size))
    except Exception:
        out: list[Extracted] = []
        for a in batch:
            try:
                out.extend(extract([a], ctx, stages, batch_size=1))
            except Exception as e:
                out.append(FailedExtraction(a, f"{type(e).__name__}: {str(e)[:200]}"))
        return out


def extract_batch(batch: Sequence[Article], settings: ExtractSettings) -> list[Extracted]:
    """Extract one batch in the calling process (the unit of work of pools and Dask)."""
    out = _isolated(batch, _worker_context(settings), settings)
    release_memory()
    return out


# an AnnotatedArticle crossing back from a worker without its article (the caller has it):
# the article text is most of what would be pickled twice otherwise
_ANNOTATIONS = tuple(f.name for f in fields(AnnotatedArticle) if f.name not in ("article", "doc"))
Compact = tuple[Any, ...] | FailedExtraction


def _compact(result: Extracted) -> Compact:
    if isinstance(result, FailedExtraction):
        return result
    return tuple(getattr(result, name) for name in _ANNOTATIONS)


def _expand(article: Article, result: Compact) -> Extracted:
    if isinstance(result, FailedExtraction):
        return result
    return AnnotatedArticle(article=article, **dict(zip(_ANNOTATIONS, result, strict=True)))


def extract_batch_compact(batch: Sequence[Article], settings: ExtractSettings) -> list[Compact]:
    """:func:`extract_batch` for another process: the annotations without the articles."""
    return [_compact(r) for r in extract_batch(batch, settings)]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def _windowed(submit: Any, batches: Iterator[list[Article]], window: int) -> Iterator[Extracted]:
    """Submit batches (to :func:`extract_batch_compact`), at most ``window`` in flight, and
    yield their results in order with their articles attached again."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            yield from _attach(*pending.popleft())
    while pending:
        yield from _attach(*pending.popleft())


def _attach(batch: list[Article], future: Any) -> Iterator[Extracted]:
    for article, result in zip(batch, future.result(), strict=True):
        yield _expand(article, result)


class WorkerPool:
    """Extraction processes kept between calls of :func:`extract_parallel` (``pool=``): each
    worker loads the model, gazetteer and lexicons once, for every call.

    ``extract_parallel(..., workers=N)`` without a pool starts one for the call and shuts it
    down after the last result."""

    def __init__(self, workers: int) -> None:
        import multiprocessing

        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {workers}", "pass --workers 1 or more")
        self.workers = workers
        mp = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp, initializer=_init_worker)

    def submit(self, batch: list[Article], settings: ExtractSettings) -> Future[list[Compact]]:
        return self._pool.submit(extract_batch_compact, batch, settings)

    def pids(self) -> list[int]:
        """Process ids of the workers started so far (for monitoring)."""
        return [p.pid for p in list((self._pool._processes or {}).values()) if p.pid is not None]

    def close(self) -> None:
        self._pool.shutdown()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extract_parallel(
    articles: Iterable[Article],
    settings: ExtractSettings | None = None,
    workers: int = 1,
    dask: str | None = None,
    ctx: Context | None = None,
    pool: WorkerPool | None = None,
) -> Iterator[Extracted]:
    """Annotate ``articles`` in order, in this process (``workers=1``), in ``workers``
    processes, or on a Dask cluster (``dask="local"`` or a scheduler address). With ``pool``,
    the workers of that :class:`WorkerPool` do the work (``workers`` is then ignored).

    Yields one result per article: its annotations, or a :class:`FailedExtraction` when a
    stage raised on it (the others in its batch are still extracted)."""
    settings = settings or ExtractSettings()
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}", "pass --workers 1 or more")
    if dask:
        yield from _extract_dask(articles, settings, workers, dask)
        return
    batches = _batches(articles, settings.batch_size)
    if workers == 1 and pool is None:
        ctx = ctx or Context(model_name=settings.model_name)
        for batch in batches:
            out = _isolated(batch, ctx, settings)
            release_memory()
            yield from out
        return
    if pool is not None:
        yield from _windowed(partial(pool.submit, settings=settings), batches, window=2 * pool.workers)
        return
    with WorkerPool(workers) as own:
        yield from _windowed(partial(own.submit, settings=settings), batches, window=2 * workers)


def _extract_dask(
    articles: Iterable[Article], settings: ExtractSettings, workers: int, address: str
) -> Iterator[Extracted]:
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
        if cluster is not None:  # our own workers: no torch there (a shared cluster is left as is)
            client.run(skip_torch)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(batch: list[Article]) -> Any:
            return client.submit(extract_batch_compact, batch, settings, pure=False)

        yield from _windowed(submit, _batches(articles, settings.batch_size), window=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
