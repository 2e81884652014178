"""Model ⇄ dict round trips: what is stored comes back equal (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from ledger_strategies import annotated, articles, commitments, events

from newsledger.serialize import (
    annotated_from_dict,
    annotated_to_dict,
    article_from_dict,
    article_to_dict,
    commitment_from_dict,
    commitment_to_dict,
    document_json,
    event_from_dict,
    event_to_dict,
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def through_json(d: dict) -> dict:
    return json.loads(json.dumps(d))


@SETTINGS
@given(articles())
def test_article_round_trip(a) -> None:
    assert article_from_dict(through_json(article_to_dict(a))) == a


@SETTINGS
@given(annotated())
def test_annotated_round_trip(ann) -> None:
    assert annotated_from_dict(through_json(annotated_to_dict(ann))) == ann


@SETTINGS
@given(annotated())
def test_annotated_round_trip_with_article_apart(ann) -> None:
    d = through_json(annotated_to_dict(ann, with_article=False))
    assert "article" not in d
    assert annotated_from_dict(d, article=ann.article) == ann


@SETTINGS
@given(events)
def test_event_round_trip(e) -> None:
    assert event_from_dict(through_json(event_to_dict(e))) == e


@SETTINGS
@given(commitments)
def test_commitment_round_trip(c) -> None:
    assert commitment_from_dict(through_json(commitment_to_dict(c))) == c


@SETTINGS
@given(annotated())
def test_document_json_is_json_and_offsets_point_into_the_text(ann) -> None:
    doc = through_json(document_json(ann))
    assert doc["id"] == ann.article.id
    assert set(doc["mentions"]) == {"timexes", "places", "figures", "claims"}
    n = len(ann.article.text)
    for kind in doc["mentions"].values():
        for m in kind:
            assert m["article"] == ann.article.id
            assert 0 <= m["start"] <= m["end"] <= n
    assert len(doc["events"]) == len(ann.events)
    assert len(doc["commitments"]) == len(ann.commitments)


def test_unknown_keys_are_ignored_and_missing_defaults_apply() -> None:
    a = article_from_dict({"id": "x", "text": "Hello.", "future_field": 1})
    assert a.id == "x" and a.language == "en" and a.published is None
