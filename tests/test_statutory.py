"""Worked examples of the statutory rules, each expected value written as arithmetic on the cited rule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from pacost.dates import PayFrequency
from pacost.money import round_ni, round_penny, round_up_penny, truncate_4dp
from pacost.rates import RateBook
from pacost.statutory.allowance import allowance_for, allowance_used
from pacost.statutory.bank_holidays import Nation, bank_holidays
from pacost.statutory.minimum_wage import minimum_wage
from pacost.statutory.ni import NiCategory, category_for_age, employer_ni
from pacost.statutory.pension import (
    PensionThresholds,
    WorkerCategory,
    assess_worker,
    employer_contribution,
    enrolled_from,
    pension_thresholds,
    qualifying_earnings,
)
from pacost.statutory.ssp import ssp_for_spell
from pacost.statutory.state_pension import age_on, state_pension_date
from pacost.statutory.summer_time import clock_changes, utc_offset_minutes

MONTHLY = PayFrequency.MONTHLY
WEEKLY = PayFrequency.WEEKLY

# ---- rounding (SS(C)R 2001 reg 12(1): nearest penny, a halfpenny or less disregarded) ----------------------


def test_ni_rounding_disregards_a_halfpenny_or_less() -> None:
    assert round_ni(D("50.155")) == D("50.15")
    assert round_ni(D("50.1551")) == D("50.16")
    assert round_ni(D("50.156")) == D("50.16")
    assert round_ni(D("57.7545")) == D("57.75")  # HMRC weekly case 481.03 -> 57.75


def test_other_rounding_helpers() -> None:
    assert round_penny(D("1.005")) == D("1.01")
    assert round_up_penny(D("123.2499")) == D("123.25")
    assert truncate_4dp(D("123.25") / 3) == D("41.0833")


# ---- employer NI --------------------------------------------------------------------------------------------


def test_monthly_pa_2026_27(rates: RateBook) -> None:
    # Category A, monthly Secondary Threshold £417, rate 15% (2026-27).
    got = employer_ni(D("1131.00"), frequency=MONTHLY, pay_date=date(2026, 5, 5), category=NiCategory.A, rates=rates)
    assert got == round_ni((D("1131.00") - 417) * D("0.15"))
    assert got == D("107.10")


def test_same_pa_aged_20_pays_no_employer_ni_below_the_upper_secondary_threshold(rates: RateBook) -> None:
    category = category_for_age(20, over_state_pension_age=False)
    assert category is NiCategory.M
    got = employer_ni(D("1131.00"), frequency=MONTHLY, pay_date=date(2026, 5, 5), category=category, rates=rates)
    assert got == D("0.00")
    # Above the monthly UST of £4,189 the rate applies to the excess only.
    over = employer_ni(D("4300.00"), frequency=MONTHLY, pay_date=date(2026, 5, 5), category=category, rates=rates)
    assert over == round_ni((D("4300.00") - 4189) * D("0.15"))


def test_weekly_pay_dates_either_side_of_6_november_2022(rates: RateBook) -> None:
    pay = D("300.00")
    before = employer_ni(pay, frequency=WEEKLY, pay_date=date(2022, 11, 5), category=NiCategory.A, rates=rates)
    after = employer_ni(pay, frequency=WEEKLY, pay_date=date(2022, 11, 6), category=NiCategory.A, rates=rates)
    assert before == round_ni((pay - 175) * D("0.1505"))  # 18.8125 -> 18.81
    assert after == round_ni((pay - 175) * D("0.138"))  # 17.25
    assert (before, after) == (D("18.81"), D("17.25"))


def test_category_from_age() -> None:
    assert category_for_age(15, over_state_pension_age=False) is NiCategory.X
    assert category_for_age(20, over_state_pension_age=False) is NiCategory.M
    assert category_for_age(21, over_state_pension_age=False) is NiCategory.A
    assert category_for_age(22, over_state_pension_age=False, apprentice=True) is NiCategory.H
    assert category_for_age(67, over_state_pension_age=True) is NiCategory.C


def test_dates_past_the_last_year_carry_the_latest_figures_forward(rates: RateBook) -> None:
    assert rates.carried_forward(date(2027, 4, 6))
    assert not rates.carried_forward(date(2027, 4, 5))
    got = employer_ni(D("1000"), frequency=MONTHLY, pay_date=date(2027, 5, 5), category=NiCategory.A, rates=rates)
    assert got == round_ni((D("1000") - 417) * D("0.15"))


# ---- Employment Allowance -----------------------------------------------------------------------------------


def test_employment_allowance_is_used_up_across_two_pas_within_a_year(rates: RateBook) -> None:
    # 2026-27 allowance £10,500, per employer (NIM06520). PA 1 owes £600 a month, PA 2 £400 a month: £12,000.
    assert allowance_for(2026, rates) == D("10500")
    assert allowance_used({2026: 12 * D("600") + 12 * D("400")}, rates) == D("10500")


def test_employment_allowance_starts_again_each_tax_year(rates: RateBook) -> None:
    # 2025-26 and 2026-27 have £10,500 each; a year past the last known (2027-28) carries the latest forward.
    assert allowance_used({2025: D("18000"), 2026: D("9000")}, rates) == D("10500") + D("9000")
    assert allowance_used({2027: D("11000")}, rates) == D("10500")
    assert allowance_used({2026: D("0")}, rates) == 0


# ---- pension -------------------------------------------------------------------------------------------------


def _monthly(rates: RateBook) -> PensionThresholds:
    return pension_thresholds(rates, pay_date=date(2026, 5, 5), frequency=MONTHLY)


def test_pension_period_straddling_the_trigger(rates: RateBook) -> None:
    # 2026-27 monthly: lower limit £520, trigger £833, employer minimum 3% of qualifying earnings.
    figures = _monthly(rates)
    assert (figures.lower, figures.trigger, figures.upper, figures.employer_rate) == (520, 833, 4189, D("0.03"))
    months = [D("800.00"), D("900.00"), D("600.00")]
    assessed = [assess_worker(30, pay, figures, over_state_pension_age=False) for pay in months]
    assert assessed == [
        WorkerCategory.NON_ELIGIBLE_JOBHOLDER,
        WorkerCategory.ELIGIBLE_JOBHOLDER,
        WorkerCategory.NON_ELIGIBLE_JOBHOLDER,
    ]
    # Enrolled from the second month, and stays enrolled in the third though it earns below the trigger.
    assert enrolled_from("auto", assessed) == 1
    assert employer_contribution(D("900.00"), figures) == round_penny((D("900.00") - 520) * D("0.03"))  # 11.40
    assert employer_contribution(D("600.00"), figures) == round_penny((D("600.00") - 520) * D("0.03"))  # 2.40


def test_pension_not_for_under_22_unless_opted_in(rates: RateBook) -> None:
    figures = _monthly(rates)
    aged_21 = assess_worker(21, D("2000"), figures, over_state_pension_age=False)
    assert aged_21 is WorkerCategory.NON_ELIGIBLE_JOBHOLDER
    assert enrolled_from("auto", [aged_21] * 12) is None
    assert enrolled_from("opt-in", [aged_21] * 12) == 0
    assert enrolled_from("opt-out", [WorkerCategory.ELIGIBLE_JOBHOLDER] * 12) is None
    over = assess_worker(67, D("2000"), figures, over_state_pension_age=True)
    assert over is WorkerCategory.NON_ELIGIBLE_JOBHOLDER


def test_pension_qualifying_earnings_stop_at_the_upper_limit(rates: RateBook) -> None:
    figures = _monthly(rates)
    assert qualifying_earnings(D("5000"), figures) == D(4189) - D(520)
    assert qualifying_earnings(D("500"), figures) == 0
    assert employer_contribution(D("5000"), figures) == round_penny((D(4189) - D(520)) * D("0.03"))


# ---- SSP -----------------------------------------------------------------------------------------------------


def test_ssp_five_day_spell_2025_26(rates: RateBook) -> None:
    # Before 6 April 2026: 3 waiting days, then weekly rate / qualifying days for each remaining day.
    got = ssp_for_spell(date(2025, 6, 2), 5, qualifying_days_per_week=5, average_weekly_earnings=D(300), rates=rates)
    assert got.paid_days == 5 - 3
    assert got.amount == round_up_penny(truncate_4dp(D("118.75") / 5) * 2)  # 47.50


def test_ssp_five_day_spell_2026_27(rates: RateBook) -> None:
    # From 6 April 2026: paid from the first day.
    got = ssp_for_spell(date(2026, 6, 1), 5, qualifying_days_per_week=5, average_weekly_earnings=D(300), rates=rates)
    assert got.paid_days == 5
    assert got.amount == round_up_penny(truncate_4dp(D("123.25") / 5) * 5)  # 123.25


def test_ssp_80_percent_rule_2026_27(rates: RateBook) -> None:
    # £100 a week: 80% of average weekly earnings (£80) is below the flat rate, so £80 a week applies.
    got = ssp_for_spell(date(2026, 6, 1), 5, qualifying_days_per_week=5, average_weekly_earnings=D(100), rates=rates)
    assert got.weekly_rate == D(100) * D("0.80")
    assert got.amount == round_up_penny(truncate_4dp(D(80) / 5) * 5)  # 80.00


def test_ssp_before_2026_needs_four_days_and_the_lower_earnings_limit(rates: RateBook) -> None:
    short = ssp_for_spell(date(2025, 6, 2), 3, qualifying_days_per_week=5, average_weekly_earnings=D(300), rates=rates)
    assert short.amount == 0 and short.reason
    low = ssp_for_spell(date(2025, 6, 2), 10, qualifying_days_per_week=5, average_weekly_earnings=D(124), rates=rates)
    assert low.amount == 0 and "lower earnings limit" in (low.reason or "")


def test_ssp_daily_rate_for_three_qualifying_days(rates: RateBook) -> None:
    got = ssp_for_spell(date(2026, 6, 1), 3, qualifying_days_per_week=3, average_weekly_earnings=D(500), rates=rates)
    assert got.daily_rate == D("41.0833")  # 123.25 / 3 cut to 4 places
    assert got.amount == D("123.25")  # 123.2499 rounded up to the penny


# ---- minimum wage, State Pension age, bank holidays -----------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "on", "expected"),
    [
        (35, date(2026, 4, 1), "12.71"),
        (20, date(2026, 5, 1), "10.85"),
        (17, date(2026, 5, 1), "8.00"),
        (22, date(2023, 5, 1), "10.18"),  # 21-22 band before April 2024
        (22, date(2024, 5, 1), "11.44"),  # NLW from 21 from April 2024
        (30, date(2026, 3, 31), "12.21"),  # the day before uprating
    ],
)
def test_minimum_wage(rates: RateBook, age: int, on: date, expected: str) -> None:
    got = minimum_wage(age, on, rates)
    assert got is not None and got.hourly == D(expected)


def test_no_minimum_wage_under_16(rates: RateBook) -> None:
    assert minimum_wage(15, date(2026, 5, 1), rates) is None


def test_state_pension_age(rates: RateBook) -> None:
    assert state_pension_date(date(1958, 1, 1), rates) == date(2024, 1, 1)  # 66
    assert state_pension_date(date(1960, 4, 20), rates) == date(2026, 5, 20)  # 66 and 1 month
    assert state_pension_date(date(1961, 2, 10), rates) == date(2028, 1, 10)  # 66 and 11 months
    assert state_pension_date(date(1970, 7, 1), rates) == date(2037, 7, 1)  # 67
    assert age_on(date(1990, 5, 1), date(2026, 4, 30)) == 35
    assert age_on(date(1990, 5, 1), date(2026, 5, 1)) == 36


def test_bank_holidays_by_nation() -> None:
    england = bank_holidays(Nation.ENGLAND, 2026)
    assert len(england) == 8
    assert date(2026, 12, 28) in england  # Boxing Day substitute
    assert date(2026, 12, 26) not in england  # a Saturday: not a day off
    scotland = bank_holidays(Nation.SCOTLAND, 2026)
    assert date(2026, 1, 2) in scotland and date(2026, 8, 3) in scotland
    assert date(2026, 4, 6) not in scotland  # no Easter Monday in Scotland
    assert date(2026, 6, 15) in scotland  # the 2026 World Cup bank holiday
    ni = bank_holidays(Nation.NORTHERN_IRELAND, 2026)
    assert date(2026, 3, 17) in ni and date(2026, 7, 13) in ni
    assert bank_holidays(Nation.WALES, 2026) == england
    assert date(2022, 9, 19) in bank_holidays(Nation.ENGLAND, 2022)  # State Funeral


# ---- summer time (Summer Time Act 1972 s.1(2), as substituted by the Summer Time Order 2002) -----------------


def test_clock_changes_are_the_last_sundays_of_march_and_october() -> None:
    # 2026: 31 March is a Tuesday, so the last Sunday is the 29th; 31 October is a Saturday, so the 25th.
    assert clock_changes(2026) == (date(2026, 3, 29), date(2026, 10, 25))


def test_summer_time_offset_around_the_changes() -> None:
    forward, back = date(2026, 3, 29), date(2026, 10, 25)
    assert utc_offset_minutes(forward, 59) == 0  # 00:59 GMT
    assert utc_offset_minutes(forward, 60) == 0  # 01:00-02:00 never shows on the clock: the offset before
    assert utc_offset_minutes(forward, 120) == 60  # 02:00 BST
    assert utc_offset_minutes(back, 90) == 60  # 01:30 the first time (fold=0) is still BST
    assert utc_offset_minutes(back, 120) == 0  # 02:00 GMT
    assert utc_offset_minutes(forward - timedelta(days=1), 24 * 60 + 130) == 60  # 02:10 the next morning


def test_summer_time_matches_the_time_zone_database() -> None:
    """Every quarter-hour of every change day 2000-2040 (and the days either side) as the tz database has it."""
    london = ZoneInfo("Europe/London")
    for year in range(2000, 2041):
        for change in clock_changes(year):
            for day in (change - timedelta(days=1), change, change + timedelta(days=1)):
                for minute in range(0, 24 * 60, 15):
                    wall = datetime.combine(day, time()) + timedelta(minutes=minute)
                    offset = wall.replace(tzinfo=london).utcoffset()
                    assert offset is not None
                    assert utc_offset_minutes(day, minute) == offset.total_seconds() // 60, (day, minute)
