"""The article page's JSON: the text cut into segments, each with the annotations covering it.

Offsets in the ledger are Python string indices (code points); a browser's strings count UTF-16
units. So the server cuts the text at every annotation boundary and sends the pieces: the page
never does offset arithmetic and odd Unicode (astral characters, combining marks, RTL text) can
not shift a highlight.
"""

from __future__ import annotations

import itertools
from typing import Any

from ..model import AnnotatedArticle, Span
from .source import LedgerView
from .views import article_brief, event_summary

MAX_MARKS = 16  # ``mark`` ranges a request may ask to highlight


def _link(kind: str, ident: str, label: str) -> dict[str, str]:
    return {"kind": kind, "id": ident, "label": label}


def _event_links(view: LedgerView, article_id: str) -> dict[tuple[int, int], list[dict[str, str]]]:
    """Event-mention span -> links to the ledger events built from it."""
    out: dict[tuple[int, int], list[dict[str, str]]] = {}
    for e in view.events_citing(article_id):
        for s in e.sources:
            if s.article == article_id:
                label = f"{e.event_type} ({e.date or 'undated'})"
                out.setdefault((s.start, s.end), []).append(_link("event", e.id, label))
    return out


def _commitment_links(view: LedgerView, article_id: str) -> list[tuple[int, int, dict[str, str]]]:
    out = []
    for c in view.ledger.commitments:
        spans = [(s.start, s.end) for s in c.sources if s.article == article_id]
        spans += [(d.start, d.end) for d in c.deadline_history if d.article == article_id and d.end > d.start]
        for start, end in spans:
            out.append((start, end, _link("commitment", c.id, f"{c.action} ({c.status})")))
    return out


def annotation_list(view: LedgerView, ann: AnnotatedArticle) -> list[dict[str, Any]]:
    """Every highlighted fact with what it feeds (events, commitments)."""
    aid = ann.article.id
    ev_links = _event_links(view, aid)

    def mention_links(m_span: Span) -> list[dict[str, str]]:
        links = list(ev_links.get((m_span.start, m_span.end), []))
        if not links:  # a source span need not equal the mention span exactly
            for (s, e), ls in ev_links.items():
                if s < m_span.end and m_span.start < e:
                    links += ls
        return links

    feeds: dict[tuple[str, int, int], list[dict[str, str]]] = {}

    def add(kind: str, span: Span | None, links: list[dict[str, str]]) -> None:
        if span is not None:
            feeds.setdefault((kind, span.start, span.end), []).extend(links)

    for m in ann.events:
        links = mention_links(m.span)
        add("trigger", m.trigger_span, links)
        add("event", m.span, links)
        add("date", m.time.span if m.time else None, links)
        add("place", m.place.span if m.place else None, links)
        for f in m.figures:
            add("figure", f.span, links)
        add("claim", m.claim.span if m.claim else None, links)
        add("speaker", m.claim.source_span if m.claim else None, links)
    for start, end, link in _commitment_links(view, aid):
        for cm in ann.commitments:
            if cm.span.start < end and start < cm.span.end:
                add("commitment", cm.span, [link])
                add("date", cm.deadline_span, [link])
                add("place", cm.place.span if cm.place else None, [link])

    out: list[dict[str, Any]] = []

    def emit(kind: str, span: Span, label: str, detail: dict[str, Any]) -> None:
        links = feeds.get((kind, span.start, span.end), [])
        unique = list({(x["kind"], x["id"]): x for x in links}.values())
        out.append(
            {"kind": kind, "start": span.start, "end": span.end, "label": label, **detail, "links": unique}
        )

    for t in ann.timexes:
        emit(
            "date",
            t.span,
            f"{t.type} {t.value or 'unresolved'}",
            {"value": t.value, "type": t.type, "mod": t.mod},
        )
    for p in ann.places:
        emit(
            "place",
            p.span,
            f"{p.name} ({p.country or '?'}, {p.feature})",
            {
                "value": p.name,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "gazetteer_id": p.gazetteer_id,
            },
        )
    for f in ann.figures:
        emit(
            "figure", f.span, f"{f.kind}: {f.approx + ' ' if f.approx else ''}{f.value:g}", {"value": f.value}
        )
    for c in ann.claims:
        emit(
            "claim",
            c.span,
            f"according to {c.source or 'an unnamed source'}",
            {"source": c.source, "cue": c.cue},
        )
        if c.source_span is not None:
            cue = f" ({c.cue})" if c.cue else ""
            emit(
                "speaker", c.source_span, f"who is quoted{cue}: {c.source or 'unnamed'}", {"source": c.source}
            )
    for m in ann.events:
        emit("event", m.span, f"reports {m.event_type} ({m.status})", {"rule": m.rule})
        emit("trigger", m.trigger_span, f"trigger “{m.trigger}” → {m.event_type}", {"rule": m.rule})
    for cm in ann.commitments:
        emit("commitment", cm.span, f"commitment: {cm.action} (deadline {cm.deadline or 'none'})", {})
    # stages may not have linked their own mentions to events: link by containment as a fallback
    for a in out:
        if not a["links"] and a["kind"] in ("date", "place", "figure", "claim", "speaker"):
            for m in ann.events:
                if m.span.start <= a["start"] and a["end"] <= m.span.end:
                    a["links"] = mention_links(m.span)
                    a["contained"] = True
                    break
    return out


def segments(text: str, anns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every annotation boundary; each piece lists the annotations covering it."""
    cuts = {0, len(text)}
    for a in anns:
        cuts.add(max(0, min(a["start"], len(text))))
        cuts.add(max(0, min(a["end"], len(text))))
    bounds = sorted(cuts)
    starts = sorted(range(len(anns)), key=lambda i: anns[i]["start"])
    out = []
    for lo, hi in itertools.pairwise(bounds):
        if hi <= lo:
            continue
        covering = [i for i in starts if anns[i]["start"] <= lo and hi <= anns[i]["end"]]
        out.append({"start": lo, "text": text[lo:hi], "anns": covering})
    return out


def parse_marks(values: list[str]) -> list[tuple[int, int]]:
    """``["10-140", "200-210"]`` -> [(10, 140), (200, 210)]; bad items are ignored."""
    marks = []
    for v in values[:MAX_MARKS]:
        a, sep, b = v.partition("-")
        if sep and a.isdigit() and b.isdigit() and int(a) < int(b):
            marks.append((int(a), int(b)))
    return marks


def article_detail(view: LedgerView, ann: AnnotatedArticle, marks: list[tuple[int, int]]) -> dict[str, Any]:
    a = ann.article
    anns = annotation_list(view, ann)
    for start, end in marks:
        if end <= len(a.text):
            anns.append(
                {
                    "kind": "source",
                    "start": start,
                    "end": end,
                    "label": "the sentence you came from",
                    "links": [],
                }
            )
    out = article_brief(a, a.id)
    out.update(
        {
            "language": a.language,
            "duplicate_of": a.duplicate_of,
            "published_source": a.published_source,
            "length": len(a.text),
            "annotations": anns,
            "segments": segments(a.text, anns),
            "events": [event_summary(view, e) for e in view.events_citing(a.id)],
            "warnings": list(ann.warnings),
        }
    )
    return out
