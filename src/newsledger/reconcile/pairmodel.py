"""A trained pair score: boosted decision trees over the evidence :func:`.merge.pair_score` reads.

The hand-set weights of :class:`.merge.MergePolicy` add evidence up one piece at a time; a few
small trees also see how pieces interact ("the same trigger word, but the two sentences give
different times or numbers" is two happenings of one kind). The model is trained on our side
(``bench/ecbplus_train.py``, ECB+ *train* pairs), shipped as a small JSON data file
(``data/<name>.json``: feature names, trees, base score) and loaded with :func:`load_pair_model`
through the :class:`~newsledger.context.Context`; nothing is downloaded. With
``MergePolicy(model=...)`` :func:`.merge.pair_score` replaces its weighted sum by the model's
log-odds; compatibility (type, date, place) and anchoring stay rule-based.

Features of a pair (:data:`FEATURES`), all cheap and computed from the merge items:

* the trigger: the same key (:func:`.similarity.trigger_key`), a light or reporting verb, one
  sense (:data:`.similarity.SENSES`), the same word exactly;
* the sentences: content-word Jaccard, one sentence, one report, word overlap of the reports;
* participants of the sentence (as in the hand-set score): overlap share, none shared;
* arguments by role (``Item.arguments``: the time, place, participants and things the trigger
  governs): +1 a word in common, −1 both given and none in common, 0 otherwise;
* numbers of the sentences: +1 one in common, −1 both give numbers and none agree;
* the trigger-in-context similarity when items carry embeddings (models trained with it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..errors import ConfigError
from .similarity import LIGHT_TRIGGERS, same_sense
from .text import content_stems, jaccard

ROLES = ("time", "place", "participant", "thing")
BASE_FEATURES = (
    "trigger_same",
    "trigger_light",
    "trigger_sense",
    "word_same",
    "text",
    "same_sentence",
    "same_article",
    "report_words",
    "actors",
    "actors_disjoint",
    *(f"arg_{r}" for r in ROLES),
    "numbers",
)
FEATURES = (*BASE_FEATURES, "trigger_prior", "embed")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class PairModel:
    """Gradient-boosted regression trees (log-odds); each tree is a tuple of nodes
    ``(feature, threshold, left, right, value)`` with ``feature`` −1 at a leaf."""

    features: tuple[str, ...]
    base: float
    rate: float
    trees: tuple[tuple[tuple[int, float, int, int, float], ...], ...]
    offset: float = 0.0  # subtracted from the log-odds, so that 0 is the chosen join threshold
    # how often two trigger keys were one happening in training ("die|kill" → 0.31), smoothed
    # towards ``prior`` (the rate of all pairs); the "trigger_prior" feature
    lexicon: tuple[tuple[str, float], ...] = ()
    prior: float = 0.0

    @cached_property
    def rates(self) -> dict[str, float]:
        return dict(self.lexicon)

    def trigger_rate(self, a: str, b: str) -> float:
        return self.rates.get(trigger_pair(a, b), self.prior)

    @cached_property
    def columns(self) -> tuple[int, ...]:
        """Where each of the model's features sits in a full :data:`FEATURES` vector."""
        return tuple(FEATURES.index(f) for f in self.features)

    def logit(self, x: Sequence[float]) -> float:
        total = self.base
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2]] if x[node[0]] <= node[1] else tree[node[3]]
            total += self.rate * node[4]
        return total - self.offset

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "base": self.base,
            "rate": self.rate,
            "offset": self.offset,
            "trees": [[list(n) for n in t] for t in self.trees],
            "prior": self.prior,
            "lexicon": dict(self.lexicon),
        }


def pair_model_from_json(raw: Mapping[str, Any]) -> PairModel:
    try:
        features = tuple(raw["features"])
        unknown = [f for f in features if f not in FEATURES]
        if unknown:
            raise ConfigError(
                f"pair model uses unknown features {unknown}", "retrain it with bench.ecbplus_train"
            )
        trees = tuple(
            tuple((int(f), float(t), int(lo), int(hi), float(v)) for f, t, lo, hi, v in tree)
            for tree in raw["trees"]
        )
        lexicon = tuple(sorted((str(k), float(v)) for k, v in raw.get("lexicon", {}).items()))
        return PairModel(
            features,
            float(raw["base"]),
            float(raw["rate"]),
            trees,
            float(raw.get("offset", 0.0)),
            lexicon,
            float(raw.get("prior", 0.0)),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise ConfigError(f"pair model data is malformed ({e})", "retrain it with bench.ecbplus_train") from e


def load_pair_model(ctx: Any, name: str = "pair_model_ecb") -> PairModel:
    """The pair model shipped as ``newsledger/data/<name>.json`` (loaded once per Context)."""
    return pair_model_from_json(ctx.data(name))


def _role_match(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]], role: str) -> float:
    wa = {w for r, t in a if r == role for w in content_stems(t)}
    wb = {w for r, t in b if r == role for w in content_stems(t)}
    if not wa or not wb:
        return 0.0
    return 1.0 if wa & wb else -1.0


def numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def pair_features(a: Any, b: Any, share: float, disjoint: bool, sim: float) -> list[float]:
    """The feature vector (:data:`FEATURES` order) of two :class:`.merge.Item`; ``share``,
    ``disjoint`` and ``sim`` as :func:`.merge.pair_score` computed them."""
    ma, mb = a.mention, b.mention
    same = bool(a.trigger) and a.trigger == b.trigger
    na, nb = a.numbers, b.numbers
    cos = -1.0
    if a.embedding is not None and b.embedding is not None:
        cos = sum(x * y for x, y in zip(a.embedding, b.embedding, strict=True))
    return [
        1.0 if same else 0.0,
        1.0 if same and a.trigger in LIGHT_TRIGGERS else 0.0,
        1.0 if not same and same_sense(a.trigger, b.trigger) else 0.0,
        1.0 if (ma.trigger or "").lower() == (mb.trigger or "").lower() else 0.0,
        sim,
        1.0 if ma.span == mb.span else 0.0,
        1.0 if a.article.id == b.article.id else 0.0,
        0.0 if a.article.id == b.article.id else jaccard(a.report_words, b.report_words),
        share,
        1.0 if disjoint else 0.0,
        *(_role_match(a.arguments, b.arguments, r) for r in ROLES),
        0.0 if not na or not nb else (1.0 if na & nb else -1.0),
        0.0,  # trigger_prior: the model's lexicon fills it in (model_score)
        cos,
    ]


def trigger_pair(a: str, b: str) -> str:
    """The lexicon key of two trigger keys, in either order."""
    return "|".join(sorted((a, b)))


PRIOR = FEATURES.index("trigger_prior")


def model_score(model: PairModel, values: list[float], a: Any, b: Any) -> float:
    """The model's log-odds for a full feature vector (:data:`FEATURES` order) of two items."""
    values[PRIOR] = model.trigger_rate(a.trigger, b.trigger)
    return model.logit([values[i] for i in model.columns])


def probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))
