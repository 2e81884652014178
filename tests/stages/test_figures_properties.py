"""Property tests of the figures stage on generated news sentences: it never raises, every figure
points at its own text, values are finite and negative only when the text says so, kinds and qualifiers are known."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.model import FIGURE_KINDS, Article
from newsledger.numbers import QUALIFIERS, VAGUE
from newsledger.pipeline import extract, select_stages

WORDS = ("two", "twenty-five", "a dozen", "hundreds of", "one hundred and five", "half a million", "dozens")
QUALS = ("", "more than", "at least", "about", "up to", "nearly", "some", "fewer than")
NOUNS = ("people", "civilians", "soldiers", "families", "residents", "percent", "dollars", "km", "houses")
VERBS = ("were killed", "were injured", "fled", "went missing", "were detained", "live there", "were counted")
TAILS = ("", ", officials said", ", including {n} children", " in 1999", " on 3 March", " last week")


@st.composite
def sentence(draw: st.DrawFn) -> str:
    n = draw(
        st.integers(0, 10**9).map(lambda i: f"{i:,}")
        | st.integers(0, 10**6).map(str)
        | st.sampled_from(WORDS)
        | st.floats(0, 1000, allow_nan=False).map(lambda f: f"{f:.1f}")
        | st.sampled_from(["1.2 million", "3bn", "$5m", "40%", "2882015", "19-Nov-12", "-5"])
    )
    tail = draw(st.sampled_from(TAILS)).format(n=draw(st.integers(0, 999)))
    s = f"{draw(st.sampled_from(QUALS))} {n} {draw(st.sampled_from(NOUNS))} {draw(st.sampled_from(VERBS))}{tail}."
    return s.strip().capitalize()


texts = st.lists(sentence(), min_size=1, max_size=4).map(" ".join) | st.text(max_size=120)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_figures_stage_on_generated_sentences(ctx, text: str) -> None:
    if not text.strip():
        return
    [ann] = extract([Article(id="f", text=text)], ctx, select_stages(["figures"]))
    for f in ann.figures:
        assert 0 <= f.span.start < f.span.end <= len(text)
        assert text[f.span.start : f.span.end] == f.text
        assert math.isfinite(f.value), f
        assert f.value >= 0 or "-" in f.text or "\u2212" in f.text, f  # a minus sign only from the text
        assert f.kind in FIGURE_KINDS, f
        assert f.approx is None or f.approx in QUALIFIERS or f.approx in VAGUE, f  # "hundreds"
        if f.part_of is not None:
            assert 0 <= f.part_of.start < f.part_of.end <= len(text)
