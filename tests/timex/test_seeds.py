"""The seed reports' temporal expressions (read from ../shared/seeds/expected.json) come out right."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest

from newsledger.timex import tag_dates


def fold(s: str | None) -> str:
    return unicodedata.normalize("NFKC", s or "").casefold().strip()


@pytest.mark.shared
def test_seed_timexes(shared_dir, ctx) -> None:
    seeds = shared_dir / "seeds"
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    manifest = [
        json.loads(line) for line in (seeds / "manifest.jsonl").read_text().splitlines() if line.strip()
    ]
    by_doc = {m["path"][:3]: m for m in manifest}
    found = {}
    for key, m in by_doc.items():
        text = (seeds / m["path"]).read_text(encoding="utf-8-sig")
        pub = dt.date.fromisoformat(m["published"]) if m.get("published") else None
        found[key] = tag_dates(text, pub, doc=ctx.nlp(text))
    missing = []
    for t in expected["timexes"]:
        want = fold(t["text"])
        ok = any(
            (want in fold(x.text) or fold(x.text) in want) and x.value == t["value"] for x in found[t["doc"]]
        )
        if not ok:
            missing.append(f"{t['doc']} {t['text']!r} = {t['value']}")
    assert not missing, missing
