"""Gun Violence Archive: killed / injured exact, date and city of the events of real local news.

usage: .venv/bin/python -m bench.gva [--incidents N | --all] [--third K] [--cache FILE] [--verbose]

Runs the extraction pipeline in this process on the articles of the first N incidents (the same
choice as ``../shared/eval/score_gva.py``) and scores each article as that scorer does, with its
own ``fold`` and ``gold_date`` imported at run time: killed = the largest ``fatalities`` among
the article's events (0 without events) equals the registry; injured = the largest ``injured``,
else the largest figure of kind injured; date = some event is dated the incident's day; city /
state = some event's place has the city in its name / the state as admin1. Per-article event
mentions are scored (no cross-article reconciliation, so the pairwise part is not measured).

``--third K`` keeps the incidents whose index (in the scorer's order) is K modulo 3: third 0 is
the one used for error analysis, third 1 is only measured (held out), third 2 is spare.
``--cache FILE`` keeps the parse and the stages before ``events`` in FILE (written on the first
run, read on later ones): for iterating on event coding only — do not use it when the dates,
places, figures or claims stages change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.events import SHARED, load_scorer

BEFORE_EVENTS = ("dates", "places", "figures", "claims")


def _annotated(arts: list[Any], cache: Path | None) -> Iterator[Any]:
    """Every article through the full pipeline (or: events only, the rest from the cache)."""
    from newsledger import Context
    from newsledger.nlp import doc_text, index_sentences
    from newsledger.pipeline import annotate, default_stages, extract, parse

    ctx = Context()
    if cache is None:
        yield from extract(arts, ctx)
        return
    stages = default_stages()
    early = [s for s in stages if s.name in BEFORE_EVENTS]
    late = [s for s in stages if s.name not in BEFORE_EVENTS]
    if cache.exists():
        with cache.open("rb") as f:
            stored = pickle.load(f)
        wanted = {a.id for a in arts}
        doc_cls = type(ctx.nlp.make_doc(""))
        for ann, blob in stored:
            if ann.article.id in wanted:
                doc = doc_cls(ctx.nlp.vocab).from_bytes(blob)
                index_sentences(doc)
                doc_text(doc)
                yield annotate(ann.add(doc=doc), ctx, late).without_doc()
        return
    stored = []
    for i in range(0, len(arts), 16):
        for parsed in parse(arts[i : i + 16], ctx):
            ann = annotate(parsed, ctx, early)
            stored.append((ann.without_doc(), ann.doc.to_bytes(exclude=["user_data"])))
            yield annotate(ann, ctx, late).without_doc()
    with cache.open("wb") as f:
        pickle.dump(stored, f)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=200)
    ap.add_argument("--all", action="store_true", help="every incident that has an article with text")
    ap.add_argument("--skip", type=int, default=0, help="skip the first K incidents (another sample)")
    ap.add_argument("--third", type=int, choices=(0, 1, 2), help="only incidents with index %% 3 == K")
    ap.add_argument("--cache", type=Path, help="parse + early stages kept here (event coding only)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    gva = SHARED / "gva"
    if not (gva / "incidents.jsonl").exists():
        print(f"no data at {gva} (../shared absent?)")
        return 2
    scorer = load_scorer("score_gva")
    with (gva / "incidents.jsonl").open(encoding="utf-8") as f:
        incidents = {str(x["incident_uri"]): x for x in map(json.loads, f)}
    by_inc: dict[str, list[dict]] = {}
    with (gva / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if str(a["incident_id"]) in incidents and a.get("content", "").strip():
                by_inc.setdefault(str(a["incident_id"]), []).append(a)
    order = sorted(by_inc)
    third_of = {inc: i % 3 for i, inc in enumerate(order)}
    if args.third is not None:
        order = [inc for i, inc in enumerate(order) if i % 3 == args.third]
    chosen = order[args.skip :] if args.all else order[args.skip : args.skip + args.incidents]

    from newsledger.model import Article

    arts, inc_of = [], {}
    for inc in chosen:
        for a in by_inc[inc]:
            pub = dt.date.fromisoformat(a["dct"]) if a.get("dct") else None
            arts.append(Article(id=a["doc_id"], text=a["content"], title=a.get("title"), published=pub))
            inc_of[a["doc_id"]] = inc
    t0 = time.perf_counter()
    n = killed = injured = date = city = state = 0
    fails: Counter[str] = Counter()
    per_third: Counter[tuple[int, str]] = Counter()
    for ann in _annotated(arts, args.cache):
        inc = incidents[inc_of[ann.article.id]]
        evs = ann.events
        n += 1
        k = max([e.fatalities or 0 for e in evs] or [0])
        inj = max([e.injured or 0 for e in evs] or [0]) or max(
            [int(f.value or 0) for f in ann.figures if f.kind == "injured"] or [0]
        )
        gdate = scorer.gold_date(inc["date"])
        gcity = scorer.fold(inc["city_or_county"]).split(" (")[0]
        ok = {
            "killed": k == inc["num_killed"],
            "injured": inj == inc["num_injured"],
            "date": any(e.date == gdate for e in evs),
            "city": any(gcity and e.place and gcity in scorer.fold(e.place.name) for e in evs),
            "state": any(e.place and scorer.fold(inc["state"]) == scorer.fold(e.place.admin1) for e in evs),
        }
        third = third_of[inc_of[ann.article.id]]
        per_third[third, "n"] += 1
        for key, good in ok.items():
            per_third[third, key] += good
        killed += ok["killed"]
        injured += ok["injured"]
        date += ok["date"]
        city += ok["city"]
        state += ok["state"]
        for key, good in ok.items():
            if not good:
                fails[key] += 1
                if args.verbose:
                    got = {
                        "killed": k,
                        "injured": inj,
                        "date": sorted({e.date for e in evs if e.date}),
                        "city": sorted({e.place.name for e in evs if e.place}),
                        "state": sorted({e.place.admin1 or "" for e in evs if e.place}),
                    }[key]
                    gold = {"killed": inc["num_killed"], "injured": inc["num_injured"], "date": gdate,
                            "city": inc["city_or_county"], "state": inc["state"]}[key]  # fmt: skip
                    print(f"  {ann.article.id[:10]} {key}: gold {gold!r} got {got!r} ({len(evs)} events)")
    secs = time.perf_counter() - t0
    print(f"incidents: {len(chosen)}  articles: {n}  time: {secs:.1f} s")
    print(f"killed exact: {killed / n:.4f}  injured exact: {injured / n:.4f}")
    print(f"date exact: {date / n:.4f}  city: {city / n:.4f}  state: {state / n:.4f}")
    for k in sorted({t for t, _ in per_third}):
        m = per_third[k, "n"]
        scores = "  ".join(
            f"{key} {per_third[k, key] / m:.4f}" for key in ("killed", "injured", "date", "city")
        )
        print(f"  third {k} ({m} articles): {scores}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
