"""Evidence beyond one sentence: people both reports name, and the words of one kind of happening."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@given(st.lists(st.text(max_size=40), max_size=5))
def test_person_keys_are_pairs_of_plain_words_whatever_the_input(names: list[str]) -> None:
    keys = person_keys(names)
    assert keys == person_keys(reversed(names))
    for first, last in keys:
        assert first.isalpha() and last.isalpha()
        assert first == first.casefold() and last == last.casefold()


@given(st.text(max_size=30))
def test_trigger_key_never_fails_and_is_stable(word: str) -> None:
    key = trigger_key(word)
    assert isinstance(key, str)
    assert trigger_key(word) == key
