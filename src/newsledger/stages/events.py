"""The `events` stage: per-article EventMentions typed with the ACLED taxonomy.

Reads the parse and what the dates, places, figures and claims stages found; the coding logic
lives in :mod:`newsledger.coding` (triggers, rules, actors, arguments, status).
"""

from __future__ import annotations

from ..coding import code_events
from ..context import Context
from ..model import AnnotatedArticle
from ..pipeline import Stage


def events(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    return article.add(events=code_events(article, ctx.event_lexicon, ctx.gazetteer))


STAGE = Stage("events", events, requires=("dates", "places", "figures", "claims"), assigns=("events",))
