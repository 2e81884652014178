"""Positional and local cues that make a name a place though the language model did not say so.

- Datelines: a capitalised name opening a line and followed by a comma, a bracket or a dash
  ("CHUBBUCK, Idaho —", "PITTSBURGH (KDKA) –") is where the report was filed.
- Local evidence: a small town's name that the model labels a person or an organisation, or
  leaves unlabelled, is a place when the article names the region that holds such a town
  ("Illinois", "Ind.") and the name stands where places stand ("in Rock Falls", "Tifton
  police", "a Larose teenager", "Benton, La."). Towns of a region the article never names
  stay unrecognised: their name alone is too often a person's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..nlp import doc_text, token_column
from . import Gazetteer
from .fold import fold
from .words import GENERIC_WORDS, LOCAL_NOUNS, LOCATIVE_PREPOSITIONS, OF_HEADS

# after a comma, the end of a person's name, not a region ("Ortiz, Sr.")
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
DATELINE_DELIMITERS = frozenset({",", "(", "—", "–", "-", "--", ":", "_", "―"})
# capitalised words that open lines without naming a place
NOT_DATELINES = frozenset(
    [
        "update",
        "updated",
        "breaking",
        "watch",
        "photos",
        "photo",
        "video",
        "editor",
        "editors",
        "note",
        "warning",
        "exclusive",
        "live",
        "correction",
        "advertisement",
        "related",
        "more",
        "read",
        "listen",
        "police",
        "officials",
        "authorities",
    ]
)


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _is_caps_word(word: str) -> bool:
    t = word.strip(ZERO_WIDTH)
    return len(t) >= 2 and t.isupper() and (t.isalpha() or (t.endswith(".") and t[:-1].isalpha()))


def dateline_runs(doc: Any) -> list[list[Any]]:
    """Token runs in dateline position: upper-case words opening a line (or the text), followed
    by a delimiter ("ALTURAS, Modoc County", "MONROE —", "NEW YORK (AP)")."""
    out: list[list[Any]] = []
    orths, lowers, idxs = token_column(doc, "ORTH"), token_column(doc, "LOWER"), token_column(doc, "IDX")
    text = doc_text(doc)
    n = len(orths)
    for i in range(n):
        if not orths[i].isupper():  # zero-width characters are uncased: as _is_caps_word
            continue  # no run starts here (the common case; checked first)
        after_sentence = i > 0 and orths[i - 1] in (".", "!", "?")
        if (
            i > 0
            and "\n" not in orths[i - 1]
            and "\n" not in text[idxs[i - 1] + len(orths[i - 1]) : idxs[i]]  # its whitespace_
            and not after_sentence
        ):
            continue
        j = i
        while j < n and j - i < 4 and _is_caps_word(orths[j]):
            j += 1
        if j == i or j >= n:
            continue
        nxt = orths[j]
        dash = nxt.startswith(("—", "–", "--", "_")) or nxt in ("-", "―")
        if not dash and (after_sentence or nxt not in DATELINE_DELIMITERS):
            continue  # after a full stop only a dash makes a dateline ("... Event. IMMOKALEE –")
        if lowers[i] in NOT_DATELINES:
            continue
        out.append(list(doc[i:j]))
    return out


def context_admins(gz: Gazetteer, names: Iterable[str]) -> set[tuple[str, str]]:
    """(country, folded admin1) of the regions the article names (first readings only)."""
    admins: set[tuple[str, str]] = set()
    for name in names:
        opts = gz.lookup(name, fuzzy=False)
        if opts and opts[0].feature == "ADM1" and not (opts[0].alternate and len(name) > 5):
            admins.add((opts[0].country, fold(opts[0].admin1 or opts[0].name)))
    return admins


def in_named_region(gz: Gazetteer, name: str, admins: set[tuple[str, str]]) -> bool:
    """Some town of this name lies in a region the article names."""
    if not admins or len(name) < 3 or name.casefold() in GENERIC_WORDS or gz.is_demonym(name):
        return False
    return any(
        p.feature in ("city", "ADM2") and (p.country, fold(p.admin1)) in admins
        for p in gz.lookup(name, fuzzy=False)
    )


def context_countries(gz: Gazetteer, names: Iterable[str]) -> set[str]:
    """Countries of the leading readings (up to three) of the article's other names."""
    out: set[str] = set()
    for name in names:
        out.update(p.country for p in gz.lookup(name, fuzzy=False)[:3] if p.country)
    return out


def town_of(gz: Gazetteer, name: str, countries: set[str], min_pop: int = 5000) -> bool:
    """A town of at least ``min_pop`` inhabitants bears this name, in one of ``countries``
    (in any country when the article names none)."""
    if len(name) < 3 or name.casefold() in GENERIC_WORDS or gz.is_demonym(name):
        return False
    return any(
        p.feature == "city"
        and not p.alternate
        and p.population >= min_pop
        and (not countries or p.country in countries)
        for p in gz.lookup(name, fuzzy=False)
    )


def _after_person(doc: Any, i: int) -> bool:
    """Token ``i`` ends a person's name, possibly followed by a comma and an age."""
    while i >= 0 and (doc[i].text == "," or doc[i].like_num):
        i -= 1
    return i >= 0 and doc[i].ent_type_ == "PERSON"


def locative(doc: Any, tokens: list[Any], place_ends: frozenset[int] = frozenset()) -> bool:
    """The name stands where places stand: after "in", "near", "north of", "<person> of" ...; before "police",
    "home", "teen" ...; before ", <region>"; or in a list after a place ("Gloucester and
    Cheltenham"; ``place_ends`` are the end offsets of the places found)."""
    first, last = tokens[0], tokens[-1]
    if first.i > 1 and doc[first.i - 1].lower_ in ("and", "or", ","):
        before = doc[first.i - 2]
        if before.idx + len(before.text) in place_ends:
            return True
    if first.i > 0 and doc[first.i - 1].lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if first.i > 1 and doc[first.i - 1].lower_ == "of" and doc[first.i - 2].lower_ in OF_HEADS:
        return True  # "the town of Traer", "north of Benton", "residents of Elmo"
    if first.i > 1 and doc[first.i - 1].lower_ == "of" and _after_person(doc, first.i - 2):
        return True  # "Duane Sylvester of Lingle", "Allen Troyer, 53, of Smicksburg"
    if last.i + 1 < len(doc):
        nxt = doc[last.i + 1]
        if nxt.lower_ in LOCAL_NOUNS:
            return True
        if (
            nxt.text == ","
            and last.i + 2 < len(doc)
            and doc[last.i + 2].text[:1].isupper()
            and doc[last.i + 2].lower_.rstrip(".") not in GENERATIONS
        ):
            return True  # "Benton, La.", not "Ortiz, Sr."
    return False
