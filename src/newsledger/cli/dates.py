"""``newsledger dates``: the temporal expressions of one text, resolved against a publication date."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from ..errors import ConfigError, InputError


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise InputError("file not found", "Check the path", path=source) from e
    except UnicodeDecodeError as e:
        raise InputError("not UTF-8 text", "Convert the file to UTF-8", path=source) from e
    except OSError as e:
        raise InputError(
            f"cannot be read ({e.strerror})", "Check the path and permissions", path=source
        ) from e


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(f"--published {value!r} is not a date", "Give it as YYYY-MM-DD") from e


@click.command("dates")
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--published", help="Publication date (YYYY-MM-DD) that relative dates resolve against.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per expression (JSON Lines).")
@click.option("--parse", is_flag=True, help="Parse with the language model to read verb tense (slower).")
def dates_command(source: str, published: str | None, as_json: bool, parse: bool) -> None:
    """Print the dates, times, durations and sets found in FILE (or standard input)."""
    from ..timex import tag_dates

    pub = _date(published)
    text = _read(source)
    if pub is None:
        click.echo(
            "note: no --published date given; relative dates (today, Friday, last week) get no value.",
            err=True,
        )
    doc = None
    if parse:
        from ..context import Context

        doc = Context().nlp(text)
    found = tag_dates(text, pub, doc=doc)
    if as_json:
        for t in found:
            click.echo(json.dumps({"start": t.span.start, "end": t.span.end, "text": t.text, "type": t.type,
                                   "value": t.value, "mod": t.mod, "precision": t.precision}, ensure_ascii=False))  # fmt: skip
        return
    if not found:
        click.echo("no temporal expressions found")
        return
    rows = [("start-end", "type", "value", "mod", "text")]
    rows += [
        (f"{t.span.start}-{t.span.end}", t.type, t.value or "-", t.mod or "", t.text.replace("\n", " "))
        for t in found
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
