"""Event coding: per-article EventMentions typed with the ACLED taxonomy, explainably.

Public entry point: :func:`code_events` (used by the ``events`` stage). Pieces:
``lexicon`` (data files), ``triggers`` (trigger words + argument checks), ``rules`` (grouping
and ACLED typing), ``actors`` (roles + normalisation), ``arguments`` (place, time,
casualties, claim), ``status`` (occurred / planned / ...), ``taxonomy`` (the type lists).
"""

from __future__ import annotations

from .lexicon import Lexicon, load_lexicon
from .mentions import code_events
from .taxonomy import ACLED_TAXONOMY, OWN_TAXONOMY, event_type_of, is_acled

__all__ = [
    "ACLED_TAXONOMY",
    "OWN_TAXONOMY",
    "Lexicon",
    "code_events",
    "event_type_of",
    "is_acled",
    "load_lexicon",
]
