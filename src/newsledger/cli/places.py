"""``newsledger places [FILE|-]``: the places named in one text, placed on the map offline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise InputError("file not found", "check the path", path=source) from e
    except UnicodeDecodeError as e:
        raise InputError("not UTF-8 text", "convert the file to UTF-8", path=source) from e
    except OSError as e:
        raise InputError(
            f"cannot be read ({e.strerror})", "check the path and permissions", path=source
        ) from e


def place_dict(p: Any) -> dict[str, Any]:
    from ..gazetteer import geo_precision

    return {
        "start": p.span.start,
        "end": p.span.end,
        "text": p.text,
        "name": p.name,
        "gazetteer_id": p.gazetteer_id,
        "latitude": p.latitude,
        "longitude": p.longitude,
        "feature": p.feature,
        "geo_precision": geo_precision(p) if p.gazetteer_id else None,
        "admin1": p.admin1,
        "country": p.country,
        "score": p.score,
        "role": p.role,
        "alternatives": list(p.alternatives),
    }


@click.command("places")
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per place (JSON Lines).")
def places_command(source: str, as_json: bool) -> None:
    """Print the places named in FILE (or standard input): gazetteer entry, coordinates, feature."""
    from ..context import Context
    from ..model import Article
    from ..pipeline import parse
    from ..stages.places import places

    text = _read(source)
    ctx = Context()
    (parsed,) = parse([Article(id="input", text=text)], ctx)
    found = places(parsed, ctx).places
    if as_json:
        for p in found:
            click.echo(json.dumps(place_dict(p), ensure_ascii=False))
        return
    if not found:
        click.echo("no places found")
        return
    rows = [("start-end", "text", "place", "feature", "country", "lat,lon", "score")]
    for p in found:
        where = f"{p.latitude:.3f},{p.longitude:.3f}" if p.latitude is not None else "-"
        name = p.name + (f" ({p.admin1})" if p.admin1 and p.admin1 != p.name else "")
        feature = p.feature if p.role == "place" else f"{p.feature}/{p.role}"
        rows.append((f"{p.span.start}-{p.span.end}", p.text.replace("\n", " "), name, feature,
                     p.country or "-", where, f"{p.score:.2f}"))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
