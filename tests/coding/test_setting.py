"""Where and when a local news report's happening took place: an area of a city is located
"City - Area" (ACLED's convention), the town named "in" a county is more precise than the
county, a province or country yields to the report's town, and the days of statements and
arrests in a lead are not the happening's day."""

from __future__ import annotations

import datetime as dt

from newsledger.coding.setting import _weekday_before_publication
from newsledger.coding.towns import inside_setting
from newsledger.ledger_json import place_location
from newsledger.model import AnnotatedArticle, Article, EventMention, PlaceMention, Span, Timex
from newsledger.pipeline import extract

PUB = dt.date(2019, 3, 10)  # a Sunday


def _events(ctx, text: str):  # type: ignore[no-untyped-def]
    ann = next(iter(extract([Article(id="t", text=text, published=PUB)], ctx)))
    return [e for e in ann.events if e.status == "occurred"]


def _names(evs) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.place.name for e in evs if e.place is not None}


def test_area_of_a_city_whose_police_report_it(ctx) -> None:
    evs = _events(
        ctx, "A man was shot Friday night in Jamaica Plain, Boston Police said. He was taken to a hospital."
    )
    area = next(e.place for e in evs if e.place is not None and e.place.name == "Boston - Jamaica Plain")
    loc = place_location(area)  # the name the ledger JSON and the ACLED CSV export
    assert loc is not None and loc.name == "Boston - Jamaica Plain"
    # the area keeps its own point, a few km from the city's
    assert loc.latitude is not None and abs(loc.latitude - 42.31) < 0.05 and abs(loc.latitude - 42.36) > 0.03


def test_neighbourhood_of_a_city_named_by_the_text(ctx) -> None:
    evs = _events(
        ctx, "Two people were wounded Saturday in a shooting in the Morgan Park neighborhood of Chicago."
    )
    assert "Chicago - Morgan Park" in _names(evs)


def test_a_city_near_another_is_not_its_area(ctx) -> None:
    evs = _events(ctx, "A woman was shot Saturday in Hialeah, Miami police said.")
    assert "Hialeah" in _names(evs)
    assert not any(" - " in n for n in _names(evs))


def test_town_named_in_a_county_is_the_place(ctx) -> None:
    evs = _events(
        ctx,
        "A man was killed Saturday in Sullivan County. The shooting happened at a home in Kingsport, deputies said.",
    )
    assert _names(evs) == {"Kingsport"}


def test_town_the_place_is_only_near_leaves_the_county(ctx) -> None:
    evs = _events(
        ctx,
        "A boy was killed Sunday in Iredell County. It happened on a farm south of Mooresville, deputies said.",
    )
    assert "Iredell County" in _names(evs)
    assert "Mooresville" not in _names(evs)


def test_days_of_statements_do_not_date_the_happening(ctx) -> None:
    evs = _events(
        ctx,
        "A teenager fatally shot himself after his gun went off, police said. "
        "A report released Friday says he was playing with the gun on March 2 in a Decatur alley.",
    )
    dead = [e for e in evs if e.fatalities]
    assert dead and all(e.date == "2019-03-02" for e in dead)


def _place(name: str, feature: str, admin1: str | None, country: str = "US") -> PlaceMention:
    return PlaceMention(
        Span("t", 0, len(name)), name, name, f"test:{name}", 1.0, 2.0, feature, admin1, country
    )


def test_province_or_country_yields_to_the_report_town() -> None:
    roy = _place("Roy", "city", "Utah")
    assert inside_setting(_place("Utah", "ADM1", "Utah"), roy)
    assert inside_setting(_place("United States", "country", None), roy)
    assert inside_setting(_place("Davis County", "ADM2", "Utah"), roy)
    assert not inside_setting(_place("Idaho", "ADM1", "Idaho"), roy)
    assert not inside_setting(_place("Canada", "country", None, "CA"), roy)
    assert not inside_setting(_place("Ogden", "city", "Utah"), roy)


def test_weekday_read_after_publication_is_the_week_before() -> None:
    text = "A man was shot Monday night."
    art = AnnotatedArticle(Article(id="t", text=text, published=dt.date(2017, 2, 7)))  # a Tuesday
    when = Timex(Span("t", 15, 27), "Monday night", "TIME", "2017-02-13TNI", precision="day")
    m = EventMention(Span("t", 0, len(text)), "shot", Span("t", 8, 12), "Violence against civilians",
                     "Violent crime", time=when, date="2017-02-13", date_precision="day")  # fmt: skip
    assert _weekday_before_publication(art, m).date == "2017-02-06"
    # a named day is not moved, nor a weekday already before publication
    named = Timex(Span("t", 15, 27), "Feb. 13", "DATE", "2017-02-13", precision="day")
    assert (
        _weekday_before_publication(art, EventMention(**{**m.__dict__, "time": named})).date == "2017-02-13"
    )
    before = EventMention(**{**m.__dict__, "date": "2017-02-06"})
    assert _weekday_before_publication(art, before).date == "2017-02-06"


def _lead_day(ctx, text: str) -> str | None:  # type: ignore[no-untyped-def]
    from newsledger.coding.arguments import date_of
    from newsledger.coding.mentions import segments
    from newsledger.coding.setting import _lead_time
    from newsledger.pipeline import annotate, default_stages, parse

    early = [s for s in default_stages() if s.name in ("dates", "places", "figures", "claims")]
    ann = annotate(parse([Article(id="t", text=text, published=PUB)], ctx)[0], ctx, early)
    return date_of(_lead_time(ann, segments(ann.doc)))[0]


def test_lead_that_dates_only_its_telling_takes_the_happening_day_told_later(ctx) -> None:
    text = (
        "Police said Saturday night the shooting does not appear to be intentional. "
        "The victim, a 15-year-old boy, died at a hospital. "
        "Investigators have interviewed the person believed to have pulled the trigger. "
        "The case is being treated as a death investigation by the police. "
        "Neighbours described the boy as a quiet student. "
        "The shooting happened at 5:45 p.m. Friday at a home in Decatur."
    )
    assert _lead_day(ctx, text) == "2019-03-08"
    # an arrest day in the lead yields to the shooting's day it also gives
    text = (
        "A man was arrested Tuesday in the shooting of a woman in Decatur on March 2. She died at the scene."
    )
    assert _lead_day(ctx, text) == "2019-03-02"


def test_report_without_a_town_up_front_takes_the_city_whose_police_report_it(ctx) -> None:
    evs = _events(
        ctx,
        "A man was shot and killed late Saturday, investigators said. "
        "Officers found him lying on the sidewalk. "
        "He was pronounced dead at the scene. "
        "Nobody has been arrested, according to Fresno police.",
    )
    dead = [e for e in evs if e.fatalities]
    assert dead and all(e.place is not None and e.place.name == "Fresno" for e in dead)


def test_part_of_a_province_is_not_the_report_town(ctx) -> None:
    text = "JACKSON, Miss. (AP) — The state police opened an inquiry. A man was killed Saturday in {} Mississippi."
    dead = [e for e in _events(ctx, text.format("northern")) if e.fatalities]
    assert dead and all(e.place is not None and e.place.name == "Mississippi" for e in dead)
    dead = [e for e in _events(ctx, text.format("a shooting in")) if e.fatalities]
    assert dead and all(e.place is not None and e.place.name == "Jackson" for e in dead)
