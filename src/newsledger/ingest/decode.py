"""Bytes → text: encoding detection, binary rejection, size limits.

The stored text of a plain-text report is the decoded file with the byte-order mark removed and
nothing else changed (line endings included), so that every offset points at the right
characters. Encodings tried, in order: a BOM (UTF-8, UTF-16, UTF-32), UTF-16 without a BOM
when every other byte is NUL (with a warning), strict UTF-8, then Windows-1252 / Latin-1 (with a
warning). Anything else with NUL or many control bytes is rejected as binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

MAX_TEXT_CHARS = 2_000_000
"""Documents longer than this (about 2 MB of text, some 300,000 words) are cut with a warning."""

MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS + 4
"""At most this many bytes of a text file are read (enough for MAX_TEXT_CHARS in any encoding)."""

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, VT, FF, CR, and ESC: rare in text, common in binary formats
_BINARY_BYTES = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}
_NOT_BINARY = bytes(b for b in range(256) if b not in _BINARY_BYTES)  # deleted to count the rest
_BINARY_CHARS = re.compile("[" + "".join(re.escape(chr(b)) for b in sorted(_BINARY_BYTES)) + "]")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def read_limited(path: Path, limit: int) -> tuple[bytes, bool]:
    """The first ``limit`` bytes of a file and whether the file is longer."""
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)
    except IsADirectoryError:
        raise InputError(
            "is a directory where a file was expected", "Pass the folder itself", str(path)
        ) from None
    except FileNotFoundError:
        raise InputError("file not found", "Check the path", str(path)) from None
    except PermissionError:
        raise InputError("permission denied", "Make the file readable", str(path)) from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})", "Check the file", str(path)) from None
    return data[:limit], len(data) > limit


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: NUL bytes or many control bytes in the first 8 KB."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_BINARY))
    return controls > max(2, len(head) // 100)


def decode_bytes(data: bytes, truncated: bool = False, name: str = "") -> Decoded:
    """Decode a text file's bytes; raises :class:`InputError` for binary content.

    ``truncated`` says the bytes are a prefix of a longer file: an incomplete character at the
    end is then dropped instead of failing the decode.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = codecs.getincrementaldecoder(encoding)("strict").decode(body, final=not truncated)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"(bad bytes at offset {e.start + len(bom)})",
                    "Re-save the file as UTF-8",
                    name or None,
                ) from None
            _reject_binary_text(text, name)
            return Decoded(text, encoding)
    guess = _utf16_without_bom(data)
    if guess is not None:
        try:
            text = codecs.getincrementaldecoder(guess)("strict").decode(data, final=not truncated)
        except UnicodeDecodeError:
            pass
        else:
            _reject_binary_text(text, name)
            return Decoded(text, guess, (f"no byte-order mark; decoded as {guess.upper()}",))
    if looks_binary(data):
        raise _binary_error(name)
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=not truncated)
        return Decoded(text, "utf-8")
    except UnicodeDecodeError as e:
        offset = e.start
    if _CP1252_UNDEFINED.isdisjoint(data):
        encoding, text = "cp1252", data.decode("cp1252")
    else:
        encoding, text = "latin-1", data.decode("latin-1")
    warning = (
        f"not valid UTF-8 (first bad byte at offset {offset}); decoded as {encoding}. "
        "Re-save the file as UTF-8 if characters look wrong"
    )
    return Decoded(text, encoding, (warning,))


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" for text whose every other byte is NUL (ASCII-range UTF-16)."""
    head = data[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return None
    half = len(head) // 2
    even_nul = head[0 : 2 * half : 2].count(0) / half
    odd_nul = head[1 : 2 * half : 2].count(0) / half
    if odd_nul > 0.9 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.9 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def _reject_binary_text(text: str, name: str) -> None:
    head = text[:4096]
    if "\x00" in head or len(_BINARY_CHARS.findall(head)) > max(2, len(head) // 100):
        raise _binary_error(name)


def _binary_error(name: str) -> InputError:
    return InputError(
        "not a text file (binary content)", "Remove it from the input or convert it to text", name or None
    )


def cut(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, tuple[str, ...]]:
    """Cut an over-long text at ``limit`` characters (at a line break when one is near)."""
    if len(text) <= limit:
        return text, ()
    end = text.rfind("\n", limit - 10_000, limit)
    end = end + 1 if end > 0 else limit
    return text[:end], (
        f"text is longer than {limit:,} characters; only the first {end:,} are kept. "
        "Split the document to ingest the rest",
    )


def fix_surrogates(text: str) -> tuple[str, tuple[str, ...]]:
    """Replace lone surrogates (possible in JSON strings) by U+FFFD, one character each."""
    try:
        text.encode("utf-8")
        return text, ()
    except UnicodeEncodeError:
        fixed = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
        return fixed, ("text contains invalid characters (lone surrogates); replaced with U+FFFD",)
