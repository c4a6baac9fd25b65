"""Pay periods: each PA's run from the plan start at their pay frequency (SPEC §2.2); nothing else.

Weekly, fortnightly and four-weekly periods are 7, 14 and 28 days; a monthly period runs to the day before the same
date next month (counted from the plan start, so 31 January is followed by 28 February and then 31 March). The
last period is cut short by the plan end; it is then not a whole week or month, and its statutory thresholds are
pro-rated by days. The pay date is the period's last day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from pacost.frequency import PayFrequency


@dataclass(frozen=True)
class PayPeriod:
    start: date
    end: date
    whole: bool  # False when cut short by the plan end

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


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter (as dateutil's relativedelta:
    31 January + 1 month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def pay_periods(start: date, end: date, frequency: PayFrequency) -> list[PayPeriod]:
    periods: list[PayPeriod] = []
    k = 0
    while True:
        if frequency is PayFrequency.MONTHLY:
            begin = add_months(start, k)
            finish = add_months(start, k + 1) - timedelta(days=1)
        elif frequency is PayFrequency.ANNUAL:
            begin = start + relativedelta(years=k)
            finish = start + relativedelta(years=k + 1) - timedelta(days=1)
        else:
            weeks = frequency.weeks or 1
            begin = start + timedelta(days=7 * weeks * k)
            finish = begin + timedelta(days=7 * weeks - 1)
        if begin > end:
            return periods
        periods.append(PayPeriod(begin, min(finish, end), whole=finish <= end))
        k += 1
