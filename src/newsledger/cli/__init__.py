"""The command line: each command parses, calls one public function, and formats its result.

Errors from the library (:class:`~newsledger.errors.NewsledgerError`) become one line,
``Error: what happened. What to do.``, and exit status 1.
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import NewsledgerError

# command name -> module under newsledger.cli exposing a click command named ``command``
COMMANDS = {
    "ingest": "ingest",
    "extract": "extract",
    "export": "export",
    "timeline": "query",
    "events": "query",
    "show": "query",
    "stats": "query",
    "dates": "dates",
    "places": "places",
    "commitments": "commitments",
    "serve": "serve",
}


class LazyGroup(click.Group):
    """Imports a command's module only when that command runs (fast ``--help``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        mod = importlib.import_module(f"{__name__}.{module}")
        cmd = getattr(mod, cmd_name.replace("-", "_") + "_command", None) or mod.command
        return cmd


@click.group(cls=LazyGroup)
@click.version_option(package_name="newsledger")
def cli() -> None:
    """newsledger: news reports in, a sourced ledger of events out."""


def main(argv: list[str] | None = None) -> int:
    # first, before any command imports numpy: one BLAS / OpenMP thread per process (and per
    # worker, which inherits it), unless the user set the variables (see executor)
    from ..executor import one_blas_thread_env

    one_blas_thread_env()
    try:
        rv = cli.main(args=argv, prog_name="newsledger", standalone_mode=False)
        if isinstance(rv, int):  # ctx.exit(n) in a command returns n here
            return rv
    except NewsledgerError as e:
        click.echo(f"Error: {e.message}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.exceptions.Exit as e:
        return int(e.exit_code or 0)
    except KeyboardInterrupt:
        click.echo("Interrupted; everything committed so far is kept.", err=True)
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
