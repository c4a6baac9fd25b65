"""Pay periods and the plan's days: each PA's pay periods from the plan start at their pay frequency (cost model §2),
shared between PAs and plans as a ``PeriodGrid``; the plan's days cut at each 6 April; and the days a budget or a
fixed cost is "per" (cost model §8).

Weekly, fortnightly and four-weekly periods are 7, 14 and 28 days; a monthly period runs to the day before the same
date next month (counted from the plan start, so 31 January is followed by 28 February and then 31 March). The pay
date is the period's last day. The plan is an accounting window, not the end of the employment: a last period that
runs past the plan's end is costed whole (the rota continued, the figures in force on the plan's last day), and
only the share of it inside the plan is counted (cost model §2) — so the grid keeps that period whole as well as cut.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from pacost.dates import DAYS_IN_WEEK, DAYS_IN_YEAR, PayFrequency, TaxYear, add_months
from pacost.engine.rota import PeriodSpans
from pacost.rates.book import InForce, RateBook

#: The days each ``per`` of a budget or a fixed cost stands for: every one converts the same way (cost model §8);
#: ``period`` is the whole plan.
PER_DAYS: dict[str, Decimal] = {
    "week": DAYS_IN_WEEK,
    "fortnight": 2 * DAYS_IN_WEEK,
    "4-weeks": 4 * DAYS_IN_WEEK,
    "month": DAYS_IN_YEAR / 12,
    "year": DAYS_IN_YEAR,
}


def days_per(per: str, plan_days: int) -> Decimal:
    """The days one ``per`` stands for, in a plan of ``plan_days`` days."""
    return Decimal(plan_days) if per == "period" else PER_DAYS[per]


def over_plan(amount: Decimal, per: str, plan_days: int) -> Decimal:
    """An amount ``per`` week, month… over the plan's days (exact: rounding is the caller's)."""
    return amount * plan_days / days_per(per, plan_days)


class PayPeriod(NamedTuple):
    """One pay period inside the plan: its first and last day, and whether it is a whole week, fortnight, four
    weeks or month (False when the plan ends before it does)."""

    start: date
    end: date
    whole: bool

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def period_ends(start: date, end: date, frequency: PayFrequency) -> list[int]:
    """The last day of each pay period from ``start`` at ``frequency`` that begins by ``end``, whole (the last may
    end after ``end``), as a day index from ``start``."""
    length = (end - start).days
    if frequency is PayFrequency.MONTHLY or frequency is PayFrequency.ANNUAL:
        months = 12 if frequency is PayFrequency.ANNUAL else 1
        ends: list[int] = []
        following = 0  # the first day of the next period
        while following <= length:
            following = (add_months(start, months * (len(ends) + 1)) - start).days
            ends.append(following - 1)
        return ends
    step = 7 * (frequency.weeks or 1)
    return list(range(step - 1, (length // step + 1) * step, step))


def pay_periods(start: date, end: date, frequency: PayFrequency) -> list[PayPeriod]:
    """The pay periods from ``start`` at ``frequency`` that begin by ``end``, the last one cut at ``end``."""
    length = (end - start).days
    periods = []
    first = 0
    for last in period_ends(start, end, frequency):
        periods.append(
            PayPeriod(start + timedelta(days=first), start + timedelta(days=min(last, length)), last <= length)
        )
        first = last + 1
    return periods


class YearRun(NamedTuple):
    """A run of the plan's days in one tax year, as day indices from the plan start, with the tax year whose figures
    apply to them."""

    first: int
    last: int
    figures_year: int


def year_runs(start: date, end: date, rates: RateBook) -> tuple[YearRun, ...]:
    """The days from ``start`` to ``end`` cut at each 6 April (remembered by the rate book)."""
    memo = rates.memo("runs of a tax year")
    found: tuple[YearRun, ...] | None = memo.get((start, end))
    if found is None:
        found = memo.put((start, end), _year_runs(start, end, rates))
    return found


def _year_runs(start: date, end: date, rates: RateBook) -> tuple[YearRun, ...]:
    runs = []
    year = TaxYear.containing(start)
    first = 0
    length = (end - start).days
    while first <= length:
        last = min(length, (year.end - start).days)
        runs.append(YearRun(first, last, rates.figures_year(max(year.start, start)).start_year))
        first = last + 1
        year = year.next()
    return tuple(runs)


def saturday_after(day: date) -> date:
    """The Saturday on or after ``day``: the last day of its Sunday-to-Saturday week (SSP's week)."""
    return day + timedelta(days=(5 - day.weekday()) % 7)


@dataclass(frozen=True, slots=True)
class PeriodGrid:
    """The pay periods from a plan's start to its end at one frequency, with all that every PA paid that way
    shares: the periods as the rota engine sums into them, and the figures in force on each period's pay date (the
    plan's last day, for a last period cut short). When the last period runs past the plan's end, ``summed`` (the
    spans a rota is summed into) holds it whole as well, to its real pay date ``last_pay_date``, after the periods
    inside the plan. Built once and shared by every PA and plan with the same start, end and frequency (the rate
    book keeps them); the dates are worked out when asked for, to keep it small."""

    start: date
    frequency: PayFrequency
    spans: PeriodSpans  # the periods inside the plan
    summed: PeriodSpans  # the same, then the last period whole if the plan ends before it does
    figures_of: tuple[int, ...]  # per period: index into ``in_force``
    in_force: tuple[InForce, ...]  # the distinct sets of figures in force, in order of first appearance
    last_cut: bool  # whether the plan ends before the last period does
    last_pay_date: date  # the last period's real pay date (after the plan's end when it is cut short)

    def __len__(self) -> int:
        return len(self.spans)

    def pay_date(self, k: int) -> date:
        """The date whose figures apply to period ``k``: its pay date, or the plan's last day for a last period cut
        short."""
        return self.start + timedelta(days=self.spans.lasts[k])

    def periods(self) -> list[PayPeriod]:
        start, n = self.start, len(self.spans)
        return [
            PayPeriod(start + timedelta(days=first), start + timedelta(days=last), k < n - 1 or not self.last_cut)
            for k, (first, last) in enumerate(zip(self.spans.firsts, self.spans.lasts, strict=True))
        ]


GRID_LIMIT = 4_096  # about 2 KB each: enough for every start day of two and a half years at four frequencies


def period_grid(
    rates: RateBook, start: date, end: date, frequency: PayFrequency, years: tuple[YearRun, ...]
) -> PeriodGrid:
    """The shared pay periods of a start, end and frequency (``years``: the plan's ``year_runs``)."""
    memo = rates.memo("pay-period grids", GRID_LIMIT)
    key = (start, end, frequency)
    found: PeriodGrid | None = memo.get(key)
    if found is None:
        length = (end - start).days
        ends = period_ends(start, end, frequency)
        lasts = [*ends[:-1], min(ends[-1], length)]  # the last one cut at the plan's end
        bounds = list(zip([0, *[last + 1 for last in ends[:-1]]], lasts, strict=True))
        seen: dict[InForce, int] = {}
        figures_of = []
        for last in lasts:
            figures = rates.in_force(start + timedelta(days=last))
            index = seen.get(figures)
            if index is None:
                index = seen[figures] = len(seen)
            figures_of.append(index)
        cut = ends[-1] > length
        last_pay_date = start + timedelta(days=ends[-1])
        if not cut:
            spans = summed = PeriodSpans.of(bounds, years)
        else:
            # The days past the plan's end take the figures of its last day.
            tail = years[-1]
            extended = (*years[:-1], YearRun(tail.first, ends[-1], tail.figures_year))
            summed = PeriodSpans.of([*bounds, (bounds[-1][0], ends[-1])], extended)
            spans = summed.first(len(bounds))
        found = memo.put(
            key,
            PeriodGrid(start, frequency, spans, summed, tuple(figures_of), tuple(seen), cut, last_pay_date),
        )
    return found
