"""Which event mentions report the same happening: pair scores, blocking and greedy clustering.

A mention joins the best-scoring existing cluster whose every member is compatible with it:

* **type** — the same ACLED event_type (violent types may meet at a penalty); the same
  sub_event_type scores, a different one costs;
* **date** — the same day scores; ranges that overlap within their precision score less; dates a
  few days apart are a *soft* disagreement, allowed only when everything else strongly agrees
  (the disagreement is then kept as a conflict); further apart is incompatible;
* **place** — the same place (gazetteer id or spelling variant), containment (a village in its
  district) or nearness score; places far apart are incompatible;
* **participants** — actors and the people, groups and places named in the sentence, compared
  spelling-insensitively ("Azerbaijani" = "Azerbaijan");
* **wording** — the same trigger stem and content-word overlap of the sentences.

Mentions are visited in a total, content-based order (publication date, article id, offsets), so
the result does not depend on input order. Candidate clusters come from blocking keys (type +
day, type + place, type + article), so the work grows near-linearly with the number of mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..model import Article, EventMention, PlaceMention
from .dates import BOUND_MODS, gap_days, interval, is_day
from .geo import core_name, country_name, relation
from .pairmodel import model_score, numbers, pair_features
from .similarity import LIGHT_TRIGGERS, same_sense, trigger_key
from .text import actor_words, content_stems, fold, jaccard, same_actor_words, same_folded

# types under which one act of violence may be coded by different reports (a shooting as an
# attack on civilians, an armed clash or a violent crime)
VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence", "Crime"})
# named entities of the sentence that count as participants (places are compared as places)
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_QUALIFIER = re.compile(r"\(([^()]+)\)\s*$")  # "Civilians (United States)" → "United States"
COARSE_FEATURES = frozenset({"country", "ADM1", "region"})
# event types whose sub-types name different happenings (an agreement is not a base established)
STRICT_SUBTYPES = frozenset({"Strategic developments"})


@dataclass(frozen=True)
class MergePolicy:
    """Weights and thresholds of the pair score (documented in docs/reconcile.md)."""

    join: float = 1.6  # minimum link score to join a cluster
    strong: float = 2.4  # minimum score (before the date penalty) to merge despite a date disagreement
    soft_date_days: int = 3  # dates up to this many days apart may still be one event
    require_anchor: bool = True  # need agreeing date, place or same article, not wording alone
    w_sub_same: float = 0.5
    w_sub_missing: float = 0.2
    w_sub_diff: float = -0.4
    w_family: float = -0.6  # different violent event types
    w_date_same: float = 1.0
    w_date_overlap: float = 0.4
    w_date_bound: float = 0.3
    w_date_soft: float = -0.5
    w_place_same: float = 1.0
    w_place_contains: float = 0.6
    w_place_near: float = 0.5
    w_actors: float = 1.0
    w_actors_disjoint: float = -0.3
    w_trigger: float = 0.4
    w_sense: float = 0.0  # two trigger words of one sense ("murder" / "killing"; similarity.SENSES)
    light_factor: float = 0.25  # share of w_trigger for a light or reporting verb ("say", "take")
    w_text: float = 1.5
    w_same_article: float = 0.3
    w_counts: float = 0.5  # the same number killed or injured (not zero)
    w_names: float = 1.5  # two reports name the same person (full name, anywhere in the report)
    linkage: str = "max"  # "max": best pair in the cluster; "mean": average over its members
    w_embed: float = 0.0  # sentence-embedding similarity (off unless items carry embeddings)
    embed_center: float = 0.5  # cosine similarity that counts as neutral
    # a trained pair score (pairmodel.PairModel): its log-odds replace the weighted sum; the
    # join threshold then applies to them (compatibility and anchors stay as they are)
    model: Any = None


DEFAULT_POLICY = MergePolicy()


@dataclass(frozen=True)
class Item:
    """One event mention with what merging needs to know about it."""

    article: Article
    mention: EventMention
    index: int
    participants: tuple[str, ...] = ()
    group: str = ""  # optional extra blocking key (e.g. a topic in a benchmark)
    names: frozenset[tuple[str, str]] = frozenset()  # people the whole report names (person_keys)
    embedding: tuple[float, ...] | None = None  # unit-length sentence embedding, if computed
    arguments: tuple[tuple[str, str], ...] = ()  # (role, text): time, place, participant, thing

    @cached_property
    def numbers(self) -> frozenset[str]:
        m = self.mention
        return numbers(self.article.text[m.span.start : m.span.end])

    @cached_property
    def report_words(self) -> frozenset[str]:
        return content_stems(self.article.text)

    @cached_property
    def sort_key(self) -> tuple[str, str, int, int, int]:
        pub = self.article.published.isoformat() if self.article.published else "9999-12-31"
        return (pub, self.article.id, self.mention.span.start, self.mention.span.end, self.index)

    @cached_property
    def visit_key(self) -> tuple[int, tuple[str, str, int, int, int]]:
        """Clustering order: mentions dated to a day first, then those dated to a month or a year,
        then undated ones, each in content order; so that a vague mention joins the happening it
        fits best instead of seeding a cluster that precisely dated reports cannot join."""
        iv = self.interval
        day = iv is not None and is_day(iv) and not self.is_bound
        return (0 if day else 1 if iv is not None else 2, self.sort_key)

    @cached_property
    def ref(self) -> str:
        return f"{self.article.id[:12]}:{self.mention.span.start}-{self.mention.span.end}"

    @cached_property
    def is_bound(self) -> bool:
        """The date is a deadline (an upper bound) rather than the day it happened."""
        m = self.mention
        return m.status != "occurred" and m.time is not None and (m.time.mod or "") in BOUND_MODS

    @cached_property
    def interval(self) -> tuple[dt.date, dt.date] | None:
        iv = interval(self.mention.date)
        if iv and self.is_bound:
            return dt.date.min, iv[1]
        return iv

    @cached_property
    def sentence(self) -> frozenset[str]:
        m = self.mention
        return content_stems(self.article.text[m.span.start : m.span.end])

    @cached_property
    def trigger(self) -> str:
        """The trigger's base word: inflections and derived nouns of one event word agree
        ("shot", "shooting" → "shoot"; "died", "death" → "die")."""
        return trigger_key(self.mention.trigger)

    @cached_property
    def actors(self) -> tuple[str, ...]:
        m = self.mention
        names = [a for a in (m.actor1, m.actor2, *m.assoc_actors) if a]
        return tuple(dict.fromkeys([*names, *self.participants]))

    @cached_property
    def actor_words(self) -> tuple[tuple[str, ...], ...]:
        """Distinctive words of each participant, minus the country the event is placed in: that
        every local report names "the United States" says nothing about which shooting it is."""
        return without_words(tuple(actor_words(a) for a in self.actors), self.home_words)

    @cached_property
    def home_words(self) -> tuple[str, ...]:
        """The words of the name of the country the mention is placed in; for an unplaced mention,
        the country that qualifies its actors in ACLED's naming ("Civilians (United States)")."""
        home = self.mention.place.country if self.mention.place is not None else None
        if home:
            return actor_words(country_name(home))
        m = self.mention
        for actor in (m.actor1, m.actor2, *m.assoc_actors):
            qualifier = _QUALIFIER.search(actor or "")
            if qualifier:
                return actor_words(qualifier.group(1))
        return ()


def without_words(names: Sequence[tuple[str, ...]], drop: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Participant names minus the given words (spelling-insensitive); names left empty go."""
    if not drop:
        return tuple(names)
    out = []
    for words in names:
        kept = tuple(w for w in words if not any(same_folded(w, h) for h in drop))
        if kept:
            out.append(kept)
    return tuple(out)


@dataclass(frozen=True)
class PairScore:
    compatible: bool
    score: float = 0.0
    penalty: float = 0.0  # the soft-date penalty included in ``score``
    anchored: bool = False
    reasons: tuple[str, ...] = ()


INCOMPATIBLE = PairScore(False)


def participant_overlap(
    a: Sequence[tuple[str, ...]], b: Sequence[tuple[str, ...]]
) -> tuple[float, tuple[str, ...]]:
    """Overlap coefficient of two participant lists (as :func:`actor_words`), spelling-insensitive."""
    if not a or not b:
        return 0.0, ()
    hits = tuple(" ".join(x) for x in a if any(same_actor_words(x, y) for y in b))
    hits_b = sum(1 for y in b if any(same_actor_words(x, y) for x in a))
    return min(len(hits), hits_b) / min(len(a), len(b)), hits


def same_name_elsewhere(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    """Two towns or districts of one name in different places (the gazetteer's choice may differ
    between two reports of one happening)."""
    if a is None or b is None or a.feature in COARSE_FEATURES or b.feature in COARSE_FEATURES:
        return False
    name = core_name(a.name)
    return bool(name) and name == core_name(b.name)


def pair_score(a: Item, b: Item, policy: MergePolicy = DEFAULT_POLICY) -> PairScore:
    ma, mb = a.mention, b.mention
    reasons: list[str] = []
    score = penalty = 0.0
    anchored = False
    if ma.event_type != mb.event_type:
        if ma.event_type in VIOLENT_TYPES and mb.event_type in VIOLENT_TYPES:
            score += policy.w_family
            reasons.append(f"type~{policy.w_family:+.1f}")
        else:
            return INCOMPATIBLE
    if ma.sub_event_type and mb.sub_event_type:
        if ma.sub_event_type != mb.sub_event_type and ma.event_type in STRICT_SUBTYPES:
            return INCOMPATIBLE
        w = policy.w_sub_same if ma.sub_event_type == mb.sub_event_type else policy.w_sub_diff
    else:
        w = policy.w_sub_missing
    score += w
    reasons.append(f"type{w:+.1f}")
    # date
    dated = same_day = False
    ia, ib = a.interval, b.interval
    if ia and ib:
        dated = True
        gap = gap_days(ia, ib)
        if gap == 0:
            if a.is_bound or b.is_bound:
                w, tag = policy.w_date_bound, "date=by-deadline"
            elif is_day(ia) and is_day(ib):
                w, tag = policy.w_date_same, "date=same"
                same_day = True
            else:
                w, tag = policy.w_date_overlap, "date=within-precision"
        elif gap <= policy.soft_date_days and not (a.is_bound or b.is_bound):
            w, tag = policy.w_date_soft, f"date-differs({gap}d)"
            penalty = w
        else:
            return INCOMPATIBLE
        score += w
        reasons.append(f"{tag}{w:+.1f}")
    # place
    rel, _ = relation(ma.place, mb.place)
    if rel == "far":
        if not same_name_elsewhere(ma.place, mb.place):
            return INCOMPATIBLE
        # one name resolved to two places ("Lexington", Kentucky vs South Carolina): either report
        # may have picked the wrong one; the place neither supports nor excludes the pair
        rel = "ambiguous"
        reasons.append("place=same-name-elsewhere")
    placed = rel not in ("unknown", "ambiguous")
    if placed:
        w = {"same": policy.w_place_same, "contains": policy.w_place_contains}.get(rel, policy.w_place_near)
        score += w
        reasons.append(f"place={rel}{w:+.1f}")
    # participants
    share, disjoint = 0.0, False
    # an unplaced mention's participants still name the country the other one is placed in
    wa = without_words(a.actor_words, b.home_words) if b.home_words != a.home_words else a.actor_words
    wb = without_words(b.actor_words, a.home_words) if b.home_words != a.home_words else b.actor_words
    if wa and wb:
        share, hits = participant_overlap(wa, wb)
        if share > 0:
            w = policy.w_actors * share
            reasons.append(f"actors={'/'.join(fold(h) for h in hits[:3])}{w:+.1f}")
        else:
            w, disjoint = policy.w_actors_disjoint, True
            reasons.append(f"actors-disjoint{w:+.1f}")
        score += w
    # casualty counts
    counted = any(
        x is not None and x > 0 and x == y
        for x, y in ((ma.fatalities, mb.fatalities), (ma.injured, mb.injured))
    )
    if counted:
        score += policy.w_counts
        reasons.append(f"counts{policy.w_counts:+.1f}")
    # the same person named in both reports (victim, suspect, official): not for one report
    named = False
    if a.names and b.names and a.article.id != b.article.id:
        common = a.names & b.names
        if common:
            named = True
            score += policy.w_names
            reasons.append(f"names={'/'.join(' '.join(n) for n in sorted(common)[:2])}{policy.w_names:+.1f}")
    # wording
    if a.trigger and a.trigger == b.trigger:
        w = policy.w_trigger * (policy.light_factor if a.trigger in LIGHT_TRIGGERS else 1.0)
        score += w
        reasons.append(f"trigger={a.trigger}{w:+.1f}")
    elif policy.w_sense and same_sense(a.trigger, b.trigger):
        score += policy.w_sense
        reasons.append(f"trigger~{a.trigger}/{b.trigger}{policy.w_sense:+.1f}")
    # two mentions of one sentence share its words: that says nothing about being one happening
    one_sentence = ma.span == mb.span
    sim = 0.0 if one_sentence else jaccard(a.sentence, b.sentence)
    if sim:
        score += policy.w_text * sim
        reasons.append(f"text={sim:.2f}{policy.w_text * sim:+.1f}")
    if policy.w_embed and a.embedding is not None and b.embedding is not None and not one_sentence:
        cos = sum(x * y for x, y in zip(a.embedding, b.embedding, strict=True))
        w = policy.w_embed * (cos - policy.embed_center)
        score += w
        reasons.append(f"meaning={cos:.2f}{w:+.1f}")
    if policy.model is not None:
        score = model_score(policy.model, pair_features(a, b, share, disjoint, sim), a, b) + penalty
        reasons.append(f"model={score:+.2f}")
    if a.article.id == b.article.id:
        score += policy.w_same_article
        reasons.append(f"same-article{policy.w_same_article:+.1f}")
        # one report retelling a happening: agreeing date or place, the same trigger, or the same words
        anchored = dated or placed or a.trigger == b.trigger or sim >= 0.25
    elif rel == "ambiguous":
        # a place name both give, resolved to two places: a person both name, or much the same words
        anchored = named or sim >= 0.3
    elif same_day:
        # two reports of the same day, and something else agrees too
        anchored = placed or share >= 0.5 or sim >= 0.3 or counted or named
    elif dated:
        # dates that only fit within their precision (a month, a year) or nearly agree: need the place,
        # a person both name or much the same words
        anchored = placed or named or sim >= 0.3
    else:
        # two reports, one undated: the same place and the same toll, or much the same words, or a
        # person both name
        anchored = named or (rel == "same" and (counted or (a.trigger == b.trigger and sim >= 0.25)))
    return PairScore(True, score, penalty, anchored, tuple(reasons))


def joins(p: PairScore, policy: MergePolicy) -> bool:
    if not p.compatible or p.score < policy.join:
        return False
    if policy.require_anchor and not p.anchored:
        return False
    return not (p.penalty and p.score - p.penalty < policy.strong)
