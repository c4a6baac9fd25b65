"""Plans and scenarios side by side (``pacost compare``, ``pacost sweep``): the costed results put in columns, and the
rows a reader compares — every line of the breakdown, the total, the budget, the difference, the hours a week the
budget buys, the highest affordable rate, the budget needed — each column also beside the first.

Every column is one ``CostResult``, made exactly as ``pacost cost`` makes it with the same changes (``--set``): no
figure here is worked out a second way; a row only reads the results, or subtracts one from another. An agency
column (``pacost compare --agency``) is ``pacost.engine.agency``'s quote for the plan's rota, its weekly and
budget-period figures converted by the engine's own functions.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Literal, NamedTuple

from pacost.engine.agency import AgencyQuote, quote_highest_rate
from pacost.engine.cost import budget_needed_for, hours_budget_buys, weekly_amount
from pacost.errors import PacostError
from pacost.money import pounds
from pacost.result import ASKED_FOR_LINES, LINE_IDS, LINE_LABELS, CostResult

Kind = Literal["money", "hours", "rate", "yes-no"]


class Column(NamedTuple):
    """One column: a plan as written, or a scenario of it (its changes are in the result's ``overrides``), or the
    plan's whole rota bought from an agency (``agency``; ``result`` is then the plan's own, for its dates, budget
    and hours)."""

    name: str
    result: CostResult
    agency: AgencyQuote | None = None


class Row(NamedTuple):
    """One row: a value per column (None where a column has none, such as no affordable rate)."""

    id: str
    label: str
    kind: Kind
    values: list[Decimal | bool | None]


class Comparison(NamedTuple):
    columns: list[Column]
    rows: list[Row]


def _figures(column: Column) -> dict[str, Decimal | bool | None]:
    """What each row reads of a column."""
    r = column.result
    quote = column.agency
    if quote is None:
        figures: dict[str, Decimal | bool | None] = {line.id: line.amount for line in r.lines}
        return figures | {
            "agency": None,
            "total": r.total,
            "budget": r.budget,
            "difference": r.difference,
            "covered": r.covered,
            "total_per_week": r.total_per_week,
            "budget_per_week": r.budget_per_week,
            "planned_hours_per_week": r.hours.planned_per_week,
            "hours_per_week_budget_buys": r.hours_per_week_budget_buys,
            "max_affordable_hourly_rate": r.max_affordable_hourly_rate,
            "budget_needed": r.budget_needed,
        }
    total = quote.total
    figures = dict.fromkeys(LINE_IDS, Decimal(0))
    return figures | {
        "agency": total,
        "total": total,
        "budget": r.budget,
        "difference": r.budget - total,
        "covered": r.budget >= total,
        "total_per_week": weekly_amount(total, r.days),
        "budget_per_week": r.budget_per_week,
        "planned_hours_per_week": r.hours.planned_per_week,
        "hours_per_week_budget_buys": hours_budget_buys(quote.planned_hours, r.days, r.budget, total)
        if total > 0 and quote.planned_hours > 0
        else None,
        "max_affordable_hourly_rate": quote_highest_rate(quote, r.budget),
        "budget_needed": budget_needed_for(total, r.budget_per, r.days),
    }


#: The rows, in order: (id, label, kind); the lines of the breakdown come first.
_ROWS: list[tuple[str, str, Kind]] = [
    ("total", "True cost", "money"),
    ("budget", "Budget", "money"),
    ("difference", "Budget less true cost", "money"),
    ("covered", "Does the budget cover it?", "yes-no"),
    ("total_per_week", "True cost a week", "money"),
    ("budget_per_week", "Budget a week", "money"),
    ("planned_hours_per_week", "Hours of care planned a week", "hours"),
    ("hours_per_week_budget_buys", "Hours a week the budget buys", "hours"),
    ("max_affordable_hourly_rate", "Highest hourly rate the budget affords", "rate"),
    ("budget_needed", "Budget needed, in the budget's own period", "money"),
]


def comparison(columns: list[Column]) -> Comparison:
    """The rows for these columns; the first column is the one the others are set beside."""
    figures = [_figures(column) for column in columns]
    # A line a plan has only when it asks for it (replacing PAs, the reserve) is left out when no column has it.
    lines: list[tuple[str, str, Kind]] = [
        (line_id, LINE_LABELS[line_id], "money")
        for line_id in LINE_IDS
        if line_id not in ASKED_FOR_LINES or any(f[line_id] for f in figures)
    ]
    if any(column.agency is not None for column in columns):
        lines.insert(0, ("agency", "The agency's charge for every planned hour", "money"))
    rows = [Row(row_id, label, kind, [f[row_id] for f in figures]) for row_id, label, kind in [*lines, *_ROWS]]
    first = figures[0]
    for row_id, label in (
        ("total", "True cost beside the first column"),
        ("total_per_week", "True cost a week beside the first column"),
    ):
        base = first[row_id]
        assert isinstance(base, Decimal)  # noqa: S101 - a total is always an amount
        rows.append(Row(f"{row_id}_beside_first", label, "money", [_minus(f[row_id], base) for f in figures]))
    return Comparison(columns, rows)


def agency_verdict(comparison: Comparison) -> str | None:
    """Which costs more, employing the PAs directly (the first column) or the agency, and by how much; None without
    an agency column."""
    agency = next((column for column in comparison.columns if column.agency is not None), None)
    if agency is None or agency.agency is None:
        return None
    direct, quote = comparison.columns[0].result, agency.agency
    gap = quote.total - direct.total
    weekly = weekly_amount(abs(gap), direct.days)
    the_agency = f"the agency at {pounds(quote.rate)} an hour"
    figures = (
        f"{pounds(direct.total)} employing them, every employer's cost counted, against {pounds(quote.total)} from "
        "the agency"
    )
    if gap == 0:
        return f"Employing the PAs directly costs the same as {the_agency}: {figures}."
    if gap > 0:
        said = f"Employing the PAs directly costs {pounds(gap)} less than {the_agency}"
    else:
        said = f"{the_agency[0].upper()}{the_agency[1:]} costs {pounds(-gap)} less than employing the PAs directly"
    return f"{said} over the plan ({pounds(weekly)} a week): {figures}."


def _minus(value: Decimal | bool | None, base: Decimal) -> Decimal | None:
    return value - base if isinstance(value, Decimal) else None


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
    if start < 0:  # (a value written with a sign would change the plan's own value, not replace it)
        raise PacostError(f"--vary {key}={spec}: the values are what the key is set to, so FROM cannot be negative")
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
