"""Properties of reconcile on random ledgers: every mention lands in exactly one event, order never matters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.reconcile import reconcile

from .factory import PLACES, Doc

TYPES = [
    ("Violence against civilians", "Attack"),
    ("Battles", "Armed clash"),
    ("Strategic developments", "Agreement"),
    ("Strategic developments", "Arrests"),
]
WORDS = ["fighters", "attacked", "signed", "arrested", "the", "market", "deal", "village", "police"]

mention = st.fixed_dictionaries(
    {
        "kind": st.integers(0, len(TYPES) - 1),
        "day": st.one_of(st.none(), st.integers(1, 9)),
        "place": st.one_of(st.none(), st.sampled_from(sorted(PLACES))),
        "dead": st.one_of(st.none(), st.integers(0, 20)),
        "actor": st.one_of(st.none(), st.sampled_from(["Ukrainian army", "Ukraine", "rebels", "police"])),
        "words": st.lists(st.sampled_from(WORDS), min_size=2, max_size=6),
        "status": st.sampled_from(["occurred", "occurred", "planned", "denied"]),
    }
)
article = st.tuples(st.integers(1, 12), st.lists(mention, min_size=1, max_size=4))


def build(spec):
    docs = []
    for n, (pub_day, mentions) in enumerate(spec):
        d = Doc(f"2024-03-{pub_day:02d}", outlet=f"outlet{n}")
        for i, m in enumerate(mentions):
            etype, sub = TYPES[m["kind"]]
            place = f" in {m['place']}" if m["place"] else ""
            sentence = f"Report {i}: {' '.join(m['words'])}{place}."
            d.event(
                sentence,
                "Report",
                etype,
                sub,
                date=f"2024-03-{m['day']:02d}" if m["day"] else None,
                place_name=m["place"],
                actor1=m["actor"],
                fatalities=m["dead"],
                status=m["status"],
            )
        docs.append(d.build())
    return docs


@settings(max_examples=60, deadline=None)
@given(st.lists(article, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_every_mention_in_one_event_and_order_free(spec, rnd):
    docs = build(spec)
    events, commitments = reconcile(docs)
    sources = [(s.article, s.start, s.end) for e in events for s in e.sources]
    mentions = {(a.article.id, m.span.start, m.span.end) for a in docs for m in a.events}
    assert set(sources) == mentions and len(sources) == len(mentions)
    assert len({e.id for e in events}) == len(events)
    for e in events:
        if e.fatalities is not None:
            assert e.fatalities_low == e.fatalities <= (e.fatalities_high or 0)
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert reconcile(shuffled) == (events, commitments)
