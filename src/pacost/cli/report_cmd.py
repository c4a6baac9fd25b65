"""``pacost report PLAN -o FILE.html``: the advocacy report — one self-contained HTML file (or Markdown) with the
verdict, a chart, the breakdown with the reason for every line, the rota, the assumptions, the rates used with
their sources, and the legal basis. Another renderer of the one costed result: no second cost calculation."""

from __future__ import annotations

import os
import sys
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pacost.cli.cost_cmd import PLAN_ARGUMENT, RATES_OPTION, SET_OPTION, STRICT_OPTION, cost_plan_file
from pacost.errors import PacostError


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"


def generated_on() -> date:
    """Today, or the date in ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) for a fixed footer date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise PacostError(
                f"must be a whole number of seconds since 1970, got {epoch!r}", location="SOURCE_DATE_EPOCH"
            ) from None
    return date.today()


def report(
    plan_file: Annotated[Path, PLAN_ARGUMENT],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (default: standard output)."),
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (one self-contained page, printable to A4) or markdown (for an email or a letter). "
            "Default: markdown when --output ends in .md, else html.",
            case_sensitive=False,
        ),
    ] = None,
    overrides: Annotated[list[str] | None, SET_OPTION] = None,
    rates_file: Annotated[list[Path] | None, RATES_OPTION] = None,
    strict_rates: Annotated[bool, STRICT_OPTION] = False,
) -> None:
    """The advocacy report: the verdict, a chart, every cost explained, the rates and the law, ready to send."""
    # The renderers are imported here, when a report is asked for, to keep other commands quick.
    from pacost.render.report import build_report
    from pacost.render.report_html import render_report_html
    from pacost.render.report_md import render_report_markdown

    if output_format is None:
        markdown = output is not None and output.suffix.lower() in (".md", ".markdown")
        output_format = ReportFormat.markdown if markdown else ReportFormat.html
    rates, loaded, result = cost_plan_file(plan_file, overrides, rates_file, strict_rates)
    content = build_report(result, loaded.plan, rates, generated_on=generated_on())
    text = render_report_html(content) if output_format is ReportFormat.html else render_report_markdown(content)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PacostError(f"cannot write the report: {exc.strerror or exc}", location=str(output)) from None
    typer.echo(f"Wrote {output}", err=True)
