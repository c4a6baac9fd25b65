"""Employer (Class 1 secondary) National Insurance for one pay period, by HMRC's exact percentage method.

Each pay period stands alone (not cumulative: PAs are not directors). ``employer_ni_figures`` looks up what the
charge depends on — the threshold for the period's frequency in the tax year of the pay date, and the employer rate
in force on the pay date (2022-23 changed on 6 November 2022; a ``--rates`` file may add any other change), both from
the data — and ``employer_ni_on`` applies the rate to the earnings above the threshold, rounded to the penny with a
halfpenny or less disregarded (SS(C)R 2001 reg 12(1)). ``employer_ni`` does both, for one period.

Letters: A, B, C, J pay the rate above the Secondary Threshold; H, M, V, Z pay nothing up to their Upper
Secondary Threshold and the rate above it; X pays nothing. Freeport and Investment Zone letters (D, E, F, I, K, L,
N, S) are not offered: they need a freeport or investment-zone employer, which a household employing PAs is not.
"""

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from pacost.dates import PayFrequency
from pacost.money import ZERO, round_ni
from pacost.rates.book import RateBook
from pacost.rates.models import NiRates, PeriodFigure


class NiCategory(StrEnum):
    A = "A"  # all employees not in another group
    B = "B"  # married women and widows entitled to the reduced rate (the employer pays as for A)
    C = "C"  # over State Pension age: no employee NI; the employer still pays
    H = "H"  # apprentice under 25
    J = "J"  # deferment (the employer pays as for A)
    M = "M"  # under 21
    V = "V"  # veteran in the first 12 months of civilian employment
    X = "X"  # no NI at all (under 16)
    Z = "Z"  # under 21 with deferment

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    NiCategory.A: "most employees",
    NiCategory.B: "married women and widows paying the reduced rate",
    NiCategory.C: "over State Pension age",
    NiCategory.H: "apprentice under 25",
    NiCategory.J: "deferred NI",
    NiCategory.M: "under 21",
    NiCategory.V: "veteran in first civilian year",
    NiCategory.X: "under 16: no NI",
    NiCategory.Z: "under 21, deferred NI",
}


def category_for_age(age: int, *, over_state_pension_age: bool, apprentice: bool = False) -> NiCategory:
    """The NI letter an employer uses for a worker of this age when nothing else is known."""
    if age < 16:
        return NiCategory.X
    if over_state_pension_age:
        return NiCategory.C
    if age < 21:
        return NiCategory.M
    if apprentice and age < 25:
        return NiCategory.H
    return NiCategory.A


class EmployerNiFigures(NamedTuple):
    """What employer NI on one pay period's earnings depends on: the earnings above which the employer pays
    (None: no employer NI at all, letter X) and the rate, both as in force on the pay date."""

    threshold: Decimal | None
    rate: Decimal


def _zero_rate_threshold(ni: NiRates, category: NiCategory) -> PeriodFigure:
    """The threshold up to which the employer pays nothing, for this letter."""
    if category in (NiCategory.M, NiCategory.Z):
        return ni.upper_secondary_threshold
    if category is NiCategory.H:
        return ni.apprentice_upper_secondary_threshold
    if category is NiCategory.V:
        return ni.veterans_upper_secondary_threshold
    return ni.secondary_threshold


def employer_ni_figures(
    rates: RateBook, *, pay_date: date, frequency: PayFrequency, category: NiCategory
) -> EmployerNiFigures:
    """The threshold and rate for one pay period of ``frequency`` paid on ``pay_date``."""
    ni = rates.ni_for(pay_date)
    rate = ni.rate_on(pay_date)
    if category is NiCategory.X:
        return EmployerNiFigures(None, rate)
    return EmployerNiFigures(_zero_rate_threshold(ni, category).for_frequency(frequency), rate)


def employer_ni_on(earnings: Decimal, figures: EmployerNiFigures) -> Decimal:
    """The exact percentage method: the rate on the earnings above the threshold, rounded to the penny with a
    halfpenny or less disregarded (SS(C)R 2001 reg 12(1)); nothing at or below the threshold."""
    threshold = figures.threshold
    if threshold is None or earnings <= threshold:
        return ZERO
    return round_ni((earnings - threshold) * figures.rate)


def employer_ni(
    pay: Decimal,
    *,
    frequency: PayFrequency,
    pay_date: date,
    category: NiCategory,
    rates: RateBook,
) -> Decimal:
    """Employer NI on one period's NI-able earnings.

    >>> from pacost.rates import bundled_rates
    >>> employer_ni(Decimal("1131.00"), frequency=PayFrequency.MONTHLY, pay_date=date(2026, 5, 5),
    ...             category=NiCategory.A, rates=bundled_rates())
    Decimal('107.10')
    """
    figures = employer_ni_figures(rates, pay_date=pay_date, frequency=frequency, category=category)
    return employer_ni_on(pay, figures)
