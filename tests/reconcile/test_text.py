"""Spelling-insensitive names: the fast paths (plain ASCII text, names compared before) give what
the general ones give."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsledger.reconcile.text import SameActor, actor_words, fold, same_actor, same_actor_words


def _fold_unicode(s: str) -> str:
    """``fold`` without its ASCII shortcut."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("ı", "i").replace("ə", "e")
    return " ".join(s.split())


def test_fold_strips_accents_case_and_spaces() -> None:
    assert fold("Ağdam ") == "agdam"
    assert fold("  New\tYORK  City ") == "new york city"
    assert fold("Qəbələ") == "qebele"
    assert fold(None) == fold("") == ""


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_fold_of_ascii_text_equals_the_unicode_path(s: str) -> None:
    assert fold(s) == _fold_unicode(s)


@given(st.text())
def test_fold_of_any_text_equals_the_unicode_path(s: str) -> None:
    assert fold(s) == _fold_unicode(s)


NAMES = [
    "Military Forces of Azerbaijan",
    "Azerbaijani army",
    "Armenia",
    "Armenian forces",
    "Military Forces of Ukraine",
    "Ukrainian army",
    "Police Forces of Russia",
    "Gunmen",
    "Group 5",
    None,
    "",
]


def test_same_actor_remembered_gives_what_same_actor_gives() -> None:
    same = SameActor()
    for a in NAMES:
        for b in NAMES:
            assert same(a, b) == same_actor(a, b)
            assert same(a, b) == same_actor(a, b)  # asked again: remembered
    assert same("Military Forces of Ukraine", "Ukrainian army")
    assert not same("Armenia", "Military Forces of Azerbaijan")
    assert same.words("Military Forces of Azerbaijan") == actor_words("Military Forces of Azerbaijan")


WORDS = st.lists(
    st.sampled_from(["armenia", "armenian", "azerbaijan", "azerbaijani", "kyiv", "group"]), max_size=3
)


@given(WORDS, WORDS)
def test_same_actor_words_is_every_word_of_the_shorter_matched(a: list[str], b: list[str]) -> None:
    wa, wb = tuple(a), tuple(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    from newsledger.reconcile.text import same_folded

    want = bool(wa and wb) and all(any(same_folded(x, y) for y in long_) for x in short)
    assert same_actor_words(wa, wb) == want
