"""Article metadata: the :class:`Metadata` record, date parsing, byline dates, precedence.

Where a field comes from, strongest first:

1. the manifest line for the file (``published_source="manifest"``);
2. the file itself: HTML metadata, JSON fields, feed entries (``"file"``);
3. the defaults given as flags (``--published``, ``--outlet``, ``--url``) (``"flag"``);
4. for the publication date only, a byline date in the first lines of the text (``"byline"``).

Flags are *defaults*: they fill what the file does not say, so one ``--outlet`` can label a
whole folder without hiding the dates that JSON records or feed entries carry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_DATE_FORMS = (
    re.compile(
        r"(?<![\d.])" + _YEAR + r"([-/])(?P<m>[01]\d)\2(?P<d>[0-3]\d)(?![\d.])"
    ),  # 2021-02-03, 2021/02/03
    re.compile(
        r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20|21)\d\d)(?![\d.])"
    ),  # 03.02.2021 (d.m.y)
    re.compile(r"(?<![\w])" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.I),  # 3 Feb 2021
    re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d)", re.I),  # Feb. 3, 2021
)
_ISO_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)

BYLINE_LINES = 6  # non-empty lines (after the title) searched for a byline date
BYLINE_MAX_LINE = 90  # a byline is a short line, not a sentence of the story
BYLINE_WINDOW = 1500  # characters from the start of the text searched at most


@dataclass(frozen=True)
class Metadata:
    """Metadata for an article, from a manifest line, the file, or flags. None = not given."""

    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None


class DateError(ValueError):
    """A date value cannot be read unambiguously."""


def parse_date(value: object) -> dt.date | None:
    """Read a publication date given in a manifest, a flag or a JSON field.

    Accepts ``None``/``""`` (unknown), :class:`datetime.date`, ISO 8601 dates and date-times
    (``2021-02-26``, ``2021-02-26T10:00:00Z``), and dates with a month name and a four-digit
    year (``26 February 2021``, ``Feb. 26, 2021``). Anything else, including ambiguous forms
    such as ``19-Nov-12`` or ``2882015``, raises :class:`DateError`.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise DateError(f"must be a date string such as 2021-02-26, got {type(value).__name__}")
    s = value.strip()
    if not s:
        return None
    m = _ISO_DATETIME.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as e:
            raise DateError(f"{value!r} is not a valid date ({e})") from None
    found = find_date(s)
    if found is not None and found[1] == 0 and found[2] >= len(s.rstrip(" .")):
        return found[0]
    raise DateError(f"{value!r} is not a date in the form YYYY-MM-DD")


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first full calendar date (day, month and four-digit year) in ``text``, with its offsets."""
    best: tuple[dt.date, int, int] | None = None
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            groups = m.groupdict()
            try:
                if groups.get("m"):
                    d = dt.date(int(groups["year"]), int(groups["m"]), int(groups["d"]))
                else:
                    month = MONTHS[groups["month"].lower().rstrip(".")]
                    d = dt.date(int(groups["year"]), month, int(groups["day"]))
            except (ValueError, KeyError):
                continue
            if best is None or m.start() < best[1]:
                best = (d, m.start(), m.end())
            break
    return best


def find_byline_date(text: str) -> dt.date | None:
    """A date on a short byline-like line near the top of the text (after the title).

    ``"  26 February 2021    Read: 1448"``, ``"Feb. 3, 2021"``, ``"Published 2021-02-03 14:20"``
    count; a date inside a sentence of the story ("On 3 February 2021 the army ...") does not.
    """
    lines = [ln.strip() for ln in text[:BYLINE_WINDOW].splitlines()]
    lines = [ln for ln in lines if ln]
    for line in lines[1 : 1 + BYLINE_LINES]:
        if len(line) > BYLINE_MAX_LINE:
            continue
        found = find_date(line)
        if found is None:
            continue
        rest = (line[: found[1]] + line[found[2] :]).strip()
        # a byline carries little else: labels, a time, a counter, a name — not a clause
        if rest.endswith((".", "!", "?")) and len(rest.split()) > 6:
            continue
        return found[0]
    return None


def first_line(text: str, limit: int = 300) -> str | None:
    """The first non-empty line, stripped (the title of a plain-text report)."""
    for line in text.splitlines():
        s = line.strip()
        if s:
            return s[:limit]
    return None


def normalise_language(value: str | None) -> str | None:
    """``"en-US"`` → ``"en"``; empty → None."""
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def merge(
    *, manifest: Metadata | None, file: Metadata | None, flags: Metadata | None
) -> tuple[Metadata, str | None]:
    """Combine the metadata layers (manifest > file > flags); returns it and where ``published`` came from."""
    layers = (("manifest", manifest), ("file", file), ("flag", flags))
    published, source = None, None
    for name, layer in layers:
        if layer is not None and layer.published is not None:
            published, source = layer.published, name
            break

    def pick(attr: str) -> str | None:
        for _, layer in layers:
            v = getattr(layer, attr) if layer is not None else None
            if v:
                return str(v)
        return None

    return (
        Metadata(
            published=published,
            outlet=pick("outlet"),
            url=pick("url"),
            language=normalise_language(pick("language")),
            title=pick("title"),
        ),
        source,
    )
