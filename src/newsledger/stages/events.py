"""The `events` stage (placeholder: adds nothing yet)."""

from __future__ import annotations

from ..context import Context
from ..model import AnnotatedArticle
from ..pipeline import Stage


def events(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    return article


STAGE = Stage("events", events)
