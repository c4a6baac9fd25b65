"""Workplace pension automatic enrolment, assessed pay period by pay period.

Each period the worker is assessed on their age on the pay date and that period's earnings (``assess_worker``):
- *eligible jobholder*: aged 22 to State Pension age, earning more than the trigger for the period — must be
  enrolled, and stays enrolled from then on (``enrolled_from``);
- *non-eligible jobholder*: earning more than the lower limit but not an eligible jobholder — may opt in;
- *entitled worker*: earning no more than the lower limit — may ask to join; no employer contribution is due.

Once enrolled (or opted in), the employer pays the minimum percentage of qualifying earnings
(``employer_contribution``): the earnings between the lower and upper limits for the period, rounded to the
penny. pacost does not model postponement (up to three
months' delay an employer may choose): a cautious budget assumes none.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal, NamedTuple

from pacost.dates import PayFrequency
from pacost.money import ZERO, round_penny
from pacost.rates.book import RateBook

PensionChoice = Literal["auto", "opt-out", "opt-in"]


class WorkerCategory(StrEnum):
    ELIGIBLE_JOBHOLDER = "eligible jobholder"
    NON_ELIGIBLE_JOBHOLDER = "non-eligible jobholder"
    ENTITLED_WORKER = "entitled worker"


class PensionThresholds(NamedTuple):
    """The auto-enrolment figures for one pay period."""

    lower: Decimal
    trigger: Decimal
    upper: Decimal
    employer_rate: Decimal
    minimum_age: int


def pension_thresholds(rates: RateBook, *, pay_date: date, frequency: PayFrequency) -> PensionThresholds:
    """The auto-enrolment figures for one pay period of ``frequency`` paid on ``pay_date``."""
    p = rates.pension_for(pay_date)
    return PensionThresholds(
        lower=p.lower_qualifying_earnings.for_frequency(frequency),
        trigger=p.earnings_trigger.for_frequency(frequency),
        upper=p.upper_qualifying_earnings.for_frequency(frequency),
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


def enrolled_from(choice: PensionChoice, categories: Iterable[WorkerCategory]) -> int | None:
    """The first pay period (by index, in date order) from which the worker is enrolled, given each period's
    assessment; once enrolled they stay enrolled. ``opt-in``: from the first period; ``opt-out``: never; ``auto``:
    from the first period in which they are an eligible jobholder (None if there is none)."""
    if choice == "opt-in":
        return 0
    if choice == "opt-out":
        return None
    for index, category in enumerate(categories):
        if category is WorkerCategory.ELIGIBLE_JOBHOLDER:
            return index
    return None


def qualifying_earnings(earnings: Decimal, thresholds: PensionThresholds) -> Decimal:
    """Earnings between the lower and upper limits for the period."""
    qualifying = (thresholds.upper if earnings > thresholds.upper else earnings) - thresholds.lower
    return qualifying if qualifying > ZERO else ZERO


def employer_contribution(earnings: Decimal, thresholds: PensionThresholds) -> Decimal:
    """The employer's minimum contribution for an enrolled worker: the minimum percentage of qualifying earnings,
    to the penny."""
    return round_penny(qualifying_earnings(earnings, thresholds) * thresholds.employer_rate)
