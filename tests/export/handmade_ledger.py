"""A small hand-built ledger (no language model needed): two articles, events, a commitment.

Also used by ``tests/cli`` (``build_ledger``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsledger.model import (
    AnnotatedArticle,
    Article,
    Claim,
    Conflict,
    ConflictValue,
    DeadlineChange,
    Event,
    Figure,
    Location,
    PlaceMention,
    Source,
    Span,
    Timex,
    TrackedCommitment,
)
from newsledger.store import Store

TEXT_A = "Talks end in Lakeside\n\nThe two governments signed an agreement in Lakeside on Monday, officials said. Troops will leave Ridgeford before June 1."
TEXT_B = "Ridgeford handed over\n\nSoldiers left Ridgeford on 1 June, the ministry reported. The deal was signed on 13 April, it added. Two civilians were killed in Ostrava <script>x</script>."


def _ann(aid: str, text: str, published: dt.date, outlet: str) -> AnnotatedArticle:
    art = Article(id=aid, text=text, title=text.split("\n")[0], outlet=outlet, published=published,
                  source_file=f"{aid}.txt", published_source="manifest")  # fmt: skip

    def span(word: str) -> Span:
        i = text.index(word)
        return Span(aid, i, i + len(word))

    place_word = "Lakeside" if "Lakeside on" in text else "Ridgeford"
    p = span(place_word)
    place = PlaceMention(Span(aid, text.index(place_word, 25), text.index(place_word, 25) + len(place_word)),
                         place_word, place_word, f"test:{place_word}", 50.0, 14.0, "city", "Bohemia", "CZ", 0.9)  # fmt: skip
    del p
    date_word = "on Monday" if "Monday" in text else "on 1 June"
    timex = Timex(span(date_word), date_word, "DATE", "2021-04-12" if "Monday" in text else "2021-06-01")
    claim_word = "officials said" if "officials" in text else "the ministry reported"
    claim = Claim(Span(aid, 23, text.index(claim_word) - 2), text[23 : text.index(claim_word) - 2],
                  claim_word.split()[-2], span(claim_word.split()[-2]), claim_word.split()[-1],
                  span(claim_word.split()[-1]))  # fmt: skip
    figures = (
        (Figure(span("Two civilians"), "Two civilians", 2.0, "fatalities", None, "civilians"),)
        if "Two" in text
        else ()
    )
    return AnnotatedArticle(article=art, sentences=(Span(aid, 0, 21), Span(aid, 23, len(text))),
                            timexes=(timex,), places=(place,), figures=figures, claims=(claim,))  # fmt: skip


def build_ledger(db: Path) -> Path:
    a = _ann("aaaaaaaaaaaaaaaa", TEXT_A, dt.date(2021, 4, 12), "Daily Lake")
    b = _ann("bbbbbbbbbbbbbbbb", TEXT_B, dt.date(2021, 6, 2), "")
    lake = Location("Lakeside", "CZ", "Bohemia", 50.0, 14.0, "town", "test:Lakeside")
    ridge = Location("Ridgeford", "CZ", None, 49.5, 15.0, "district", "test:Ridgeford")
    events = [
        Event("ev-agree", "Strategic developments", "Agreement", "2021-04-12", "day", "Government of Westland",
              "Government of Eastland", (), lake, None, None, "occurred",
              (Source(a.article.id, 23, 80, "officials"), Source(b.article.id, 90, 120, "ministry")),
              (Conflict("date", (ConflictValue("2021-04-12", (a.article.id,)), ConflictValue("2021-04-13", (b.article.id,)))),),
              merge_reasons=("same type and actors; dates within 1 day",)),
        Event("ev-leave", "Strategic developments", "Non-violent transfer of territory", "2021-06-01", "day",
              "Military Forces of Westland", None, ("Peacekeepers",), ridge, None, None, "occurred",
              (Source(b.article.id, 23, 60, "ministry"),)),
        Event("ev-kill", "Violence against civilians", "Attack", None, None, "Unidentified Armed Group", "Civilians",
              (), None, 2, None, "occurred", (Source(b.article.id, 130, 175),)),
    ]  # fmt: skip
    commitments = [
        TrackedCommitment("c-leave", "Westland", "Eastland", "withdraw troops", ridge, "2021-06-01",
                          (DeadlineChange("2021-06-01", a.article.id, 100, 111),), "fulfilled", "ev-leave",
                          "2021-06-01", (Source(a.article.id, 82, 130),))
    ]  # fmt: skip
    with Store(db) as s:
        s.put_annotated([a, b], ["dates", "places", "figures", "claims"])
        s.replace_ledger(events, commitments)
    return db
