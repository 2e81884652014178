"""``read_articles``: files, folders and a manifest in, Articles (or InputErrors) out."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .article import Warn
from .decode import read_limited
from .manifest import path_kind, read_manifest
from .metadata import Metadata

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES

Result = Article | InputError


def read_articles(
    inputs: Sequence[Path | str],
    manifest: Path | str | None = None,
    defaults: Metadata | None = None,
    on_warning: Warn | None = None,
) -> Iterator[Result]:
    """Read every document in ``inputs`` (files or folders, recursively) and/or a manifest.

    Yields an :class:`Article` per document, or an :class:`InputError` *value* (not raised) for
    a document, file or manifest line that cannot be read, so the caller reports it and goes on.
    With a manifest and no inputs, the manifest's files are read; with both, the inputs are read
    and the manifest supplies metadata for the files it lists. ``defaults`` (from flags) fill
    what neither the manifest nor the file gives. Warnings (encoding fallback, cut text, skipped
    files) go to ``on_warning``, or to the ``newsledger.ingest`` logger.
    """
    warn = on_warning or logging.getLogger("newsledger.ingest").warning
    if isinstance(inputs, str | Path):  # one path given on its own, not a sequence of paths
        inputs = [inputs]
    entries: dict[Path, Metadata] = {}
    if manifest is not None:
        listed: list[tuple[Path, Metadata]] = []
        try:
            for item in read_manifest(Path(manifest)):
                if isinstance(item, InputError):
                    yield item
                else:
                    listed.append((item.path, item.meta))
        except InputError as e:
            yield e
            return
        except Exception as e:  # a last guard, as in read_path
            yield InputError(
                f"manifest could not be read ({type(e).__name__}: {str(e)[:200]})",
                "Check the file; report a bug if it looks valid",
                str(manifest),
            )
            return
        if not inputs:
            for listed_path, listed_meta in listed:
                yield from read_path(
                    listed_path,
                    source_file=str(listed_path),
                    manifest=listed_meta,
                    defaults=defaults,
                    warn=warn,
                )
            return
        entries = {_key(p): m for p, m in listed}
    for given in inputs:
        path = Path(given)
        kind = path_kind(path)
        if kind == "dir":
            for file in _walk(path, warn):
                found = entries.get(_key(file)) if entries else None
                yield from read_path(
                    file, source_file=str(file), manifest=found, defaults=defaults, warn=warn
                )
        elif kind == "missing":
            yield InputError("file not found", "Check the path", str(given))
        else:
            found = entries.get(_key(path)) if entries else None
            yield from read_path(path, source_file=str(given), manifest=found, defaults=defaults, warn=warn)


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _walk(folder: Path, warn: Warn) -> Iterator[Path]:
    """Files under ``folder`` with a known suffix, sorted, skipping hidden files and manifests."""
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not file.is_file():
            continue
        if file.name.lower().startswith("manifest."):
            warn(f"{file}: skipped (looks like a manifest; pass it with --manifest)")
            continue
        if file.suffix.lower() not in KNOWN_SUFFIXES:
            warn(f"{file}: skipped (not a .txt, .html, .json, .jsonl or feed file)")
            continue
        yield file


def sniff(path: Path) -> str:
    """The reader for a file: by suffix, else by its first bytes ("text", "html", "json", "feed")."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    try:
        head, _ = read_limited(path, 2048)
    except InputError:
        return "text"  # the text reader reports the problem
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<"):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        if any(tag in start for tag in (b"<html", b"<!doctype html", b"<body", b"<p", b"<div")):
            return "html"
        return "feed" if suffix in FEED_SUFFIXES else "text"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if start.startswith((b"{", b"[")):
        return "json"
    return "text"


def read_path(
    path: Path,
    *,
    source_file: str,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
) -> Iterator[Result]:
    """Read one file with the reader its type calls for. Never raises for bad content."""
    kind = sniff(path)
    try:
        if kind == "html":
            from .htmlfile import read_html_file as reader
        elif kind == "json":
            from .jsonfile import read_json_file as reader
        elif kind == "feed":
            from .feed import read_feed_file as reader
        else:
            from .textfile import read_text_file as reader
        yield from reader(path, source_file=source_file, manifest=manifest, defaults=defaults, warn=warn)
    except InputError as e:
        yield e
    except Exception as e:  # a last guard (third-party parsers): report the file and go on
        yield InputError(
            f"could not be read ({type(e).__name__}: {str(e)[:200]})",
            "Check the file; report a bug if it looks valid",
            source_file,
        )
