"""``pacost compare``'s views: the columns side by side, a row per figure — as a Rich table, JSON, CSV or Markdown.
Only layout lives here; the rows are ``pacost.compare``'s."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pacost.compare import Comparison, Row
from pacost.money import money_str, pounds
from pacost.render.csv_out import csv_text
from pacost.render.json_out import to_dict
from pacost.safe_text import csv_cell, json_text, markdown_text, shown

if TYPE_CHECKING:
    from rich.console import RenderableType


def _shown(row: Row, value: Decimal | bool | None, *, beside: bool = False) -> str:
    """A value for people: £1,234.56 (signed beside the first column), 37.50 hours, yes or no; – for none."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if row.kind == "hours":
        return f"{value:,.2f}"
    if beside:
        return ("+" if value > 0 else "") + pounds(value)
    return pounds(value)


def _plain(value: Decimal | bool | None) -> str:
    """A value for a spreadsheet: 1234.56, true or false; empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return money_str(value)


def _json(value: Decimal | bool | None) -> str | bool | None:
    """A value for JSON: "1234.56" (exact, as in ``pacost cost --format json``), true or false, or null."""
    return value if value is None or isinstance(value, bool) else money_str(value)


def _cells(comparison: Comparison, row: Row) -> list[str]:
    beside = row.id.endswith("_beside_first")
    return [_shown(row, value, beside=beside) if not (beside and k == 0) else "–" for k, value in enumerate(row.values)]


def compare_human(comparison: Comparison) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("")
    for column in comparison.columns:
        table.add_column(Text(shown(column.name)), justify="right")
    for row in comparison.rows:
        if row.id in ("total", "budget_per_week", "total_beside_first"):
            table.add_section()
        style = "bold" if row.id in ("total", "difference") else ""
        table.add_row(Text(row.label, style=style), *(Text(cell, style=style) for cell in _cells(comparison, row)))
    notes = [
        Text(shown(f"{column.name}: {', '.join(column.result.overrides)}"), style="italic")
        for column in comparison.columns
        if column.result.overrides
    ]
    period = {f"{c.result.start} to {c.result.end}" for c in comparison.columns}
    footer = Text(
        "Amounts are for each plan's whole period"
        + (f" ({period.pop()})" if len(period) == 1 else "; the plans' periods differ, so compare the weekly rows")
        + "."
    )
    return Group(table, Text(""), *notes, footer)


def compare_json(comparison: Comparison) -> str:
    payload: dict[str, Any] = {
        "columns": [
            {"name": column.name, "result": to_dict(column.result, brief=True)} for column in comparison.columns
        ],
        "rows": [
            {"id": row.id, "label": row.label, "values": [_plain(v) or None for v in row.values]}
            for row in comparison.rows
        ],
    }
    for row in payload["rows"]:
        row["values"] = [v if v not in ("true", "false") else v == "true" for v in row["values"]]
    return json_text(payload, indent=2) + "\n"


def compare_csv(comparison: Comparison) -> str:
    rows: list[list[str]] = [["id", "label", *(csv_cell(column.name) for column in comparison.columns)]]
    rows += [[row.id, row.label, *(_plain(v) for v in row.values)] for row in comparison.rows]
    return csv_text(rows)


def compare_markdown(comparison: Comparison) -> str:
    heads = [markdown_text(column.name) for column in comparison.columns]
    lines = ["# Side by side", "", "| | " + " | ".join(heads) + " |", "| --- |" + " ---: |" * len(heads)]
    for row in comparison.rows:
        label = f"**{row.label}**" if row.id in ("total", "difference") else row.label
        lines.append(f"| {label} | " + " | ".join(_cells(comparison, row)) + " |")
    changed = [
        f"- {markdown_text(column.name)}: {markdown_text(', '.join(column.result.overrides))}"
        for column in comparison.columns
        if column.result.overrides
    ]
    if changed:
        lines += ["", *changed]
    lines.append("")
    return "\n".join(lines)
