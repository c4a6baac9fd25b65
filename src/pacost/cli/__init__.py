"""The ``pacost`` command line: one Typer app joining one module per command.

This package and its renderers are the only code that may import typer or rich (ruff's banned-api rule keeps the
core free of them). Errors a user can fix are ``PacostError``s, printed here once, to stderr, with exit code 1;
tracebacks only with ``--debug``, and never with local variables or the error's message (plans hold personal
data).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

import typer

from pacost import __version__
from pacost.cli import batch_cmd, compare_cmd, cost_cmd, new_cmd, rates_cmd, report_cmd, schema_cmd, sweep_cmd
from pacost.cli.options import print_error
from pacost.errors import PacostError

#: Every command, by name.
COMMANDS: dict[str, Callable[..., None]] = {
    "new": new_cmd.new,
    "cost": cost_cmd.cost,
    "compare": compare_cmd.compare,
    "sweep": sweep_cmd.sweep,
    "batch": batch_cmd.batch,
    "rates": rates_cmd.rates,
    "report": report_cmd.report,
    "schema": schema_cmd.schema,
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pacost {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", help="Show the version and exit.", callback=_version, is_eager=True
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback when something goes wrong (for bug reports)."),
) -> None:
    """pacost: what employing your PAs really costs, line by line, and whether the budget covers it."""


def make_app(names: Iterable[str] = COMMANDS) -> typer.Typer:
    """The app with the commands ``names`` (all of them unless told)."""
    made = typer.Typer(
        name="pacost",
        help="The true cost of employing personal assistants, set against a council's direct payment.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
    )
    made.callback()(_root)
    for name in names:
        made.command(name)(COMMANDS[name])
    return made


app = make_app()


def _app_for(arguments: list[str]) -> typer.Typer:
    """The app to run these arguments: with the one command they name, when they name one (typer reads every
    command's options before it runs any, so building only the one named makes every command start sooner), or with
    all of them (for ``--help``, ``--version`` or a mistyped name)."""
    named = next((argument for argument in arguments if not argument.startswith("-")), None)
    return make_app([named]) if named in COMMANDS else app


def _print_traceback(exc: BaseException) -> None:
    """Where pacost failed, for a bug report (``--debug``): each frame's file, line and code, and the kind of error
    — no local variables, and not the error's message, which may quote the plan."""
    import traceback

    frames = "".join(traceback.format_tb(exc.__traceback__))
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
    sys.stderr.write(
        f"Traceback (most recent call last):\n{frames}{kind} (its message is left out here: it may quote the plan)\n"
    )


def main() -> None:
    """The command line: run the command, and answer every way it can fail in plain words and an exit code."""
    debug = "--debug" in sys.argv[1:]
    try:
        _app_for(sys.argv[1:])()
    except PacostError as exc:
        if debug:
            _print_traceback(exc)
        print_error(str(exc))
        sys.exit(1)
    except KeyboardInterrupt:
        print_error("stopped.")
        sys.exit(130)
    except Exception as exc:  # the last line of defence: no traceback with personal data
        if debug:
            _print_traceback(exc)
        print_error(
            f"pacost hit an unexpected problem ({type(exc).__name__}). To report it, run the same command again "
            "with --debug and send what it prints: it shows where in pacost's code the problem arose, not your "
            "plan's details. Do not attach the plan file itself: it holds personal data."
        )
        sys.exit(1)
