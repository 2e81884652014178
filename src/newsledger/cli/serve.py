"""``newsledger serve``: the local web page over a ledger, read-only."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ConfigError
from .common import db_option


@click.command("serve")
@db_option
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0 picks a free port"
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="address to bind; anything but loopback exposes the ledger to the network",
)
@click.option("--quiet", is_flag=True, help="do not log requests")
def serve_command(db: Path, port: int, host: str, quiet: bool) -> None:
    """Serve the timeline, map, event, article and commitments pages on http://HOST:PORT/."""
    from ..web.server import make_server
    from ..web.store_source import StoreSource

    source = StoreSource(db, refresh="background")
    try:
        server = make_server(source, host, port, quiet=quiet)
    except OSError as e:
        source.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {e.strerror or e}", "pick another --port") from e
    source.view()  # load once now: errors show before the URL does
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: listening on {host}: anyone who can reach it can read the ledger.", err=True)
    click.echo(f"Serving {db} (read-only) at {server.url}  (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
        source.close()
