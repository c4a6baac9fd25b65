"""``pacost compare``'s views (the columns side by side, a row per figure) and ``pacost sweep``'s (a row per value,
a bar of the cost against the budget, the break-even value) — as a Rich table, JSON, CSV or Markdown. Only layout
lives here; the rows are ``pacost.compare``'s."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pacost.compare import Comparison, Row, Sweep, SweepRow, agency_verdict
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
    verdict = agency_verdict(comparison)
    said = [Text(verdict, style="bold")] if verdict else []
    return Group(table, Text(""), *said, *notes, footer)


def compare_json(comparison: Comparison) -> str:
    columns: list[dict[str, Any]] = []
    for column in comparison.columns:
        out: dict[str, Any] = {"name": column.name, "result": to_dict(column.result, brief=True)}
        if (quote := column.agency) is not None:
            out["agency"] = {
                "rate": money_str(quote.rate),
                "surcharges": {
                    "weekend": str(quote.surcharges.weekend),
                    "night": str(quote.surcharges.night),
                    "bank_holiday": str(quote.surcharges.bank_holiday),
                },
                "sleep_in_rate": None if quote.sleep_in_rate is None else money_str(quote.sleep_in_rate),
                "waking_hours": f"{quote.waking_hours:.2f}",
                "sleep_in_nights": quote.nights,
                "total": money_str(quote.total),
            }
        columns.append(out)
    payload: dict[str, Any] = {
        "columns": columns,
        "rows": [
            {"id": row.id, "label": row.label, "values": [_json(v) for v in row.values]} for row in comparison.rows
        ],
    }
    if (verdict := agency_verdict(comparison)) is not None:
        payload["agency_verdict"] = verdict
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
    if (verdict := agency_verdict(comparison)) is not None:
        lines += ["", f"**{markdown_text(verdict)}**"]
    if changed:
        lines += ["", *changed]
    lines.append("")
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------------------------------
# pacost sweep

_BAR = 14


def _value_text(value: Decimal) -> str:
    """A swept value as it was stepped: ``12.00``, ``12.25`` (for ``12:14:0.25``)."""
    return f"{value:f}"


def _break_even_text(sweep: Sweep) -> str | None:
    found = sweep.break_even
    if found is None:
        return None
    if found.value is None:
        return f"Break-even: {found.note} ({found.key})."
    return f"Break-even: {found.key} = {_value_text(found.value)}, {found.note}."


def _sweep_heads(sweep: Sweep) -> list[str]:
    return [vary.key for vary in sweep.varies] + [
        "true cost",
        "budget",
        "difference",
        "covered",
        "hours a week bought",
        "true cost a week",
    ]


def _sweep_cells(row: SweepRow, plain: bool) -> list[str]:
    r = row.result
    money = money_str if plain else pounds
    bought = r.hours_per_week_budget_buys
    return [
        *(_value_text(v) for v in row.values),
        money(r.total),
        money(r.budget),
        money(r.difference),
        ("true" if r.covered else "false") if plain else ("yes" if r.covered else "no"),
        "" if bought is None else f"{bought:.2f}",
        money(r.total_per_week),
    ]


def sweep_human(sweep: Sweep) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    # A figure the same in every row (the cost, when the budget is swept) is said once, under the table, and the
    # weekly cost is left to the files: the terminal is narrow.
    totals = {row.result.total for row in sweep.rows}
    budgets = {row.result.budget for row in sweep.rows}
    left_out = {"true cost a week"} | ({"true cost"} if len(totals) == 1 else set())
    left_out |= {"budget"} if len(budgets) == 1 else set()
    heads = _sweep_heads(sweep)
    shown_columns = [k for k, head in enumerate(heads) if head not in left_out]
    table = Table(box=None, header_style="bold", pad_edge=False)
    for k in shown_columns:
        head = "hours/wk" if heads[k] == "hours a week bought" else shown(heads[k])
        table.add_column(head, justify="left" if k < len(sweep.varies) else "right", no_wrap=True)
    largest = max((max(row.result.total, row.result.budget) for row in sweep.rows), default=Decimal(0))
    one_key = len(sweep.varies) == 1
    if one_key:
        table.add_column("cost █ budget │", no_wrap=True)
    for row in sweep.rows:
        r = row.result
        cells = _sweep_cells(row, plain=False)
        style = "" if r.covered else "red"
        chart = [Text(_chart(r.total, r.budget, largest), style=style)] if one_key else []
        table.add_row(*(Text(cells[k], style=style) for k in shown_columns), *chart)
    parts: list[RenderableType] = [table, Text("")]
    if len(totals) == 1:
        parts.append(Text(f"True cost: {pounds(totals.pop())} over the plan, in every row."))
    if len(budgets) == 1:
        parts.append(Text(f"Budget: {pounds(budgets.pop())} over the plan, in every row."))
    if (text := _break_even_text(sweep)) is not None:
        parts.append(Text(shown(text), style="bold"))
    parts.append(Text("hours/wk: the hours of care a week the budget buys at the row's true cost per hour."))
    return Group(*parts)


def _chart(total: Decimal, budget: Decimal, largest: Decimal) -> str:
    """A bar of the true cost, with the budget marked: ``██████████│██`` (over) or ``████████  │`` (covered)."""
    if largest <= 0:
        return ""
    filled = int(total / largest * _BAR)
    mark = min(int(budget / largest * _BAR), _BAR - 1)
    bar = ["█" if k < filled else " " for k in range(_BAR)]
    bar[mark] = "│"
    return "".join(bar).rstrip()


def sweep_json(sweep: Sweep) -> str:
    found = sweep.break_even
    payload: dict[str, Any] = {
        "vary": [{"key": vary.key, "values": [_value_text(v) for v in vary.values]} for vary in sweep.varies],
        "rows": [
            {"values": {vary.key: _value_text(v) for vary, v in zip(sweep.varies, row.values, strict=True)}}
            | {
                name: value
                for name, value in to_dict(row.result, brief=True).items()
                if name
                in (
                    "total",
                    "budget",
                    "difference",
                    "covered",
                    "hours_per_week_budget_buys",
                    "per_week",
                    "max_affordable_hourly_rate",
                )
            }
            for row in sweep.rows
        ],
        "break_even": None
        if found is None
        else {
            "key": found.key,
            "value": None if found.value is None else _value_text(found.value),
            "side": None if found.value is None else "highest" if found.highest else "lowest",
            "note": found.note,
        },
    }
    if sweep.rows:
        first = sweep.rows[0].result
        payload |= {"plan": first.plan, "source": first.source, "plan_sha256": first.sha256}
    return json_text(payload, indent=2) + "\n"


def sweep_csv(sweep: Sweep) -> str:
    rows: list[list[str]] = [[csv_cell(head) for head in _sweep_heads(sweep)]]
    rows += [_sweep_cells(row, plain=True) for row in sweep.rows]
    return csv_text(rows)


def sweep_markdown(sweep: Sweep) -> str:
    heads = [markdown_text(head) for head in _sweep_heads(sweep)]
    title = markdown_text(sweep.rows[0].result.plan) if sweep.rows else "The plan"
    lines = [f"# {title}: a sweep", "", "| " + " | ".join(heads) + " |", "|" + " ---: |" * len(heads)]
    lines += ["| " + " | ".join(_sweep_cells(row, plain=False)) + " |" for row in sweep.rows]
    if (text := _break_even_text(sweep)) is not None:
        lines += ["", f"**{markdown_text(text)}**"]
    lines.append("")
    return "\n".join(lines)
