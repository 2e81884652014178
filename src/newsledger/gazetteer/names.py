"""Name-level evidence over a whole article: names the model splits in two, one sense per name,
towns inside the names of their police or fire services, lists of names, towns placed by the
region after a comma, and one-word names that are people."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..nlp import token_column
from . import Gazetteer
from .candidate import PLACE_LABELS, Candidate, _capitalised, _clean_tokens, _strong, _text
from .cues import locative
from .org_words import BORROWED_ORG_WORDS, LOCAL_ORG_WORDS
from .person_words import HONORIFICS
from .words import FEASTS, GENERIC_WORDS, MONTHS, US_POSTAL

# "the city of Turkey", "the town of Paris": what follows is a town
SETTLEMENT_OF = re.compile(r"\b(?:[Cc]ity|[Tt]own|[Vv]illage|[Hh]amlet|[Bb]orough) of\s+\Z")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$")
_LIST_AFTER = re.compile(r"\.?,?\s*(?:and|or|&)?\s*[A-Z]")


def in_list(text: str, start: int, end: int | None = None) -> bool:
    """The span ``start:end`` ("Miami, New York") is part of a list of names ("Los Angeles,
    Miami, New York, and Detroit", "in Copenhagen, Hamburg, Brasoc and Mannheim"); without
    ``end`` only what comes before ``start`` is looked at."""
    if _LIST_BEFORE.search(text[max(0, start - 6) : start]):
        return True
    if end is None:
        return False
    after = text[end : end + 8]
    return (after[:1] == "," and bool(_LIST_AFTER.match(after))) or after.lstrip().startswith(
        ("and ", "or ", "& ")
    )


_AREA_AFTER = re.compile(r",[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})")


def _area_after(text: str, end: int, gz: Gazetteer) -> bool:
    """A first- or second-level region follows after a comma ("…, Mo.", "…, Box Elder County")."""
    m = _AREA_AFTER.match(text, end)
    if m is None:
        return False
    words = m.group(1).split()
    if words[0] in US_POSTAL:  # "…, WV"
        return True
    for size in range(len(words), 0, -1):
        found = gz.lookup(" ".join(words[:size]), fuzzy=False)
        if found and found[0].feature in ("ADM1", "ADM2") and not found[0].alternate:
            return True
    return False


CONNECTORS = frozenset({"and", "of", "de", "del", "da", "do", "upon", "on", "la", "le", "el", "&", "-"})


def _connected_names(
    doc: Any, text: str, gz: Gazetteer, ents: tuple[Any, ...] | None = None
) -> list[list[Any]]:
    """Names the model splits in two: at a small word ("Trinidad and Tobago", "Port of Spain",
    "Stoke-on-Trent") or into two entities ("Baja" + "California", "Boa" + "Vista"). The
    longest such run of capitalised words (and connectors) that is the main name of a country,
    region or town."""
    orths, lowers = token_column(doc, "ORTH"), token_column(doc, "LOWER")
    punct, idxs = token_column(doc, "IS_PUNCT"), token_column(doc, "IDX")
    n = len(orths)
    caps = [o[:1].isupper() and not p for o, p in zip(orths, punct, strict=True)]
    joins = [w in CONNECTORS for w in lowers]
    ent = [0] * n  # entity number of each token (0: none)
    for number, e in enumerate(doc.ents if ents is None else ents, 1):
        ent[e.start : e.end] = [number] * (e.end - e.start)
    out: list[list[Any]] = []
    i = 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        k = i + 1
        while k < n and k - i < 7 and (caps[k] or joins[k]):
            k += 1
        best = -1
        for j in range(k - 1, i, -1):
            if not caps[j]:
                continue
            joined = any(joins[i + 1 : j])
            split = ent[i] and len(set(ent[i : j + 1])) > 1  # two entities, or one cut short
            if not joined and not split:
                continue
            found = gz.lookup(text[idxs[i] : idxs[j] + len(orths[j])], fuzzy=False)
            if (
                found
                and not found[0].alternate
                and (joined or found[0].feature != "city" or found[0].population >= 10000)
            ):
                best = j
                break
        if best >= 0:
            out.append(list(doc[i : best + 1]))
            i = best + 1
        else:
            i += 1
    return out


def _repeats(
    doc: Any, text: str, found: list[Candidate], gz: Gazetteer, ents: tuple[Any, ...] | None = None
) -> list[Candidate]:
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
    if ents is None:
        ents = doc.ents
    # a surname the model once took for a place ("Chen") is mostly tagged PERSON elsewhere
    as_place = Counter(
        t for e in ents if e.label_ in PLACE_LABELS and (t := text[e.start_char : e.end_char]) in names
    )
    as_person = Counter(
        t for e in ents if e.label_ == "PERSON" and (t := text[e.start_char : e.end_char]) in names
    )
    names = {n for n in names if 3 * as_place[n] >= as_person[n] or _strong(gz, n, 100000)}
    if not names:
        return []
    taken = [(c.start, c.end) for c in found]
    people = [(e.start_char, e.end_char) for e in ents if e.label_ in ("PERSON", "ORG") and len(e) > 1]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\w.])({alternatives})(?![\w-])", text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken) or any(a <= s and e <= b for a, b in people):
            continue
        out.append(Candidate(s, e, m.group(1), "repeat"))
    return out


def _serves(part: list[Any], sub: list[Any]) -> bool:
    """The place name is followed by a police or fire service word ("Chicago Police News
    Affairs"): the town's own service, whatever else the name says."""
    k = sub[-1].i + 1 - part[0].i
    return k < len(part) and part[k].lower_ in EMERGENCY_WORDS


EMERGENCY_WORDS = frozenset({"police", "sheriff", "sheriff's", "fire", "ems", "marshal", "constable"})


def _before_local_org(text: str, tokens: list[Any], gz: Gazetteer) -> list[Any]:
    """The known place name before the word of a town's police or fire service ("Tifton" of
    "Tifton Police", "Highland Heights" of "Highland Heights Police Department"), else []."""
    for k in range(1, len(tokens)):
        if tokens[k].lower_ in EMERGENCY_WORDS:
            head = _clean_tokens(tokens[:k])
            return head if head and gz.has(_text(text, head)[2]) else []
    return []


PERSON_CONTEXT_SOURCES = frozenset({"ner", "ner-other", "repeat", "propn"})


def _not_people(
    doc: Any, text: str, found: list[Candidate], gz: Gazetteer, ents: tuple[Any, ...] | None = None
) -> list[Candidate]:
    """A one-word name that is also part of a person's full name in the article ("Tyler" beside
    "Tyler Williams", "Hammad" beside "Yehia Hammad"; towns under 1 M) or that the model tags a
    person more often than a place (towns under 100,000) is that person, not a town of that
    name, unless it stands where places stand ("in Jackson", "Jackson, Miss.")."""
    full: set[str] = set()
    first: set[str] = set()  # first names of full names ("Georgia Stevens", "Jordan Peele")
    as_person: Counter[str] = Counter()
    as_place: Counter[str] = Counter()
    for e in doc.ents if ents is None else ents:
        if e.label_ == "PERSON":
            as_person[text[e.start_char : e.end_char]] += 1
            words = [t.lower_ for t in e]
            if len(e) > 1 and not any(w in BORROWED_ORG_WORDS or w in LOCAL_ORG_WORDS for w in words):
                full.update(t.text for t in e if _capitalised(t))
                if _capitalised(e[0]) and _capitalised(e[1]) and not e[1].text.endswith("."):
                    first.add(e[0].text)
        elif e.label_ in PLACE_LABELS:
            as_place[text[e.start_char : e.end_char]] += 1
    for m in _AGED_NAME.finditer(text):  # whatever the model's label
        words = m.group(1).split()
        full.update(words)
        first.add(words[0])
    full.update(_GENERATION.findall(text))  # "Ortiz, Sr.", "Lee Jr."
    out = []
    for c in found:
        name = c.name
        if c.role == "place" and c.source in PERSON_CONTEXT_SOURCES and not c.hint and _titled(doc, c, gz):
            continue  # "Ms Raggi", "Mr. Brunson", "Cardinal Tagle", "Detective Ana Reyes"
        if (
            c.role == "place"
            and c.source in PERSON_CONTEXT_SOURCES
            and not c.hint
            and " " not in name
            and _WHO.match(text, c.end)
            and not _placed_by_context(doc, text, c)
        ):
            continue  # "Ivy, who was playing": "who" stands for people
        if c.role == "place" and " " not in name and name.casefold() in MONTHS and _dated(doc, c):
            continue  # "March 31", "in May 2018"
        if c.role == "place" and name.split()[0].casefold() in FEASTS and not (" " in name and gz.has(name)):
            continue  # "Easter", "Easter Vigil", "Christmas": days, not the towns so named
        if (
            c.role == "place"
            and c.source in PERSON_CONTEXT_SOURCES
            and not c.hint
            and name in first
            and not _placed_by_context(doc, text, c)
        ):
            continue  # "Georgia began skating" beside "Georgia Stevens"
        if (
            c.role == "place"
            and c.source in PERSON_CONTEXT_SOURCES
            and not c.hint
            and " " not in name
            and (name in full or as_person[name] > as_place[name])
            and not _placed_by_context(doc, text, c)
        ):
            # a full name is strong evidence; the model's PERSON tag alone only for small towns
            best = gz.lookup(name, fuzzy=False)[:1]
            limit = 10**6 if name in full else 10**5
            small = ("city", "ADM1", "ADM2") if name in full else ("city",)  # "9-year-old Amy Keller"
            if not best or (best[0].feature in small and best[0].population < limit):
                continue
        out.append(c)
    return out


_GENERATION = re.compile(r"\b([A-Z][a-z]+),? (?:Jr|Sr)\b\.?")
_WHO = re.compile(r",?\s+who\b")
# a full name after an age ("9-year-old Amy Keller", "a 40-year-old Tom Ortiz")
_AGED_NAME = re.compile(r"\b(?:\d+|[a-z]+)[- ]years?[- ]old,?[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][\w'’-]+){1,2})")


def _titled(doc: Any, c: Candidate, gz: Gazetteer) -> bool:
    """The name is a person's, after an honorific ("Ms Raggi", "Mr. Brunson", "Cardinal Tagle"),
    an honorific and a first name ("Detective Ana Reyes") or a first name and an initial
    ("Booker T. Washington"); not a place named so ("Prince George", "King County")."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0].lower_.rstrip(".")
    if first in HONORIFICS and len(span) > 1:
        return not gz.has(c.name)
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_.rstrip(".") in HONORIFICS and _capitalised(before):
        return True
    if span.start < 2 or not _capitalised(before) or before.is_punct:
        return False
    earlier = doc[span.start - 2]
    if len(before.text) == 2 and before.text.endswith(".") and before.text[0].isupper():
        return _capitalised(earlier) and earlier.is_alpha and len(earlier.text) > 1  # "Booker T."
    return earlier.lower_.rstrip(".") in HONORIFICS and _capitalised(earlier) and not gz.has(before.text)


def _dated(doc: Any, c: Candidate) -> bool:
    """A month name that is part of a date: tagged DATE, or next to a number."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return tok.ent_type_ == "DATE" or any(t.like_num for t in near)


def _placed_by_context(doc: Any, text: str, c: Candidate) -> bool:
    """ "in X", "near X", "X, Texas", "X police": the words around say place."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return locative(doc, list(span))


def common_words(doc: Any, text: str, found: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """A one-word name that the article writes as a lowercase word at least as often ("Man held
    after ...", "Arrest made ...", "a loud bang, Bang") is that word, not a town so named (Man,
    Ivory Coast), unless the words around say place ("in Reading"); a name written in lowercase
    ("jersey", "a red jersey", "van") is never a place. Countries and towns of a million are
    kept."""
    words = Counter(token_column(doc, "ORTH"))
    out = []
    for c in found:
        if c.role == "place" and c.name.islower():
            continue
        if c.role == "place" and " " not in c.name and not c.hint:
            low = c.name.casefold()
            if words[low] and words[low] >= words[c.name] and not _placed_by_context(doc, text, c):
                best = gz.lookup(c.name, fuzzy=False)[:1]
                if not best or (best[0].feature != "country" and best[0].population < 10**6):
                    continue
        out.append(c)
    return out


def postal_states(doc: Any, text: str) -> list[Candidate]:
    """US states written as postal codes after a town and a comma ("Ville Platte, LA", "Minot, ND
    58701"), as the state (hint "admin": a region, not a town)."""
    orths = token_column(doc, "ORTH")
    out = []
    for i in range(2, len(orths)):
        state = US_POSTAL.get(orths[i])
        if state is None or orths[i - 1] != "," or not orths[i - 2][:1].isupper():
            continue
        if i + 1 < len(orths) and orths[i + 1][:1].isupper() and orths[i + 1].isalpha():
            continue  # "Durham, NC State ...": part of another name
        t = doc[i]
        out.append(Candidate(t.idx, t.idx + len(t.text), state, "postal", "place", "admin", "GPE"))
    return out
