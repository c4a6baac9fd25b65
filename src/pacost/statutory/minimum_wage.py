"""The minimum hourly wage for a worker of a given age on a given date (National Living Wage and National
Minimum Wage bands, uprated each 1 April). Under-16s have no entitlement; the apprentice rate applies only when
the worker is an apprentice under 19 or in the first year of their apprenticeship."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pacost.rates import RateBook


@dataclass(frozen=True)
class MinimumWageRate:
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
