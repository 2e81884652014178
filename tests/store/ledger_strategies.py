"""Hypothesis strategies for model objects (shared by the store and export tests)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from newsledger.model import (
    COMMITMENT_STATUSES,
    EVENT_STATUSES,
    FIGURE_KINDS,
    PLACE_FEATURES,
    TIMEX_TYPES,
    AnnotatedArticle,
    Article,
    Claim,
    CommitmentMention,
    Conflict,
    ConflictValue,
    DeadlineChange,
    Entity,
    Event,
    EventMention,
    Figure,
    Location,
    PlaceMention,
    Source,
    Span,
    Timex,
    TrackedCommitment,
)

text = st.text(max_size=40)
opt_text = st.none() | text
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
iso_dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = draw(st.text(min_size=1, max_size=200))
    return Article(
        id=draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
        text=body,
        title=draw(opt_text),
        url=draw(opt_text),
        outlet=draw(opt_text),
        published=draw(st.none() | st.dates()),
        language=draw(st.sampled_from(["en", "fr"])),
        source_file=draw(opt_text),
        published_source=draw(st.none() | st.sampled_from(["manifest", "flag", "byline"])),
        duplicate_of=draw(st.none() | st.text("0123456789abcdef", min_size=16, max_size=16)),
    )


def spans(aid: str, n: int) -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda t: Span(aid, min(t), max(t)))


def places(aid: str, n: int) -> st.SearchStrategy[PlaceMention]:
    return st.builds(
        PlaceMention, spans(aid, n), text, text, opt_text, st.none() | floats, st.none() | floats,
        st.sampled_from(PLACE_FEATURES), opt_text, opt_text, floats, st.tuples(text) | st.just(()),
    )  # fmt: skip


def claims(aid: str, n: int) -> st.SearchStrategy[Claim]:
    return st.builds(
        Claim, spans(aid, n), text, opt_text, st.none() | spans(aid, n), opt_text, st.none() | spans(aid, n)
    )


def timexes(aid: str, n: int) -> st.SearchStrategy[Timex]:
    return st.builds(
        Timex, spans(aid, n), text, st.sampled_from(TIMEX_TYPES), opt_text, opt_text, opt_text, opt_text
    )


def figures(aid: str, n: int) -> st.SearchStrategy[Figure]:
    return st.builds(Figure, spans(aid, n), text, floats, st.sampled_from(FIGURE_KINDS), opt_text, opt_text)


@st.composite
def annotated(draw: st.DrawFn) -> AnnotatedArticle:
    a = draw(articles())
    aid, n = a.id, len(a.text)
    ev = st.builds(
        EventMention,
        span=spans(aid, n), trigger=text, trigger_span=spans(aid, n), event_type=text,
        sub_event_type=opt_text, actor1=opt_text, actor2=opt_text, assoc_actors=st.tuples(text),
        place=st.none() | places(aid, n), time=st.none() | timexes(aid, n), date=st.none() | iso_dates,
        date_precision=opt_text, fatalities=st.none() | st.integers(0, 10**6),
        injured=st.none() | st.integers(0, 10**6), figures=st.lists(figures(aid, n), max_size=2).map(tuple),
        status=st.sampled_from(EVENT_STATUSES), claim=st.none() | claims(aid, n), rule=text,
    )  # fmt: skip
    cm = st.builds(
        CommitmentMention, spans(aid, n), text, text, opt_text, opt_text, st.none() | places(aid, n),
        st.none() | iso_dates, st.none() | spans(aid, n), st.none() | st.sampled_from(["postponed", "cancelled"]),
        st.none() | claims(aid, n),
    )  # fmt: skip

    def many(s: st.SearchStrategy) -> tuple:  # type: ignore[type-arg]
        return tuple(draw(st.lists(s, max_size=3)))

    return AnnotatedArticle(
        article=a,
        sentences=many(spans(aid, n)),
        entities=many(st.builds(Entity, spans(aid, n), text, st.sampled_from(["GPE", "ORG"]))),
        timexes=many(timexes(aid, n)),
        places=many(places(aid, n)),
        figures=many(figures(aid, n)),
        claims=many(claims(aid, n)),
        events=many(ev),
        commitments=many(cm),
        warnings=many(text),
    )


locations = st.builds(
    Location, text, opt_text, opt_text, st.none() | floats, st.none() | floats, opt_text, opt_text
)
sources = st.builds(Source, text, st.integers(0, 10**6), st.integers(0, 10**6), opt_text)
values = st.none() | text | st.integers(-(10**9), 10**9)
events = st.builds(
    Event,
    id=text, event_type=text, sub_event_type=opt_text, date=st.none() | iso_dates, date_precision=opt_text,
    actor1=opt_text, actor2=opt_text, assoc_actors=st.lists(text, max_size=2).map(tuple),
    location=st.none() | locations, fatalities=st.none() | st.integers(0, 10**6),
    injured=st.none() | st.integers(0, 10**6), status=st.sampled_from(EVENT_STATUSES),
    sources=st.lists(sources, max_size=3).map(tuple),
    conflicts=st.lists(
        st.builds(Conflict, text, st.lists(
            st.builds(ConflictValue, values, st.lists(text, max_size=2).map(tuple), st.lists(sources, max_size=2).map(tuple)),
            max_size=3).map(tuple)),
        max_size=2,
    ).map(tuple),
    fatalities_low=st.none() | st.integers(0, 100), fatalities_high=st.none() | st.integers(0, 100),
    merge_reasons=st.lists(text, max_size=2).map(tuple),
)  # fmt: skip
commitments = st.builds(
    TrackedCommitment,
    id=text, obligor=opt_text, beneficiary=opt_text, action=text, location=st.none() | locations,
    deadline=st.none() | iso_dates,
    deadline_history=st.lists(st.builds(DeadlineChange, st.none() | iso_dates, text, st.integers(0, 99),
                                        st.integers(0, 99), opt_text), max_size=3).map(tuple),
    status=st.sampled_from(COMMITMENT_STATUSES), fulfilled_by=opt_text, fulfilled_on=st.none() | iso_dates,
    sources=st.lists(sources, max_size=2).map(tuple),
)  # fmt: skip
