"""Gun Violence Archive: killed / injured exact, date and city of the events of real local news.

usage: .venv/bin/python -m bench.gva [--incidents N | --all] [--verbose]

Runs the extraction pipeline in this process on the articles of the first N incidents (the same
choice as ``../shared/eval/score_gva.py``) and scores each article as that scorer does, with its
own ``fold`` and ``gold_date`` imported at run time: killed = the largest ``fatalities`` among
the article's events (0 without events) equals the registry; injured = the largest ``injured``,
else the largest figure of kind injured; date = some event is dated the incident's day; city /
state = some event's place has the city in its name / the state as admin1. Per-article event
mentions are scored (no cross-article reconciliation, so the pairwise part is not measured).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter

from bench.events import SHARED, load_scorer


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=200)
    ap.add_argument("--all", action="store_true", help="every incident that has an article with text")
    ap.add_argument("--skip", type=int, default=0, help="skip the first K incidents (another sample)")
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
    chosen = (
        sorted(by_inc)[args.skip :] if args.all else sorted(by_inc)[args.skip : args.skip + args.incidents]
    )

    from newsledger import Context
    from newsledger.model import Article
    from newsledger.pipeline import extract

    arts, inc_of = [], {}
    for inc in chosen:
        for a in by_inc[inc]:
            pub = dt.date.fromisoformat(a["dct"]) if a.get("dct") else None
            arts.append(Article(id=a["doc_id"], text=a["content"], title=a.get("title"), published=pub))
            inc_of[a["doc_id"]] = inc
    t0 = time.perf_counter()
    n = killed = injured = date = city = state = 0
    fails: Counter[str] = Counter()
    for ann in extract(arts, Context()):
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
