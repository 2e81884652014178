"""Ingest: files, folders, feeds and manifests → :class:`~newsledger.model.Article` objects.

Readers: ``.txt`` (the decoded file is the stored text; the first non-empty line is the
title), ``.html``/``.htm`` (main text and metadata via trafilatura), ``.json``/``.jsonl``
(fields text/content, title, url, published, outlet, language), RSS/Atom feeds (feedparser,
after a safe XML check), and folders of these, recursively. See :func:`read_articles`.

Limits: texts longer than :data:`MAX_TEXT_CHARS` characters are cut with a warning.
"""

from __future__ import annotations

from .article import article_id, build_article
from .decode import MAX_TEXT_CHARS, decode_bytes
from .dedup import DUPLICATE_THRESHOLD, Fingerprint, bands, fingerprint, is_near_duplicate, similarity
from .manifest import ManifestEntry, read_manifest
from .metadata import DateError, Metadata, find_byline_date, parse_date
from .reader import read_articles, read_path

__all__ = [
    "DUPLICATE_THRESHOLD",
    "MAX_TEXT_CHARS",
    "DateError",
    "Fingerprint",
    "ManifestEntry",
    "Metadata",
    "article_id",
    "bands",
    "build_article",
    "decode_bytes",
    "find_byline_date",
    "fingerprint",
    "is_near_duplicate",
    "parse_date",
    "read_articles",
    "read_manifest",
    "read_path",
    "similarity",
]
