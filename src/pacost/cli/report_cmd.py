"""``pacost report PLAN -o FILE.html``: the advocacy report — one self-contained HTML file (or Markdown) with the
verdict, a chart, the breakdown with the reason for every line, the rota, the assumptions, the rates used with
their sources, and the legal basis. Another renderer of the one costed result: no second cost calculation."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from pacost.cli.cost_cmd import (
    ENDING_OPTION,
    PLAN_ARGUMENT,
    RATES_OPTION,
    SET_OPTION,
    STRICT_OPTION,
    cost_plan_file,
)
from pacost.cli.options import ReportFormat, format_option, output_option, show
from pacost.errors import PacostError
from pacost.files import check_outputs


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


REPORT_OUTPUT = output_option(what="the report")
REPORT_FORMAT = format_option(
    None,
    "html (one self-contained page, printable to A4) or markdown (for an email or a letter). "
    "Default: markdown when --output ends in .md, else html.",
)


def report(
    plan_file: Annotated[Path, PLAN_ARGUMENT],
    output: Path | None = REPORT_OUTPUT,
    output_format: ReportFormat | None = REPORT_FORMAT,
    overrides: Annotated[list[str] | None, SET_OPTION] = None,
    rates_file: Annotated[list[Path] | None, RATES_OPTION] = None,
    strict_rates: Annotated[bool, STRICT_OPTION] = False,
    ending: Annotated[str | None, ENDING_OPTION] = None,
    letter: Annotated[
        bool,
        typer.Option(
            "--letter",
            help="Write the covering letter to the council instead (placeholders for names and the council's "
            "reference; the report is its enclosure).",
        ),
    ] = False,
) -> None:
    """The advocacy report: the verdict, a chart, every cost explained, the rates and the law, ready to send."""
    # The report is built here, when asked for, to keep other commands quick.
    from pacost.render.report import build_report

    if output_format is None:
        markdown = output is not None and output.suffix.lower() in (".md", ".markdown")
        output_format = ReportFormat.markdown if markdown else ReportFormat.html
    check_outputs([("--output", output)], [plan_file, *(rates_file or [])])
    rates, loaded, result = cost_plan_file(plan_file, overrides, rates_file, strict_rates, ending)
    content = build_report(result, loaded.plan, rates, generated_on=generated_on())
    if letter:
        from pacost.render.letter import letter_of

        show(letter_of(content), output_format, output)
        return
    show(content, output_format, output)
