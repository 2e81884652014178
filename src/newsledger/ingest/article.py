"""Turn extracted text plus metadata layers into an :class:`~newsledger.model.Article`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ..errors import InputError
from ..model import Article
from .decode import MAX_TEXT_CHARS, cut, fix_surrogates
from .metadata import Metadata, find_byline_date, first_line, merge

Warn = Callable[[str], None]


def article_id(text: str) -> str:
    """The id of an article: the first 16 hex digits of the SHA-256 of its stored text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def build_article(
    text: str,
    *,
    source_file: str | None,
    file_meta: Metadata | None = None,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
    label: str | None = None,
    limit: int = MAX_TEXT_CHARS,
) -> Article:
    """Make the Article: cut over-long text, hash it, apply metadata precedence and byline dates.

    ``label`` names the document in messages (a path, or ``path item 3``). Raises
    :class:`InputError` when the text is empty.
    """
    name = label or source_file or "input"
    if not text.strip():
        raise InputError(
            "empty (no text to read)", "Remove it from the input or add the article's text", name
        )
    text, notes = fix_surrogates(text)
    text, more = cut(text, limit)
    if warn is not None:
        for note in (*notes, *more):
            warn(f"{name}: {note}")
    meta, published_source = merge(manifest=manifest, file=file_meta, flags=defaults)
    published = meta.published
    if published is None:
        published = find_byline_date(text)
        published_source = "byline" if published is not None else None
    return Article(
        id=article_id(text),
        text=text,
        title=meta.title or first_line(text),
        url=meta.url,
        outlet=meta.outlet,
        published=published,
        language=meta.language or "en",
        source_file=source_file,
        published_source=published_source,
    )
