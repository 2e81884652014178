"""A small hand-built ledger for the web tests (texts written for these tests, places invented).

It has what the pages must show: two outlets reporting one event with different dates and
death tolls (conflicts), a commitment amended once and fulfilled late by another event, an
undated event without coordinates, two events at one place (a map cluster), and an article whose
text holds ``<script>``, HTML and odd Unicode (astral emoji before a highlight, RTL override,
combining marks, zero-width joiner) and a ``javascript:`` URL.
"""

from __future__ import annotations

import datetime as dt

from newsledger.model import (
    AnnotatedArticle,
    Article,
    Claim,
    CommitmentMention,
    Conflict,
    ConflictValue,
    DeadlineChange,
    Event,
    EventMention,
    Figure,
    Ledger,
    Location,
    PlaceMention,
    Source,
    Span,
    Timex,
    TrackedCommitment,
)

TEXT_A = (
    "Harbour district shelled\n\n"
    "Artillery shelled the harbour of Northtown on Monday, killing 3 civilians, the regional governor said.\n\n"
    "Officials said the Northland forces would withdraw troops from Southvale by March 8.\n\n"
    "Residents of Northtown gathered on Monday evening to demand shelters, local media reported."
)
HOSTILE = (
    "<script>window.__pwned = 1; alert('x')</script><img src=x onerror=\"window.__pwned=2\"> <b>bold</b>"
)
HOSTILE_URL = "javascript:window.__pwned=3"  # a stored URL is a link only when it is http(s)
TEXT_B = (
    "Night of shelling 🛰️ in Northtown\n\n"
    f"A witness wrote: {HOSTILE} \u202eevil\u202c café (cafe\u0301) مرحبا 👩\u200d👩\u200d👧.\n\n"
    "Shells hit Northtown on Sunday and killed 5 people, according to the city council.\n\n"
    "The withdrawal from Southvale was postponed to March 10, a negotiator said."
)
TEXT_C = (
    "Troops leave Southvale\n\n"
    "Northland troops withdrew from Southvale on March 11, the defence ministry announced.\n\n"
    "Clashes were reported somewhere in the hills, with no date given."
)


def find(aid: str, text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(aid, start, start + len(needle))


def sentence(aid: str, text: str, needle: str) -> Span:
    """The paragraph-sentence containing ``needle`` (our texts have one sentence per paragraph)."""
    s = find(aid, text, needle)
    lo = text.rfind("\n", 0, s.start) + 1
    hi = text.find("\n", s.end)
    return Span(aid, lo, len(text) if hi < 0 else hi)


def place(aid: str, text: str, name: str, lat: float, lon: float, nth: int = 0) -> PlaceMention:
    return PlaceMention(
        find(aid, text, name, nth), name, name, f"test:{name.lower()}", lat, lon, "city", "Coastal", "XN"
    )


NORTHTOWN = (46.48, 30.72)
SOUTHVALE = (47.10, 31.90)


def build() -> Ledger:
    a = Article("art-a", TEXT_A, "Harbour district shelled", None, "Example Wire", dt.date(2024, 3, 4))
    b = Article(
        "art-b", TEXT_B, "Night of shelling 🛰️ in Northtown", HOSTILE_URL, "Daily Sample", dt.date(2024, 3, 5)
    )
    c = Article("art-c", TEXT_C, "Troops leave Southvale", None, "Example Wire", dt.date(2024, 3, 12))

    # --- article A
    ta = a.text
    a_shell = sentence(a.id, ta, "Artillery shelled")
    a_monday = Timex(
        find(a.id, ta, "on Monday"), "on Monday", "DATE", "2024-03-04", anchor="2024-03-04", precision="day"
    )
    a_place = place(a.id, ta, "Northtown", *NORTHTOWN)
    a_fig = Figure(find(a.id, ta, "3 civilians"), "3 civilians", 3, "fatalities", counts_what="civilians")
    a_claim = Claim(
        Span(a.id, a_shell.start, find(a.id, ta, ", the regional governor").start),
        "Artillery shelled …",
        "the regional governor",
        find(a.id, ta, "the regional governor"),
        "said",
        find(a.id, ta, "said", 0),
    )
    a_m = EventMention(
        a_shell, "shelled", find(a.id, ta, "shelled", 1), "Explosions/Remote violence",
        "Shelling/artillery/missile attack", place=a_place, time=a_monday, date="2024-03-04",
        date_precision="day", fatalities=3, figures=(a_fig,), claim=a_claim, rule="verb 'shell' + artillery",
    )  # fmt: skip
    a_protest_s = sentence(a.id, ta, "Residents of Northtown")
    a_place2 = place(a.id, ta, "Northtown", *NORTHTOWN, nth=1)
    a_protest = EventMention(
        a_protest_s, "gathered", find(a.id, ta, "gathered"), "Protests", "Peaceful protest",
        actor1="Protesters (Northland)", place=a_place2, date="2024-03-04", date_precision="day",
        rule="verb 'gather' + demand",
    )  # fmt: skip
    a_commit_s = sentence(a.id, ta, "Officials said")
    a_mar8 = Timex(find(a.id, ta, "by March 8"), "by March 8", "DATE", "2024-03-08", precision="day")
    a_south = place(a.id, ta, "Southvale", *SOUTHVALE)
    a_cm = CommitmentMention(
        a_commit_s, ta[a_commit_s.start : a_commit_s.end], "withdraw troops", "Northland forces", None,
        a_south, "2024-03-08", deadline_span=a_mar8.span,
    )  # fmt: skip
    ann_a = AnnotatedArticle(
        a,
        timexes=(a_monday, a_mar8),
        places=(a_place, a_south, a_place2),
        figures=(a_fig,),
        claims=(a_claim,),
        events=(a_m, a_protest),
        commitments=(a_cm,),
    )

    # --- article B (hostile text, odd Unicode before the highlights)
    tb = b.text
    b_shell = sentence(b.id, tb, "Shells hit")
    b_sunday = Timex(find(b.id, tb, "on Sunday"), "on Sunday", "DATE", "2024-03-03", precision="day")
    b_place = place(b.id, tb, "Northtown", *NORTHTOWN, nth=1)
    b_fig = Figure(find(b.id, tb, "5 people"), "5 people", 5, "fatalities", counts_what="people")
    b_claim = Claim(
        Span(b.id, b_shell.start, find(b.id, tb, ", according to").start), "Shells hit …", "the city council",
        find(b.id, tb, "the city council"), "according to", find(b.id, tb, "according to"),
    )  # fmt: skip
    b_m = EventMention(
        b_shell, "hit", find(b.id, tb, "hit"), "Explosions/Remote violence", "Shelling/artillery/missile attack",
        place=b_place, time=b_sunday, date="2024-03-03", date_precision="day", fatalities=5,
        figures=(b_fig,), claim=b_claim, rule="verb 'hit' + shells",
    )  # fmt: skip
    b_amend_s = sentence(b.id, tb, "The withdrawal")
    b_mar10 = Timex(find(b.id, tb, "March 10"), "March 10", "DATE", "2024-03-10", precision="day")
    b_cm = CommitmentMention(
        b_amend_s, tb[b_amend_s.start : b_amend_s.end], "withdraw troops", None, None,
        place(b.id, tb, "Southvale", *SOUTHVALE), "2024-03-10", deadline_span=b_mar10.span, amendment="postponed",
    )  # fmt: skip
    ann_b = AnnotatedArticle(
        b,
        timexes=(b_sunday, b_mar10),
        places=(b_place, b_cm.place),  # type: ignore[arg-type]
        figures=(b_fig,),
        claims=(b_claim,),
        events=(b_m,),
        commitments=(b_cm,),
    )

    # --- article C
    tc = c.text
    c_s = sentence(c.id, tc, "Northland troops withdrew")
    c_m = EventMention(
        c_s, "withdrew", find(c.id, tc, "withdrew"), "Strategic developments", "Non-violent transfer of territory",
        actor1="Military Forces of Northland", place=place(c.id, tc, "Southvale", *SOUTHVALE, nth=1),
        time=Timex(find(c.id, tc, "on March 11"), "on March 11", "DATE", "2024-03-11"), date="2024-03-11",
        date_precision="day", rule="verb 'withdraw' + troops",
    )  # fmt: skip
    c_clash_s = sentence(c.id, tc, "Clashes")
    c_clash = EventMention(
        c_clash_s, "Clashes", find(c.id, tc, "Clashes"), "Battles", "Armed clash", rule="noun 'clash'"
    )
    ann_c = AnnotatedArticle(c, timexes=(c_m.time,), places=(c_m.place,), events=(c_m, c_clash))  # type: ignore[arg-type]

    north = Location("Northtown", "XN", "Coastal", *NORTHTOWN, "town", "test:northtown")
    south = Location("Southvale", "XN", "Coastal", *SOUTHVALE, "district", "test:southvale")
    src = lambda m, who=None: Source(m.span.article_id, m.span.start, m.span.end, who)  # noqa: E731
    e1 = Event(
        "ev-shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack", "2024-03-04", "day",
        None, "Civilians (Northland)", (), north, 3, None, "occurred",
        (src(a_m, "the regional governor"), src(b_m, "the city council")),
        conflicts=(
            Conflict("date", (ConflictValue("2024-03-04", ("art-a",)), ConflictValue("2024-03-03", ("art-b",)))),
            Conflict("fatalities", (ConflictValue(3, ("art-a",)), ConflictValue(5, ("art-b",)))),
        ),
        fatalities_low=3, fatalities_high=5,
        merge_reasons=("same place (Northtown) and type; dates one day apart; score 0.81",),
    )  # fmt: skip
    e2 = Event(
        "ev-protest", "Protests", "Peaceful protest", "2024-03-04", "day", "Protesters (Northland)", None, (),
        north, None, None, "occurred", (src(a_protest, "local media"),),
    )  # fmt: skip
    e3 = Event(
        "ev-withdrawal", "Strategic developments", "Non-violent transfer of territory", "2024-03-11", "day",
        "Military Forces of Northland", None, (), south, None, None, "occurred", (src(c_m, "the defence ministry"),),
    )  # fmt: skip
    e4 = Event(
        "ev-clash",
        "Battles",
        "Armed clash",
        None,
        None,
        None,
        None,
        (),
        None,
        None,
        None,
        "unknown",
        (src(c_clash),),
    )
    commitment = TrackedCommitment(
        "cm-withdraw", "Northland forces", None, "withdraw troops", south, "2024-03-10",
        (
            DeadlineChange("2024-03-08", "art-a", a_cm.span.start, a_cm.span.end),
            DeadlineChange("2024-03-10", "art-b", b_cm.span.start, b_cm.span.end, "postponed"),
        ),
        "fulfilled_late", "ev-withdrawal", "2024-03-11",
        (Source("art-a", a_cm.span.start, a_cm.span.end, "officials"), Source("art-b", b_cm.span.start, b_cm.span.end)),
    )  # fmt: skip
    return Ledger((a, b, c), (ann_a, ann_b, ann_c), (e1, e2, e3, e4), (commitment,))
