"""Benchmark: our TIMEX3 tagger vs dateparser's ``search_dates`` on the same TimeML documents.

usage: python -m bench.timex [--dirs tbaq wikiwars] [--limit N] [--parse] [--no-dateparser]
                             [--dateparser-limit N] [--verbose] [--by-pattern [N]] [--by-kind]
                             [--half 0|1]

Reads the gold data in ``../shared/eval/timex/<dir>`` with the official scorer's ``parse_tml`` (imported
at run time from ../shared/eval, nothing copied) and scores both systems with the TempEval-3
metrics of ``score_timex.py``: relaxed/strict P/R/F1 over spans, type and value accuracy on relaxed
matches, value F1 = relaxed F1 x value accuracy. Speed is documents per CPU-second of this process
for tagging alone (``--parse`` adds a spaCy parse, timed separately); CPU time rather than wall time
keeps the ratio fair on a machine shared with other jobs.

``--by-pattern`` groups the value errors by the shape of the gold expression ("last week",
"WD night", "n year ago": digits, weekdays, months and small numbers abstracted) and prints the
N most frequent with their share of the matches and a few gold -> got examples. ``--by-kind``
sorts them by kind of error instead (wrong anchor, tense direction, granularity, DURATION vs DATE,
quarters, reference words, sets, TIME values, written form), with counts and examples.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"

Doc = tuple[str, str | None, str, list[dict[str, Any]]]  # name, dct, text, gold
System = Callable[[str, str | None, Any], list[dict[str, Any]]]


def load_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_timex", SHARED_EVAL / "score_timex.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SHARED_EVAL / 'score_timex.py'}")
    sys.path.insert(0, str(SHARED_EVAL))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_docs(scorer: Any, folder: Path, limit: int, half: int | None = None) -> list[Doc]:
    files = sorted(folder.rglob("*.tml"))
    if half is not None:  # a held-out split: every other file in the order of the file names
        by_name = sorted(files, key=lambda f: (f.name, str(f)))
        files = sorted(f for i, f in enumerate(by_name) if i % 2 == half)
    if limit:
        files = files[:limit]
    docs = []
    for f in files:
        dct, text, gold = scorer.parse_tml(f)
        date = dct[:10] if dct and re.match(r"\d{4}-\d\d-\d\d", dct) else None
        docs.append((f.name, date, text, gold))
    return docs


_WD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_MON = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
    r"mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_SMALL = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few)\b")


def shape(expr: str) -> str:
    """An expression with its particulars abstracted: "Friday night" -> "WD night"."""
    t = _MON.sub("MON", _WD.sub("WD", expr.lower().strip(" .,")))
    return _SMALL.sub("n", re.sub(r"\d+", "N", t))


def print_by_pattern(matches: list[tuple[str, str, str]], top: int) -> None:
    """The value errors grouped by the shape of the gold expression, most frequent first."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for m in matches:
        groups.setdefault(shape(m[0]), []).append(m)
    ranked = sorted(groups.items(), key=lambda kv: -sum(g != v for _e, g, v in kv[1]))
    print(f"   value errors by pattern (errors/matches), top {top}:")
    for key, ms in ranked[:top]:
        bad = [(e, g, v) for e, g, v in ms if g != v]
        if not bad:
            break
        examples = "; ".join(f"{e!r} {g} -> {v}" for e, g, v in bad[:3])
        print(f"   {len(bad):4d}/{len(ms):<4d} {key!r:32} {examples}")


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def error_kind(gold: str, got: str, gold_type: str, got_type: str, dct: str | None) -> str:
    """The kind of a value error (gold != got), for ``--by-kind``."""
    if "REF" in gold or "REF" in got:
        return "reference words (PRESENT_REF, PAST_REF, FUTURE_REF)"
    if "SET" in {gold_type.upper(), got_type.upper()} or gold in {"XXXX", "XXXX-XX-XX"} or "WXX-" in gold:
        return "sets"
    if gold[:1] == "P" or got[:1] == "P":
        return "DURATION vs DATE" if (gold[:1] == "P") != (got[:1] == "P") else "duration amount or unit"
    if "Q" in gold or "Q" in got or re.search(r"-H\d", got):
        return "quarters, halves, fiscal years"
    if (
        re.sub(r"(-XX)+$", "", gold) == got
        or gold.replace("X", "") == got
        or re.sub(r"-W(\d)$", r"-W0\1", gold) == got
        or (gold[:11] == got[:11] and got.startswith(gold) and got[len(gold) :] == ":00")
    ):
        return "written form (1949-XX, 198X, W7, T17)"
    if "T" in gold[10:] or "T" in got[10:]:
        return "part of day / clock on the right day" if gold[:10] == got[:10] else "TIME on another day"
    if "W" in gold or "W" in got:
        return "weeks (ISO week vs WXX, month, day)"
    if len(gold) != len(got):
        return "granularity" if gold.startswith(got) or got.startswith(gold) else "granularity and anchor"
    if dct and _DAY.match(gold) and _DAY.match(got):
        d = dct[:10]
        if (gold < d) != (got < d) and d not in {gold[:10], got[:10]}:
            return "tense direction (past vs future of the DCT)"
    return "wrong anchor (same granularity)"


def print_by_kind(errors: list[tuple[str, str, str, str, str, str | None]]) -> None:
    """The value errors by kind, most frequent first, with a few examples."""
    groups: dict[str, list[str]] = {}
    for expr, gold, got, gtype, stype, dct in errors:
        groups.setdefault(error_kind(gold, got, gtype, stype, dct), []).append(f"{expr!r} {gold} -> {got}")
    print(f"   value errors by kind ({len(errors)}):")
    for kind, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"   {len(items):4d}  {kind:48} {'; '.join(items[:3])}")


def score(
    scorer: Any,
    docs: list[Doc],
    outputs: list[list[dict[str, Any]]],
    verbose: bool,
    by_pattern: int = 0,
    by_kind: bool = False,
) -> dict[str, float]:
    """The matching and metrics of score_timex.py, applied to in-process outputs."""
    n_gold = n_sys = relaxed = strict = type_ok = value_ok = 0
    matches: list[tuple[str, str, str]] = []  # gold text, gold value, system value
    errors: list[tuple[str, str, str, str, str, str | None]] = []  # + types and the DCT
    for (fname, dct, text, gold), sys_t in zip(docs, outputs, strict=True):
        n_gold += len(gold)
        n_sys += len(sys_t)
        used: set[int] = set()
        for g in gold:
            best = None
            for j, s in enumerate(sys_t):
                if j in used or s["end"] <= g["start"] or s["start"] >= g["end"]:
                    continue
                best = j
                break
            if best is None:
                if verbose:
                    print(f"  missed {fname}: {text[g['start'] : g['end']]!r} = {g['value']}")
                continue
            used.add(best)
            s = sys_t[best]
            relaxed += 1
            strict += s["start"] == g["start"] and s["end"] == g["end"]
            type_ok += (s.get("type") or "").upper() == (g["type"] or "").upper()
            value_ok += str(s.get("value")) == str(g["value"])
            matches.append((text[g["start"] : g["end"]], str(g["value"]), str(s.get("value"))))
            if str(s.get("value")) != str(g["value"]):
                errors.append((matches[-1][0], matches[-1][1], matches[-1][2], g["type"] or "",
                               s.get("type") or "", dct))  # fmt: skip
            if verbose and str(s.get("value")) != str(g["value"]):
                print(
                    f"  value {fname}: {text[g['start'] : g['end']]!r} gold {g['value']} got {s.get('value')}"
                )
            if verbose and (s["start"], s["end"]) != (g["start"], g["end"]):
                print(
                    f"  extent {fname}: gold {text[g['start'] : g['end']]!r} got {text[s['start'] : s['end']]!r}"
                )
        if verbose:
            for j, s in enumerate(sys_t):
                if j not in used:
                    print(f"  spurious {fname}: {text[s['start'] : s['end']]!r} = {s.get('value')}")
    if by_pattern:
        print_by_pattern(matches, by_pattern)
    if by_kind:
        print_by_kind(errors)
    f1 = scorer.f1
    rp, rr = relaxed / max(n_sys, 1), relaxed / max(n_gold, 1)
    sp, sr = strict / max(n_sys, 1), strict / max(n_gold, 1)
    rf, sf = f1(rp, rr), f1(sp, sr)
    vacc, tacc = value_ok / max(relaxed, 1), type_ok / max(relaxed, 1)
    return {"gold": n_gold, "system": n_sys, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "strict_f1": sf, "type_acc": tacc, "value_acc": vacc, "value_f1": rf * vacc}  # fmt: skip


def ours(text: str, dct: str | None, doc: Any) -> list[dict[str, Any]]:
    from newsledger.timex import tag_dates

    pub = dt.date.fromisoformat(dct) if dct else None
    return [
        {"start": t.span.start, "end": t.span.end, "type": t.type, "value": t.value}
        for t in tag_dates(text, pub, doc=doc)
    ]


def dateparser_system() -> System:
    from dateparser.search import search_dates

    def run(text: str, dct: str | None, doc: Any) -> list[dict[str, Any]]:
        settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
        if dct:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(dct)
        found = search_dates(text, languages=["en"], settings=settings) or []
        out, pos = [], 0
        for sub, when in found:
            i = text.find(sub, pos)
            if i < 0:
                i = text.find(sub)
                if i < 0:
                    continue
            else:
                pos = i + len(sub)
            out.append({"start": i, "end": i + len(sub), "type": "DATE", "value": when.date().isoformat()})
        out.sort(key=lambda t: t["start"])
        return out

    return run


def run_system(
    system: System, docs: list[Doc], docs_nlp: list[Any] | None
) -> tuple[list[list[dict[str, Any]]], float]:
    """Outputs and CPU seconds of this process (robust to other jobs on a shared machine)."""
    if docs:
        system(docs[0][2][:500], docs[0][1], None)  # warm up: imports, compiled patterns, language data
    t0 = time.process_time()
    outs = [
        system(text, dct, docs_nlp[i] if docs_nlp else None) for i, (_n, dct, text, _g) in enumerate(docs)
    ]
    return outs, time.process_time() - t0


def fmt(name: str, m: dict[str, float], n_docs: int, secs: float) -> str:
    return (f"{name:<22} relaxed P/R/F1 {m['relaxed_p']:.3f}/{m['relaxed_r']:.3f}/{m['relaxed_f1']:.3f}  "
            f"strict F1 {m['strict_f1']:.3f}  type acc {m['type_acc']:.3f}  value acc {m['value_acc']:.3f}  "
            f"value F1 {m['value_f1']:.3f}  | {n_docs} docs in {secs:.2f}s = {n_docs / max(secs, 1e-9):.1f} docs/s")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dirs", nargs="+", default=["tbaq", "wikiwars"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--parse", action="store_true", help="give tag_dates a spaCy Doc (tense from the parse)")
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument("--dateparser-limit", type=int, default=0, help="run dateparser on the first N docs only")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--by-pattern", type=int, nargs="?", const=30, default=0, metavar="N",
                    help="print the N most frequent kinds of value error")  # fmt: skip
    ap.add_argument("--by-kind", action="store_true", help="print the value errors by kind of error")
    ap.add_argument("--half", type=int, choices=[0, 1], default=None,
                    help="only the even (0) or odd (1) files in the order of their names (held-out split)")  # fmt: skip
    args = ap.parse_args()
    if not SHARED_EVAL.is_dir():
        print(f"{SHARED_EVAL} not found: nothing to benchmark")
        return 0
    scorer = load_scorer()
    for d in args.dirs:
        docs = load_docs(scorer, SHARED_EVAL / "timex" / d, args.limit, args.half)
        print(f"== {d}: {len(docs)} documents, {sum(len(g) for *_x, g in docs)} gold timexes")
        nlp_docs = None
        if args.parse:
            from newsledger.context import Context

            nlp = Context().nlp
            t0 = time.perf_counter()
            nlp_docs = list(nlp.pipe([text for _n, _d, text, _g in docs], batch_size=16))
            print(f"   spaCy parse: {time.perf_counter() - t0:.2f}s")
        outs, secs = run_system(ours, docs, nlp_docs)
        m = score(scorer, docs, outs, args.verbose, args.by_pattern, args.by_kind)
        print(fmt("newsledger.timex" + (" +parse" if args.parse else ""), m, len(docs), secs))
        if not args.no_dateparser:
            sub = docs[: args.dateparser_limit] if args.dateparser_limit else docs
            dp_outs, dp_secs = run_system(dateparser_system(), sub, None)
            m_dp = score(scorer, sub, dp_outs, False)
            print(fmt("dateparser.search_dates", m_dp, len(sub), dp_secs))
            _o, our_secs = run_system(ours, sub, None)
            print(f"   speed ratio on the same {len(sub)} docs: {dp_secs / max(our_secs, 1e-9):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
