"""Temporal expressions: find them, give each a TIMEX3 type and value, resolved in context.

``tag_dates(text, published)`` is the whole capability; the ``dates`` stage and the
``newsledger dates`` command call it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Span, Timex
from .anchor import Resolver, precision_for
from .tagger import find_candidates

__all__ = ["tag_dates"]


def tag_dates(text: str, published: dt.date | None, article_id: str = "", doc: Any = None) -> list[Timex]:
    """Temporal expressions in ``text``, in text order, with values resolved against ``published``.

    ``doc`` (a spaCy Doc of ``text``) sharpens the tense used to place "November 10" in the past or
    the future; without it a regex over the sentence is used. With no ``published`` date, relative
    expressions keep their type and get ``value=None``.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    cands = find_candidates(text)
    resolver = Resolver(text, cands, published, doc)
    out = []
    for c in cands:
        if not resolver.keep(c):
            continue
        r = resolver.resolve(c)
        out.append(
            Timex(
                span=Span(article_id, c.start, c.end),
                text=text[c.start : c.end],
                type=c.type,
                value=r.value,
                mod=r.mod,
                anchor=r.anchor,
                precision=precision_for(c, r.value),
            )
        )
    return out
