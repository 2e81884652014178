"""Pipeline components that assign what spaCy's own assign, faster (installed by
:func:`newsledger.nlp.speed_up`; this module does not import spaCy: it reads and writes Docs
through their arrays)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

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
        self._assign([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        """Like ``__call__`` on each Doc, with the arrays of a whole batch matched at once
        (a match never spans two Docs): fewer, larger numpy operations."""
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            self._assign(batch)
            yield from batch

    def _assign(self, docs: list[Any]) -> None:
        docs = [d for d in docs if len(d)]
        if not docs or not self.columns:
            return
        import numpy as np

        cols = {k: i for i, k in enumerate(self.spec_keys)}
        data = np.concatenate([_rows(d, self.spec_keys) for d in docs])
        out = np.concatenate([_rows(d, self.columns) for d in docs])
        doc_of = np.repeat(np.arange(len(docs)), [len(d) for d in docs]) if len(docs) > 1 else None
        n = len(data)
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
                for width, starts in self._matches(rule, data, cols, n, doc_of):
                    offset = rule.index if rule.index >= 0 else width + rule.index
                    if not 0 <= offset < width:
                        raise ValueError(f"attribute ruler index {rule.index} outside its pattern")
                    for s in starts:
                        for col, v in rule.values.items():
                            out[s + offset, dst[col]] = v
        lo = 0
        for d in docs:
            d.from_array(list(self.columns), out[lo : lo + len(d)])
            lo += len(d)

    def _matches(
        self, rule: _Rule, data: Any, cols: dict[str, int], n: int, doc_of: Any = None
    ) -> Iterator[tuple[int, list[int]]]:
        """(width, start positions) of each alternative of ``rule`` in the rows ``data``;
        ``doc_of`` (the Doc of each row, for a batch) keeps a match inside one Doc."""
        import numpy as np

        for alt in rule.alternatives:
            width = len(alt)
            if width > n:
                continue
            m = n - width + 1
            ok = np.ones(m, dtype=bool) if doc_of is None or width == 1 else doc_of[:m] == doc_of[width - 1 :]
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


def _rows(doc: Any, attrs: tuple[str, ...]) -> Any:
    """``doc.to_array(attrs)`` as (tokens, attributes), also for one attribute (spaCy then
    returns one dimension)."""
    return doc.to_array(list(attrs)).reshape(len(doc), len(attrs))


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
