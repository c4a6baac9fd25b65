"""A batch's output rows (``pacost batch``): one CSV row or JSON Lines object per input plan — the verdict figures
and every line of the breakdown by its id, or the located error. Text cells a spreadsheet would run as a formula
are neutralised.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pacost.render.csv_out import csv_text
from pacost.result import LINE_IDS
from pacost.safe_text import csv_cell, json_text


class Row(NamedTuple):
    """One output row: a result (``result`` holds ``pacost cost --format json``'s data) or an error."""

    plan_id: str
    source: str
    result: dict[str, Any] | None
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


def csv_cells(number: int, row: Row) -> list[str]:
    """One CSV output row; text a spreadsheet would run as a formula is neutralised."""
    cells: dict[str, str] = dict.fromkeys(CSV_OUTPUT_COLUMNS, "")
    cells["row"] = str(number)
    cells["plan_id"] = csv_cell(row.plan_id)
    cells["source"] = csv_cell(row.source)
    if row.result is None:
        cells["status"] = "error"
        cells["error"] = csv_cell(row.error or "")
        return list(cells.values())
    r = row.result
    cells["status"] = "ok"
    cells["plan"] = csv_cell(r["plan"])
    cells["start"], cells["end"], cells["days"] = r["period"]["start"], r["period"]["end"], str(r["period"]["days"])
    cells["planned_hours"] = r["hours"]["planned"]
    cells["unpaid_family_hours"] = r["hours"]["unpaid_family"]
    for name in SUMMARY_FIELDS:
        value = r[name]
        cells[name] = "" if value is None else ("true" if value is True else "false" if value is False else str(value))
    cells["total_per_week"] = r["per_week"]["total"]
    cells["budget_per_week"] = r["per_week"]["budget"]
    cells["difference_per_week"] = r["per_week"]["difference"]
    for line in r["lines"]:
        cells[line["id"]] = line["amount"]
    owed = r.get("liabilities")
    if owed is not None:
        for name in ENDING_FIELDS:
            cells[f"if_ended_{name}"] = owed[name]
    reserve = r.get("contingency")
    if reserve is not None:
        cells["reserve"] = reserve["amount"]
        cells["reserve_over_balance_limit"] = reserve["over_balance_limit"] or ""
    cells["warnings"] = csv_cell(" | ".join(r["warnings"]))
    cells["rates_used"] = " ".join(r["rates_used"])
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
        payload |= {"status": "ok", "result": row.result}
    return json_text(payload, separators=(",", ":")) + "\n"
