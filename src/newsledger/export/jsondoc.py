"""The ledger as one JSON document (``ledger-json.md``), written as a stream.

One pass over the stored annotations: timexes go straight to the output, the other mention
kinds to temporary spill files that are copied in after, so memory stays flat on a large ledger.
The output is the same document ``json.dumps`` would give for the whole ledger.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from typing import IO, Any, TextIO

from ..serialize import (
    article_json,
    claim_json,
    commitment_json,
    event_json,
    figure_json,
    place_json,
    timex_json,
)
from ..store import Store

MENTION_KINDS: tuple[tuple[str, Callable[[Any], dict[str, Any]]], ...] = (
    ("timexes", timex_json),
    ("places", place_json),
    ("figures", figure_json),
    ("claims", claim_json),
)
SPILL_BYTES = 8 * 1024 * 1024  # kept in memory up to this size, then on disk


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _array(out: TextIO, items: Iterable[dict[str, Any]], indent: str) -> int:
    n = 0
    out.write("[")
    for item in items:
        out.write(("," if n else "") + "\n" + indent + "  " + _dump(item))
        n += 1
    out.write(("\n" + indent) if n else "")
    out.write("]")
    return n


class _Spill:
    """A JSON array written piecewise to a spooled temporary file."""

    def __init__(self, indent: str) -> None:
        self.fh: IO[str] = tempfile.SpooledTemporaryFile(SPILL_BYTES, mode="w+", encoding="utf-8")  # noqa: SIM115
        self.n = 0
        self.indent = indent

    def add(self, item: dict[str, Any]) -> None:
        self.fh.write(("," if self.n else "") + "\n" + self.indent + "  " + _dump(item))
        self.n += 1

    def copy_to(self, out: TextIO) -> None:
        out.write("[")
        self.fh.seek(0)
        shutil.copyfileobj(self.fh, out)
        out.write(("\n" + self.indent) if self.n else "")
        out.write("]")
        self.fh.close()


def write_json(store: Store, out: TextIO, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write the whole ledger to ``out``; returns how many items of each kind were written."""
    counts: dict[str, int] = {}
    out.write('{\n  "articles": ')
    counts["articles"] = _array(out, (article_json(a) for a in store.articles()), "  ")
    out.write(',\n  "mentions": {\n    "timexes": [')
    spills = {kind: _Spill("    ") for kind, _ in MENTION_KINDS[1:]}
    n_timexes = 0
    fields = [kind for kind, _ in MENTION_KINDS]
    for i, ann in enumerate(store.annotated(fields=fields), 1):
        for t in ann.timexes:
            out.write(("," if n_timexes else "") + "\n      " + _dump(timex_json(t)))
            n_timexes += 1
        for kind, render in MENTION_KINDS[1:]:
            for m in getattr(ann, kind):
                spills[kind].add(render(m))
        if progress and i % 100 == 0:
            progress(i)
    out.write(("\n    " if n_timexes else "") + "]")
    counts["timexes"] = n_timexes
    for kind, spill in spills.items():
        out.write(f",\n    {_dump(kind)}: ")
        counts[kind] = spill.n
        spill.copy_to(out)
    out.write('\n  },\n  "events": ')
    counts["events"] = _array(out, (event_json(e) for e in store.events()), "  ")
    out.write(',\n  "commitments": ')
    counts["commitments"] = _array(out, (commitment_json(c) for c in store.commitments()), "  ")
    out.write("\n}\n")
    return counts
