"""The minimum hourly wage for a worker of a given age on a given date (National Living Wage and National
Minimum Wage bands, uprated on the dates the data gives), and the dates on which a worker's minimum can change.
Under-16s have no entitlement; the apprentice rate applies only when the worker is an apprentice under 19 or in the
first year of their apprenticeship."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pacost.money import ZERO
from pacost.rates.book import RateBook
from pacost.statutory.state_pension import birthday_in


class MinimumWageRate(NamedTuple):
    hourly: Decimal
    band: str
    effective: date


def minimum_wage(age: int, on: date, rates: RateBook, *, apprentice_first_year: bool = False) -> MinimumWageRate | None:
    """The minimum hourly rate for a worker aged ``age`` on ``on``, or None below 16 (no entitlement)."""
    table = rates.minimum_wage_for(on)
    if apprentice_first_year:
        return MinimumWageRate(table.apprentice.value, "apprentice", table.effective)
    for band in table.bands:
        if age >= band.min_age:
            return MinimumWageRate(band.value, band.name, table.effective)
    return None


def highest_minimum_wage(rates: RateBook, up_to: date) -> Decimal:
    """The highest band of any minimum wage in force on or before ``up_to``: a worker paid at least this is paid
    at least the minimum wage on every date up to then, whatever their age."""
    memo = rates.memo("highest minimum wage by date")
    found: Decimal | None = memo.get(up_to)
    if found is None:
        found = memo.put(
            up_to,
            max(
                (band.value for table in rates.minimum_wage if table.effective <= up_to for band in table.bands),
                default=ZERO,
            ),
        )
    return found


def minimum_wage_changes(date_of_birth: date, start: date, end: date, rates: RateBook) -> list[date]:
    """The dates from ``start`` to ``end`` on which a worker's minimum wage can change, in order: ``start`` itself,
    each uprating in the data, and each birthday."""
    dates = {start}
    dates.update(table.effective for table in rates.minimum_wage if start < table.effective <= end)
    for year in range(start.year, end.year + 1):
        birthday = birthday_in(date_of_birth, year)
        if start < birthday <= end and year > date_of_birth.year:
            dates.add(birthday)
    return sorted(dates)
