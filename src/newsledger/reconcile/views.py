"""Commitments as a reader sees them: each with its deadline history, sources and fulfilling event."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, DeadlineChange, Event, Ledger, TrackedCommitment


@dataclass(frozen=True)
class HistoryEntry:
    change: DeadlineChange
    published: str | None  # the reporting article's publication date
    outlet: str | None
    quote: str  # the words of the article that state it


@dataclass(frozen=True)
class CommitmentView:
    commitment: TrackedCommitment
    history: tuple[HistoryEntry, ...]
    fulfilled_by: Event | None


def commitment_views(ledger: Ledger, status: str | None = None) -> list[CommitmentView]:
    """Every tracked commitment (optionally of one status), in deadline order, with its history."""
    articles: dict[str, Article] = {a.id: a for a in ledger.articles}
    events = {e.id: e for e in ledger.events}
    out = []
    for c in sorted(ledger.commitments, key=lambda c: (c.deadline or "9999", c.id)):
        if status and c.status != status:
            continue
        history = []
        for h in c.deadline_history:
            a = articles.get(h.article)
            history.append(
                HistoryEntry(
                    h,
                    a.published.isoformat() if a and a.published else None,
                    a.outlet if a else None,
                    a.text[h.start : h.end] if a else "",
                )
            )
        out.append(CommitmentView(c, tuple(history), events.get(c.fulfilled_by or "")))
    return out


def load_commitments(db: str | Path | Any = None, status: str | None = None) -> list[CommitmentView]:
    """Open the ledger at ``db`` (default ./newsledger.db) and list its commitments."""
    from ..ledger import load_ledger

    return commitment_views(load_ledger(db), status)
