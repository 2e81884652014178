"""Gun Violence Archive: do articles that report the same incident share one event?

usage: .venv/bin/python -m bench.gva_merge [--incidents N] [--skip K] [--fresh] [--verbose]
       [--workdir DIR] [--set FIELD=VALUE ...]

The same article choice and pairwise measure as ``../shared/eval/score_gva.py`` ("same
incident, one event": precision and recall of "these two articles share an event" against
"these two articles report the same incident"), but in process and in two steps so that merge
rules can be measured without re-extracting:

1. the articles are written to a work folder with a manifest (as the scorer does) and ingested
   with ``newsledger.ledger.ingest(..., reconcile=False)`` into ``WORKDIR/ledger.db`` (kept; pass
   ``--fresh`` after changing extraction);
2. the stored annotations are reconciled with ``newsledger.reconcile.reconcile_events`` — the
   production merge code — and the pairs are scored.

``--verbose`` prints the missed same-incident pairs and the false merges with each mention's
type, date, place, counts and trigger. ``--skip K`` scores another sample (held out from the
one rules were read on).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from bench.events import SHARED, load_scorer

if TYPE_CHECKING:
    from newsledger.reconcile.merge import Item, MergePolicy


def policy_with(overrides: list[str]) -> MergePolicy:
    """The default merge policy with FIELD=VALUE numbers replaced (typed like the field)."""
    from dataclasses import replace

    from newsledger.reconcile.merge import DEFAULT_POLICY

    changes: dict[str, float | int] = {}
    for o in overrides:
        name, _, value = o.partition("=")
        current = getattr(DEFAULT_POLICY, name)
        changes[name] = type(current)(value)
    return replace(DEFAULT_POLICY, **changes)


def prepare(work: Path, n: int, skip: int) -> dict[str, str]:
    """Write the texts and the manifest; returns doc id -> incident id."""
    gva = SHARED / "gva"
    with (gva / "incidents.jsonl").open(encoding="utf-8") as f:
        incidents = {str(x["incident_uri"]) for x in map(json.loads, f)}
    by_inc: dict[str, list[dict]] = {}
    with (gva / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if str(a["incident_id"]) in incidents and a.get("content", "").strip():
                by_inc.setdefault(str(a["incident_id"]), []).append(a)
    chosen = sorted(by_inc)[skip : skip + n]
    (work / "text").mkdir(parents=True, exist_ok=True)
    inc_of: dict[str, str] = {}
    with (work / "manifest.jsonl").open("w", encoding="utf-8") as m:
        for inc in chosen:
            for a in by_inc[inc]:
                path = work / "text" / f"{a['doc_id']}.txt"
                path.write_text(a["content"], encoding="utf-8")
                inc_of[a["doc_id"]] = inc
                row = {
                    "path": str(path),
                    "published": a.get("dct"),
                    "title": a.get("title"),
                    "url": a.get("uri"),
                }
                m.write(json.dumps(row) + "\n")
    return inc_of


def describe(it: Item) -> str:
    m = it.mention
    place = f"{m.place.name}/{m.place.feature}" if m.place else "-"
    return (
        f"{m.sub_event_type or m.event_type}|{m.date or '-'}|{place}|k{m.fatalities} i{m.injured}|"
        f"{m.trigger}|{m.status}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=200)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--workdir", help="default: a fixed folder under the temp dir per sample")
    ap.add_argument("--fresh", action="store_true", help="re-extract even if the ledger exists")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="override a MergePolicy number for this run (e.g. soft_date_days=7), repeatable",
    )
    args = ap.parse_args(argv)
    if not (SHARED / "gva" / "incidents.jsonl").exists():
        print(f"no data at {SHARED / 'gva'} (../shared absent?)")
        return 2
    load_scorer("score_gva")  # fail early if the scorer is missing
    work = Path(args.workdir or Path(tempfile.gettempdir()) / f"gva-merge-{args.skip}-{args.incidents}")
    work.mkdir(parents=True, exist_ok=True)
    inc_of = prepare(work, args.incidents, args.skip)
    db = work / "ledger.db"

    from newsledger.ledger import build
    from newsledger.reconcile import independent, reconcile_events
    from newsledger.store import open_store

    t0 = time.perf_counter()
    if args.fresh or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        build.ingest(db=db, manifest=work / "manifest.jsonl", reconcile=False)
    t1 = time.perf_counter()
    store = open_store(db)
    arts = independent(list(store.annotated()))
    doc_of = {a.article.id: Path(a.article.source_file or "").stem for a in arts}
    t2 = time.perf_counter()
    built = reconcile_events(arts, policy_with(args.set))
    t3 = time.perf_counter()
    events_of: dict[str, set[str]] = defaultdict(set)
    members_of: dict[str, list[Item]] = {}
    for ev, members in built:
        members_of[ev.id] = list(members)
        for it in members:
            events_of[doc_of[it.article.id]].add(ev.id)
    docs = sorted(inc_of)
    same = shared = both = 0
    missed: list[tuple[str, str]] = []
    false: list[tuple[str, str, list[str]]] = []
    for a, b in itertools.combinations(docs, 2):
        is_same = inc_of[a] == inc_of[b]
        shared_ids = events_of.get(a, set()) & events_of.get(b, set())
        same += is_same
        shared += bool(shared_ids)
        both += is_same and bool(shared_ids)
        if is_same and not shared_ids:
            missed.append((a, b))
        elif shared_ids and not is_same:
            false.append((a, b, sorted(shared_ids)))
    p = both / shared if shared else 0.0
    r = both / same if same else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if args.verbose:
        items_of: dict[str, list[Item]] = defaultdict(list)
        for _, members in built:
            for member in members:
                items_of[doc_of[member.article.id]].append(member)
        print("== missed same-incident pairs")
        for a, b in missed:
            print(f"-- incident {inc_of[a]}: {a[:8]} vs {b[:8]}")
            for d in (a, b):
                print(f"   {d[:8]}: " + "; ".join(describe(it) for it in items_of.get(d, [])[:6]))
        print("== false merges")
        for a, b, ids in false:
            print(f"-- {a[:8]} ({inc_of[a]}) + {b[:8]} ({inc_of[b]})")
            for eid in ids[:2]:
                for member in members_of[eid]:
                    print(f"   {eid[:10]} {describe(member)}")
    print(
        f"incidents: {args.incidents} (skip {args.skip})  articles: {len(docs)}  events: {len(built)}  "
        f"same-incident pairs: {same}"
    )
    print(f"extract {t1 - t0:.1f}s  load {t2 - t1:.1f}s  reconcile {t3 - t2:.2f}s")
    print(
        f"same incident, one event: P {p:.4f} R {r:.4f} F1 {f:.4f}  (missed {len(missed)}, false {len(false)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
