"""Near-duplicate detection: MinHash fingerprints over word shingles.

``fingerprint(text)`` is a tuple of :data:`NUM_HASHES` integers; ``similarity(a, b)`` estimates
the Jaccard similarity of the two texts' sets of :data:`SHINGLE` -word shingles (case and
punctuation ignored). Copies of one story (syndicated with another headline, byline or footer)
score well above :data:`DUPLICATE_THRESHOLD`; different reports of the same event, which share
names and phrases but not whole passages, score far below it. Deterministic: no random seed,
no global state. For many articles, :func:`bands` gives LSH keys: two fingerprints whose
similarity exceeds the threshold share at least one band key with high probability, so a
store only compares articles that share a key.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

SHINGLE = 5
NUM_HASHES = 64
BAND_ROWS = 4  # 16 bands of 4 rows: P(share a band) ≈ 0.99 at similarity 0.7, ≈ 0.12 at 0.3
DUPLICATE_THRESHOLD = 0.7
MAX_SHINGLES = 50_000  # longer texts are fingerprinted on their first 50,000 shingles

_PRIME = (1 << 31) - 1
_BASE = 1_000_003
_WORD = re.compile(r"\w+")


def _coefficients() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Fixed hash-function coefficients derived from SHA-256 (reproducible everywhere)."""
    a, b = [], []
    for i in range(NUM_HASHES):
        digest = hashlib.sha256(f"newsledger-minhash-{i}".encode()).digest()
        a.append(int.from_bytes(digest[:4], "big") % (_PRIME - 1) + 1)
        b.append(int.from_bytes(digest[4:8], "big") % _PRIME)
    return tuple(a), tuple(b)


_A, _B = _coefficients()

Fingerprint = tuple[int, ...]


def shingles(text: str, size: int = SHINGLE) -> list[str]:
    """The word shingles of ``text`` (lower-cased words, punctuation ignored), for inspection."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(min(len(words) - size + 1, MAX_SHINGLES))]


def _shingle_hashes(text: str) -> np.ndarray:
    """One hash (< 2**31) per word shingle: word CRC-32s combined as a polynomial, vectorised."""
    words = _WORD.findall(text.lower())[: MAX_SHINGLES + SHINGLE - 1]
    if not words:
        return np.zeros(0, dtype=np.uint64)
    codes = {w: zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in set(words)}
    arr = np.fromiter((codes[w] for w in words), dtype=np.uint64, count=len(words)) % np.uint64(_PRIME)
    size = min(SHINGLE, len(words))
    n = len(words) - size + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(size):  # h < 2**31, so h * _BASE + arr < 2**52: no overflow
        h = (h * np.uint64(_BASE) + arr[k : k + n]) % np.uint64(_PRIME)
    return np.unique(h)


def fingerprint(text: str) -> Fingerprint:
    """The MinHash signature of ``text`` (an empty text gives all-maximum values)."""
    base = _shingle_hashes(text)
    if base.size == 0:
        return (_PRIME,) * NUM_HASHES
    a = np.asarray(_A, dtype=np.uint64)[:, None]
    b = np.asarray(_B, dtype=np.uint64)[:, None]
    hashed = (a * base[None, :] + b) % np.uint64(_PRIME)  # < 2**62: no overflow
    return tuple(int(v) for v in hashed.min(axis=1))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two fingerprints (0.0–1.0)."""
    if not a or len(a) != len(b):
        return 0.0
    if a[0] == _PRIME and all(v == _PRIME for v in a):
        return 0.0  # empty texts are not duplicates of each other
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def is_near_duplicate(a: Fingerprint, b: Fingerprint, threshold: float = DUPLICATE_THRESHOLD) -> bool:
    return similarity(a, b) >= threshold


def bands(fp: Fingerprint, rows: int = BAND_ROWS) -> tuple[str, ...]:
    """LSH band keys ("band:hex"): candidates for near-duplicates share at least one."""
    keys = []
    for i in range(0, len(fp) - rows + 1, rows):
        chunk = ",".join(str(v) for v in fp[i : i + rows])
        keys.append(f"{i // rows}:{hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()}")
    return tuple(keys)
