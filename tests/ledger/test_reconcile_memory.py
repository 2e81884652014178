"""Reconciling a stored ledger reads only what merging needs (issue 7: memory at 20k articles),
and the ledger it writes equals a reconciliation of the complete stored annotations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from newsledger.ledger import incremental, reconcile_ledger, update_ledger
from newsledger.model import (
    AnnotatedArticle,
    Article,
    Claim,
    Entity,
    EventMention,
    Figure,
    PlaceMention,
    Span,
    Timex,
)
from newsledger.reconcile import reconcile
from newsledger.serialize import commitment_to_dict, event_to_dict
from newsledger.store import Store


def _article(aid: str, day: int, sentence: str, trigger: str, town: str) -> AnnotatedArticle:
    """One attack report with every kind of annotation, participants and non-participants."""
    text = sentence + " Officials gave 3 figures on Monday."
    p, t = sentence.index(town), sentence.index(trigger)
    date = f"2024-05-{day:02d}"
    place = PlaceMention(Span(aid, p, p + len(town)), town, town, f"t:{town}", 50.0, 10.0, "city", None, "DE")
    event = EventMention(
        Span(aid, 0, len(sentence)), trigger, Span(aid, t, t + len(trigger)),
        "Violence against civilians", "Attack", actor1="Gunmen", place=place,
        time=Timex(Span(aid, 0, 1), "d", "DATE", date), date=date, date_precision="day",
    )  # fmt: skip

    def ent(word: str, label: str) -> Entity:
        i = text.index(word)
        return Entity(Span(aid, i, i + len(word)), word, label)

    entities = [ent(town, "GPE"), ent("Monday", "DATE"), ent("3", "CARDINAL")]
    entities += [ent(w, "PERSON") for w in ("Jane Roe",) if w in text]
    entities += [ent(w, "ORG") for w in ("City Police",) if w in text]
    n = text.index("3")
    art = Article(aid, text, outlet=f"outlet-{aid}", published=dt.date(2024, 5, day + 1))
    return AnnotatedArticle(
        art,
        entities=tuple(entities),
        timexes=(Timex(Span(aid, text.index("Monday"), text.index("Monday") + 6), "Monday", "DATE", date),),
        places=(place,),
        figures=(Figure(Span(aid, n, n + 1), "3", 3.0, "other"),),
        claims=(Claim(Span(aid, 0, len(sentence)), sentence, "Officials"),),
        events=(event,),
    )


ARTICLES = [
    _article("a1", 3, "Gunmen attacked a bus in Westport, Jane Roe said.", "attacked", "Westport"),
    _article("a2", 3, "City Police said a bus was attacked in Westport.", "attacked", "Westport"),
    _article("a3", 20, "Gunmen attacked a shop in Eastfield.", "attacked", "Eastfield"),
]


def _canon(events: object, commitments: object) -> tuple[list[str], list[str]]:
    ev = sorted(json.dumps(event_to_dict(e), sort_keys=True) for e in events)  # type: ignore[attr-defined]
    cm = [json.dumps(commitment_to_dict(c), sort_keys=True) for c in commitments]  # type: ignore[attr-defined]
    return ev, cm


def test_reconciliation_reads_events_commitments_and_possible_participants_only(tmp_path: Path) -> None:
    with Store(tmp_path / "l.db") as s:
        s.put_annotated(ARTICLES)
        seen = list(incremental._reconcile_view(s))
    assert [a.article for a in seen] == [a.article for a in ARTICLES]
    assert [a.events for a in seen] == [a.events for a in ARTICLES]
    assert all(not (a.timexes or a.places or a.figures or a.claims) for a in seen)
    labels = sorted({e.label for a in seen for e in a.entities})
    assert labels == ["ORG", "PERSON"]  # GPE, DATE, CARDINAL are never participants


def test_the_full_pass_equals_reconciling_the_complete_annotations(tmp_path: Path) -> None:
    with Store(tmp_path / "l.db") as s:
        s.put_annotated(ARTICLES)
        reconcile_ledger(s)
        assert _canon(s.events(), s.commitments()) == _canon(*reconcile(ARTICLES))


def test_an_incremental_update_equals_reconciling_the_complete_annotations(tmp_path: Path) -> None:
    with Store(tmp_path / "l.db") as s:
        s.put_annotated(ARTICLES[:1])
        reconcile_ledger(s)
        s.put_annotated(ARTICLES[1:])
        update_ledger(s)
        assert _canon(s.events(), s.commitments()) == _canon(*reconcile(ARTICLES))
