"""CSV forms: the breakdown of one result, and the cell rule that keeps a spreadsheet from running a formula."""

from __future__ import annotations

import csv
import io

from pacost.money import money_str
from pacost.result import CostResult

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula (OWASP's CSV injection advice): prefix ``'``."""
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def render_csv(result: CostResult) -> str:
    """One row per line of the breakdown, then the total, the budget and the difference."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["plan", "id", "label", "amount", "per_week"])
    name = safe_cell(result.plan)
    for line in result.lines:
        writer.writerow([name, line.id, safe_cell(line.label), money_str(line.amount), money_str(line.per_week)])
    writer.writerow([name, "total", "True cost", money_str(result.total), money_str(result.total_per_week)])
    writer.writerow([name, "budget", "Budget", money_str(result.budget), money_str(result.budget_per_week)])
    writer.writerow(
        [
            name,
            "difference",
            "Budget less true cost",
            money_str(result.difference),
            money_str(result.difference_per_week),
        ]
    )
    return buffer.getvalue()
