"""Merging event mentions across articles: one happening, one event, every source and disagreement kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.reconcile import reconcile
from newsledger.reconcile.text import same_actor, same_stem

from .factory import Doc

AGREEMENT = ("Strategic developments", "Agreement")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
ATTACK = ("Violence against civilians", "Attack")


def accord_reports():
    a = (
        Doc("2024-03-12", "north-herald")
        .event(
            "On March 9 the Ukrainian and Moldovan foreign ministers signed a water accord in Millbrook.",
            "signed",
            *AGREEMENT,
            date="2024-03-09",
            place_name="Millbrook",
            entities=(("Ukrainian", "NORP"), ("Moldovan", "NORP")),
        )
        .event(
            "The accord signed in Millbrook sets quotas for the river.",
            "signed",
            *AGREEMENT,
            place_name="Millbrook",
        )
        .build()
    )
    b = (
        Doc("2024-03-14", "south-post")
        .event(
            "Ukraine and Moldova signed an accord on sharing river water on March 10 in Millbrook.",
            "signed",
            *AGREEMENT,
            date="2024-03-10",
            place_name="Millbrook",
            entities=(("Ukraine", "GPE"), ("Moldova", "GPE")),
        )
        .build()
    )
    return a, b


def test_same_agreement_dated_differently_is_one_event_with_a_date_conflict():
    a, b = accord_reports()
    events, _ = reconcile([a, b])
    assert len(events) == 1
    ev = events[0]
    assert {s.article for s in ev.sources} == {a.article.id, b.article.id}
    (conflict,) = [c for c in ev.conflicts if c.field == "date"]
    got = {v.value: set(v.articles) for v in conflict.values}
    assert got == {"2024-03-09": {a.article.id}, "2024-03-10": {b.article.id}}
    assert all(v.sources for v in conflict.values)
    assert ev.date in got
    assert len(ev.merge_reasons) == 2  # each joining mention says why


def test_mentions_in_one_report_merge():
    a, _ = accord_reports()
    events, _ = reconcile([a])
    assert len(events) == 1
    assert len(events[0].sources) == 2
    assert events[0].date == "2024-03-09"  # the undated mention adds no disagreement
    assert not events[0].conflicts


def test_far_apart_places_stay_separate_events():
    a = (
        Doc("2024-05-02")
        .event(
            "Gunmen attacked a market in Westport on May 1, killing four people.",
            "attacked",
            *ATTACK,
            date="2024-05-01",
            place_name="Westport",
            fatalities=4,
        )
        .build()
    )
    b = (
        Doc("2024-05-02", "other")
        .event(
            "Gunmen attacked a market in Eastfield on May 1, killing four people.",
            "attacked",
            *ATTACK,
            date="2024-05-01",
            place_name="Eastfield",
            fatalities=4,
        )
        .build()
    )
    events, _ = reconcile([a, b])
    assert len(events) == 2


def test_different_dates_far_apart_stay_separate():
    a = (
        Doc("2024-05-02")
        .event(
            "Gunmen attacked a market in Westport on May 1.",
            "attacked",
            *ATTACK,
            date="2024-05-01",
            place_name="Westport",
        )
        .build()
    )
    b = (
        Doc("2024-06-02", "other")
        .event(
            "Gunmen attacked a market in Westport on June 1.",
            "attacked",
            *ATTACK,
            date="2024-06-01",
            place_name="Westport",
        )
        .build()
    )
    events, _ = reconcile([a, b])
    assert len(events) == 2


def casualty_reports():
    a = (
        Doc("2024-05-02", "one")
        .event(
            "Gunmen attacked a market in Westport on Wednesday, killing 12 people, police said.",
            "attacked",
            *ATTACK,
            date="2024-05-01",
            place_name="Westport",
            fatalities=12,
            injured=3,
            source="police",
        )
        .build()
    )
    b = (
        Doc("2024-05-03", "two")
        .event(
            "At least 15 people died when gunmen opened fire at a Westport market on May 1.",
            "opened fire",
            *ATTACK,
            date="2024-05-01",
            place_name="Westport",
            fatalities=15,
            source="hospital officials",
        )
        .build()
    )
    c = (
        Doc("2024-05-03", "three")
        .event(
            "The attack on the market in the Coast region left 12 dead.",
            "attack",
            *ATTACK,
            date="2024-05",
            place_name="Coast",
            fatalities=12,
        )
        .build()
    )
    return a, b, c


def test_casualty_disagreement_kept_with_conservative_fatalities():
    a, b, c = casualty_reports()
    events, _ = reconcile([a, b, c])
    assert len(events) == 1
    ev = events[0]
    assert ev.fatalities == 12 and ev.fatalities_low == 12 and ev.fatalities_high == 15
    (fat,) = [x for x in ev.conflicts if x.field == "fatalities"]
    assert {v.value: set(v.articles) for v in fat.values} == {
        12: {a.article.id, c.article.id},
        15: {b.article.id},
    }
    assert {s.attributed_to for v in fat.values for s in v.sources} >= {"police", "hospital officials"}
    # a month and a region that contain the day and the town are not disagreements
    assert not [x for x in ev.conflicts if x.field in ("date", "location")]
    assert ev.date == "2024-05-01" and ev.location and ev.location.name == "Westport"
    assert ev.injured == 3


def test_duplicate_article_does_not_double_count():
    a, b, _ = casualty_reports()
    copy = (
        Doc("2024-05-02", "syndicated", duplicate_of=a.article.id)
        .event(
            "Gunmen attacked a market in Westport on Wednesday, killing 12 people, police said.",
            "attacked",
            *ATTACK,
            date="2024-05-01",
            place_name="Westport",
            fatalities=12,
        )
        .build()
    )
    events, _ = reconcile([a, b, copy])
    assert len(events) == 1
    assert copy.article.id not in {s.article for s in events[0].sources}


def test_actor_spelling_variants_are_not_conflicts():
    a = (
        Doc("2024-04-02", "one")
        .event(
            "Ukrainian forces entered Stonebridge on April 1.",
            "entered",
            *TRANSFER,
            date="2024-04-01",
            place_name="Stonebridge",
            actor1="Ukrainian forces",
        )
        .build()
    )
    b = (
        Doc("2024-04-03", "two")
        .event(
            "Troops of Ukraine took over Stonebridge district on April 1.",
            "took over",
            *TRANSFER,
            date="2024-04-01",
            place_name="Stonebridge",
            place_text="Stonebridge district",
            actor1="Ukraine",
        )
        .build()
    )
    events, _ = reconcile([a, b])
    assert len(events) == 1
    assert not events[0].conflicts


def test_planned_then_occurred_is_one_occurred_event():
    a = (
        Doc("2024-06-01", "one")
        .event(
            "The two governments plan talks in Westport on June 10.",
            "talks",
            *AGREEMENT,
            date="2024-06-10",
            place_name="Westport",
            status="planned",
        )
        .build()
    )
    b = (
        Doc("2024-06-11", "two")
        .event(
            "The two governments held talks in Westport on June 10 and signed a deal.",
            "talks",
            *AGREEMENT,
            date="2024-06-10",
            place_name="Westport",
        )
        .build()
    )
    events, _ = reconcile([a, b])
    assert len(events) == 1
    assert events[0].status == "occurred"
    assert not events[0].conflicts


def test_event_ids_are_stable_and_deterministic():
    a, b, c = casualty_reports()
    first, _ = reconcile([a, b, c])
    again, _ = reconcile([c, a, b])
    assert [e.id for e in first] == [e.id for e in again]
    assert first[0].id.startswith("ev-")


def test_spelling_rules():
    assert same_stem("Azerbaijani", "Azerbaijan")
    assert same_stem("Armenian", "Armenia")
    assert not same_stem("Armenia", "Albania")
    assert same_actor("Military Forces of Ukraine", "Ukrainian army")


ALL = [*accord_reports(), *casualty_reports()]


@settings(max_examples=30, deadline=None)
@given(st.permutations(ALL))
def test_result_does_not_depend_on_input_order(order):
    assert reconcile(order) == reconcile(ALL)
