"""Calendar arithmetic: UK tax years (6 April to 5 April, labelled ``"2026-27"``), pay frequencies, adding months
to a date, and the days of the week as the plan file names them. Nothing here knows a statutory figure: those are
in ``pacost.rates``, and the rules that use them in ``pacost.statutory``.
"""

import re
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

#: The days of the week as a plan names them (Monday first, as ``date.weekday()`` counts), and as people read them.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_TITLES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: The days every conversion counts: a week is 7 days and a year 365, whatever the calendar (cost model §8).
DAYS_IN_WEEK = Decimal(7)
DAYS_IN_YEAR = Decimal(365)


def per_week(amount: Decimal, days: int) -> Decimal:
    """An amount over ``days`` days as so much a week: ÷ days × 7 (exact; rounding is the caller's)."""
    return amount * DAYS_IN_WEEK / days


_LABEL = re.compile(r"^(\d{4})-(\d{2})$")


class TaxYear(NamedTuple):
    """The tax year that starts on 6 April of ``start_year``."""

    start_year: int

    @classmethod
    def containing(cls, day: date) -> "TaxYear":
        """The tax year a date falls in (6 April belongs to the year it starts)."""
        if (day.month, day.day) >= (4, 6):
            return cls(day.year)
        return cls(day.year - 1)

    @classmethod
    def parse(cls, label: str) -> "TaxYear":
        """Read ``"2026-27"`` (or ``"2026/27"``); raise ValueError for anything else."""
        match = _LABEL.match(label.strip().replace("/", "-"))
        if not match:
            raise ValueError(f"a tax year is written like 2026-27, got {label!r}")
        first, second = int(match.group(1)), int(match.group(2))
        if (first + 1) % 100 != second:
            raise ValueError(f"{label!r} is not a tax year: the second part must be the year after the first")
        return cls(first)

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 6)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 4, 5)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.label

    def next(self) -> "TaxYear":
        return TaxYear(self.start_year + 1)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter (as dateutil's relativedelta:
    31 January + 1 month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if day.day <= 28:  # in every month
        return date(year, month, day.day)
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


class PayFrequency(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "4-weekly"
    MONTHLY = "monthly"
    ANNUAL = "annual"

    @property
    def weeks(self) -> int | None:
        """Whole weeks in one period, or None for monthly and annual periods."""
        return {"weekly": 1, "fortnightly": 2, "4-weekly": 4}.get(self.value)

    @property
    def field(self) -> str:
        """The name of this frequency's figure in a data file (``four_weekly`` for ``4-weekly``)."""
        return self.value.replace("4-", "four_")


FREQUENCY_ALIASES: dict[str, PayFrequency] = {
    "weekly": PayFrequency.WEEKLY,
    "week": PayFrequency.WEEKLY,
    "fortnightly": PayFrequency.FORTNIGHTLY,
    "2-weekly": PayFrequency.FORTNIGHTLY,
    "two-weekly": PayFrequency.FORTNIGHTLY,
    "4-weekly": PayFrequency.FOUR_WEEKLY,
    "four-weekly": PayFrequency.FOUR_WEEKLY,
    "fourweekly": PayFrequency.FOUR_WEEKLY,
    "monthly": PayFrequency.MONTHLY,
    "month": PayFrequency.MONTHLY,
    "annual": PayFrequency.ANNUAL,
    "annually": PayFrequency.ANNUAL,
    "yearly": PayFrequency.ANNUAL,
}


def parse_frequency(text: str) -> PayFrequency:
    """Read a pay frequency the way people and HMRC write it (``FourWeekly``, ``4-weekly``, ``monthly``)."""
    key = text.strip().lower().replace("_", "-").replace(" ", "-")
    if key == "fourweekly" or key == "four-weekly":
        return PayFrequency.FOUR_WEEKLY
    try:
        return FREQUENCY_ALIASES[key]
    except KeyError:
        raise ValueError(f"unknown pay frequency {text!r}: expected weekly, fortnightly, 4-weekly or monthly") from None
