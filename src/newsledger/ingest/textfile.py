"""Plain-text reports: the decoded file is the stored text; its first non-empty line is the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .article import Warn, build_article
from .decode import MAX_TEXT_BYTES, decode_bytes, read_limited
from .metadata import Metadata


def read_text_file(
    path: Path,
    *,
    source_file: str,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
) -> Iterator[Article | InputError]:
    """Yield the one Article in a text file, or the InputError that says why there is none."""
    try:
        data, truncated = read_limited(path, MAX_TEXT_BYTES)
        if not data:
            raise InputError(
                "empty file (0 bytes)", "Remove it from the input or add the article's text", source_file
            )
        decoded = decode_bytes(data, truncated=truncated, name=source_file)
        if warn is not None:
            for note in decoded.warnings:
                warn(f"{source_file}: {note}")
        text = decoded.text
        if truncated and warn is not None:
            warn(f"{source_file}: file is larger than {MAX_TEXT_BYTES:,} bytes; only the start is read")
        yield build_article(text, source_file=source_file, manifest=manifest, defaults=defaults, warn=warn)
    except InputError as e:
        yield e
