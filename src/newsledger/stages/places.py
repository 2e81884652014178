"""The `places` stage: every place name in an article, placed on the map offline.

Candidates and resolution live in :mod:`newsledger.gazetteer.recognize` and
:mod:`newsledger.gazetteer.resolve`; this module turns them into :class:`PlaceMention`s.
Demonyms ("Russian") come out with ``role="demonym"``, places inside organisation names
with ``role="embedded"`` and countries used to qualify a noun ("U.S. officials") with
``role="modifier"``; event locations should use ``role == "place"``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from ..context import Context
from ..gazetteer.recognize import candidates
from ..gazetteer.resolve import Resolution, resolve
from ..model import AnnotatedArticle, PlaceMention
from ..pipeline import Stage


def _is_modifier(article: AnnotatedArticle, r: Resolution) -> bool:
    """A country name used to qualify a noun ("U.S. officials", "the Iraq war"): a mention of the
    country, but not a place where something happened."""
    doc, c = article.doc, r.candidate
    if doc is None or r.place is None or r.place.feature != "country" or c.role != "place":
        return False
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    head = last.head
    return (
        last.dep_ in ("compound", "amod", "nmod")
        and head.i > last.i
        and head.i - last.i <= 3
        and head.pos_ == "NOUN"
        and head.is_lower
    )


def _mention(article: AnnotatedArticle, r: Resolution, near: Resolution | None = None) -> PlaceMention:
    c, p = r.candidate, r.place
    text = article.article.text[c.start : c.end]
    if p is None:
        # a building, street or quarter the gazetteer does not know ("City Hall", "Royal Street"):
        # placed approximately at the nearest town named in the article, and marked as such
        q = near.place if near is not None else None
        return PlaceMention(
            span=article.span(c.start, c.end), text=text, name=c.name, gazetteer_id=None,
            latitude=round(q.latitude, 5) if q else None, longitude=round(q.longitude, 5) if q else None,
            feature="other", admin1=(q.admin1 or None) if q else None, country=(q.country or None) if q else None,
            score=0.0, alternatives=(q.id,) if q else (), role=c.role,
        )  # fmt: skip
    return PlaceMention(
        span=article.span(c.start, c.end),
        text=text,
        name=p.name,
        gazetteer_id=p.id,
        latitude=round(p.latitude, 5),
        longitude=round(p.longitude, 5),
        feature=p.feature,
        admin1=p.admin1 or None,
        country=p.country or None,
        score=r.score,
        alternatives=tuple(a.id for a in r.alternatives),
        role="modifier" if _is_modifier(article, r) else c.role,
    )


# country-code top-level domains that sites use for other reasons than their country
_GENERIC_CCTLDS = frozenset(
    {"ai", "co", "fm", "io", "ly", "me", "tv", "ws", "cc", "to", "gg", "so", "am", "la", "nu"}
)


def outlet_country(url: str | None) -> str | None:
    """ISO2 of the country an outlet's web address points to ("https://x.co.uk/a" → "GB")."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    tld = host.rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_CCTLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


def place_mentions(
    article: AnnotatedArticle, gz: Any, include_demonyms: bool = False
) -> tuple[PlaceMention, ...]:
    """The place mentions of a parsed article (the outlet's country, from its web address, counts as
    context). Demonyms ("Russian") inform the resolution (as
    country context) but are returned only with ``include_demonyms`` (``role="demonym"``)."""
    if article.doc is None:
        return ()
    resolved = resolve(
        gz, candidates(article.doc, gz), article.article.text, outlet_country(article.article.url)
    )
    # a single word the model calls a place but no gazetteer knows is most often a person or brand
    kept = [
        r
        for r in resolved
        if (include_demonyms or r.candidate.role != "demonym")
        and (r.place is not None or " " in r.candidate.name.strip() or r.candidate.label == "FAC")
    ]
    towns = [
        r for r in kept if r.place is not None and r.candidate.role == "place" and r.place.feature == "city"
    ]

    areas = [
        r
        for r in kept
        if r.place is not None
        and r.candidate.role == "place"
        and r.place.feature in ("ADM2", "ADM1", "country")
    ]

    counts = Counter(t.place.id for t in towns if t.place is not None)

    def nearest_town(r: Resolution) -> Resolution | None:
        """The town named closest before or after (within 200 characters), else the article's
        most named town, else the nearest admin area or country."""
        if r.place is not None or not (towns or areas):
            return None
        close = [t for t in towns if abs(t.candidate.start - r.candidate.start) <= 200]
        if close:
            return min(close, key=lambda t: abs(t.candidate.start - r.candidate.start))
        if towns:
            return max(towns, key=lambda t: (counts[t.place.id] if t.place else 0, -t.candidate.start))
        return min(areas, key=lambda t: abs(t.candidate.start - r.candidate.start))

    return tuple(_mention(article, r, nearest_town(r)) for r in kept)


def outlet_spans(text: str, outlet: str | None) -> list[tuple[int, int]]:
    """Where the article names its own outlet ("By Riverside Dispatch staff"): a byline, not
    a place, however place-like the outlet's name."""
    if not outlet or len(outlet.strip()) < 3:
        return []
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in outlet.split()) + r"\b"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def places(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    if article.doc is None:
        return article
    found = place_mentions(article, ctx.gazetteer)
    bylines = outlet_spans(article.article.text, article.article.outlet)
    if bylines:
        found = tuple(
            p for p in found if not any(lo <= p.span.start and p.span.end <= hi for lo, hi in bylines)
        )
    return article.add(places=found)


STAGE = Stage("places", places, assigns=("places",))
