"""Statutory Sick Pay for one spell of sickness, under the rules in force when the spell starts.

- ``waiting-days`` rules (spells starting to 5 April 2026): SSP is due only in a period of incapacity for work (PIW)
  of ``minimum_spell_days`` or more, only if average weekly earnings (AWE) reach the lower earnings limit, and not for
  the first ``waiting_days`` qualifying days. pacost treats each spell as its own PIW (spells are not linked).
- ``day-one`` rules (spells starting from 6 April 2026, Employment Rights Act 2025): paid from the first qualifying
  day, at the lower of the weekly rate and ``earnings_cap_fraction`` of AWE, with no earnings test.

The daily rate is the weekly rate ÷ the qualifying days in the week (a week runs Sunday to Saturday: SSCBA 1992
ss.157(3) and 163(1)), cut to four decimal places; the payment for the days is rounded up to the penny (HMRC's
method, as GOV.UK's SSP calculator applies it). Which rules apply, and every figure, come from the data.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from pacost.money import ZERO, round_penny, round_up_penny, truncate_4dp
from pacost.rates.book import RateBook
from pacost.rates.models import SspRates


def ssp_week_start(day: date) -> date:
    """The first day (a Sunday) of the SSP week that ``day`` falls in: for SSP a week is "a period of 7 days
    beginning with Sunday" (SSCBA 1992 s.163(1))."""
    return day - timedelta(days=(day.weekday() + 1) % 7)


class SspTerms(NamedTuple):
    """What a spell's SSP depends on besides the spell itself, under one tax year's rules: the weekly rate that
    applies (under ``day-one`` rules, the lower of the weekly rate and a share of AWE) and whether AWE pass the
    earnings test (under ``waiting-days`` rules, the lower earnings limit)."""

    weekly_rate: Decimal
    earnings_test_passed: bool


def ssp_terms(ssp: SspRates, average_weekly_earnings: Decimal) -> SspTerms:
    weekly = ssp.weekly_rate.value
    if ssp.regime == "day-one":
        assert ssp.earnings_cap_fraction is not None  # noqa: S101 - the model validator guarantees it
        weekly = min(weekly, round_penny(average_weekly_earnings * ssp.earnings_cap_fraction.value))
    passed = ssp.lower_earnings_limit is None or average_weekly_earnings >= ssp.lower_earnings_limit.value
    return SspTerms(weekly, passed)


def ssp_daily_rate(weekly_rate: Decimal, qualifying_days_in_week: int) -> Decimal:
    """Weekly rate ÷ qualifying days in the week, cut (not rounded) to four decimal places."""
    return truncate_4dp(weekly_rate / qualifying_days_in_week)


class SspResult(NamedTuple):
    """SSP for one spell: the days paid, the daily rate, the amount, and why nothing was due where it was not."""

    amount: Decimal
    paid_days: int
    waiting_days: int
    weekly_rate: Decimal
    daily_rate: Decimal
    regime: str
    reason: str | None = None


def spell_ssp(ssp: SspRates, terms: SspTerms, spell_days: int, qualifying_days_in_week: int) -> SspResult:
    """SSP under one tax year's rules (``ssp``) for ``spell_days`` consecutive qualifying days of sickness in weeks
    of ``qualifying_days_in_week`` qualifying days."""
    if not 1 <= qualifying_days_in_week <= 7:
        raise ValueError("qualifying days in a week must be 1 to 7")
    weekly = terms.weekly_rate
    daily = ssp_daily_rate(weekly, qualifying_days_in_week)
    waiting = min(int(ssp.waiting_days.value), spell_days)

    def nothing(reason: str) -> SspResult:
        return SspResult(ZERO, 0, waiting, weekly, daily, ssp.regime, reason)

    if not terms.earnings_test_passed:
        assert ssp.lower_earnings_limit is not None  # noqa: S101 - only that limit can fail the test
        return nothing(
            f"average weekly earnings below the lower earnings limit (£{ssp.lower_earnings_limit.value} a week)"
        )
    if spell_days < int(ssp.minimum_spell_days.value):
        return nothing(
            f"a spell of {spell_days} day(s) is not a period of incapacity for work "
            f"({ssp.minimum_spell_days.value} days or more)"
        )
    maximum_days = int(ssp.maximum_weeks.value) * qualifying_days_in_week
    paid = max(0, min(spell_days - waiting, maximum_days))
    if paid == 0:
        return nothing("the spell is no longer than the waiting days")
    return SspResult(round_up_penny(daily * paid), paid, waiting, weekly, daily, ssp.regime)


def ssp_for_spell(
    first_day: date,
    spell_days: int,
    *,
    qualifying_days_per_week: int,
    average_weekly_earnings: Decimal,
    rates: RateBook,
) -> SspResult:
    """SSP for ``spell_days`` consecutive qualifying days of sickness starting on ``first_day``, under the rules in
    force that day."""
    ssp = rates.ssp_for(first_day)
    return spell_ssp(ssp, ssp_terms(ssp, average_weekly_earnings), spell_days, qualifying_days_per_week)
