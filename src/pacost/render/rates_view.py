"""``pacost rates``' views: the tax years known (``RatesOverview``) and every figure of one year (``RatesYear``), as
JSON, CSV, Markdown or a Rich table for the terminal. Only layout lives here; the rows are ``pacost.rates.table``'s.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import TYPE_CHECKING

from pacost.rates.table import FREQUENCY_FIELDS, RatesOverview, RatesYear, YearSummary
from pacost.render.csv_out import csv_text
from pacost.safe_text import csv_cell, json_text, markdown_link, markdown_text, shown

if TYPE_CHECKING:
    from rich.console import RenderableType

HEADS = {"weekly": "Week", "fortnightly": "Fortnight", "four_weekly": "4 weeks", "monthly": "Month", "annual": "Year"}


def overview_json(view: RatesOverview) -> str:
    payload = {"tax_years": [asdict(s) for s in view.years], "carried_forward_after": str(view.last_year)}
    return json_text(payload, indent=2) + "\n"


def _carried_forward(view: RatesOverview) -> str:
    return (
        f"Dates after {view.last_year.end:%-d %B %Y} use the {view.last_year} figures, carried forward "
        "(pacost says so in its output). `pacost rates 2026-27` shows every figure with its source."
    )


_OVERVIEW_HEADS = (
    "Tax year",
    "Employer NI",
    "Secondary threshold",
    "Employment Allowance",
    "SSP a week",
    "NLW (21+ or 23+)",
    "Pension trigger",
    "Unconfirmed",
)


def _overview_cells(view: RatesOverview) -> list[list[str]]:
    return [
        [
            s.tax_year,
            s.employer_rate,
            f"£{s.secondary_threshold_weekly}/wk, £{s.secondary_threshold_monthly}/mo",
            f"£{s.employment_allowance}",
            f"£{s.ssp_weekly}",
            f"£{s.national_living_wage}",
            f"£{s.pension_trigger_annual}/yr",
            str(s.unconfirmed),
        ]
        for s in view.years
    ]


def overview_csv(view: RatesOverview) -> str:
    rows = [[field.name for field in fields(YearSummary)]]
    rows += [[csv_cell(str(value)) for value in asdict(s).values()] for s in view.years]
    return csv_text(rows)


def overview_markdown(view: RatesOverview) -> str:
    lines = ["# Tax years pacost knows", "", "| " + " | ".join(_OVERVIEW_HEADS) + " |"]
    lines.append("|" + "---|" * len(_OVERVIEW_HEADS))
    lines += ["| " + " | ".join(markdown_text(cell) for cell in cells) + " |" for cells in _overview_cells(view)]
    lines += ["", _carried_forward(view), ""]
    return "\n".join(lines)


def overview_human(view: RatesOverview) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Tax years pacost knows", title_justify="left")
    for head in _OVERVIEW_HEADS:
        table.add_column(head)
    for cells in _overview_cells(view):
        table.add_row(*(Text(shown(cell)) for cell in cells))
    return Group(table, Text(_carried_forward(view)))


def year_json(view: RatesYear) -> str:
    payload = {"tax_year": str(view.year), "figures": [asdict(r) for r in view.rows]}
    return json_text(payload, indent=2) + "\n"


def year_csv(view: RatesYear) -> str:
    rows = [["section", "figure", "value", *FREQUENCY_FIELDS, "status", "note", "source", "url", "rule"]]
    for r in view.rows:
        per = r.per_period or {}
        cells = [
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
        rows.append([csv_cell(cell) for cell in cells])
    return csv_text(rows)


def year_markdown(view: RatesYear) -> str:
    lines = [
        f"# Statutory figures for {view.year}",
        "",
        "| Section | Figure | Value | Status | Source |",
        "|---|---|---|---|---|",
    ]
    for r in view.rows:
        value = r.shown or r.value or ", ".join(f"{HEADS[f]} £{v}" for f, v in (r.per_period or {}).items())
        cells = [markdown_text(text) for text in (r.section, r.name, value, r.status)]
        lines.append(f"| {' | '.join(cells)} | {markdown_link(r.source_title, r.source_url)} |")
    return "\n".join(lines) + "\n"


def year_human(view: RatesYear) -> RenderableType:
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    year = view.year
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
    for r in view.rows:
        if r.section != section:
            section = r.section
            table.add_section()
            table.add_row(Text(shown(section), style="bold"), "", "", "")
        value = r.shown or r.value or "  ".join(f"{HEADS[f]} £{v}" for f, v in (r.per_period or {}).items())
        source = Text(shown(r.source_title) + "\n")
        source.append(shown(r.source_url), style=Style(link=r.source_url) if r.source_url.isprintable() else None)
        table.add_row(Text("  " + shown(r.name)), Text(shown(value)), Text(shown(r.status)), source)
    return table
