"""CSV: the one way pacost writes it (``csv_text``), and the breakdown of one result in it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from pacost.money import money_str
from pacost.result import CostResult
from pacost.safe_text import csv_cell

#: Every CSV pacost writes ends its lines with CRLF (RFC 4180), so a cell holding a line break is quoted whichever
#: the break; the cells a plan or a rates file fills are made safe by ``pacost.safe_text.csv_cell``.
LINE_END = "\r\n"
#: Put before CSV written to a ``.csv`` file, for people: without it Excel reads UTF-8 as Windows text (£ as Â£).
BYTE_ORDER_MARK = "\ufeff"


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text: a cell is quoted when it holds a comma, a quote or a line break."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=LINE_END).writerows(rows)
    return buffer.getvalue()


def render_csv(result: CostResult) -> str:
    """One row per line of the breakdown, then the total, the budget and the difference."""
    name = csv_cell(result.plan)
    rows: list[list[str]] = [["plan", "id", "label", "amount", "per_week"]]
    rows += [
        [name, line.id, csv_cell(line.label), money_str(line.amount), money_str(line.per_week)] for line in result.lines
    ]
    rows += [
        [name, "total", "True cost", money_str(result.total), money_str(result.total_per_week)],
        [name, "budget", "Budget", money_str(result.budget), money_str(result.budget_per_week)],
        [
            name,
            "difference",
            "Budget less true cost",
            money_str(result.difference),
            money_str(result.difference_per_week),
        ],
    ]
    return csv_text(rows)
