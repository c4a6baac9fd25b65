"""The Employment Allowance: one allowance per employer per tax year, set against the employer NI of all their
PAs together (NIM06520: "an allowance for an employer and not per staff member").

It is used up as the NI falls due, pay date by pay date, until that tax year's amount is gone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pacost.money import ZERO
from pacost.rates import RateBook
from pacost.taxyear import TaxYear


@dataclass
class AllowanceResult:
    """What the allowance took off each liability (same order as given) and in total per tax year."""

    offsets: list[Decimal]
    by_tax_year: dict[TaxYear, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum(self.offsets, ZERO)


def apply_employment_allowance(liabilities: Sequence[tuple[date, Decimal]], rates: RateBook) -> AllowanceResult:
    """Set the allowance against each (pay date, employer NI) in date order, per tax year, until it is used up."""
    offsets = [ZERO] * len(liabilities)
    remaining: dict[TaxYear, Decimal] = {}
    used: dict[TaxYear, Decimal] = {}
    order = sorted(range(len(liabilities)), key=lambda i: liabilities[i][0])
    for i in order:
        pay_date, ni = liabilities[i]
        if ni <= ZERO:
            continue
        year = TaxYear.containing(pay_date)
        if year not in remaining:
            remaining[year] = rates.ni_for(pay_date).employment_allowance.value
            used[year] = ZERO
        take = min(ni, remaining[year])
        offsets[i] = take
        remaining[year] -= take
        used[year] += take
    return AllowanceResult(offsets=offsets, by_tax_year=dict(sorted(used.items())))


def allowance_used(ni_by_tax_year: Mapping[int, Decimal], allowance_by_tax_year: Mapping[int, Decimal]) -> Decimal:
    """The allowance used in all: per tax year, the employer's NI for the year up to that year's allowance.

    The same total as :func:`apply_employment_allowance` gives (which also says which payment it came off)."""
    return sum((min(ni, allowance_by_tax_year[year]) for year, ni in ni_by_tax_year.items() if ni > 0), ZERO)
