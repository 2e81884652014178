"""The `places` stage: every place name in an article, placed on the map offline.

Candidates and resolution live in :mod:`newsledger.gazetteer.recognize` and
:mod:`newsledger.gazetteer.resolve`; this module turns them into :class:`PlaceMention`s.
Demonyms that qualify a noun ("Turkish policeman", "the Syrian border") come out with
``role="demonym"`` at their country's (or region's: "European") point; demonyms naming people
("Russians") or languages only inform the resolution. Places inside organisation names come out
with ``role="embedded"`` and countries used to qualify a noun ("U.S. officials") with
``role="modifier"``; event locations should use ``role == "place"``. Buildings and streets the
gazetteer does not know ("Mercy General Hospital", "Royal Street") come out with feature
``other`` and score 0, at the point of the article's town they most likely belong to.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from ..context import Context
from ..gazetteer import Gazetteer
from ..gazetteer.recognize import candidates
from ..gazetteer.resolve import Resolution, resolve
from ..gazetteer.words import FACILITY_WORDS, LOCATIVE_PREPOSITIONS
from ..model import AnnotatedArticle, PlaceMention
from ..pipeline import Stage


def _last_modifying_token(article: AnnotatedArticle, r: Resolution) -> Any:
    """The mention's last token when it modifies a later word (compound, amod, nmod), else None."""
    doc, c = article.doc, r.candidate
    span = doc.char_span(c.start, c.end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return None
    last = span[-1]
    if last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i:
        return last
    return None


def _is_modifier(article: AnnotatedArticle, r: Resolution) -> bool:
    """A country name used to qualify a noun ("U.S. officials", "the Iraq war"): a mention of the
    country, but not a place where something happened."""
    if r.place is None or r.place.feature != "country" or r.candidate.role != "place":
        return False
    last = _last_modifying_token(article, r)
    if last is None:
        return False
    head = last.head
    return head.i - last.i <= 3 and head.pos_ == "NOUN" and head.is_lower


_ABBREVIATED = (("St. ", "Saint "), ("Ste. ", "Sainte "), ("Ft. ", "Fort "), ("Mt. ", "Mount "))


def full_name(name: str) -> str:
    """A gazetteer name with its abbreviated first word spelled out ("St. Louis" → "Saint
    Louis", "Ft. Myers" → "Fort Myers"), the form registries use."""
    for short, full in _ABBREVIATED:
        if name.startswith(short):
            return full + name[len(short) :]
    return name


def _mention(article: AnnotatedArticle, r: Resolution, near: Resolution | None = None) -> PlaceMention:
    c, p = r.candidate, r.place
    text = article.article.text[c.start : c.end]
    if p is None:
        # a building, street or quarter the gazetteer does not know ("City Hall", "Royal Street"):
        # placed approximately at the nearest town named in the article, and marked as such
        q = near.place if near is not None else None
        return PlaceMention(
            span=article.span(c.start, c.end), text=text, name=c.name, gazetteer_id=None,
            latitude=round(q.latitude, 5) if q else None, longitude=round(q.longitude, 5) if q else None,
            feature="city" if c.hint == "town" else "other",
            admin1=(q.admin1 or None) if q else None, country=(q.country or None) if q else None,
            score=0.0, alternatives=(q.id,) if q else (), role=c.role,
        )  # fmt: skip
    return PlaceMention(
        span=article.span(c.start, c.end),
        text=text,
        name=full_name(p.name),
        gazetteer_id=p.id,
        latitude=round(p.latitude, 5),
        longitude=round(p.longitude, 5),
        feature=p.feature,
        admin1=p.admin1 or None,
        country=p.country or None,
        score=r.score,
        alternatives=tuple(a.id for a in r.alternatives),
        role="modifier" if _is_modifier(article, r) else c.role,
    )


# country-code top-level domains that sites use for other reasons than their country
_GENERIC_CCTLDS = frozenset(
    {"ai", "co", "fm", "io", "ly", "me", "tv", "ws", "cc", "to", "gg", "so", "am", "la", "nu"}
)


def outlet_country(url: str | None) -> str | None:
    """ISO2 of the country an outlet's web address points to ("https://x.co.uk/a" → "GB")."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    tld = host.rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_CCTLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


_LANDMARK_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"on", "inside", "outside", "into", "onto"}


def _landmark_for_government(article: AnnotatedArticle, r: Resolution) -> bool:
    """A seat of government used for the government ("the White House said", "White House
    aides", "denied by the Kremlin"): not a place. After "at", "in", "from" ... ("at the White
    House") it is the building."""
    if r.place is None or r.place.feature != "other" or article.doc is None:
        return False
    span = article.doc.char_span(r.candidate.start, r.candidate.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return span is not None
    i = span.start - 1
    if article.doc[i].lower_ == "the" and i > 0:
        i -= 1
    return article.doc[i].lower_ not in _LANDMARK_PREPOSITIONS


def _acting_name(article: AnnotatedArticle, r: Resolution) -> bool:
    """A name no gazetteer knows, without a building or street word, that acts or owns ("Notre
    Dame won", "Notre Dame's Arike Ogunbowale", "Ocean Infinity said"): a team, firm or person."""
    c = r.candidate
    if r.place is not None or c.hint or c.name.split()[-1].casefold().rstrip(".") in FACILITY_WORDS:
        return False
    span = article.doc.char_span(c.start, c.end, alignment_mode="expand") if article.doc is not None else None
    if span is None or not len(span):
        return False
    last = span[-1]
    nxt = article.doc[last.i + 1].text if last.i + 1 < len(article.doc) else ""
    return last.dep_ in ("nsubj", "nsubjpass") or nxt in ("'s", "’s") or last.text.endswith(("'s", "’s"))


def _qualifies_noun(article: AnnotatedArticle, r: Resolution) -> bool:
    """A demonym used as an adjective on a noun ("Turkish policeman", "the Syrian border"),
    not a people ("Russians"), a language ("in Turkish") or a noun on its own ("the British")."""
    last = _last_modifying_token(article, r)
    return last is not None and last.tag_ not in ("NNS", "NNPS") and last.head.pos_ in ("NOUN", "PROPN")


def place_mentions(
    article: AnnotatedArticle, gz: Any, demonyms: str = "qualifying"
) -> tuple[PlaceMention, ...]:
    """The place mentions of a parsed article (the outlet's country, from its web address, counts as
    context).

    Demonyms always inform the resolution (as country context). Which are returned, with
    ``role="demonym"`` and their country's point: ``"qualifying"`` (default) those that qualify
    a noun ("Turkish policeman", "Syrian border": a mention of the country, as LGL-style
    annotation counts them), ``"all"`` (also "Russians", "in Turkish"), ``"none"``."""
    if article.doc is None:
        return ()
    if isinstance(gz, Gazetteer):
        gz = gz.for_text()  # each distinct name folded once per text
    resolved = resolve(
        gz, candidates(article.doc, gz), article.article.text, outlet_country(article.article.url)
    )
    resolved = [
        r
        for r in resolved
        if r.candidate.role != "demonym"
        or demonyms == "all"
        or (demonyms == "qualifying" and _qualifies_noun(article, r))
    ]
    resolved = [
        r for r in resolved if not _landmark_for_government(article, r) and not _acting_name(article, r)
    ]
    # a single word the model calls a place but no gazetteer knows is most often a person or brand
    kept = [
        r
        for r in resolved
        if (
            r.place is not None
            or " " in r.candidate.name.strip()
            or r.candidate.label == "FAC"
            or r.candidate.hint == "town"
        )
    ]
    kept = _plausible(kept, outlet_country(article.article.url), _after_locative(article, kept))
    anchor = _anchors(kept)
    return tuple(
        _mention(article, r, (_region_of(kept, k) or anchor(r)) if r.candidate.hint == "town" else anchor(r))
        for k, r in enumerate(kept)
    )


def _region_of(kept: list[Resolution], k: int) -> Resolution | None:
    """Where to put a town the gazetteer lacks ("Holliday, Mo."): the nearest town of the region
    named after it (within 300 characters), else that region."""
    c = kept[k].candidate
    nxt = kept[k + 1] if k + 1 < len(kept) else None
    if nxt is None or nxt.place is None or nxt.candidate.start - c.end > 3:
        return None
    region = (nxt.place.country, nxt.place.admin1 or nxt.place.name)
    towns = [
        r
        for r in kept
        if r.place is not None
        and r.place.feature == "city"
        and (r.place.country, r.place.admin1) == region
        and abs(r.candidate.start - c.start) <= 300
    ]
    return min(towns, key=lambda r: abs(r.candidate.start - c.start)) if towns else nxt


def _after_locative(article: AnnotatedArticle, kept: list[Resolution]) -> frozenset[int]:
    """Start offsets of the mentions right after "in", "near", "outside" ... ("in Wadena")."""
    doc = article.doc
    out = set()
    for r in kept:
        span = doc.char_span(r.candidate.start, r.candidate.end, alignment_mode="expand") if doc else None
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS:
            out.add(r.candidate.start)
    return frozenset(out)


def _plausible(
    kept: list[Resolution], outlet: str | None, located: frozenset[int] = frozenset()
) -> list[Resolution]:
    """Drop villages that nothing else in the article supports: a name read as a small town
    (under 5,000 inhabitants) of a country that no other name of the article (nor the outlet)
    points to is most often a person or a word, not that village ("Dubreuil" in a story
    about New Orleans). Towns placed by a dateline, a named region or a comma ("Bokoshe,
    Ark.") have that support."""
    by_name: dict[str, Counter[str]] = {}
    for r in kept:
        p = r.place
        if p is not None and p.country:
            by_name.setdefault(r.candidate.name, Counter())[p.country] += 1
    if outlet:
        by_name.setdefault("", Counter())[outlet] += 1
    out = []
    for r in kept:
        p = r.place
        alone = (
            p is not None
            and (p.feature == "city" or (p.feature == "ADM2" and not _says_county(r.candidate.name)))
            and r.candidate.source not in ("dateline", "local")
            and not r.candidate.hint
            and not any(c.get(p.country) for name, c in by_name.items() if name != r.candidate.name)
        )
        floor = 5000 if r.candidate.label in ("GPE", "LOC") else 20000
        if (
            r.candidate.role == "place"
            and r.candidate.label in ("ORG", "PERSON", "PRODUCT")
            and " " not in r.candidate.name
        ):
            floor = 100_000  # a brand or a surname ("Honda", "Toyota"), not a town abroad
        if (
            r.candidate.label == "GPE"
            and r.candidate.start in located
            and p is not None
            and not p.alternate
            and not any(c for name, c in by_name.items() if name != r.candidate.name)
        ):
            floor = 1000  # "in Wadena", and no other name points to another country
        if alone and p is not None and p.population < floor:
            continue
        if alone and r.candidate.name.split()[-1].casefold().rstrip(".") in FACILITY_WORDS:
            # "Victoria Park" in a story from Ontario is a park there, not a suburb of Perth
            r = Resolution(r.candidate, None, 0.0, ())
        out.append(r)
    return out


def _says_county(name: str) -> bool:
    """ "Allamakee County", "Aiken Co.": the name itself says it is a county, not a person."""
    return (
        name.split()[-1].casefold().rstrip(".") in ("county", "co", "parish", "borough")
        if " " in name
        else False
    )


def _anchors(kept: list[Resolution]) -> Any:
    """Where to put a building or street the gazetteer does not know: the town named closest
    to it (within 200 characters), else the article's most named town (the largest on a tie),
    among the towns of the article's main country and of the regions it names; else the
    nearest admin area or country."""
    placed = [r for r in kept if r.place is not None and r.candidate.role in ("place", "embedded")]
    country_count = Counter(r.place.country for r in placed if r.place is not None and r.place.country)
    main = country_count.most_common(1)[0][0] if country_count else ""
    regions = {
        (r.place.country, r.place.admin1) for r in placed if r.place is not None and r.place.feature == "ADM1"
    }
    towns = [r for r in placed if r.place is not None and r.place.feature in ("city", "ADM2")]
    areas = [r for r in placed if r.place is not None and r.place.feature in ("ADM2", "ADM1", "country")]
    if main:
        towns = [t for t in towns if t.place is not None and t.place.country == main]
        areas = [a for a in areas if a.place is not None and a.place.country == main] or areas
    if regions:
        towns = [
            t for t in towns if t.place is not None and (t.place.country, t.place.admin1) in regions
        ] or towns
    counts = Counter(t.place.id for t in towns if t.place is not None)

    def anchor(r: Resolution) -> Resolution | None:
        if r.place is not None or not (towns or areas):
            return None
        close = [t for t in towns if abs(t.candidate.start - r.candidate.start) <= 200]
        if close:
            return min(close, key=lambda t: abs(t.candidate.start - r.candidate.start))
        if towns:
            return max(
                towns,
                key=lambda t: (counts[t.place.id], t.place.population) if t.place else (0, 0),
            )
        return min(areas, key=lambda t: abs(t.candidate.start - r.candidate.start))

    return anchor


def outlet_spans(text: str, outlet: str | None) -> list[tuple[int, int]]:
    """Where the article names its own outlet ("By Riverside Dispatch staff"): a byline, not
    a place, however place-like the outlet's name."""
    if not outlet or len(outlet.strip()) < 3:
        return []
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in outlet.split()) + r"\b"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def places(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle:
    if article.doc is None:
        return article
    found = place_mentions(article, ctx.gazetteer)
    bylines = outlet_spans(article.article.text, article.article.outlet)
    if bylines:
        found = tuple(
            p for p in found if not any(lo <= p.span.start and p.span.end <= hi for lo, hi in bylines)
        )
    return article.add(places=found)


STAGE = Stage("places", places, assigns=("places",))
