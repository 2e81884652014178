"""The `claims` stage (placeholder: adds nothing yet)."""

from __future__ import annotations

from ..context import Context
from ..model import AnnotatedArticle
from ..pipeline import Stage


def claims(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    return article


STAGE = Stage("claims", claims)
