"""Age on a date, and State Pension age by date of birth (from ``data/state_pension_age.toml``)."""

from __future__ import annotations

from datetime import date

from pacost.errors import PacostError
from pacost.periods import add_months
from pacost.rates import RateBook


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on ``day``. Someone born on 29 February is a year older on 1 March in other years, as
    the Age of Legal Capacity (Scotland) Act 1991 s.6(2) says (English law is silent; most payroll software agrees).
    """
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def state_pension_date(date_of_birth: date, rates: RateBook) -> date:
    """The day a person born on ``date_of_birth`` reaches State Pension age."""
    assert rates.state_pension_age is not None  # noqa: S101 - check_complete() guarantees it
    for cohort in rates.state_pension_age.cohorts:
        if cohort.born_from <= date_of_birth <= cohort.born_to:
            return add_months(date_of_birth, 12 * cohort.years + cohort.months)
    raise PacostError(f"no State Pension age is known for someone born on {date_of_birth}")


def reached_state_pension_age(date_of_birth: date, day: date, rates: RateBook) -> bool:
    return day >= state_pension_date(date_of_birth, rates)
