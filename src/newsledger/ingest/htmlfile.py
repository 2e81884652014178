"""HTML pages: main text and metadata via trafilatura; fragments (feed entries) via lxml.

trafilatura (needs ``lxml_html_clean``) drops navigation, scripts and boilerplate and reads
title, site name, URL, date and language. Without date markup it may invent ``YYYY-01-01``
from a copyright footer: such a date counts as unknown unless the page states it literally.
Malformed or truncated HTML is parsed leniently; a page with no text left is an InputError.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .article import Warn, build_article
from .decode import _BOMS, looks_binary, read_limited
from .metadata import DateError, Metadata, parse_date

MAX_HTML_BYTES = 20_000_000
_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
)


def read_html_file(
    path: Path,
    *,
    source_file: str,
    manifest: Metadata | None = None,
    defaults: Metadata | None = None,
    warn: Warn | None = None,
) -> Iterator[Article | InputError]:
    data, truncated = read_limited(path, MAX_HTML_BYTES)
    if truncated and warn is not None:
        warn(f"{source_file}: HTML larger than {MAX_HTML_BYTES:,} bytes; only the start is read")
    if not data.strip():
        raise InputError("empty file", "Remove it from the input or add the page's HTML", source_file)
    if not data.startswith(tuple(bom for bom, _ in _BOMS)) and looks_binary(data):
        raise InputError(
            "not an HTML or text file (binary content)",
            "Remove it from the input or convert it to text",
            source_file,
        )
    text, file_meta = extract_html(data, source_file)
    yield build_article(
        text, source_file=source_file, file_meta=file_meta, manifest=manifest, defaults=defaults, warn=warn
    )


def extract_html(data: bytes, name: str) -> tuple[str, Metadata]:
    """Main text and metadata of an HTML page; raises InputError when the page has no text."""
    import trafilatura  # heavy import: only when HTML is read

    doc: Any = None
    for recall in (False, True):
        doc = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True, favor_recall=recall
        )
        if doc is not None and (_get(doc, "text") or "").strip():
            break
    text = (_get(doc, "text") or "").strip() if doc is not None else ""
    if not text:
        text = html_to_text(data)
    if not text.strip():
        raise InputError(
            "no article text found in the HTML (only markup, scripts or boilerplate)",
            "Check that the page holds the article, or save its text as .txt",
            name,
        )
    date = _get(doc, "date") if doc is not None else None
    published = None
    if isinstance(date, str) and date:
        try:
            published = parse_date(date)
        except DateError:
            published = None
        if published is not None and date.endswith("-01-01") and date.encode() not in data:
            published = None  # trafilatura's guess from a copyright year
    lang = _get(doc, "language") if doc is not None else None
    if not lang:
        m = _LANG.search(data[:20000])
        lang = m.group(1).decode("ascii") if m else None
    meta = Metadata(
        published=published,
        outlet=_get(doc, "sitename") or None if doc is not None else None,
        url=_get(doc, "url") or None if doc is not None else None,
        language=lang,
        title=_get(doc, "title") or None if doc is not None else None,
    )
    return text, meta


def _get(doc: Any, key: str) -> Any:
    if doc is None:
        return None
    if isinstance(doc, dict):
        return doc.get(key)
    return getattr(doc, key, None)


def html_to_text(fragment: str | bytes) -> str:
    """Plain text of an HTML fragment: scripts and styles dropped, blocks on their own lines."""
    from lxml import etree, html

    if isinstance(fragment, bytes):
        fragment = fragment.decode("utf-8", "replace")
    # XML-incompatible characters (controls, lone surrogates) make lxml refuse the whole string
    fragment = _XML_INCOMPATIBLE.sub("", fragment.encode("utf-8", "replace").decode("utf-8"))
    if not fragment.strip():
        return ""
    try:
        root = html.fromstring(fragment)
    except (etree.ParserError, ValueError):
        return ""
    if not isinstance(root.tag, str) or root.tag in ("script", "style", "noscript", "template"):
        return ""  # a comment or processing instruction, or nothing but a script
    try:
        for bad in root.xpath("//script|//style|//noscript|//template"):
            if bad.getparent() is not None:
                bad.drop_tree()
        for el in root.iter(*_BLOCK_TAGS):
            el.tail = "\n" + (el.tail or "")
        text = root.text_content()
    except ValueError:  # lxml refuses odd trees (e.g. a comment where an element should be)
        return ""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()
