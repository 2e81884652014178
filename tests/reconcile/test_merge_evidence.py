"""Reports of one shooting found through what the whole report says: the people it names, the
place name it gives; and what must not link two shootings (the country every local report names)."""

from __future__ import annotations

from dataclasses import replace

from newsledger.model import AnnotatedArticle, Entity, Span
from newsledger.reconcile import reconcile
from newsledger.reconcile.merge import Item, pair_score

from .factory import Doc

ATTACK = ("Violence against civilians", "Attack")


def with_person(ann: AnnotatedArticle, sentence: str, name: str) -> AnnotatedArticle:
    """Append a sentence naming a person (outside every event sentence)."""
    text = ann.article.text + " " + sentence
    start = text.index(name, len(ann.article.text))
    ent = Entity(Span(ann.article.id, start, start + len(name)), name, "PERSON")
    return replace(ann, article=replace(ann.article, text=text), entities=(*ann.entities, ent))


def two_reports(name_a: str, name_b: str) -> list[AnnotatedArticle]:
    a = Doc("2024-05-04", "valley-news").event(
        "A man was shot outside a bakery in Westport early on Friday.",
        "shot",
        *ATTACK,
        date="2024-05-03",
        place_name="Westport",
    )
    b = Doc("2024-05-20", "weekly-review").event(
        "Neighbours are still shaken by the shooting this month.", "shooting", *ATTACK, date="2024-05"
    )
    return [
        with_person(a.build(), f"Police named the victim as {name_a}, 41.", name_a),
        with_person(b.build(), f"Friends of {name_b} held a vigil.", name_b),
    ]


def test_a_person_both_reports_name_joins_a_vague_report_to_the_event() -> None:
    events, _ = reconcile(two_reports("Dana Whitfield", "Dana Whitfield"))
    assert len(events) == 1
    assert any("names=dana whitfield" in r for r in events[0].merge_reasons)


def test_without_a_shared_name_the_vague_report_stays_apart() -> None:
    events, _ = reconcile(two_reports("Dana Whitfield", "Omar Lindqvist"))
    assert len(events) == 2


def test_a_surname_alone_links_nothing() -> None:
    events, _ = reconcile(two_reports("Dana Whitfield", "Whitfield"))
    assert len(events) == 2


def unplaced(outlet: str, sentence: str) -> AnnotatedArticle:
    return (
        Doc("2024-05-04", outlet)
        .event(sentence, "shot", *ATTACK, date="2024-05-03", actor2="Civilians (Germany)")
        .build()
    )


def test_the_country_in_an_actor_name_is_not_a_shared_participant() -> None:
    a = unplaced("valley-news", "A teenager was shot near the old mill.")
    b = unplaced("harbour-times", "Two brothers were shot after an argument over parking.")
    events, _ = reconcile([a, b])
    assert len(events) == 2


def far_westport(ann: AnnotatedArticle) -> AnnotatedArticle:
    """The same report with its place resolved to another town of the same name, far away."""
    ev = ann.events[0]
    assert ev.place is not None
    other = replace(ev.place, gazetteer_id="t:westport-2", latitude=41.0, longitude=-3.0, admin1="Plain")
    return replace(ann, events=(replace(ev, place=other),))


def shooting(outlet: str, sentence: str, name: str) -> AnnotatedArticle:
    doc = Doc("2024-05-04", outlet).event(sentence, "shot", *ATTACK, date="2024-05-03", place_name="Westport")
    return with_person(doc.build(), f"The victim was {name}.", name)


def test_one_place_name_resolved_to_two_towns_may_still_be_one_shooting() -> None:
    a = shooting("valley-news", "A man was shot outside a bakery in Westport.", "Dana Whitfield")
    b = far_westport(
        shooting("harbour-times", "A baker was shot in Westport on Friday morning.", "Dana Whitfield")
    )
    ia, ib = (Item(x.article, x.events[0], 0) for x in (a, b))
    assert "place=same-name-elsewhere" in pair_score(ia, ib).reasons
    events, _ = reconcile([a, b])
    assert len(events) == 1


def test_two_towns_of_one_name_without_other_evidence_stay_apart() -> None:
    a = shooting("valley-news", "A man was shot outside a bakery in Westport.", "Dana Whitfield")
    b = far_westport(
        shooting("harbour-times", "A baker was shot in Westport on Friday morning.", "Omar Lindqvist")
    )
    events, _ = reconcile([a, b])
    assert len(events) == 2
