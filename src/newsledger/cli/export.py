"""``newsledger export``: the ledger as json, ACLED csv, parquet or geojson."""

from __future__ import annotations

from pathlib import Path

import click

from .common import db_option, err, progress_bar, stderr_is_tty


@click.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "parquet", "geojson"], case_sensitive=False),
    default="json",
    show_default=True,
    help="json: ledger-json.md; csv: ACLED columns; parquet: one file per table; geojson: events.",
)
@click.option(
    "--out", type=click.Path(path_type=Path), help="File (or folder, for parquet). Default: stdout."
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def export_command(db: Path, fmt: str, out: Path | None, quiet: bool) -> None:
    """Write the whole ledger in an analyst's format (text formats go to stdout without --out)."""
    from ..ledger import export_ledger

    show = out is not None and stderr_is_tty() and not quiet
    total = None
    if show and fmt.lower() == "json":  # json reports progress per article
        from ..ledger import stats

        total = stats(db)["articles"]
    with progress_bar(f"export {fmt}", total, show) as progress:
        report = export_ledger(db, fmt, out=out, progress=progress)
    if report.stale and not quiet:
        err(
            "note: articles were stored after the last reconciliation (an interrupted ingest?), so events "
            "and commitments may be out of date; run `newsledger ingest --reconcile` to rebuild them"
        )
    if report.counts.get("left_out") and not quiet:
        err(
            f"note: {report.counts['left_out']} event(s) are not in the CSV: reported as planned, denied "
            "or not having happened, or not of an ACLED event type; the JSON export has them"
        )
    if out is not None and not quiet:
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in report.counts.items())
        where = report.files[0] if len(report.files) == 1 else f"{len(report.files)} files to {out}"
        err(f"wrote {where}" + (f" ({counts})" if counts else ""))
