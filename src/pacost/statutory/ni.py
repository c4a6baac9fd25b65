"""Employer (Class 1 secondary) National Insurance for one pay period, by HMRC's exact percentage method.

Each pay period stands alone (not cumulative: PAs are not directors). The thresholds are those of the tax year of
the pay date, for the period's frequency, or pro-rated by days for a period that is not whole weeks or months
(NIM01206); the rate is the one in force on the pay date (2022-23 changed on 6 November 2022). The result is
rounded to the penny, a halfpenny or less disregarded (SS(C)R 2001 reg 12(1)).

Letters: A, B, C, J pay the rate above the Secondary Threshold; H, M, V, Z pay nothing up to their Upper
Secondary Threshold and the rate above it; X pays nothing. Freeport and Investment Zone letters (D, E, F, I, K, L,
N, S) are not offered: they need a freeport or investment-zone employer, which a household employing PAs is not.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pacost.frequency import PayFrequency
from pacost.money import ZERO, round_ni
from pacost.rates import NiRates, PeriodFigure, RateBook


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


def _zero_rate_threshold(ni: NiRates, category: NiCategory) -> PeriodFigure:
    """The threshold up to which the employer pays nothing, for this letter."""
    if category in (NiCategory.M, NiCategory.Z):
        return ni.upper_secondary_threshold
    if category is NiCategory.H:
        return ni.apprentice_upper_secondary_threshold
    if category is NiCategory.V:
        return ni.veterans_upper_secondary_threshold
    return ni.secondary_threshold


def employer_ni_threshold(
    *,
    frequency: PayFrequency,
    pay_date: date,
    category: NiCategory,
    rates: RateBook,
    days: int | None = None,
) -> Decimal:
    """The earnings above which the employer pays NI in this pay period."""
    ni = rates.ni_for(pay_date)
    return _zero_rate_threshold(ni, category).for_period(frequency, days)


def employer_ni(
    pay: Decimal,
    *,
    frequency: PayFrequency,
    pay_date: date,
    category: NiCategory,
    rates: RateBook,
    days: int | None = None,
) -> Decimal:
    """Employer NI on one period's NI-able earnings.

    ``days`` is given only for a period that is not whole weeks or months (a first or last period cut short); the
    thresholds are then the annual figure ÷ 365 × days.

    >>> from pacost.rates import bundled_rates
    >>> employer_ni(Decimal("1131.00"), frequency=PayFrequency.MONTHLY, pay_date=date(2026, 5, 5),
    ...             category=NiCategory.A, rates=bundled_rates())
    Decimal('107.10')
    """
    if category is NiCategory.X or pay <= ZERO:
        return ZERO
    ni = rates.ni_for(pay_date)
    threshold = _zero_rate_threshold(ni, category).for_period(frequency, days)
    return ni_on_earnings_above(pay, threshold, ni.rate_on(pay_date))


def ni_on_earnings_above(pay: Decimal, threshold: Decimal, rate: Decimal) -> Decimal:
    """The exact percentage method itself: the rate on the pay above the threshold, rounded as SS(C)R 2001
    reg 12(1) says. The cost model calls this directly with thresholds it has looked up once per pay period."""
    if pay <= threshold:
        return ZERO
    return round_ni((pay - threshold) * rate)
