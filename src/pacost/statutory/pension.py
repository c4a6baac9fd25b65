"""Workplace pension automatic enrolment, assessed pay period by pay period.

Each period the worker is assessed on their age on the pay date and that period's earnings:
- *eligible jobholder*: aged 22 to State Pension age, earning more than the trigger for the period — must be
  enrolled, and stays enrolled from then on;
- *non-eligible jobholder*: earning more than the lower limit but not an eligible jobholder — may opt in;
- *entitled worker*: earning no more than the lower limit — may ask to join; no employer contribution is due.

Once enrolled (or opted in), the employer pays the minimum percentage of qualifying earnings: the earnings between
the lower and upper limits for the period (pro-rated by days for a period cut short), rounded to the penny.
pacost does not model postponement (up to three months' delay an employer may choose): a cautious budget assumes
none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pacost.frequency import PayFrequency
from pacost.money import ZERO, round_penny
from pacost.rates import RateBook

PensionChoice = Literal["auto", "opt-out", "opt-in"]


class WorkerCategory(StrEnum):
    ELIGIBLE_JOBHOLDER = "eligible jobholder"
    NON_ELIGIBLE_JOBHOLDER = "non-eligible jobholder"
    ENTITLED_WORKER = "entitled worker"


@dataclass(frozen=True)
class PensionThresholds:
    lower: Decimal
    trigger: Decimal
    upper: Decimal
    employer_rate: Decimal
    minimum_age: int


def thresholds_for(
    pay_date: date, frequency: PayFrequency, rates: RateBook, days: int | None = None
) -> PensionThresholds:
    """The auto-enrolment figures for one pay period (pro-rated by days when ``days`` is given)."""
    p = rates.pension_for(pay_date)
    return PensionThresholds(
        lower=p.lower_qualifying_earnings.for_period(frequency, days),
        trigger=p.earnings_trigger.for_period(frequency, days),
        upper=p.upper_qualifying_earnings.for_period(frequency, days),
        employer_rate=p.employer_minimum.value,
        minimum_age=int(p.minimum_age.value),
    )


def assess_worker(
    age: int, earnings: Decimal, thresholds: PensionThresholds, *, over_state_pension_age: bool
) -> WorkerCategory:
    if age >= thresholds.minimum_age and not over_state_pension_age and earnings > thresholds.trigger:
        return WorkerCategory.ELIGIBLE_JOBHOLDER
    if 16 <= age <= 74 and earnings > thresholds.lower:
        return WorkerCategory.NON_ELIGIBLE_JOBHOLDER
    return WorkerCategory.ENTITLED_WORKER


def qualifying_earnings(earnings: Decimal, thresholds: PensionThresholds) -> Decimal:
    """Earnings between the lower and upper limits for the period."""
    return max(ZERO, min(earnings, thresholds.upper) - thresholds.lower)


@dataclass(frozen=True)
class PensionPeriod:
    category: WorkerCategory
    enrolled: bool
    qualifying_earnings: Decimal
    employer_contribution: Decimal


class AutoEnrolment:
    """One PA's pension, period by period: call :meth:`period` for each pay period in date order."""

    def __init__(self, choice: PensionChoice, rates: RateBook) -> None:
        self.choice = choice
        self.rates = rates
        self.enrolled = choice == "opt-in"
        self.enrolled_from: date | None = None

    def period(
        self,
        *,
        pay_date: date,
        earnings: Decimal,
        frequency: PayFrequency,
        age: int,
        over_state_pension_age: bool,
        days: int | None = None,
    ) -> PensionPeriod:
        thresholds = thresholds_for(pay_date, frequency, self.rates, days)
        category = assess_worker(age, earnings, thresholds, over_state_pension_age=over_state_pension_age)
        if self.choice == "auto" and not self.enrolled and category is WorkerCategory.ELIGIBLE_JOBHOLDER:
            self.enrolled = True
        if self.enrolled and self.enrolled_from is None:
            self.enrolled_from = pay_date
        if not self.enrolled:
            return PensionPeriod(category, False, ZERO, ZERO)
        qe = qualifying_earnings(earnings, thresholds)
        return PensionPeriod(category, True, qe, employer_contribution(earnings, thresholds))


def employer_contribution(earnings: Decimal, thresholds: PensionThresholds) -> Decimal:
    """The employer's minimum contribution for an enrolled worker: the minimum percentage of qualifying earnings,
    to the penny."""
    return round_penny(qualifying_earnings(earnings, thresholds) * thresholds.employer_rate)
