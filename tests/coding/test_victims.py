"""Counting the dead and injured of one sentence from its victim phrases (sentences we wrote)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.coding.toll import tally
from newsledger.coding.victims import victims_in

CASES = json.loads((Path(__file__).with_name("victim_cases.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_dead_and_injured_of_a_sentence(ctx, case: dict) -> None:  # type: ignore[type-arg]
    t = tally(victims_in(ctx.nlp(case["text"])))
    assert (t.dead, t.injured) == (case["dead"], case["injured"]), t.why


def test_a_victim_named_twice_counts_once(ctx) -> None:
    vs = victims_in(ctx.nlp("A woman was shot and killed, and she was later identified by her family."))
    assert [(v.kind, v.n) for v in vs] == [("dead", 1)]


def test_every_count_says_which_phrase_and_predicate(ctx) -> None:
    t = tally(victims_in(ctx.nlp("Two people were killed and three others were wounded.")))
    assert "'people' (killed)" in t.why and "'others' (wounded)" in t.why
