"""newsledger: turn news reports into a sourced, structured, queryable ledger.

The public API is re-exported here; see the README for a worked example.
"""

from __future__ import annotations

from .context import Context
from .errors import ConfigError, InputError, ModelError, NewsledgerError, StoreError
from .model import (
    AnnotatedArticle,
    Article,
    Claim,
    CommitmentMention,
    Conflict,
    ConflictValue,
    DeadlineChange,
    Entity,
    Event,
    EventMention,
    Figure,
    Ledger,
    Location,
    PlaceMention,
    Source,
    Span,
    Timex,
    TrackedCommitment,
)
from .pipeline import Stage, default_stages, extract

__version__ = "0.1.0"

__all__ = [
    "AnnotatedArticle",
    "Article",
    "Claim",
    "CommitmentMention",
    "ConfigError",
    "Conflict",
    "ConflictValue",
    "Context",
    "DeadlineChange",
    "Entity",
    "Event",
    "EventMention",
    "Figure",
    "InputError",
    "Ledger",
    "Location",
    "ModelError",
    "NewsledgerError",
    "PlaceMention",
    "Source",
    "Span",
    "Stage",
    "StoreError",
    "Timex",
    "TrackedCommitment",
    "default_stages",
    "extract",
]
