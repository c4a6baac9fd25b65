"""Statutory Sick Pay for one spell of sickness, under the rules in force when the spell starts.

- Spells starting to 5 April 2026 (``waiting-days``): SSP is due only in a period of incapacity for work (PIW) of
  4 or more days, only if average weekly earnings (AWE) reach the lower earnings limit, and not for the first 3
  qualifying days (waiting days). pacost treats each spell as its own PIW (spells are not linked).
- Spells starting from 6 April 2026 (``day-one``, Employment Rights Act 2025): paid from the first qualifying day,
  at the lower of the weekly rate and 80% of AWE, with no earnings test.

The daily rate is the weekly rate ÷ the qualifying days in the week, cut to four decimal places; the payment for
the days is rounded up to the penny (HMRC's method, as GOV.UK's SSP calculator applies it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pacost.money import ZERO, round_penny, round_up_penny, truncate_4dp
from pacost.rates import RateBook, SspRates


@dataclass(frozen=True)
class SspResult:
    """SSP for one spell: the days paid, the daily rate, the amount, and why nothing was due where it was not."""

    amount: Decimal
    paid_days: int
    waiting_days: int
    weekly_rate: Decimal
    daily_rate: Decimal
    regime: str
    reason: str | None = None


def ssp_weekly_rate(first_day: date, average_weekly_earnings: Decimal, rates: RateBook) -> Decimal:
    """The weekly SSP rate for a spell starting on ``first_day`` (before any earnings test)."""
    return weekly_rate_under(rates.ssp_for(first_day), average_weekly_earnings)


def weekly_rate_under(ssp: SspRates, average_weekly_earnings: Decimal) -> Decimal:
    """The weekly SSP rate under one tax year's SSP rules (before any earnings test)."""
    weekly = ssp.weekly_rate.value
    if ssp.regime == "day-one":
        assert ssp.earnings_cap_fraction is not None  # noqa: S101 - the model validator guarantees it
        weekly = min(weekly, round_penny(average_weekly_earnings * ssp.earnings_cap_fraction.value))
    return weekly


def ssp_daily_rate(weekly_rate: Decimal, qualifying_days_per_week: int) -> Decimal:
    """Weekly rate ÷ qualifying days in the week, cut (not rounded) to four decimal places."""
    return truncate_4dp(weekly_rate / qualifying_days_per_week)


def ssp_for_spell(
    first_day: date,
    spell_days: int,
    *,
    qualifying_days_per_week: int,
    average_weekly_earnings: Decimal,
    rates: RateBook,
) -> SspResult:
    """SSP for ``spell_days`` consecutive qualifying days of sickness starting on ``first_day``."""
    if not 1 <= qualifying_days_per_week <= 7:
        raise ValueError("qualifying days per week must be 1 to 7")
    ssp = rates.ssp_for(first_day)
    weekly = ssp_weekly_rate(first_day, average_weekly_earnings, rates)
    daily = ssp_daily_rate(weekly, qualifying_days_per_week)
    waiting = min(int(ssp.waiting_days.value), spell_days)

    def nothing(reason: str) -> SspResult:
        return SspResult(ZERO, 0, waiting, weekly, daily, ssp.regime, reason)

    if ssp.regime == "waiting-days":
        assert ssp.lower_earnings_limit is not None  # noqa: S101 - the model validator guarantees it
        if average_weekly_earnings < ssp.lower_earnings_limit.value:
            return nothing(
                f"average weekly earnings below the lower earnings limit "
                f"(£{ssp.lower_earnings_limit.value} a week) before 6 April 2026"
            )
        if spell_days < int(ssp.minimum_spell_days.value):
            return nothing(
                f"a spell of {spell_days} day(s) is not a period of incapacity for work "
                f"({ssp.minimum_spell_days.value} days or more) before 6 April 2026"
            )
    maximum_days = int(ssp.maximum_weeks.value) * qualifying_days_per_week
    paid = max(0, min(spell_days - waiting, maximum_days))
    if paid == 0:
        return nothing("the spell is no longer than the waiting days")
    return SspResult(round_up_penny(daily * paid), paid, waiting, weekly, daily, ssp.regime)
