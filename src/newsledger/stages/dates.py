"""The `dates` stage: temporal expressions with TIMEX3 type and value (see :mod:`newsledger.timex`)."""

from __future__ import annotations

from ..context import Context
from ..model import AnnotatedArticle
from ..pipeline import Stage
from ..timex import tag_dates


def dates(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    a = article.article
    timexes = tag_dates(a.text, a.published, a.id, doc=article.doc)
    return article.add(timexes=tuple(timexes))


STAGE = Stage("dates", dates, assigns=("timexes",))
