"""Local crime news conventions, end to end on short reports we wrote: the dateline town yields to
the story's own town, page time stamps do not date the happening, and a victim who was shot and
died is counted once, as killed."""

from __future__ import annotations

import datetime as dt

from newsledger.model import Article
from newsledger.pipeline import extract

PUB = dt.date(2019, 3, 10)  # a Sunday


def _events(ctx, text: str):  # type: ignore[no-untyped-def]
    ann = next(iter(extract([Article(id="t", text=text, published=PUB)], ctx)))
    return [e for e in ann.events if e.status == "occurred"]


def test_dateline_town_yields_to_the_story_town(ctx) -> None:
    evs = _events(
        ctx, "SPRINGFIELD, Ill. (WXYZ) – A teenager was shot Friday night at a Decatur apartment complex."
    )
    assert any(e.place is not None and e.place.name == "Decatur" for e in evs)


def test_page_time_stamp_does_not_date_the_shooting(ctx) -> None:
    text = "Posted: Sunday, March 10, 2019 9:15 AM CDT\n\nA woman was shot Saturday night in Decatur, police said."
    evs = _events(ctx, text)
    assert evs and all(e.date != "2019-03-10" for e in evs)
    assert any(e.date == "2019-03-09" for e in evs)


def test_victim_shot_then_reported_dead_is_not_also_injured(ctx) -> None:
    text = (
        "A man was found dead in a car in Decatur on Saturday. "
        "Police said he had been shot in the chest. "
        "Nobody has been arrested."
    )
    evs = _events(ctx, text)
    assert max(e.fatalities or 0 for e in evs) == 1
    assert max(e.injured or 0 for e in evs) == 0


def test_killed_and_injured_named_apart_stay_apart(ctx) -> None:
    text = (
        "Two people were killed and three others were injured in a shooting in Decatur on Saturday. "
        "Police said a man was shot in the leg."
    )
    evs = _events(ctx, text)
    assert max(e.fatalities or 0 for e in evs) == 2
    assert max(e.injured or 0 for e in evs) == 3


def test_people_shot_include_the_dead(ctx) -> None:
    for text in (
        "Police say one person is dead after a gunman opened fire early Saturday, shooting five people in Decatur.",
        "Five men were shot in Decatur on Saturday. Police said the gunman fled. "
        "The fifth man was pronounced dead at a hospital.",
    ):
        evs = _events(ctx, text)
        assert max(e.fatalities or 0 for e in evs) == 1
        assert max(e.injured or 0 for e in evs) == 4


def test_others_shot_are_not_the_dead(ctx) -> None:
    evs = _events(
        ctx,
        "A girl was killed in a shooting in Decatur on Saturday night. Three other people were also shot.",
    )
    assert max(e.fatalities or 0 for e in evs) == 1
    assert max(e.injured or 0 for e in evs) == 3
