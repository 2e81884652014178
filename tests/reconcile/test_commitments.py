"""Commitments followed across reports: deadline history, amendments, fulfilment and status."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.reconcile import reconcile

from .factory import Doc

TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
LIST = (
    "Millbrook district will be handed to the state before May 20, Stonebridge district - before "
    "May 15, Highmoor district - before June 1."
)


def announcement() -> Doc:
    d = Doc("2024-05-10", "first")
    d.commitment(
        LIST,
        "hand over",
        place_name="Millbrook",
        deadline="2024-05-20",
        obligor="the rebels",
        beneficiary="the state",
    )
    d.commitment(
        LIST,
        "hand over",
        place_name="Stonebridge",
        deadline="2024-05-15",
        obligor="the rebels",
        beneficiary="the state",
        part="Stonebridge district - before May 15",
    )
    d.commitment(
        LIST,
        "hand over",
        place_name="Highmoor",
        deadline="2024-06-01",
        obligor="the rebels",
        beneficiary="the state",
        part="Highmoor district - before June 1",
    )
    d.commitment(
        "Later the state gave the rebels a delay for leaving Stonebridge until May 25.",
        "withdraw",
        place_name="Stonebridge",
        deadline="2024-05-25",
        obligor="the rebels",
        beneficiary="the state",
        amendment="postponed",
    )
    # the plan itself, as the events stage may also report it: left to the commitment
    d.event(
        "Millbrook is to be handed over before May 20, the ministry said.",
        "handed over",
        *TRANSFER,
        date="2024-05-20",
        mod="BEFORE",
        place_name="Millbrook",
        status="planned",
    )
    return d


def handovers(highmoor: str | None = "2024-06-01", published: str = "2024-06-05") -> Doc:
    d = Doc(published, "second")
    d.event(
        "The rebels handed over Millbrook on May 20.",
        "handed over",
        *TRANSFER,
        date="2024-05-20",
        place_name="Millbrook",
        actor1="rebels",
    )
    d.event(
        "Stonebridge followed on May 25.",
        "followed",
        *TRANSFER,
        date="2024-05-25",
        place_name="Stonebridge",
        actor1="rebels",
    )
    if highmoor:
        d.event(
            f"The rebels left Highmoor on {highmoor}.",
            "left",
            *TRANSFER,
            date=highmoor,
            place_name="Highmoor",
            actor1="rebels",
        )
    return d


def by_place(commitments):
    return {c.location.name: c for c in commitments}


def test_elliptical_list_with_postponement_and_fulfilment():
    a = announcement().build()
    b = handovers().build()
    events, commitments = reconcile([a, b])
    got = by_place(commitments)
    assert set(got) == {"Millbrook", "Stonebridge", "Highmoor"}
    mill, stone, high = got["Millbrook"], got["Stonebridge"], got["Highmoor"]
    assert mill.deadline == "2024-05-20" and mill.status == "fulfilled" and mill.fulfilled_on == "2024-05-20"
    assert stone.deadline == "2024-05-25"
    assert [(h.deadline, h.amendment) for h in stone.deadline_history] == [
        ("2024-05-15", None),
        ("2024-05-25", "postponed"),
    ]
    assert stone.status == "fulfilled" and stone.fulfilled_on == "2024-05-25"
    assert high.status == "fulfilled" and high.fulfilled_by in {e.id for e in events}
    assert mill.obligor == "the rebels" and mill.beneficiary == "the state"
    # the planned handover is tracked as a commitment, not a separate planned event
    assert all(e.status == "occurred" for e in events)
    assert len(events) == 3


def test_late_overdue_and_pending():
    a = announcement().build()
    b = handovers(highmoor="2024-06-03").build()
    _, commitments = reconcile([a, b])
    assert by_place(commitments)["Highmoor"].status == "fulfilled_late"
    # no report of the Highmoor handover: overdue once the newest report is past the deadline
    c = handovers(highmoor=None, published="2024-06-05").build()
    _, commitments = reconcile([a, c])
    assert by_place(commitments)["Highmoor"].status == "overdue"
    # judged on an earlier day it is still pending
    _, commitments = reconcile([a, c], as_of=dt.date(2024, 5, 28))
    assert by_place(commitments)["Highmoor"].status == "pending"


def test_cancelled_commitment():
    a = announcement()
    a.commitment(
        "The state later cancelled the handover of Highmoor.",
        "hand over",
        place_name="Highmoor",
        deadline=None,
        amendment="cancelled",
    )
    _, commitments = reconcile([a.build()])
    high = by_place(commitments)["Highmoor"]
    assert high.status == "cancelled"
    assert [h.amendment for h in high.deadline_history] == [None, "cancelled"]


def test_amendment_in_a_later_report_is_ordered_by_report_date():
    early = Doc("2024-05-01", "early").commitment(
        "The rebels must leave Stonebridge by May 15.",
        "leave",
        place_name="Stonebridge",
        deadline="2024-05-15",
        obligor="the rebels",
    )
    late = Doc("2024-05-14", "late").commitment(
        "The deadline for the rebels to withdraw from Stonebridge was brought forward to May 14.",
        "withdraw",
        place_name="Stonebridge",
        deadline="2024-05-14",
        amendment="advanced",
    )
    _, commitments = reconcile([late.build(), early.build()])
    (c,) = commitments
    assert c.deadline == "2024-05-14"
    assert [h.deadline for h in c.deadline_history] == ["2024-05-15", "2024-05-14"]
    assert c.obligor == "the rebels"
    assert c.status == "pending"


@settings(max_examples=20, deadline=None)
@given(
    st.permutations(
        [announcement().build(), handovers().build(), handovers("2024-06-03", "2024-06-06").build()]
    )
)
def test_commitments_do_not_depend_on_input_order(order):
    assert reconcile(order) == reconcile(sorted(order, key=lambda a: a.article.id))


def test_a_year_deadline_runs_to_the_end_of_the_year():
    a = Doc("2024-03-01", "pledge").commitment(
        "The rebels must leave Highmoor by the end of 2024.", "leave", place_name="Highmoor", deadline="2024"
    )
    b = Doc("2024-09-25", "report").event(
        "The rebels left Highmoor on September 24.",
        "left",
        *TRANSFER,
        date="2024-09-24",
        place_name="Highmoor",
    )
    (c,) = reconcile([a.build(), b.build()])[1]
    assert c.status == "fulfilled" and c.fulfilled_on == "2024-09-24"
