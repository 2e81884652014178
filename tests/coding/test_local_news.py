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


def test_the_happening_is_the_earliest_day_the_lead_gives(ctx) -> None:
    # published Sunday; the statement was made Sunday, the shooting was Saturday
    text = (
        "Police remained silent on Sunday about the circumstances of the deadly shooting in Decatur. "
        "A boy was shot at 2:20 p.m. Saturday, a neighbour said."
    )
    evs = _events(ctx, text)
    assert any(e.date == "2019-03-09" for e in evs if e.sub_event_type == "Violent crime")


def test_a_bare_clock_time_yields_to_the_named_day(ctx) -> None:
    text = "A man was killed when shots were fired at 7:45 p.m. in Decatur. The shooting took place Saturday."
    evs = _events(ctx, text)
    assert any(e.date == "2019-03-09" for e in evs)


def test_a_month_takes_the_day_given_later_in_that_month(ctx) -> None:
    text = (
        "A Decatur man charged with shooting a motorcyclist in February was held for court. "
        "Prosecutors said the motorcyclist was shot on Feb. 2 outside a bar."
    )
    evs = _events(ctx, text)
    assert any(e.date == "2019-02-02" for e in evs)


def test_a_report_without_any_date_tells_of_its_own_day(ctx) -> None:
    evs = _events(ctx, "A man was shot in the leg outside a bar in Decatur, police said.")
    assert evs and evs[0].date == PUB.isoformat() and "publication day" in evs[0].rule


def test_a_toll_counted_over_years_is_not_an_event(ctx) -> None:
    ann = next(
        iter(
            extract(
                [
                    Article(
                        id="t",
                        text="More than 2,300 soldiers have died in the region since 2001.",
                        published=PUB,
                    )
                ],
                ctx,
            )
        )
    )
    assert not any(e.fatalities for e in ann.events)
    assert any(f.kind == "fatalities" and f.value == 2300 for f in ann.figures)  # the figure is kept


def test_a_victim_taken_to_a_hospital_was_not_shot_there(ctx) -> None:
    text = (
        "Decatur, Ill. (WXYZ) -- A teenager was shot in the leg on Saturday and taken to St. Mary's Hospital."
    )
    evs = _events(ctx, text)
    assert all(e.place is None or "Hospital" not in e.place.name for e in evs)


def test_a_period_compared_with_does_not_date_the_event(ctx) -> None:
    ann = next(
        iter(
            extract(
                [
                    Article(
                        id="t",
                        text="The bombing was the deadliest day in the province since 2011.",
                        published=PUB,
                    )
                ],
                ctx,
            )
        )
    )
    assert all(e.date != "2011" for e in ann.events)


def test_a_shooting_recalled_from_years_ago_is_not_this_reports_toll(ctx) -> None:
    text = (
        "Two men were shot and wounded Saturday night outside a bar in Decatur, police said. "
        "The owner said the shooting brought back memories of March 2009, when three people were killed "
        "at the same bar."
    )
    evs = _events(ctx, text)
    assert max(e.fatalities or 0 for e in evs) == 0
    assert max(e.injured or 0 for e in evs) == 2


def test_a_court_report_keeps_the_old_shooting_it_is_about(ctx) -> None:
    text = (
        "A Decatur man was found guilty Friday in a double murder. "
        "On April 28, 2017, police were called to a shooting at a car wash on Main Street in Decatur. "
        "Two men were found with gunshot wounds and were pronounced dead at a hospital."
    )
    evs = _events(ctx, text)
    assert any(e.date == "2017-04-28" for e in evs)
    assert max(e.fatalities or 0 for e in evs) == 2


def test_an_arrest_report_gives_the_toll_of_the_shooting_it_is_about(ctx) -> None:
    text = "Decatur police made an arrest Friday in an April shooting that left one dead and four injured."
    evs = _events(ctx, text)
    assert evs[0].sub_event_type == "Arrests"
    assert max(e.fatalities or 0 for e in evs) == 1
    assert max(e.injured or 0 for e in evs) == 4


def test_a_roundup_of_several_shootings_is_no_single_events_toll(ctx) -> None:
    text = "Seven people were killed in three separate shootings across Decatur over the weekend."
    evs = _events(ctx, text)
    assert max(e.fatalities or 0 for e in evs) == 0  # the figure stays among the report's figures


def test_a_victim_in_critical_condition_who_died_is_not_also_injured(ctx) -> None:
    text = (
        "A 15-year-old boy was fatally shot in Decatur on Saturday morning. "
        "Police said the shooting happened at a house on Elm Street. "
        "The boy was taken to a hospital in critical condition, where he died."
    )
    evs = _events(ctx, text)
    assert max(e.fatalities or 0 for e in evs) == 1
    assert max(e.injured or 0 for e in evs) == 0


def test_a_running_count_or_a_rate_is_no_events_toll(ctx) -> None:
    text = (
        "A man was killed in a shooting in Decatur on Saturday. "
        "The death raises the city's homicide total to 41 for 2018, police said."
    )
    evs = _events(ctx, text)
    assert max(e.fatalities or 0 for e in evs) == 1


def test_a_lead_without_a_day_tells_of_the_publication_day(ctx) -> None:
    text = (
        "A 6-year-old boy was shot in the leg at a park in Decatur, police said. "
        "Officers said the boy was playing with friends. "
        "The park was renovated in 2015."
    )
    evs = _events(ctx, text)
    assert any(e.date == PUB.isoformat() for e in evs)
