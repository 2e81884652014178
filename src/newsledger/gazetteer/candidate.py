"""A place-name candidate (a span of the text, before resolution) and token helpers shared by
:mod:`.recognize` and :mod:`.names`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import Gazetteer
from .words import GENERIC_WORDS, LEADING

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
COUNTY_WORDS = frozenset({"county", "parish", "borough"})
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class Candidate:
    """A span that may name a place, before resolution."""

    start: int
    end: int  # character span in the text, suffix word included
    name: str  # the text looked up
    source: str  # "ner" (place label), "ner-other" (other label), "propn", "lexicon", "repeat",
    # "dateline" (opens a line: "CHUBBUCK, Idaho —"), "local" (a town of a region the text names)
    role: str = "place"  # place, demonym, embedded
    hint: str = ""  # "admin" (followed by district/region ...), "city", "town" (a town the
    # gazetteer lacks, or lacks in the region named after it: "Holliday, Mo.")
    label: str = ""


def _clean_tokens(tokens: list[Any]) -> list[Any]:
    while tokens and (tokens[0].lower_ in LEADING or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in ("'s", "’s", "'") or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _parts(tokens: list[Any]) -> list[list[Any]]:
    """Split a token run at line breaks and commas ("Alexandria, La." → two parts)."""
    parts: list[list[Any]] = [[]]
    for t in tokens:
        if t.is_space or "\n" in t.text or t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in (_clean_tokens(p) for p in parts) if p]


def _text(text: str, tokens: list[Any]) -> tuple[int, int, str]:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return start, end, text[start:end]


def _capitalised(tok: Any) -> bool:
    return bool(tok.text[:1].isupper())


def _strong(
    gz: Gazetteer, name: str, min_pop: int, areas: tuple[str, ...] = ("country", "region", "ADM1")
) -> bool:
    """The name's best candidate is prominent enough to trust outside a place entity."""
    if name.casefold() in GENERIC_WORDS:
        return False
    cands = gz.lookup(name, fuzzy=False)
    if not cands:
        return False
    best = cands[0]
    if (len(name) < 3 or (name.isupper() and len(name) <= 5)) and (
        best.alternate or best.feature not in ("country", "ADM1", "region")
    ):
        return False  # short codes and acronyms: only known abbreviations of countries and states
    if best.alternate and best.feature == "city":
        # another name of a town; one word ("Julia" for Plovdiv) is most often a person's name
        return best.population >= (50 if " " not in name else 10) * min_pop
    return best.feature in areas or best.population >= min_pop
