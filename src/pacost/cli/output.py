"""What every command shares: the ``--format`` option, the consoles, and printing an error."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape


class Format(StrEnum):
    human = "human"
    json = "json"
    csv = "csv"
    markdown = "markdown"


FORMAT_OPTION: Any = typer.Option(
    Format.human, "--format", "-f", help="human (a table for people), json, csv or markdown.", case_sensitive=False
)


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def print_error(message: str) -> None:
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]error:[/] {escape(message)}", markup=True)


def write_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
