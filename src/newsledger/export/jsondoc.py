"""The ledger as one JSON document (``ledger-json.md``), written as a stream.

Articles and mentions are read from the store one article at a time, so memory stays flat on a
large ledger; the output is the same document ``json.dumps`` would give for the whole ledger.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

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

MENTION_KINDS: tuple[tuple[str, str, Callable[[Any], dict[str, Any]]], ...] = (
    ("timexes", "timexes", timex_json),
    ("places", "places", place_json),
    ("figures", "figures", figure_json),
    ("claims", "claims", claim_json),
)


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


def write_json(store: Store, out: TextIO, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write the whole ledger to ``out``; returns how many items of each kind were written."""
    counts: dict[str, int] = {}
    out.write('{\n  "articles": ')
    counts["articles"] = _array(out, (article_json(a) for a in store.articles()), "  ")
    out.write(',\n  "mentions": {')
    for i, (key, attr, render) in enumerate(MENTION_KINDS):
        out.write(("," if i else "") + f"\n    {_dump(key)}: ")
        items = (render(m) for ann in store.annotated() for m in getattr(ann, attr))
        counts[key] = _array(out, items, "    ")
        if progress:
            progress(i + 1)
    out.write('\n  },\n  "events": ')
    counts["events"] = _array(out, (event_json(e) for e in store.events()), "  ")
    out.write(',\n  "commitments": ')
    counts["commitments"] = _array(out, (commitment_json(c) for c in store.commitments()), "  ")
    out.write("\n}\n")
    return counts
