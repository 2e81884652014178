"""The `places` stage: every place name in an article, placed on the map offline.

Candidates and resolution live in :mod:`newsledger.gazetteer.recognize` and
:mod:`newsledger.gazetteer.resolve`; this module turns them into :class:`PlaceMention`s.
Demonyms ("Russian") come out with ``role="demonym"`` and places inside organisation names
with ``role="embedded"``; event locations should use ``role == "place"``.
"""

from __future__ import annotations

from typing import Any

from ..context import Context
from ..gazetteer.recognize import candidates
from ..gazetteer.resolve import Resolution, resolve
from ..model import AnnotatedArticle, PlaceMention
from ..pipeline import Stage


def _mention(article: AnnotatedArticle, r: Resolution) -> PlaceMention:
    c, p = r.candidate, r.place
    text = article.article.text[c.start : c.end]
    if p is None:
        return PlaceMention(
            span=article.span(c.start, c.end), text=text, name=c.name, gazetteer_id=None,
            latitude=None, longitude=None, feature="other", admin1=None, country=None,
            score=0.0, role=c.role,
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
        role=c.role,
    )


def place_mentions(
    article: AnnotatedArticle, gz: Any, include_demonyms: bool = False
) -> tuple[PlaceMention, ...]:
    """The place mentions of a parsed article. Demonyms ("Russian") inform the resolution (as
    country context) but are returned only with ``include_demonyms`` (``role="demonym"``)."""
    if article.doc is None:
        return ()
    resolved = resolve(gz, candidates(article.doc, gz), article.article.text)
    # a single word the model calls a place but no gazetteer knows is most often a person or brand
    kept = [
        r
        for r in resolved
        if (include_demonyms or r.candidate.role != "demonym")
        and (r.place is not None or " " in r.candidate.name.strip() or r.candidate.label == "FAC")
    ]
    return tuple(_mention(article, r) for r in kept)


def places(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    if article.doc is None:
        return article
    return article.add(places=place_mentions(article, ctx.gazetteer))


STAGE = Stage("places", places, assigns=("places",))
