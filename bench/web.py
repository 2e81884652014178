"""How fast the web API answers over a large ledger (synthetic: the web tests' ledger repeated).

    .venv/bin/python -m bench.web [--copies 2000]

Writes ``copies`` x 3 articles and x 4 events through the store, then times: loading the ledger
read-only (what ``serve`` does at start and after each commit of an ingest), and the API calls
the page makes (meta, timeline with and without filters, map, one event, one article).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

from web_ledger import build

from newsledger.model import AnnotatedArticle, Event, Ledger, Source, Span, TrackedCommitment
from newsledger.store import Store
from newsledger.web import api
from newsledger.web.store_source import StoreSource


def _respan(obj: object, aid: str) -> object:
    """A copy of a model value with every Span moved to article ``aid``."""
    if isinstance(obj, Span):
        return Span(aid, obj.start, obj.end)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            if f.name == "doc":
                continue
            v = getattr(obj, f.name)
            nv = _respan(v, aid)
            if nv is not v:
                changes[f.name] = nv
        return dataclasses.replace(obj, **changes) if changes else obj  # type: ignore[arg-type]
    if isinstance(obj, tuple):
        return tuple(_respan(x, aid) for x in obj)
    return obj


def synthetic(copies: int) -> Ledger:
    base = build()
    arts: list[AnnotatedArticle] = []
    events: list[Event] = []
    commitments: list[TrackedCommitment] = []
    for k in range(copies):
        ids = {a.article.id: f"{a.article.id}-{k}" for a in base.annotated}
        for a in base.annotated:
            nid = ids[a.article.id]
            art = dataclasses.replace(a.article, id=nid, text=a.article.text + f"\n\n(copy {k})")
            arts.append(_respan(dataclasses.replace(a, article=art), nid))  # type: ignore[arg-type]
        for e in base.events:
            srcs = tuple(Source(ids[s.article], s.start, s.end, s.attributed_to) for s in e.sources)
            lat_shift = (k % 40) * 0.3
            loc = e.location and dataclasses.replace(
                e.location, latitude=(e.location.latitude or 0) + lat_shift
            )
            events.append(dataclasses.replace(e, id=f"{e.id}-{k}", sources=srcs, location=loc))
        for c in base.commitments:
            commitments.append(
                dataclasses.replace(
                    c,
                    id=f"{c.id}-{k}",
                    fulfilled_by=f"{c.fulfilled_by}-{k}",
                    sources=tuple(dataclasses.replace(s, article=ids[s.article]) for s in c.sources),
                    deadline_history=tuple(
                        dataclasses.replace(d, article=ids[d.article]) for d in c.deadline_history
                    ),
                )
            )
    return Ledger(tuple(a.article for a in arts), tuple(arts), tuple(events), tuple(commitments))


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=2000)
    args = ap.parse_args(argv)
    ledger = synthetic(args.copies)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        with Store(db) as s:
            s.put_annotated(ledger.annotated)
            s.replace_ledger(ledger.events, ledger.commitments)
        src = StoreSource(db)
        t = time.perf_counter()
        view = src.view()
        load_ms = (time.perf_counter() - t) * 1000
        print(
            f"ledger: {len(ledger.articles)} articles, {len(ledger.events)} events, {len(ledger.commitments)} commitments"
        )
        print(f"load (read-only, whole ledger): {load_ms:.0f} ms")
        calls = {
            "meta": ("/api/meta", {}),
            "timeline (first 1000)": ("/api/events", {}),
            "timeline, type filter": ("/api/events", {"type": ["Protests"]}),
            "timeline, free text": ("/api/events", {"q": ["council shells"]}),
            "map (located, 5000)": ("/api/events", {"located": ["1"], "limit": ["5000"]}),
            "event page": ("/api/events/ev-shelling-7", {}),
            "article page": ("/api/articles/art-b-7", {"mark": ["184-266"]}),
            "article search (FTS5)": ("/api/articles", {"q": ["negotiator"]}),
            "commitments board": ("/api/commitments", {}),
        }
        for name, (path, q) in calls.items():
            status, _ = api.route(view, path, q)
            assert status == 200, (name, status)
            print(f"{name:28s} {timed(lambda p=path, q=q: api.route(view, p, q)):8.1f} ms")
        src.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
