"""Near-duplicate linking during ``ingest``: a syndicated copy of a stored article is linked
(``duplicate_of``) to the first one stored, so it does not count as an independent source."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..store import Store

__all__ = ["Dedup"]

if TYPE_CHECKING:
    from .build import IngestReport


class Dedup:
    """Links near-identical articles (syndicated copies) to the first one stored.

    Uses ``newsledger.ingest.fingerprint`` / ``similarity`` (MinHash) and, when present,
    ``bands`` (LSH keys) so each new article is compared only with likely candidates.
    """

    def __init__(self, store: Store) -> None:
        from .. import ingest as ingest_pkg

        self.fingerprint: Callable[[str], Any] | None = getattr(ingest_pkg, "fingerprint", None)
        self.similarity: Callable[[Any, Any], float] | None = getattr(ingest_pkg, "similarity", None)
        self.bands: Callable[[Any], Iterable[str]] | None = getattr(ingest_pkg, "bands", None)
        self.threshold = float(getattr(ingest_pkg, "DUPLICATE_THRESHOLD", 0.7))
        self.prints: dict[str, str] = {}  # encoded fingerprints of this run's articles
        self.by_id: dict[str, Any] = {}
        self.by_band: dict[str, list[str]] = {}
        if self.enabled:
            for i, fp in store.fingerprints():
                self._remember(i, _decode_fp(fp))

    @property
    def enabled(self) -> bool:
        return self.fingerprint is not None and self.similarity is not None

    def _keys(self, fp: Any) -> Iterable[str]:
        return self.bands(fp) if self.bands is not None else ("all",)

    def _remember(self, article_id: str, fp: Any) -> None:
        self.by_id[article_id] = _compact(fp)
        for key in self._keys(fp):
            self.by_band.setdefault(key, []).append(article_id)

    def forget(self, article_id: str) -> None:
        """Drop an article that was not stored after all (its extraction failed)."""
        self.prints.pop(article_id, None)
        if self.by_id.pop(article_id, None) is not None:
            for ids in self.by_band.values():
                if article_id in ids:
                    ids.remove(article_id)

    def link(self, a: Article, report: IngestReport) -> Article:
        if not self.enabled or a.duplicate_of:
            return a
        assert self.fingerprint is not None and self.similarity is not None
        fp = self.fingerprint(a.text)
        self.prints[a.id] = _encode_fp(fp)
        candidates: dict[str, None] = {}
        for key in self._keys(fp):
            for other in self.by_band.get(key, ()):
                candidates.setdefault(other, None)
        best, best_sim = None, 0.0
        for other in candidates:  # earliest stored first: ties go to the original
            sim = self.similarity(fp, self.by_id[other])
            if other != a.id and sim >= self.threshold and sim > best_sim:
                best, best_sim = other, sim
        if best is not None:
            report.duplicates += 1
            return dataclasses.replace(a, duplicate_of=best)
        self._remember(a.id, fp)
        return a


def _compact(fp: Any) -> Any:
    """A MinHash tuple as an array of 32-bit values (256 bytes instead of ~2.3 KB: the index
    holds one per article of the ledger); ``similarity`` reads both alike."""
    from array import array

    try:
        return array("I", fp) if isinstance(fp, tuple) else fp
    except (TypeError, OverflowError):
        return fp


def _encode_fp(fp: Any) -> str:
    import json

    if isinstance(fp, frozenset | set | tuple | list):
        return json.dumps(sorted(fp) if isinstance(fp, frozenset | set) else list(fp))
    return json.dumps(fp)


def _decode_fp(text: str) -> Any:
    import json

    v = json.loads(text)
    return tuple(v) if isinstance(v, list) else v
