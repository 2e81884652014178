"""The stored reconcile index: how merge items, blocking keys and commitment mentions are written
to and read back from the ``recon_*`` tables (schema migrations 2 and 3).

An incremental update reads stored mentions as compact rows (the item's fields as JSON, the
article's columns) instead of decoding whole annotated articles, and never computes the blocking
keys of a stored mention again: they are rows of ``recon_keys``. What is stored is derived by the
reconcile code; :func:`code_version` (a hash of that code) is kept with the index, so a ledger
indexed by another version of the code gets a full pass instead of a stale index.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import json
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model import Article, CommitmentMention, Span
from ..reconcile import merge
from ..reconcile.merge import Item
from ..serialize import Decoder, to_plain
from ..store import Store

__all__ = [
    "KeyHashes",
    "code_version",
    "gc_paused",
    "in_chunks",
    "item_json",
    "key_hash",
    "load_commitments",
    "load_items",
    "page_cache",
]

CHUNK = 500
_ARTICLE_COLS = (
    "id, text, title, url, outlet, published, language, source_file, published_source, duplicate_of"
)


def code_version() -> str:
    """A hash of the code that decides what the index holds (the reconcile package and the ledger
    modules that write the index)."""
    here = Path(__file__).resolve().parent
    files = sorted((here.parent / "reconcile").glob("*.py")) + sorted(here.glob("*.py"))
    h = hashlib.sha1()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def key_hash(k: object) -> int:
    """A blocking key as stored: a signed 64-bit hash of its repr (strings, dates and numbers stay
    apart). Two keys sharing a hash only make an extra candidate, which is checked like any."""
    return int.from_bytes(hashlib.blake2b(repr(k).encode(), digest_size=8).digest(), "big", signed=True)


class KeyHashes(dict[object, int]):
    """Key → :func:`key_hash`, each distinct key hashed once (neighbouring items share keys)."""

    def __missing__(self, k: object) -> int:
        h = self[k] = key_hash(k)
        return h


def in_chunks(c: Any, query: str, values: Sequence[Any], *params: Any) -> list[tuple[Any, ...]]:
    """Run ``query`` (with ``{marks}`` for an IN list) over ``values`` in chunks; all rows."""
    out: list[tuple[Any, ...]] = []
    for i in range(0, len(values), CHUNK):
        chunk = list(values[i : i + CHUNK])
        out.extend(c.execute(query.format(marks=",".join("?" * len(chunk))), (*params, *chunk)))
    return out


def _plain(v: Any) -> Any:
    if isinstance(v, set | frozenset):
        return sorted(_plain(x) for x in v)
    return to_plain(v)


def _at_default(f: dataclasses.Field[Any], x: Any) -> bool:
    """Does ``x`` equal the field's default (of the same type)? Such a field is not stored: the
    decoder leaves it out and the dataclass fills the default in."""
    if f.default is not dataclasses.MISSING:
        d = f.default
    elif f.default_factory is not dataclasses.MISSING:
        d = f.default_factory()
    else:
        return False
    return type(x) is type(d) and bool(x == d)


def _lean(v: Any) -> Any:
    """:func:`_plain` without the dataclass fields that hold their default (half the JSON of a
    mention, and less to decode)."""
    if isinstance(v, set | frozenset):
        return sorted(_lean(x) for x in v)
    if dataclasses.is_dataclass(v) and not isinstance(v, type | Span):
        return {
            f.name: _lean(x)
            for f in dataclasses.fields(v)
            if f.name != "doc" and not _at_default(f, x := getattr(v, f.name))
        }
    if isinstance(v, tuple | list):
        return [_lean(x) for x in v]
    return to_plain(v)


_FIELDS = tuple(f for f in dataclasses.fields(Item) if f.name != "article")
_ITEM_FIELDS = tuple(f.name for f in _FIELDS)
# what pair scoring derives from an item's text and names (word stems, trigger key, participant
# words): stored with the item (key ``_f``) so an update does not derive it again for stored
# mentions; each with the function that turns its JSON back into the property's value
_FEATURES: tuple[tuple[str, Callable[[Any], Any]], ...] = tuple(
    (name, back)
    for name, back in (
        ("sentence", frozenset),
        ("trigger", str),
        ("actor_words", lambda v: tuple(tuple(w) for w in v)),
        ("home_words", tuple),
    )
    if isinstance(vars(Item).get(name), functools.cached_property)
)


def item_json(it: Item) -> str:
    """An item's fields but its article, as JSON (the article is a row of its own; fields at
    their default are left out), with its comparison features (:data:`_FEATURES`)."""
    d = {f.name: _lean(x) for f in _FIELDS if not _at_default(f, x := getattr(it, f.name))}
    d["_f"] = {name: _plain(getattr(it, name)) for name, _ in _FEATURES}
    return json.dumps(d, separators=(",", ":"))


def _prefill(it: Item, features: dict[str, Any]) -> Item:
    """Set the item's cached comparison features from their stored values (what computing them
    gives: the index is rebuilt whenever the reconcile code changes, :func:`code_version`)."""
    cache = vars(it)
    for name, back in _FEATURES:
        if name in features:
            cache[name] = back(features[name])
    return it


def _converters(dec: Decoder) -> dict[str, Callable[[Any, str], Any]]:
    hints = typing.get_type_hints(Item, vars(merge))

    def conv(tp: Any) -> Callable[[Any, str], Any]:
        if typing.get_origin(tp) is frozenset:
            (arg,) = typing.get_args(tp)
            inner = conv(arg)
            return lambda data, aid: frozenset(inner(x, aid) for x in data)
        return dec.converter(tp)

    return {name: conv(hints[name]) for name in _ITEM_FIELDS}


def load_articles(store: Store, ids: Iterable[str], dec: Decoder) -> dict[str, Article]:
    """The stored articles (no annotations) by id."""
    q = f"SELECT {_ARTICLE_COLS} FROM articles WHERE id IN ({{marks}})"
    return {row[0]: store._article(row, dec) for row in in_chunks(store.conn, q, sorted(set(ids)))}


def load_items(store: Store, rows: Iterable[tuple[str, str]]) -> list[Item]:
    """Merge items from ``(article id, item JSON)`` rows of ``recon_mentions``."""
    rows = list(rows)
    dec = Decoder()
    arts = load_articles(store, (aid for aid, _ in rows), dec)
    convs = _converters(dec)
    out = []
    for aid, data in rows:
        d = json.loads(data)
        it = Item(arts[aid], **{k: convs[k](d[k], aid) for k in _ITEM_FIELDS if k in d})
        out.append(_prefill(it, d.get("_f", {})))
    return out


def commitment_json(m: CommitmentMention) -> str:
    return json.dumps(to_plain(m), separators=(",", ":"))


def load_commitments(store: Store) -> list[tuple[Article, int, CommitmentMention]]:
    """Every stored commitment mention with its article (duplicates included)."""
    rows = list(store.conn.execute("SELECT article_id, idx, data FROM recon_commitments"))
    dec = Decoder()
    arts = load_articles(store, (r[0] for r in rows), dec)
    return [
        (arts[aid], idx, dec.dataclass(CommitmentMention, json.loads(data), aid))
        for aid, idx, data in rows
        if aid in arts
    ]


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection while an update runs: it makes few cycles, and a
    full collection walks every live object (the more the ledger loaded, the longer; a third of
    an update's time before)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def page_cache(store: Store, kib: int) -> Iterator[None]:
    """A larger SQLite page cache while an update runs: it reads the stored mentions, events and
    keys near the new ones and then writes next to them (the default 2 MB cache re-reads those
    pages of a large ledger from the file)."""
    before = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(before)}")
