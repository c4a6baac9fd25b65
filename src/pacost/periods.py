"""Pay periods: each PA's run from the plan start at their pay frequency (SPEC §2.2); nothing else.

Weekly, fortnightly and four-weekly periods are 7, 14 and 28 days; a monthly period runs to the day before the same
date next month (counted from the plan start, so 31 January is followed by 28 February and then 31 March). The
last period is cut short by the plan end; it is then not a whole week or month, and its statutory thresholds are
pro-rated by days. The pay date is the period's last day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from pacost.frequency import PayFrequency

ONE_DAY = timedelta(days=1)


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
