"""Text normalisation and cheap similarity used by merging (no language model needed).

Everything here works on plain strings, so reconcile runs over stored annotations without a
parse. Spelling variants of one actor ("Azerbaijani" / "Azerbaijan", "Armenian" / "Armenia")
normalise to the same key through :func:`same_stem`, a general demonym rule (the shorter word,
minus a final vowel, is a prefix of the longer and what remains is a demonym suffix).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "until",
        "than",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "nor",
        "but",
        "if",
        "then",
        "so",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "them",
        "us",
        "him",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
        "also",
        "said",
        "reported",
        "reports",
        "report",
        "statement",
        "added",
        "about",
        "some",
        "many",
        "more",
        "most",
        "other",
        "such",
        "only",
        "very",
        "just",
        "up",
        "out",
        "one",
        "two",
        "three",
        "all",
        "any",
        "each",
        "both",
        "there",
        "here",
        "today",
        "yesterday",
        "tomorrow",
        "mr",
        "mrs",
        "ms",
    ]
)

# words that name the kind of actor rather than which one ("forces of X", "X government")
GENERIC_ACTOR_WORDS = frozenset(
    [
        "military",
        "forces",
        "force",
        "armed",
        "army",
        "armies",
        "troops",
        "units",
        "unit",
        "government",
        "govt",
        "side",
        "sides",
        "police",
        "state",
        "republic",
        "people",
        "civilians",
        "president",
        "prime",
        "minister",
        "ministry",
        "ministers",
        "minister",
        "defense",
        "defence",
        "of",
        "the",
        "and",
        "leader",
        "leaders",
        "official",
        "officials",
    ]
)

DEMONYM_SUFFIXES = ("i", "n", "an", "ian", "ians", "ans", "ese", "ish", "is", "ns", "s", "ite", "ites")

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def fold(s: str | None) -> str:
    """Case-fold, strip accents and collapse spaces: 'Ağdam ' → 'agdam'."""
    if not s:
        return ""
    if s.isascii():  # nothing to decompose or strip; ASCII case-folds as it lowers
        return " ".join(s.lower().split())
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("ı", "i").replace("ə", "e")
    return " ".join(s.split())


def tokens(s: str | None) -> list[str]:
    return _TOKEN.findall(fold(s))


def stem(word: str) -> str:
    """A crude English stemmer good enough to match 'killed'/'killing'/'kills' and 'signed'/'signs'."""
    w = fold(word)
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if len(w) > len(suffix) + 2 and w.endswith(suffix) and not w.endswith("ss"):
            w = w[: -len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # 'shott' (from 'shotting'), 'stopp' → 'stop'
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def content_stems(s: str | None) -> frozenset[str]:
    """Stems of the content words of a text, for token-overlap similarity."""
    return frozenset(stem(t) for t in tokens(s) if t not in STOPWORDS and not t.isdigit() and len(t) > 1)


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def same_stem(a: str, b: str) -> bool:
    """True for two spellings of one name, including a country and its demonym."""
    return same_folded(fold(a), fold(b))


def same_folded(a: str, b: str) -> bool:
    """:func:`same_stem` for words already folded."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    for base in (short, short[:-1] if short[-1] in "aeiouy" else short):
        if len(base) >= 4 and long_.startswith(base) and long_[len(base) :] in DEMONYM_SUFFIXES:
            return True
    return False


def actor_words(actor: str | None) -> tuple[str, ...]:
    """The distinctive words of an actor name ('Military Forces of Azerbaijan' → ('azerbaijan',))."""
    words = tuple(t for t in tokens(actor) if t not in GENERIC_ACTOR_WORDS and len(t) > 2)
    return words or tuple(tokens(actor))


def same_actor(a: str | None, b: str | None) -> bool:
    """Two names of one actor: every distinctive word of the shorter has a spelling variant in the other."""
    return same_actor_words(actor_words(a), actor_words(b))


class SameActor:
    """:func:`same_actor` remembering each name's words and each pair's answer (both depend on
    the strings alone), for one reconciliation: the merged events compare the same names again
    and again."""

    __slots__ = ("_pairs", "_words")

    def __init__(self) -> None:
        self._words: dict[str | None, tuple[str, ...]] = {}
        self._pairs: dict[tuple[str | None, str | None], bool] = {}

    def words(self, a: str | None) -> tuple[str, ...]:
        """:func:`actor_words` of ``a``."""
        w = self._words.get(a)
        if w is None:
            w = self._words[a] = actor_words(a)
        return w

    def __call__(self, a: str | None, b: str | None) -> bool:
        got = self._pairs.get((a, b))
        if got is None:
            got = self._pairs[(a, b)] = same_actor_words(self.words(a), self.words(b))
        return got


def same_actor_words(wa: tuple[str, ...], wb: tuple[str, ...]) -> bool:
    """:func:`same_actor` for names already reduced by :func:`actor_words`."""
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # a word the other name has as it is needs no spelling comparison
    return all(x in long_ or any(same_folded(x, y) for y in long_) for x in short)


def actors_overlap(a: Iterable[str | None], b: Iterable[str | None]) -> tuple[float, tuple[str, ...]]:
    """Share of actor words in common (spelling-insensitive) and the words that matched."""
    wa = {w for x in a for w in actor_words(x)}
    wb = {w for x in b for w in actor_words(x)}
    if not wa or not wb:
        return 0.0, ()
    matched = sorted({x for x in wa for y in wb if same_stem(x, y)})
    hits_b = {y for y in wb for x in wa if same_stem(x, y)}
    share = (len(matched) + len(hits_b)) / (len(wa) + len(wb))
    return share, tuple(matched)
