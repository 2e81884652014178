"""HTML, JSON/JSONL and feed readers: text, metadata, bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html><html lang="en-GB"><head><title>Dam repair finished | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="og:url" content="https://valley.example/dam">
{date_meta}
<script>window.tracking = {{"a": 1}}; for (;;) {{}}</script><style>p {{ color: red }}</style>
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Dam repair finished</h1>
<p>Engineers finished repairing the river dam on Thursday, the regional water authority said in a statement.</p>
<p>About 1,200 residents who had left their homes as a precaution were allowed to return, according to the authority.</p>
<p>The authority said the work had taken three weeks and cost less than planned.</p>
</article><footer>© 2019 Valley Post. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path, run) -> None:
    p = tmp_path / "dam.html"
    p.write_text(
        PAGE.format(date_meta='<meta property="article:published_time" content="2021-06-10T08:00:00Z">'),
        encoding="utf-8",
    )
    [a], errs = run([p])
    assert not errs
    assert "Engineers finished repairing the river dam" in a.text
    assert "window.tracking" not in a.text and "color: red" not in a.text and "Home" not in a.text
    assert a.title == "Dam repair finished"
    assert (a.outlet, a.url, a.language) == ("Valley Post", "https://valley.example/dam", "en")
    assert (a.published, a.published_source) == (dt.date(2021, 6, 10), "file")


def test_html_copyright_year_is_not_a_date(tmp_path: Path, run) -> None:
    p = tmp_path / "dam.htm"
    p.write_text(PAGE.format(date_meta=""), encoding="utf-8")
    [a], errs = run([p])
    assert not errs and a.published is None and a.published_source is None


@pytest.mark.parametrize(
    ("name", "html", "ok"),
    [
        ("truncated.html", PAGE.format(date_meta="")[:900], True),
        (
            "malformed.html",
            "<html><body><p>Protesters gathered <b>in the square <i>on Monday, police said.</p></div></span>",
            True,
        ),
        (
            "scripts.html",
            "<html><head>"
            + "<script>var a = '<p>not text</p>';</script>" * 500
            + "</head><body></body></html>",
            False,
        ),
        ("empty.html", "", False),
        ("nul.html", "\x00\x01\x02" * 100, False),
        # deeper than the HTML parsers go: read with the tags stripped
        (
            "deep.html",
            "<div>" * 20000 + "<p>The mayor said the bridge is closed.</p>" + "</div>" * 20000,
            True,
        ),
        ("unclosed-scripts.html", "<script>" * 20000, False),
    ],
)
def test_bad_html(tmp_path: Path, run, name: str, html: str, ok: bool) -> None:
    (tmp_path / name).write_text(html, encoding="utf-8")
    arts, errs = run([tmp_path / name])
    if ok:
        assert len(arts) == 1 and not errs and "<" not in arts[0].text
    else:
        assert not arts and len(errs) == 1 and name in errs[0].message and errs[0].hint
        assert "not text" not in errs[0].message


def test_json_forms(tmp_path: Path, run) -> None:
    one = {
        "text": "Single\nbody",
        "published": "2020-01-05",
        "outlet": "O",
        "url": "https://o.example",
        "language": "en",
    }
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "list.json").write_text(
        json.dumps([{"content": "From content\nx"}, {"text": "Second\ny", "title": "T2"}]), encoding="utf-8"
    )
    (tmp_path / "wrapped.json").write_text(
        json.dumps({"articles": [{"text": "Wrapped\nz"}]}), encoding="utf-8"
    )
    arts, errs = run([tmp_path / "one.json", tmp_path / "list.json", tmp_path / "wrapped.json"])
    assert not errs
    assert [a.title for a in arts] == ["Single", "From content", "T2", "Wrapped"]
    assert (arts[0].published, arts[0].published_source, arts[0].outlet) == (dt.date(2020, 1, 5), "file", "O")
    assert arts[2].text == "Second\ny"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"text": 5}, "'text' must be a string, got number"),
        ({"text": ["a"]}, "'text' must be a string, got array"),
        ({"text": "x", "title": {"a": 1}}, "'title' must be a string, got object"),
        ({"text": "x", "published": 2021}, "'published'"),
        ({"text": "x", "published": "19-Nov-12"}, "'published'"),
        ({"text": "x", "outlet": True}, "'outlet' must be a string, got boolean"),
        ({"title": "no text"}, "no 'text'"),
        ({"path": "a.txt"}, "manifest"),
        ({"text": "   "}, "empty"),
        ("just a string", "not an object"),
    ],
)
def test_json_wrong_types(tmp_path: Path, run, record: object, message: str) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(record) + "\n" + json.dumps({"text": "Fine\nbody"}) + "\n", encoding="utf-8")
    arts, errs = run([p])
    assert [a.title for a in arts] == ["Fine"]
    [e] = errs
    assert "bad.jsonl line 1" in e.message and message in e.message and e.hint


@pytest.mark.parametrize(
    ("content", "message"),
    [("{broken", "not valid JSON"), ("42", "number"), ("", "empty"), ("[" * 100_000, "")],
)
def test_bad_json_file(tmp_path: Path, run, content: str, message: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    arts, [e] = run([p])
    assert not arts and "bad.json" in e.message and message in e.message


def test_json_lone_surrogate_replaced(tmp_path: Path, run) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "Odd \\ud800 char\\nbody"}\n', encoding="utf-8")
    [a], errs = run([p])
    assert not errs and a.text == "Odd \ufffd char\nbody"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><language>en-us</language>
<item><title>Floods displace thousands</title><link>https://wire.example/1</link>
<pubDate>Tue, 03 Nov 2020 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Floods displaced about 3,000 people on Monday, officials said.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>No body</title><link>https://wire.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Talks resume</title><link href="https://atom.example/t"/><updated>2022-03-09T12:00:00Z</updated>
<content type="html">&lt;p&gt;Talks resumed on Wednesday.&lt;/p&gt;&lt;p&gt;Both delegations attended.&lt;/p&gt;</content></entry>
</feed>"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title><description>&lol3;</description></item></channel></rss>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&xxe;</description></item></channel></rss>"""


def test_rss(tmp_path: Path, run) -> None:
    p = tmp_path / "wire.rss"
    p.write_text(RSS, encoding="utf-8")
    arts, errs = run([p])
    [a] = arts
    assert a.text == "Floods displaced about 3,000 people on Monday, officials said."
    assert (a.title, a.url, a.outlet, a.language) == (
        "Floods displace thousands",
        "https://wire.example/1",
        "Example Wire",
        "en",
    )
    assert (a.published, a.published_source) == (dt.date(2020, 11, 3), "file")
    [e] = errs
    assert "entry 2" in e.message


def test_atom_sniffed_from_xml(tmp_path: Path, run) -> None:
    p = tmp_path / "desk.xml"
    p.write_text(ATOM, encoding="utf-8")
    [a], errs = run([p])
    assert not errs and a.text == "Talks resumed on Wednesday.\nBoth delegations attended."
    assert a.published == dt.date(2022, 3, 9) and a.outlet == "Atom Desk"


@pytest.mark.parametrize("content", [BOMB, EXTERNAL, BOMB.encode("utf-16").decode("latin-1")])
def test_entity_feeds_rejected(tmp_path: Path, run, content: str) -> None:
    p = tmp_path / "bomb.xml"
    p.write_bytes(content.encode("latin-1") if content.startswith("\xff") else content.encode("utf-8"))
    arts, [e] = run([p])
    assert not arts and "bomb.xml" in e.message and ("entit" in e.message or "unsafe" in e.message)


def test_malformed_feed_read_leniently_or_reported(tmp_path: Path, run) -> None:
    p = tmp_path / "broken.rss"
    p.write_text(RSS.replace("</channel></rss>", ""), encoding="utf-8")
    arts, errs = run([p])
    assert len(arts) + len(errs) >= 1
    assert any("broken.rss" in w for w in run.warnings)


def test_xml_that_is_not_a_feed(tmp_path: Path, run) -> None:
    p = tmp_path / "data.xml"
    p.write_text("<?xml version='1.0'?><root><a>1</a></root>", encoding="utf-8")
    arts, [e] = run([p])
    assert not arts and "no feed entries" in e.message


@pytest.mark.parametrize(
    "fragment", ["<body><!--", "<?pi x?>", "<!-- only a comment -->", "<p></p>\x1f", "\ud800<p>"]
)
def test_html_fragments_found_by_fuzzing(tmp_path: Path, run, fragment: str) -> None:
    p = tmp_path / "odd.html"
    p.write_bytes(fragment.encode("utf-8", "surrogatepass"))
    arts, errs = run([p])
    assert len(arts) + len(errs) == 1
    assert all("report a bug" not in e.message for e in errs)
