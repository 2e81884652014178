"""Options and terminal helpers shared by the commands (``--db``, ``--stages``, progress bars)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError

DB_HELP = "The ledger database (or set NEWSLEDGER_DB)."


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=Path("newsledger.db"),
        show_default=True,
        envvar="NEWSLEDGER_DB",
        help=DB_HELP,
    )(f)


def parse_stages(value: str | None) -> list[str] | None:
    """``"dates,places"`` → ``["dates", "places"]``; None/empty → all stages."""
    if not value:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    from ..pipeline import select_stages

    select_stages(names)  # raises ConfigError naming the valid stages
    return names


def parse_date_option(value: str | None, flag: str) -> Any:
    if not value:
        return None
    from ..ingest import DateError, parse_date

    try:
        return parse_date(value)
    except (DateError, ValueError) as e:
        raise ConfigError(f"{flag} {value!r} is not a date ({e})", "give it as YYYY-MM-DD") from e


def defaults_from_flags(published: str | None, outlet: str | None, url: str | None) -> Any:
    if not (published or outlet or url):
        return None
    from ..ingest import Metadata

    return Metadata(published=parse_date_option(published, "--published"), outlet=outlet, url=url)


def stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def err(message: str) -> None:
    click.echo(message, err=True)


def estimate_inputs(inputs: Sequence[Path], manifest: Path | None) -> int | None:
    """A cheap count of the documents to read (for the progress bar's ETA); None if unknown."""
    total = 0
    if manifest is not None and not inputs:
        try:
            with open(manifest, "rb") as fh:
                lines = sum(1 for line in fh if line.strip())
        except OSError:
            return None
        return max(lines - (1 if manifest.suffix.lower() == ".csv" else 0), 0)
    for p in inputs:
        if p.is_dir():
            total += sum(1 for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            total += 1
    return total or None


@contextmanager
def progress_bar(label: str, total: int | None, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr (rate and ETA) that the callback moves to ``done``."""
    if not enabled:
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total, rate="")

        def update(done: int) -> None:
            t = bar.tasks[0]
            speed = t.speed
            rate = f"{speed:.1f} docs/s" if speed else ""
            if total is not None and done > total:
                bar.update(task, total=done)
            bar.update(task, completed=done, rate=rate)

        yield update
