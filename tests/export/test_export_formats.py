"""`newsledger export`: the JSON contract, ACLED CSV, Parquet and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsledger.errors import ConfigError
from newsledger.export import export_ledger
from newsledger.export.acled import COLUMNS, actor_type
from newsledger.ledger import load_ledger
from newsledger.serialize import event_json

ARTICLE_KEYS = {"id", "source_file", "url", "outlet", "title", "published", "language", "duplicate_of"}
TIMEX_KEYS = {"article", "start", "end", "text", "type", "value"}
PLACE_KEYS = {
    "article",
    "start",
    "end",
    "text",
    "name",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "feature",
    "gazetteer_id",
}
FIGURE_KEYS = {"article", "start", "end", "text", "value", "kind", "approx"}
CLAIM_KEYS = {
    "article",
    "start",
    "end",
    "text",
    "source",
    "cue",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
}
EVENT_KEYS = {"id", "event_type", "sub_event_type", "date", "date_precision", "actor1", "actor2", "assoc_actors",
              "location", "fatalities", "injured", "status", "sources", "conflicts"}  # fmt: skip
COMMITMENT_KEYS = {"id", "obligor", "beneficiary", "action", "location", "deadline", "deadline_history", "status",
                   "fulfilled_by", "fulfilled_on", "sources"}  # fmt: skip


def export_text(db: Path, fmt: str) -> str:
    buf = io.StringIO()
    export_ledger(db, fmt, stream=buf)
    return buf.getvalue()


def test_json_follows_the_ledger_contract(ledger_db: Path) -> None:
    doc = json.loads(export_text(ledger_db, "json"))
    assert set(doc) >= {"articles", "mentions", "events", "commitments"}
    assert all(set(a) >= ARTICLE_KEYS for a in doc["articles"])
    m = doc["mentions"]
    for kind, keys in (
        ("timexes", TIMEX_KEYS),
        ("places", PLACE_KEYS),
        ("figures", FIGURE_KEYS),
        ("claims", CLAIM_KEYS),
    ):
        assert m[kind], kind
        assert all(keys <= set(x) for x in m[kind]), kind
    assert all(set(e) >= EVENT_KEYS for e in doc["events"])
    assert all(set(c) >= COMMITMENT_KEYS for c in doc["commitments"])
    agree = next(e for e in doc["events"] if e["id"] == "ev-agree")
    assert agree["conflicts"][0]["field"] == "date"
    assert {v["value"]: v["articles"] for v in agree["conflicts"][0]["values"]} == {
        "2021-04-12": ["aaaaaaaaaaaaaaaa"], "2021-04-13": ["bbbbbbbbbbbbbbbb"]
    }  # fmt: skip
    assert agree["location"]["geo_precision"] == "town"
    assert doc["articles"][0]["published"] == "2021-04-12"
    assert doc["mentions"]["figures"][0]["value"] == 2  # integral figures are JSON integers


def test_json_offsets_point_at_the_text(ledger_db: Path) -> None:
    doc = json.loads(export_text(ledger_db, "json"))
    texts = {a.article.id: a.article.text for a in load_ledger(ledger_db).annotated}
    for kind in doc["mentions"].values():
        for x in kind:
            assert texts[x["article"]][x["start"] : x["end"]] == x["text"]


def test_json_is_the_same_as_the_in_memory_ledger(ledger_db: Path) -> None:
    doc = json.loads(export_text(ledger_db, "json"))
    ledger = load_ledger(ledger_db)
    assert doc["events"] == [event_json(e) for e in ledger.events]


def test_export_to_file_and_empty_ledger(ledger_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "l.json"
    report = export_ledger(ledger_db, "json", out=out)
    assert report.counts["events"] == 3 and json.loads(out.read_text())["events"]
    assert not list(tmp_path.glob("*.part"))
    from newsledger.store import Store

    with Store(tmp_path / "empty.db"):
        pass
    assert json.loads(export_text(tmp_path / "empty.db", "json")) == {
        "articles": [], "mentions": {"timexes": [], "places": [], "figures": [], "claims": []},
        "events": [], "commitments": [],
    }  # fmt: skip


def test_unknown_format_and_parquet_without_folder(ledger_db: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format"):
        export_ledger(ledger_db, "xlsx")
    with pytest.raises(ConfigError, match="--out"):
        export_ledger(ledger_db, "parquet")


def test_csv_has_acled_columns_and_conventions(ledger_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(ledger_db, "csv"))))
    assert tuple(rows[0]) == COLUMNS
    by_tag = {r["tags"].split(";")[0].split("=")[1]: r for r in rows}
    agree, leave, kill = by_tag["ev-agree"], by_tag["ev-leave"], by_tag["ev-kill"]
    assert (
        agree["event_id_cnty"].startswith("CZE") and agree["iso"] == "203" and agree["country"] == "Czechia"
    )
    assert agree["region"] == "Europe" and agree["event_date"] == "2021-04-12" and agree["year"] == "2021"
    assert agree["time_precision"] == "1" and agree["geo_precision"] == "1"
    assert agree["disorder_type"] == "Strategic developments"
    assert agree["inter1"] == "1" and agree["inter2"] == "1" and agree["interaction"] == "11"
    assert agree["fatalities"] == "0"  # ACLED: 0 when no figure is reported
    assert "Sources disagree on date" in agree["notes"]
    assert agree["source"].startswith("Daily Lake")
    assert leave["assoc_actor_1"] == "Peacekeepers" and leave["geo_precision"] == "2"
    assert kill["civilian_targeting"] == "Civilian targeting" and kill["fatalities"] == "2"
    assert kill["disorder_type"] == "Political violence" and kill["inter2"] == "7"
    assert kill["event_date"] == "" and kill["event_id_cnty"].startswith("XXX")


def test_csv_leaves_out_events_that_did_not_take_place(ledger_db: Path) -> None:
    import dataclasses

    from newsledger.store import Store

    with Store(ledger_db) as s:
        events = s.events()
        planned = dataclasses.replace(events[0], id="ev-planned", status="planned")
        s.replace_ledger([*events, planned], s.commitments())
    buf = io.StringIO()
    report = export_ledger(ledger_db, "csv", stream=buf)
    assert report.counts == {"events": 3, "left_out": 1}
    assert "ev-planned" not in buf.getvalue()
    assert "ev-planned" in export_text(ledger_db, "json")


def test_csv_loads_with_pandas(ledger_db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "l.csv"
    export_ledger(ledger_db, "csv", out=out)
    df = pd.read_csv(out)
    assert tuple(df.columns) == COLUMNS and len(df) == 3


@pytest.mark.parametrize(
    ("actor", "code"),
    [("Military Forces of Westland (2019-)", 1), ("Police Forces of Eastland", 1), ("Civilians (Westland)", 7),
     ("Protesters (Eastland)", 6), ("Rioters", 5), ("Northern Liberation Front", 2), ("Local militia", 3),
     ("UN peacekeepers", 8), ("Mr Smith", None), (None, None)],
)  # fmt: skip
def test_actor_types(actor: str | None, code: int | None) -> None:
    assert actor_type(actor) == code


def test_parquet_round_trips(ledger_db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    report = export_ledger(ledger_db, "parquet", out=tmp_path / "pq")
    names = {Path(f).stem for f in report.files}
    assert {"articles", "timexes", "places", "figures", "claims", "events", "event_sources", "conflicts",
            "commitments", "deadline_history"} <= names  # fmt: skip
    doc = json.loads(export_text(ledger_db, "json"))
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert [e["id"] for e in events] == [e["id"] for e in doc["events"]]
    assert events[0]["assoc_actors"] == doc["events"][0]["assoc_actors"]
    arts = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    assert [a["id"] for a in arts] == [a["id"] for a in doc["articles"]]
    assert str(arts[0]["published"]) == doc["articles"][0]["published"]
    for kind in ("timexes", "places", "figures", "claims"):
        rows = pq.read_table(tmp_path / "pq" / f"{kind}.parquet").to_pylist()
        assert len(rows) == len(doc["mentions"][kind])
        assert [(r["article"], r["start"], r["end"], r["text"]) for r in rows] == [
            (m["article"], m["start"], m["end"], m["text"]) for m in doc["mentions"][kind]
        ]
    conflicts = pq.read_table(tmp_path / "pq" / "conflicts.parquet").to_pylist()
    assert {c["value"] for c in conflicts} == {"2021-04-12", "2021-04-13"}


def test_geojson_has_placed_events_and_commitments(ledger_db: Path) -> None:
    doc = json.loads(export_text(ledger_db, "geojson"))
    assert doc["type"] == "FeatureCollection"
    kinds = sorted((f["properties"]["feature_type"], f["id"]) for f in doc["features"])
    assert kinds == [("commitment", "c-leave"), ("event", "ev-agree"), ("event", "ev-leave")]
    agree = next(f for f in doc["features"] if f["id"] == "ev-agree")
    assert agree["geometry"] == {"type": "Point", "coordinates": [14.0, 50.0]}
    assert agree["properties"]["n_sources"] == 2 and agree["properties"]["location"] == "Lakeside"


def test_csv_leaves_out_types_acled_does_not_code(ledger_db: Path) -> None:
    import dataclasses

    from newsledger.store import Store

    with Store(ledger_db) as s:
        events = s.events()
        other = dataclasses.replace(events[0], id="ev-diplomacy", event_type="Diplomacy")
        s.replace_ledger([*events, other], s.commitments())
    buf = io.StringIO()
    assert export_ledger(ledger_db, "csv", stream=buf).counts == {"events": 3, "left_out": 1}
    assert "ev-diplomacy" not in buf.getvalue()
