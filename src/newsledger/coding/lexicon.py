"""The event lexicons (triggers, actor vocabulary, demonyms) loaded from ``newsledger/data``.

A :class:`Lexicon` is built once per :class:`~newsledger.context.Context` (``ctx.event_lexicon``)
and then only read. Phrases are matched on lowercased lemmas *or* surface forms of spaCy tokens:
``"set ... fire"`` lets up to three tokens sit between ``set`` and ``fire``; a final ``/V`` or
``/N`` restricts the last word to a verb or a noun.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ModelError

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


class PhraseSet:
    """Phrases indexed by their first word; :meth:`find` scans a token sequence."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        index: dict[str, list[Phrase]] = {}
        for p in phrases:
            index.setdefault(p.words[0], []).append(p)
        for v in index.values():
            v.sort(key=lambda p: -len(p.words))
        self._index: Mapping[str, tuple[Phrase, ...]] = MappingProxyType(
            {k: tuple(v) for k, v in index.items()}
        )

    def find(self, tokens: Sequence[Any], labels: frozenset[str] | None = None) -> list[Match]:
        """All matches in ``tokens`` (spaCy tokens of one span); longest first at each start."""
        keys = _token_keys(tokens)
        out: list[Match] = []
        for i, k in enumerate(keys):
            cands: list[Phrase] = []
            for key in k:
                cands.extend(self._index.get(key, ()))
            for p in cands:
                if labels is not None and p.label not in labels:
                    continue
                end = _match_at(p, tokens, keys, i)
                if end is not None:
                    last = tokens[end - 1]
                    out.append(Match(p.label, tokens[i].i, last.i + 1, last.i, p))
        return out


def _token_keys(tokens: Sequence[Any]) -> list[tuple[str, ...]]:
    """:func:`_keys` of each token, computed once per Doc (``find`` runs on many spans of it)."""
    if not len(tokens):
        return []
    doc = tokens[0].doc
    every = doc.user_data.get("newsledger.lexicon_keys")
    if every is None:
        every = doc.user_data["newsledger.lexicon_keys"] = [_keys(t) for t in doc]
    return [every[t.i] for t in tokens]


def _keys(tok: Any) -> tuple[str, ...]:
    # a tuple in a fixed order (lemma, then word), not a set: candidates are tried in this order,
    # and a set's order depends on the process's string hash seed (pool and Dask workers differ)
    lemma, lower = tok.lemma_.lower(), tok.lower_
    return (lemma,) if lemma == lower else (lemma, lower)


def _pos_ok(p: Phrase, tok: Any) -> bool:
    if p.pos == "V":
        return bool(tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"))
    if p.pos == "N":
        return bool(tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN"))
    return True


def _match_at(p: Phrase, tokens: Sequence[Any], keys: list[tuple[str, ...]], i: int) -> int | None:
    """Return the end index (exclusive, into ``tokens``) if ``p`` matches at ``i``."""

    def rec(wi: int, ti: int) -> int | None:
        if wi == len(p.words):
            return ti
        w = p.words[wi]
        if w == GAP:
            for skip in range(MAX_GAP + 1):
                r = rec(wi + 1, ti + skip)
                if r is not None:
                    return r
            return None
        if ti >= len(tokens) or w not in keys[ti]:
            return None
        if wi == len(p.words) - 1 and not _pos_ok(p, tokens[ti]):
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
