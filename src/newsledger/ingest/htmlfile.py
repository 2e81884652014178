"""HTML pages: main text and metadata via trafilatura; fragments (feed entries) via lxml.

trafilatura (needs ``lxml_html_clean``) drops navigation, scripts and boilerplate and reads
title, site name, URL, date and language. Without date markup it may invent ``YYYY-01-01``
from a copyright footer: such a date counts as unknown unless the page states it literally.
Malformed or truncated HTML is parsed leniently. A page rendered by JavaScript whose only words
are inside ``<noscript>`` is read from that block (with a warning); a page with no words left
(:func:`has_words`: a lone "." or "|" is not an article) is an InputError.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .article import Warn, build_article
from .decode import _BOMS, decode_bytes, looks_binary, read_limited
from .metadata import DateError, Metadata, parse_date

MAX_HTML_BYTES = 20_000_000
MIN_WORDS = 2  # an extracted text with fewer words (2+ letters) than this ...
MIN_LETTERS = 4  # ... and fewer letters than this (one word of Chinese may be a sentence) is no article
_WORD = re.compile(r"[^\W\d_]{2,}")
_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)
_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
_HIDDEN = re.compile(r"<(script|style|noscript|template)\b|<!--", re.I)
_NOSCRIPT = re.compile(r"<(noscript)\b", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
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
    text, file_meta = extract_html(data, source_file, warn=warn, truncated=truncated)
    yield build_article(
        text, source_file=source_file, file_meta=file_meta, manifest=manifest, defaults=defaults, warn=warn
    )


def has_words(text: str) -> bool:
    """``text`` is more than a stray mark: :data:`MIN_WORDS` words of two or more letters, or
    :data:`MIN_LETTERS` letters (scripts written without spaces)."""
    letters = 0
    for words, m in enumerate(_WORD.finditer(text), start=1):
        letters += len(m.group())
        if words >= MIN_WORDS or letters >= MIN_LETTERS:
            return True
    return False


def page_source(data: bytes, name: str = "", truncated: bool = False) -> tuple[str | bytes, tuple[str, ...]]:
    """What the HTML parsers read, and warnings: the bytes themselves when their encoding is
    known (a byte-order mark, a declared ``charset``, or valid UTF-8); otherwise the page
    decoded like a text file (Windows-1252 / Latin-1, with a warning), since the parsers'
    own guess turns "Señor" into "Seńor"."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return data, ()
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            codecs.lookup(m.group(1).decode("ascii"))
            return data, ()
        except LookupError:
            pass
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=not truncated)
        return data, ()
    except UnicodeDecodeError:
        decoded = decode_bytes(data, truncated=truncated, name=name)
        return decoded.text, decoded.warnings


def extract_html(
    data: bytes, name: str, warn: Warn | None = None, truncated: bool = False
) -> tuple[str, Metadata]:
    """Main text and metadata of an HTML page; raises InputError when the page has no text.

    ``<noscript>`` blocks are left out ("Please enable JavaScript"); only when the visible page
    has no words is their text taken (a page built by scripts often puts its article there for
    readers without JavaScript). HTML too
    deeply nested for the parsers is read with its tags stripped."""
    import trafilatura  # heavy import: only when HTML is read

    page, notes = page_source(data, name, truncated)
    if warn is not None:
        for note in notes:
            warn(f"{name}: {note}")
    doc: Any = None
    visible = without_noscript(page)
    for recall in (False, True):
        doc = trafilatura.bare_extraction(
            visible, with_metadata=True, include_comments=False, include_tables=True, favor_recall=recall
        )
        if doc is not None and (_get(doc, "text") or "").strip():
            break
    text = (_get(doc, "text") or "").strip() if doc is not None else ""
    if not has_words(text):
        text = html_to_text(page)
    if not has_words(text):
        text = strip_tags(page)
    if not has_words(text):
        text = noscript_text(page)
        if has_words(text) and warn is not None:
            warn(f"{name}: the page has no visible text; its <noscript> text is read instead")
    if not has_words(text):
        raise InputError(
            "no article text found in the HTML (only markup, scripts or boilerplate)",
            "If the page is built by JavaScript, save it from a browser after it has loaded "
            "(or save its text as .txt) and ingest that file",
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


def _parse_fragment(fragment: str | bytes) -> Any:
    """The lxml root of an HTML fragment, or None when lxml cannot read it."""
    from lxml import etree, html

    if isinstance(fragment, bytes):
        fragment = fragment.decode("utf-8", "replace")
    # XML-incompatible characters (controls, lone surrogates) make lxml refuse the whole string
    fragment = _XML_INCOMPATIBLE.sub("", fragment.encode("utf-8", "replace").decode("utf-8"))
    if not fragment.strip():
        return None
    try:
        root = html.fromstring(fragment)
    except (etree.ParserError, ValueError):
        return None
    return root if isinstance(root.tag, str) else None  # not a comment or processing instruction


def _element_text(el: Any) -> str:
    """Text of ``el``, scripts and styles dropped, blocks on their own lines, spaces folded."""
    try:
        for bad in el.xpath(".//script|.//style|.//template"):
            if bad.getparent() is not None:
                bad.drop_tree()
        for block in el.iter(*_BLOCK_TAGS):
            block.tail = "\n" + (block.tail or "")
        text = el.text_content()
    except ValueError:  # lxml refuses odd trees (e.g. a comment where an element should be)
        return ""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def drop_blocks(page: str, opener: re.Pattern[str]) -> str:
    """``page`` without the blocks ``opener`` finds (``<script ...>...</script>``, comments),
    each up to its closing tag (to the end when unclosed). Linear in the page's length."""
    lower = page.lower()
    kept: list[str] = []
    pos = 0
    for m in opener.finditer(page):
        if m.start() < pos:
            continue  # inside a block already dropped
        kept.append(page[pos : m.start()])
        closer = "-->" if m.group() == "<!--" else f"</{m.group(1).lower()}"
        end = lower.find(closer, m.end())
        if end < 0:
            pos = len(page)
            break
        close = page.find(">", end)
        pos = close + 1 if close >= 0 else len(page)
    kept.append(page[pos:])
    return "".join(kept)


def without_noscript(page: str | bytes) -> str | bytes:
    """The page without its ``<noscript>`` blocks ("Please enable JavaScript"), bytes kept as
    bytes (tags are ASCII, so Latin-1 round-trips any ASCII-compatible encoding exactly)."""
    if isinstance(page, bytes):
        if b"<noscript" not in page.lower():
            return page
        return drop_blocks(page.decode("latin-1"), _NOSCRIPT).encode("latin-1")
    return drop_blocks(page, _NOSCRIPT) if "<noscript" in page.lower() else page


def strip_tags(page: str | bytes) -> str:
    """Text of a page without an HTML parser (for pages the parsers refuse, e.g. nested deeper
    than they go): scripts, styles, noscript blocks and comments dropped, block tags as line
    breaks, other tags removed, entities decoded. Linear in the page's length."""
    if isinstance(page, bytes):
        page = page.decode("utf-8", "replace")
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", drop_blocks(page, _HIDDEN)))
    lines = [" ".join(line.split()) for line in unescape(text).splitlines()]
    return "\n".join(line for line in lines if line).strip()


def html_to_text(fragment: str | bytes) -> str:
    """Plain text of an HTML fragment: scripts, styles and noscript blocks dropped, blocks on
    their own lines."""
    root = _parse_fragment(fragment)
    if root is None or root.tag in ("script", "style", "noscript", "template"):
        return ""  # nothing, or nothing but a script
    try:
        for bad in root.xpath("//noscript"):
            if bad.getparent() is not None:
                bad.drop_tree()
    except ValueError:
        return ""
    return _element_text(root)


def noscript_text(page: str | bytes) -> str:
    """The text of a page's ``<noscript>`` blocks (what readers without JavaScript see), one
    block after the other."""
    root = _parse_fragment(page)
    if root is None:
        return ""
    try:
        blocks = list(root.iter("noscript"))
    except ValueError:
        return ""
    return "\n".join(t for t in (_element_text(b) for b in blocks) if t)
