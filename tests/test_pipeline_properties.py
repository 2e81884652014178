"""Every stage, on generated news-like text: no exception escapes, and every annotation points
inside the text. (A stage that raises costs the whole article: ingest reports it and stores
nothing for it.) ``bench/fuzz.py`` runs this with many more examples."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.model import Article
from newsledger.pipeline import extract

sys.path.insert(0, str(Path(__file__).parent / "timex"))
sys.path.insert(0, str(Path(__file__).parent / "stages"))
from test_figures_properties import sentence
from test_timex_properties import date_like

BITS = st.sampled_from(
    ['"', "“", "”", ":", "\n", "\n\n", "he said", "She said:", "according to the ministry", "To meet",
     "will", "by", "deadline", "agreed to withdraw", "the army", "shelled", "killed", "(", ")", "—",
     "who", "it", "'s", ".", ",", "Paris", "Lagos", "the rebels", "promised to", "by the end of"]
)  # fmt: skip
texts = st.lists(sentence() | date_like() | BITS | st.text(max_size=20), min_size=1, max_size=25).map(
    " ".join
)
published = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))


def check_all_stages(ctx, text: str, pub: dt.date | None) -> None:
    if not text.strip():
        return
    [ann] = extract([Article(id="p", text=text, published=pub)], ctx)
    spans = [m.span for m in (*ann.timexes, *ann.places, *ann.figures, *ann.claims)]
    spans += [e.span for e in ann.events] + [c.span for c in ann.commitments]
    for s in spans:
        assert s.article_id == "p" and 0 <= s.start <= s.end <= len(text), s


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, pub=published)
def test_every_stage_on_generated_text(ctx, text: str, pub: dt.date | None) -> None:
    check_all_stages(ctx, text, pub)
