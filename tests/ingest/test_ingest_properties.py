"""Property tests: no exception escapes any reader; text exactly decoded; ids stable."""

from __future__ import annotations

import codecs
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.ingest import (
    DateError,
    article_id,
    decode_bytes,
    find_byline_date,
    fingerprint,
    parse_date,
    read_articles,
    similarity,
)
from newsledger.model import Article

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("props")


def _read(path: Path, manifest: Path | None = None) -> list[Article | InputError]:
    out = list(
        read_articles([path] if manifest is None else [], manifest=manifest, on_warning=lambda _m: None)
    )
    for item in out:
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert "report a bug" not in item.message, item.message  # the last-resort guard never fires
        if isinstance(item, Article):
            assert item.id == article_id(item.text) and item.text.strip()
            item.text.encode("utf-8")  # storable
    return out


_counter = itertools.count()


def _file(workdir: Path, suffix: str, data: bytes) -> Path:
    p = workdir / f"f{next(_counter)}{suffix}"
    p.write_bytes(data)
    return p


printable_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"), max_size=400
)


@SETTINGS
@given(text=printable_text, bom=st.sampled_from([b"", codecs.BOM_UTF8]))
def test_txt_roundtrip(workdir: Path, text: str, bom: bytes) -> None:
    p = _file(workdir, ".txt", bom + text.encode("utf-8"))
    out = _read(p)
    assert len(out) == 1
    if text.strip():
        [a] = out
        assert isinstance(a, Article) and a.text == text
        assert _read(p)[0].id == a.id  # re-reading gives the same id
    else:
        assert isinstance(out[0], InputError)


@SETTINGS
@given(text=printable_text, enc=st.sampled_from(["utf-16", "utf-32", "utf-8-sig"]))
def test_txt_bom_encodings(workdir: Path, text: str, enc: str) -> None:
    p = _file(workdir, ".txt", text.encode(enc))
    [item] = _read(p)
    if text.strip():
        assert isinstance(item, Article) and item.text == text


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_decode_any_bytes(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, name="x")
    except InputError as e:
        assert e.hint
    else:
        assert isinstance(decoded.text, str)


@SETTINGS
@given(
    data=st.binary(max_size=1500),
    suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".rss", ".xml", ".bin"]),
)
def test_any_bytes_any_reader(workdir: Path, data: bytes, suffix: str) -> None:
    _read(_file(workdir, suffix, data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(max_size=200) | json_values,
        "title": st.text(max_size=30) | json_values,
        "published": st.sampled_from(["2021-02-03", "19-Nov-12", "", "2021-02-30"]) | json_values,
        "url": st.text(max_size=30) | json_values,
        "outlet": st.text(max_size=30) | json_values,
        "language": st.sampled_from(["en", "en-US", ""]) | json_values,
    },
)


@SETTINGS
@given(recs=st.lists(records | json_values, min_size=1, max_size=5))
def test_jsonl_records(workdir: Path, recs: list[object]) -> None:
    p = _file(workdir, ".jsonl", "\n".join(json.dumps(r) for r in recs).encode("utf-8"))
    out = _read(p)
    assert len(out) == len(recs)  # one result per line
    for rec, item in zip(recs, out, strict=True):
        if isinstance(item, Article):
            assert isinstance(rec, dict) and item.text == rec["text"]


@SETTINGS
@given(doc=json_values | st.lists(records, max_size=4))
def test_json_documents(workdir: Path, doc: object) -> None:
    _read(_file(workdir, ".json", json.dumps(doc).encode("utf-8")))


html_bits = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "<script>",
            "</script>",
            "<b>",
            "<!--",
            "-->",
            "<html>",
            "<body>",
            "&amp;",
            "&#0;",
            "<",
        ]
    )
    | st.text(max_size=40),
    max_size=30,
).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=html_bits)
def test_html_never_raises(workdir: Path, body: str) -> None:
    _read(_file(workdir, ".html", body.encode("utf-8", "surrogatepass")))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(max_size=30), body=html_bits, date=st.text(max_size=30))
def test_feed_never_raises(workdir: Path, title: str, body: str, date: str) -> None:
    from xml.sax.saxutils import escape

    feed = (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<item><title>{escape(title)}</title><pubDate>{escape(date)}</pubDate>"
        f"<description>{escape(body)}</description></item>{body}</channel></rss>"
    )
    _read(_file(workdir, ".rss", feed.encode("utf-8", "surrogatepass")))


@SETTINGS
@given(
    lines=st.lists(
        records.map(lambda r: {**r, "path": "doc.txt"}) | json_values | st.text(max_size=30), max_size=6
    )
)
def test_manifest_never_raises(workdir: Path, lines: list[object]) -> None:
    (workdir / "doc.txt").write_text("Doc\nbody", encoding="utf-8")
    m = _file(workdir, ".jsonl", "\n".join(json.dumps(x) for x in lines).encode("utf-8"))
    _read(m, manifest=m)


@SETTINGS
@given(value=st.text(max_size=40))
def test_parse_date_total(value: str) -> None:
    try:
        d = parse_date(value)
    except DateError:
        return
    assert d is None or 1900 <= d.year <= 2199


@SETTINGS
@given(text=st.text(max_size=600))
def test_byline_total(text: str) -> None:
    d = find_byline_date(text)
    assert d is None or 1900 <= d.year <= 2199


@SETTINGS
@given(text=st.text(max_size=300), other=st.text(max_size=300))
def test_fingerprint_properties(text: str, other: str) -> None:
    fp = fingerprint(text)
    assert fp == fingerprint(text)  # deterministic
    s = similarity(fp, fingerprint(other))
    assert 0.0 <= s <= 1.0
    if any(c.isalnum() for c in text):
        assert similarity(fp, fp) == 1.0
