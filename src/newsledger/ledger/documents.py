"""``extract_documents``: stateless extraction of inputs, streamed in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..context import Context
from ..errors import InputError
from ..model import AnnotatedArticle, Article
from .build import Reader, _extractor


def extract_documents(
    inputs: Sequence[str | Path] = (),
    manifest: str | Path | None = None,
    defaults: Any = None,
    *,
    ctx: Context | None = None,
    stages: Sequence[str] | None = None,
    batch_size: int = 16,
    workers: int = 1,
    dask: str | None = None,
    reader: Reader | None = None,
    on_warning: Any = None,
) -> Iterator[AnnotatedArticle | InputError]:
    """Annotate every input without storing anything.

    Yields one item per document, in input order: the :class:`AnnotatedArticle` (no Doc), or
    the :class:`InputError` saying why that document could not be read. Memory stays bounded
    (a window of batches), so thousands of documents stream through.
    """
    from ..pipeline import select_stages

    stage_names = [s.name for s in select_stages(stages)]
    if reader is None:
        from ..ingest import read_articles

        reader = read_articles
    items = reader(list(inputs), manifest=manifest, defaults=defaults, on_warning=on_warning)
    errors: deque[tuple[int, InputError]] = deque()  # (articles before it, error)
    count = 0

    def articles(source: Iterable[Article | InputError]) -> Iterator[Article]:
        nonlocal count
        for item in source:
            if isinstance(item, InputError):
                errors.append((count, item))
            else:
                count += 1
                yield item

    for k, ann in enumerate(_extractor(articles(items), ctx, stage_names, batch_size, workers, dask)):
        while errors and errors[0][0] <= k:
            yield errors.popleft()[1]
        if on_warning is not None and isinstance(ann, AnnotatedArticle):
            for w in ann.warnings:  # e.g. the text was cut for analysis
                on_warning(f"{ann.article.source_file or ann.article.id}: {w}")
        yield ann
    while errors:
        yield errors.popleft()[1]
