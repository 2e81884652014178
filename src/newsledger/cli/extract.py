"""``newsledger extract``: stateless extraction, one JSON object per input on stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .common import defaults_from_flags, err, parse_stages


@click.command("extract")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--manifest", type=click.Path(dir_okay=False, path_type=Path), help="A .jsonl or .csv manifest."
)
@click.option("--published", help="Publication date for inputs that give none (YYYY-MM-DD).")
@click.option("--outlet", help="Outlet for inputs that name none.")
@click.option("--url", help="URL for inputs that give none.")
@click.option("--stages", help="Run only these stages (comma-separated), plus what they need.")
@click.option("--workers", type=int, default=1, show_default=True, help="Extraction processes.")
@click.option("--batch-size", type=int, default=16, show_default=True, help="Articles per batch.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one object per block, not per line).")
@click.option("--quiet", "-q", is_flag=True, help="Do not print warnings.")
def extract_command(
    inputs: tuple[Path, ...],
    manifest: Path | None,
    published: str | None,
    outlet: str | None,
    url: str | None,
    stages: str | None,
    workers: int,
    batch_size: int,
    pretty: bool,
    quiet: bool,
) -> None:
    """Extract dates, places, figures, claims, events and commitments; store nothing.

    Prints one JSON object per input document, in input order (an object with "error" for a
    document that cannot be read). Offsets index the text exactly as read from the file.
    """
    from ..errors import ConfigError, InputError
    from ..ledger import extract_documents
    from ..serialize import document_json

    if not inputs and manifest is None:
        raise ConfigError("nothing to extract", "give files or folders, or --manifest M.jsonl")
    defaults = defaults_from_flags(published, outlet, url)
    failed = 0

    def on_warning(msg: str) -> None:
        if not quiet:
            err(f"warning: {msg}")

    out = sys.stdout
    docs = extract_documents(
        list(inputs),
        manifest=manifest,
        defaults=defaults,
        stages=parse_stages(stages),
        batch_size=batch_size,
        workers=workers,
        on_warning=on_warning,
    )
    for item in docs:
        if isinstance(item, InputError):
            failed += 1
            err(f"error: {item.message}")
            obj: dict[str, Any] = {
                "source_file": item.path,
                "id": None,
                "error": item.message,
                "mentions": {"timexes": [], "places": [], "figures": [], "claims": []},
                "events": [],
                "commitments": [],
            }
        else:
            obj = document_json(item)
        out.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None) + "\n")
        out.flush()
    if failed:
        raise click.exceptions.Exit(1)
