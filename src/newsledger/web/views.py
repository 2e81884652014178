"""Model objects -> the JSON the page reads (field names follow ``ledger-json.md``, plus extras).

Everything here is pure: a :class:`~newsledger.web.source.LedgerView` and an item in, plain dicts
out. Article text is returned as text; escaping is the page's job (it only uses ``textContent``).
"""

from __future__ import annotations

from typing import Any

from .. import ledger_json
from ..ledger_json import conflict_value_json, deadline_change_json, event_core_json, location_json, span_json
from ..model import (
    Article,
    Event,
    EventMention,
    Source,
    TrackedCommitment,
)
from .source import LedgerView

# the reconciled event fields and how one mention states each of them
FIELDS = (
    "event_type", "sub_event_type", "date", "date_precision", "actor1", "actor2",
    "assoc_actors", "location", "fatalities", "injured", "status",
)  # fmt: skip
SNIPPET = 240


def article_brief(a: Article | None, article_id: str) -> dict[str, Any]:
    if a is None:
        return {"id": article_id, "title": None, "outlet": None, "published": None}
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "source_file": a.source_file,
    }


def _sentence(view: LedgerView, s: Source) -> str | None:
    a = view.articles.get(s.article)
    if a is None:
        return None
    text = a.text[s.start : s.end]
    return text if len(text) <= 4 * SNIPPET else text[: 4 * SNIPPET] + "…"


def source_json(view: LedgerView, s: Source) -> dict[str, Any]:
    return {
        **ledger_json.source_json(s),
        "text": _sentence(view, s),
        "article_info": article_brief(view.articles.get(s.article), s.article),
    }


def event_summary(view: LedgerView, e: Event) -> dict[str, Any]:
    first = e.sources[0] if e.sources else None
    snippet = _sentence(view, first) if first else None
    outlets = sorted(
        {o for s in e.sources if (a := view.articles.get(s.article)) is not None and (o := a.outlet)}
    )
    return {
        **event_core_json(e),
        "n_sources": len(e.sources),
        "n_articles": len({s.article for s in e.sources}),
        "outlets": outlets,
        "conflict_fields": [c.field for c in e.conflicts],
        "snippet": snippet[:SNIPPET] + ("…" if snippet and len(snippet) > SNIPPET else "")
        if snippet
        else None,
        "first_source": {"article": first.article, "start": first.start, "end": first.end} if first else None,
    }


def _field_value(item: Event | EventMention, name: str) -> Any:
    """One of :data:`FIELDS` as the event page shows it, for an event or one source's mention."""
    if name == "location":
        where = item.place if isinstance(item, EventMention) else item.location
        return where.name if where is not None else None
    if name == "assoc_actors":
        return ", ".join(item.assoc_actors) or None
    return getattr(item, name)


def mention_json(m: EventMention) -> dict[str, Any]:
    return {
        "trigger": m.trigger,
        "trigger_span": span_json(m.trigger_span) if m.trigger_span else None,
        "rule": m.rule,
        "values": {name: _field_value(m, name) for name in FIELDS},
        "claim": {"source": m.claim.source, "cue": m.claim.cue} if m.claim else None,
    }


def event_detail(view: LedgerView, e: Event) -> dict[str, Any]:
    """The event page: every field with what each source says, conflicts, merge reasons."""
    out = event_summary(view, e)
    sources = []
    mentions: list[EventMention | None] = []
    for s in e.sources:
        m = view.mention_for(s)
        mentions.append(m)
        sj = source_json(view, s)
        sj["mention"] = mention_json(m) if m is not None else None
        sources.append(sj)
    conflicts = {c.field: c for c in e.conflicts}
    fields = []
    for name in FIELDS:
        by_value: dict[str, dict[str, Any]] = {}
        for i, m in enumerate(mentions):
            if m is None:
                continue
            v = _field_value(m, name)
            key = repr(v)
            by_value.setdefault(key, {"value": v, "sources": []})["sources"].append(i)
        row: dict[str, Any] = {
            "field": name,
            "value": _field_value(e, name),
            "by_source": list(by_value.values()),
            "conflict": None,
        }
        c = conflicts.get(name) or (conflicts.get("location") if name == "location" else None)
        if c is not None:
            row["conflict"] = [conflict_value_json(cv) for cv in c.values]
        fields.append(row)
    out.update(
        {
            "sources": sources,
            "fields": fields,
            "conflicts": [
                {
                    "field": c.field,
                    "values": [{"value": v.value, "articles": list(v.articles)} for v in c.values],
                }
                for c in e.conflicts
            ],
            "fatalities_low": e.fatalities_low,
            "fatalities_high": e.fatalities_high,
            "merge_reasons": list(e.merge_reasons),
            "fulfils": [commitment_brief(c) for c in view.fulfils(e.id)],
        }
    )
    return out


def commitment_brief(c: TrackedCommitment) -> dict[str, Any]:
    return {
        "id": c.id,
        "action": c.action,
        "obligor": c.obligor,
        "beneficiary": c.beneficiary,
        "deadline": c.deadline,
        "status": c.status,
    }


def commitment_json(view: LedgerView, c: TrackedCommitment) -> dict[str, Any]:
    fulfilled = view.event(c.fulfilled_by) if c.fulfilled_by else None
    out = commitment_brief(c)
    out.update(
        {
            "location": location_json(c.location),
            "deadline_history": [
                {
                    **deadline_change_json(d),
                    "text": _sentence(view, Source(d.article, d.start, d.end)) if d.end > d.start else None,
                    "article_info": article_brief(view.articles.get(d.article), d.article),
                }
                for d in c.deadline_history
            ],
            "fulfilled_by": c.fulfilled_by,
            "fulfilled_by_event": event_summary(view, fulfilled) if fulfilled else None,
            "fulfilled_on": c.fulfilled_on,
            "sources": [source_json(view, s) for s in c.sources],
        }
    )
    return out
