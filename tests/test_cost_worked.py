"""Worked examples of the cost model (docs/cost-model.md), each expected value computed by hand in the test.

Every expected figure is plain arithmetic on the cited rule and the statutory figures in ``data/`` (each written out
as a literal with its source, and checked against the bundled rate book so the two cannot drift apart). Nothing
here is copied from the program's output. The hand computations loop over the pay periods themselves, because the
model rounds per pay period as a payslip does (cost model §2-§7).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hand import (
    HOLIDAY_SHARE,
    Period,
    assert_lines_add_up,
    every_day,
    hours_2dp,
    lines_of,
    monthly_periods,
    ni_penny,
    penny,
    ssp_daily,
    ssp_payment,
    weekly_periods,
)
from pacost.engine.cost import cost_plan
from pacost.plan import load_plan, parse_plan
from pacost.rates import RateBook
from pacost.result import CostResult

D = Decimal
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LONDON = ZoneInfo("Europe/London")


# ================================================================================================================
# 1. The single-PA example plan, every line and every verdict figure


def test_single_pa_weekday_example_every_line_and_the_verdict(rates: RateBook) -> None:
    """examples/single-pa-weekday.toml by hand: Alex, 42, £13.50 an hour, Mon-Fri 09:00-12:00, paid weekly,
    6 April 2026 to 5 April 2027; agency cover at £30; 5 one-day sick spells a year on SSP; auto-enrolled.

    Rules: cost model §1-§9; 2026-27 figures from data/ (NI: Secondary Threshold £96 a week, £5,000 a year, 15%, EA
    £10,500; SSP day one, the lower of £123.25 and 80% of AWE; pension: trigger £192, band £120-£967 a week, 3%)."""
    result = cost_plan(load_plan(EXAMPLES / "single-pa-weekday.toml"), rates)
    assert_lines_add_up(result)

    start, end = date(2026, 4, 6), date(2027, 4, 5)
    days = (end - start).days + 1
    assert days == 365
    rate = D("13.50")
    shift_hours = D(3)  # 09:00-12:00, a daytime shift: no clock change (01:00/02:00 on Sundays) falls in it

    # 2026-27 figures (data/ni_rates/2026-27.toml, data/ssp/2026-27.toml, data/pension/2026-27.toml).
    ni = rates.ni_for(date(2026, 4, 6))
    st_week, st_year, ni_rate, allowance = D(96), D(5000), D("0.15"), D(10500)
    assert (ni.secondary_threshold.weekly, ni.secondary_threshold.annual) == (st_week, st_year)
    assert (ni.rate_on(date(2026, 4, 6)), ni.employment_allowance.value) == (ni_rate, allowance)
    ssp_weekly_rate, ssp_cap = D("123.25"), D("0.80")
    ssp = rates.ssp_for(date(2026, 4, 6))
    assert ssp.weekly_rate.value == ssp_weekly_rate
    assert ssp.earnings_cap_fraction is not None and ssp.earnings_cap_fraction.value == ssp_cap
    lower_week, trigger_week, upper_week, employer_pc = D(120), D(192), D(967), D("0.03")
    lower_year, upper_year = D(6240), D(50270)
    pension = rates.pension_for(date(2026, 4, 6))
    assert pension.lower_qualifying_earnings.weekly == lower_week
    assert pension.earnings_trigger.weekly == trigger_week
    assert pension.upper_qualifying_earnings.weekly == upper_week
    assert (pension.lower_qualifying_earnings.annual, pension.upper_qualifying_earnings.annual) == (
        lower_year,
        upper_year,
    )
    assert pension.employer_minimum.value == employer_pc

    # §1 Rota: every weekday in the plan (bank holidays are worked too; the bank-holiday multiplier is 1).
    worked_days = [d for d in every_day(start, end) if d.weekday() < 5]
    assert len(worked_days) == 52 * 5 + 1  # 52 whole weeks from a Monday, and Monday 5 April 2027
    planned = shift_hours * len(worked_days)
    rota_pay = planned * rate

    # §3-§4 Shares: holiday 5.6 x 7 / 365; sickness 5 days over the scheduled days in a year.
    h = HOLIDAY_SHARE
    s = D(5) / (D(len(worked_days)) * 365 / days)
    # §4 SSP from 6 April 2026 (ERA 2025 ss.10-11): from day one, the lower of the weekly rate and 80% of AWE
    # (AWE = normal weekly pay), per qualifying day at weekly rate ÷ 5 (Alex works 5 days a week).
    awe = rota_pay * 7 / days
    weekly_ssp = min(ssp_weekly_rate, penny(awe * ssp_cap))
    assert weekly_ssp == ssp_weekly_rate  # 80% of ~£202.72 is well above £123.25
    ssp_one_day_spell = ssp_payment(ssp_daily(weekly_ssp, 5), 1)  # £24.65

    wages = holiday_pay = sick_pay = employer_ni = pension_total = D(0)
    enrolled = False
    periods = weekly_periods(start, end)
    assert len(periods) == 53 and periods[-1].days == 1 and not periods[-1].whole

    def pay_lines(scheduled: int) -> tuple[Decimal, Decimal, Decimal]:
        pay = scheduled * shift_hours * rate
        return (
            penny((1 - h - s) * pay),
            penny(h * pay),
            penny(s * scheduled * ssp_one_day_spell),  # expected one-day spells x SSP for one
        )

    def ni_and_pension(earnings: Decimal) -> tuple[Decimal, Decimal, bool]:
        # §6 NI, category A: above the weekly Secondary Threshold at 15%. §7 Pension: an eligible jobholder
        # (42, over the trigger) is enrolled from that period on: 3% of the earnings between the weekly limits.
        p_ni = ni_penny((earnings - st_week) * ni_rate) if earnings > st_week else D(0)
        p_pension = penny(employer_pc * max(D(0), min(earnings, upper_week) - lower_week))
        return p_ni, p_pension, earnings > trigger_week

    for period in periods:
        p_wages, p_holiday, p_sick = pay_lines(sum(1 for d in period.dates() if d.weekday() < 5))
        earnings = p_wages + p_holiday + p_sick
        p_ni, p_pension, eligible = ni_and_pension(earnings)
        if not period.whole:
            # §2 The last week, Monday 5 April 2027, runs past the plan's end: it is costed whole (Monday to
            # Friday, with the figures of 5 April 2027 and the weekly thresholds), and the share of its NI and
            # pension that Monday's pay is of the week's is counted.
            whole = sum(pay_lines(5), D(0))
            whole_ni, whole_pension, eligible = ni_and_pension(whole)
            p_ni, p_pension = penny(whole_ni * earnings / whole), penny(whole_pension * earnings / whole)
        enrolled = enrolled or eligible
        wages += p_wages
        holiday_pay += p_holiday
        sick_pay += p_sick
        employer_ni += p_ni
        pension_total += p_pension if enrolled else D(0)
    assert enrolled

    cover_rate = D(30)
    expected = {
        "wages": wages,
        "holiday_pay": holiday_pay,
        "sick_pay": sick_pay,
        "holiday_cover": penny(h * planned * cover_rate),  # §5 agency: cover hours x rate, all-in
        "sick_cover": penny(s * planned * cover_rate),
        "employer_ni": employer_ni,
        "employment_allowance": -min(employer_ni, allowance),  # §6: offsets the year's NI, up to £10,500
        "pension": pension_total,
        "insurance": penny(D(120) * days / 365),  # §8: £120 a year, a year being 365 days
        "payroll": D("0.00"),
        "other": D("0.00"),
        "recruitment": D(0),  # asked for by no example
        "contingency": D(0),
    }
    assert lines_of(result) == expected
    # Sanity of the hand figures: Alex's NI is wholly covered by the allowance, and pay is about 783 x £13.50.
    assert expected["employment_allowance"] == -employer_ni
    assert expected["sick_cover"] == D("450.00")  # 5 days x 3 hours x £30

    total = sum(expected.values(), D(0))
    budget = penny(D(260) * days / 7)  # §8: £260 a week, a week being 7 days
    assert result.total == total
    assert result.budget == budget
    assert result.difference == budget - total
    assert result.covered is (budget >= total)
    assert result.rota_pay == penny(rota_pay)
    assert result.hours.planned == planned

    # §9 Verdict.
    assert result.cost_per_planned_hour == penny(total / planned)
    # The hours a week the budget buys at this cost per planned hour: budget ÷ (total ÷ planned), per week.
    assert result.hours_per_week_budget_buys == hours_2dp(budget / (total / planned) * 7 / days)
    assert result.budget_needed == penny(total * 7 / days)  # what the budget would need to be, a week
    assert result.on_cost_percent == hours_2dp((total - rota_pay) / rota_pay * 100)
    assert result.budget_implied_hourly_rate == penny(D(260) / 15)  # £260 a week for the 15 hours funded


def test_single_pa_weekday_max_affordable_rate_is_the_highest_that_fits(rates: RateBook) -> None:
    """cost model §9: the highest base hourly rate the budget can afford for the planned hours. The plan re-costed at
    that rate (as `--set pa.0.hourly_rate=...` would) costs no more than the budget; a penny more costs more."""
    path = EXAMPLES / "single-pa-weekday.toml"
    result = cost_plan(load_plan(path), rates)
    best = result.max_affordable_hourly_rate
    assert best is not None
    assert best < D("13.50")  # the plan as written is not covered, so the affordable rate is lower
    at_best = cost_plan(load_plan(path, overrides=[f"pa.0.hourly_rate={best}"]), rates, affordable=False)
    a_penny_more = cost_plan(
        load_plan(path, overrides=[f"pa.0.hourly_rate={best + D('0.01')}"]), rates, affordable=False
    )
    assert at_best.budget == result.budget
    assert at_best.total <= result.budget < a_penny_more.total


# ================================================================================================================
# 2. A plan across 6 April 2026: NI by the pay date's year, SSP by the regime in force when the absence starts

ACROSS_APRIL = """
name = "Across 6 April 2026"
start = 2025-10-06
end = 2026-10-05
nation = "england"

[budget]
amount = 30000
per = "period"

[employer]
employment_allowance = true
insurance = { amount = 0, per = "year" }
payroll = { amount = 0, per = "year" }

[cover]
by = "family"

[sickness]
days_per_year = 8
spell_days = 4
pay = "statutory"

[[pa]]
name = "Jo"
age = 40
hourly_rate = 14.00
pay_frequency = "monthly"
pension = "auto"

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = "09:00"
  end = "15:00"

[[pa]]
name = "Kit"
age = 30
hourly_rate = 13.00
pay_frequency = "monthly"
pension = "auto"

  [[pa.shift]]
  days = ["tue", "thu"]
  start = "10:00"
  end = "14:00"
"""


def test_plan_across_6_april_2026_changes_ssp_regime_and_uses_both_years_figures(rates: RateBook) -> None:
    """A year from 6 October 2025, paid monthly (6th to 5th), sick in 4-day spells.

    SSP (cost model §4) for absences starting to 5 April 2026 (SSCBA 1992 ss.152-155; data/ssp/2025-26.toml): only
    in a spell of 4+ days, not for the first 3 waiting days, only if AWE reaches the LEL of £125 — so Jo gets 1
    paid day a spell at £118.75 ÷ 5, and Kit (AWE about £104) gets nothing. From 6 April 2026 (ERA 2025 ss.10-11;
    data/ssp/2026-27.toml): all 4 days, at the lower of £123.25 and 80% of AWE — Jo at £123.25 ÷ 5, Kit at
    80% of AWE ÷ 2. NI and pension use the figures of each pay date's tax year; rates_used lists both."""
    result = cost_plan(parse_plan(ACROSS_APRIL, source="test.toml"), rates)
    assert_lines_add_up(result)
    assert result.rates_used == ["2025-26", "2026-27"]

    start, end = date(2025, 10, 6), date(2026, 10, 5)
    days = (end - start).days + 1
    april = date(2026, 4, 6)
    # The figures: SSP 2025-26 £118.75, 3 waiting days, spells of 4+, LEL £125; 2026-27 £123.25, day one, 80%.
    before, after = rates.ssp_for(date(2025, 10, 6)), rates.ssp_for(april)
    assert before.regime == "waiting-days"
    assert (before.weekly_rate.value, before.waiting_days.value) == (D("118.75"), D(3))
    assert before.lower_earnings_limit is not None and before.lower_earnings_limit.value == D(125)
    assert after.regime == "day-one"
    assert (after.weekly_rate.value, after.waiting_days.value) == (D("123.25"), D(0))
    # NI: monthly Secondary Threshold £417 and 15% in both years (data/ni_rates/2025-26.toml, 2026-27.toml).
    for pay_date in (date(2025, 11, 5), date(2026, 5, 5)):
        assert rates.ni_for(pay_date).secondary_threshold.monthly == D(417)
        assert rates.ni_for(pay_date).rate_on(pay_date) == D("0.15")
        p = rates.pension_for(pay_date)
        assert (p.lower_qualifying_earnings.monthly, p.earnings_trigger.monthly) == (D(520), D(833))
        assert p.upper_qualifying_earnings.monthly == D(4189)

    spell = 4
    pas = {
        # name: (working weekdays, hours a shift, rate)
        "Jo": ((0, 1, 2, 3, 4), D(6), D("14.00")),
        "Kit": ((1, 3), D(4), D("13.00")),
    }
    periods = monthly_periods(start, end)
    assert len(periods) == 12 and all(p.whole for p in periods)
    totals = dict.fromkeys(("wages", "holiday_pay", "sick_pay", "employer_ni", "pension"), D(0))
    ni_by_year = {2025: D(0), 2026: D(0)}
    ssp_by_pa: dict[str, tuple[Decimal, Decimal]] = {}
    for name, (weekdays, shift_hours, rate) in pas.items():
        scheduled_days = [d for d in every_day(start, end) if d.weekday() in weekdays]
        per_week = len(weekdays)
        h = HOLIDAY_SHARE
        s = D(8) / (D(len(scheduled_days)) * 365 / days)
        awe = len(scheduled_days) * shift_hours * rate * 7 / days  # normal weekly pay
        # Before 6 April 2026: a 4-day spell pays 4 - 3 waiting days = 1 day, if AWE >= the LEL (£125).
        old = ssp_payment(ssp_daily(D("118.75"), per_week), spell - 3) if awe >= 125 else D(0)
        # From 6 April 2026: all 4 days at the lower of £123.25 and 80% of AWE.
        new = ssp_payment(ssp_daily(min(D("123.25"), penny(awe * D("0.80"))), per_week), spell)
        ssp_by_pa[name] = (old, new)
        enrolled = False
        for period in periods:
            count = sum(1 for d in period.dates() if d in scheduled_days)
            pay = count * shift_hours * rate
            per_spell = old if period.last < april else new
            p_wages = penny((1 - h - s) * pay)
            p_holiday = penny(h * pay)
            p_sick = penny(s * count / spell * per_spell)  # expected spells in the period x SSP for one spell
            earnings = p_wages + p_holiday + p_sick
            p_ni = ni_penny((earnings - 417) * D("0.15")) if earnings > 417 else D(0)
            enrolled = enrolled or earnings > 833  # both aged 22+; the monthly trigger is £833
            p_pension = penny(D("0.03") * (min(earnings, D(4189)) - 520)) if enrolled else D(0)
            totals["wages"] += p_wages
            totals["holiday_pay"] += p_holiday
            totals["sick_pay"] += p_sick
            totals["employer_ni"] += p_ni
            totals["pension"] += p_pension
            ni_by_year[2025 if period.last < april else 2026] += p_ni
    # Jo: 1 paid day of £23.75 a spell before April; 4 days of £24.65 after. Kit: nothing, then 4 x £41.485.
    assert ssp_by_pa["Jo"] == (D("23.75"), D("98.60"))
    assert ssp_by_pa["Kit"][0] == D(0) and ssp_by_pa["Kit"][1] > 0

    got = lines_of(result)
    for line_id, amount in totals.items():
        assert got[line_id] == amount, line_id
    # The Employment Allowance is £10,500 per tax year, set against each year's NI on its own.
    assert got["employment_allowance"] == -(min(ni_by_year[2025], D(10500)) + min(ni_by_year[2026], D(10500)))
    assert got["holiday_cover"] == got["sick_cover"] == D(0)  # family cover costs nothing (§5)


ACROSS_APRIL_2025 = """
name = "Two full-time PAs across 6 April 2025"
start = 2024-10-15
end = 2025-10-14
nation = "england"

[budget]
amount = 150000
per = "period"

[employer]
employment_allowance = true
insurance = { amount = 0, per = "year" }
payroll = { amount = 0, per = "year" }

[cover]
by = "family"

[sickness]
days_per_year = 0

[[pa]]
name = "Ann"
age = 45
hourly_rate = 30.00
pay_frequency = "monthly"

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = "08:00"
  end = "17:00"

[[pa]]
name = "Bea"
age = 50
hourly_rate = 28.00
pay_frequency = "monthly"

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = "08:00"
  end = "17:00"
"""


def test_employer_ni_uses_the_pay_dates_tax_year_and_the_allowance_is_per_tax_year(rates: RateBook) -> None:
    """cost model §6: NI with the thresholds and rate in force on the pay date; the Employment Allowance offsets each
    tax year's total up to that year's amount.

    2024-25 (data/ni_rates/2024-25.toml): monthly Secondary Threshold £758, 13.8%, allowance £5,000.
    2025-26 (data/ni_rates/2025-26.toml; NICs (Secondary Class 1 Contributions) Act 2025): £417, 15%, £10,500.
    Pay runs from the 15th, so the period 15 March - 14 April 2025 is paid on 14 April, under the 2025-26 rules
    as a whole. Two PAs at 45 hours a week use up both years' allowances."""
    result = cost_plan(parse_plan(ACROSS_APRIL_2025, source="test.toml"), rates, affordable=False)
    assert_lines_add_up(result)
    assert result.rates_used == ["2024-25", "2025-26"]
    old, new = rates.ni_for(date(2025, 4, 5)), rates.ni_for(date(2025, 4, 6))
    assert (old.secondary_threshold.monthly, old.rate_on(date(2025, 4, 5))) == (D(758), D("0.138"))
    assert (new.secondary_threshold.monthly, new.rate_on(date(2025, 4, 6))) == (D(417), D("0.15"))
    assert (old.employment_allowance.value, new.employment_allowance.value) == (D(5000), D(10500))

    start, end = date(2024, 10, 15), date(2025, 10, 14)
    april = date(2025, 4, 6)
    periods = monthly_periods(start, end)
    assert len(periods) == 12 and periods[5] == Period(date(2025, 3, 15), date(2025, 4, 14), whole=True)
    ni_by_year = {2024: D(0), 2025: D(0)}
    for pa, rate in zip(result.pas, (D("30.00"), D("28.00")), strict=True):
        for period, detail in zip(periods, pa.periods, strict=True):
            pay = sum(1 for d in period.dates() if d.weekday() < 5) * 9 * rate
            earnings = penny((1 - HOLIDAY_SHARE) * pay) + penny(HOLIDAY_SHARE * pay)
            threshold, ni_rate = (D(758), D("0.138")) if period.last < april else (D(417), D("0.15"))
            ni = ni_penny((earnings - threshold) * ni_rate)
            assert (detail.earnings, detail.employer_ni) == (earnings, ni), period
            ni_by_year[2024 if period.last < april else 2025] += ni
    assert ni_by_year[2024] > 5000 and ni_by_year[2025] > 10500  # both allowances are used up
    lines = lines_of(result)
    assert lines["employer_ni"] == ni_by_year[2024] + ni_by_year[2025]
    assert lines["employment_allowance"] == -(D(5000) + D(10500))


# ================================================================================================================
# 3. Under-21s: category M, no employer NI up to the Upper Secondary Threshold

UNDER_21 = """
name = "Young PAs"
start = 2026-04-06
end = 2027-04-05
nation = "england"

[budget]
amount = 60000
per = "year"

[employer]
employment_allowance = false
insurance = { amount = 0, per = "year" }
payroll = { amount = 0, per = "year" }

[cover]
by = "family"

[sickness]
days_per_year = 0
spell_days = 1
pay = "statutory"

[[pa]]
name = "Sam"
age = 19
hourly_rate = 11.00
pay_frequency = "weekly"
enhancements = { weekend = 1.2 }
hours_per_week = 10
days = ["sat", "sun"]

[[pa]]
name = "Riley"
date_of_birth = 2005-10-01
hourly_rate = 14.00
pay_frequency = "weekly"

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = "08:00"
  end = "16:00"

[[pa]]
name = "Max"
age = 18
hourly_rate = 25.00
pay_frequency = "monthly"

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = "08:00"
  end = "17:00"
"""


def test_under_21s_pay_no_employer_ni_up_to_the_upper_secondary_threshold(rates: RateBook) -> None:
    """cost model §6: the NI category the PA's age on the pay date gives; under 21 is category M, with no employer NI
    up to the Upper Secondary Threshold (£967 a week, £4,189 a month in 2026-27; SSCBA 1992 s.9A / HMRC rates
    and thresholds 2026-27) and 15% above it. Under 22, no auto-enrolment (Pensions Act 2008 s.3).

    - Sam, 19, summary rota: 10 hours a week spread over Sat and Sun, 5 hours a day from 09:00, all at the weekend
      multiplier 1.2: £132 a week, above the £96 Secondary Threshold but below the UST — so no NI at all.
    - Riley turns 21 on 1 October 2026: category M to then, category A (threshold £96) from the first pay date
      on or after the birthday.
    - Max, 18, earns about £4,875 a month: employer NI on the excess over the monthly UST of £4,189 only."""
    result = cost_plan(parse_plan(UNDER_21, source="test.toml"), rates)
    assert_lines_add_up(result)
    ni = rates.ni_for(date(2026, 4, 6))
    assert (ni.upper_secondary_threshold.weekly, ni.upper_secondary_threshold.monthly) == (D(967), D(4189))
    assert (ni.secondary_threshold.weekly, ni.secondary_threshold.monthly) == (D(96), D(417))

    start, end = date(2026, 4, 6), date(2027, 4, 5)
    h = HOLIDAY_SHARE
    by_name = {p.name: p for p in result.pas}

    # Sam: summary rota, 10 h / 2 days = 5 h each Saturday and Sunday, paid at 1.2 x £11.00.
    sam_days = [d for d in every_day(start, end) if d.weekday() >= 5]
    assert by_name["Sam"].planned_hours == 5 * len(sam_days) == 520
    sam_ni = D(0)
    for period in weekly_periods(start, end):
        pay = sum(1 for d in period.dates() if d.weekday() >= 5) * 5 * D("11.00") * D("1.2")
        earnings = penny((1 - h) * pay) + penny(h * pay)
        assert earnings < 967  # category M: below the UST, nothing is due
        if period.whole:
            assert earnings > 96  # ... though category A would pay on this
    assert by_name["Sam"].employer_ni == sam_ni
    assert all(p.ni_category == "M" for p in by_name["Sam"].periods)
    assert by_name["Sam"].pension == 0

    # Riley: 8 hours a weekday at £14; M until the pay date before 1 October 2026, A from then.
    birthday_21 = date(2026, 10, 1)
    riley_ni = D(0)
    riley_periods = weekly_periods(start, end)
    for period, detail in zip(riley_periods, by_name["Riley"].periods, strict=True):

        def earnings_for(days: int) -> Decimal:
            pay = days * 8 * D("14.00")
            return penny((1 - h) * pay) + penny(h * pay)

        earnings = earnings_for(sum(1 for d in period.dates() if d.weekday() < 5))
        if period.last < birthday_21:
            expected_category, threshold = "M", D(967)
        else:
            expected_category, threshold = "A", D(96)
        assert detail.ni_category == expected_category
        period_ni = ni_penny((earnings - threshold) * D("0.15")) if earnings > threshold else D(0)
        if not period.whole:
            # §2 The last week (Monday 5 April 2027) runs past the plan's end: costed whole, Monday to Friday,
            # and the share that Monday's pay is of the week's counted.
            whole = earnings_for(5)
            period_ni = penny(ni_penny((whole - threshold) * D("0.15")) * earnings / whole)
        riley_ni += period_ni
    assert by_name["Riley"].employer_ni == riley_ni
    assert riley_ni > 0
    assert by_name["Riley"].pension == 0  # 20-21: not an eligible jobholder

    # Max: 9 hours a weekday at £25, monthly: NI only on the excess over £4,189.
    max_ni = D(0)
    months = monthly_periods(start, end)
    for period in months:
        pay = sum(1 for d in period.dates() if d.weekday() < 5) * 9 * D("25.00")
        earnings = penny((1 - h) * pay) + penny(h * pay)
        max_ni += ni_penny((earnings - 4189) * D("0.15")) if earnings > 4189 else D(0)
    assert by_name["Max"].employer_ni == max_ni
    assert all(p.ni_category == "M" for p in by_name["Max"].periods)
    assert max_ni > 0

    assert lines_of(result)["employer_ni"] == sam_ni + riley_ni + max_ni
    assert lines_of(result)["employment_allowance"] == 0  # not claimed in this plan
    assert lines_of(result)["pension"] == 0


# ================================================================================================================
# 4. Clock changes: a night is paid for the hours actually worked

NIGHTS = """
name = "Nights"
start = {start}
end = {end}
nation = "england"

[budget]
amount = 500
per = "period"

[cover]
by = "family"

[sickness]
days_per_year = 0

[[pa]]
name = "Nat"
age = 35
hourly_rate = 14.00
pay_frequency = "weekly"
enhancements = {{ night = 1.5 }}

  [[pa.shift]]
  days = ["{day}"]
  start = "22:00"
  end = "07:00"
"""


def real_hours(day: date, start: time, end: time) -> Decimal:
    """Elapsed hours between two wall-clock times in Europe/London (the end on the next day), by UTC."""
    begin = datetime.combine(day, start, tzinfo=LONDON).astimezone(UTC)
    finish = datetime.combine(day + timedelta(days=1), end, tzinfo=LONDON).astimezone(UTC)
    return D(int((finish - begin).total_seconds())) / 3600


def night_plan(day: date) -> CostResult:
    text = NIGHTS.format(start=day, end=day, day=day.strftime("%a").lower())
    return cost_plan(parse_plan(text, source="test.toml"), affordable=False)


def test_night_into_the_last_sunday_of_march_is_8_hours() -> None:
    """cost model §1: a night across a clock change is paid for the hours actually worked. Clocks go forward at 01:00
    GMT on the last Sunday of March (Summer Time Act 1972 s.1; Summer Time Order 2002): 29 March 2026. The
    22:00-07:00 night that runs into that Sunday (starting Saturday 28 March) is 9 - 1 = 8 hours."""
    result = night_plan(date(2026, 3, 28))
    assert real_hours(date(2026, 3, 28), time(22), time(7)) == 9 - 1
    assert result.hours.planned == D(9 - 1)
    assert result.rota_pay == penny(D(9 - 1) * D("14.00") * D("1.5"))  # every hour is in the night window


def test_night_into_the_last_sunday_of_october_is_10_hours() -> None:
    """Clocks go back at 02:00 BST on the last Sunday of October: 25 October 2026. The 22:00-07:00 night that
    runs into that Sunday (starting Saturday 24 October) is 9 + 1 = 10 hours."""
    result = night_plan(date(2026, 10, 24))
    assert real_hours(date(2026, 10, 24), time(22), time(7)) == 9 + 1
    assert result.hours.planned == D(9 + 1)
    assert result.rota_pay == penny(D(9 + 1) * D("14.00") * D("1.5"))


def test_nights_starting_on_the_clock_change_sundays_are_9_hours() -> None:
    """A night that starts at 22:00 on the clock-change Sunday itself begins after the change (01:00 GMT in March,
    02:00 BST in October): nothing shifts within it, so it is the ordinary 9 hours."""
    for day in (date(2026, 3, 29), date(2026, 10, 25)):
        assert real_hours(day, time(22), time(7)) == 9
        assert night_plan(day).hours.planned == D(9)


def test_a_fortnight_of_nights_across_the_spring_change_totals_one_hour_short() -> None:
    """Every night 22:00-07:00 from Monday 23 March to Sunday 5 April 2026: 14 nights of 9 hours, less the hour
    lost in the one that runs into 29 March."""
    text = (
        NIGHTS.format(start=date(2026, 3, 23), end=date(2026, 4, 5), day="mon")
        .replace('days = ["mon"]', 'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]')
        .replace('pay_frequency = "weekly"', 'pay_frequency = "monthly"')
    )
    result = cost_plan(parse_plan(text, source="test.toml"), affordable=False)
    assert result.hours.planned == 14 * 9 - 1


# ================================================================================================================
# 5. Bank holidays: the plan's nation's calendar, paid at the bank-holiday multiplier

BANK_HOLIDAY_PLAN = """
name = "Bank holidays"
start = {start}
end = {end}
nation = "{nation}"

[budget]
amount = 1000
per = "period"

[cover]
by = "family"

[sickness]
days_per_year = 0

[[pa]]
name = "Bo"
age = 35
hourly_rate = 14.00
pay_frequency = "weekly"
enhancements = {{ weekend = 1.25, bank_holiday = 1.5 }}

  [[pa.shift]]
  days = {days}
  start = "09:00"
  end = "{shift_end}"
"""


def bank_holiday_plan(start: date, end: date, nation: str, days: str, shift_end: str) -> CostResult:
    text = BANK_HOLIDAY_PLAN.format(start=start, end=end, nation=nation, days=days, shift_end=shift_end)
    return cost_plan(parse_plan(text, source="test.toml"), affordable=False)


def test_easter_monday_2026_is_paid_at_the_bank_holiday_rate_in_england_not_scotland() -> None:
    """cost model §1: bank holidays come from the calendar for the plan's nation. Easter Monday, 6 April 2026, is a bank
    holiday in England (Banking and Financial Dealings Act 1971 sch.1; https://www.gov.uk/bank-holidays) but not in
    Scotland. An 8-hour Monday shift that week at £14 is paid x 1.5 in England, at the base rate in Scotland.
    Holiday pay is 5.6 x 7 / 365 of that pay and wages the rest (no sickness in this plan)."""
    week = (date(2026, 4, 6), date(2026, 4, 12))
    england = bank_holiday_plan(*week, "england", '["mon"]', "17:00")
    scotland = bank_holiday_plan(*week, "scotland", '["mon"]', "17:00")

    england_pay = 8 * D("14.00") * D("1.5")
    scotland_pay = 8 * D("14.00")
    assert england.rota_pay == england_pay == D("168.00")
    assert scotland.rota_pay == scotland_pay == D("112.00")
    for result, pay in ((england, england_pay), (scotland, scotland_pay)):
        assert_lines_add_up(result)
        lines = lines_of(result)
        assert lines["wages"] == penny((1 - HOLIDAY_SHARE) * pay)
        assert lines["holiday_pay"] == penny(HOLIDAY_SHARE * pay)
        assert lines["sick_pay"] == 0


def test_a_night_into_easter_monday_takes_the_highest_multiplier_for_each_part() -> None:
    """cost model §1: each part of a shift is paid at the highest multiplier that applies to it. A 22:00-07:00 night
    from Sunday 5 April 2026 into Easter Monday (England): Sunday 22:00-24:00 is weekend (1.25) and night (1.3):
    1.3 wins; Monday 00:00-07:00 is night (1.3) and bank holiday (1.5): 1.5 wins."""
    text = (
        BANK_HOLIDAY_PLAN.format(
            start=date(2026, 4, 5), end=date(2026, 4, 5), nation="england", days='["sun"]', shift_end="07:00"
        )
        .replace('start = "09:00"', 'start = "22:00"')
        .replace("bank_holiday = 1.5 }", "bank_holiday = 1.5, night = 1.3 }")
    )
    result = cost_plan(parse_plan(text, source="test.toml"), affordable=False)
    assert result.hours.planned == 2 + 7
    assert result.rota_pay == D("14.00") * (2 * D("1.3") + 7 * D("1.5"))


def test_boxing_day_on_a_saturday_is_a_weekend_and_the_substitute_monday_the_bank_holiday() -> None:
    """Boxing Day 2026 falls on a Saturday; the bank holiday is the substitute day, Monday 28 December
    (https://www.gov.uk/bank-holidays), and New Year's Day 2027 is a Friday. A 4-hour shift every day from
    Saturday 26 December 2026 to Friday 1 January 2027 at £14: Sat and Sun at the weekend multiplier 1.25; Mon
    28 Dec and Fri 1 Jan at the bank-holiday multiplier 1.5; Tue-Thu at base."""
    result = bank_holiday_plan(
        date(2026, 12, 26), date(2027, 1, 1), "england", '["mon", "tue", "wed", "thu", "fri", "sat", "sun"]', "13:00"
    )
    multipliers = [D("1.25"), D("1.25"), D("1.5"), D(1), D(1), D(1), D("1.5")]  # Sat 26 Dec ... Fri 1 Jan
    expected_pay = sum((4 * D("14.00") * m for m in multipliers), D(0))
    assert expected_pay == D("476.00")
    assert result.rota_pay == expected_pay
    assert result.hours.planned == 7 * 4


# ================================================================================================================
# 6. A sleep-in: its flat sum, its hours as planned hours, cover by the hour

SLEEP_IN = """
name = "Sunday sleep-ins"
start = 2026-04-06
end = 2027-04-05
nation = "england"

[budget]
amount = 100
per = "week"

[employer]
employment_allowance = true
insurance = { amount = 0, per = "year" }
payroll = { amount = 0, per = "year" }

[cover]
by = "agency"
rate = 30.00

[sickness]
days_per_year = 2
spell_days = 1
pay = "full"

[[pa]]
name = "Lee"
age = 50
hourly_rate = 13.00
pay_frequency = "weekly"

  [[pa.shift]]
  days = ["sun"]
  kind = "sleep-in"
  start = "22:00"
  end = "07:00"
  flat = 60.00
"""


@pytest.mark.parametrize("agency_night", [None, D("90.00")])
def test_sleep_in_is_paid_its_flat_sum_counted_in_hours_and_covered_by_the_night(
    rates: RateBook, agency_night: Decimal | None
) -> None:
    """Cost model §1 and §5: a sleep-in is paid its flat sum (£60), not by the hour; its hours (22:00-07:00, 9 real
    hours: no clock change falls inside a night starting on a Sunday) count as planned hours of care; an agency
    covering it charges a night, not 9 hours at its hourly £30: its `sleep_in_rate` (£90 here), or else the PA's own
    flat sum (£60). Sick days are paid in full (§4 `full`).
    £60 a week is below the NI Secondary Threshold (£96) and the pension lower limit (£120): no NI, no pension.
    Sleep-ins are exempt from the minimum-wage check (§10), though £60 for 9 hours is under £12.71 an hour."""
    text = (
        SLEEP_IN
        if agency_night is None
        else SLEEP_IN.replace("rate = 30.00", f"rate = 30.00\nsleep_in_rate = {agency_night}")
    )
    result = cost_plan(parse_plan(text, source="test.toml"), rates)
    assert_lines_add_up(result)
    start, end = date(2026, 4, 6), date(2027, 4, 5)
    days = (end - start).days + 1
    sundays = [d for d in every_day(start, end) if d.weekday() == 6]
    assert len(sundays) == 52
    planned = 9 * D(len(sundays))
    assert result.hours.planned == result.hours.sleep_in == planned == 468
    assert result.rota_pay == 60 * len(sundays)

    h = HOLIDAY_SHARE
    s = D(2) / (D(len(sundays)) * 365 / days)
    wages = holiday_pay = sick_pay = D(0)
    for period in weekly_periods(start, end):
        pay = sum(1 for d in period.dates() if d.weekday() == 6) * D("60.00")
        wages += penny((1 - h - s) * pay)
        holiday_pay += penny(h * pay)
        sick_pay += penny(s * pay)  # full pay: the normal pay for the sick share
    lines = lines_of(result)
    assert lines["wages"] == wages
    assert lines["holiday_pay"] == holiday_pay
    assert lines["sick_pay"] == sick_pay
    night = D("60.00") if agency_night is None else agency_night  # no waking hours: the nights are the whole charge
    assert lines["holiday_cover"] == penny(h * len(sundays) * night)
    assert lines["sick_cover"] == penny(s * len(sundays) * night)
    assert lines["employer_ni"] == lines["employment_allowance"] == lines["pension"] == 0
    assert result.total == wages + holiday_pay + sick_pay + lines["holiday_cover"] + lines["sick_cover"]
    assert not [w for w in result.warnings if "below the minimum wage" in w]
    assert any("Sleep-in hours count as planned hours" in a for a in result.assumptions)
