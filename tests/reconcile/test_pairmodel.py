"""The trained pair score: a shipped model loads, scores like its trees say, and replaces the
weighted sum inside the production pair score (compatibility rules still apply)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsledger.context import Context
from newsledger.errors import ConfigError
from newsledger.reconcile.merge import DEFAULT_POLICY, Item, pair_score
from newsledger.reconcile.pairmodel import (
    BASE_FEATURES,
    FEATURES,
    PairModel,
    load_pair_model,
    pair_features,
    pair_model_from_json,
)

from .factory import Doc

ATTACK = ("Violence against civilians", "Attack")

# one stump on "trigger_same": +2 when the trigger words agree, -2 otherwise
STUMP = {
    "features": ["trigger_same"],
    "base": 0.0,
    "rate": 1.0,
    "offset": 0.5,
    "trees": [[[0, 0.5, 1, 2, 0.0], [-1, 0.0, -1, -1, -2.0], [-1, 0.0, -1, -1, 2.0]]],
}


def items(
    trigger_b: str = "shot", place_b: str = "Westport", args_b: tuple[tuple[str, str], ...] = ()
) -> tuple[Item, Item]:
    a = Doc("2024-05-04", "valley-news").event(
        "A man was shot outside a bakery in Westport on Friday, 3 May.",
        "shot",
        *ATTACK,
        date="2024-05-03",
        place_name="Westport",
    )
    b = Doc("2024-05-04", "coast-post").event(
        "Police said 2 people were shot when a gunman opened fire in the town.",
        trigger_b,
        *ATTACK,
        date="2024-05-03",
        place_name=place_b,
        place_text="the town",
    )
    ia, ib = a.build(), b.build()
    return (
        Item(ia.article, ia.events[0], 0, arguments=(("time", "Friday"), ("participant", "a man"))),
        Item(ib.article, ib.events[0], 0, arguments=args_b),
    )


def test_a_model_round_trips_through_json_and_scores_by_its_trees() -> None:
    model = pair_model_from_json(STUMP)
    assert pair_model_from_json(model.to_json()) == model
    assert model.logit([1.0]) == pytest.approx(1.5)
    assert model.logit([0.0]) == pytest.approx(-2.5)


def test_malformed_or_unknown_models_are_config_errors() -> None:
    with pytest.raises(ConfigError):
        pair_model_from_json({"features": ["no_such_feature"], "base": 0, "rate": 1, "trees": []})
    with pytest.raises(ConfigError):
        pair_model_from_json({"features": ["trigger_same"]})


def test_the_model_replaces_the_weighted_sum_in_pair_score() -> None:
    a, b = items()
    policy = replace(DEFAULT_POLICY, model=pair_model_from_json(STUMP), join=0.0)
    p = pair_score(a, b, policy)
    assert p.compatible and p.score == pytest.approx(1.5)
    assert any(r.startswith("model=") for r in p.reasons)
    other = pair_score(*items(trigger_b="opened"), policy)
    assert other.score == pytest.approx(-2.5)


def test_compatibility_rules_still_apply_with_a_model() -> None:
    a, b = items(place_b="Millbrook")  # another country, far away
    p = pair_score(a, b, replace(DEFAULT_POLICY, model=pair_model_from_json(STUMP)))
    assert not p.compatible


def test_features_read_arguments_by_role_and_numbers() -> None:
    a, b = items(args_b=(("time", "Friday morning"), ("participant", "2 people")))
    x = dict(zip(FEATURES, pair_features(a, b, 0.0, False, 0.1), strict=True))
    assert x["trigger_same"] == 1.0
    assert x["arg_time"] == 1.0  # "Friday" in both
    assert x["arg_participant"] == -1.0  # "a man" vs "2 people": both given, none shared
    assert x["arg_place"] == 0.0  # given by neither
    assert x["numbers"] == -1.0  # "3" vs "2"
    assert x["embed"] == -1.0  # no embeddings on the items


@pytest.mark.parametrize("name", ["pair_model_ecb"])
def test_the_shipped_model_loads_through_the_context(name: str) -> None:
    model = load_pair_model(Context(), name)
    assert isinstance(model, PairModel)
    assert set(model.features) <= set(FEATURES)
    assert model.trees and len(model.features) <= len(BASE_FEATURES)
