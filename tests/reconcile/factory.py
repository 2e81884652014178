"""Hand-built annotated articles for reconcile tests (our own sentences, no parse needed)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from newsledger.model import (
    AnnotatedArticle,
    Article,
    Claim,
    CommitmentMention,
    Entity,
    EventMention,
    PlaceMention,
    Span,
    Timex,
)

PLACES = {
    # name: (id, lat, lon, feature, admin1, country)
    "Westport": ("t:westport", 50.00, 10.00, "city", "Coast", "DE"),
    "Eastfield": ("t:eastfield", 50.00, 12.00, "city", "Hills", "DE"),
    "Coast": ("t:coast", 50.05, 10.10, "ADM1", None, "DE"),
    "Millbrook": ("t:millbrook", 48.50, 30.50, "ADM2", "South", "UA"),
    "Stonebridge": ("t:stonebridge", 48.90, 31.20, "ADM2", "South", "UA"),
    "Highmoor": ("t:highmoor", 47.90, 29.80, "ADM2", "South", "UA"),
}


def place(name: str, text: str | None = None, article_id: str = "x", start: int = 0) -> PlaceMention:
    pid, lat, lon, feature, admin1, country = PLACES[name]
    text = text or name
    return PlaceMention(
        Span(article_id, start, start + len(text)), text, name, pid, lat, lon, feature, admin1, country
    )


class Doc:
    """Builds one article sentence by sentence; mentions point at real offsets of its text."""

    def __init__(self, published: str | None, outlet: str = "test", duplicate_of: str | None = None):
        self.published = dt.date.fromisoformat(published) if published else None
        self.outlet = outlet
        self.duplicate_of = duplicate_of
        self.text = ""
        self.events: list[tuple[Any, ...]] = []
        self.commitments: list[tuple[Any, ...]] = []
        self.entities: list[tuple[Any, ...]] = []

    @property
    def id(self) -> str:
        return hashlib.sha1((self.outlet + self.text).encode()).hexdigest()[:16]

    def sentence(self, s: str) -> tuple[int, int]:
        start = len(self.text) + (1 if self.text else 0)
        self.text = (self.text + " " + s) if self.text else s
        return start, start + len(s)

    def event(
        self,
        sentence: str,
        trigger: str,
        etype: str,
        sub: str | None,
        *,
        date: str | None = None,
        place_name: str | None = None,
        place_text: str | None = None,
        actor1: str | None = None,
        actor2: str | None = None,
        fatalities: int | None = None,
        injured: int | None = None,
        status: str = "occurred",
        mod: str | None = None,
        source: str | None = None,
        entities: tuple[tuple[str, str], ...] = (),
    ) -> Doc:
        start, end = self.sentence(sentence)
        self.events.append(
            (
                start,
                end,
                sentence,
                trigger,
                etype,
                sub,
                date,
                place_name,
                place_text,
                actor1,
                actor2,
                fatalities,
                injured,
                status,
                mod,
                source,
            )
        )
        for text, label in entities:
            i = sentence.index(text)
            self.entities.append((start + i, start + i + len(text), text, label))
        return self

    def commitment(
        self,
        sentence: str,
        action: str,
        *,
        place_name: str | None,
        deadline: str | None,
        obligor: str | None = None,
        beneficiary: str | None = None,
        amendment: str | None = None,
        part: str | None = None,
    ) -> Doc:
        if part is None:
            start, end = self.sentence(sentence)
        else:  # another commitment inside the last sentence
            start = self.text.rindex(sentence)
            end = start + len(sentence)
        self.commitments.append(
            (start, end, part or sentence, action, place_name, deadline, obligor, beneficiary, amendment)
        )
        return self

    def build(self) -> AnnotatedArticle:
        aid = self.id
        art = Article(
            aid,
            self.text,
            title=None,
            outlet=self.outlet,
            published=self.published,
            duplicate_of=self.duplicate_of,
        )
        events = []
        for (
            start,
            end,
            sentence,
            trigger,
            etype,
            sub,
            date,
            pname,
            ptext,
            a1,
            a2,
            fat,
            inj,
            status,
            mod,
            source,
        ) in self.events:
            ti = sentence.index(trigger)
            pm = None
            if pname:
                ptext = ptext or pname
                pm = place(pname, ptext, aid, start + sentence.index(ptext))
            tx = Timex(Span(aid, start, start + 1), "d", "DATE", date, mod) if date else None
            claim = Claim(Span(aid, start, end), sentence, source) if source else None
            events.append(
                EventMention(
                    span=Span(aid, start, end),
                    trigger=trigger,
                    trigger_span=Span(aid, start + ti, start + ti + len(trigger)),
                    event_type=etype,
                    sub_event_type=sub,
                    actor1=a1,
                    actor2=a2,
                    place=pm,
                    time=tx,
                    date=date,
                    date_precision="day" if date and len(date) == 10 else ("month" if date else None),
                    fatalities=fat,
                    injured=inj,
                    status=status,
                    claim=claim,
                )
            )
        commitments = []
        for start, end, part, action, pname, deadline, obl, ben, amend in self.commitments:
            pm = place(pname, pname, aid, self.text.index(pname, start)) if pname else None
            commitments.append(
                CommitmentMention(
                    Span(aid, start, end), part, action, obl, ben, pm, deadline, amendment=amend
                )
            )
        ents = tuple(Entity(Span(aid, s, e), t, lab) for s, e, t, lab in self.entities)
        return AnnotatedArticle(art, events=tuple(events), commitments=tuple(commitments), entities=ents)
