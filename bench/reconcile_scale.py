"""How reconcile's time grows with the ledger: synthetic articles, real merging code.

usage: .venv/bin/python -m bench.reconcile_scale [--sizes 1000,5000,20000] [--events 3]
       .venv/bin/python -m bench.reconcile_scale --incremental 50000 [--events 3] [--repeat 2]
                                                 [--cache DIR]

Each synthetic article reports ``--events`` happenings drawn from a pool (type, day, town,
actors), so about a third of the mentions repeat a happening another article reported — a
stand-in for a news stream. Prints mentions, events, seconds and microseconds per mention for
each size (CPU seconds of this process, so other load on the machine does not count), and the cost
of a full re-reconcile after adding 1,000 articles to the largest ledger against reconciling 1,000
alone.

``--incremental N`` measures what ``ingest`` does: N synthetic articles are stored in a ledger
(SQLite, in a temporary folder) and fully reconciled (the full pass's CPU time is printed); then
1,000 more are stored and ``update_ledger`` (incremental reconcile) is timed, against the same
1,000 added to an empty ledger, ``--repeat`` times on fresh copies, with the CPU time of each step.
The merged result is checked against a full pass over the same articles. ``--cache DIR`` keeps
the reconciled N-article ledger in DIR between runs, named by N, ``--events`` and the version of the
reconcile code (:func:`newsledger.ledger.recon_index.code_version`), so a ledger indexed by other
code is never reused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from newsledger.model import AnnotatedArticle, Article, EventMention, PlaceMention, Span
from newsledger.reconcile import reconcile

TYPES = (
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
)
VERBS = ("attacked", "clashed", "protested", "arrested", "shelled")


def synthetic(n_articles: int, events_per: int, seed: int = 7) -> list[AnnotatedArticle]:
    rng = random.Random(seed)
    n_happenings = max(1, n_articles * events_per * 2 // 3)
    towns = [(f"town{i}", 30 + rng.random() * 20, rng.random() * 40) for i in range(max(50, n_articles // 5))]
    start = dt.date(2020, 1, 1)
    happenings = []
    for h in range(n_happenings):
        t = rng.randrange(len(TYPES))
        spot = towns[rng.randrange(len(towns))]
        day = start + dt.timedelta(days=rng.randrange(730))
        happenings.append((t, spot, day, f"Group {h % 97}", f"Side {h % 89}", h))
    out = []
    for i in range(n_articles):
        text_parts, events = [], []
        aid = f"a{i:07d}"
        pos = 0
        for _ in range(events_per):
            t, (town, lat, lon), day, a1, a2, h = happenings[rng.randrange(n_happenings)]
            sentence = f"{a1} {VERBS[t]} {a2} in {town} on {day.isoformat()} (report {h})."
            s, e = pos, pos + len(sentence)
            ti = sentence.index(VERBS[t])
            pi = sentence.index(town)
            place = PlaceMention(
                Span(aid, s + pi, s + pi + len(town)), town, town, f"syn:{town}", lat, lon, "city", None, "XX"
            )
            events.append(
                EventMention(
                    span=Span(aid, s, e),
                    trigger=VERBS[t],
                    trigger_span=Span(aid, s + ti, s + ti + len(VERBS[t])),
                    event_type=TYPES[t][0],
                    sub_event_type=TYPES[t][1],
                    actor1=a1,
                    actor2=a2,
                    place=place,
                    date=day.isoformat(),
                    date_precision="day",
                )
            )
            text_parts.append(sentence)
            pos = e + 1
        art = Article(aid, " ".join(text_parts), published=start + dt.timedelta(days=rng.randrange(760)))
        out.append(AnnotatedArticle(art, events=tuple(events)))
    return out


def timed(annotated: list[AnnotatedArticle]) -> tuple[float, int]:
    t0 = time.process_time()
    events, _ = reconcile(annotated)
    return time.process_time() - t0, len(events)


def _fill(db: Path, base: list[AnnotatedArticle]) -> float:
    """Store ``base`` and fully reconcile it; returns the CPU seconds of the full pass."""
    from newsledger.ledger import reconcile_ledger
    from newsledger.store import Store

    with Store(db) as store:
        for i in range(0, len(base), 1000):
            store.put_annotated(base[i : i + 1000])
        t0 = time.process_time()
        reconcile_ledger(store)
        secs = time.process_time() - t0
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return secs


def _add_timed(db: Path, new: list[AnnotatedArticle]) -> tuple[float, float, int, dict[str, float]]:
    """Store ``new`` in the reconciled ledger ``db`` and time the incremental update. Returns (CPU
    seconds to store, CPU seconds of ``update_ledger``, events written, CPU seconds per step)."""
    from newsledger.ledger.incremental import update_ledger
    from newsledger.store import Store

    phases: dict[str, float] = {}
    with Store(db) as store:
        t0 = time.process_time()
        store.put_annotated(new)
        t1 = time.process_time()
        written, _ = update_ledger(store, phases=phases)
        t2 = time.process_time()
    return t1 - t0, t2 - t1, written, phases


def _copy(src: Path, dst: Path) -> Path:
    import shutil

    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    shutil.copy(src, dst)
    return dst


def incremental(n: int, events_per: int, repeat: int = 2, cache: Path | None = None) -> None:
    import json
    import tempfile

    from newsledger.ledger import reconcile_ledger
    from newsledger.ledger.recon_index import code_version
    from newsledger.serialize import event_to_dict
    from newsledger.store import Store

    arts = synthetic(n + 1000, events_per)
    base, new = arts[:n], arts[n:]
    with tempfile.TemporaryDirectory() as tmp:
        empty, big = Path(tmp) / "empty.db", Path(tmp) / "big.db"
        _fill(empty, [])
        kept = cache / f"ledger-{n}-{events_per}-{code_version()}.db" if cache else None
        if kept is not None and kept.exists():
            _copy(kept, big)
            print(f"reconciled ledger of {n:,} articles read from {kept}")
        else:
            full = _fill(big, base)
            print(f"full pass over {n:,} articles ({n * events_per:,} mentions): {full:.1f}s CPU")
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                _copy(big, kept)
        ratios = []
        for r in range(repeat):
            put0, alone, _, ph0 = _add_timed(_copy(empty, Path(tmp) / "e.db"), new)
            put1, added, written, ph1 = _add_timed(_copy(big, Path(tmp) / "b.db"), new)
            ratios.append((added / alone, (put1 + added) / (put0 + alone)))
            print(f"run {r + 1}: add 1,000 articles ({1000 * events_per:,} mentions) to an empty ledger: "
                  f"reconcile {alone:.2f}s (store {put0:.2f}s); to {n:,}: reconcile {added:.2f}s "
                  f"(store {put1:.2f}s), {written:,} events written; ratio {added / alone:.2f}x "
                  f"(store + reconcile {ratios[-1][1]:.2f}x)")  # fmt: skip
            for name in ph1:
                print(f"    {name:28s} {ph0.get(name, 0.0):6.2f}s  {ph1[name]:6.2f}s")
        with Store(Path(tmp) / "b.db") as store:
            got = sorted(json.dumps(event_to_dict(e), sort_keys=True) for e in store.events())
            reconcile_ledger(store)
            want = sorted(json.dumps(event_to_dict(e), sort_keys=True) for e in store.events())
    print(f"ratio over {repeat} runs: {min(r[0] for r in ratios):.2f}–{max(r[0] for r in ratios):.2f}x "
          f"(store + reconcile {min(r[1] for r in ratios):.2f}–{max(r[1] for r in ratios):.2f}x)")  # fmt: skip
    print(f"incremental result equals a full pass: {got == want}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--events", type=int, default=3)
    ap.add_argument("--incremental", type=int, default=0, metavar="N")
    ap.add_argument("--repeat", type=int, default=2, help="timed runs of --incremental")
    ap.add_argument("--cache", type=Path, default=None, help="keep the reconciled ledger here")
    args = ap.parse_args(argv)
    if args.incremental:
        incremental(args.incremental, args.events, args.repeat, args.cache)
        return 0
    sizes = [int(x) for x in args.sizes.split(",")]
    print("articles  mentions  events  seconds  us/mention")
    for n in sizes:
        arts = synthetic(n, args.events)
        secs, n_events = timed(arts)
        m = n * args.events
        print(f"{n:8d}  {m:8d}  {n_events:6d}  {secs:7.2f}  {1e6 * secs / m:9.1f}")
    big = synthetic(sizes[-1] + 1000, args.events)
    alone, _ = timed(big[-1000:])
    again, _ = timed(big)
    print(
        f"add 1,000 to {sizes[-1]:,}: full re-reconcile {again:.2f}s vs 1,000 alone {alone:.2f}s "
        f"({again / alone:.1f}x; see --incremental for what ingest does)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
