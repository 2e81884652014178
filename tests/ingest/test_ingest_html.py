"""The HTML reader's fallbacks: pages built by scripts, pages the parsers refuse, undeclared encodings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.ingest.htmlfile import (
    extract_html,
    has_words,
    noscript_text,
    page_source,
    strip_tags,
    without_noscript,
)


@pytest.mark.parametrize(
    "text,ok",
    [("", False), (".", False), ("|", False), ("x", False), ("OK", False), ("Two words", True),
     ("北京今天下雨", True), ("1 2 3 4", False)],
)  # fmt: skip
def test_has_words(text: str, ok: bool) -> None:
    assert has_words(text) is ok


def test_noscript_text_is_read_alone_only_when_the_page_shows_nothing() -> None:
    shown = (
        b"<html><body><p>The pier reopened on Sunday.</p><noscript>Enable scripts</noscript></body></html>"
    )
    assert extract_html(shown, "a.html", warn=pytest.fail)[0] == "The pier reopened on Sunday."
    hidden = (
        b"<html><head><noscript><p>The pier reopened on Sunday.</p></noscript></head><body>.</body></html>"
    )
    warnings: list[str] = []
    assert extract_html(hidden, "b.html", warn=warnings.append)[0] == "The pier reopened on Sunday."
    assert warnings == ["b.html: the page has no visible text; its <noscript> text is read instead"]


def test_a_page_of_scripts_and_a_lone_mark_says_what_to_do() -> None:
    with pytest.raises(InputError) as e:
        extract_html(b"<html><body><div id='app'>.</div><script>boot()</script></body></html>", "c.html")
    assert "no article text found" in e.value.message and "JavaScript" in e.value.message


def test_strip_tags_drops_hidden_blocks_and_keeps_text() -> None:
    page = (
        "<div><script>var a = '<p>no</p>';</script><STYLE>p{}</STYLE><!-- <p>no</p> -->"
        "<p>Rain &amp; wind</p><noscript>no</noscript><br>closed the road</div>"
    )
    assert strip_tags(page) == "Rain & wind\nclosed the road"
    assert strip_tags("<p>open <script>never closed") == "open"


def test_undeclared_latin1_is_decoded_like_a_text_file() -> None:
    data = "<p>Se\u00f1or L\u00f3pez</p>".encode("latin-1")
    page, notes = page_source(data, "d.html")
    assert page == "<p>Se\u00f1or L\u00f3pez</p>" and "decoded as cp1252" in notes[0]
    declared = b'<meta charset="iso-8859-1"><p>Se\xf1or</p>'
    assert page_source(declared) == (declared, ())  # the parsers honour a declared charset
    assert page_source("<p>caf\u00e9</p>".encode()) == ("<p>caf\u00e9</p>".encode(), ())


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<noscript>", "</noscript>", "<!--", "-->",
     "<style>", "</style>", "&amp;", "&lt;", "<br>", "<", ">", "word", " ", "\n", "Ünï", "\x00"]
)  # fmt: skip


@given(st.lists(_TAGS, max_size=60))
def test_fallback_readers_never_raise(parts: list[str]) -> None:
    page = "".join(parts)
    for out in (strip_tags(page), noscript_text(page), strip_tags(page.encode())):
        assert isinstance(out, str) and out == out.strip()


def test_noscript_blocks_are_cut_from_bytes_in_any_ascii_compatible_encoding() -> None:
    page = "<p>Caf\u00e9 \u2013 open</p><NOSCRIPT>Enable JavaScript</NOSCRIPT><p>late</p>"
    for enc in ("utf-8", "cp1252"):
        assert without_noscript(page.encode(enc)) == "<p>Caf\u00e9 \u2013 open</p><p>late</p>".encode(enc)
    assert without_noscript("<p>no block</p>") == "<p>no block</p>"
