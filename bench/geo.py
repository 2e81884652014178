"""Geoparsing benchmark: the metrics of ../shared/eval/score_geo.py, computed in-process.

    nice .venv/bin/python -m bench.geo [--corpus TR-News.xml GWN.xml] [--limit N] [--verbose]

Reads the gold corpora where they are (never copied), runs the parse + places stage directly
(no subprocess), and reports geotagging P/R/F1, Acc@161 on found toponyms, end-to-end Acc@161,
mean error and AUC exactly as the shared scorer does (its ``load``/``km``/``auc`` are imported
at run time). Also times the parse, the places stage and the rest of the pipeline, to check
that placing adds at most 10% to the pipeline's time.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def _scorer() -> Any:
    sys.path.insert(0, str(EVAL))
    spec = importlib.util.spec_from_file_location("score_geo", EVAL / "score_geo.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _parsed(articles: list[Any], ctx: Any, cache: Path | None) -> tuple[list[Any], float]:
    """Parse ``articles`` (timed), or read the parses a previous run stored in ``cache`` (a
    directory; keyed by a digest of the texts and the model): for quick iterations on placing."""
    from newsledger.model import AnnotatedArticle, Entity, Span
    from newsledger.nlp import doc_text, index_sentences
    from newsledger.pipeline import parse

    path = None
    if cache is not None:
        h = hashlib.sha1(ctx.nlp.meta.get("name", "").encode())
        for a in articles:
            h.update(a.text.encode())
        path = cache / f"geo-parse-{h.hexdigest()[:12]}.pickle"
        if path.exists():
            with path.open("rb") as f:
                blobs = pickle.load(f)
            doc_type = type(ctx.nlp.make_doc(""))
            out = []
            for a, blob in zip(articles, blobs, strict=True):
                doc = doc_type(ctx.nlp.vocab).from_bytes(blob)
                doc_text(doc)
                sents = tuple(Span(a.id, s.start_char, s.end_char) for s in index_sentences(doc))
                ents = tuple(Entity(Span(a.id, e.start_char, e.end_char), e.text, e.label_) for e in doc.ents)
                out.append(AnnotatedArticle(article=a, doc=doc, sentences=sents, entities=ents))
            return out, 0.0
    t0 = time.perf_counter()
    parsed = parse(articles, ctx)
    seconds = time.perf_counter() - t0
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            pickle.dump([p.doc.to_bytes() for p in parsed], f)
    return parsed, seconds


def evaluate(
    corpus: Path,
    limit: int = 0,
    verbose: bool = False,
    timing: bool = True,
    demonyms: str = "qualifying",
    cache: Path | None = None,
) -> dict[str, float]:
    from newsledger import Context
    from newsledger.model import Article
    from newsledger.pipeline import default_stages
    from newsledger.stages.places import place_mentions

    sg = _scorer()
    arts = sg.load(corpus)
    if limit:
        arts = arts[:limit]
    ctx = Context()
    ctx.gazetteer  # noqa: B018 - load outside the timed part
    ctx.nlp  # noqa: B018
    articles = [Article(id=f"g{i:05d}", text=a["text"]) for i, a in enumerate(arts)]
    parsed, t_parse = _parsed(articles, ctx, cache)
    t0 = time.perf_counter()
    results = [p.add(places=place_mentions(p, ctx.gazetteer, demonyms=demonyms)) for p in parsed]
    t_places = time.perf_counter() - t0
    t_rest = 0.0
    if timing:
        others = [s for s in default_stages() if s.name != "places"]
        t0 = time.perf_counter()
        for r in results:
            for s in others:
                try:
                    r = s.func(r, ctx)
                except Exception:  # other stages may be under construction: time what runs
                    break
        t_rest = time.perf_counter() - t0

    n_gold = n_sys = tagged = overlap_sys = 0
    errors: list[float] = []
    found_errors: list[float] = []
    misses: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for a, r in zip(arts, results, strict=True):
        ps = r.places
        n_sys += len(ps)
        for g in a["toponyms"]:
            n_gold += 1
            match = next((p for p in ps if p.span.start < g["end"] and p.span.end > g["start"]), None)
            if match is not None:
                tagged += 1
            else:
                misses[g["phrase"]] += 1
            if g["lat"] is None:
                continue
            if match is None or match.latitude is None or match.longitude is None:
                errors.append(sg.MAX_KM)
                if match is not None:
                    found_errors.append(sg.MAX_KM)
                    wrong[f"{g['phrase']} -> (unplaced)"] += 1
                continue
            e = sg.km(g["lat"], g["lon"], match.latitude, match.longitude)
            errors.append(e)
            found_errors.append(e)
            if e >= 161:
                wrong[f"{g['phrase']} -> {match.name} {match.feature} {match.country} ({e:.0f} km)"] += 1
        for p in ps:
            hit = any(p.span.start < g["end"] and p.span.end > g["start"] for g in a["toponyms"])
            overlap_sys += hit
            if not hit:
                spurious[f"{p.text} [{p.role} {p.feature}]"] += 1
    precision = overlap_sys / max(n_sys, 1)
    recall = tagged / max(n_gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {
        "articles": len(arts),
        "gold": n_gold,
        "system": n_sys,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "acc161_found": sum(e < 161 for e in found_errors) / max(len(found_errors), 1),
        "acc161": sum(e < 161 for e in errors) / max(len(errors), 1),
        "mean_error_km": sum(errors) / max(len(errors), 1),
        "auc": sg.auc(errors),
        "seconds_parse": t_parse,
        "seconds_places": t_places,
        "seconds_other_stages": t_rest,
    }
    if verbose:
        for title, counter in (("missed", misses), ("misplaced", wrong), ("spurious", spurious)):
            print(f"  {title}: " + "; ".join(f"{k} x{v}" for k, v in counter.most_common(40)))
    return out


def breakdown(corpus: Path, cache: Path | None = None, demonyms: str = "qualifying") -> None:
    """False positives and misses by category. For GeoWebNews, each false positive is labelled
    with the corpus' own annotation of that span, including the types its scorer leaves out
    (Demonym, Non_Literal_Modifier, Embedded_Non_Lit, Non_Toponym, Homonym, Language): that
    shows which errors are convention and which are ours. Misses by gold type and NER label."""
    import xml.etree.ElementTree as ET

    from newsledger import Context
    from newsledger.model import Article
    from newsledger.stages.places import place_mentions

    sg = _scorer()
    arts = sg.load(corpus)
    every: list[list[tuple[int, int, str]]] = [
        [(int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("type") or "?")
         for t in a.iter("toponym")]
        for a in ET.parse(corpus).getroot().iter("article")
    ]  # fmt: skip
    ctx = Context()
    parsed, _ = _parsed([Article(id=f"g{i:05d}", text=a["text"]) for i, a in enumerate(arts)], ctx, cache)
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    examples: dict[str, Counter[str]] = {}
    for i, (a, p) in enumerate(zip(arts, parsed, strict=True)):
        found = place_mentions(p, ctx.gazetteer, demonyms=demonyms)
        for m in found:
            if any(m.span.start < g["end"] and m.span.end > g["start"] for g in a["toponyms"]):
                continue
            gold = next((t for s, e, t in every[i] if m.span.start < e and m.span.end > s), "unannotated")
            key = f"FP {m.role}/{m.feature} on {gold}"
            fp[key] += 1
            examples.setdefault(key, Counter())[m.text] += 1
        for g in a["toponyms"]:
            if any(m.span.start < g["end"] and m.span.end > g["start"] for m in found):
                continue
            span = p.doc.char_span(g["start"], g["end"], alignment_mode="expand")
            label = ",".join(sorted({t.ent_type_ or "-" for t in span})) if span is not None else "?"
            gold = next((t for s, e, t in every[i] if s == g["start"]), "")
            key = f"FN {gold} ner={label}"
            fn[key] += 1
            examples.setdefault(key, Counter())[g["phrase"]] += 1
    for title, counter in (("false positives", fp), ("misses", fn)):
        print(f"{title}: {sum(counter.values())}")
        for key, n in counter.most_common(25):
            print(f"  {n:4d} {key}: " + "; ".join(f"{k} x{v}" for k, v in examples[key].most_common(8)))


def pipeline_share(n: int = 100) -> None:
    """CPU seconds per step of ``pipeline.extract(..., timings=...)`` over the first ``n`` GVA
    articles with text (US local news), and the places stage's share of the whole."""
    import json

    from newsledger import Context
    from newsledger.model import Article
    from newsledger.pipeline import extract

    arts: list[Article] = []
    with (EVAL / "gva" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a.get("content", "").strip():
                arts.append(Article(id=a["doc_id"], text=a["content"]))
            if len(arts) >= n:
                break
    ctx = Context()
    ctx.nlp  # noqa: B018 - load outside the timed part
    ctx.gazetteer  # noqa: B018
    timings: dict[str, float] = {}
    for _ in extract(arts, ctx, timings=timings):
        pass
    total = sum(timings.values())
    print(", ".join(f"{k} {v:.2f} s" for k, v in timings.items()))
    print(
        f"places: {timings.get('places', 0.0):.2f} s of {total:.2f} s = {100 * timings.get('places', 0.0) / total:.1f}%"
    )


def speed(n: int = 100_000) -> None:
    """Gazetteer load time (from the built index) and look-ups per second (names of real entries,
    one cold and one warm pass), in CPU time so that other jobs on the machine do not count."""
    import random

    from newsledger.gazetteer import load_gazetteer

    load_gazetteer()  # build if needed, outside the timing
    t0 = time.process_time()
    gz = load_gazetteer()
    print(f"gazetteer: {len(gz)} entries, loaded in {time.process_time() - t0:.2f} s")
    rng = random.Random(1)
    names = [gz.get_name(rng.randrange(len(gz))) for _ in range(n)]
    for label in ("cold", "warm"):
        t0 = time.process_time()
        for name in names:
            gz.lookup(name)
        print(f"look-ups ({label}): {n / (time.process_time() - t0):,.0f}/s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="*", default=["TR-News.xml", "GWN.xml"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--cache", type=Path, help="keep the parses in this directory (for iterations)")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--speed", action="store_true", help="only time the gazetteer (load, look-ups)")
    ap.add_argument(
        "--demonyms",
        choices=("qualifying", "all", "none"),
        default="qualifying",
        help="which demonyms are returned (default: those qualifying a noun, as the stage does)",
    )
    ap.add_argument("--gva", type=int, metavar="N", help="only the GVA city recall over N incidents")
    ap.add_argument("--skip", type=int, default=0, help="with --gva: start after this many incidents")
    ap.add_argument("--breakdown", action="store_true", help="false positives and misses by category")
    ap.add_argument("--share", type=int, metavar="N", help="places' share of extract() over N GVA texts")
    args = ap.parse_args(argv)
    if args.share:
        pipeline_share(args.share)
        return 0
    if args.breakdown:
        for name in args.corpus:
            path = Path(name) if Path(name).exists() else EVAL / "geo" / name
            print(f"== {path.name}")
            breakdown(path, args.cache, args.demonyms)
        return 0
    if args.gva:
        from bench.geo_gva import gva_city_recall

        gva_city_recall(args.gva, args.cache, args.verbose, args.skip)
        return 0
    if args.speed:
        speed()
        return 0
    if not EVAL.is_dir():
        print(f"{EVAL} is not present: nothing to measure")
        return 0
    for name in args.corpus:
        path = Path(name) if Path(name).exists() else EVAL / "geo" / name
        print(f"== {path.name}")
        r = evaluate(
            path,
            args.limit,
            args.verbose,
            timing=not args.no_timing,
            demonyms=args.demonyms,
            cache=args.cache,
        )
        print(f"articles: {r['articles']}  gold toponyms: {r['gold']}  system places: {r['system']}")
        print(f"geotagging P/R/F1: {r['precision']:.4f} {r['recall']:.4f} {r['f1']:.4f}")
        print(f"Acc@161 on found toponyms: {r['acc161_found']:.4f}")
        print(
            f"end to end: Acc@161 {r['acc161']:.4f}  mean error {r['mean_error_km']:.0f} km  AUC {r['auc']:.4f}"
        )
        pipeline = r["seconds_parse"] + r["seconds_places"] + r["seconds_other_stages"]
        print(
            f"time: parse {r['seconds_parse']:.2f} s, places {r['seconds_places']:.2f} s, other stages "
            f"{r['seconds_other_stages']:.2f} s; places = {100 * r['seconds_places'] / max(pipeline, 1e-9):.1f}% "
            "of the pipeline"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
