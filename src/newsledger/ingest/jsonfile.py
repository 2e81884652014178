"""JSON and JSON Lines: one article per object.

A ``.json`` file holds one object, a list of objects, or ``{"articles": [...]}``; a ``.jsonl``
file holds one object per line. Fields: ``text`` (or ``content``; required, a string),
``title``, ``url``, ``published`` (YYYY-MM-DD or ISO date-time), ``outlet``, ``language``;
others are ignored. The stored text is the ``text`` string exactly. A record with wrong types
yields an :class:`InputError` naming the record and the field; the other records are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .article import Warn, build_article
from .decode import decode_bytes, read_limited
from .metadata import DateError, Metadata, parse_date

MAX_JSON_BYTES = 200_000_000
STRING_FIELDS = ("title", "url", "outlet", "language")


def read_json_file(
    path: Path,
    *,
    source_file: str,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
) -> Iterator[Article | InputError]:
    if path.suffix.lower() in (".jsonl", ".ndjson") and _utf8_lines(path, source_file):
        records: Iterator[tuple[str, Any]] = _stream_lines(path, source_file)
    else:
        records = _whole_file(path, source_file)
    for where, obj in records:
        if isinstance(obj, InputError):
            yield obj
            continue
        label = f"{source_file} {where}" if where else source_file
        try:
            yield record_article(
                obj, label, source_file=source_file, manifest=manifest, defaults=defaults, warn=warn
            )
        except InputError as e:
            yield e


def _utf8_lines(path: Path, name: str) -> bool:
    """Whether a JSON Lines file can be read line by line as UTF-8 (no UTF-16/32 byte order
    mark), so that its size does not matter."""
    head, _ = read_limited(path, 4)
    return not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))


def _stream_lines(path: Path, name: str) -> Iterator[tuple[str, Any]]:
    """Records of a JSON Lines file read one line at a time: memory does not grow with the
    file. A line that is not UTF-8 is decoded like a whole file (``decode_bytes``)."""
    content = False
    with path.open("rb") as f:
        for i, raw in enumerate(f, start=1):
            if i == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode_bytes(raw, name=name).text
                except InputError as e:
                    yield "", InputError(f"line {i}: {e.message}", e.hint, name)
                    continue
            content = True
            yield from _lines(line, name, first=i)
    if not content:
        yield "", InputError("empty file", "Remove it from the input or add articles", name)


def _whole_file(path: Path, source_file: str) -> Iterator[tuple[str, Any]]:
    data, truncated = read_limited(path, MAX_JSON_BYTES)
    if truncated:
        raise InputError(
            f"JSON file is larger than {MAX_JSON_BYTES:,} bytes",
            "Split it, or use JSON Lines (.jsonl)",
            source_file,
        )
    if not data.strip():
        raise InputError("empty file", "Remove it from the input or add articles", source_file)
    text = decode_bytes(data, name=source_file).text
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _lines(text, source_file)
    else:
        yield from _document(text, source_file)


def _lines(text: str, name: str, first: int = 1) -> Iterator[tuple[str, Any]]:
    for i, raw in enumerate(text.splitlines(), start=first):
        if not raw.strip():
            continue
        try:
            yield f"line {i}", json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as e:
            msg = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            yield "", InputError(f"line {i} is not valid JSON ({msg})", "Fix or remove the line", name)


def _document(text: str, name: str) -> Iterator[tuple[str, Any]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(
            f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})",
            "Fix the file; for one article per line name it .jsonl",
            name,
        ) from None
    except RecursionError:
        raise InputError("JSON is nested too deeply", "Flatten the file", name) from None
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        doc = doc["articles"]
    if isinstance(doc, dict):
        yield "", doc
    elif isinstance(doc, list):
        for i, obj in enumerate(doc, start=1):
            yield f"item {i}", obj
    else:
        raise InputError(
            f"JSON holds a {_type(doc)}, not an article object or a list of them",
            'Write {"text": "...", "title": "...", "published": "YYYY-MM-DD"}',
            name,
        )


def record_article(
    obj: Any,
    label: str,
    *,
    source_file: str,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
) -> Article:
    """An Article from one JSON record; raises :class:`InputError` naming ``label`` and the field."""
    if not isinstance(obj, dict):
        raise InputError(
            f"is a JSON {_type(obj)}, not an object", 'Write each article as {"text": "...", ...}', label
        )
    key = "text" if "text" in obj else "content" if "content" in obj else None
    if key is None:
        hint = "Pass it with --manifest" if "path" in obj else 'Add a "text" field with the article\'s text'
        what = (
            "looks like a manifest line (has 'path', no 'text')"
            if "path" in obj
            else "has no 'text' or 'content' field"
        )
        raise InputError(what, hint, label)
    text = obj[key]
    if not isinstance(text, str):
        raise InputError(
            f"{key!r} must be a string, got {_type(text)}", "Store the article text as a JSON string", label
        )
    for field in STRING_FIELDS:
        value = obj.get(field)
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"{field!r} must be a string, got {_type(value)}", "Quote the value or use null", label
            )
    try:
        published = parse_date(obj.get("published"))
    except DateError as e:
        raise InputError(
            f"'published' {e}", "Write the date as YYYY-MM-DD, or null if unknown", label
        ) from None
    meta = Metadata(
        published=published,
        outlet=obj.get("outlet") or None,
        url=obj.get("url") or None,
        language=obj.get("language") or None,
        title=(obj.get("title") or "").strip() or None,
    )
    return build_article(
        text,
        source_file=source_file,
        file_meta=meta,
        manifest=manifest,
        defaults=defaults,
        warn=warn,
        label=label,
    )


def _type(value: object) -> str:
    return {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)
