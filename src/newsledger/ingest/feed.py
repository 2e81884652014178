"""RSS and Atom feeds: one article per entry (feedparser), after a safe-XML check.

Before feedparser sees a feed, the bytes are checked: any entity declaration (``<!ENTITY``,
the stuff of "billion laughs" bombs and external-entity reads) rejects the feed, and
defusedxml parses it with entity expansion and external references forbidden. A feed that is
not well-formed XML is still read by feedparser's lenient parser, with a warning.

Entry text is the entry's content (or summary) converted from HTML to plain text; title, link,
published/updated date, the feed's title (as outlet) and language are taken as file metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .article import Warn, build_article
from .decode import looks_binary, read_limited
from .htmlfile import html_to_text
from .metadata import Metadata

MAX_FEED_BYTES = 20_000_000
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.I)
_ENTITY_DECL_WIDE = re.compile(r"<!\s*ENTITY", re.I)


def check_safe_xml(data: bytes, name: str) -> str | None:
    """Raise InputError for XML that declares entities; returns a warning for malformed XML."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    if _ENTITY_DECL.search(data) or _declares_entities_wide(data):
        raise InputError(
            "feed declares XML entities (possible entity-expansion bomb); not parsed",
            "Remove the DOCTYPE/ENTITY declarations or the file from the input",
            name,
        )
    try:
        SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(
            f"feed uses unsafe XML ({type(e).__name__}); not parsed", "Remove the file from the input", name
        ) from None
    except SafeET.ParseError as e:
        return f"feed is not well-formed XML ({e}); read leniently"
    return None


def _declares_entities_wide(data: bytes) -> bool:
    """Entity declarations hidden in UTF-16/32 encodings, which the byte regex would miss."""
    if b"\x00" not in data[:64]:
        return False
    for enc in ("utf-16", "utf-32"):
        try:
            return bool(_ENTITY_DECL_WIDE.search(data.decode(enc)))
        except UnicodeDecodeError:
            continue
    return True  # NUL bytes and not UTF-16/32 text: refuse rather than guess


def read_feed_file(
    path: Path,
    *,
    source_file: str,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
) -> Iterator[Article | InputError]:
    data, truncated = read_limited(path, MAX_FEED_BYTES)
    if truncated:
        raise InputError(f"feed larger than {MAX_FEED_BYTES:,} bytes", "Split the feed", source_file)
    if not data.strip():
        raise InputError("empty file", "Remove it from the input", source_file)
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        raise InputError("not a feed (binary content)", "Remove it from the input", source_file)
    note = check_safe_xml(data, source_file)
    if note and warn is not None:
        warn(f"{source_file}: {note}")
    yield from feed_articles(data, source_file, manifest=manifest, defaults=defaults, warn=warn)


def feed_articles(
    data: bytes,
    source_file: str,
    *,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
) -> Iterator[Article | InputError]:
    """Articles from the bytes of a feed that already passed :func:`check_safe_xml`."""
    import feedparser

    parsed: Any = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = list(parsed.get("entries") or ())
    if not entries:
        raise InputError(
            "no feed entries found (not an RSS or Atom feed, or an empty one)",
            "Check the file; plain XML documents are not read",
            source_file,
        )
    head = parsed.get("feed") or {}
    outlet = _str(head.get("title"))
    language = _str(head.get("language"))
    for i, entry in enumerate(entries, start=1):
        label = f"{source_file} entry {i}"
        try:
            text = _entry_text(entry)
            if not text:
                raise InputError(
                    "entry has no text (no content or summary)", "Skip it or fix the feed", label
                )
            meta = Metadata(
                published=_entry_date(entry),
                outlet=outlet,
                url=_str(entry.get("link")),
                language=language,
                title=html_to_text(_str(entry.get("title")) or "") or None,
            )
            yield build_article(
                text,
                source_file=source_file,
                file_meta=meta,
                manifest=manifest,
                defaults=defaults,
                warn=warn,
                label=label,
            )
        except InputError as e:
            yield e


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = _str(content.get("value"))
        if value:
            return _as_text(value, content.get("type"))
    summary = _str(entry.get("summary"))
    if summary:
        detail = entry.get("summary_detail") or {}
        return _as_text(summary, detail.get("type"))
    return ""


def _as_text(value: str, mime: Any) -> str:
    if isinstance(mime, str) and mime.startswith("text/plain"):
        return value.strip()
    return html_to_text(value)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = dict.get(entry, key)  # plain lookup: no feedparser key aliasing (and its warning)
        if t:
            try:
                return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None
