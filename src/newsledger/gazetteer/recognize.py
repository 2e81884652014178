"""Finding place-name candidates in a parsed text (a spaCy Doc; no spaCy import needed here).

Candidates come from the named entities — GPE/LOC/FAC, and ORG/PERSON/NORP spans whose text
(or part of it) is in the gazetteer, since the small English model often labels places ORG or
PERSON — and from runs of proper nouns outside any entity. Demonyms ("Azerbaijani",
"Russians") are returned apart, as ``role="demonym"``. A place inside an organisation's name
("Rapides Parish" in "Rapides Parish Fire District") is returned with ``role="embedded"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..nlp import doc_text, token_column
from . import Gazetteer
from .candidate import (
    COUNTY_WORDS,
    OTHER_LABELS,
    PLACE_LABELS,
    Candidate,
    _capitalised,
    _parts,
    _strong,
    _text,
)
from .cues import context_admins, context_countries, dateline_runs, in_named_region, locative, town_of
from .names import (
    SETTLEMENT_OF,
    _area_after,
    _before_local_org,
    _connected_names,
    _not_people,
    _repeats,
    _serves,
    common_words,
    in_list,
    postal_states,
)
from .org_words import BORROWED_ORG_WORDS, LOCAL_ORG_WORDS
from .words import (
    ADMIN_WORDS,
    CITY_WORDS,
    FACILITY_WORDS,
    GENERIC_WORDS,
    LEADING,
    QUARTER_WORDS,
    US_POSTAL,
)


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
            if size == 1 and area[0].text in US_POSTAL:
                return True  # "Ville Platte, LA"
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


def _areas_in(text: str, gz: Gazetteer, grams: list[list[Any]]) -> bool:
    """One of ``grams`` reads first as a country or region ("Swat" of "Swat Valley"), not a town
    ("Hayes" of "Hayes Valley", a quarter of San Francisco)."""
    for gram in grams:
        found = gz.lookup(_text(text, gram)[2], fuzzy=False)[:1]
        if found and found[0].feature != "city":
            return True
    return False


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
        if gz.is_demonym(name):
            continue
        if not _strong(gz, name, min_pop, areas) and not (
            len(gram) > 1 and gram[-1].lower_ in COUNTY_WORDS and gz.has(name)  # "Decatur County Jail"
        ):
            if len(gram) > 1 and gram[-1].lower_ not in GENERIC_WORDS and gz.has(name):
                taken.update(t.i for t in gram)  # "Mount Sinai" (Hospital) is not "Sinai"
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
    ents = doc.ents  # a new Span per entity on each access
    for ent in ents:
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
                and _text(text, part[:-1])[2].casefold() not in GENERIC_WORDS  # "Police Department"
            ):
                s0, _, n0 = _text(text, part[:-1])
                out.append(Candidate(s0, end, n0, "ner", "place", "admin", label))
            elif label in PLACE_LABELS:
                if (
                    gz.has(name)
                    or len(part) == 1
                    or part[-1].lower_.rstrip(".") in FACILITY_WORDS
                    or not (subs := _submatches(text, gz, part, 20000))
                    or (part[-1].lower_ in QUARTER_WORDS and not _areas_in(text, gz, subs))
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
                or (len(part) > 1 and part[-1].lower_ in COUNTY_WORDS)  # "Box Elder County"
            ):
                add(part, "ner-other", label=label)
            elif label in ("ORG", "PERSON", "NORP"):
                if label == "ORG":
                    subs = _submatches(text, gz, part, 20000, ("country", "region", "ADM1", "ADM2"))
                else:
                    subs = _submatches(text, gz, part, 10**9, ("country", "region"))
                head = _before_local_org(text, part, gz)
                if head and any(len(s) < len(head) and head[0].i <= s[0].i <= head[-1].i for s in subs):
                    # "Highland Heights Police": that town, not "Highland"
                    subs = [s for s in subs if s[-1].i < head[0].i or s[0].i > head[-1].i]
                    weak.append(head)
                    head = []
                covered = {t.i for s in subs for t in s}
                local = any(t.lower_ in LOCAL_ORG_WORDS for t in part)
                borrowed = any(t.lower_ in BORROWED_ORG_WORDS for t in part)
                for sub in subs:
                    whole = len(sub) == len(part)
                    if whole or label == "PERSON":
                        add(sub, "ner-other", "place", label)
                    elif _serves(part, sub) or (
                        not borrowed and (local or _strong(gz, _text(text, sub)[2], 100000))
                    ):
                        add(sub, "ner-other", "embedded", label)
                if not subs and len(ent) == len(part) and gz.has(name):
                    weak.append(part)
                elif not subs and head:
                    weak.append(head)  # "Tifton Police Department": the town
                demonyms_in([t for t in part if t.i not in covered])

    # proper-noun runs outside entities
    run: list[Any] = []
    orths, pos = token_column(doc, "ORTH"), token_column(doc, "POS")
    n = len(orths)
    for i in range(n + 1):
        if i < n and i not in in_ent and pos[i] == "PROPN" and orths[i][:1].isupper():
            run.append(doc[i])
            continue
        if run and _suffix(doc, run)[0] == "admin" and _is_area(gz, _text(text, run)[2]):
            add(run, "propn")  # "Donetsk region": an area, whatever its size
        elif run and _followed_by_area(doc, text, run, gz) and gz.has(_text(text, run)[2]):
            add(run, "propn")  # "Chubbuck, Idaho": placed by its region, whatever its size
        elif (
            run
            and len(run) <= 3
            and _area_after(text, run[-1].idx + len(run[-1].text), gz)
            and not in_list(text, run[0].idx)
        ):
            add(run, "propn")  # "Snowville, Box Elder County": a town too small for the gazetteer
        elif run:
            run_name = _text(text, run)[2]
            subs = _submatches(text, gz, run, 50000)
            if (
                len(run) > 1
                and gz.has(run_name)
                and not gz.is_demonym(run_name)
                and [len(s) for s in subs] != [len(run)]
            ):
                subs = []  # "White Sulphur Springs" is that town, not "Springs"
            for sub in subs:
                nxt = sub[-1].i + 1 - run[0].i
                if nxt < len(run) and run[nxt].lower_ in BORROWED_ORG_WORDS:
                    continue  # an outlet or brand named after a place ("Meridian Wire")
                add(sub, "propn")
            if not subs and gz.has(run_name):
                weak.append(run)
            elif not subs and (head := _before_local_org(text, run, gz)):
                weak.append(head)  # "Tifton Police"
            demonyms_in([t for t in run if not any(c.start <= t.idx < c.end for c in out)])
        run = []
        if i < n and i not in in_ent and pos[i] == "ADJ" and orths[i][:1].isupper():
            demonyms_in([doc[i]])
    for gram in _connected_names(doc, text, gz, ents):
        add(gram, "gazetteer")
    for run in dateline_runs(doc):
        name = _text(text, run)[2]
        if gz.has(name) and not gz.is_demonym(name) and name.casefold() not in GENERIC_WORDS:
            add(run, "dateline")
        elif _area_after(text, run[-1].idx + len(run[-1].text), gz):
            add(run, "dateline")  # "SNOWVILLE, Box Elder County —": a town the gazetteer lacks
    named = [c.name for c in out if c.role in ("place", "embedded")]
    admins = context_admins(gz, named)
    countries = context_countries(gz, named)
    ends = frozenset(c.end for c in out if c.role == "place")
    for part in weak:
        name = _text(text, part)[2]
        if locative(doc, part, ends) and (in_named_region(gz, name, admins) or town_of(gz, name, countries)):
            add(part, "local")
    out += _repeats(doc, text, out, gz, ents)
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
    out += _named_settlements(doc, text, out, gz)
    # "the city of Turkey", "the town of Paris": a town, whatever else the name may be
    out = [
        replace(c, hint="city")
        if c.role == "place" and not c.hint and SETTLEMENT_OF.search(text, max(0, c.start - 12), c.start)
        else c
        for c in out
    ]
    # "Snowville, Box Elder County", "Lingle, Wyo.": a town the gazetteer does not know, placed
    # by its region
    out = [
        replace(c, hint="town")
        if c.role == "place" and not c.hint and c.label != "FAC" and not gz.has(c.name)
        and c.name[:1].isupper() and _area_after(text, c.end, gz) and not in_list(text, c.start)
        else c
        for c in out
    ]  # fmt: skip
    out = _not_people(doc, text, out, gz, ents)
    out = common_words(doc, text, out, gz)
    postal = postal_states(doc, text)
    if postal:
        out = [c for c in out if not any(p.start < c.end and c.start < p.end for p in postal)] + postal
    out.sort(key=lambda c: (c.start, -c.end))
    dedup: list[Candidate] = []
    for c in out:
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    return dedup


SETTLEMENT_HEADS = frozenset({"town", "village", "hamlet", "community", "township", "borough"})


def _named_settlements(doc: Any, text: str, found: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """ "the town of Elmo", "the village of Glen Flora": a settlement that the gazetteer lacks, or
    knows only elsewhere (hint "town"; placed near the article's other places)."""
    lowers, orths = token_column(doc, "LOWER"), token_column(doc, "ORTH")
    punct, idxs = token_column(doc, "IS_PUNCT"), token_column(doc, "IDX")
    out = []
    for i in range(1, len(lowers) - 1):
        if lowers[i] != "of" or lowers[i - 1] not in SETTLEMENT_HEADS:
            continue
        last = -1
        for k in range(i + 1, min(i + 4, len(lowers))):
            if not orths[k][:1].isupper() or punct[k]:
                break
            last = k
        if last < 0:
            continue
        start, end = idxs[i + 1], idxs[last] + len(orths[last])
        name = text[start:end]
        if gz.is_demonym(name) or any(c.start < end and start < c.end for c in found):
            continue
        out.append(Candidate(start, end, name, "local", "place", "town"))
    return out
