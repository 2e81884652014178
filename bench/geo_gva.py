"""GVA local news for the places stage (``python -m bench.geo --gva N [--skip K]``): how often
the registry's city is found as a place, and where the article's local places go."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench.geo import EVAL, _parsed


def gva_city_recall(
    incidents: int = 200, cache: Path | None = None, verbose: bool = False, skip: int = 0
) -> None:
    """The Gun Violence Archive registry's city as a place: over the articles of ``incidents``
    incidents (after the first ``skip``; ``bench.gva`` takes the first ones), how often the text
    names the city and how often the places stage finds it (a mention whose name contains it, any
    role). Also where the local places go: of the mentions of towns, counties and sites (role
    place or embedded), the share within 100 km of the registry's city (placed by the gazetteer
    in its state), beyond 1,000 km of it, and outside the US (these are US local reports: most
    such readings are wrong, though some are right)."""
    import json

    from newsledger import Context
    from newsledger.model import Article
    from newsledger.stages.places import place_mentions

    gva = EVAL / "gva"
    if not (gva / "incidents.jsonl").exists():
        print(f"no data at {gva}")
        return
    sys.path.insert(0, str(EVAL))
    spec = importlib.util.spec_from_file_location("score_gva", EVAL / "score_gva.py")
    assert spec and spec.loader
    sg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sg)
    with (gva / "incidents.jsonl").open(encoding="utf-8") as f:
        registry = {str(x["incident_uri"]): x for x in map(json.loads, f)}
    by_inc: dict[str, list[dict[str, Any]]] = {}
    with (gva / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if str(a["incident_id"]) in registry and a.get("content", "").strip():
                by_inc.setdefault(str(a["incident_id"]), []).append(a)
    chosen = [a for inc in sorted(by_inc)[skip : skip + incidents] for a in by_inc[inc]]
    articles = [Article(id=a["doc_id"], text=a["content"], title=a.get("title")) for a in chosen]
    ctx = Context()
    parsed, _ = _parsed(articles, ctx, cache)
    n = in_text = found = 0
    local = Counter[str]()
    for a, p in zip(chosen, parsed, strict=True):
        entry = registry[str(a["incident_id"])]
        city = sg.fold(entry["city_or_county"]).split(" (")[0]
        mentions = place_mentions(p, ctx.gazetteer)
        _local_spread(local, mentions, ctx.gazetteer, entry["city_or_county"].split(" (")[0], entry["state"])
        n += 1
        named = bool(city) and city in sg.fold(p.article.text)
        hit = bool(city) and any(city in sg.fold(m.name) for m in mentions)
        in_text += named
        found += hit
        if verbose and named and not hit:
            print(f"  not found: {city!r} in {p.article.id}")
    print(
        f"GVA articles: {n}  city in text: {in_text / max(n, 1):.3f}  found as a place: "
        f"{found / max(n, 1):.3f} ({found / max(in_text, 1):.3f} of those naming it)"
    )
    m = max(local["mentions"], 1)
    print(
        f"local mentions: {local['mentions']} (of {local['scored']} articles with a registry point)  "
        f"within 100 km: {local['near'] / m:.3f}  beyond 1,000 km: {local['far'] / m:.3f}  "
        f"outside the US: {local['abroad'] / m:.3f}"
    )


def _local_spread(out: Counter[str], mentions: Any, gz: Any, city: str, state: str) -> None:
    """Count the article's mentions of towns, counties and sites by their distance from the
    registry's city (a gazetteer town or county of that name in that state; else skipped)."""
    from newsledger.gazetteer import distance_km, fold

    point = next(
        (
            p
            for p in gz.lookup(city, fuzzy=False)
            if p.country == "US" and fold(p.admin1) == fold(state) and p.feature in ("city", "ADM2")
        ),
        None,
    )
    if point is None:
        return
    out["scored"] += 1
    for m in mentions:
        if m.role not in ("place", "embedded") or m.feature not in ("city", "ADM2", "other"):
            continue
        if m.latitude is None or m.longitude is None:
            continue
        out["mentions"] += 1
        d = distance_km(point.latitude, point.longitude, m.latitude, m.longitude)
        out["near"] += d < 100
        out["far"] += d > 1000
        out["abroad"] += m.country != "US"
