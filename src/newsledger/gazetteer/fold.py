"""Name folding: two keys per name, so spellings of one place meet in the index.

``fold`` removes case, accents and punctuation ("Ağdam" → "agdam", "St. Louis" → "st louis"),
except a final full stop, which marks abbreviations ("La." is Louisiana, "La" is not).
``loose`` goes further and merges letters that transliterations of the same sound write
differently, generally (not per name): gh/ğ/g, kh/x/h, ch/ç/c, sh/ş/s, j/dj/c (Azerbaijani and
Turkish c), ə/e/a, ı/y/i, ou/u, q/k, doubled letters, and drops separators — so
"Djibouti" and "Jibouti" share one loose key, as do "Xankəndi" and "Khankendi".
"""

from __future__ import annotations

import re
import unicodedata

# letters NFKD does not decompose into an ASCII base
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ə": "e",
        "ǝ": "e",
        "Ə": "e",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "ð": "d",
        "ħ": "h",
        "ʻ": "",
        "ʼ": "",
        "’": "",
        "‘": "",
        "`": "",
        "´": "",
        "'": "",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# loose rules, applied in order to the folded key (spaces already removed)
_LOOSE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"tch|tsch|dzh|dj|dsch|zh|j", "c"),  # Djibouti/Jibouti
        (r"ch|ç", "c"),
        (r"kh|x", "h"),  # Xankəndi/Khankendi
        (r"gh|ğ", "g"),  # Ağrı/Aghri
        (r"sch|sh|ş", "s"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck|q|g", "k"),  # Qubadlı/Gubadly, Iraq/Irak
        (r"ou|oo|w", "u"),
        (r"y", "i"),
        (r"e", "a"),  # ə/e/a
        (r"([a-z])\1+", r"\1"),  # doubled letters
    )
)


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key ("Laçın" → "lacin", "U.S." → "u s")."""
    if name.isascii():  # the common case: no accents to strip
        s = name.translate(_SPECIAL).lower()
    else:
        s = name.translate(_SPECIAL)
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
        s = s.translate(_SPECIAL)
    s = _NON_ALNUM.sub(" ", s).strip()
    return s + "." if s and name.rstrip().endswith(".") else s  # "La." (Louisiana) is not "La"


def compact(name: str) -> str:
    """``fold`` without spaces ("U.S." → "us", "Nagorno Karabakh" → "nagornokarabakh")."""
    return fold(name).replace(" ", "")


def loose(name: str) -> str:
    """A transliteration-insensitive key; only ever used after an exact ``fold`` miss."""
    s = _raw_fold(name)
    for pattern, repl in _LOOSE_RULES:
        s = pattern.sub(repl, s)
    return s + "." if s and name.rstrip().endswith(".") else s


def _raw_fold(name: str) -> str:
    """Like :func:`compact`, but keeps ğ, ş, ç so the loose rules can see them first."""
    s = name.casefold().translate(_SPECIAL)
    keep = {"ğ": "ğ", "ş": "ş", "ç": "ç"}
    out = []
    for ch in s:
        if ch in keep:
            out.append(ch)
            continue
        d = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in d if not unicodedata.combining(c)))
    s = "".join(out).translate(_SPECIAL)
    return re.sub(r"[^a-zğşç0-9]+", "", s)


def is_latin_name(name: str) -> bool:
    """True when every letter of ``name`` folds to ASCII (used to keep alternate names compact)."""
    f = fold(name)
    return bool(f) and f.isascii() and any(c.isalpha() for c in f)
