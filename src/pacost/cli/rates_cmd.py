"""``pacost rates``: the tax years pacost knows, or every figure of one year with its official source."""

from __future__ import annotations

import csv
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from pacost.cli.output import FORMAT_OPTION, Format, stdout_console, write_json
from pacost.dates import TaxYear
from pacost.errors import PacostError

_HEAD = {"weekly": "Week", "fortnightly": "Fortnight", "four_weekly": "4 weeks", "monthly": "Month", "annual": "Year"}


def rates(
    tax_year: Annotated[str | None, typer.Argument(help="A tax year such as 2026-27: show its every figure.")] = None,
    output_format: Format = FORMAT_OPTION,
    rates_file: Annotated[
        list[Path] | None, typer.Option("--rates", help="A TOML file that adds or overrides a year's figures.")
    ] = None,
) -> None:
    """The statutory figures pacost knows, per tax year, each with its official source."""
    # The figures (and the table layout) are loaded here, when asked for, to keep other commands quick.
    from rich.table import Table

    from pacost.rates import bundled_rates, load_rates
    from pacost.rates.table import FREQUENCY_FIELDS, year_rows, year_summaries

    book = load_rates(rates_file) if rates_file else bundled_rates()
    if tax_year is None:
        summaries = year_summaries(book)
        if output_format is Format.json:
            write_json(
                {
                    "tax_years": [asdict(s) for s in summaries],
                    "carried_forward_after": str(book.last_year),
                }
            )
            return
        table = Table(title="Tax years pacost knows", title_justify="left")
        for head in (
            "Tax year",
            "Employer NI",
            "Secondary threshold",
            "Employment Allowance",
            "SSP a week",
            "NLW (21+ or 23+)",
            "Pension trigger",
            "Unconfirmed",
        ):
            table.add_column(head)
        for s in summaries:
            table.add_row(
                s.tax_year,
                s.employer_rate,
                f"£{s.secondary_threshold_weekly}/wk, £{s.secondary_threshold_monthly}/mo",
                f"£{s.employment_allowance}",
                f"£{s.ssp_weekly}",
                f"£{s.national_living_wage}",
                f"£{s.pension_trigger_annual}/yr",
                str(s.unconfirmed),
            )
        console = stdout_console()
        console.print(table)
        console.print(
            f"Dates after {book.last_year.end:%-d %B %Y} use the {book.last_year} figures, carried forward "
            "(pacost says so in its output). `pacost rates 2026-27` shows every figure with its source."
        )
        return

    try:
        year = TaxYear.parse(tax_year)
    except ValueError as exc:
        raise PacostError(str(exc), location="TAX_YEAR") from None
    if year not in book.tax_years:
        known = ", ".join(str(y) for y in book.tax_years)
        raise PacostError(f"pacost has no figures for {year}; it knows {known}", location="TAX_YEAR")
    rows = year_rows(book, year)
    if output_format is Format.json:
        write_json({"tax_year": str(year), "figures": [asdict(r) for r in rows]})
        return
    if output_format is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["section", "figure", "value", *FREQUENCY_FIELDS, "status", "note", "source", "url", "rule"])
        for r in rows:
            per = r.per_period or {}
            writer.writerow(
                [
                    r.section,
                    r.name,
                    r.value or "",
                    *(per.get(f, "") for f in FREQUENCY_FIELDS),
                    r.status,
                    r.note or "",
                    r.source_title,
                    r.source_url,
                    r.rule_url or "",
                ]
            )
        return
    if output_format is Format.markdown:
        lines = [
            f"# Statutory figures for {year}",
            "",
            "| Section | Figure | Value | Status | Source |",
            "|---|---|---|---|---|",
        ]
        for r in rows:
            value = r.value or ", ".join(f"{_HEAD[f]} {v}" for f, v in (r.per_period or {}).items())
            lines.append(f"| {r.section} | {r.name} | {value} | {r.status} | [{r.source_title}]({r.source_url}) |")
        sys.stdout.write("\n".join(lines) + "\n")
        return
    console = stdout_console()
    table = Table(
        title=f"Statutory figures for {year} ({year.start:%-d %B %Y} to {year.end:%-d %B %Y})",
        title_justify="left",
        show_lines=False,
    )
    table.add_column("Figure")
    table.add_column("Value / per period")
    table.add_column("Status")
    table.add_column("Source")
    section = None
    for r in rows:
        if r.section != section:
            section = r.section
            table.add_section()
            table.add_row(f"[bold]{section}[/]", "", "", "")
        value = r.value or "  ".join(f"{_HEAD[f]} £{v}" for f, v in (r.per_period or {}).items())
        table.add_row(f"  {r.name}", value, r.status, f"{r.source_title}\n[link={r.source_url}]{r.source_url}[/link]")
    console.print(table)
