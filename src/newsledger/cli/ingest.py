"""``newsledger ingest``: read reports, extract, store, reconcile."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .common import (
    db_option,
    defaults_from_flags,
    err,
    estimate_inputs,
    parse_date_option,
    parse_stages,
    progress_bar,
    stderr_is_tty,
)


@click.command("ingest")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--manifest", type=click.Path(dir_okay=False, path_type=Path), help="A .jsonl or .csv manifest."
)
@click.option("--published", help="Publication date for inputs that give none (YYYY-MM-DD).")
@click.option("--outlet", help="Outlet for inputs that name none.")
@click.option("--url", help="URL for inputs that give none.")
@click.option("--stages", help="Run only these stages (comma-separated), plus what they need.")
@click.option("--workers", type=int, default=1, show_default=True, help="Extraction processes.")
@click.option("--dask", metavar="ADDRESS", help="Extract on a Dask cluster ('local' or a scheduler address).")
@click.option("--batch-size", type=int, default=16, show_default=True, help="Articles per batch/transaction.")
@click.option("--as-of", help="Judge commitments overdue as of this date (default: newest article).")
@click.option(
    "--reconcile", "only_reconcile", is_flag=True, help="With no inputs: only rebuild events and commitments."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write partitioned Parquet to this folder instead of the SQLite ledger (no reconcile).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def ingest_command(
    inputs: tuple[Path, ...],
    db: Path,
    manifest: Path | None,
    published: str | None,
    outlet: str | None,
    url: str | None,
    stages: str | None,
    workers: int,
    dask: str | None,
    batch_size: int,
    as_of: str | None,
    only_reconcile: bool,
    out: Path | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Ingest files, folders (recursively), feeds and/or a manifest into the ledger.

    Bad files are reported (one line each) and skipped; the exit status is 1 if any failed.
    Re-running is safe: stored articles are skipped, an interrupted run is completed.
    """
    from ..errors import ConfigError
    from ..executor import skip_torch
    from ..ledger import ingest

    skip_torch()  # this command never uses torch; spaCy would import it (~180 MB) if installed
    if not inputs and manifest is None:
        if only_reconcile and out is not None:
            raise ConfigError("--reconcile works on a SQLite ledger, not on --out", "drop --out")
        if only_reconcile:
            from ..ledger import reconcile_ledger

            n_events, n_commitments = reconcile_ledger(db, as_of=parse_date_option(as_of, "--as-of"))
            if not quiet:
                err(f"reconciled {db}: {n_events} events, {n_commitments} commitments")
            return
        raise ConfigError("nothing to ingest", "give files or folders, or --manifest M.jsonl")
    if batch_size < 1:
        raise ConfigError(f"--batch-size must be at least 1, not {batch_size}", "pass --batch-size 16")
    defaults = defaults_from_flags(published, outlet, url)
    stage_names = parse_stages(stages)
    as_of_date = parse_date_option(as_of, "--as-of")
    show_progress = stderr_is_tty() and not quiet and not as_json
    total = estimate_inputs(list(inputs), manifest) if show_progress else None

    def on_failure(f: object) -> None:
        err(f"error: {f.line()}")  # type: ignore[attr-defined]

    def on_warning(msg: str) -> None:
        if not quiet:
            err(f"warning: {msg}")

    common: dict[str, Any] = dict(
        manifest=manifest,
        defaults=defaults,
        stages=stage_names,
        batch_size=batch_size,
        workers=workers,
        dask=dask,
        on_failure=on_failure,
        on_warning=on_warning,
    )
    if out is not None:
        from ..ledger import ingest_parquet

        with progress_bar("ingest", total, show_progress) as progress:
            report = ingest_parquet(list(inputs), out=out, progress=progress, **common)
        if as_json:
            click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        elif not quiet:
            err(
                f"wrote {report.stored} new article(s) to {out} ({report.already_stored} already there, "
                f"{len(report.failures)} failed); {report.articles} articles in {out}"
            )
        if report.failures:
            raise click.exceptions.Exit(1)
        return
    with progress_bar("ingest", total, show_progress) as progress:
        report = ingest(list(inputs), db=db, progress=progress, as_of=as_of_date, on_wait=err, **common)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif not quiet:
        if report.undated:
            shown = ", ".join(report.undated[:10]) + (" …" if len(report.undated) > 10 else "")
            err(
                f"note: {len(report.undated)} article(s) have no publication date, so relative dates "
                f"in them stay unresolved (give --published or a manifest date): {shown}"
            )
        err(
            f"ingested {report.stored} new article(s) ({report.already_stored} already stored, "
            + (f"{report.repeated} repeated in the inputs, " if report.repeated else "")
            + f"{report.duplicates} copies linked, {len(report.failures)} failed); "
            f"ledger {report.db}: {report.articles} articles, {report.events} events, "
            f"{report.conflicts} conflicts, {report.commitments} commitments"
        )
    if report.failures:
        raise click.exceptions.Exit(1)
