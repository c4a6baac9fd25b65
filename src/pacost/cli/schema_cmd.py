"""``pacost schema``: the plan file's JSON Schema, for programs that write plans (people read docs/plan-file.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from pacost.cli.options import OUTPUT_OPTION
from pacost.files import write_whole
from pacost.safe_text import json_text, shown


def schema(output: Path | None = OUTPUT_OPTION) -> None:
    """Print the plan file's JSON Schema: every key, its type and whether a plan may leave it out.

    The same keys, with their defaults and examples, are described for people in docs/plan-file.md."""
    from pacost.plan import plan_json_schema

    text = json_text(plan_json_schema(), indent=2) + "\n"
    if output is not None:
        write_whole(output, text)
        typer.echo(f"Wrote {shown(str(output))}", err=True)
    else:
        sys.stdout.write(text)
