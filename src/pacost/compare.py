"""Plans and scenarios side by side (``pacost compare``, ``pacost sweep``): the costed results put in columns, and the
rows a reader compares — every line of the breakdown, the total, the budget, the difference, the hours a week the
budget buys, the highest affordable rate, the budget needed — each column also beside the first.

Every column is one ``CostResult``, made exactly as ``pacost cost`` makes it with the same changes (``--set``): no
figure here is worked out a second way; a row only reads the results, or subtracts one from another.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Literal, NamedTuple

from pacost.errors import PacostError
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


# ----------------------------------------------------------------------------------------------------------------
# A sweep: one plan costed at each value of one key (or each pair of values of two)

#: At most this many values along one key, and this many rows in all: a sweep is for a table or a chart.
MAX_VALUES = 1_000
MAX_ROWS = 10_000
_RESOLUTION = Decimal("0.01")  # the break-even value is found to the penny (or the hundredth of an hour)


class Vary(NamedTuple):
    """A key and the values it takes, in order: ``pa.*.hourly_rate`` from 12 to 16 by 0.25."""

    key: str
    values: list[Decimal]


class SweepRow(NamedTuple):
    values: tuple[Decimal, ...]  # one per ``Vary``
    result: CostResult


class BreakEven(NamedTuple):
    """Where the verdict turns along the one key swept: the highest value the budget covers (``highest``: covered
    below, not above — an hourly rate, the hours) or the lowest (the budget itself), to the hundredth; None when the
    verdict is the same across the whole range (``note`` says which)."""

    key: str
    value: Decimal | None
    highest: bool
    note: str


class Sweep(NamedTuple):
    varies: list[Vary]
    rows: list[SweepRow]
    break_even: BreakEven | None


def sweep_values(key: str, spec: str) -> Vary:
    """``FROM:TO:STEP`` (``12:16:0.25``) as the values from FROM up to TO (TO itself when a step lands on it)."""
    parts = [part.strip().lstrip("£") for part in spec.split(":")]
    try:
        start, stop, step = (Decimal(part) for part in parts) if len(parts) == 3 else (None, None, None)
    except ArithmeticError:
        start = stop = step = None
    if start is None or stop is None or step is None or not start.is_finite() or not stop.is_finite():
        raise PacostError(f"--vary {key}={spec}: write the values as FROM:TO:STEP, e.g. {key}=12:16:0.25")
    if not step.is_finite() or step <= 0 or stop < start:
        raise PacostError(f"--vary {key}={spec}: FROM must be no more than TO, and STEP more than zero")
    count = int((stop - start) / step) + 1
    if count > MAX_VALUES:
        raise PacostError(f"--vary {key}={spec}: that is {count:,} values; a sweep takes at most {MAX_VALUES:,}")
    return Vary(key, [start + k * step for k in range(count)])


def run_sweep(varies: list[Vary], cost_at: Callable[[tuple[Decimal, ...]], CostResult]) -> Sweep:
    """Cost the plan at every value (every pair of values, for two keys: a grid) by ``cost_at``, and, for one key,
    find the break-even value between the rows where the verdict turns."""
    from itertools import product

    total = 1
    for vary in varies:
        total *= len(vary.values)
    if total > MAX_ROWS:
        raise PacostError(f"the sweep would cost the plan {total:,} times; it takes at most {MAX_ROWS:,}")
    rows = [SweepRow(values, cost_at(values)) for values in product(*(vary.values for vary in varies))]
    if len(varies) != 1:
        return Sweep(varies, rows, None)
    return Sweep(varies, rows, _break_even(varies[0].key, rows, cost_at))


def _break_even(key: str, rows: list[SweepRow], cost_at: Callable[[tuple[Decimal, ...]], CostResult]) -> BreakEven:
    covered = [row.result.covered for row in rows]
    highest = covered[0]  # covered at the low end: the verdict turns to "not covered" as the value rises
    if all(covered) or not any(covered):
        where = "covers the cost" if all(covered) else "falls short"
        return BreakEven(key, None, highest, f"the budget {where} across the whole range")
    turn = next(k for k in range(1, len(rows)) if covered[k] != covered[k - 1])
    # Between the last value on one side and the first on the other: halve the gap, to the hundredth.
    low, high = rows[turn - 1].values[0], rows[turn].values[0]  # covered(low) != covered(high)
    low_covered = covered[turn - 1]
    while high - low > _RESOLUTION:
        middle = ((low + high) / 2).quantize(_RESOLUTION)
        if middle in (low, high):
            break
        try:
            middle_covered = cost_at((middle,)).covered
        except PacostError:  # a value the key cannot take (a whole number of days, say): the rows' values stand
            break
        if middle_covered == low_covered:
            low = middle
        else:
            high = middle
    value = low if highest else high
    side = "highest" if highest else "lowest"
    return BreakEven(key, value, highest, f"the {side} value the budget covers")
