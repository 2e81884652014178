"""Property tests of the number parser (``newsledger.numbers``): total on any input, finite values.

tests/stages/test_figures.py checks that numbers written in words and digits parse to their
value; here any text, and any run of number words, must give None or a finite number, never an
exception. ``bench/fuzz.py`` runs the same properties with many more examples.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.numbers import (
    FRACTIONS,
    QUALIFIERS,
    SCALES,
    TENS,
    UNITS,
    VAGUE,
    is_number_word,
    parse_digits,
    parse_number,
    qualifier,
    qualifier_before,
)

VOCAB = sorted({*UNITS, *TENS, *SCALES, *VAGUE, *FRACTIONS, "and", "of", "many", "several", "tens", "-"})
number_words = st.lists(
    st.sampled_from(VOCAB) | st.integers(0, 10**15).map(str) | st.sampled_from(["1,000", "2.5", "3bn", "½"]),
    max_size=12,
).map(" ".join)
numberish = st.text(alphabet=st.sampled_from("0123456789,. -+kmbn\u00a0\u202f\u2009٣１"), max_size=30)


def assert_number(v: float | None) -> None:
    assert v is None or (isinstance(v, float) and math.isfinite(v)), v


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | number_words | numberish)
def test_parse_number_is_total(text: str) -> None:
    assert_number(parse_number(text))
    assert_number(parse_digits(text))


@settings(max_examples=300, deadline=None)
@given(number_words)
def test_runs_of_number_words(text: str) -> None:
    v = parse_number(text)
    assert_number(v)
    if v is not None:
        assert v >= 0 or text.lstrip().startswith("-")  # words never make a negative number


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**15), st.sampled_from([",", "\u00a0", "\u202f", " "]))
def test_grouped_digits(n: int, sep: str) -> None:
    assert parse_number(f"{n:,}".replace(",", sep)) == float(n)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(max_size=12) | st.sampled_from([w for v in QUALIFIERS.values() for w in v]), max_size=6)
)
def test_qualifiers_are_total(words: list[str]) -> None:
    q, n = qualifier_before([w.lower() for w in words])
    assert (q is None and n == 0) or (q in QUALIFIERS and 1 <= n <= min(3, len(words)))
    for w in words:
        assert qualifier(w) in (None, *QUALIFIERS)
        is_number_word(w)
