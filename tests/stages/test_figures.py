"""The figures stage on sentences we wrote, the number parser (with hypothesis), and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.model import Article, Figure
from newsledger.numbers import parse_number, qualifier
from newsledger.pipeline import parse
from newsledger.stages import figures

CASES = json.loads((Path(__file__).parent / "figure_cases.json").read_text())["cases"]

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """English words for 0 <= n < 10**9 (the test's own oracle)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + in_words(rest) if rest else "")
    for size, name in ((10**6, "million"), (10**3, "thousand")):
        if n >= size:
            rest = n % size
            return in_words(n // size) + " " + name + (" " + in_words(rest) if rest else "")
    raise ValueError(n)


def run(ctx, text: str) -> tuple[Figure, ...]:
    parsed = parse([Article(id="t", text=text)], ctx)[0]
    return figures.STAGE.func(parsed, ctx).figures


@given(st.integers(min_value=0, max_value=10**9 - 1))
def test_words_parse_to_their_value(n: int) -> None:
    assert parse_number(in_words(n)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_thousands_separators(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("million", 10**6), ("billion", 10**9)]))
def test_decimal_with_multiplier(n: int, scale: tuple[str, int]) -> None:
    word, size = scale
    assert parse_number(f"{n / 10} {word}") == pytest.approx(n / 10 * size)


@pytest.mark.parametrize(
    "text,value",
    [("two dozen", 24), ("a dozen", 12), ("dozens", 12), ("hundreds", 100), ("846.7", 846.7),
     ("1.5bn", 1.5e9), ("half a million", 500_000), ("hundreds of thousands", 100_000), ("protesters", None),
     ("three 911", None), ("two 18", None), ("twenty five", 25), ("five hundred twenty", 520)],
)  # fmt: skip
def test_special_numbers(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_qualifiers_are_normalised() -> None:
    assert qualifier("More than") == "more than"
    assert qualifier("approximately") == "about"
    assert qualifier("at least") == "at least"
    assert qualifier("the") is None


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_figure_cases(ctx, case: dict) -> None:
    found = run(ctx, case["text"])
    by_value = {f.value: f for f in found}
    for want in case["expect"]:
        fig = by_value.get(float(want["value"]))
        assert fig is not None, f"{want['value']} not found in {[f.text for f in found]}"
        assert fig.kind == want["kind"], fig
        if "approx" in want:
            assert fig.approx == want["approx"], fig
        if "part_of" in want:
            total = by_value[float(want["part_of"])]
            assert fig.part_of == total.span
        assert case["text"][fig.span.start : fig.span.end] == fig.text
    for absent in case.get("absent", []):
        assert not any(absent in f.text for f in found), f"{absent!r} reported: {found}"


def test_figures_skip_timexes(ctx) -> None:
    from newsledger.model import Span, Timex

    text = "The rally drew 300 people in 1999."
    parsed = parse([Article(id="t", text=text)], ctx)[0]
    start = text.index("1999")
    parsed = parsed.add(timexes=(Timex(Span("t", start, start + 4), "1999", "DATE", "1999"),))
    found = figures.STAGE.func(parsed, ctx).figures
    assert [f.value for f in found] == [300.0]


def test_seed_figures(ctx, shared_dir: Path) -> None:
    """Every figure of the seed ledger is found with its kind; the not-figures are not."""
    seeds = shared_dir / "seeds"
    expected = json.loads((seeds / "expected.json").read_text())
    docs = {k: (seeds / d["file"]).read_text(encoding="utf-8") for k, d in expected["documents"].items()}
    found = {k: run(ctx, text) for k, text in docs.items()}
    for f in expected["figures"]:
        ok = [
            m
            for m in found[f["doc"]]
            if m.value == float(f["value"]) and (f["kind"] == "other" or m.kind == f["kind"])
        ]
        assert ok, f"missing {f}"
        if f.get("approx"):
            assert ok[0].approx == f["approx"]
    for n in expected["not_figures"]:
        assert not any(n["text"].casefold() in m.text.casefold() for m in found[n["doc"]]), n
