"""What the employer would owe if employment ended, the contingency reserve, and the cost of replacing PAs who
leave (cost model §11): the parts of a costing that look past the recurring pay.

- ``ending_sums``: each PA's rota over the weeks a week's pay is averaged over, before the day the employment is
  taken to end (nothing here depends on a rate, so it is done once);
- ``liabilities``: at the PAs' rates (or one rate for all, in the affordable-rate search), each PA's statutory
  redundancy pay, notice pay and accrued holiday (``pacost.statutory.ending``), with the employer's NI and
  pension on what they are due on;
- ``reserve_amount`` and ``recruitment_cost``: the ``contingency`` and ``recruitment`` lines.

The rules are in ``pacost.statutory``; the figures in ``data/``. Nothing here imports typer or rich.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pacost.dates import DAYS_IN_WEEK, DAYS_IN_YEAR, PayFrequency, per_week
from pacost.engine.prepare import Prepared, PreparedPA, ni_figures_on, pension_figures_on
from pacost.money import ZERO, round_penny
from pacost.result import Liabilities, PaLiability, Recruitment, Reserve
from pacost.statutory.bank_holidays import Nation
from pacost.statutory.ending import (
    full_years,
    holiday_accrued_weeks,
    leave_year_start,
    notice_weeks,
    redundancy_pay,
    redundancy_weeks,
    week_pay_limit,
)
from pacost.statutory.holiday import accrual_rate
from pacost.statutory.named_rates import named_rate
from pacost.statutory.ni import NiCategory, category_for_age, employer_ni_on
from pacost.statutory.pension import assess_worker, employer_contribution, enrolled_from
from pacost.statutory.state_pension import age_on

HUNDRED = Decimal(100)
#: The weeks a week's pay is averaged over: 12 for redundancy and notice (Employment Rights Act 1996 ss.221-224),
#: 52 for holiday pay (Working Time Regulations 1998 reg 16).
NOTICE_WEEKS_AVERAGED = 12
HOLIDAY_WEEKS_AVERAGED = 52


class WeekSums(NamedTuple):
    """A PA's rota averaged over some weeks before the day: a week's pay is the hourly rate times ``rate_hours``,
    plus ``flat`` (the sleep-ins' flat sums)."""

    rate_hours: Decimal
    flat: Decimal


class EndingSums(NamedTuple):
    """One PA's rota before the day the employment is taken to end: averaged over the last 12 weeks and the last
    52 (as far as the plan goes back)."""

    twelve_weeks: WeekSums
    fifty_two_weeks: WeekSums


def ending_day(prep: Prepared) -> date:
    """The day the employment is taken to end: ``[contingency] ending``, or the plan's last day."""
    return prep.plan.contingency.ending or prep.plan.end


def _week_sums(p: PreparedPA, day: date, weeks: int) -> WeekSums:
    """The PA's rota over the ``weeks`` complete Sunday-to-Saturday weeks ending with the last one on or before
    ``day`` (as ERA 1996 s.221(3) reckons them), as far back as the plan's first whole week, averaged a week; over
    the plan to ``day`` when not one whole week of it comes before."""
    calendar = p.rota.calendar
    # As day indices (0 = the plan's start):
    on_day = calendar.index(day)
    hi = on_day - (day.weekday() + 2) % 7  # the Saturday on or before the day
    lo = max(hi - 7 * weeks + 1, calendar.first_sunday)
    if lo > hi:  # not one whole week of the plan before the day
        lo, hi = 0, on_day
    weighted, flat = p.rota.span_pay_terms(lo, hi, p.multipliers)
    per = Decimal(hi - lo + 1) / DAYS_IN_WEEK
    return WeekSums(weighted / per, flat / per)


def ending_sums(prep: Prepared) -> list[EndingSums]:
    """Each PA's rota before the day the employment is taken to end, averaged a week."""
    day = ending_day(prep)
    return [
        EndingSums(_week_sums(p, day, NOTICE_WEEKS_AVERAGED), _week_sums(p, day, HOLIDAY_WEEKS_AVERAGED))
        for p in prep.pas
    ]


def _rate_on(p: PreparedPA, day: date, prep: Prepared, rate_override: Decimal | None) -> Decimal:
    if rate_override is not None:
        return rate_override
    if p.pa.named_rate is not None:
        return named_rate(p.pa.named_rate, p.pa.date_of_birth, day, prep.rates).hourly
    return p.pa.hourly_rate


def liabilities(prep: Prepared, sums: list[EndingSums], rate_override: Decimal | None = None) -> Liabilities:
    """What the employer would owe each PA if the employment ended on the day, at their own rates (or every PA at
    ``rate_override``)."""
    plan, rates = prep.plan, prep.rates
    day = ending_day(prep)
    limit = week_pay_limit(rates, day, northern_ireland=plan.nation == Nation.NORTHERN_IRELAND).value
    thresholds = pension_figures_on(rates, day, PayFrequency.WEEKLY)
    pas = []
    # PAs employed from the same day have the same service, notice and leave year (most PAs of a plan).
    by_since: dict[date, tuple[int, int, date]] = {}
    for p, ending in zip(prep.pas, sums, strict=True):
        pa = p.pa
        rate = _rate_on(p, day, prep, rate_override)
        since = pa.employed_since or plan.start
        service = by_since.get(since)
        if service is None:
            service = by_since[since] = (
                full_years(since, day),
                notice_weeks(since, day, rates),
                leave_year_start(day, _leave_year_month_day(prep, since)),
            )
        years, notice, year_from = service
        age = age_on(pa.date_of_birth, day)
        over = day >= p.state_pension_date  # reached State Pension age
        week_pay = round_penny(rate * ending.twelve_weeks.rate_hours + ending.twelve_weeks.flat)
        holiday_week_pay = round_penny(rate * ending.fifty_two_weeks.rate_hours + ending.fifty_two_weeks.flat)
        weeks_owed = redundancy_weeks(age, years, rates)
        # Notice and holiday are paid as ordinary pay: the employer's NI and (notice) pension on each week's pay,
        # at the weekly figures in force on the day.
        category = NiCategory(pa.ni_category) if pa.ni_category else category_for_age(age, over_state_pension_age=over)
        ni = ni_figures_on(rates, day, PayFrequency.WEEKLY, category)
        notice_pay = notice * week_pay
        notice_ni = notice * employer_ni_on(week_pay, ni)
        notice_pension = ZERO
        worker = assess_worker(age, week_pay, thresholds, over_state_pension_age=over)
        if enrolled_from(pa.pension, [worker]) is not None:
            notice_pension = notice * employer_contribution(week_pay, thresholds)
        # Rolled-up holiday is paid with each wage: nothing is owed for it at the end.
        rolled_up = pa.holiday == "rolled-up"
        holiday_weeks = ZERO if rolled_up else holiday_accrued_weeks(pa.holiday_weeks, year_from, day)
        holiday_pay = round_penny(holiday_weeks * holiday_week_pay)
        holiday_ni = round_penny(holiday_weeks * employer_ni_on(holiday_week_pay, ni))
        redundancy = redundancy_pay(week_pay, weeks_owed, limit)
        pas.append(
            PaLiability(
                name=pa.name,
                employed_since=since,
                years_of_service=years,
                age=age,
                week_pay=week_pay,
                week_pay_limit=limit,
                redundancy_weeks=weeks_owed,
                redundancy_pay=redundancy,
                notice_weeks=notice,
                notice_pay=notice_pay,
                notice_employer_ni=notice_ni,
                notice_pension=notice_pension,
                leave_year_start=year_from,
                holiday_week_pay=holiday_week_pay,
                holiday_weeks=holiday_weeks,
                holiday_pay=holiday_pay,
                holiday_employer_ni=holiday_ni,
                total=redundancy + notice_pay + notice_ni + notice_pension + holiday_pay + holiday_ni,
            )
        )
    return Liabilities(
        ending=day,
        pas=pas,
        redundancy_pay=sum((x.redundancy_pay for x in pas), ZERO),
        notice_pay=sum((x.notice_pay for x in pas), ZERO),
        holiday_pay=sum((x.holiday_pay for x in pas), ZERO),
        employer_ni=sum((x.notice_employer_ni + x.holiday_employer_ni for x in pas), ZERO),
        pension=sum((x.notice_pension for x in pas), ZERO),
        total=sum((x.total for x in pas), ZERO),
    )


def _leave_year_month_day(prep: Prepared, since: date) -> tuple[int, int]:
    """When the leave year starts: ``[employer] leave_year_start``, or the anniversary of the PA's start."""
    written = prep.plan.employer.leave_year_start
    if written is not None:
        month, day = written.split("-")
        return int(month), int(day)
    return since.month, since.day


def reserve_amount(prep: Prepared, owed: Liabilities | None, recurring_total: Decimal) -> Decimal | None:
    """The reserve the plan asks the employer to hold: what they would owe, some weeks of the recurring cost (the
    true cost before the reserve), or an amount; None when the plan asks for none."""
    reserve = prep.plan.contingency.reserve
    if reserve is None:
        return None
    if reserve == "liabilities":
        assert owed is not None  # noqa: S101 - the caller works them out whenever the reserve is for them
        return owed.total
    if isinstance(reserve, str):  # "8 weeks"
        weeks = Decimal(reserve.split()[0])
        return round_penny(per_week(recurring_total, prep.days) * weeks)
    return reserve


def reserve_of(prep: Prepared, amount: Decimal, budget: Decimal) -> Reserve:
    """The reserve as the result reports it, with the council's balance limit (``budget.max_balance_weeks``
    weeks of the budget) when the plan gives one."""
    plan = prep.plan
    reserve = plan.contingency.reserve
    basis = reserve if isinstance(reserve, str) else "amount"
    limit = over = None
    if plan.budget.max_balance_weeks is not None:
        limit = round_penny(per_week(budget, prep.days) * plan.budget.max_balance_weeks)
        over = max(amount - limit, ZERO)
    return Reserve(basis, amount, plan.contingency.funded, limit, over)


def turnover_percent(prep: Prepared) -> Decimal:
    """The share of PAs expected to leave in a year: the plan's, or the national figure."""
    given = prep.plan.employer.turnover_percent
    if given is not None:
        return given
    assert prep.rates.defaults is not None  # noqa: S101 - RateBook.check_complete guarantees it
    return prep.rates.defaults.pa_turnover_percent.value


def asks_for_recruitment(prep: Prepared) -> bool:
    employer = prep.plan.employer
    return bool(employer.per_hire) or employer.training_hours > 0


def recruitment_cost(prep: Prepared, rate_override: Decimal | None = None) -> tuple[Recruitment, Decimal] | None:
    """The expected cost over the plan of replacing PAs who leave: for each PA, the hires expected (the turnover
    a year, over the plan's days) times what a hire costs — the one-off costs, the new PA's training hours at the
    PA's rate with the holiday it earns, and, when the care is covered meanwhile, those hours again at the cover's
    rate; and the line's amount. None when the plan gives no per-hire cost or training."""
    if not asks_for_recruitment(prep):
        return None
    plan, rates = prep.plan, prep.rates
    employer = plan.employer
    assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
    with_holiday = 1 + accrual_rate(rates.holiday)
    one_off = sum((item.amount for item in employer.per_hire), ZERO)
    turnover = turnover_percent(prep)
    share = turnover / HUNDRED * prep.days / DAYS_IN_YEAR
    hours = employer.training_hours
    hires = ZERO
    total = ZERO
    for p in prep.pas:
        rate = rate_override if rate_override is not None else p.pa.hourly_rate
        per_hire = one_off + hours * rate * with_holiday
        if employer.training_cover and hours:
            cover = plan.cover
            if cover.by == "agency":
                assert cover.rate is not None  # noqa: S101 - the plan reader requires it for agency cover
                per_hire += hours * cover.rate
            elif cover.by == "pa":
                coverer = next(c for c in prep.pas if c.pa.name == cover.pa)
                cover_rate = rate_override if rate_override is not None else coverer.pa.hourly_rate
                per_hire += hours * cover_rate * with_holiday
        hires += share
        total += share * per_hire
    cost_per_hire = round_penny(total / hires) if hires else ZERO
    return Recruitment(turnover, hires, cost_per_hire), round_penny(total)
