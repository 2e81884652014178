"""Place, time, casualties and claim of an event, from hand-built annotations of other stages."""

from __future__ import annotations

import datetime as dt

from newsledger.coding import code_events
from newsledger.model import Article, Claim, Figure, PlaceMention, Span, Timex
from newsledger.pipeline import parse

TEXT = (
    "Officials in Northtown said rebels captured the village of Eastford on 3 May. "
    "Two days later, soldiers from Northtown shelled the village, killing some 40 fighters."
)


def place(a: Article, text: str, name: str, feature: str = "city") -> PlaceMention:
    start = a.text.index(text)
    return PlaceMention(
        Span(a.id, start, start + len(text)), text, name, f"test:{name}", 1.0, 2.0, feature, None, "XX", 0.9
    )


def build(ctx):  # type: ignore[no-untyped-def]
    a = Article(id="t", text=TEXT, published=dt.date(2021, 5, 10))
    ann = parse([a], ctx)[0]
    s1 = TEXT.index("3 May")
    fig_start = TEXT.index("some 40 fighters")
    claim_end = TEXT.index(" on 3 May")
    return ann.add(
        places=(place(a, "Northtown", "Northtown"), place(a, "Eastford", "Eastford")),
        timexes=(Timex(Span(a.id, s1, s1 + 5), "3 May", "DATE", "2021-05-03", precision="day"),),
        figures=(
            Figure(Span(a.id, fig_start, fig_start + 16), "some 40 fighters", 40, "fatalities", "about"),
        ),
        claims=(
            Claim(
                Span(a.id, TEXT.index("rebels"), claim_end),
                "rebels captured the village of Eastford",
                "Officials",
            ),
        ),
    )


def test_place_time_claim_and_figures(ctx) -> None:
    evs = code_events(build(ctx), ctx.event_lexicon)
    cap = next(e for e in evs if e.trigger == "captured")
    assert cap.sub_event_type == "Non-state actor overtakes territory"
    assert cap.place is not None and cap.place.name == "Eastford"  # not Northtown, where officials are
    assert cap.date == "2021-05-03" and cap.date_precision == "day"
    assert cap.claim is not None and cap.claim.source == "Officials"
    shell = next(e for e in evs if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shell.fatalities == 40
    assert shell.place is not None and shell.place.name == "Eastford"  # "the village" named before
