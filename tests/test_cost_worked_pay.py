"""Worked examples of how PAs are paid (cost model §2-§7), each expected value computed by hand in the test.

Cover worked by one of the PAs (at their own rate plus rolled-up holiday pay, in their earnings for NI and pension),
rolled-up holiday pay, a pension opted into by a PA who is not an eligible jobholder, and fortnightly and four-weekly
pay periods with their own NI thresholds and pension limits.

As in ``test_cost_worked.py``: every expected figure is plain arithmetic on the cited rule and the statutory figures
in ``data/`` (each written out as a literal with its source, and checked against the bundled rate book so the two
cannot drift apart). Nothing here is copied from the program's output. The hand computations loop over the pay
periods themselves and round each payslip line per period, as a payroll does. Every plan ends on the last day of
every PA's last pay period, so no period is cut short.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from hand import (
    HOLIDAY_SHARE,
    assert_lines_add_up,
    every_day,
    hours_2dp,
    lines_of,
    monthly_periods,
    ni_penny,
    on,
    penny,
    periods_of_days,
    ssp_daily,
    ssp_payment,
)
from pacost.engine.cost import cost_plan
from pacost.plan import parse_plan
from pacost.rates import RateBook
from pacost.result import CostResult, PaResult

D = Decimal
ZERO = D(0)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def pa_named(result: CostResult, name: str) -> PaResult:
    return next(p for p in result.pas if p.name == name)


# ---- the 2026-27 figures, from data/, checked against the rate book --------------------------------------------

APRIL_2026 = date(2026, 4, 6)
NI_RATE = D("0.15")  # data/ni_rates/2026-27.toml ni.employer_rate
# data/ni_rates/2026-27.toml ni.secondary_threshold: weekly, fortnightly, four-weekly, monthly. HMRC's 2025-26 NIC
# test data (tests/data/) has its fortnightly and four-weekly boundaries at £193.04 and £385.04 (the same figures).
ST = {"weekly": D(96), "fortnightly": D(193), "four_weekly": D(385), "monthly": D(417)}
UST_MONTHLY = D(4189)  # data/ni_rates/2026-27.toml ni.upper_secondary_threshold.monthly (letter M)
ALLOWANCE = D(10500)  # data/ni_rates/2026-27.toml ni.employment_allowance
# data/pension/2026-27.toml: lower qualifying earnings, earnings trigger, upper qualifying earnings, per frequency.
PENSION_LIMITS = {
    "weekly": (D(120), D(192), D(967)),
    "fortnightly": (D(240), D(384), D(1934)),
    "four_weekly": (D(480), D(768), D(3867)),
    "monthly": (D(520), D(833), D(4189)),
}
EMPLOYER_PENSION = D("0.03")  # data/pension/2026-27.toml pension.employer_minimum
PENSION_AGE = 22  # data/pension/2026-27.toml pension.minimum_age (Pensions Act 2008 s.3)
SSP_WEEKLY, SSP_CAP = D("123.25"), D("0.80")  # data/ssp/2026-27.toml ssp.weekly_rate, ssp.earnings_cap_fraction
ROLLED_UP = D("0.1207")  # data/holiday.toml holiday.irregular_hours_accrual (WTR 1998 reg 16A)


def check_figures(rates: RateBook) -> None:
    """The literals above are the rate book's figures for 2026-27."""
    ni = rates.ni_for(APRIL_2026)
    assert ni.rate_on(APRIL_2026) == NI_RATE
    for frequency, threshold in ST.items():
        assert getattr(ni.secondary_threshold, frequency) == threshold, frequency
    assert ni.upper_secondary_threshold.monthly == UST_MONTHLY
    assert ni.employment_allowance.value == ALLOWANCE
    pension = rates.pension_for(APRIL_2026)
    for frequency, (lower, trigger, upper) in PENSION_LIMITS.items():
        assert getattr(pension.lower_qualifying_earnings, frequency) == lower, frequency
        assert getattr(pension.earnings_trigger, frequency) == trigger, frequency
        assert getattr(pension.upper_qualifying_earnings, frequency) == upper, frequency
    assert pension.employer_minimum.value == EMPLOYER_PENSION
    assert pension.minimum_age.value == PENSION_AGE
    ssp = rates.ssp_for(APRIL_2026)
    assert ssp.regime == "day-one" and ssp.waiting_days.value == 0
    assert ssp.weekly_rate.value == SSP_WEEKLY
    assert ssp.earnings_cap_fraction is not None and ssp.earnings_cap_fraction.value == SSP_CAP
    assert rates.holiday is not None and rates.holiday.irregular_hours_accrual.value == ROLLED_UP
    assert rates.holiday.statutory_weeks.value == D("5.6")


def category_a_ni(earnings: Decimal, frequency: str) -> Decimal:
    """cost model §6, letter A: 15% of the period's earnings above the Secondary Threshold for its frequency."""
    threshold = ST[frequency]
    return ni_penny((earnings - threshold) * NI_RATE) if earnings > threshold else ZERO


def pension_if_enrolled(earnings: Decimal, frequency: str) -> Decimal:
    """cost model §7 (Pensions Act 2008 ss.13, 20): 3% of the earnings between the period's lower and upper limits."""
    lower, _, upper = PENSION_LIMITS[frequency]
    return penny(EMPLOYER_PENSION * max(ZERO, min(earnings, upper) - lower))


def eligible_jobholder(age: int, earnings: Decimal, frequency: str) -> bool:
    """Pensions Act 2008 s.3: aged 22 to State Pension age and earning more than the trigger for the period."""
    return age >= PENSION_AGE and earnings > PENSION_LIMITS[frequency][1]


# ================================================================================================================
# 1. Cover by one of the PAs

COVER_BY_PA = """
name = "Cover by a PA"
start = 2026-04-06
end = 2026-07-05
nation = "england"

[budget]
amount = 9000
per = "period"

[employer]
employment_allowance = false
insurance = { amount = 0, per = "year" }
payroll = { amount = 0, per = "year" }

[cover]
by = "pa"
pa = "Cat"

[sickness]
days_per_year = 6
spell_days = 2
pay = "statutory"

[[pa]]
name = "Cat"
age = 42
hourly_rate = 12.75
pay_frequency = "weekly"
holiday_weeks = 5.6
pension = "auto"
enhancements = { weekend = 1.5 }

  [[pa.shift]]
  days = ["mon", "wed", "fri"]
  start = "09:00"
  end = "13:00"

[[pa]]
name = "Dee"
age = 35
hourly_rate = 13.00
pay_frequency = "monthly"
holiday_weeks = 5.6
pension = "auto"
enhancements = { weekend = 1.2 }

  [[pa.shift]]
  days = ["tue", "thu"]
  start = "09:00"
  end = "17:00"

  [[pa.shift]]
  days = ["sat"]
  start = "10:00"
  end = "16:00"

  [[pa.shift]]
  days = ["sun"]
  kind = "sleep-in"
  start = "22:00"
  end = "07:00"
  flat = 70.00
"""


def test_cover_by_a_pa_is_paid_at_their_own_rate_and_counts_in_their_earnings(rates: RateBook) -> None:
    """cost model §5, cover by a PA: Cat (42, £12.75, weekend x1.5, paid weekly) covers Dee's holiday and
    sickness; Dee (35, £13.00, weekend x1.2, paid monthly) works Tue and Thu 09:00-17:00, Sat 10:00-16:00 and a
    Sunday sleep-in for a flat £70. The plan is 13 weeks and 3 months (6 April to 5 July 2026), all whole.

    - Cat works Dee's absent hours at Cat's OWN rate and Cat's OWN multipliers (Dee's Saturday at x1.5, not x1.2)
      and Dee's sleep-ins for their flat sum, plus 12.07% rolled-up holiday pay (data/holiday.toml; WTR 1998
      reg 16A), each cover payment to the penny in each of Cat's weeks, on Dee's rota days in that week.
    - That cover pay is part of Cat's earnings for NI (SS(C)R 2001; £96 a week, 15%) and for auto-enrolment
      (Pensions Act 2008 s.3: on her own pay Cat never passes the £192 trigger; with the cover she does).
    - Nobody covers Cat: her holiday and sick hours are unpaid family care, with a warning naming her.
    - Sick pay is SSP from day one (ERA 2025 ss.10-11): the lower of £123.25 and 80% of AWE — for Cat 80% of
      £153.00 = £122.40 — ÷ the qualifying days in the Sunday-to-Saturday week (Cat 3, Dee 4), 2-day spells.
    - Dee's own pay: monthly, NI above £417, pension 3% of £520-£4,189 once above the £833 trigger."""
    check_figures(rates)
    result = cost_plan(parse_plan(COVER_BY_PA, source="test.toml"), rates, affordable=False)
    assert_lines_add_up(result)

    start, end = date(2026, 4, 6), date(2026, 7, 5)
    days = (end - start).days + 1
    assert days == 91 == 13 * 7
    h = HOLIDAY_SHARE
    spell = 2
    cat_rate, cat_weekend = D("12.75"), D("1.5")
    dee_rate, dee_weekend, dee_flat = D("13.00"), D("1.2"), D("70.00")

    # §1 The rotas over the plan (no bank holiday falls on Tue, Thu, Sat or Sun here; Cat's bank-holiday
    # Mondays, 6 April, 4 May and 25 May, are paid at the default multiplier of 1).
    plan_days = every_day(start, end)
    cat_days = [d for d in plan_days if d.weekday() in (MON, WED, FRI)]
    dee_long = [d for d in plan_days if d.weekday() in (TUE, THU)]
    dee_sat = [d for d in plan_days if d.weekday() == SAT]
    dee_sun = [d for d in plan_days if d.weekday() == SUN]
    assert (len(cat_days), len(dee_long), len(dee_sat), len(dee_sun)) == (39, 26, 13, 13)
    cat_planned = 4 * D(len(cat_days))
    dee_planned = 8 * D(len(dee_long)) + 6 * D(len(dee_sat)) + 9 * D(len(dee_sun))  # a sleep-in's 9 hours count
    # §4 sickness share: 6 days a year over the scheduled days a year.
    s_cat = D(6) / (D(len(cat_days)) * 365 / days)
    s_dee = D(6) / (D(len(dee_long) + len(dee_sat) + len(dee_sun)) * 365 / days)

    # SSP for one 2-day spell. AWE: the rota pay over the plan, a week (cost model §4: normal weekly pay from the rota).
    cat_awe = cat_rate * cat_planned * 7 / days
    assert cat_awe == D("153.00")
    cat_weekly_ssp = min(SSP_WEEKLY, penny(cat_awe * SSP_CAP))
    assert cat_weekly_ssp == D("122.40")  # 80% of AWE is below £123.25: the cap applies
    cat_spell = ssp_payment(ssp_daily(cat_weekly_ssp, 3), spell)  # Mon, Wed, Fri in every Sunday-Saturday week
    dee_rota_pay = dee_rate * (8 * len(dee_long) + 6 * dee_weekend * len(dee_sat)) + dee_flat * len(dee_sun)
    dee_weekly_ssp = min(SSP_WEEKLY, penny(dee_rota_pay * 7 / days * SSP_CAP))
    assert dee_weekly_ssp == SSP_WEEKLY
    dee_spell = ssp_payment(ssp_daily(dee_weekly_ssp, 4), spell)  # Sun, Tue, Thu, Sat in every week

    totals = dict.fromkeys(("wages", "holiday_pay", "sick_pay", "holiday_cover", "sick_cover"), ZERO)
    ni = {"Cat": ZERO, "Dee": ZERO}
    pension = {"Cat": ZERO, "Dee": ZERO}

    # Cat, weekly: her own pay, and the cover of Dee's rota days that fall in each of her weeks.
    cat_periods = periods_of_days(start, end, 7)
    assert len(cat_periods) == 13 and all(p.whole for p in cat_periods)
    cat = pa_named(result, "Cat")
    assert len(cat.periods) == len(cat_periods)
    enrolled = False
    ever_eligible_on_own_pay = False
    for period, detail in zip(cat_periods, cat.periods, strict=True):
        own_days = period.count(on(MON, WED, FRI))
        pay = cat_rate * 4 * own_days
        wages = penny((1 - h - s_cat) * pay)
        holiday_pay = penny(h * pay)
        sick_pay = penny(s_cat * own_days / spell * cat_spell)  # expected spells starting in the week x one spell
        # Dee's waking hours this week at Cat's multipliers (Saturday at Cat's x1.5), and her sleep-in flats.
        weighted = 8 * D(period.count(on(TUE, THU))) + 6 * cat_weekend * period.count(on(SAT))
        flats = dee_flat * period.count(on(SUN))
        holiday_cover = penny((cat_rate * (h * weighted) + h * flats) * (1 + ROLLED_UP))
        sick_cover = penny((cat_rate * (s_dee * weighted) + s_dee * flats) * (1 + ROLLED_UP))
        earnings = wages + holiday_pay + sick_pay + holiday_cover + sick_cover
        ever_eligible_on_own_pay |= eligible_jobholder(42, wages + holiday_pay + sick_pay, "weekly")
        enrolled = enrolled or eligible_jobholder(42, earnings, "weekly")
        period_ni = category_a_ni(earnings, "weekly")
        period_pension = pension_if_enrolled(earnings, "weekly") if enrolled else ZERO
        assert (detail.start, detail.end, detail.whole) == (period.first, period.last, True)
        assert detail.cover_pay == holiday_cover + sick_cover, period
        assert detail.earnings == earnings, period
        assert (detail.ni_category, detail.employer_ni, detail.pension) == ("A", period_ni, period_pension), period
        totals["wages"] += wages
        totals["holiday_pay"] += holiday_pay
        totals["sick_pay"] += sick_pay
        totals["holiday_cover"] += holiday_cover
        totals["sick_cover"] += sick_cover
        ni["Cat"] += period_ni
        pension["Cat"] += period_pension
    assert enrolled and not ever_eligible_on_own_pay  # the cover pay is what makes Cat an eligible jobholder

    # Dee, monthly: her own pay; nobody pays her for covering anyone.
    dee_periods = monthly_periods(start, end)
    assert len(dee_periods) == 3 and all(p.whole for p in dee_periods)
    dee = pa_named(result, "Dee")
    enrolled = False
    for period, detail in zip(dee_periods, dee.periods, strict=True):
        long_days, saturdays, sundays = period.count(on(TUE, THU)), period.count(on(SAT)), period.count(on(SUN))
        pay = dee_rate * (8 * long_days + 6 * dee_weekend * saturdays) + dee_flat * sundays
        wages = penny((1 - h - s_dee) * pay)
        holiday_pay = penny(h * pay)
        sick_pay = penny(s_dee * (long_days + saturdays + sundays) / spell * dee_spell)
        earnings = wages + holiday_pay + sick_pay
        enrolled = enrolled or eligible_jobholder(35, earnings, "monthly")
        period_ni = category_a_ni(earnings, "monthly")
        period_pension = pension_if_enrolled(earnings, "monthly") if enrolled else ZERO
        assert (detail.cover_pay, detail.earnings) == (ZERO, earnings), period
        assert (detail.employer_ni, detail.pension) == (period_ni, period_pension), period
        totals["wages"] += wages
        totals["holiday_pay"] += holiday_pay
        totals["sick_pay"] += sick_pay
        ni["Dee"] += period_ni
        pension["Dee"] += period_pension

    assert (cat.employer_ni, cat.pension) == (ni["Cat"], pension["Cat"])
    assert (dee.employer_ni, dee.pension) == (ni["Dee"], pension["Dee"])
    expected = {
        **totals,
        "employer_ni": ni["Cat"] + ni["Dee"],
        "employment_allowance": ZERO,  # not claimed in this plan
        "pension": pension["Cat"] + pension["Dee"],
        "insurance": ZERO,
        "payroll": ZERO,
        "other": ZERO,
        "recruitment": ZERO,  # the plan asks for no replacing of PAs and no reserve
        "contingency": ZERO,
    }
    assert lines_of(result) == expected
    assert expected["holiday_cover"] > 0 and expected["sick_cover"] > 0

    # The hours: Cat covers Dee's absent hours; Cat's own absence is unpaid family care.
    assert (
        (cat.planned_hours, dee.planned_hours) == (cat_planned, dee_planned) == (D(4 * 39), D(8 * 26 + 6 * 13 + 9 * 13))
    )
    assert cat.cover_hours_worked == (h + s_dee) * dee_planned
    assert dee.cover_hours_worked == 0
    hours = result.hours
    assert hours.planned == cat_planned + dee_planned
    assert hours.holiday_cover == hours_2dp(h * cat_planned + h * dee_planned)
    assert hours.sick_cover == hours_2dp(s_cat * cat_planned + s_dee * dee_planned)
    assert hours.unpaid_family == hours_2dp((h + s_cat) * cat_planned)
    assert hours.sleep_in == 9 * len(dee_sun)
    warning = [w for w in result.warnings if "unpaid family care" in w]
    assert len(warning) == 1
    assert "Cat covers the other PAs' absences" in warning[0] and "Cat's own holiday and sickness" in warning[0]
    details = {line.id: line.detail for line in result.lines}
    assert details["holiday_cover"] == details["sick_cover"] == "Cat at their own rate plus 12.07% holiday pay"


# ================================================================================================================
# 2. Rolled-up holiday pay

ROLLED_UP_PLAN = """
name = "Rolled-up holiday"
start = 2026-04-06
end = 2027-04-04
nation = "england"

[budget]
amount = 200
per = "week"

[employer]
employment_allowance = true
insurance = { amount = 0, per = "year" }
payroll = { amount = 0, per = "year" }

[cover]
by = "family"

[sickness]
days_per_year = 0
spell_days = 1
pay = "statutory"

[[pa]]
name = "Ria"
age = 30
hourly_rate = 14.00
pay_frequency = "weekly"
holiday_weeks = 5.6
holiday = "rolled-up"
pension = "auto"
enhancements = { weekend = 1.25 }

  [[pa.shift]]
  days = ["mon", "tue"]
  start = "09:00"
  end = "15:00"

  [[pa.shift]]
  repeat = "FREQ=MONTHLY;BYDAY=-1SA"
  start = "09:00"
  end = "17:00"
"""


def last_saturday_of_month(day: date) -> bool:
    return day.weekday() == SAT and (day + timedelta(days=7)).month != day.month


def test_rolled_up_holiday_pay_is_12_07_percent_of_each_periods_wages(rates: RateBook) -> None:
    """cost model §3 `holiday = "rolled-up"` (WTR 1998 reg 16A; data/holiday.toml: 12.07%, 5.6 / 46.4): each week's
    holiday pay is 12.07% of that week's wages, to the penny, and the wages are the pay for the share of the year
    not on holiday (1 - 5.6 x 7 / 365). Ria (30, £14.00) works Mon and Tue 09:00-15:00 and, irregularly, the last
    Saturday of each month 09:00-17:00 at the weekend multiplier 1.25; paid weekly for 52 whole weeks.

    NI: 15% above £96 a week. Auto-enrolment (Pensions Act 2008 s.3): an ordinary week (about £168) is below the
    £192 trigger, a week with a Saturday above it — so Ria is enrolled from the week of 25 April 2026 (the third
    week) and stays enrolled, paying 3% of earnings over £120 in every week after. The Employment Allowance offsets
    all the NI."""
    check_figures(rates)
    result = cost_plan(parse_plan(ROLLED_UP_PLAN, source="test.toml"), rates, affordable=False)
    assert_lines_add_up(result)

    start, end = date(2026, 4, 6), date(2027, 4, 4)
    assert (end - start).days + 1 == 52 * 7
    h = HOLIDAY_SHARE
    rate, weekend = D("14.00"), D("1.25")
    saturdays = [d for d in every_day(start, end) if last_saturday_of_month(d)]
    assert len(saturdays) == 12 and saturdays[0] == date(2026, 4, 25)
    planned = 6 * D(sum(1 for d in every_day(start, end) if d.weekday() in (MON, TUE))) + 8 * D(len(saturdays))

    ria = result.pas[0]
    periods = periods_of_days(start, end, 7)
    assert len(periods) == len(ria.periods) == 52 and all(p.whole for p in periods)
    wages_total = holiday_total = ni_total = pension_total = normal_holiday_total = ZERO
    enrolled_from = None
    for k, (period, detail) in enumerate(zip(periods, ria.periods, strict=True)):
        pay = rate * (6 * period.count(on(MON, TUE)) + 8 * weekend * period.count(last_saturday_of_month))
        wages = penny((1 - h) * pay)  # no sickness in this plan
        holiday_pay = penny(ROLLED_UP * wages)
        earnings = wages + holiday_pay
        if enrolled_from is None and eligible_jobholder(30, earnings, "weekly"):
            enrolled_from = k
        period_ni = category_a_ni(earnings, "weekly")
        period_pension = pension_if_enrolled(earnings, "weekly") if enrolled_from is not None else ZERO
        assert (detail.wages, detail.holiday_pay, detail.earnings) == (wages, holiday_pay, earnings), period
        assert (detail.employer_ni, detail.pension) == (period_ni, period_pension), period
        wages_total += wages
        holiday_total += holiday_pay
        ni_total += period_ni
        pension_total += period_pension
        normal_holiday_total += penny(h * pay)
    assert enrolled_from == 2  # 20-26 April 2026, the week of the first last Saturday
    assert periods[3].count(last_saturday_of_month) == 0 and ria.periods[3].pension > 0  # stays enrolled
    assert holiday_total != normal_holiday_total  # rolled-up is not the same as the share of the pay

    expected = {
        "wages": wages_total,
        "holiday_pay": holiday_total,
        "sick_pay": ZERO,
        "holiday_cover": ZERO,  # family cover costs nothing (§5)
        "sick_cover": ZERO,
        "employer_ni": ni_total,
        "employment_allowance": -min(ni_total, ALLOWANCE),
        "pension": pension_total,
        "insurance": ZERO,
        "payroll": ZERO,
        "other": ZERO,
        "recruitment": ZERO,  # the plan asks for no replacing of PAs and no reserve
        "contingency": ZERO,
    }
    assert lines_of(result) == expected
    assert expected["employment_allowance"] == -ni_total
    assert (ria.employer_ni, ria.pension) == (ni_total, pension_total)
    assert ria.planned_hours == result.hours.planned == planned
    assert result.hours.unpaid_family == hours_2dp(h * planned)


# ================================================================================================================
# 3. A pension opted into by a PA who is not an eligible jobholder

OPT_IN = """
name = "Opt-in pension"
start = 2026-04-06
end = 2027-04-05
nation = "england"

[budget]
amount = 900
per = "month"

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
name = "Tam"
age = AGE
hourly_rate = 13.00
pay_frequency = "monthly"
holiday_weeks = 5.6
pension = "PENSION"

  [[pa.shift]]
  days = ["mon", "wed"]
  start = "09:00"
  end = "16:00"
"""


def test_opt_in_pension_is_paid_from_the_first_period_for_a_pa_aged_20(rates: RateBook) -> None:
    """cost model §7 (Pensions Act 2008 ss.3, 7, 13, 20; data/pension/2026-27.toml). Tam works Mon and Wed 09:00-16:00
    at £13.00, paid monthly for 12 whole months from 6 April 2026: about £730 to £910 a month.

    - Aged 20 (so 20 on every pay date: a plan that gives an age makes the birthday the day after its first year),
      Tam is not an eligible jobholder whatever she earns. With `pension = "opt-in"` the employer pays 3% of her
      qualifying earnings (over £520, up to £4,189 a month) from the first month; with "auto" nothing; with
      "opt-out" nothing.
    - Under 21 she is NI letter M (SSCBA 1992 s.9A): no employer NI up to the monthly UST of £4,189.
    - For contrast, aged 22 with "auto": enrolled from the first month whose earnings pass the £833 trigger (the
      first month, with 9 working days, does not), and 15% NI above £417 a month as letter A."""
    check_figures(rates)
    start, end = date(2026, 4, 6), date(2027, 4, 5)
    h = HOLIDAY_SHARE
    rate = D("13.00")
    periods = monthly_periods(start, end)
    assert len(periods) == 12 and all(p.whole for p in periods)
    earnings_by_period = []
    for period in periods:
        pay = rate * 7 * period.count(on(MON, WED))  # bank-holiday Mondays at the default multiplier of 1
        earnings_by_period.append(penny((1 - h) * pay) + penny(h * pay))
    trigger = PENSION_LIMITS["monthly"][1]
    assert earnings_by_period[0] < trigger < max(earnings_by_period)

    def cost(age: int, choice: str) -> CostResult:
        text = OPT_IN.replace("AGE", str(age)).replace("PENSION", choice)
        result = cost_plan(parse_plan(text, source="test.toml"), rates, affordable=False)
        assert_lines_add_up(result)
        return result

    def expected_lines(ni_total: Decimal, pension_total: Decimal) -> dict[str, Decimal]:
        wages = sum((penny((1 - h) * rate * 7 * p.count(on(MON, WED))) for p in periods), ZERO)
        holiday_pay = sum((penny(h * rate * 7 * p.count(on(MON, WED))) for p in periods), ZERO)
        return {
            "wages": wages,
            "holiday_pay": holiday_pay,
            "sick_pay": ZERO,
            "holiday_cover": ZERO,
            "sick_cover": ZERO,
            "employer_ni": ni_total,
            "employment_allowance": ZERO,  # not claimed in this plan
            "pension": pension_total,
            "insurance": ZERO,
            "payroll": ZERO,
            "other": ZERO,
            "recruitment": ZERO,  # the plan asks for no replacing of PAs and no reserve
            "contingency": ZERO,
        }

    # Aged 20, opted in: 3% of the qualifying earnings of every month, from the first.
    opted_in = cost(20, "opt-in")
    tam = opted_in.pas[0]
    contributions = [pension_if_enrolled(e, "monthly") for e in earnings_by_period]
    assert all(c > 0 for c in contributions)
    for period, detail, earnings, contribution in zip(
        periods, tam.periods, earnings_by_period, contributions, strict=True
    ):
        assert not eligible_jobholder(20, earnings, "monthly")
        assert (detail.earnings, detail.ni_category, detail.employer_ni) == (earnings, "M", ZERO), period
        assert earnings < UST_MONTHLY
        assert detail.pension == contribution, period
    assert lines_of(opted_in) == expected_lines(ZERO, sum(contributions, ZERO))
    assert tam.pension == sum(contributions, ZERO)

    # Aged 20, "auto" or "opt-out": not an eligible jobholder in any month, so no contribution.
    for choice in ("auto", "opt-out"):
        result = cost(20, choice)
        assert lines_of(result) == expected_lines(ZERO, ZERO), choice
        assert all(p.pension == 0 for p in result.pas[0].periods)

    # Aged 22, "auto": enrolled from the first month over the trigger, and from then on every month.
    adult = cost(22, "auto")
    first = next(k for k, e in enumerate(earnings_by_period) if eligible_jobholder(22, e, "monthly"))
    assert first > 0
    adult_pension = sum(contributions[first:], ZERO)
    adult_ni = sum((category_a_ni(e, "monthly") for e in earnings_by_period), ZERO)
    assert [p.pension for p in adult.pas[0].periods] == [ZERO] * first + contributions[first:]
    assert all(p.ni_category == "A" for p in adult.pas[0].periods)
    assert lines_of(adult) == expected_lines(adult_ni, adult_pension)


# ================================================================================================================
# 4. Fortnightly and four-weekly pay

FORTNIGHTLY_AND_FOUR_WEEKLY = """
name = "Fortnightly and four-weekly"
start = 2026-04-06
end = 2027-04-04
nation = "england"

[budget]
amount = 45000
per = "period"

[employer]
employment_allowance = true
insurance = { amount = 180.00, per = "year" }
payroll = { amount = 12.00, per = "month" }
other = [ { name = "Training", amount = 5.00, per = "week" } ]

[cover]
by = "agency"
rate = 28.00

[sickness]
days_per_year = 4
spell_days = 1
pay = "full"

[[pa]]
name = "Fen"
age = 45
hourly_rate = 14.00
pay_frequency = "fortnightly"
holiday_weeks = 5.6
pension = "auto"
enhancements = { bank_holiday = 2.0 }

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu"]
  start = "09:00"
  end = "16:00"

[[pa]]
name = "Ivo"
age = 28
hourly_rate = 27.00
pay_frequency = "4-weekly"
holiday_weeks = 5.6
pension = "auto"
enhancements = { weekend = 1.5 }

  [[pa.shift]]
  days = ["sat", "sun"]
  start = "08:00"
  end = "20:00"
"""

# England's bank holidays from 6 April 2026 to 4 April 2027 (https://www.gov.uk/bank-holidays): Easter Monday,
# the early May and spring bank holidays, the summer bank holiday, Christmas Day (a Friday), Boxing Day's substitute
# Monday, New Year's Day (a Friday), Good Friday and Easter Monday 2027.
ENGLAND_BANK_HOLIDAYS = frozenset(
    {
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 28),
        date(2027, 1, 1),
        date(2027, 3, 26),
        date(2027, 3, 29),
    }
)


def test_fortnightly_and_four_weekly_periods_use_their_own_thresholds_and_limits(rates: RateBook) -> None:
    """cost model §2, §6, §7: 26 fortnights and 13 four-week periods from Monday 6 April 2026 to Sunday 4 April
    2027 (364 days, every period whole), each with the figures for its own frequency (data/ni_rates/2026-27.toml:
    Secondary Threshold £193 a fortnight, £385 for four weeks; data/pension/2026-27.toml: £240/£384/£1,934 a
    fortnight, £480/£768/£3,867 for four weeks).

    - Fen (45, £14.00, paid fortnightly) works Mon-Thu 09:00-16:00; bank holidays at x2.0 (6 of them fall on her
      days), so fortnights vary. Above the fortnightly trigger from the first: enrolled, 3% of earnings over £240.
    - Ivo (28, £27.00, paid four-weekly) works Sat and Sun 08:00-20:00 at x1.5: about £3,888 a period, above the
      four-weekly upper limit, so his contribution is 3% of £3,867 - £480 each period.
    - Sick days (4 a year, paid in full: cost model §4 `full`) and holidays are covered by an agency at £28 an hour,
      worked out once over the plan. Fixed costs over 364 days: £180 a year, £12 a month, £5 a week (§8)."""
    check_figures(rates)
    result = cost_plan(parse_plan(FORTNIGHTLY_AND_FOUR_WEEKLY, source="test.toml"), rates, affordable=False)
    assert_lines_add_up(result)

    start, end = date(2026, 4, 6), date(2027, 4, 4)
    days = (end - start).days + 1
    assert days == 364 == 26 * 14 == 13 * 28
    h = HOLIDAY_SHARE
    plan_days = every_day(start, end)
    fen_days = [d for d in plan_days if d.weekday() in (MON, TUE, WED, THU)]
    ivo_days = [d for d in plan_days if d.weekday() in (SAT, SUN)]
    assert len([d for d in fen_days if d in ENGLAND_BANK_HOLIDAYS]) == 6
    s_fen = D(4) / (D(len(fen_days)) * 365 / days)
    s_ivo = D(4) / (D(len(ivo_days)) * 365 / days)
    fen_planned, ivo_planned = 7 * D(len(fen_days)), 12 * D(len(ivo_days))

    fen_working = set(fen_days)

    def fen_day_pay(day: date) -> Decimal:
        if day not in fen_working:
            return ZERO
        return D("14.00") * 7 * (D("2.0") if day in ENGLAND_BANK_HOLIDAYS else 1)

    def ivo_day_pay(day: date) -> Decimal:
        return D("27.00") * 12 * D("1.5") if day.weekday() in (SAT, SUN) else ZERO

    pas: dict[str, tuple[str, int, int, Decimal, Callable[[date], Decimal]]] = {
        # name: (frequency, period length in days, age, sickness share, the pay for a day)
        "Fen": ("fortnightly", 14, 45, s_fen, fen_day_pay),
        "Ivo": ("four_weekly", 28, 28, s_ivo, ivo_day_pay),
    }
    totals = dict.fromkeys(("wages", "holiday_pay", "sick_pay", "employer_ni", "pension"), ZERO)
    over_upper = 0
    for name, (frequency, length, age, s, day_pay) in pas.items():
        pa = pa_named(result, name)
        periods = periods_of_days(start, end, length)
        assert len(periods) == len(pa.periods) == days // length and all(p.whole for p in periods)
        enrolled = False
        pa_ni = pa_pension = ZERO
        for period, detail in zip(periods, pa.periods, strict=True):
            pay = sum((day_pay(d) for d in period.dates()), ZERO)
            wages = penny((1 - h - s) * pay)
            holiday_pay = penny(h * pay)
            sick_pay = penny(s * pay)  # full pay for the sick share
            earnings = wages + holiday_pay + sick_pay
            enrolled = enrolled or eligible_jobholder(age, earnings, frequency)
            period_ni = category_a_ni(earnings, frequency)
            period_pension = pension_if_enrolled(earnings, frequency) if enrolled else ZERO
            over_upper += earnings > PENSION_LIMITS[frequency][2]
            assert (detail.start, detail.end, detail.days) == (period.first, period.last, length)
            assert (detail.earnings, detail.employer_ni, detail.pension) == (earnings, period_ni, period_pension)
            totals["wages"] += wages
            totals["holiday_pay"] += holiday_pay
            totals["sick_pay"] += sick_pay
            pa_ni += period_ni
            pa_pension += period_pension
        assert enrolled
        assert (pa.employer_ni, pa.pension) == (pa_ni, pa_pension), name
        totals["employer_ni"] += pa_ni
        totals["pension"] += pa_pension
    assert over_upper == 13  # every one of Ivo's periods, none of Fen's
    assert pa_named(result, "Ivo").periods[0].pension == penny(EMPLOYER_PENSION * (D(3867) - D(480)))

    cover_rate = D("28.00")
    expected = {
        "wages": totals["wages"],
        "holiday_pay": totals["holiday_pay"],
        "sick_pay": totals["sick_pay"],
        # §5 agency: the cover hours over the plan x the agency's rate, rounded once.
        "holiday_cover": penny((h * fen_planned + h * ivo_planned) * cover_rate),
        "sick_cover": penny((s_fen * fen_planned + s_ivo * ivo_planned) * cover_rate),
        "employer_ni": totals["employer_ni"],
        "employment_allowance": -min(totals["employer_ni"], ALLOWANCE),
        "pension": totals["pension"],
        "insurance": penny(D("180.00") * days / 365),  # §8: a year is 365 days
        "payroll": penny(D("12.00") * days * 12 / 365),  # a month is 365 / 12 days
        "other": penny(D("5.00") * days / 7),
        "recruitment": ZERO,  # the plan asks for no replacing of PAs and no reserve
        "contingency": ZERO,
    }
    assert lines_of(result) == expected
    assert expected["other"] == D("260.00")
    assert result.hours.planned == fen_planned + ivo_planned
