"""Pay periods and the plan's days: each PA's pay periods from the plan start at their pay frequency (SPEC §2.2),
shared between PAs and plans as a ``PeriodGrid``; the plan's days cut at each 6 April; and the days a budget or a
fixed cost is "per" (SPEC §2.8).

Weekly, fortnightly and four-weekly periods are 7, 14 and 28 days; a monthly period runs to the day before the same
date next month (counted from the plan start, so 31 January is followed by 28 February and then 31 March). The
last period is cut short by the plan end; it is then not a whole week or month, and its statutory thresholds are
pro-rated by days. The pay date is the period's last day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from pacost.dates import PayFrequency, TaxYear, add_months
from pacost.engine.rota import PeriodSpans
from pacost.rates.book import InForce, RateBook

ONE_DAY = timedelta(days=1)

#: The days each ``per`` of a budget or a fixed cost stands for: every one converts the same way (SPEC §2.8);
#: ``period`` is the whole plan.
PER_DAYS: dict[str, Decimal] = {
    "week": Decimal(7),
    "fortnight": Decimal(14),
    "4-weeks": Decimal(28),
    "month": Decimal(365) / 12,
    "year": Decimal(365),
}


def days_per(per: str, plan_days: int) -> Decimal:
    """The days one ``per`` stands for, in a plan of ``plan_days`` days."""
    return Decimal(plan_days) if per == "period" else PER_DAYS[per]


def over_plan(amount: Decimal, per: str, plan_days: int) -> Decimal:
    """An amount ``per`` week, month… over the plan's days (exact: rounding is the caller's)."""
    return amount * plan_days / days_per(per, plan_days)


class PayPeriod(NamedTuple):
    """One pay period: its first and last day (the pay date), and whether it is a whole week, fortnight, four weeks
    or month (False when cut short by the plan end)."""

    start: date
    end: date
    whole: bool

    @property
    def pay_date(self) -> date:
        return self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def odd_days(self) -> int | None:
        """The day count to pro-rate thresholds by, or None for a whole week or month."""
        return None if self.whole else self.days


def pay_periods(start: date, end: date, frequency: PayFrequency) -> list[PayPeriod]:
    periods: list[PayPeriod] = []
    if frequency is PayFrequency.MONTHLY or frequency is PayFrequency.ANNUAL:
        months = 12 if frequency is PayFrequency.ANNUAL else 1
        k = 0
        begin = start
        while begin <= end:
            following = add_months(start, months * (k + 1))
            finish = following - ONE_DAY
            periods.append(PayPeriod(begin, min(finish, end), finish <= end))
            begin = following
            k += 1
        return periods
    step = timedelta(days=7 * (frequency.weeks or 1))
    begin = start
    while begin <= end:
        finish = begin + step - ONE_DAY
        periods.append(PayPeriod(begin, min(finish, end), finish <= end))
        begin += step
    return periods


class YearRun(NamedTuple):
    """A run of the plan's days in one tax year, as day indices from the plan start, with the tax year whose figures
    apply to them."""

    first: int
    last: int
    figures_year: int


def year_runs(start: date, end: date, rates: RateBook) -> tuple[YearRun, ...]:
    """The plan's days cut at each 6 April."""
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


class FiguresKey(NamedTuple):
    """What a pay period's statutory figures depend on, bar the PA's age and NI letter: which figures are in force
    on its pay date, and the day count of a period cut short (None for a whole one)."""

    in_force: InForce
    days: int | None


@dataclass(frozen=True, slots=True)
class PeriodGrid:
    """The pay periods from a plan's start to its end at one frequency, with all that every PA paid that way
    shares: the periods as the rota engine sums into them, and each period's ``FiguresKey``. Built once and shared
    by every PA and plan with the same start, end, frequency and figures years (the rate book keeps them); the
    periods' dates are worked out when asked for, to keep it small."""

    start: date
    frequency: PayFrequency
    spans: PeriodSpans
    last_whole: bool  # whether the last period is a whole week or month (every other one is)
    figures_of: tuple[int, ...]  # per period: index into ``figures_keys``
    figures_keys: tuple[FiguresKey, ...]  # the distinct keys, in order of first appearance

    def __len__(self) -> int:
        return len(self.spans)

    def pay_date(self, k: int) -> date:
        return self.start + timedelta(days=self.spans.lasts[k])

    def periods(self) -> list[PayPeriod]:
        start, n = self.start, len(self.spans)
        return [
            PayPeriod(start + timedelta(days=first), start + timedelta(days=last), k < n - 1 or self.last_whole)
            for k, (first, last) in enumerate(zip(self.spans.firsts, self.spans.lasts, strict=True))
        ]


GRID_LIMIT = 4_096  # about 2 KB each: enough for every start day of two and a half years at four frequencies


def period_grid(
    rates: RateBook, start: date, end: date, frequency: PayFrequency, years: tuple[YearRun, ...]
) -> PeriodGrid:
    """The shared pay periods of a start, end and frequency (``years``: the plan's ``year_runs``)."""
    memo = rates.memo("pay-period grids", GRID_LIMIT)
    key = (start, end, frequency, years)
    found: PeriodGrid | None = memo.get(key)
    if found is None:
        periods = pay_periods(start, end, frequency)
        spans = PeriodSpans.of((((p.start - start).days, (p.end - start).days) for p in periods), years)
        seen: dict[FiguresKey, int] = {}
        figures_of = []
        for period in periods:
            figures = FiguresKey(rates.in_force(period.pay_date), period.odd_days)
            index = seen.get(figures)
            if index is None:
                index = seen[figures] = len(seen)
            figures_of.append(index)
        found = memo.put(key, PeriodGrid(start, frequency, spans, periods[-1].whole, tuple(figures_of), tuple(seen)))
    return found
