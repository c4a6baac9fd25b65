"""The Employment Allowance: one allowance per employer per tax year, set against the employer NI of all their
PAs together (NIM06520: "an allowance for an employer and not per staff member"), up to that year's amount.

A tax year past the last one pacost has figures for takes the latest amount, carried forward.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from pacost.dates import TaxYear
from pacost.money import ZERO
from pacost.rates.book import RateBook


def allowance_for(tax_year: int, rates: RateBook) -> Decimal:
    """The Employment Allowance for the tax year starting 6 April ``tax_year``."""
    memo = rates.memo("employment allowance by tax year", 64)
    found: Decimal | None = memo.get(tax_year)
    if found is None:
        found = memo.put(tax_year, rates.ni_for(TaxYear(tax_year).start).employment_allowance.value)
    return found


def allowance_used(ni_by_tax_year: Mapping[int, Decimal], rates: RateBook) -> Decimal:
    """The allowance used in all: for each tax year, the employer's NI for the year, up to that year's allowance."""
    used = ZERO
    for year, ni in ni_by_tax_year.items():
        if ni > 0:
            used += min(ni, allowance_for(year, rates))
    return used
