"""Plans and scenarios side by side (``pacost compare``, ``pacost sweep``): the costed results put in columns, and the
rows a reader compares — every line of the breakdown, the total, the budget, the difference, the hours a week the
budget buys, the highest affordable rate, the budget needed — each column also beside the first.

Every column is one ``CostResult``, made exactly as ``pacost cost`` makes it with the same changes (``--set``): no
figure here is worked out a second way; a row only reads the results, or subtracts one from another.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from pacost.result import LINE_IDS, LINE_LABELS, CostResult

Kind = Literal["money", "hours", "rate", "yes-no"]


class Column(NamedTuple):
    """One column: a plan as written, or a scenario of it (its changes are in the result's ``overrides``)."""

    name: str
    result: CostResult


class Row(NamedTuple):
    """One row: a value per column (None where a column has none, such as no affordable rate)."""

    id: str
    label: str
    kind: Kind
    values: list[Decimal | bool | None]


class Comparison(NamedTuple):
    columns: list[Column]
    rows: list[Row]


def _line(result: CostResult, line_id: str) -> Decimal:
    return next((line.amount for line in result.lines if line.id == line_id), Decimal(0))


def comparison(columns: list[Column]) -> Comparison:
    """The rows for these columns; the first column is the one the others are set beside."""
    results = [column.result for column in columns]
    first = results[0]
    rows: list[Row] = [
        Row(line_id, LINE_LABELS[line_id], "money", [_line(r, line_id) for r in results]) for line_id in LINE_IDS
    ]
    rows += [
        Row("total", "True cost", "money", [r.total for r in results]),
        Row("budget", "Budget", "money", [r.budget for r in results]),
        Row("difference", "Budget less true cost", "money", [r.difference for r in results]),
        Row("covered", "Does the budget cover it?", "yes-no", [r.covered for r in results]),
        Row("total_per_week", "True cost a week", "money", [r.total_per_week for r in results]),
        Row("budget_per_week", "Budget a week", "money", [r.budget_per_week for r in results]),
        Row(
            "planned_hours_per_week",
            "Hours of care planned a week",
            "hours",
            [r.hours.planned_per_week for r in results],
        ),
        Row(
            "hours_per_week_budget_buys",
            "Hours a week the budget buys",
            "hours",
            [r.hours_per_week_budget_buys for r in results],
        ),
        Row(
            "max_affordable_hourly_rate",
            "Highest hourly rate the budget affords",
            "rate",
            [r.max_affordable_hourly_rate for r in results],
        ),
        Row("budget_needed", "Budget needed, in the budget's own period", "money", [r.budget_needed for r in results]),
        Row(
            "total_beside_first",
            "True cost beside the first column",
            "money",
            [r.total - first.total for r in results],
        ),
        Row(
            "total_per_week_beside_first",
            "True cost a week beside the first column",
            "money",
            [r.total_per_week - first.total_per_week for r in results],
        ),
    ]
    return Comparison(columns, rows)
