"""A batch's output rows (``pacost batch``): one CSV row or JSON Lines object per input plan — the verdict figures
and every line of the breakdown by its id, or the located error. Text cells a spreadsheet would run as a formula
are neutralised.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pacost.money import money_str
from pacost.render.csv_out import csv_text
from pacost.render.json_out import hours_text, optional_money, to_dict
from pacost.result import LINE_IDS, CostResult
from pacost.safe_text import csv_cell, json_text


class Row(NamedTuple):
    """One output row: a costed plan (written out as ``pacost cost --format json`` writes it) or an error."""

    plan_id: str
    source: str
    result: CostResult | None
    error: str | None


SUMMARY_FIELDS = (
    "total",
    "budget",
    "difference",
    "covered",
    "share_covered_percent",
    "cost_per_planned_hour",
    "hours_per_week_budget_buys",
    "max_affordable_hourly_rate",
    "budget_needed",
    "budget_per",
    "on_cost_percent",
    "budget_implied_hourly_rate",
)
#: What the employer would owe if the employment ended (``liabilities`` in the JSON result), as ``if_ended_*``
#: columns: never part of ``total``.
ENDING_FIELDS = ("ending", "redundancy_pay", "notice_pay", "holiday_pay", "employer_ni", "pension", "total")
CSV_OUTPUT_COLUMNS = (
    "row",
    "plan_id",
    "source",
    "status",
    "error",
    "plan",
    "start",
    "end",
    "days",
    "planned_hours",
    "unpaid_family_hours",
    *SUMMARY_FIELDS,
    "total_per_week",
    "budget_per_week",
    "difference_per_week",
    *LINE_IDS,
    *(f"if_ended_{name}" for name in ENDING_FIELDS),
    "reserve",
    "reserve_over_balance_limit",
    "warnings",
    "rates_used",
)


def _summary(r: CostResult) -> dict[str, str | None]:
    """The verdict figures, each as ``pacost cost --format json`` gives it (None: none)."""
    return {
        "total": money_str(r.total),
        "budget": money_str(r.budget),
        "difference": money_str(r.difference),
        "covered": "true" if r.covered else "false",
        "share_covered_percent": None if r.share_covered_percent is None else str(r.share_covered_percent),
        "cost_per_planned_hour": optional_money(r.cost_per_planned_hour),
        "hours_per_week_budget_buys": hours_text(r.hours_per_week_budget_buys),
        "max_affordable_hourly_rate": optional_money(r.max_affordable_hourly_rate),
        "budget_needed": money_str(r.budget_needed),
        "budget_per": r.budget_per,
        "on_cost_percent": None if r.on_cost_percent is None else str(r.on_cost_percent),
        "budget_implied_hourly_rate": optional_money(r.budget_implied_hourly_rate),
    }


def csv_cells(number: int, row: Row) -> list[str]:
    """One CSV output row, each figure written as the JSON result writes it; text a spreadsheet would run as a
    formula is neutralised."""
    cells: dict[str, str] = dict.fromkeys(CSV_OUTPUT_COLUMNS, "")
    cells["row"] = str(number)
    cells["plan_id"] = csv_cell(row.plan_id)
    cells["source"] = csv_cell(row.source)
    r = row.result
    if r is None:
        cells["status"] = "error"
        cells["error"] = csv_cell(row.error or "")
        return list(cells.values())
    cells["status"] = "ok"
    cells["plan"] = csv_cell(r.plan)
    cells["start"], cells["end"], cells["days"] = r.start.isoformat(), r.end.isoformat(), str(r.days)
    cells["planned_hours"] = hours_text(r.hours.planned) or ""
    cells["unpaid_family_hours"] = hours_text(r.hours.unpaid_family) or ""
    for name, value in _summary(r).items():
        cells[name] = "" if value is None else value
    cells["total_per_week"] = money_str(r.total_per_week)
    cells["budget_per_week"] = money_str(r.budget_per_week)
    cells["difference_per_week"] = money_str(r.difference_per_week)
    for line in r.lines:
        cells[line.id] = money_str(line.amount)
    owed = r.liabilities
    if owed is not None:
        cells["if_ended_ending"] = owed.ending.isoformat()
        for name in ENDING_FIELDS[1:]:  # the amounts
            cells[f"if_ended_{name}"] = money_str(getattr(owed, name))
    reserve = r.reserve
    if reserve is not None:
        cells["reserve"] = money_str(reserve.amount)
        cells["reserve_over_balance_limit"] = optional_money(reserve.over_balance_limit) or ""
    cells["warnings"] = csv_cell(" | ".join(r.warnings))
    cells["rates_used"] = " ".join(r.rates_used)
    return list(cells.values())


def csv_line(number: int, row: Row) -> str:
    return csv_text([csv_cells(number, row)])


def csv_header() -> str:
    return csv_text([CSV_OUTPUT_COLUMNS])


def jsonl_line(number: int, row: Row) -> str:
    payload: dict[str, Any] = {"row": number, "plan_id": row.plan_id, "source": row.source}
    if row.result is None:
        payload |= {"status": "error", "error": row.error}
    else:
        payload |= {"status": "ok", "result": to_dict(row.result)}
    return json_text(payload, separators=(",", ":")) + "\n"
