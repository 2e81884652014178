"""The claims stage on sentences we wrote, quotation spans, and the seed attributions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.model import Article, Claim
from newsledger.pipeline import parse
from newsledger.stages import claims

CASES = json.loads((Path(__file__).parent / "claim_cases.json").read_text())["cases"]


def run(ctx, text: str) -> tuple[Claim, ...]:
    parsed = parse([Article(id="t", text=text)], ctx)[0]
    return claims.STAGE.func(parsed, ctx).claims


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_claim_cases(ctx, case: dict) -> None:
    found = run(ctx, case["text"])
    for want in case["expect"]:
        match = [c for c in found if want["content"] in c.text]
        assert match, f"no claim contains {want['content']!r}: {found}"
        c = match[0]
        assert want["source"].casefold() in (c.source or "").casefold(), c
        assert want["cue"].casefold() in (c.cue or "").casefold(), c
        assert case["text"][c.span.start : c.span.end] == c.text
        assert c.cue_span is not None and case["text"][c.cue_span.start : c.cue_span.end] == c.cue
    for phrase in case.get("absent", ()):
        assert not any(phrase in c.text for c in found), (phrase, found)
    if not case["expect"]:
        assert found == ()


def test_nested_claims_are_not_doubled(ctx) -> None:
    text = "The agency reported that the minister said the port was closed."
    found = run(ctx, text)
    assert len(found) == 1 and found[0].source == "The agency"


def test_seed_attributions(ctx, shared_dir: Path) -> None:
    """The attributions of the seed ledger: claim text and source as expected."""
    seeds = shared_dir / "seeds"
    expected = json.loads((seeds / "expected.json").read_text())
    docs = {k: (seeds / d["file"]).read_text(encoding="utf-8") for k, d in expected["documents"].items()}
    found = {k: run(ctx, text) for k, text in docs.items()}
    for a in expected["attributions"]:
        ok = any(
            a["claim_contains"] in c.text
            and any(s.casefold() in (c.source or "").casefold() for s in a["source_any"])
            for c in found[a["doc"]]
        )
        assert ok, f"{a} not in {[(c.source, c.text[:60]) for c in found[a['doc']]]}"


_SOUP = ['"', "“", "”", ":", "\n", "\n\n", "said", "he", "Ana Lopez", ",", ".", "5,000", "dozens of", "people",
         "killed", "according", "to", "the", "ministry", "$", "%", "1993", "366th", "Read:", "—", "(", "wrote",
         "who", "claim", "that", "'s", "square", "kilometers", "more than"]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_SOUP), max_size=40))
def test_any_text_gives_consistent_spans(ctx, words: list[str]) -> None:
    """Figures and claims never crash and their texts are exactly the spans they point at."""
    from newsledger.stages import figures

    text = " ".join(words)
    parsed = parse([Article(id="t", text=text)], ctx)[0]
    out = claims.STAGE.func(figures.STAGE.func(parsed, ctx), ctx)
    for f in out.figures:
        assert text[f.span.start : f.span.end] == f.text
    for c in out.claims:
        assert text[c.span.start : c.span.end] == c.text
        assert c.cue_span is None or text[c.cue_span.start : c.cue_span.end] == c.cue
