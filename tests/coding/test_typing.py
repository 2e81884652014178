"""ACLED typing, actors, casualties and status on sentences we wrote (table-driven)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsledger.coding import code_events
from newsledger.model import Article
from newsledger.pipeline import parse

HERE = Path(__file__).parent
TYPING = json.loads((HERE / "typing_cases.json").read_text())
STATUS = json.loads((HERE / "status_cases.json").read_text())


def first_event(ctx, text: str):  # type: ignore[no-untyped-def]
    a = Article(id="t", text=text, published=dt.date(2021, 3, 1))
    evs = code_events(parse([a], ctx)[0], ctx.event_lexicon)
    assert evs, f"no event in {text!r}"
    return evs[0]


@pytest.mark.parametrize("case", TYPING, ids=[c["sub_event_type"] for c in TYPING])
def test_typing(ctx, case: dict) -> None:
    e = first_event(ctx, case["text"])
    assert e.sub_event_type == case["sub_event_type"], e.rule
    if "event_type" in case:
        assert e.event_type == case["event_type"]
    for key in ("fatalities", "injured"):
        if key in case:
            assert getattr(e, key) == case[key], e.rule
    for key in ("actor1", "actor2"):
        if key in case:
            assert case[key] in (getattr(e, key) or ""), (getattr(e, key), e.rule)
    assert e.rule and e.trigger and e.trigger in case["text"]


@pytest.mark.parametrize("case", STATUS, ids=[c["status"] for c in STATUS])
def test_status(ctx, case: dict) -> None:
    e = first_event(ctx, case["text"])
    assert e.status == case["status"], e.rule


def test_actor_normalisation(ctx) -> None:
    e = first_event(ctx, "Units of the Kenyan army entered the town of Garissa on Monday.")
    assert e.actor1 == "Military Forces of Kenya"
    e = first_event(ctx, "Kenya handed over the border post to Somalia.")
    assert e.sub_event_type == "Non-violent transfer of territory"
    assert {e.actor1, e.actor2} == {"Government of Kenya", "Government of Somalia"}


def test_people_returning_home_is_not_a_transfer(ctx) -> None:
    a = Article(id="t", text="Thousands of refugees will return to their villages next spring.")
    evs = code_events(parse([a], ctx)[0], ctx.event_lexicon)
    assert not any(e.sub_event_type == "Non-violent transfer of territory" for e in evs)


def test_riot_police_is_not_a_riot(ctx) -> None:
    a = Article(id="t", text="Riot police were stationed outside the stadium before the match.")
    evs = code_events(parse([a], ctx)[0], ctx.event_lexicon)
    assert not any(e.event_type == "Riots" for e in evs)


def test_no_doc_no_events(ctx) -> None:
    from newsledger.model import AnnotatedArticle

    assert code_events(AnnotatedArticle(Article(id="t", text="x")), ctx.event_lexicon) == ()
