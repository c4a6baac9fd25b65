"""Worked examples of the cost model where dates decide the figures: an NI rate that changes mid-year, SSP's
Sunday-to-Saturday weeks, a last pay period cut short by the plan's end, the tax years a plan draws on, and the
funded hours a budget may name. Every expected value is computed by hand in the test.

As in ``test_cost_worked.py``: each statutory figure is written out as a literal with the data file it comes from,
and checked against the rate book so that the two cannot drift apart; the hand computations loop over the pay
periods and days themselves and round each payslip line per period. Nothing here is copied from pacost's output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hand import (
    HOLIDAY_SHARE,
    Period,
    assert_lines_add_up,
    contribution,
    every_day,
    lines_of,
    monthly_periods,
    ni_above,
    ni_penny,
    penny,
    ssp_daily,
    ssp_payment,
    ssp_week,
    weekday,
    weekly_periods,
)
from pacost.engine.cost import cost_plan
from pacost.errors import PacostError
from pacost.plan import parse_plan
from pacost.rates import RateBook, load_rates
from pacost.result import LINE_IDS, PeriodDetail

D = Decimal
DATA = Path(__file__).resolve().parent.parent / "data"
ZERO = D("0.00")


def plan_text(
    start: date,
    end: date,
    pas: str,
    *,
    sick_days: int = 0,
    spell_days: int = 1,
    budget: str = 'amount = 10000\nper = "period"',
) -> str:
    """A plan with no fixed costs, family cover (which costs nothing, cost model §5), SSP, and the allowance not
    claimed (so that employer NI shows in the total)."""
    return f"""
name = "Worked dates"
start = {start}
end = {end}
nation = "england"

[budget]
{budget}

[employer]
employment_allowance = false
insurance = {{ amount = 0, per = "year" }}
payroll = {{ amount = 0, per = "year" }}

[cover]
by = "family"

[sickness]
days_per_year = {sick_days}
spell_days = {spell_days}
pay = "statutory"
{pas}
"""


def weekday_pa(name: str, *, born: str, rate: str, frequency: str, pension: str, hours: tuple[str, str]) -> str:
    """A PA working Monday to Friday, ``hours`` (start, end) each day."""
    return f"""
[[pa]]
name = "{name}"
{born}
hourly_rate = {rate}
pay_frequency = "{frequency}"
pension = "{pension}"

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = "{hours[0]}"
  end = "{hours[1]}"
"""


# The 2026-27 figures used below, from data/ (each checked against the rate book where it is used).
ST_WEEK_2026, ST_MONTH_2026, NI_RATE_2026 = D(96), D(417), D("0.15")  # data/ni_rates/2026-27.toml
SSP_WEEKLY_2026, SSP_CAP_2026 = D("123.25"), D("0.80")  # data/ssp/2026-27.toml
LOWER_WEEK, TRIGGER_WEEK, UPPER_WEEK = D(120), D(192), D(967)  # data/pension/2026-27.toml, weekly
LOWER_MONTH, TRIGGER_MONTH, UPPER_MONTH = D(520), D(833), D(4189)  # data/pension/2026-27.toml, monthly


def check_2026_figures(rates: RateBook, day: date) -> None:
    """The 2026-27 figures above are those the rate book has for ``day``."""
    ni = rates.ni_for(day)
    assert (ni.secondary_threshold.weekly, ni.secondary_threshold.monthly) == (ST_WEEK_2026, ST_MONTH_2026)
    assert ni.rate_on(day) == NI_RATE_2026
    ssp = rates.ssp_for(day)
    assert ssp.regime == "day-one" and ssp.weekly_rate.value == SSP_WEEKLY_2026
    assert ssp.earnings_cap_fraction is not None and ssp.earnings_cap_fraction.value == SSP_CAP_2026
    assert ssp.minimum_spell_days.value == 1 and ssp.waiting_days.value == 0
    p = rates.pension_for(day)
    assert (p.lower_qualifying_earnings.weekly, p.earnings_trigger.weekly) == (LOWER_WEEK, TRIGGER_WEEK)
    assert p.upper_qualifying_earnings.weekly == UPPER_WEEK
    assert (p.lower_qualifying_earnings.monthly, p.earnings_trigger.monthly) == (LOWER_MONTH, TRIGGER_MONTH)
    assert p.upper_qualifying_earnings.monthly == UPPER_MONTH
    assert p.employer_minimum.value == D("0.03") and p.minimum_age.value == 22


def weekly_ssp_2026(average_weekly_earnings: Decimal) -> Decimal:
    """cost model §4 from 6 April 2026 (ERA 2025 s.11): the lower of £123.25 and 80% of AWE (to the penny)."""
    return min(SSP_WEEKLY_2026, penny(SSP_CAP_2026 * average_weekly_earnings))


# ================================================================================================================
# 1. 2022-23: the employer rate fell from 15.05% to 13.8% for pay dates from 6 November 2022

PLAN_2022 = plan_text(
    date(2022, 9, 5),
    date(2023, 1, 22),
    weekday_pa("Dee", born="age = 40", rate="12.00", frequency="weekly", pension="opt-out", hours=("09:00", "17:00")),
)


def test_2022_23_weekly_ni_at_15_05_percent_to_5_november_and_13_8_percent_after(rates: RateBook) -> None:
    """cost model §6: NI at the rate in force on the pay date. 2022-23 (data/ni_rates/2022-23.toml): 15.05% (the Health
    and Social Care Levy Act 2021 s.5 increase) for pay dates to 5 November 2022, 13.8% from 6 November 2022 (Health
    and Social Care Levy (Repeal) Act 2022 s.2); the Secondary Threshold £175 a week all year (SI 2022/232 reg 6:
    it was the Primary Threshold, not the Secondary, that rose on 6 July 2022).

    Dee, 40, Mon-Fri 8 hours at £12.00, paid weekly on Sundays from Monday 5 September 2022 for 20 weeks. The week
    of Monday 31 October is paid on Sunday 6 November: at 13.8%, though it began under the old rate."""
    result = cost_plan(parse_plan(PLAN_2022, source="test.toml"), rates, affordable=False)
    assert_lines_add_up(result)
    assert result.rates_used == ["2022-23"]

    start, end = date(2022, 9, 5), date(2023, 1, 22)
    change = date(2022, 11, 6)
    st_week, old_rate, new_rate = D(175), D("0.1505"), D("0.138")
    for day in (date(2022, 9, 11), date(2022, 7, 6), date(2022, 11, 5), change, end):
        assert rates.ni_for(day).secondary_threshold.weekly == st_week
    assert rates.ni_for(start).rate_on(date(2022, 11, 5)) == old_rate
    assert rates.ni_for(start).rate_on(change) == new_rate

    periods = weekly_periods(start, end)
    assert len(periods) == 20 and all(p.whole for p in periods)
    assert [p.last.weekday() for p in periods] == [6] * 20  # paid on Sundays
    h = HOLIDAY_SHARE
    details = result.pas[0].periods
    wages = holiday_pay = employer_ni = D(0)
    rates_seen = Counter[Decimal]()
    for period, detail in zip(periods, details, strict=True):
        pay = sum(1 for d in period.dates() if weekday(d)) * 8 * D("12.00")  # bank holidays worked at x 1
        p_wages, p_holiday = penny((1 - h) * pay), penny(h * pay)  # no sickness in this plan
        earnings = p_wages + p_holiday
        rate = old_rate if period.last < change else new_rate  # the pay date is the period's last day
        rates_seen[rate] += 1
        p_ni = ni_above(earnings, st_week, rate)
        assert (detail.start, detail.end, detail.pay_date) == (period.first, period.last, period.last)
        assert (detail.wages, detail.holiday_pay, detail.sick_pay) == (p_wages, p_holiday, 0)
        assert (detail.earnings, detail.ni_category, detail.employer_ni) == (earnings, "A", p_ni), period
        wages += p_wages
        holiday_pay += p_holiday
        employer_ni += p_ni
    assert rates_seen == {old_rate: 8, new_rate: 12}  # pay dates 11 Sep - 30 Oct; 6 Nov - 22 Jan
    # The boundary weeks by hand: £480 a week, (480 - 175) x 15.05% = 45.9025 -> £45.90; x 13.8% = £42.09.
    assert (details[7].pay_date, details[7].employer_ni) == (date(2022, 10, 30), D("45.90"))
    assert (details[8].pay_date, details[8].employer_ni) == (change, D("42.09"))

    expected = dict.fromkeys(LINE_IDS, ZERO)
    expected.update(wages=wages, holiday_pay=holiday_pay, employer_ni=employer_ni)
    assert lines_of(result) == expected
    assert result.total == wages + holiday_pay + employer_ni


# ================================================================================================================
# 2. SSP in alternating weeks: each sick day at the daily rate of its own Sunday-to-Saturday week

ALTERNATING_PA = """
[[pa]]
name = "Alt"
age = 35
hourly_rate = 13.00
pay_frequency = "weekly"
pension = "opt-out"

  [[pa.shift]]
  days = ["mon", "wed"]
  start = "09:00"
  end = "13:00"

  [[pa.shift]]
  days = ["fri"]
  every = 2
  start = "09:00"
  end = "13:00"
"""


@dataclass(frozen=True)
class Alternating:
    """The alternating-weeks plan worked by hand: the expected lines, each period's sick pay, and what the sick
    pay would be were every week divided by 2 days."""

    lines: dict[str, Decimal]
    sick_by_period: list[Decimal]
    halved_sick: Decimal
    qualifying: Callable[[date], int]
    sick_share: Decimal
    periods: list[Period]
    per_spell: dict[int, Decimal]


def alternating_by_hand(rates: RateBook, start: date, end: date) -> Alternating:
    """Alt works 09:00-13:00 (4 hours, £13.00 an hour: £52 a day) every Monday and Wednesday, and every other
    Friday from the plan's first week; 10 sick days a year in 1-day spells, on SSP.

    cost model §4 and its SSP choices: the daily rate is the weekly rate ÷ the PA's scheduled days in the
    Sunday-to-Saturday week the sick day falls in (SSCBA 1992 ss.157(3), 163(1)); the first week counts the days
    before the plan start as a weekly rota would have them (Monday and Wednesday shifts repeat backwards; the
    fortnightly Friday's week before the start is off its cycle); the weeks at the end run on past the plan's
    end. AWE = rota pay x 7 / plan days; SSP = min(£123.25, 80% of AWE), from day one (data/ssp/2026-27.toml)."""
    days = (end - start).days + 1
    check_2026_figures(rates, start)

    def scheduled(day: date) -> bool:
        if day.weekday() in (0, 2):
            return True  # Monday and Wednesday, every week, before the start as after
        return day.weekday() == 4 and day >= start and (day - start).days // 7 % 2 == 0

    def qualifying(day: date) -> int:
        return sum(1 for d in ssp_week(day) if scheduled(d))

    in_plan = [d for d in every_day(start, end) if scheduled(d)]
    assert len(in_plan) == 52 * 2 + 26  # 52 Mondays and Wednesdays, 26 Fridays
    day_pay = 4 * D("13.00")
    rota_pay = len(in_plan) * day_pay
    h = HOLIDAY_SHARE
    s = D(10) / (D(len(in_plan)) * 365 / days)
    weekly = weekly_ssp_2026(rota_pay * 7 / days)
    assert weekly == D("104.00")  # AWE £130 exactly: 80% of it, £104, is below £123.25
    # Every day of these plans is in 2026-27 or (from 6 April 2027) past the last year known, which takes the
    # 2026-27 figures carried forward (data/ssp/ ends at 2026-27).
    per_spell = {q: ssp_payment(ssp_daily(weekly, q), 1) for q in (2, 3)}
    assert per_spell == {3: D("34.67"), 2: D("52.00")}  # 104/3 = 34.6666 -> 34.67 up; 104/2 = 52.00

    lines = dict.fromkeys(LINE_IDS, ZERO)
    sick_by_period = []
    halved = D(0)
    periods = weekly_periods(start, end)
    for period in periods:
        working = [d for d in period.dates() if scheduled(d)]
        pay = len(working) * day_pay
        groups = Counter(qualifying(d) for d in working)  # scheduled days by their week's qualifying days
        p_sick = penny(sum((s * n / 1 * per_spell[q] for q, n in sorted(groups.items())), D(0)))
        halved += penny(s * len(working) * per_spell[2])
        earnings = penny((1 - h - s) * pay) + penny(h * pay) + p_sick
        lines["wages"] += penny((1 - h - s) * pay)
        lines["holiday_pay"] += penny(h * pay)
        lines["sick_pay"] += p_sick
        lines["employer_ni"] += ni_above(earnings, ST_WEEK_2026, NI_RATE_2026)
        sick_by_period.append(p_sick)
    return Alternating(lines, sick_by_period, halved, qualifying, s, periods, per_spell)


def test_alternating_weeks_ssp_divides_each_week_by_its_own_days(rates: RateBook) -> None:
    """From Monday 6 April 2026 for 52 whole weeks (to Sunday 4 April 2027), paid weekly Monday to Sunday: the
    Sunday-to-Saturday weeks have Mon, Wed, Fri and Mon, Wed in turn, so a sick day costs £104 ÷ 3 in a 3-day
    week and £104 ÷ 2 in a 2-day week — less in all than dividing every week by 2 would give. NI: weekly
    Secondary Threshold £96 at 15% (data/ni_rates/2026-27.toml)."""
    start, end = date(2026, 4, 6), date(2027, 4, 4)
    check_2026_figures(rates, start)
    result = cost_plan(
        parse_plan(plan_text(start, end, ALTERNATING_PA, sick_days=10), source="t.toml"), rates, affordable=False
    )
    assert_lines_add_up(result)
    hand = alternating_by_hand(rates, start, end)
    assert len(hand.periods) == 52 and all(p.whole for p in hand.periods)
    # The weeks alternate: 3 qualifying days in the plan's first week (Sun 5 - Sat 11 April), 2 in the next.
    assert [hand.qualifying(p.first) for p in hand.periods] == [3, 2] * 26
    details = result.pas[0].periods
    assert [d.sick_pay for d in details] == hand.sick_by_period
    assert lines_of(result) == hand.lines
    # Dividing every week's rate by 2 would pay the 3-day weeks' sick days £52.00 rather than £34.67.
    assert hand.lines["sick_pay"] < hand.halved_sick
    assert result.total == sum(hand.lines.values(), D(0))


def test_alternating_weeks_first_week_counts_the_days_before_a_thursday_start(rates: RateBook) -> None:
    """The same rota from Thursday 9 April 2026 to Wednesday 7 April 2027 (52 whole weeks, Thursday to Wednesday).
    The first Sunday-to-Saturday week (5-11 April) has only Friday 10 April in the plan, but Monday 6 and Wednesday
    8 April are counted as the weekly rota has them: 3 qualifying days, not 1. Each period straddles two SSP weeks,
    its sick days grouped by their own week's days; the last week (Sun 4 - Sat 10 April 2027) counts Friday 9
    April, past the plan's end, on the Friday's cycle."""
    start, end = date(2026, 4, 9), date(2027, 4, 7)
    result = cost_plan(
        parse_plan(plan_text(start, end, ALTERNATING_PA, sick_days=10), source="t.toml"), rates, affordable=False
    )
    assert_lines_add_up(result)
    assert result.rates_used == ["2026-27"]
    assert rates.ni_for(end) == rates.ni_for(start) and rates.ssp_for(end) == rates.ssp_for(start)  # carried
    hand = alternating_by_hand(rates, start, end)
    assert hand.qualifying(date(2026, 4, 10)) == 3
    assert hand.qualifying(date(2027, 4, 5)) == hand.qualifying(date(2027, 4, 7)) == 3
    # The first period (Thu 9 - Wed 15 April) has Friday 10 April in a 3-day week and Monday 13, Wednesday 15 in a
    # 2-day week (Friday 17 is off the cycle): s x £34.67 + 2 s x £52.00. Counting only the plan's own days of the
    # first week would make Friday 10 April's week a 1-day one, at £104.
    s = hand.sick_share
    assert hand.qualifying(date(2026, 4, 13)) == 2
    first_week = penny(s * 1 * hand.per_spell[3] + s * 2 * hand.per_spell[2])
    assert hand.sick_by_period[0] == first_week
    assert first_week < penny(s * 1 * ssp_payment(ssp_daily(D(104), 1), 1) + s * 2 * hand.per_spell[2])
    assert [d.sick_pay for d in result.pas[0].periods] == hand.sick_by_period
    assert lines_of(result) == hand.lines


# ================================================================================================================
# 3. A last pay period cut short by the plan's end: costed whole, the share inside the plan counted

HOURS = ("09:00", "15:00")  # 6 hours a day, at £14.00: £84 a day


def test_cut_short_last_week_counts_its_share_of_the_whole_weeks_ni_and_pension(rates: RateBook) -> None:
    """cost model §2 and the rule for a last pay period past the plan's end. Wyn, 40, Mon-Fri 6 hours at £14,
    paid weekly from Monday 6 April 2026 to Monday 5 April 2027; 5 one-day sick spells a year on SSP; enrolled.
    The 53rd week is Monday 5 April only: it is costed whole (Mon 5 - Sun 11 April 2027, the rota continued, the
    weekly thresholds, the figures of 5 April 2027); the plan counts Monday's pay, and the share that Monday's
    earnings are of the whole week's of its NI and pension. No threshold is pro-rated by days: on its own Monday's
    £84 is below both the £96 NI threshold and the £120 pension lower limit."""
    start, end = date(2026, 4, 6), date(2027, 4, 5)
    days = (end - start).days + 1
    check_2026_figures(rates, end)
    pas = weekday_pa("Wyn", born="age = 40", rate="14.00", frequency="weekly", pension="auto", hours=HOURS)
    result = cost_plan(parse_plan(plan_text(start, end, pas, sick_days=5), source="t.toml"), rates, affordable=False)
    assert_lines_add_up(result)
    assert result.rates_used == ["2026-27"]

    worked = [d for d in every_day(start, end) if weekday(d)]
    assert len(worked) == 261
    day_pay = 6 * D("14.00")
    h = HOLIDAY_SHARE
    s = D(5) / (D(len(worked)) * 365 / days)
    weekly = weekly_ssp_2026(len(worked) * day_pay * 7 / days)
    assert weekly == SSP_WEEKLY_2026  # 80% of AWE (about £420) is above £123.25
    per_spell = ssp_payment(ssp_daily(weekly, 5), 1)  # every SSP week has Mon-Fri: £24.65

    def earnings_of(scheduled: int) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        pay = scheduled * day_pay
        wages, holiday, sick = penny((1 - h - s) * pay), penny(h * pay), penny(s * scheduled / 1 * per_spell)
        return wages, holiday, sick, wages + holiday + sick

    periods = weekly_periods(start, end)
    assert len(periods) == 53 and periods[-1] == Period(end, end, whole=False)
    lines = dict.fromkeys(LINE_IDS, ZERO)
    for period in periods[:-1]:
        wages, holiday, sick, earnings = earnings_of(sum(1 for d in period.dates() if weekday(d)))
        assert earnings > TRIGGER_WEEK  # an eligible jobholder from the first week: enrolled throughout
        lines["wages"] += wages
        lines["holiday_pay"] += holiday
        lines["sick_pay"] += sick
        lines["employer_ni"] += ni_above(earnings, ST_WEEK_2026, NI_RATE_2026)
        lines["pension"] += contribution(earnings, LOWER_WEEK, UPPER_WEEK)

    # The last week: Monday inside the plan; the whole week Mon-Fri as the rota goes on.
    wages, holiday, sick, inside = earnings_of(1)
    whole_days = every_day(end, end + timedelta(days=6))
    _, _, _, whole = earnings_of(sum(1 for d in whole_days if weekday(d)))
    whole_ni = ni_above(whole, ST_WEEK_2026, NI_RATE_2026)
    whole_pension = contribution(whole, LOWER_WEEK, UPPER_WEEK)
    counted_ni, counted_pension = penny(whole_ni * inside / whole), penny(whole_pension * inside / whole)
    assert inside < ST_WEEK_2026 and inside < LOWER_WEEK  # alone it would bear no NI and no pension
    assert counted_ni > 0 and counted_pension > 0
    # Pro-rating the threshold to 1 day (£96 x 1/7) would give a different figure: it is not what the rule does.
    assert counted_ni != ni_above(inside, ST_WEEK_2026 / 7, NI_RATE_2026)
    lines["wages"] += wages
    lines["holiday_pay"] += holiday
    lines["sick_pay"] += sick
    lines["employer_ni"] += counted_ni
    lines["pension"] += counted_pension

    last: PeriodDetail = result.pas[0].periods[-1]
    assert (last.start, last.end, last.days, last.whole) == (end, end, 1, False)
    assert last.pay_date == date(2027, 4, 11)  # the whole week's last day
    assert (last.wages, last.holiday_pay, last.sick_pay, last.earnings) == (wages, holiday, sick, inside)
    assert (last.employer_ni, last.pension, last.ni_category) == (counted_ni, counted_pension, "A")
    assert last.whole_period is not None
    assert (last.whole_period.end, last.whole_period.days) == (date(2027, 4, 11), 7)
    assert (last.whole_period.earnings, last.whole_period.employer_ni) == (whole, whole_ni)
    assert last.whole_period.pension == whole_pension
    assert all(p.whole_period is None for p in result.pas[0].periods[:-1])
    assert lines_of(result) == lines


def test_cut_short_last_month_counts_its_share_of_the_whole_months_ni_and_pension(rates: RateBook) -> None:
    """As above for a PA paid monthly: Mo, 45, Mon-Fri 6 hours at £14, from 15 April 2026 to 20 April 2027, so the
    13th month, 15 April - 14 May 2027, is cut at 20 April (Thu 15, Fri 16, Mon 19, Tue 20: 4 working days, £336,
    below the monthly £417 NI threshold and the £520 pension lower limit). It is costed whole (22 working days;
    the early May bank holiday is worked at x 1) with the monthly thresholds and the figures in force on 20 April
    2027 — in tax year 2027-28, past the last year in data/, so 2026-27's carried forward."""
    start, end = date(2026, 4, 15), date(2027, 4, 20)
    days = (end - start).days + 1
    assert days == 371
    check_2026_figures(rates, end)  # 20 April 2027: the 2026-27 figures, carried forward
    assert rates.carried_forward(end) and not rates.carried_forward(date(2027, 4, 5))
    pas = weekday_pa("Mo", born="age = 45", rate="14.00", frequency="monthly", pension="auto", hours=HOURS)
    result = cost_plan(parse_plan(plan_text(start, end, pas, sick_days=5), source="t.toml"), rates, affordable=False)
    assert_lines_add_up(result)

    worked = [d for d in every_day(start, end) if weekday(d)]
    day_pay = 6 * D("14.00")
    h = HOLIDAY_SHARE
    s = D(5) / (D(len(worked)) * 365 / days)
    per_spell = ssp_payment(ssp_daily(weekly_ssp_2026(len(worked) * day_pay * 7 / days), 5), 1)
    assert per_spell == D("24.65")

    def earnings_of(scheduled: int) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        pay = scheduled * day_pay
        wages, holiday, sick = penny((1 - h - s) * pay), penny(h * pay), penny(s * scheduled / 1 * per_spell)
        return wages, holiday, sick, wages + holiday + sick

    periods = monthly_periods(start, end)
    assert len(periods) == 13 and periods[-1] == Period(date(2027, 4, 15), end, whole=False)
    assert all(p.whole for p in periods[:-1])
    lines = dict.fromkeys(LINE_IDS, ZERO)
    for period in periods[:-1]:
        wages, holiday, sick, earnings = earnings_of(sum(1 for d in period.dates() if weekday(d)))
        assert earnings > TRIGGER_MONTH
        lines["wages"] += wages
        lines["holiday_pay"] += holiday
        lines["sick_pay"] += sick
        lines["employer_ni"] += ni_above(earnings, ST_MONTH_2026, NI_RATE_2026)
        lines["pension"] += contribution(earnings, LOWER_MONTH, UPPER_MONTH)

    inside_days = sum(1 for d in periods[-1].dates() if weekday(d))
    whole_month = every_day(date(2027, 4, 15), date(2027, 5, 14))
    whole_days = sum(1 for d in whole_month if weekday(d))
    assert (inside_days, whole_days, len(whole_month)) == (4, 22, 30)
    wages, holiday, sick, inside = earnings_of(inside_days)
    _, _, _, whole = earnings_of(whole_days)
    whole_ni = ni_above(whole, ST_MONTH_2026, NI_RATE_2026)
    whole_pension = contribution(whole, LOWER_MONTH, UPPER_MONTH)
    counted_ni, counted_pension = penny(whole_ni * inside / whole), penny(whole_pension * inside / whole)
    assert inside < ST_MONTH_2026 and inside < LOWER_MONTH
    assert counted_ni > 0 and counted_pension > 0
    # NIM01206's odd-period threshold (annual £5,000 x 6/365) would give another figure: no threshold is pro-rated.
    assert counted_ni != ni_above(inside, ni_penny(D(5000) * 6 / 365), NI_RATE_2026)
    lines["wages"] += wages
    lines["holiday_pay"] += holiday
    lines["sick_pay"] += sick
    lines["employer_ni"] += counted_ni
    lines["pension"] += counted_pension

    last = result.pas[0].periods[-1]
    assert (last.start, last.end, last.days, last.whole) == (date(2027, 4, 15), end, 6, False)
    assert last.pay_date == date(2027, 5, 14)
    assert (last.wages, last.holiday_pay, last.sick_pay, last.earnings) == (wages, holiday, sick, inside)
    assert (last.employer_ni, last.pension) == (counted_ni, counted_pension)
    assert last.whole_period is not None
    assert (last.whole_period.end, last.whole_period.days) == (date(2027, 5, 14), 30)
    assert (last.whole_period.earnings, last.whole_period.employer_ni) == (whole, whole_ni)
    assert last.whole_period.pension == whole_pension
    assert lines_of(result) == lines


def rates_with_2027_28(tmp_path: Path) -> RateBook:
    """The bundled figures plus an invented 2027-28 (the 2026-27 files renamed) with an employer rate of 20% and
    SSP of £150 a week: figures the cut-short week must NOT use, being paid in 2027-28."""
    files = []
    for kind, edits in (
        ("ni_rates", (("from = 2026-04-06", "from = 2027-04-06"), ('value = "0.15"', 'value = "0.20"'))),
        ("ssp", (('value = "123.25"', 'value = "150.00"'),)),
        ("pension", ()),
    ):
        text = (DATA / kind / "2026-27.toml").read_text(encoding="utf-8")
        for old, new in (('tax_year = "2026-27"', 'tax_year = "2027-28"'), *edits):
            assert text.count(old) == 1, (kind, old)
            text = text.replace(old, new)
        path = tmp_path / f"{kind}-2027-28.toml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return load_rates(files)


def test_cut_short_week_takes_the_tax_year_and_age_of_the_plans_last_day(tmp_path: Path) -> None:
    """Cost model §2: the whole period takes "the figures in force on the plan's last day (so the tax year, NI letter,
    age ...)". With a (made-up) 2027-28 at 20% NI and £150 SSP loaded, the week Monday 5 - Sunday 11 April 2027
    of a plan ending on Monday 5 April 2027 is still costed with 2026-27's 15%, £96 and £123.25 — its days past the
    plan's end too. Ash, born 8 April 2006, is 20 on 5 April 2027 (letter M: nothing up to £967 a week) though 21
    on the pay date, 11 April: the week is costed under M, so no NI. Wyn, 40, is costed as in the test above."""
    book = rates_with_2027_28(tmp_path)
    later = date(2027, 4, 11)
    assert book.ni_for(later).rate_on(later) == D("0.20") and book.ssp_for(later).weekly_rate.value == D(150)
    start, end = date(2026, 4, 6), date(2027, 4, 5)
    check_2026_figures(book, end)
    pas = weekday_pa("Wyn", born="age = 40", rate="14.00", frequency="weekly", pension="auto", hours=HOURS)
    pas += weekday_pa(
        "Ash", born="date_of_birth = 2006-04-08", rate="14.00", frequency="weekly", pension="auto", hours=HOURS
    )
    result = cost_plan(parse_plan(plan_text(start, end, pas, sick_days=5), source="t.toml"), book, affordable=False)
    assert_lines_add_up(result)
    assert result.rates_used == ["2026-27"]  # no figure of 2027-28 is used

    days = (end - start).days + 1
    worked = 261
    day_pay = 6 * D("14.00")
    h = HOLIDAY_SHARE
    s = D(5) / (D(worked) * 365 / days)
    per_spell = ssp_payment(ssp_daily(weekly_ssp_2026(worked * day_pay * 7 / days), 5), 1)  # 2026-27's £24.65

    def earnings_of(scheduled: int) -> Decimal:
        pay = scheduled * day_pay
        return penny((1 - h - s) * pay) + penny(h * pay) + penny(s * scheduled / 1 * per_spell)

    inside, whole = earnings_of(1), earnings_of(5)
    whole_ni = ni_above(whole, ST_WEEK_2026, NI_RATE_2026)
    wyn, ash = result.pas
    last = wyn.periods[-1]
    assert last.whole_period is not None
    assert (last.whole_period.earnings, last.whole_period.employer_ni) == (whole, whole_ni)
    assert last.employer_ni == penny(whole_ni * inside / whole)
    assert last.pension == penny(contribution(whole, LOWER_WEEK, UPPER_WEEK) * inside / whole)

    ash_last = ash.periods[-1]
    assert (ash_last.pay_date, ash_last.ni_category) == (later, "M")
    assert ash_last.whole_period is not None and ash_last.whole_period.earnings == whole
    assert whole < UPPER_WEEK  # the Upper Secondary Threshold, £967 a week (data/ni_rates/2026-27.toml)
    assert book.ni_for(end).upper_secondary_threshold.weekly == D(967)
    assert (ash_last.employer_ni, ash_last.whole_period.employer_ni) == (0, 0)
    assert ni_above(whole, ST_WEEK_2026, NI_RATE_2026) > 0  # ... which letter A, Ash's letter from 11 April, would pay
    assert all(p.ni_category == "M" for p in ash.periods) and ash.employer_ni == 0
    assert ash.pension == 0  # under 22 throughout: never an eligible jobholder (Pensions Act 2008 s.3)


# ================================================================================================================
# 4. A rates file with a change of employer rate in the middle of the year


def test_a_mid_year_employer_rate_from_a_rates_file_applies_by_pay_date(rates: RateBook, tmp_path: Path) -> None:
    """cost model §6, NI at the rate in force on the pay date, with a ``--rates`` file that copies
    data/ni_rates/2026-27.toml and adds a second employer rate of 16% from 6 October 2026 (a tax-year file with
    [ni] replaces that year's NI table). Pat, 40, Mon-Fri 6 hours at £14, weekly from Monday 6 April 2026 for 52
    whole weeks (pay dates are Sundays): 15% on pay dates to 4 October 2026, 16% from 11 October 2026; the
    bundled figures give 15% all year."""
    text = (DATA / "ni_rates" / "2026-27.toml").read_text(encoding="utf-8")
    text += '\n[[ni.employer_rate]]\nfrom = 2026-10-06\nvalue = "0.16"\nsource = "employers"\n'
    path = tmp_path / "ni-2026-27-mid-year.toml"
    path.write_text(text, encoding="utf-8")
    book = load_rates([path])
    change = date(2026, 10, 6)
    ni = book.ni_for(change)
    assert (ni.rate_on(date(2026, 10, 5)), ni.rate_on(change), ni.rate_on(date(2027, 4, 5))) == (
        NI_RATE_2026,
        D("0.16"),
        D("0.16"),
    )
    assert rates.ni_for(change).rate_on(change) == NI_RATE_2026
    assert ni.secondary_threshold.weekly == ST_WEEK_2026

    start, end = date(2026, 4, 6), date(2027, 4, 4)
    pas = weekday_pa("Pat", born="age = 40", rate="14.00", frequency="weekly", pension="opt-out", hours=HOURS)
    loaded = parse_plan(plan_text(start, end, pas), source="t.toml")
    result = cost_plan(loaded, book, affordable=False)
    bundled = cost_plan(loaded, rates, affordable=False)
    assert_lines_add_up(result)
    assert_lines_add_up(bundled)

    h = HOLIDAY_SHARE
    periods = weekly_periods(start, end)
    assert len(periods) == 52 and all(p.whole for p in periods)
    lines = dict.fromkeys(LINE_IDS, ZERO)
    bundled_ni = D(0)
    at_16 = 0
    for period, detail in zip(periods, result.pas[0].periods, strict=True):
        pay = sum(1 for d in period.dates() if weekday(d)) * 6 * D("14.00")
        earnings = penny((1 - h) * pay) + penny(h * pay)
        rate = NI_RATE_2026 if period.last < change else D("0.16")
        at_16 += rate == D("0.16")
        p_ni = ni_above(earnings, ST_WEEK_2026, rate)
        assert (detail.pay_date, detail.earnings, detail.employer_ni) == (period.last, earnings, p_ni)
        lines["wages"] += penny((1 - h) * pay)
        lines["holiday_pay"] += penny(h * pay)
        lines["employer_ni"] += p_ni
        bundled_ni += ni_above(earnings, ST_WEEK_2026, NI_RATE_2026)
    assert at_16 == 26  # pay dates 11 October 2026 to 4 April 2027
    assert lines_of(result) == lines
    assert lines_of(bundled) == {**lines, "employer_ni": bundled_ni}
    assert bundled_ni < lines["employer_ni"]


# ================================================================================================================
# 5. A plan across 6 April 2026: both years' figures, SSP by the rules of the sick day's year


def test_plan_from_31_march_2026_uses_both_years_and_2025_26_ssp_before_6_april(rates: RateBook) -> None:
    """A plan from Tuesday 31 March to Tuesday 30 June 2026: its days fall in 2025-26 and 2026-27, so rates_used
    lists both. Cy, 40, Mon-Fri 6 hours at £14, paid weekly (Tuesday to Monday); 10 sick days a year in 1-day spells.

    SSP for a sick day before 6 April 2026 follows 2025-26's rules (data/ssp/2025-26.toml; SSCBA 1992 ss.152-155):
    a 1-day spell is not a period of incapacity for work (4 days or more), so nothing is due — though Cy's AWE
    (about £422) passes the £125 lower earnings limit. From 6 April (data/ssp/2026-27.toml): from day one, £123.25
    ÷ 5. The first week (31 March - 6 April) is paid on 6 April, so its NI takes 2026-27's £96 and 15%. The last
    week, Tuesday 30 June only, is costed whole to Monday 6 July and its share counted (cost model §2)."""
    start, end = date(2026, 3, 31), date(2026, 6, 30)
    april = date(2026, 4, 6)
    days = (end - start).days + 1
    assert days == 92
    old = rates.ssp_for(date(2026, 3, 31))
    assert old.regime == "waiting-days" and old.minimum_spell_days.value == 4
    assert old.lower_earnings_limit is not None and old.lower_earnings_limit.value == D(125)
    check_2026_figures(rates, april)
    pas = weekday_pa("Cy", born="age = 40", rate="14.00", frequency="weekly", pension="opt-out", hours=HOURS)
    result = cost_plan(parse_plan(plan_text(start, end, pas, sick_days=10), source="t.toml"), rates, affordable=False)
    assert_lines_add_up(result)
    assert result.rates_used == ["2025-26", "2026-27"]

    worked = [d for d in every_day(start, end) if weekday(d)]
    assert len(worked) == 66
    day_pay = 6 * D("14.00")
    h = HOLIDAY_SHARE
    s = D(10) / (D(len(worked)) * 365 / days)
    awe = len(worked) * day_pay * 7 / days
    assert awe >= 125  # the earnings test of 2025-26 is passed: the nothing is for the spell's length
    spell_days = 1
    assert spell_days < old.minimum_spell_days.value  # a 1-day spell is no period of incapacity for work
    ssp_2025 = D(0)  # so no SSP is due for it under 2025-26's rules
    ssp_2026 = ssp_payment(ssp_daily(weekly_ssp_2026(awe), 5), spell_days)
    assert ssp_2026 == D("24.65")

    def sick_of(sick_days: list[date]) -> Decimal:
        # The expected spells on the period's scheduled days in each tax year, at the SSP of that year's rules
        # (every SSP week has Mon-Fri: 5 qualifying days).
        before = sum(1 for d in sick_days if d < april)
        after = len(sick_days) - before
        return penny(s * before / spell_days * ssp_2025 + s * after / spell_days * ssp_2026)

    def earnings_of(scheduled: list[date]) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        pay = len(scheduled) * day_pay
        wages, holiday, sick = penny((1 - h - s) * pay), penny(h * pay), sick_of(scheduled)
        return wages, holiday, sick, wages + holiday + sick

    periods = weekly_periods(start, end)
    assert len(periods) == 14 and periods[-1] == Period(end, end, whole=False)
    details = result.pas[0].periods
    lines = dict.fromkeys(LINE_IDS, ZERO)
    for k, (period, detail) in enumerate(zip(periods, details, strict=True)):
        scheduled = [d for d in period.dates() if weekday(d)]
        wages, holiday, sick, earnings = earnings_of(scheduled)
        p_ni = ni_above(earnings, ST_WEEK_2026, NI_RATE_2026)  # every pay date is from 6 April 2026
        if not period.whole:
            whole_days = [d for d in every_day(period.first, period.first + timedelta(days=6)) if weekday(d)]
            whole = earnings_of(whole_days)[3]
            p_ni = penny(ni_above(whole, ST_WEEK_2026, NI_RATE_2026) * earnings / whole)
            assert detail.whole_period is not None and detail.whole_period.earnings == whole
            assert detail.pay_date == date(2026, 7, 6)
        assert (detail.wages, detail.holiday_pay, detail.sick_pay, detail.employer_ni) == (
            wages,
            holiday,
            sick,
            p_ni,
        ), k
        lines["wages"] += wages
        lines["holiday_pay"] += holiday
        lines["sick_pay"] += sick
        lines["employer_ni"] += p_ni
    # The first week: Tue 31 March - Fri 3 April (Good Friday, worked) under 2025-26, nothing; Monday 6 April, £24.65.
    assert periods[0] == Period(start, april, whole=True)
    assert details[0].sick_pay == penny(s * ssp_2026) < penny(s * 5 * ssp_2026)
    assert lines_of(result) == lines


# ================================================================================================================
# 6. Funded hours may exceed 168 a week; one PA's own rota may not

FUNDED = """
[[pa]]
name = "Fay"
age = 40
hourly_rate = 14.00
pay_frequency = "weekly"
pension = "opt-out"
hours_per_week = {fay}
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

[[pa]]
name = "Gus"
age = 40
hourly_rate = 14.00
pay_frequency = "weekly"
pension = "opt-out"
hours_per_week = 100
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
"""


def test_funded_hours_above_168_are_accepted_but_not_one_pas_rota() -> None:
    """Cost model §8: `budget.hours_per_week` may exceed 168 (two PAs at once, 2:1 care), up to 1,680; one PA's own
    rota may not exceed 168 hours a week. A budget of £4,321 a week for 200 funded hours implies £4,321 ÷ 200 = £21.605,
    £21.61 an hour (to the penny, half up; cost model §9). A PA with 169 hours a week is refused, the error naming
    pa[0].hours_per_week."""
    start, end = date(2026, 4, 6), date(2027, 4, 4)  # 364 days: the budget is exactly 52 x £4,321
    budget = 'amount = 4321\nper = "week"\nhours_per_week = {hours}'
    text = plan_text(start, end, FUNDED.format(fay=100), budget=budget.format(hours=200))
    result = cost_plan(parse_plan(text, source="t.toml"), affordable=False)
    assert result.funded_hours_per_week == 200
    assert result.budget == penny(D(4321) * 364 / 7) == D("224692.00")
    per_week = result.budget * 7 / 364
    assert per_week == D(4321)
    assert result.budget_implied_hourly_rate == penny(per_week / 200) == D("21.61")
    assert result.hours.planned_per_week == 200  # the two PAs' own rotas: 100 hours a week each

    with pytest.raises(PacostError) as refused:
        parse_plan(plan_text(start, end, FUNDED.format(fay=169), budget=budget.format(hours=200)), source="t.toml")
    assert refused.value.location == "pa[0].hours_per_week"
    assert "pa[0].hours_per_week" in str(refused.value) and "168" in str(refused.value)
    parse_plan(plan_text(start, end, FUNDED.format(fay=168), budget=budget.format(hours=200)), source="t.toml")
    # ... and beyond ten people round the clock a funded figure is a slip of the keyboard.
    with pytest.raises(PacostError) as too_many:
        parse_plan(plan_text(start, end, FUNDED.format(fay=100), budget=budget.format(hours=1681)), source="t.toml")
    assert too_many.value.location == "budget.hours_per_week"


TWO_WEEK_PA = """
[[pa]]
name = "Two weeks"
age = 35
hourly_rate = 13.00
pay_frequency = "weekly"
pension = "opt-out"

  [[pa.shift]]
  days = ["mon", "wed", "fri"]
  start = "09:00"
  end = "15:00"
  every = 2

  [[pa.shift]]
  days = ["tue", "thu"]
  start = "09:00"
  end = "15:00"
  every = 2
  week = 2
"""


def test_two_week_rota_works_each_shift_in_its_own_week(rates: RateBook) -> None:
    """Monday, Wednesday and Friday in the plan's odd weeks, Tuesday and Thursday in its even ones (weeks counted
    from the start, Monday 6 April 2026), six hours a day at £13.00, paid weekly over 52 weeks: 3 days' pay
    (£234) and 2 days' (£156) in turn. The bank holidays (Easter Monday 6 April 2026, 4 and 25 May, 31 August,
    25 and 28 December 2026, 26 March 2027) are worked at the plain rate here (no enhancements)."""
    start, end = date(2026, 4, 6), date(2027, 4, 4)
    check_2026_figures(rates, start)
    result = cost_plan(parse_plan(plan_text(start, end, TWO_WEEK_PA), source="t.toml"), rates, affordable=False)
    assert_lines_add_up(result)
    periods = weekly_periods(start, end)
    assert len(periods) == 52
    h = HOLIDAY_SHARE
    lines = dict.fromkeys(LINE_IDS, ZERO)
    week_pays = []
    for n, period in enumerate(periods):
        days = {0, 2, 4} if n % 2 == 0 else {1, 3}
        pay = period.count(lambda d, days=days: d.weekday() in days) * 6 * D("13.00")  # type: ignore[misc]
        week_pays.append(pay)
        wages, holiday = penny((1 - h) * pay), penny(h * pay)
        lines["wages"] += wages
        lines["holiday_pay"] += holiday
        lines["employer_ni"] += ni_above(wages + holiday, ST_WEEK_2026, NI_RATE_2026)
    assert week_pays[:4] == [D("234.00"), D("156.00"), D("234.00"), D("156.00")]
    # 26 weeks of 3 days and 26 of 2: 130 days of 6 hours, 780 hours over 52 weeks, 15 a week.
    assert (result.hours.planned, result.hours.planned_per_week) == (D(130 * 6), D(780) / 52)
    assert lines_of(result) == lines
