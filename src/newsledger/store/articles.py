"""Articles and their per-article annotations: idempotent batch writes, reads, full-text search."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model import AnnotatedArticle, Article
from ..serialize import Decoder, annotated_from_dict, annotated_to_dict, article_from_dict
from .base import StoreBase, _dumps

_ARTICLE_COLS = (
    "id, text, title, url, outlet, published, language, source_file, published_source, duplicate_of"
)


class ArticleTables(StoreBase):
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    def source_keys(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Stored id → where it came from (URL, else file name), for the ids that are stored."""
        from pathlib import Path

        ids = list(ids)
        out: dict[str, str | None] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id, url, source_file FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            for aid, url, source_file in self.conn.execute(q, chunk):
                out[aid] = url or (Path(source_file).name if source_file else None)
        return out

    def fingerprints(self) -> Iterator[tuple[str, str]]:
        """(article id, fingerprint) of stored originals (not of duplicates)."""
        q = "SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL AND duplicate_of IS NULL"
        yield from self.conn.execute(q)

    def put_annotated(
        self,
        batch: Sequence[AnnotatedArticle],
        stages: Sequence[str] = (),
        fingerprints: dict[str, str] | None = None,
    ) -> int:
        """Store a batch of articles with their annotations in one transaction.

        Articles already stored (same id) are left as they are. Returns how many were new.
        """
        fingerprints = fingerprints or {}
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        stage_text = ",".join(stages)
        new = 0
        with self.transaction() as c:
            for ann in batch:
                a = ann.article
                cur = c.execute(
                    f"INSERT OR IGNORE INTO articles({_ARTICLE_COLS}, fingerprint, metadata, ingested_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        a.id, a.text, a.title, a.url, a.outlet,
                        a.published.isoformat() if a.published else None,
                        a.language, a.source_file, a.published_source, a.duplicate_of,
                        fingerprints.get(a.id), _dumps({"warnings": list(ann.warnings)}), now,
                    ),
                )  # fmt: skip
                if cur.rowcount == 0:
                    continue
                new += 1
                c.execute(
                    "INSERT OR REPLACE INTO annotations(article_id, stages, data, n_timexes, n_places, "
                    "n_figures, n_claims, n_events, n_commitments) VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        a.id, stage_text, _dumps(annotated_to_dict(ann, with_article=False)),
                        len(ann.timexes), len(ann.places), len(ann.figures), len(ann.claims),
                        len(ann.events), len(ann.commitments),
                    ),
                )  # fmt: skip
            if new:
                self._set_meta("dirty", "1")
        return new

    def _article(self, row: Sequence[Any], decoder: Decoder) -> Article:
        keys = [k.strip() for k in _ARTICLE_COLS.split(",")]
        return article_from_dict(dict(zip(keys, row, strict=True)), decoder)

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else self._article(row, Decoder())

    def article_labels(self) -> dict[str, dict[str, Any]]:
        """Article id → {outlet, url, source_file, title, published} (no text), for exports."""
        q = "SELECT id, outlet, url, source_file, title, published FROM articles"
        keys = ("outlet", "url", "source_file", "title", "published")
        return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in self.conn.execute(q)}

    def span_text(self, article_id: str, start: int, end: int) -> str:
        """The text of ``[start, end)`` in a stored article ("" if there is no such article)."""
        q = "SELECT substr(text, ?, ?) FROM articles WHERE id = ?"
        row = self.conn.execute(q, (start + 1, max(end - start, 0), article_id)).fetchone()
        return "" if row is None or row[0] is None else str(row[0])

    def find_article_ids(self, prefix: str) -> list[str]:
        q = "SELECT id FROM articles WHERE id LIKE ? ORDER BY id LIMIT 10"
        return [r[0] for r in self.conn.execute(q, (prefix.replace("%", "") + "%",))]

    def articles(self) -> Iterator[Article]:
        """Every stored article, oldest ingest first (stable order)."""
        dec = Decoder()
        for row in self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY rowid"):
            yield self._article(row, dec)

    def annotated(
        self,
        ids: Iterable[str] | None = None,
        originals_only: bool = False,
        fields: Sequence[str] | None = None,
    ) -> Iterator[AnnotatedArticle]:
        """Stored articles with their annotations (no Doc), in ingest order.

        ``fields`` limits which annotation fields are decoded (e.g. ``("timexes", "places")``);
        the others stay empty. Much faster for exports that need a few kinds only.
        """
        dec = Decoder()
        q = (
            f"SELECT {', '.join('a.' + k.strip() for k in _ARTICLE_COLS.split(','))}, n.data "
            "FROM articles a LEFT JOIN annotations n ON n.article_id = a.id"
        )
        where = []
        params: list[Any] = []
        if originals_only:
            where.append("a.duplicate_of IS NULL")
        if ids is not None:
            id_list = list(ids)
            where.append(f"a.id IN ({','.join('?' * len(id_list))})" if id_list else "0")
            params.extend(id_list)
        if where:
            q += " WHERE " + " AND ".join(where)
        q += " ORDER BY a.rowid"
        for row in self.conn.execute(q, params):
            article = self._article(row[:-1], dec)
            data = json.loads(row[-1]) if row[-1] else {}
            if fields is not None:
                data = {k: v for k, v in data.items() if k in fields}
            yield annotated_from_dict(data, article=article, decoder=dec)

    def search(self, query: str, limit: int = 50) -> list[tuple[str, str, float]]:
        """Full-text search over titles and texts: (article id, snippet, bm25 rank)."""
        q = (
            "SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 12), bm25(articles_fts) "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?"
        )
        try:
            return [(r[0], r[1], r[2]) for r in self.conn.execute(q, (query, limit))]
        except sqlite3.OperationalError:
            # not valid FTS syntax: search the words as a phrase
            phrase = '"' + query.replace('"', '""') + '"'
            return [(r[0], r[1], r[2]) for r in self.conn.execute(q, (phrase, limit))]

    # --- the reconciled ledger -----------------------------------------------------------
