"""The stored reconcile index: merge items read back from the store equal the ones built from the
articles, schema upgrades and code changes rebuild the index, and copies stored before their
original drop out when it arrives."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsledger.ledger import incremental, reconcile_ledger, update_ledger
from newsledger.ledger.recon_index import key_hash, load_items
from newsledger.model import AnnotatedArticle, Article, Entity, EventMention, PlaceMention, Span, Timex
from newsledger.reconcile import event_items, reconcile
from newsledger.serialize import commitment_to_dict, event_to_dict
from newsledger.store import Store
from newsledger.store.schema import MIGRATIONS, SCHEMA_VERSION


def _article(
    aid: str, day: int, sentences: list[tuple[str, str, str]], dup: str | None = None
) -> AnnotatedArticle:
    """An article of sentences (text, trigger, town) about attacks on 2024-05-``day``."""
    text, events, ents = "", [], []
    for sentence, trigger, town in sentences:
        start = len(text)
        text += sentence + " "
        p = start + sentence.index(town)
        place = PlaceMention(
            Span(aid, p, p + len(town)), town, town, f"t:{town}", 50.0, 10.0, "city", None, "DE"
        )
        t = start + sentence.index(trigger)
        date = f"2024-05-{day:02d}"
        events.append(
            EventMention(
                Span(aid, start, start + len(sentence)), trigger, Span(aid, t, t + len(trigger)),
                "Violence against civilians", "Attack", actor1="Gunmen", place=place,
                time=Timex(Span(aid, start, start + 1), "d", "DATE", date), date=date, date_precision="day",
            )
        )  # fmt: skip
        if "Jane Roe" in sentence:
            j = start + sentence.index("Jane Roe")
            ents.append(Entity(Span(aid, j, j + 8), "Jane Roe", "PERSON"))
    art = Article(aid, text, outlet=f"outlet-{aid}", published=dt.date(2024, 5, day + 1), duplicate_of=dup)
    return AnnotatedArticle(art, events=tuple(events), entities=tuple(ents))


ONE = _article("a1", 3, [("Gunmen attacked a bus in Westport, Jane Roe said.", "attacked", "Westport")])
TWO = _article("a2", 3, [("A bus was attacked in Westport.", "attacked", "Westport")])
OTHER = _article("a3", 20, [("Gunmen attacked a shop in Eastfield.", "attacked", "Eastfield")])


def _canon(events: object, commitments: object) -> tuple[list[str], list[str]]:
    ev = sorted(json.dumps(event_to_dict(e), sort_keys=True) for e in events)  # type: ignore[attr-defined]
    cm = [json.dumps(commitment_to_dict(c), sort_keys=True) for c in commitments]  # type: ignore[attr-defined]
    return ev, cm


def test_stored_items_equal_the_items_built_from_the_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "l.db") as s:
        s.put_annotated([ONE, TWO])
        reconcile_ledger(s)
        rows = list(s.conn.execute("SELECT article_id, item FROM recon_mentions ORDER BY article_id, idx"))
        got = load_items(s, rows)
    want = [it for a in (ONE, TWO) for it in event_items(a)]
    assert got == want  # every field, the article too (names of people of the report included)
    assert got[0].names and got[0].article.text == ONE.article.text


def test_stored_items_carry_the_comparison_features_computing_them_gives(tmp_path: Path) -> None:
    with Store(tmp_path / "l.db") as s:
        s.put_annotated([ONE, TWO, OTHER])
        reconcile_ledger(s)
        rows = list(s.conn.execute("SELECT article_id, item FROM recon_mentions ORDER BY article_id, idx"))
        got = load_items(s, rows)
    want = [it for a in (ONE, TWO, OTHER) for it in event_items(a)]
    names = ("sentence", "trigger", "actor_words", "home_words")
    assert all(name in vars(it) for it in got for name in names)  # read, not derived again
    assert [[vars(it)[n] for n in names] for it in got] == [[getattr(it, n) for n in names] for it in want]


def test_key_hashes_keep_keys_apart() -> None:
    day = dt.date(2024, 5, 1)
    keys = [
        ("day", "x", day),
        ("day", "x", "2024-05-01"),
        ("n", None),
        ("n", "None"),
        ("c", (1, 2)),
        ("c", "(1, 2)"),
    ]
    assert len({key_hash(k) for k in keys}) == len(keys)
    assert all(-(2**63) <= key_hash(k) < 2**63 for k in keys)


def test_an_old_index_is_rebuilt_once_after_the_upgrade(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("INSERT INTO meta VALUES ('recon_rowid', '0')")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(db) as s:
        assert s.version == SCHEMA_VERSION and s.get_meta(incremental.MARK) is None
        s.put_annotated([ONE, TWO])
        update_ledger(s)  # a full pass: it writes the index
        assert s.get_meta(incremental.MARK) is not None
        assert _canon(s.events(), s.commitments()) == _canon(*reconcile([ONE, TWO]))


def test_an_index_written_by_other_code_gets_a_full_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = incremental.full_pass

    def spy(store: Store, as_of: object = None) -> tuple[int, int]:
        calls.append(1)
        return real(store, as_of)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "full_pass", spy)
    with Store(tmp_path / "l.db") as s:
        s.put_annotated([ONE])
        update_ledger(s)
        s.put_annotated([TWO])
        update_ledger(s)
        assert len(calls) == 1  # the second update was incremental
        with s.transaction():
            s._set_meta(incremental.CODE, "written-by-another-version")
        s.put_annotated([OTHER])
        update_ledger(s)
        assert len(calls) == 2
        assert _canon(s.events(), s.commitments()) == _canon(*reconcile([ONE, TWO, OTHER]))


def test_a_copy_stored_before_its_original_drops_out(tmp_path: Path) -> None:
    copy = _article(
        "c1", 3, [("Gunmen attacked a bus in Westport, Jane Roe said.", "attacked", "Westport")], dup="a1"
    )
    with Store(tmp_path / "l.db") as s:
        s.put_annotated([copy, TWO])
        update_ledger(s)
        s.put_annotated([ONE, OTHER])
        update_ledger(s)
        got = _canon(s.events(), s.commitments())
        assert (
            s.conn.execute("SELECT count(*) FROM recon_mentions WHERE article_id = 'c1'").fetchone()[0] == 0
        )
    assert got == _canon(*reconcile([copy, ONE, TWO, OTHER]))
    assert not any('"c1"' in e for e in got[0])


def test_fields_at_their_default_are_left_out_and_read_back_alike(tmp_path: Path) -> None:
    from dataclasses import replace

    from newsledger.ledger.recon_index import item_json
    from newsledger.model import Claim
    from newsledger.reconcile.merge import Item

    plain = event_items(ONE)[0]
    m = plain.mention
    rich_mention = replace(
        m,
        assoc_actors=("Police",),
        fatalities=0,  # a zero is not "no count"
        injured=2,
        status="claimed_false",
        claim=Claim(m.span, "a bus was attacked", "police", None, "said", None),
        rule="r",
    )
    rich = Item(
        ONE.article,
        rich_mention,
        5,
        participants=("Jane Roe",),
        group="g",
        names=frozenset({("jane", "roe")}),
        embedding=(0.6, 0.8),
        arguments=(("place", "Westport"),),
    )
    stored = json.loads(item_json(plain))
    assert not {"group", "embedding", "arguments"} & set(stored)
    assert not {"assoc_actors", "fatalities", "claim", "rule", "status"} & set(stored["mention"])
    assert {"fatalities", "claim", "rule", "status"} <= set(json.loads(item_json(rich))["mention"])
    with Store(tmp_path / "l.db") as s:
        s.put_annotated([ONE])
        got = load_items(s, [("a1", item_json(it)) for it in (plain, rich)])
    assert got == [plain, rich]
    assert got[1].mention.fatalities == 0 and got[1].mention.claim == rich_mention.claim


def test_an_articles_own_key_is_not_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "l.db") as s:
        s.put_annotated([ONE, TWO])
        reconcile_ledger(s)
        stored = {r[0] for r in s.conn.execute("SELECT key FROM recon_keys WHERE kind = 0")}
        assert stored  # the day, map cell and place keys are
    own = {key_hash(("article", a.article.id, "violent")) for a in (ONE, TWO)}
    assert not own & stored  # a new article is never a stored one: no stored mention meets it so


def _tables(s: Store) -> list[list[tuple[object, ...]]]:
    return [
        list(s.conn.execute(q))
        for q in (
            "SELECT id, seq, event_type, date_start, actors, place, n_sources, n_conflicts, data FROM events "
            "ORDER BY id",
            "SELECT * FROM event_sources ORDER BY event_id, ord",
            "SELECT * FROM conflicts ORDER BY event_id, field",
        )
    ]


@pytest.mark.parametrize("before, after", [([ONE], [ONE, TWO, OTHER]), ([ONE, TWO, OTHER], [ONE])])
def test_events_rewritten_in_place_leave_what_deleting_and_inserting_leaves(
    tmp_path: Path, before: list[AnnotatedArticle], after: list[AnnotatedArticle]
) -> None:
    old, _ = reconcile(before)
    new, _ = reconcile(after)
    with Store(tmp_path / "want.db") as s:
        with s.transaction() as c:
            s.write_events(c, new, {})
        want = _tables(s)
    with Store(tmp_path / "got.db") as s:
        with s.transaction() as c:
            s.write_events(c, old, {})
        stored = {e.id for e in old} & {e.id for e in new}
        assert stored  # an event of ONE in both, with other sources
        with s.transaction() as c:
            s.delete_events(c, [e.id for e in old if e.id not in stored])
            s.write_events(c, new, {}, stored=stored)
        assert _tables(s) == want
