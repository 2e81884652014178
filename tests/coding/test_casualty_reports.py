"""What a report's own counts are not: wounds, ages, the dead named again as "injured" — and
who a report counts beyond its dead (short reports we wrote, end to end)."""

from __future__ import annotations

import datetime as dt

from newsledger.model import Article
from newsledger.pipeline import extract

PUB = dt.date(2019, 3, 10)


def _toll(ctx, text: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    ann = next(iter(extract([Article(id="t", text=text, published=PUB)], ctx)))
    evs = [e for e in ann.events if e.status == "occurred"]
    return max([e.fatalities or 0 for e in evs] or [0]), max([e.injured or 0 for e in evs] or [0])


def test_a_count_of_wounds_is_not_a_count_of_people(ctx) -> None:
    text = (
        "A woman was shot by her husband in Decatur on Tuesday night, deputies said. "
        "She was recovering at home from two gunshot wounds."
    )
    assert _toll(ctx, text) == (0, 1)


def test_the_ages_after_the_names_of_the_dead_are_no_toll(ctx) -> None:
    text = (
        "Three people were found shot to death in a Decatur home on Friday. "
        "Dead were Ann Smith, 30; Tom Smith, 10; and Joe Smith, 6."
    )
    assert _toll(ctx, text)[0] == 3


def test_people_found_shot_to_death_are_not_also_injured(ctx) -> None:
    assert _toll(ctx, "Four people were found shot to death in a Decatur home on Saturday.") == (4, 0)


def test_a_fourth_victim_in_the_hospital_is_injured(ctx) -> None:
    text = (
        "Three people were killed in a shooting at a Decatur home on Saturday. "
        "A fourth victim, a 12-year-old girl, remained in the hospital on Sunday."
    )
    assert _toll(ctx, text) == (3, 1)


def test_a_victim_told_in_a_sentence_without_an_event_counts_for_the_shooting_before(ctx) -> None:
    text = (
        "Police are investigating a shooting at a Decatur home on Saturday night. "
        "A round hit a 9-year-old boy in the leg, police said."
    )
    assert _toll(ctx, text) == (0, 1)


def test_in_a_murder_suicide_the_people_he_shot_are_the_dead_not_injured(ctx) -> None:
    text = (
        "RYE — A couple and their two children were found dead inside their home on Sunday. "
        "Neighbors described the family as quiet. A vigil is planned at the church. "
        "Classes were canceled on Monday. "
        "Police said the father shot his wife and children before killing himself."
    )
    assert _toll(ctx, text) == (4, 0)


def test_people_struck_told_later_include_the_dead_named_first(ctx) -> None:
    text = (
        "A shooting at a Decatur bar on Saturday night left one man dead and three others injured. "
        "Police said four people were struck by gunfire."
    )
    assert _toll(ctx, text) == (1, 3)


def test_people_shot_to_death_or_gunned_down_are_a_fatality_figure(ctx) -> None:
    for text in (
        "Four people were found shot to death in a Decatur home on Saturday.",
        "Three men were gunned down outside a bar in Decatur on Friday.",
    ):
        ann = next(iter(extract([Article(id="t", text=text, published=PUB)], ctx)))
        assert [f.kind for f in ann.figures] == ["fatalities"], text


def test_people_shot_over_a_year_are_no_events_toll(ctx) -> None:
    text = (
        "A man was shot in Decatur on Monday night, police said. "
        "More than 700 people have been shot in Decatur this year, police said."
    )
    assert _toll(ctx, text) == (0, 1)
