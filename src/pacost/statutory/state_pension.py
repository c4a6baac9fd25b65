"""Age on a date (``birthday_in`` is the one rule for when a birthday falls), and State Pension age by date of birth
(from ``data/state_pension_age.toml``)."""

from __future__ import annotations

from datetime import date

from pacost.dates import add_months
from pacost.errors import PacostError
from pacost.rates.book import RateBook


def birthday_in(date_of_birth: date, year: int) -> date:
    """The day in ``year`` on which someone born on ``date_of_birth`` is a year older: their birthday, or 1 March
    for someone born on 29 February in a year without one, as the Age of Legal Capacity (Scotland) Act 1991 s.6(2)
    says (English law is silent; most payroll software agrees)."""
    if date_of_birth.month == 2 and date_of_birth.day == 29 and not _leap(year):
        return date(year, 3, 1)
    return date(year, date_of_birth.month, date_of_birth.day)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on ``day`` (a year older on the day ``birthday_in`` gives)."""
    return day.year - date_of_birth.year - (day < birthday_in(date_of_birth, day.year))


def state_pension_date(date_of_birth: date, rates: RateBook) -> date:
    """The day a person born on ``date_of_birth`` reaches State Pension age."""
    assert rates.state_pension_age is not None  # noqa: S101 - check_complete() guarantees it
    for cohort in rates.state_pension_age.cohorts:
        if cohort.born_from <= date_of_birth <= cohort.born_to:
            return add_months(date_of_birth, 12 * cohort.years + cohort.months)
    raise PacostError(f"no State Pension age is known for someone born on {date_of_birth}")


def reached_state_pension_age(date_of_birth: date, day: date, rates: RateBook) -> bool:
    return day >= state_pension_date(date_of_birth, rates)
