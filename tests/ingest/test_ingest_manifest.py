"""Manifests (.jsonl and .csv): relative paths, metadata, per-line errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from newsledger.ingest import Metadata


def _corpus(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text("Report A\n\nSomething happened on Friday.", encoding="utf-8")
    (docs / "sub" / "b.txt").write_text("Report B\n 4 May 2021 \nAnother thing happened.", encoding="utf-8")
    (docs / "c.txt").write_text("Report C\n\nNo byline here.", encoding="utf-8")
    return docs


def _write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return path


def test_jsonl_manifest_resolves_relative_paths(tmp_path: Path, run) -> None:
    docs = _corpus(tmp_path)
    m = _write_jsonl(
        docs / "manifest.jsonl",
        [
            {
                "path": "a.txt",
                "published": "2020-11-13",
                "outlet": "Wire One",
                "url": "https://one.example/a",
                "note": "x",
            },
            {"path": "sub/b.txt", "published": None, "language": "en"},
            {"path": "c.txt", "title": "Given title"},
        ],
    )
    arts, errs = run([], manifest=m)
    assert not errs
    a, b, c = arts
    assert (a.published, a.published_source, a.outlet, a.url) == (
        dt.date(2020, 11, 13),
        "manifest",
        "Wire One",
        "https://one.example/a",
    )
    assert Path(a.source_file).name == "a.txt" and Path(a.source_file).exists()
    assert (b.published, b.published_source) == (dt.date(2021, 5, 4), "byline")
    assert (c.published, c.published_source, c.title) == (None, None, "Given title")
    assert c.text.startswith("Report C")  # the title field does not change the text


def test_manifest_is_relative_to_its_folder_not_cwd(tmp_path: Path, run, monkeypatch) -> None:
    docs = _corpus(tmp_path)
    _write_jsonl(docs / "m.jsonl", [{"path": "a.txt"}])
    monkeypatch.chdir(tmp_path)
    arts, errs = run([], manifest=Path("docs/m.jsonl"))
    assert not errs and len(arts) == 1


def test_bad_lines_are_reported_and_rest_read(tmp_path: Path, run) -> None:
    docs = _corpus(tmp_path)
    m = _write_jsonl(
        docs / "manifest.jsonl",
        [
            {"path": "a.txt", "published": "2020-11-13"},
            {"path": "missing.txt", "published": "2020-11-14"},
            {"path": "c.txt", "published": "19-Nov-12"},
            {"path": "c.txt", "published": "2882015"},
            "{not json",
            "[1, 2]",
            {"published": "2020-11-13"},
            {"path": "c.txt", "outlet": 7},
            "",
            {"path": "sub/b.txt"},
        ],
    )
    arts, errs = run([], manifest=m)
    assert [Path(a.source_file).name for a in arts] == ["a.txt", "b.txt"]
    msgs = [e.message for e in errs]
    assert len(msgs) == 7
    assert "line 2" in msgs[0] and "missing.txt" in msgs[0] and "does not exist" in msgs[0]
    assert "line 3" in msgs[1] and "19-Nov-12" in msgs[1] and "YYYY-MM-DD" in msgs[1]
    assert "line 4" in msgs[2] and "2882015" in msgs[2]
    assert "line 5" in msgs[3] and "not valid JSON" in msgs[3]
    assert "line 6" in msgs[4]
    assert "line 7" in msgs[5] and "path" in msgs[5]
    assert "line 8" in msgs[6] and "outlet" in msgs[6]
    assert all(str(m) in e.message for e in errs)


def test_csv_manifest(tmp_path: Path, run) -> None:
    docs = _corpus(tmp_path)
    m = docs / "manifest.csv"
    m.write_text(
        "path,published,outlet,url\na.txt,2020-11-13,Wire One,https://one.example/a\nmissing.txt,,,\nc.txt,bad,,\n",
        encoding="utf-8",
    )
    arts, errs = run([], manifest=m)
    assert [(Path(a.source_file).name, a.published, a.outlet) for a in arts] == [
        ("a.txt", dt.date(2020, 11, 13), "Wire One")
    ]
    assert len(errs) == 2 and "line 3" in errs[0].message and "line 4" in errs[1].message


def test_csv_manifest_without_path_column(tmp_path: Path, run) -> None:
    m = tmp_path / "m.csv"
    m.write_text("file,date\na.txt,2020-01-01\n", encoding="utf-8")
    arts, [e] = run([], manifest=m)
    assert not arts and "path" in e.message


def test_missing_manifest_is_an_error_value(tmp_path: Path, run) -> None:
    arts, [e] = run([], manifest=tmp_path / "nope.jsonl")
    assert not arts and "nope.jsonl" in e.message and "not found" in e.message


def test_inputs_with_manifest_take_its_metadata(tmp_path: Path, run) -> None:
    docs = _corpus(tmp_path)
    m = _write_jsonl(tmp_path / "m.jsonl", [{"path": "docs/a.txt", "published": "2020-11-13", "outlet": "M"}])
    flags = Metadata(outlet="Flag", published=dt.date(2001, 1, 1))
    arts, errs = run([docs / "a.txt", docs / "c.txt"], manifest=m, defaults=flags)
    assert not errs
    a, c = arts
    assert (a.published_source, a.outlet) == ("manifest", "M")
    assert (c.published_source, c.outlet, c.published) == ("flag", "Flag", dt.date(2001, 1, 1))


def test_manifest_entry_may_name_other_formats(tmp_path: Path, run) -> None:
    (tmp_path / "x.jsonl").write_text(
        json.dumps({"text": "JSON story\nbody", "published": "2019-01-02"}) + "\n", encoding="utf-8"
    )
    m = _write_jsonl(tmp_path / "m.jsonl", [{"path": "x.jsonl", "outlet": "Manifest Outlet"}])
    [a], errs = run([], manifest=m)
    assert not errs and (a.outlet, a.published.isoformat(), a.published_source) == (
        "Manifest Outlet",
        "2019-01-02",
        "file",
    )


def test_seed_manifest(shared_dir: Path, run) -> None:
    arts, errs = run([], manifest=shared_dir / "seeds" / "manifest.jsonl")
    assert not errs and len(arts) == 2
    for a in arts:
        raw = Path(a.source_file).read_text(encoding="utf-8")
        assert a.text == raw and a.published_source == "manifest"


def test_odd_paths_in_manifest(tmp_path: Path, run) -> None:
    (tmp_path / "sub").mkdir()
    m = _write_jsonl(
        tmp_path / "m.jsonl",
        [
            {"path": "~no-such-user-xyz/a.txt"},
            {"path": "a\u0000b.txt"},
            {"path": "x" * 5000},
            {"path": "sub"},
        ],
    )
    arts, errs = run([], manifest=m)
    assert not arts and len(errs) == 4
    assert "folder" in errs[3].message
    assert all("report a bug" not in e.message for e in errs)


def test_seed_files_without_manifest_use_bylines(shared_dir: Path, run) -> None:
    manifest = [json.loads(x) for x in (shared_dir / "seeds" / "manifest.jsonl").read_text().splitlines()]
    files = [shared_dir / "seeds" / e["path"] for e in manifest]
    arts, errs = run(files)
    assert not errs
    for a, e in zip(arts, manifest, strict=True):
        # where a seed has a byline, it agrees with the manifest; otherwise the date stays unknown
        if a.published_source == "byline":
            assert a.published.isoformat() == e["published"]
        else:
            assert a.published is None
    assert any(a.published_source == "byline" for a in arts)
