"""Manifests: a ``.jsonl`` or ``.csv`` list of input files with their metadata.

Each line (JSONL object or CSV row with a header) has ``path`` and optionally ``published``
(YYYY-MM-DD), ``outlet``, ``url``, ``title``, ``language``; other keys are ignored. Relative
paths resolve against the manifest's folder. A line naming a missing file or carrying a bad
value yields an :class:`InputError` for that line; the other lines are read.
"""

from __future__ import annotations

import contextlib
import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .decode import decode_bytes, read_limited
from .metadata import DateError, Metadata, parse_date

MANIFEST_FIELDS = ("path", "published", "outlet", "url", "title", "language")
MAX_MANIFEST_BYTES = 200_000_000


@dataclass(frozen=True)
class ManifestEntry:
    path: Path  # resolved against the manifest's folder
    meta: Metadata
    line: int


def read_manifest(manifest: Path) -> Iterator[ManifestEntry | InputError]:
    """Yield an entry per manifest line, or an InputError for a line that cannot be used."""
    name = str(manifest)
    data, truncated = read_limited(manifest, MAX_MANIFEST_BYTES)
    if truncated:
        raise InputError(
            f"manifest is larger than {MAX_MANIFEST_BYTES:,} bytes", "Split it into several manifests", name
        )
    text = decode_bytes(data, name=name).text
    rows = _csv_rows(text, name) if manifest.suffix.lower() == ".csv" else _jsonl_rows(text, name)
    base = manifest.parent
    for line, row in rows:
        if isinstance(row, InputError):
            yield row
            continue
        yield _entry(row, line, base, name)


def _jsonl_rows(text: str, name: str) -> Iterator[tuple[int, dict[str, object] | InputError]]:
    for i, raw in enumerate(text.splitlines(), start=1):
        s = raw.strip()
        if not s or s.startswith("#"):
            continue
        try:
            obj = json.loads(s)
        except json.JSONDecodeError as e:
            yield i, InputError(f"line {i} is not valid JSON ({e.msg})", "Fix or remove the line", name)
            continue
        if not isinstance(obj, dict):
            yield (
                i,
                InputError(
                    f"line {i} is a JSON {type(obj).__name__}, not an object",
                    'Write each line as {"path": "...", "published": "YYYY-MM-DD"}',
                    name,
                ),
            )
            continue
        yield i, obj


def _csv_rows(text: str, name: str) -> Iterator[tuple[int, dict[str, object] | InputError]]:
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "path" not in [f.strip() for f in reader.fieldnames]:
        yield (
            1,
            InputError(
                "CSV manifest has no 'path' column",
                "Add a header row: path,published,outlet,url,title,language",
                name,
            ),
        )
        return
    for row in reader:
        yield reader.line_num, {(k or "").strip(): v for k, v in row.items() if k}


def path_kind(path: Path) -> str:
    """ "file", "dir" or "missing" (also for paths the OS cannot even look up)."""
    try:
        return "file" if path.is_file() else "dir" if path.is_dir() else "missing"
    except (OSError, ValueError):  # NUL bytes, names too long
        return "missing"


def _entry(row: dict[str, object], line: int, base: Path, name: str) -> ManifestEntry | InputError:
    where = f"line {line}"
    raw_path = row.get("path")
    if not isinstance(raw_path, str) or not raw_path.strip():
        return InputError(f"{where} has no 'path'", "Give the file's path relative to the manifest", name)
    for key in ("outlet", "url", "title", "language"):
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(
                f"{where}: {key!r} must be a string, got {type(value).__name__}", "Quote the value", name
            )
    try:
        published = parse_date(row.get("published"))
    except DateError as e:
        return InputError(f"{where}: published {e}", "Write the date as YYYY-MM-DD, or null if unknown", name)
    path = Path(raw_path.strip())
    with contextlib.suppress(RuntimeError):  # "~user" with no such user: keep the path as written
        path = path.expanduser()
    if not path.is_absolute():
        path = base / path
    kind = path_kind(path)
    if kind != "file":
        what = "which is a folder, not a file" if kind == "dir" else "which does not exist"
        return InputError(
            f"{where} names {raw_path!r}, {what} (looked for {path})",
            "Fix the path (relative paths start at the manifest's folder) or remove the line",
            name,
        )

    def text(key: str) -> str | None:
        v = row.get(key)
        return v.strip() or None if isinstance(v, str) else None

    meta = Metadata(
        published=published,
        outlet=text("outlet"),
        url=text("url"),
        language=text("language"),
        title=text("title"),
    )
    return ManifestEntry(path=path, meta=meta, line=line)
