"""Finding place-name candidates in a parsed text (a spaCy Doc; no spaCy import needed here).

Candidates come from the named entities — GPE/LOC/FAC, and ORG/PERSON/NORP spans whose text
(or part of it) is in the gazetteer, since the small English model often labels places ORG or
PERSON — and from runs of proper nouns outside any entity. Demonyms ("Azerbaijani",
"Russians") are returned apart, as ``role="demonym"``. A place inside an organisation's name
("Rapides Parish" in "Rapides Parish Fire District") is returned with ``role="embedded"``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..nlp import doc_text
from . import Gazetteer
from .cues import context_admins, context_countries, dateline_runs, in_named_region, locative, town_of
from .words import (
    ADMIN_WORDS,
    BORROWED_ORG_WORDS,
    CITY_WORDS,
    FACILITY_WORDS,
    GENERIC_WORDS,
    LEADING,
    LOCAL_ORG_WORDS,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
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
    hint: str = ""  # "admin" (followed by district/region ...), "city"
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


def _suffix(doc: Any, tokens: list[Any]) -> tuple[str, int]:
    """A following administrative or settlement word: ("admin"|"city", its end) or ("", -1)."""
    i = tokens[-1].i + 1
    if i < len(doc):
        w = doc[i].lower_
        if w in ADMIN_WORDS:
            return "admin", doc[i].idx + len(doc[i].text)
        if w in CITY_WORDS:
            return "city", doc[i].idx + len(doc[i].text)
    return "", -1


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
        return best.population >= 10 * min_pop
    return best.feature in areas or best.population >= min_pop


def _is_area(gz: Gazetteer, name: str) -> bool:
    """Some spelling of ``name`` is an administrative area or region (used before "district")."""
    areas = ("ADM1", "ADM2", "region")
    return any(p.feature in areas for p in gz.lookup(name, fuzzy=False)) or any(
        p.feature in areas for p in gz.lookup_loose(name)
    )


def _followed_by_area(doc: Any, text: str, tokens: list[Any], gz: Gazetteer) -> bool:
    """ "X, Texas" / "X, La." / "X, Modoc County": X is placed by the area after the comma."""
    i = tokens[-1].i + 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    for size in (3, 2, 1):
        area = doc[i + 1 : i + 1 + size]
        if len(area) == size and all(_capitalised(t) for t in area):
            found = gz.lookup(text[area[0].idx : area[-1].idx + len(area[-1].text)], fuzzy=False)
            if found and found[0].feature in ("country", "ADM1", "ADM2") and not found[0].alternate:
                return True
    return False


def _facility(doc: Any, tokens: list[Any]) -> bool:
    """A multi-word name ending in a street, building or site word ("Karl Bremer Hospital"),
    not cut short at an abbreviation ("Fort St." of "Fort St. John")."""
    last = tokens[-1]
    if len(tokens) < 2 or last.lower_.rstrip(".") not in FACILITY_WORDS or not _capitalised(last):
        return False
    return not (last.text.endswith(".") and last.i + 1 < len(doc) and _capitalised(doc[last.i + 1]))


def _ngrams(tokens: list[Any]) -> Iterator[list[Any]]:
    n = len(tokens)
    for size in range(min(n, 5), 0, -1):
        for i in range(n - size + 1):
            yield tokens[i : i + size]


def _submatches(
    text: str,
    gz: Gazetteer,
    tokens: list[Any],
    min_pop: int,
    areas: tuple[str, ...] = ("country", "region", "ADM1"),
) -> list[list[Any]]:
    """Longest non-overlapping capitalised n-grams of ``tokens`` that the gazetteer knows."""
    taken: set[int] = set()
    found: list[list[Any]] = []
    for gram in _ngrams(tokens):
        if any(t.i in taken for t in gram) or not _capitalised(gram[0]) or not _capitalised(gram[-1]):
            continue
        if gram[0].lower_ in LEADING or gram[0].is_punct or gram[-1].is_punct:
            continue
        name = _text(text, gram)[2]
        if gz.is_demonym(name) or not _strong(gz, name, min_pop, areas):
            continue
        found.append(gram)
        taken.update(t.i for t in gram)
    return sorted(found, key=lambda g: g[0].i)


def candidates(doc: Any, gz: Gazetteer) -> list[Candidate]:
    out: list[Candidate] = []
    in_ent: set[int] = set()
    text = doc_text(doc)

    def add(tokens: list[Any], source: str, role: str = "place", label: str = "") -> None:
        start, end, name = _text(text, tokens)
        hint, suffix_end = _suffix(doc, tokens)
        if hint:
            end = suffix_end
        out.append(Candidate(start, end, name, source, role, hint, label))

    def demonyms_in(tokens: list[Any]) -> None:
        for t in tokens:
            if _capitalised(t) and gz.is_demonym(t.text):
                out.append(Candidate(t.idx, t.idx + len(t.text), t.text, "lexicon", "demonym"))

    weak: list[list[Any]] = []  # names the gazetteer knows, too small to trust on their own
    for ent in doc.ents:
        in_ent.update(range(ent.start, ent.end))
        label = ent.label_
        if label not in PLACE_LABELS and label not in OTHER_LABELS:
            continue
        for part in _parts(list(ent)):
            start, end, name = _text(text, part)
            if label in ("ORG", "PERSON") and _facility(doc, part) and not _submatches(text, gz, part, 10**9):
                add(part, "ner-other", label="FAC")  # "Thomas Memorial Hospital", "Royal Street"
            elif gz.is_demonym(name) and not (label in PLACE_LABELS and gz.has(name)):
                out.append(Candidate(start, end, name, "ner", "demonym", label=label))
            elif (
                len(part) > 1
                and part[-1].lower_ in ADMIN_WORDS
                and not gz.has(name)
                and gz.has(_text(text, part[:-1])[2])
            ):
                s0, _, n0 = _text(text, part[:-1])
                out.append(Candidate(s0, end, n0, "ner", "place", "admin", label))
            elif label in PLACE_LABELS:
                if (
                    gz.has(name)
                    or len(part) == 1
                    or part[-1].lower_.rstrip(".") in FACILITY_WORDS
                    or not (subs := _submatches(text, gz, part, 20000))
                ):
                    add(part, "ner", label=label)
                else:
                    for sub in subs:
                        add(sub, "ner", label=label)
            elif gz.has(name) and (
                (
                    _strong(gz, name, 20000)
                    if label != "PERSON"
                    else _strong(gz, name, 200000, ("country", "region"))
                )
                or _followed_by_area(doc, text, part, gz)
                or (_suffix(doc, part)[0] == "admin" and _is_area(gz, name))
            ):
                add(part, "ner-other", label=label)
            elif label in ("ORG", "PERSON", "NORP"):
                if label == "ORG":
                    subs = _submatches(text, gz, part, 20000, ("country", "region", "ADM1", "ADM2"))
                else:
                    subs = _submatches(text, gz, part, 10**9, ("country", "region"))
                covered = {t.i for s in subs for t in s}
                local = any(t.lower_ in LOCAL_ORG_WORDS for t in part)
                borrowed = any(t.lower_ in BORROWED_ORG_WORDS for t in part)
                for sub in subs:
                    whole = len(sub) == len(part)
                    if whole or label == "PERSON":
                        add(sub, "ner-other", "place", label)
                    elif not borrowed and (local or _strong(gz, _text(text, sub)[2], 100000)):
                        add(sub, "ner-other", "embedded", label)
                if not subs and len(ent) == len(part) and gz.has(name):
                    weak.append(part)
                demonyms_in([t for t in part if t.i not in covered])

    # proper-noun runs outside entities
    run: list[Any] = []
    toks = list(doc)
    for tok in [*toks, None]:
        if tok is not None and tok.i not in in_ent and tok.pos_ == "PROPN" and _capitalised(tok):
            run.append(tok)
            continue
        if run and _suffix(doc, run)[0] == "admin" and _is_area(gz, _text(text, run)[2]):
            add(run, "propn")  # "Donetsk region": an area, whatever its size
        elif run and _followed_by_area(doc, text, run, gz) and gz.has(_text(text, run)[2]):
            add(run, "propn")  # "Chubbuck, Idaho": placed by its region, whatever its size
        elif run:
            subs = _submatches(text, gz, run, 50000)
            for sub in subs:
                nxt = sub[-1].i + 1 - run[0].i
                if nxt < len(run) and run[nxt].lower_ in BORROWED_ORG_WORDS:
                    continue  # an outlet or brand named after a place ("Meridian Wire")
                add(sub, "propn")
            if not subs and gz.has(_text(text, run)[2]):
                weak.append(run)
            demonyms_in([t for t in run if not any(c.start <= t.idx < c.end for c in out)])
        run = []
        if tok is not None and tok.i not in in_ent and tok.pos_ == "ADJ" and _capitalised(tok):
            demonyms_in([tok])
    for gram in _connected_names(toks, text, gz):
        add(gram, "gazetteer")
    for run in dateline_runs(toks):
        name = _text(text, run)[2]
        if gz.has(name) and not gz.is_demonym(name) and name.casefold() not in GENERIC_WORDS:
            add(run, "dateline")
    named = [c.name for c in out if c.role in ("place", "embedded")]
    admins = context_admins(gz, named)
    countries = context_countries(gz, named)
    ends = frozenset(c.end for c in out if c.role == "place")
    for part in weak:
        name = _text(text, part)[2]
        if locative(doc, part, ends) and (in_named_region(gz, name, admins) or town_of(gz, name, countries)):
            add(part, "local")
    out += _repeats(doc, text, out, gz)
    # the tokenizer splits an abbreviation's period off ("Winnipeg, Man."): "Man." is Manitoba
    out = [
        Candidate(c.start, c.end + 1, c.name + ".", c.source, c.role, c.hint, c.label)
        if c.role == "place" and text[c.end : c.end + 1] == "." and len(c.name) <= 6 and gz.has(c.name + ".")
        else c
        for c in out
    ]
    # a short code after a number is an era, a unit or a time ("500 BC", "10 AM"), not a region
    # ("2,000 US troops" still names a country)
    out = [
        c
        for c in out
        if not (
            len(c.name) <= 3
            and c.name.isupper()
            and text[: c.start].rstrip()[-1:].isdigit()
            and not any(p.feature == "country" for p in gz.lookup(c.name, fuzzy=False)[:1])
        )
    ]
    out.sort(key=lambda c: (c.start, -c.end))
    dedup: list[Candidate] = []
    for c in out:
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    return dedup


CONNECTORS = frozenset({"and", "of", "de", "del", "da", "do", "upon", "on", "la", "le", "el", "&", "-"})


def _connected_names(toks: list[Any], text: str, gz: Gazetteer) -> list[list[Any]]:
    """Names the model splits in two: at a small word ("Trinidad and Tobago", "Port of Spain",
    "Stoke-on-Trent") or into two entities ("Baja" + "California", "Boa" + "Vista"). The
    longest such run of capitalised words (and connectors) that is the main name of a country,
    region or town."""
    n = len(toks)
    caps = [_capitalised(t) and not t.is_punct for t in toks]
    joins = [t.lower_ in CONNECTORS for t in toks]
    ent = [0] * n  # entity number of each token (0: none)
    number = 0
    for t in toks:
        if t.ent_iob_ == "B":
            number += 1
        ent[t.i] = number if t.ent_iob_ in ("B", "I") else 0
    out: list[list[Any]] = []
    i = 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        k = i + 1
        while k < n and k - i < 7 and (caps[k] or joins[k]):
            k += 1
        best = None
        for j in range(k - 1, i, -1):
            if not caps[j]:
                continue
            joined = any(joins[i + 1 : j])
            split = ent[i] and len(set(ent[i : j + 1])) > 1  # two entities, or one cut short
            if not joined and not split:
                continue
            found = gz.lookup(text[toks[i].idx : toks[j].idx + len(toks[j].text)], fuzzy=False)
            if (
                found
                and not found[0].alternate
                and (joined or found[0].feature != "city" or found[0].population >= 10000)
            ):
                best = toks[i : j + 1]
                break
        if best is not None:
            out.append(best)
            i = best[-1].i + 1
        else:
            i += 1
    return out


def _repeats(doc: Any, text: str, found: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """One sense per article: a name the model tagged as a place (and the gazetteer knows) is a
    place where it recurs under another label ("Cairns" tagged PERSON in "the Cairns police")."""
    names = {
        c.name
        for c in found
        if c.role == "place"
        and c.source == "ner"
        and c.label in PLACE_LABELS
        and " " not in c.name
        and gz.has(c.name)
    }
    names = {n for n in names if len(n) > 3 and n.casefold() not in GENERIC_WORDS}
    if not names:
        return []
    # a surname the model once took for a place ("Chen") is mostly tagged PERSON elsewhere
    as_place = Counter(e.text for e in doc.ents if e.label_ in PLACE_LABELS and e.text in names)
    as_person = Counter(e.text for e in doc.ents if e.label_ == "PERSON" and e.text in names)
    names = {n for n in names if 3 * as_place[n] >= as_person[n] or _strong(gz, n, 100000)}
    if not names:
        return []
    taken = [(c.start, c.end) for c in found]
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG") and len(e) > 1]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\w.])({alternatives})(?![\w-])", text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken) or any(a <= s and e <= b for a, b in people):
            continue
        out.append(Candidate(s, e, m.group(1), "repeat"))
    return out
