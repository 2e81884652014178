"""Plain-text reader: exact decoded text, titles, encodings, bad files, limits, ids."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsledger.ingest import MAX_TEXT_CHARS, Metadata, article_id

STORY = "Bridge reopens after repairs\n\n  3 March 2021    Read: 12\n\r\nThe bridge reopened on Tuesday, the council said.\n"


def test_text_is_decoded_file_exactly(tmp_path: Path, run) -> None:
    p = tmp_path / "story.txt"
    p.write_bytes(STORY.encode("utf-8"))
    [a], errs = run([p])
    assert not errs
    assert a.text == STORY  # CRLF, leading blanks and trailing newline kept
    assert a.title == "Bridge reopens after repairs"
    assert a.id == article_id(STORY) and len(a.id) == 16
    assert a.source_file == str(p) and Path(a.source_file).name == "story.txt"
    assert (a.published.isoformat(), a.published_source) == ("2021-03-03", "byline")
    assert a.language == "en"


def test_same_file_same_id(tmp_path: Path, run) -> None:
    p = tmp_path / "a.txt"
    p.write_text(STORY, encoding="utf-8")
    q = tmp_path / "copy.txt"
    q.write_text(STORY, encoding="utf-8")
    arts, _ = run([p, p, q])
    assert len({a.id for a in arts}) == 1


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
def test_bom_stripped(tmp_path: Path, run, encoding: str, bom: bytes) -> None:
    text = "Ağdam — Şuşa: “quotes” and ünïcödé\nsecond line"
    p = tmp_path / "bom.txt"
    p.write_bytes(bom + text.encode(encoding))
    [a], errs = run([p])
    assert not errs and a.text == text and not run.warnings


def test_latin1_fallback_warns(tmp_path: Path, run) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Café closes\n\nThe café in the square closed – for good.".encode("cp1252"))
    [a], errs = run([p])
    assert not errs
    assert a.text == "Café closes\n\nThe café in the square closed – for good."
    assert any("latin.txt" in w and "not valid UTF-8" in w for w in run.warnings)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.bin", bytes(range(256)) * 40, "not a text file (binary content)"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \r\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200, "binary"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8A", "not valid UTF-16"),
    ],
)
def test_bad_files_are_reported(tmp_path: Path, run, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Good story\nText.", encoding="utf-8")
    arts, errs = run([tmp_path / name, good])
    assert [a.title for a in arts] == ["Good story"]
    [e] = errs
    assert name in e.message and message in e.message
    assert e.hint  # says what to do


def test_binary_message_matches_brief(tmp_path: Path, run) -> None:
    p = tmp_path / "notes.bin"
    p.write_bytes(b"\x00\x01\x02\x03" * 100)
    _, [e] = run([p])
    assert e.message.endswith(
        "notes.bin: not a text file (binary content). Remove it from the input or convert it to text."
    )


def test_missing_input(tmp_path: Path, run) -> None:
    arts, [e] = run([tmp_path / "nope.txt"])
    assert not arts and "nope.txt" in e.message and "not found" in e.message


def test_50mb_text_is_cut_with_warning(tmp_path: Path, run) -> None:
    p = tmp_path / "huge.txt"
    line = "The committee met again and the talks continued without a result, officials said.\n"
    with p.open("w", encoding="utf-8") as f:
        f.write("A very long report\n")
        for _ in range(50 * 1024 * 1024 // len(line)):
            f.write(line)
    [a], errs = run([p])
    assert not errs
    assert len(a.text) <= MAX_TEXT_CHARS and a.text.endswith("\n")
    assert a.text == p.read_text(encoding="utf-8")[: len(a.text)]
    assert any("huge.txt" in w and "first" in w for w in run.warnings)


def test_cut_never_splits_a_character(tmp_path: Path, run) -> None:
    p = tmp_path / "wide.txt"
    p.write_bytes(("Ağ" * (MAX_TEXT_CHARS * 2)).encode("utf-8"))  # no line breaks, 2-byte chars
    [a], errs = run([p])
    assert not errs and len(a.text) == MAX_TEXT_CHARS and set(a.text) == {"A", "ğ"}


def test_directory_recursive_sorted_and_skips(tmp_path: Path, run) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two\nbody", encoding="utf-8")
    (tmp_path / "one.txt").write_text("One\nbody", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\nbody", encoding="utf-8")
    (tmp_path / "README.md").write_text("# readme", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"path": "one.txt"}\n', encoding="utf-8")
    arts, errs = run([tmp_path])
    assert not errs
    assert [a.title for a in arts] == ["Two", "One"] or [a.title for a in arts] == ["One", "Two"]
    assert {Path(a.source_file).name for a in arts} == {"one.txt", "two.txt"}
    assert any("manifest.jsonl" in w and "--manifest" in w for w in run.warnings)
    assert any("README.md" in w for w in run.warnings)


def test_flags_are_defaults(tmp_path: Path, run) -> None:
    p = tmp_path / "s.txt"
    p.write_text("Title\n\nBody without a byline.", encoding="utf-8")
    import datetime as dt

    flags = Metadata(
        published=dt.date(2022, 11, 11), outlet="Flag Wire", url="https://f.example/1", language="en"
    )
    [a], _ = run([p], defaults=flags)
    assert (a.published, a.published_source, a.outlet, a.url) == (
        dt.date(2022, 11, 11),
        "flag",
        "Flag Wire",
        "https://f.example/1",
    )


def test_unknown_extension_sniffed_as_text(tmp_path: Path, run) -> None:
    p = tmp_path / "report.dat"
    p.write_text("Plain title\nplain body", encoding="utf-8")
    [a], errs = run([p])
    assert not errs and a.title == "Plain title"


def test_odd_input_paths(run) -> None:
    arts, errs = run(["a\u0000b.txt", "x" * 5000, "~no-such-user-xyz/a.txt"])
    assert not arts and len(errs) == 3 and all("not found" in e.message for e in errs)
