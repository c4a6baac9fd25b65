"""What every command shares: the output options (``--format``/``-f`` and ``-o``/``--output``), showing a view on
the terminal or writing it to a file whole (``pacost.files.write_whole``), and printing an error.

CSV written to a ``.csv`` file starts with a byte-order mark, so that Excel shows £ as £; CSV on standard output
does not (it is for programs).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pacost.render import Format, render_text, renderable

if TYPE_CHECKING:
    from rich.console import Console

# Rich's console is imported where it is used: a command writing JSON, CSV or Markdown never needs it, and it takes
# a good share of a run's start-up.


class CostFormat(StrEnum):
    human = "human"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"


class BatchFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


def format_option(default: StrEnum | None, choices: str) -> Any:
    """The ``--format``/``-f`` option, with the formats a command offers described in ``choices``."""
    return typer.Option(default, "--format", "-f", help=choices, case_sensitive=False)


def output_option(*aliases: str, what: str = "the output") -> Any:
    """The ``-o``/``--output`` option (``aliases`` keeps an older spelling, such as ``--out``, working)."""
    return typer.Option(
        None, "--output", *aliases, "-o", help=f"Write {what} to this file (default: standard output).", dir_okay=False
    )


FORMAT_OPTION: Any = format_option(CostFormat.human, "human (a table for people), json, csv or markdown.")
OUTPUT_OPTION: Any = output_option()


def stdout_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_error(message: str, *, label: str = "[bold red]error:[/]") -> None:
    """``message`` to stderr, each of its lines (one problem each) after "error:" (or another ``label``), with any
    control character in it written out (a plan's name may hold a terminal escape)."""
    from rich.console import Console
    from rich.markup import escape

    from pacost.safe_text import shown

    text = "\n".join(f"{label} {escape(shown(line))}" for line in message.splitlines() or [""])
    Console(stderr=True, highlight=False, soft_wrap=True).print(text, markup=True)


def print_warning(message: str) -> None:
    """A warning on stderr, after "warning:" (the command goes on)."""
    print_error(message, label="[bold yellow]warning:[/]")


def show(subject: object, fmt: StrEnum, output: Path | None, *, detail: bool = False) -> None:
    """Show ``subject`` in ``fmt``: on standard output (a Rich view in colour on a terminal), or written to
    ``output`` whole, saying so on standard error."""
    view_format = Format(fmt.value)
    if output is not None:
        from pacost.files import write_whole
        from pacost.render.csv_out import BYTE_ORDER_MARK
        from pacost.safe_text import shown

        text = render_text(subject, view_format, detail=detail)
        if view_format is Format.csv and output.suffix.lower() == ".csv":
            text = BYTE_ORDER_MARK + text
        write_whole(output, text)
        typer.echo(f"Wrote {shown(str(output))}", err=True)
    elif view_format is Format.human:
        stdout_console().print(renderable(subject, view_format, detail=detail))
    else:
        sys.stdout.write(render_text(subject, view_format, detail=detail))
