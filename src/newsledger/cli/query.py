"""Reading the ledger in the terminal: ``timeline``, ``events``, ``show``, ``stats``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .common import db_option

TYPE_STYLES = {
    "Battles": "bold red",
    "Explosions/Remote violence": "magenta",
    "Violence against civilians": "bright_red",
    "Protests": "yellow",
    "Riots": "dark_orange",
    "Strategic developments": "cyan",
}


def _console() -> Any:
    from rich.console import Console

    c = Console()
    if not c.is_terminal:
        c = Console(width=160)
    return c


def _filters(f: Any) -> Any:
    for opt in reversed(
        (
            click.option("--type", "type_", help="Event type or sub-event type (substring)."),
            click.option("--place", help="Place name (substring) or country code."),
            click.option("--actor", help="Any actor (substring)."),
            click.option("--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            click.option("--until", help="Up to this date."),
            click.option("--limit", type=int, help="At most this many events."),
            click.option("--json", "as_json", is_flag=True, help="Print ledger JSON instead of a table."),
        )
    ):
        f = opt(f)
    return f


def _actors(e: Any) -> str:
    parts = [x for x in (e.actor1, e.actor2) if x]
    text = " vs ".join(parts) if len(parts) == 2 else (parts[0] if parts else "")
    if e.assoc_actors:
        text += (" " if text else "") + f"(with {', '.join(e.assoc_actors)})"
    return text


def _place(e: Any) -> str:
    loc = e.location
    if loc is None:
        return ""
    return f"{loc.name}, {loc.country}" if loc.country else loc.name


def _event_table(events: list[Any], title: str, with_ids: bool) -> Any:
    from rich.table import Table
    from rich.text import Text

    t = Table(title=title, title_justify="left", show_lines=False, header_style="bold")
    if with_ids:
        t.add_column("id", style="dim", no_wrap=True)
    t.add_column("date", no_wrap=True)
    t.add_column("type")
    t.add_column("place")
    t.add_column("actors")
    t.add_column("deaths", justify="right")
    t.add_column("src", justify="right")
    t.add_column("status")
    t.add_column("!", justify="center")
    for e in events:
        style = TYPE_STYLES.get(e.event_type, "white")
        kind = Text(e.event_type, style=style)
        if e.sub_event_type:
            kind.append(f"\n{e.sub_event_type}", style="dim")
        conflict = (
            Text("≠ " + ",".join(c.field for c in e.conflicts), style="bold yellow") if e.conflicts else ""
        )
        row = [
            e.date or "?",
            kind,
            _place(e),
            _actors(e),
            "" if e.fatalities is None else str(e.fatalities),
            str(len({s.article for s in e.sources})),
            "" if e.status == "occurred" else e.status,
            conflict,
        ]
        t.add_row(*([e.id] if with_ids else []), *row)
    return t


def _print_events(events: list[Any], title: str, as_json: bool, with_ids: bool) -> None:
    from ..serialize import event_json

    if as_json:
        click.echo(json.dumps([event_json(e) for e in events], ensure_ascii=False, indent=2))
        return
    console = _console()
    if not events:
        console.print("No events match.")
        return
    console.print(_event_table(events, title, with_ids))
    n_conf = sum(1 for e in events if e.conflicts)
    if n_conf:
        console.print(f"[yellow]≠[/] {n_conf} event(s) where sources disagree (see `newsledger show ID`).")


def _says(m: Any) -> str:
    """What one event mention gives for the main fields (for comparing sources)."""
    parts = [f"date {m.date or '?'}"]
    if m.place is not None:
        parts.append(f"place {m.place.name}")
    actors = ", ".join(x for x in (m.actor1, m.actor2, *m.assoc_actors) if x)
    if actors:
        parts.append(f"actors {actors}")
    if m.fatalities is not None:
        parts.append(f"fatalities {m.fatalities}")
    if m.status != "occurred":
        parts.append(f"status {m.status}")
    parts.append(f"trigger “{m.trigger}”")
    return "; ".join(parts)


@click.command("timeline")
@db_option
@_filters
def timeline_command(db: Path, type_: str | None, place: str | None, actor: str | None, since: str | None,
                     until: str | None, limit: int | None, as_json: bool) -> None:  # fmt: skip
    """The events of the ledger in date order, coloured by type; ≠ marks disagreeing sources."""
    from ..ledger import timeline

    events = timeline(db, since=since, until=until, type=type_, place=place, actor=actor, limit=limit)
    _print_events(events, f"Timeline — {len(events)} event(s)", as_json, with_ids=False)


@click.command("events")
@db_option
@_filters
@click.option("--status", help="occurred, planned, denied, claimed_false, unknown, …")
def events_command(db: Path, type_: str | None, place: str | None, actor: str | None, since: str | None,
                   until: str | None, limit: int | None, as_json: bool, status: str | None) -> None:  # fmt: skip
    """List events with their ids, filtered by type, place, actor and date range."""
    from ..ledger import find_events

    events = find_events(db, type=type_, place=place, actor=actor, since=since, until=until, status=status,
                         limit=limit)  # fmt: skip
    _print_events(events, f"{len(events)} event(s)", as_json, with_ids=True)


@click.command("show")
@click.argument("event_id")
@db_option
@click.option(
    "--json", "as_json", is_flag=True, help="Print the event's ledger JSON with its source sentences."
)
def show_command(event_id: str, db: Path, as_json: bool) -> None:
    """An event with every field, each source and its sentence, conflicts and why it was merged."""
    from rich.panel import Panel
    from rich.table import Table

    from ..ledger import event_detail
    from ..serialize import commitment_json, event_json, event_mention_json

    d = event_detail(db, event_id)
    e = d.event
    if as_json:
        out = event_json(e)
        for s, view in zip(out["sources"], d.sources, strict=True):
            s["text"], s["sentence"] = view.text, view.sentence
            s["outlet"] = view.article.outlet if view.article else None
            s["mention"] = event_mention_json(view.mention) if view.mention is not None else None
            s["published"] = (
                view.article.published.isoformat() if view.article and view.article.published else None
            )
        out["fulfils"] = [commitment_json(c) for c in d.commitments]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    console = _console()
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    loc = e.location
    where = ""
    if loc is not None:
        coords = (
            f" ({loc.latitude:.3f}, {loc.longitude:.3f})"
            if loc.latitude is not None and loc.longitude is not None
            else ""
        )
        where = f"{_place(e)}{coords}" + (f", precision: {loc.geo_precision}" if loc.geo_precision else "")
    for name, value in (
        ("type", e.event_type), ("sub-type", e.sub_event_type),
        ("date", f"{e.date} ({e.date_precision})" if e.date and e.date_precision else e.date),
        ("actor 1", e.actor1), ("actor 2", e.actor2), ("associated", ", ".join(e.assoc_actors)),
        ("location", where), ("fatalities", e.fatalities), ("injured", e.injured), ("status", e.status),
    ):  # fmt: skip
        fields.add_row(name, "—" if value in (None, "") else str(value))
    style = TYPE_STYLES.get(e.event_type, "white")
    console.print(Panel(fields, title=f"[{style}]event {e.id}[/]", title_align="left"))
    console.print(f"[bold]Sources[/] ({len(d.sources)})")
    for i, v in enumerate(d.sources, 1):
        a = v.article
        head = f"{i}. article {v.source.article}"
        if a is not None:
            meta = [
                x for x in (a.outlet, a.published.isoformat() if a.published else None, a.source_file) if x
            ]
            head += f" — {' · '.join(meta)}"
        if v.source.attributed_to:
            head += f" — according to {v.source.attributed_to}"
        console.print(head, style="bold", markup=False, highlight=False)
        quote = " ".join((v.sentence or v.text).split())
        console.print(f"   “{quote}”", markup=False, highlight=False)
        if v.mention is not None:
            console.print(f"   this source: {_says(v.mention)}", style="dim", markup=False, highlight=False)
    if e.conflicts:
        console.print("[bold yellow]Sources disagree[/]")
        for c in e.conflicts:
            for val in c.values:
                console.print(f"   {c.field}: {val.value}  ← {', '.join(val.articles)}", markup=False)
    if e.merge_reasons:
        console.print("[bold]Why these reports are one event[/]")
        for r in e.merge_reasons:
            console.print(f"   {r}", markup=False, highlight=False)
    for k in d.commitments:
        console.print(
            f"[bold]Fulfils commitment[/] {k.id}: {k.obligor or '?'} to {k.action} by {k.deadline or '?'}"
        )


@click.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats_command(db: Path, as_json: bool) -> None:
    """Counts: articles, mentions, events (by type), conflicts, commitments."""
    from rich.table import Table

    from ..ledger import stats

    s = stats(db)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    t = Table(
        title=f"Ledger {s['db']} (schema v{s['schema_version']})", title_justify="left", show_header=False
    )
    t.add_column(style="bold")
    t.add_column(justify="right")
    for key in ("articles", "duplicates", "undated", "timexes", "places", "figures", "claims", "event_mentions",
                "events", "events_with_conflicts", "commitments"):  # fmt: skip
        t.add_row(key.replace("_", " "), str(s[key]))
    for k, v in s["events_by_type"].items():
        t.add_row(f"  {k}", str(v), style=TYPE_STYLES.get(k, ""))
    for k, v in s["commitments_by_status"].items():
        t.add_row(f"  commitments {k}", str(v))
    if s["published_from"]:
        t.add_row("published", f"{s['published_from']} … {s['published_to']}")
    if s["events_from"]:
        t.add_row("event dates", f"{s['events_from']} … {s['events_to']}")
    console = _console()
    console.print(t)
    if s["needs_reconcile"]:
        console.print(
            "[yellow]Articles were stored after the last reconciliation; run `newsledger ingest --reconcile`.[/]"
        )
