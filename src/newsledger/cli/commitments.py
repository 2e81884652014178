"""``newsledger commitments``: promised actions with deadlines, amendments and what became of them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..model import COMMITMENT_STATUSES
from .common import db_option


@click.command("commitments")
@db_option
@click.option("--status", type=click.Choice(COMMITMENT_STATUSES), help="Only commitments with this status.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per commitment (JSON Lines).")
def commitments_command(db: Path, status: str | None, as_json: bool) -> None:
    """List tracked commitments with their deadline history and status."""
    from ..reconcile.views import load_commitments
    from ..serialize import commitment_json

    views = load_commitments(db, status)
    if as_json:
        for v in views:
            click.echo(json.dumps(commitment_json(v.commitment), ensure_ascii=False))
        return
    if not views:
        click.echo("No commitments in the ledger" + (f" with status {status}." if status else "."))
        return
    for v in views:
        c = v.commitment
        where = c.location.name if c.location else "?"
        parties = f"{c.obligor or '?'} → {c.beneficiary or '?'}"
        click.echo(f"{c.id}  {c.status.upper():<14} {c.action} — {where}  ({parties})")
        click.echo(f"    deadline in force: {c.deadline or 'none'}")
        for h in v.history:
            kind = h.change.amendment or "stated"
            when = h.published or "undated report"
            click.echo(f"    {kind:<10} {h.change.deadline or '—':<10}  reported {when}: “{h.quote.strip()}”")
        if v.fulfilled_by is not None:
            e = v.fulfilled_by
            click.echo(f"    fulfilled by {e.id} on {c.fulfilled_on}: {e.sub_event_type or e.event_type}")
        click.echo("")
