"""The event lexicons (triggers, actor vocabulary, demonyms) loaded from ``newsledger/data``.

A :class:`Lexicon` is built once per :class:`~newsledger.context.Context` (``ctx.event_lexicon``)
and then only read. Phrases are matched on lowercased lemmas *or* surface forms of spaCy tokens:
``"set ... fire"`` lets up to three tokens sit between ``set`` and ``fire``; a final ``/V`` or
``/N`` restricts the last word to a verb or a noun.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ModelError
from ..nlp import token_column

DATA = Path(__file__).resolve().parents[1] / "data"
GAP = "..."
MAX_GAP = 3


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]  # lowercased; GAP marks a gap of 0..MAX_GAP tokens
    pos: str | None  # "V", "N" or None: constraint on the last word
    label: str  # the frame / cue set it belongs to
    text: str  # as written in the lexicon


@dataclass(frozen=True)
class Match:
    label: str
    start: int  # token index (in the Doc) of the first word
    end: int  # one past the last matched token
    head: int  # token index of the phrase's last word (the one the POS constraint applies to)
    phrase: Phrase


class TokenRun(Sequence[Any]):
    """Tokens of one Doc given by index (e.g. a sentence and the next one), made into spaCy
    Token objects only when read; :meth:`PhraseSet.find` reads none of them."""

    __slots__ = ("doc", "ids")

    def __init__(self, doc: Any, ids: Sequence[int]) -> None:
        self.doc = doc
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self.doc[i] for i in self.ids[k]]
        return self.doc[self.ids[k]]

    def __iter__(self) -> Iterator[Any]:
        doc = self.doc
        return (doc[i] for i in self.ids)


class PhraseSet:
    """Phrases indexed by their first word; :meth:`find` scans a token sequence."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        index: dict[str, list[Phrase]] = {}
        for p in phrases:
            index.setdefault(p.words[0], []).append(p)
        for v in index.values():
            v.sort(key=lambda p: -len(p.words))
        # a plain dict (read-only by convention): looked up for every token of every Doc
        self._index: dict[str, tuple[Phrase, ...]] = {k: tuple(v) for k, v in index.items()}

    def find(self, tokens: Sequence[Any], labels: frozenset[str] | None = None) -> list[Match]:
        """All matches in ``tokens`` (a spaCy Span, a :class:`TokenRun` or a list of tokens of
        one Doc); longest first at each start."""
        if not len(tokens):
            return []
        if isinstance(tokens, TokenRun):
            doc, ids = tokens.doc, tokens.ids
        elif hasattr(tokens, "start") and hasattr(tokens, "doc"):  # a Span: no Token objects
            span: Any = tokens
            doc, ids = span.doc, range(span.start, span.end)
        else:
            doc, ids = tokens[0].doc, [t.i for t in tokens]
        every = _doc_keys(doc)
        if isinstance(ids, range):  # a sentence: the Doc's candidate positions, by bisection
            hits, order = self._hits(doc)
            lo, hi = bisect_left(order, ids.start), bisect_left(order, ids.stop)
            at = [(d - ids.start, hits[d]) for d in order[lo:hi]]
        else:  # windows of a Doc: the same per-Doc candidate positions
            hits = self._hits(doc)[0]
            at = [(k, hits[d]) for k, d in enumerate(ids) if d in hits]
        out: list[Match] = []
        for i, cands in at:
            for p in cands:
                if labels is not None and p.label not in labels:
                    continue
                end = _match_at(p, doc, ids, every, i)
                if end is not None:
                    last = ids[end - 1]
                    out.append(Match(p.label, ids[i], last + 1, last, p))
        return out

    def _first_words(self, k: tuple[str, ...]) -> tuple[Phrase, ...]:
        """Phrases starting with a token of keys ``k`` (lemma first, then word)."""
        cands = self._index.get(k[0], ())
        return cands + self._index.get(k[1], ()) if len(k) > 1 else cands

    def _hits(self, doc: Any) -> tuple[dict[int, tuple[Phrase, ...]], list[int]]:
        """Phrases whose first word each token of ``doc`` is (lemma first, then word), and the
        token indices that have any; computed once per Doc and phrase set."""
        key = ("newsledger.phrase_hits", self)
        found = doc.user_data.get(key)
        if found is None:
            hits: dict[int, tuple[Phrase, ...]] = {}
            memo: dict[tuple[str, ...], tuple[Phrase, ...]] = {}  # keys repeat ("the", "a", ...)
            for d, k in enumerate(_doc_keys(doc)):
                cands = memo.get(k)
                if cands is None:
                    cands = memo[k] = self._first_words(k)
                if cands:
                    hits[d] = cands
            found = doc.user_data[key] = (hits, list(hits))
        return found


def _doc_keys(doc: Any) -> list[tuple[str, ...]]:
    """:func:`_keys` of every token of ``doc``, computed once per Doc from its lemma and
    lowercase columns (``find`` runs on many spans of it)."""
    every: list[tuple[str, ...]] | None = doc.user_data.get("newsledger.lexicon_keys")
    if every is None:
        memo: dict[tuple[str, str], tuple[str, ...]] = {}
        every = []
        for lemma, lower in zip(token_column(doc, "LEMMA"), token_column(doc, "LOWER"), strict=True):
            k = memo.get((lemma, lower))
            if k is None:
                k = memo[(lemma, lower)] = _key_pair(lemma.lower(), lower)
            every.append(k)
        doc.user_data["newsledger.lexicon_keys"] = every
    return every


def _keys(tok: Any) -> tuple[str, ...]:
    return _key_pair(tok.lemma_.lower(), tok.lower_)


def _key_pair(lemma: str, lower: str) -> tuple[str, ...]:
    # a tuple in a fixed order (lemma, then word), not a set: candidates are tried in this order,
    # and a set's order depends on the process's string hash seed (pool and Dask workers differ)
    return (lemma,) if lemma == lower else (lemma, lower)


def _pos_ok(p: Phrase, tok: Any) -> bool:
    if p.pos == "V":
        return bool(tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"))
    if p.pos == "N":
        return bool(tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN"))
    return True


def _match_at(
    p: Phrase, doc: Any, ids: Sequence[int], every: Sequence[tuple[str, ...]], i: int
) -> int | None:
    """Return the end index (exclusive, into ``ids``) if ``p`` matches at ``ids[i]``
    (``every``: the keys of every token of the Doc)."""
    words, n = p.words, len(ids)
    if len(words) == 1 and words[0] != GAP:  # most phrases: no recursion
        return i + 1 if p.pos is None or _pos_ok(p, doc[ids[i]]) else None

    def rec(wi: int, ti: int) -> int | None:
        if wi == len(words):
            return ti
        w = words[wi]
        if w == GAP:
            for skip in range(MAX_GAP + 1):
                r = rec(wi + 1, ti + skip)
                if r is not None:
                    return r
            return None
        if ti >= n or w not in every[ids[ti]]:
            return None
        if wi == len(words) - 1 and not _pos_ok(p, doc[ids[ti]]):
            return None
        return rec(wi + 1, ti + 1)

    return rec(0, i)


def _phrase(text: str, label: str) -> Phrase:
    pos = None
    body = text.strip()
    if body.endswith(("/V", "/N")):
        body, pos = body[:-2], body[-1]
    words = tuple(w for w in body.lower().replace("-", " - ").split() if w)
    # spaCy splits most hyphenated words into three tokens; keep the hyphen as its own word
    return Phrase(words, pos, label, text)


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # display name ("Azerbaijan")


@dataclass(frozen=True)
class Lexicon:
    triggers: PhraseSet
    cues: Mapping[str, PhraseSet]
    actor_nouns: Mapping[str, str]  # lowercased noun (phrase) -> actor category
    named_groups: Mapping[str, str]  # lowercased alias -> canonical group name
    words: Mapping[str, frozenset[str]]  # small word sets (state_force_words, weapon_nouns, ...)
    demonyms: Mapping[str, Country]  # lowercased demonym or country name -> Country
    countries: Mapping[str, Country]  # ISO2 -> Country

    def cue(self, name: str) -> PhraseSet:
        return self.cues[name]

    @cached_property
    def group_needles(self) -> tuple[tuple[int, str, bool, str], ...]:
        """(alias length, canonical name, short acronym?, padded needle) of every named-group
        alias, in :attr:`named_groups` order; built once per Lexicon (not per actor phrase)."""
        return tuple(
            (len(a), c, len(a) <= 3, f" {a.upper()} " if len(a) <= 3 else f" {a} ")
            for a, c in self.named_groups.items()
        )

    def word_set(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())


CUE_SETS = (
    "intervention_cues",
    "lethal_cues",
    "protester_violence_cues",
    "industrial_cues",
    "conflict_cues",
    "crime_actor_cues",
)
WORD_SETS = (
    "state_force_words",
    "non_state_words",
    "weapon_nouns",
    "base_nouns",
    "prisoner_nouns",
    "agreement_nouns",
    "territory_nouns",
    "property_nouns",
)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot read the event lexicon {path.name}: {e}", "reinstall newsledger") from e
    if not isinstance(data, dict):
        raise ModelError(f"the event lexicon {path.name} is not a JSON object", "reinstall newsledger")
    return data


def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """Read ``event_triggers.json``, ``event_actors.json`` and ``demonyms.tsv``."""
    d = data_dir or DATA
    trig = _read_json(d / "event_triggers.json")
    act = _read_json(d / "event_actors.json")
    triggers = PhraseSet(_phrase(t, frame) for frame, terms in trig["triggers"].items() for t in terms)
    cues = {name: PhraseSet(_phrase(t, name) for t in act.get(name, ())) for name in CUE_SETS}
    actor_nouns = {n.lower(): cat for cat, nouns in act["actor_nouns"].items() for n in nouns}
    named = {alias.lower(): canon for canon, aliases in act["named_groups"].items() for alias in aliases}
    words = {name: frozenset(w.lower() for w in act.get(name, ())) for name in WORD_SETS}
    demonyms, countries = _read_demonyms(d / "demonyms.tsv")
    return Lexicon(
        triggers=triggers,
        cues=MappingProxyType(cues),
        actor_nouns=MappingProxyType(actor_nouns),
        named_groups=MappingProxyType(named),
        words=MappingProxyType(words),
        demonyms=MappingProxyType(demonyms),
        countries=MappingProxyType(countries),
    )


def _read_demonyms(path: Path) -> tuple[dict[str, Country], dict[str, Country]]:
    demonyms: dict[str, Country] = {}
    countries: dict[str, Country] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ModelError(f"cannot read {path.name}: {e}", "reinstall newsledger") from e
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        code, adjs, names = ([*line.split("\t"), "", ""])[:3]
        name_list = [n for n in names.split("|") if n]
        c = Country(code, name_list[0] if name_list else code)
        countries[code] = c
        for n in name_list:
            demonyms.setdefault(n.lower(), c)
        for a in adjs.split("|"):
            if a:
                demonyms.setdefault(a.lower(), c)
    return demonyms, countries
