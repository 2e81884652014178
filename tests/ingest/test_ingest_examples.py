"""The bundled sample corpus reads cleanly and has the shape the demo relies on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_manifest_reads_without_errors(run) -> None:
    arts, errs = run([], manifest=EXAMPLES / "manifest.jsonl")
    assert not errs, [e.message for e in errs]
    assert not run.warnings
    assert len(arts) >= 14
    assert len({a.id for a in arts}) == len(arts)
    for a in arts:
        words = len(a.text.split())
        assert 150 <= words <= 350, (a.source_file, words)
        assert a.published is not None and a.outlet and a.title, a.source_file
        assert a.url and ".example/" in a.url
    suffixes = Counter(Path(a.source_file).suffix for a in arts)
    assert {".txt", ".html", ".jsonl", ".rss"} <= set(suffixes)
    assert {a.published_source for a in arts} == {"manifest", "byline", "file"}
    assert len({a.outlet for a in arts}) >= 5


def test_every_manifest_path_exists() -> None:
    for line in (EXAMPLES / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert (EXAMPLES / entry["path"]).is_file(), entry["path"]


def test_examples_are_not_near_duplicates(run) -> None:
    from newsledger.ingest import fingerprint, similarity

    arts, _ = run([], manifest=EXAMPLES / "manifest.jsonl")
    prints = [fingerprint(a.text) for a in arts]
    for i in range(len(prints)):
        for j in range(i + 1, len(prints)):
            assert similarity(prints[i], prints[j]) < 0.3
