"""Holiday: the share of the year a PA is on paid leave, and rolled-up holiday pay (irregular-hours and part-year
workers in Great Britain). The figures (5.6 weeks, 12.07%) come from ``data/holiday.toml``."""

from __future__ import annotations

from decimal import Decimal

from pacost.dates import DAYS_IN_WEEK, DAYS_IN_YEAR
from pacost.money import round_penny
from pacost.rates.models import HolidayRules


def holiday_share(holiday_weeks: Decimal) -> Decimal:
    """The share of every day a PA is on paid leave: ``holiday_weeks`` of the year's 365 days (cost model §3)."""
    return holiday_weeks * DAYS_IN_WEEK / DAYS_IN_YEAR


def statutory_weeks(rules: HolidayRules) -> Decimal:
    """The statutory minimum paid holiday, in weeks a year."""
    return rules.statutory_weeks.value


def accrual_rate(rules: HolidayRules) -> Decimal:
    """Rolled-up holiday pay as a share of the pay for hours worked (12.07%: 5.6 weeks ÷ the 46.4 weeks worked)."""
    return rules.irregular_hours_accrual.value


def rolled_up_holiday_pay(pay_for_hours_worked: Decimal, rules: HolidayRules) -> Decimal:
    """Rolled-up holiday pay on a period's pay for hours worked, to the penny (Working Time Regulations 1998
    reg 16A)."""
    return round_penny(accrual_rate(rules) * pay_for_hours_worked)


def with_rolled_up_holiday(pay: Decimal, rules: HolidayRules) -> Decimal:
    """Pay for hours worked with rolled-up holiday pay on top, to the penny: what a PA earns for cover hours."""
    return round_penny(pay * (1 + accrual_rate(rules)))
