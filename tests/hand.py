"""The rules as the worked examples apply them by hand: rounding, SSP's daily rate, pay periods and the checks every
worked example makes. Written out here, from the rules and their sources, so that the expected values in
``test_cost_worked*.py`` do not lean on pacost's own code (``pacost.money``, ``pacost.engine.periods``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from pacost.result import LINE_IDS, CostResult

D = Decimal

# ---- rounding -----------------------------------------------------------------------------------------------


def penny(amount: Decimal) -> Decimal:
    """A payslip amount or a pension contribution: nearest penny, a half penny up."""
    return amount.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def ni_penny(amount: Decimal) -> Decimal:
    """SS(C)R 2001 reg 12(1): "to the nearest penny and any amount of a halfpenny or less shall be disregarded".
    https://www.legislation.gov.uk/uksi/2001/1004/regulation/12"""
    return amount.quantize(D("0.01"), rounding=ROUND_HALF_DOWN)


def ssp_daily(weekly: Decimal, qualifying_days: int) -> Decimal:
    """HMRC's SSP daily rate: the weekly rate ÷ qualifying days in the week, cut (not rounded) to 4 places."""
    return (weekly / qualifying_days).quantize(D("0.0001"), rounding=ROUND_DOWN)


def ssp_payment(daily: Decimal, days: int) -> Decimal:
    """An SSP payment made of daily rates is rounded up to the penny (HMRC's SSP manual, GOV.UK's calculator)."""
    return (daily * days).quantize(D("0.01"), rounding=ROUND_CEILING)


def hours_2dp(amount: Decimal) -> Decimal:
    return amount.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def ni_above(earnings: Decimal, threshold: Decimal, rate: Decimal) -> Decimal:
    """The exact percentage method: the rate on the earnings above the threshold, none at or below."""
    return ni_penny((earnings - threshold) * rate) if earnings > threshold else D(0)


def contribution(earnings: Decimal, lower: Decimal, upper: Decimal) -> Decimal:
    """Pensions Act 2008 ss.13, 20: the employer's 3% of the earnings between the lower and upper limits."""
    return penny(D("0.03") * max(D(0), min(earnings, upper) - lower))


#: 5.6 weeks (Working Time Regulations 1998 regs 13, 13A; data/holiday.toml) as a share of every day.
HOLIDAY_SHARE = D("5.6") * 7 / 365

# ---- the calendar -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    whole: bool

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def dates(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)

    def count(self, test: Callable[[date], bool]) -> int:
        return sum(1 for d in self.dates() if test(d))


def every_day(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def periods_of_days(start: date, end: date, length: int) -> list[Period]:
    """Weekly, fortnightly and four-weekly periods: 7, 14 and 28 days from the plan start, the last one cut by the
    plan's end."""
    out = []
    first = start
    while first <= end:
        last = first + timedelta(days=length - 1)
        out.append(Period(first, min(last, end), whole=last <= end))
        first += timedelta(days=length)
    return out


def weekly_periods(start: date, end: date) -> list[Period]:
    return periods_of_days(start, end, 7)


def monthly_periods(start: date, end: date) -> list[Period]:
    """A monthly period runs to the day before the same date next month (counted from the plan start)."""
    out = []
    k = 0
    while (first := start + relativedelta(months=k)) <= end:
        last = start + relativedelta(months=k + 1) - timedelta(days=1)
        out.append(Period(first, min(last, end), whole=last <= end))
        k += 1
    return out


def on(*weekdays: int) -> Callable[[date], bool]:
    return lambda d: d.weekday() in weekdays


def weekday(day: date) -> bool:
    return day.weekday() < 5


def ssp_week(day: date) -> list[date]:
    """The Sunday-to-Saturday week ``day`` falls in: for SSP "a period of 7 days beginning with Sunday" (SSCBA 1992
    s.163(1))."""
    sunday = day - timedelta(days=(day.weekday() + 1) % 7)
    return [sunday + timedelta(days=i) for i in range(7)]


# ---- what every worked example checks -----------------------------------------------------------------------


def lines_of(result: CostResult) -> dict[str, Decimal]:
    return {line.id: line.amount for line in result.lines}


def assert_lines_add_up(result: CostResult) -> None:
    """The lines of the breakdown add up exactly to the total."""
    assert [line.id for line in result.lines] == list(LINE_IDS)
    assert sum(lines_of(result).values(), D(0)) == result.total
