"""The ledger JSON shapes (ledger-json.md): field names and order that scorers and the web page
read, for ledger facts and for one article's mentions of them (objects built by hand)."""

from __future__ import annotations

from newsledger.ledger_json import (
    commitment_json,
    commitment_mention_json,
    conflict_json,
    event_core_json,
    event_json,
    event_mention_json,
)
from newsledger.model import (
    CommitmentMention,
    Conflict,
    ConflictValue,
    DeadlineChange,
    Event,
    EventMention,
    Location,
    Source,
    Span,
    TrackedCommitment,
)

CODED = [
    "event_type", "sub_event_type", "date", "date_precision", "actor1", "actor2", "assoc_actors",
    "location", "fatalities", "injured", "status",
]  # fmt: skip
TOWN = Location("Northtown", "Northland", "North", 1.5, 2.5, "town", "g1")
SRC = Source("a1", 10, 40, "the governor")
EVENT = Event(
    id="e1", event_type="Battles", sub_event_type="Armed clash", date="2024-03-04", date_precision="day",
    actor1="A", actor2="B", assoc_actors=("C",), location=TOWN, fatalities=3, injured=None, status="occurred",
    sources=(SRC,),
    conflicts=(Conflict("fatalities", (ConflictValue(3, ("a1",), (SRC,)), ConflictValue(4, ("a2",)))),),
)  # fmt: skip


def test_event_fields_and_conflicts() -> None:
    core = event_core_json(EVENT)
    assert list(core) == ["id", *CODED]
    assert core["location"]["geo_precision"] == "town" and core["assoc_actors"] == ["C"]
    full = event_json(EVENT)
    assert list(full)[: len(core)] == list(core)
    assert full["sources"] == [{"article": "a1", "start": 10, "end": 40, "attributed_to": "the governor"}]
    assert full["conflicts"] == [conflict_json(c) for c in EVENT.conflicts]
    assert full["conflicts"][0]["values"][1] == {"value": 4, "articles": ["a2"], "sources": []}


def test_a_mention_has_the_coded_fields_of_an_event() -> None:
    m = EventMention(
        span=Span("a1", 0, 50), trigger="clashed", trigger_span=Span("a1", 5, 12), event_type="Battles",
        sub_event_type="Armed clash", actor1="A", status="occurred", rule="r1",
    )  # fmt: skip
    j = event_mention_json(m)
    assert list(j)[:6] == ["article", "start", "end", "trigger", "trigger_start", "trigger_end"]
    assert list(j)[6 : 6 + len(CODED)] == CODED
    assert j["sources"] == [{"article": "a1", "start": 0, "end": 50, "attributed_to": None}]
    assert j["location"] is None and j["conflicts"] == [] and j["rule"] == "r1"


def test_commitment_and_its_mention_share_the_promise_fields() -> None:
    c = TrackedCommitment(
        id="c1", obligor="Northland", beneficiary=None, action="withdraw troops", location=TOWN,
        deadline="2024-03-08", deadline_history=(DeadlineChange("2024-03-08", "a1", 3, 9),), status="pending",
        fulfilled_by=None, fulfilled_on=None, sources=(SRC,),
    )  # fmt: skip
    j = commitment_json(c)
    promise = ["obligor", "beneficiary", "action", "location", "deadline"]
    assert list(j)[:6] == ["id", *promise]
    assert j["deadline_history"] == [
        {"deadline": "2024-03-08", "article": "a1", "start": 3, "end": 9, "amendment": None}
    ]
    m = CommitmentMention(
        span=Span("a1", 0, 60), text="will withdraw troops by March 8", action="withdraw troops",
        obligor="Northland", beneficiary=None, place=None, deadline="2024-03-08",
        deadline_span=Span("a1", 50, 57), amendment="postponed",
    )  # fmt: skip
    mj = commitment_mention_json(m)
    assert list(mj)[:9] == ["article", "start", "end", "text", *promise]
    assert mj["deadline_history"] == [
        {"deadline": "2024-03-08", "article": "a1", "start": 50, "end": 57, "amendment": "postponed"}
    ]
    assert mj["sources"] == [{"article": "a1", "start": 0, "end": 60}]
    assert mj["status"] == "unknown" and mj["attributed_to"] is None
