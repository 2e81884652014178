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

SIGNAL_WORDS = frozenset({"later", "earlier", "afterwards", "afterward", "previously"})


def tag_dates(text: str, published: dt.date | None, article_id: str = "", doc: Any = None) -> list[Timex]:
    """Temporal expressions in ``text``, in text order, with values resolved against ``published``.

    A range of days ("14-15 April 2003") gives its two ends first, each a timex of its own as
    TimeML marks them ("14", "15 April 2003"), then the range itself ("2003-04-14/2003-04-15"),
    which overlaps them.

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
        if c.kind == "range" and r.value:
            # each end on its own (as TimeML marks them), then the range as a whole
            for (s, e), v in zip(c.args[4:6], r.value.split("/"), strict=True):
                out.append(Timex(Span(article_id, s, e), text[s:e], "DATE", v, None, r.anchor, "day"))
        end = c.end
        if c.kind == "later" and r.type == "DURATION":  # "three days [later]": the signal stays out
            head, _sp, last = text[c.start : c.end].rpartition(" ")
            if head and last.lower() in SIGNAL_WORDS:
                end = c.start + len(head.rstrip())
        out.append(
            Timex(
                span=Span(article_id, c.start, end),
                text=text[c.start : end],
                type=r.type or c.type,
                value=r.value,
                mod=r.mod,
                anchor=r.anchor,
                precision=precision_for(c, r.value),
            )
        )
    return out
