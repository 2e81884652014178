"""Evidence beyond one sentence: people both reports name, and the words of one kind of happening."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.reconcile.similarity import LIGHT_TRIGGERS, person_keys, same_sense, trigger_key

CASES = json.loads((Path(__file__).with_name("similarity_cases.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("word", "key"), CASES["trigger_key"])
def test_forms_of_one_event_word_share_a_key(word: str, key: str) -> None:
    assert trigger_key(word) == key


@pytest.mark.parametrize(("a", "b", "same"), CASES["same_sense"])
def test_words_of_one_kind_of_happening(a: str, b: str, same: bool) -> None:
    assert same_sense(trigger_key(a), trigger_key(b)) is same


@pytest.mark.parametrize(("names", "keys"), CASES["person_keys"])
def test_full_names_reduce_to_first_and_last(names: list[str], keys: list[list[str]]) -> None:
    assert sorted(person_keys(names)) == [tuple(k) for k in keys]


def test_reporting_verbs_are_light() -> None:
    assert {trigger_key("said"), trigger_key("told")} <= LIGHT_TRIGGERS
    assert trigger_key("shot") not in LIGHT_TRIGGERS
