"""The commitments stage on our own sentences: deadlines, elliptical lists, amendments, parties."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from newsledger.model import Article, PlaceMention, Span
from newsledger.pipeline import parse
from newsledger.reconcile.actions import family
from newsledger.stages import commitments, dates

CASES = json.loads((Path(__file__).parent / "commitment_cases.json").read_text())


def places_in(article: Article) -> tuple[PlaceMention, ...]:
    """Stand-in for the places stage: every listed name found in the text."""
    out = []
    for name, (feature, country) in CASES["places"].items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", article.text):
            out.append(
                PlaceMention(
                    Span(article.id, m.start(), m.end()),
                    name,
                    name,
                    f"test:{name}",
                    0.0,
                    0.0,
                    feature,
                    None,
                    country,
                )
            )
    return tuple(sorted(out, key=lambda p: p.span.start))


def run(ctx, text: str, published: str):
    art = Article("t" + str(abs(hash(text)))[:10], text, published=dt.date.fromisoformat(published))
    (a,) = parse([art], ctx)
    a = dates.dates(a, ctx).add(places=places_in(art))
    return commitments.commitments(a, ctx)


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["text"][:40])
def test_commitment_cases(ctx, case):
    got = run(ctx, case["text"], case["published"]).commitments
    assert len(got) == len(case["expect"]), [(c.text, c.deadline) for c in got]
    for c, want in zip(got, case["expect"], strict=True):
        assert c.place is not None and c.place.name == want["place"]
        assert c.deadline == want["deadline"]
        assert c.amendment == want["amendment"]
        assert family(c.action) == want["family"]
        for party in ("obligor", "beneficiary"):
            if party in want:
                assert getattr(c, party) == want[party], party
        # every mention points at its own words in the text
        assert case["text"][c.span.start : c.span.end] == c.text


def test_stage_contract():
    assert commitments.STAGE.name == "commitments"
    assert commitments.STAGE.assigns == ("commitments",)
    assert set(commitments.STAGE.requires) == {"dates", "places", "claims", "events"}
