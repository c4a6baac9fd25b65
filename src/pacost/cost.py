"""The cost model: a plan in, a costed result out (SPEC §2). The core of pacost.

Steps, each a function below:

1. ``prepare`` — expand every PA's rota (``pacost.rota``), cut it into their pay periods (``pacost.periods``) and
   sum each period's hours by kind of hour. None of this depends on an hourly rate.
2. ``price`` — at given hourly rates: rota pay, holiday pay and leave, sickness (SSP or full pay), cover (agency,
   another PA, or unpaid family), employer NI per pay period with the Employment Allowance per tax year, pension per
   pay period, fixed costs. Every period's pay is rounded to the penny as a payslip is, so the lines of the
   breakdown add up exactly to the total.
3. ``cost_plan`` — the verdict against the budget, the highest affordable hourly rate (found by re-pricing), and
   the checks (minimum wage, 48-hour weeks, holiday, defaults, carried-forward rates).

Expected values are spread evenly: a PA's holiday and sickness are a share of every pay period. Nothing here
imports typer or rich, or prints; the result is a plain typed object that the renderers turn into text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from pacost import __version__
from pacost.errors import PacostError
from pacost.frequency import PayFrequency
from pacost.money import PENNY, ZERO, round_penny
from pacost.periods import PayPeriod, pay_periods
from pacost.plan import PA, Assumption, LoadedPlan, Plan
from pacost.rates import RateBook, bundled_rates
from pacost.rota import (
    BANK_HOLIDAY,
    COMBOS,
    NIGHT,
    WEEKDAYS,
    WEEKEND,
    DayHours,
    RotaBuilder,
    ShiftPattern,
    minute_of,
    shift_length,
    summary_patterns,
)
from pacost.statutory.allowance import apply_employment_allowance
from pacost.statutory.minimum_wage import minimum_wage
from pacost.statutory.ni import NiCategory, category_for_age, employer_ni
from pacost.statutory.pension import AutoEnrolment
from pacost.statutory.ssp import ssp_for_spell
from pacost.statutory.state_pension import age_on, reached_state_pension_age
from pacost.taxyear import TaxYear

#: The schema version of the JSON result (bump on any change that breaks a reader).
RESULT_SCHEMA = 1

PER_DAYS: dict[str, Decimal] = {
    "week": Decimal(7),
    "fortnight": Decimal(14),
    "4-weeks": Decimal(28),
    "month": Decimal(365) / 12,
    "year": Decimal(365),
}

LINE_LABELS: dict[str, str] = {
    "wages": "Wages for hours worked",
    "holiday_pay": "Holiday pay",
    "sick_pay": "Sick pay",
    "holiday_cover": "Cover while PAs are on holiday",
    "sick_cover": "Cover while PAs are off sick",
    "employer_ni": "Employer's National Insurance",
    "employment_allowance": "Employment Allowance (offsets employer's NI)",
    "pension": "Workplace pension (employer's contribution)",
    "insurance": "Employer's liability insurance",
    "payroll": "Payroll service",
    "other": "Other costs",
}
LINE_IDS = tuple(LINE_LABELS)

ONE = Decimal(1)
HUNDRED = Decimal(100)
SEVEN = Decimal(7)
DAYS_PER_YEAR = Decimal(365)
TWO_PLACES = Decimal("0.01")


# ----------------------------------------------------------------------------------------------------------------
# The result


@dataclass(frozen=True)
class CostLine:
    id: str
    label: str
    amount: Decimal
    per_week: Decimal
    detail: str | None = None


@dataclass(frozen=True)
class PeriodDetail:
    """One PA's pay period: what they earned, the NI category, employer NI and pension."""

    start: date
    end: date
    pay_date: date
    days: int
    whole: bool
    wages: Decimal
    holiday_pay: Decimal
    sick_pay: Decimal
    cover_pay: Decimal
    earnings: Decimal
    ni_category: str
    employer_ni: Decimal
    pension: Decimal


@dataclass(frozen=True)
class PaResult:
    name: str
    hourly_rate: Decimal
    pay_frequency: str
    planned_hours: Decimal
    hours_worked: Decimal
    holiday_hours: Decimal
    sick_hours: Decimal
    cover_hours_worked: Decimal
    gross_pay: Decimal
    employer_ni: Decimal
    pension: Decimal
    periods: list[PeriodDetail]


@dataclass(frozen=True)
class Hours:
    planned: Decimal
    by_pas: Decimal
    holiday_cover: Decimal
    sick_cover: Decimal
    unpaid_family: Decimal
    sleep_in: Decimal
    planned_per_week: Decimal


@dataclass(frozen=True)
class CostResult:
    """Everything ``pacost cost`` reports for one plan. Money is exact, to the penny."""

    plan: str
    source: str
    start: date
    end: date
    days: int
    nation: str
    hours: Hours
    lines: list[CostLine]
    total: Decimal
    budget: Decimal
    budget_per: str
    budget_amount: Decimal
    difference: Decimal
    covered: bool
    share_covered_percent: Decimal | None
    total_per_week: Decimal
    budget_per_week: Decimal
    difference_per_week: Decimal
    rota_pay: Decimal
    cost_per_planned_hour: Decimal | None
    hours_per_week_budget_buys: Decimal | None
    max_affordable_hourly_rate: Decimal | None
    budget_needed: Decimal
    on_cost_percent: Decimal | None
    funded_hours_per_week: Decimal | None
    budget_implied_hourly_rate: Decimal | None
    pas: list[PaResult]
    warnings: list[str]
    assumptions: list[str]
    rates_used: list[str]
    rates_carried_forward: bool
    sha256: str
    pacost_version: str = __version__
    schema: int = RESULT_SCHEMA

    def line(self, line_id: str) -> CostLine:
        return next(line for line in self.lines if line.id == line_id)


# ----------------------------------------------------------------------------------------------------------------
# Step 1: prepare (rate-independent)


@dataclass
class PeriodRota:
    """One pay period's share of a rota: waking hours by flag combination, sleep-ins, and the scheduled days
    grouped by the tax year whose SSP rules apply."""

    waking: list[Decimal] = field(default_factory=lambda: [ZERO] * COMBOS)
    sleep_in_hours: Decimal = ZERO
    sleep_in_flat: Decimal = ZERO
    scheduled: dict[int, tuple[date, int]] = field(default_factory=dict)  # figures year -> (first date, count)

    @property
    def hours(self) -> Decimal:
        return sum(self.waking, ZERO) + self.sleep_in_hours


def aggregate(days: dict[date, DayHours], periods: Sequence[PayPeriod], rates: RateBook) -> list[PeriodRota]:
    """Sum a rota's dated hours into the given pay periods (dates outside every period are ignored)."""
    out = [PeriodRota() for _ in periods]
    if not periods:
        return out
    index = 0
    for day, hours in days.items():
        while index < len(periods) and periods[index].end < day:
            index += 1
        if index == len(periods):
            break
        if day < periods[index].start:
            continue
        bucket = out[index]
        for i, value in enumerate(hours.waking):
            if value:
                bucket.waking[i] += value
        bucket.sleep_in_hours += hours.sleep_in_hours
        bucket.sleep_in_flat += hours.sleep_in_flat
        year = rates.figures_year(day).start_year
        first, count = bucket.scheduled.get(year, (day, 0))
        bucket.scheduled[year] = (first, count + 1)
    return out


def _patterns(pa: PA) -> list[ShiftPattern]:
    if pa.hours_per_week is not None:
        return summary_patterns(pa.hours_per_week, [WEEKDAYS.index(d) for d in pa.days or WEEKDAYS[:5]])
    patterns = []
    for shift in pa.shift:
        patterns.append(
            ShiftPattern(
                start_minute=minute_of(shift.start),
                length_minutes=shift_length(shift.start, shift.end),
                weekdays=frozenset(WEEKDAYS.index(d) for d in shift.days or ()),
                every=shift.every,
                repeat=shift.repeat,
                sleep_in=shift.kind == "sleep-in",
                flat=shift.flat or ZERO,
            )
        )
    return patterns


@dataclass
class PreparedPA:
    pa: PA
    days: dict[date, DayHours]
    periods: list[PayPeriod]
    own: list[PeriodRota]  # this PA's rota, per own pay period
    planned_hours: Decimal
    sleep_in_hours: Decimal
    scheduled_days: int
    holiday_share: Decimal
    sick_share: Decimal
    qualifying_days: int  # scheduled days a week, for SSP's daily rate
    covers: dict[str, list[PeriodRota]] = field(default_factory=dict)  # absent PA -> their rota in my periods


@dataclass
class Prepared:
    plan: Plan
    rates: RateBook
    days: int
    pas: list[PreparedPA]
    cover_pa: str | None
    warnings: list[str]


def _multipliers(pa: PA) -> list[Decimal]:
    """The multiplier for each flag combination: the highest of those that apply (1 when none do)."""
    e = pa.enhancements
    out = []
    for combo in range(COMBOS):
        applicable = [ONE]
        if combo & WEEKEND:
            applicable.append(e.weekend)
        if combo & NIGHT:
            applicable.append(e.night)
        if combo & BANK_HOLIDAY:
            applicable.append(e.bank_holiday)
        out.append(max(applicable))
    return out


def prepare(plan: Plan, rates: RateBook) -> Prepared:
    days_in_plan = (plan.end - plan.start).days + 1
    builder = RotaBuilder(plan.start, plan.end, plan.nation)
    holiday_rules = rates.holiday
    assert holiday_rules is not None  # noqa: S101 - RateBook.check_complete guarantees it
    warnings: list[str] = []
    prepared: list[PreparedPA] = []
    for pa in plan.pa:
        night = (int(minute_of(pa.night.start)), int(minute_of(pa.night.end)))
        days = builder.expand(_patterns(pa), night)
        periods = pay_periods(plan.start, plan.end, PayFrequency(pa.pay_frequency))
        own = aggregate(days, periods, rates)
        planned = sum((d.hours for d in days.values()), ZERO)
        sleep = sum((d.sleep_in_hours for d in days.values()), ZERO)
        scheduled = len(days)
        holiday_share = pa.holiday_weeks * SEVEN / DAYS_PER_YEAR
        sick_share = ZERO
        if scheduled:
            yearly_days = Decimal(scheduled) * DAYS_PER_YEAR / days_in_plan
            sick_share = plan.sickness.days_per_year / yearly_days
            if sick_share > ONE - holiday_share:
                warnings.append(
                    f"{pa.name}: {plan.sickness.days_per_year} sick days a year is more than the days they are "
                    "scheduled to work outside their holiday; sickness is capped at all of those days."
                )
                sick_share = max(ZERO, ONE - holiday_share)
        qualifying = min(7, max(1, int((Decimal(scheduled) * SEVEN / days_in_plan).to_integral_value())))
        if not days:
            warnings.append(f"{pa.name} has no shifts between {plan.start} and {plan.end}.")
        prepared.append(
            PreparedPA(pa, days, periods, own, planned, sleep, scheduled, holiday_share, sick_share, qualifying)
        )
    cover_pa = plan.cover.pa if plan.cover.by == "pa" else None
    if cover_pa is not None:
        coverer = next(p for p in prepared if p.pa.name == cover_pa)
        for other in prepared:
            if other.pa.name != cover_pa:
                coverer.covers[other.pa.name] = aggregate(other.days, coverer.periods, rates)
    return Prepared(plan, rates, days_in_plan, prepared, cover_pa, warnings)


# ----------------------------------------------------------------------------------------------------------------
# Step 2: price (at given hourly rates)


@dataclass
class Priced:
    lines: dict[str, Decimal]
    pas: list[PaResult]
    hours: Hours
    rota_pay: Decimal
    unpaid_cover_pas: list[str]
    years_used: set[int]
    carried_forward: bool


def _ni_category(pa: PA, pay_date: date, rates: RateBook) -> NiCategory:
    if pa.ni_category is not None:
        return NiCategory(pa.ni_category)
    assert pa.date_of_birth is not None  # noqa: S101 - the plan reader always resolves it
    age = age_on(pa.date_of_birth, pay_date)
    return category_for_age(age, over_state_pension_age=reached_state_pension_age(pa.date_of_birth, pay_date, rates))


def _fixed(amount: Decimal, per: str, days: int) -> Decimal:
    per_days = Decimal(days) if per == "period" else PER_DAYS[per]
    return amount * days / per_days


def price(prep: Prepared, rate_override: Decimal | None = None) -> Priced:
    """Cost the prepared plan. With ``rate_override``, every PA is paid that base hourly rate."""
    plan, rates = prep.plan, prep.rates
    accrual = rates.holiday.irregular_hours_accrual.value if rates.holiday else Decimal("0.1207")
    rate_of = {p.pa.name: (rate_override if rate_override is not None else p.pa.hourly_rate) for p in prep.pas}
    mult_of = {p.pa.name: _multipliers(p.pa) for p in prep.pas}
    share_of = {p.pa.name: (p.holiday_share, p.sick_share) for p in prep.pas}

    def rota_pay(name: str, rota: PeriodRota, payer: str | None = None) -> Decimal:
        """Pay for a period's rota at ``payer``'s rate and multipliers (default: the rota's own PA)."""
        who = payer or name
        mult = mult_of[who]
        weighted = sum((h * mult[i] for i, h in enumerate(rota.waking) if h), ZERO)
        return rate_of[who] * weighted + rota.sleep_in_flat

    lines = dict.fromkeys(LINE_IDS, ZERO)
    liabilities: list[tuple[date, Decimal]] = []
    pa_results: list[PaResult] = []
    total_rota_pay = ZERO
    years_used: set[int] = set()
    carried_forward = False
    planned = holiday_hours = sick_hours = unpaid = sleep = ZERO
    unpaid_cover_pas: list[str] = []
    cover_hours_of: dict[str, Decimal] = {}

    # Who covers each PA's absence, and the hours.
    for p in prep.pas:
        h, s = share_of[p.pa.name]
        planned += p.planned_hours
        sleep += p.sleep_in_hours
        holiday_hours += h * p.planned_hours
        sick_hours += s * p.planned_hours
        by = plan.cover.by
        if by == "pa" and p.pa.name == prep.cover_pa:
            by = "family"
            unpaid_cover_pas.append(p.pa.name)
        if by == "family":
            unpaid += (h + s) * p.planned_hours
        elif by == "agency":
            assert plan.cover.rate is not None  # noqa: S101 - the plan reader requires it for agency cover
            lines["holiday_cover"] += h * p.planned_hours * plan.cover.rate
            lines["sick_cover"] += s * p.planned_hours * plan.cover.rate
        else:
            cover_hours_of[prep.cover_pa or ""] = cover_hours_of.get(prep.cover_pa or "", ZERO) + (
                (h + s) * p.planned_hours
            )
    for line_id in ("holiday_cover", "sick_cover"):
        lines[line_id] = round_penny(lines[line_id])

    for p in prep.pas:
        pa = p.pa
        name = pa.name
        h, s = share_of[name]
        worked_share = ONE - h - s
        own_total = sum((rota_pay(name, r) for r in p.own), ZERO)
        total_rota_pay += own_total
        awe = own_total * SEVEN / prep.days
        scheme = AutoEnrolment(pa.pension, rates)
        details: list[PeriodDetail] = []
        gross_total = ni_total = pension_total = ZERO
        ssp_cache: dict[int, Decimal] = {}
        for k, (period, rota) in enumerate(zip(p.periods, p.own, strict=True)):
            pay = rota_pay(name, rota)
            wages = round_penny(worked_share * pay)
            holiday_pay = round_penny(accrual * wages) if pa.holiday == "rolled-up" else round_penny(h * pay)
            if plan.sickness.pay == "full":
                sick_pay = round_penny(s * pay)
            else:
                ssp = ZERO
                for year, (first, count) in rota.scheduled.items():
                    # SSP for one spell follows the rules of the tax year it starts in; the same all year.
                    per_spell = ssp_cache.get(year)
                    if per_spell is None:
                        per_spell = ssp_cache[year] = ssp_for_spell(
                            first,
                            plan.sickness.spell_days,
                            qualifying_days_per_week=p.qualifying_days,
                            average_weekly_earnings=awe,
                            rates=rates,
                        ).amount
                    expected_spells = s * count / plan.sickness.spell_days
                    ssp += expected_spells * per_spell
                sick_pay = round_penny(ssp)
            cover_holiday = cover_sick = ZERO
            for absent, their_rotas in p.covers.items():
                ah, as_ = share_of[absent]
                covered = _scaled(their_rotas[k], ah + as_)
                pay_for_cover = rota_pay(absent, covered, payer=name) * (ONE + accrual)
                if ah + as_ > 0:
                    cover_holiday += pay_for_cover * ah / (ah + as_)
                    cover_sick += pay_for_cover * as_ / (ah + as_)
            cover_holiday = round_penny(cover_holiday)
            cover_sick = round_penny(cover_sick)
            earnings = wages + holiday_pay + sick_pay + cover_holiday + cover_sick
            category = _ni_category(pa, period.pay_date, rates)
            ni = employer_ni(
                earnings,
                frequency=PayFrequency(pa.pay_frequency),
                pay_date=period.pay_date,
                category=category,
                rates=rates,
                days=period.odd_days,
            )
            assert pa.date_of_birth is not None  # noqa: S101 - the plan reader always resolves it
            pension = scheme.period(
                pay_date=period.pay_date,
                earnings=earnings,
                frequency=PayFrequency(pa.pay_frequency),
                age=age_on(pa.date_of_birth, period.pay_date),
                over_state_pension_age=reached_state_pension_age(pa.date_of_birth, period.pay_date, rates),
                days=period.odd_days,
            ).employer_contribution
            years_used.add(rates.figures_year(period.pay_date).start_year)
            carried_forward = carried_forward or rates.carried_forward(period.pay_date)
            liabilities.append((period.pay_date, ni))
            lines["wages"] += wages
            lines["holiday_pay"] += holiday_pay
            lines["sick_pay"] += sick_pay
            lines["holiday_cover"] += cover_holiday
            lines["sick_cover"] += cover_sick
            lines["employer_ni"] += ni
            lines["pension"] += pension
            gross_total += earnings
            ni_total += ni
            pension_total += pension
            details.append(
                PeriodDetail(
                    period.start,
                    period.end,
                    period.pay_date,
                    period.days,
                    period.whole,
                    wages,
                    holiday_pay,
                    sick_pay,
                    cover_holiday + cover_sick,
                    earnings,
                    category.value,
                    ni,
                    pension,
                )
            )
        pa_results.append(
            PaResult(
                name=name,
                hourly_rate=rate_of[name],
                pay_frequency=pa.pay_frequency,
                planned_hours=p.planned_hours,
                hours_worked=worked_share * p.planned_hours,
                holiday_hours=h * p.planned_hours,
                sick_hours=s * p.planned_hours,
                cover_hours_worked=cover_hours_of.get(name, ZERO),
                gross_pay=gross_total,
                employer_ni=ni_total,
                pension=pension_total,
                periods=details,
            )
        )

    if plan.employer.employment_allowance:
        lines["employment_allowance"] = -apply_employment_allowance(liabilities, rates).total
    employer = plan.employer
    lines["insurance"] = round_penny(_fixed(employer.insurance.amount, employer.insurance.per, prep.days))
    lines["payroll"] = round_penny(_fixed(employer.payroll.amount, employer.payroll.per, prep.days))
    lines["other"] = round_penny(sum((_fixed(o.amount, o.per, prep.days) for o in employer.other), ZERO))

    planned_r = planned.quantize(TWO_PLACES)
    holiday_r = holiday_hours.quantize(TWO_PLACES)
    sick_r = sick_hours.quantize(TWO_PLACES)
    hours = Hours(
        planned=planned_r,
        by_pas=planned_r - holiday_r - sick_r,
        holiday_cover=holiday_r,
        sick_cover=sick_r,
        unpaid_family=unpaid.quantize(TWO_PLACES),
        sleep_in=sleep.quantize(TWO_PLACES),
        planned_per_week=(planned * SEVEN / prep.days).quantize(TWO_PLACES),
    )
    return Priced(lines, pa_results, hours, total_rota_pay, unpaid_cover_pas, years_used, carried_forward)


def _scaled(rota: PeriodRota, share: Decimal) -> PeriodRota:
    """A share of a period's rota (the part of an absent PA's hours that cover works)."""
    return PeriodRota(
        waking=[h * share for h in rota.waking],
        sleep_in_hours=rota.sleep_in_hours * share,
        sleep_in_flat=rota.sleep_in_flat * share,
    )


def _total(priced: Priced) -> Decimal:
    return sum(priced.lines.values(), ZERO)


# ----------------------------------------------------------------------------------------------------------------
# Step 3: the verdict and the checks


def max_affordable_rate(prep: Prepared, budget: Decimal) -> Decimal | None:
    """The highest base hourly rate (to the penny) at which every PA's planned hours cost no more than ``budget``;
    None when even a penny an hour costs more (fixed costs, flat sleep-ins and agency cover alone exceed it)."""

    def fits(rate: Decimal) -> bool:
        return _total(price(prep, rate)) <= budget

    low = PENNY
    if not fits(low):
        return None
    # Cost rises almost in proportion to the rate: start from a linear estimate, then bracket and bisect.
    probe = Decimal(10)
    cost_low, cost_probe = _total(price(prep, low)), _total(price(prep, probe))
    slope = (cost_probe - cost_low) / (probe - low)
    if slope <= 0:
        return None
    estimate = max(low, ((budget - cost_low) / slope + low).quantize(PENNY))
    step = PENNY * 8
    hi = estimate
    if fits(hi):
        low = hi
        hi = hi + step
        while fits(hi):
            low, step = hi, step * 2
            hi = hi + step
    else:
        lo_probe = estimate - step
        while lo_probe > low and not fits(lo_probe):
            hi, step = lo_probe, step * 2
            lo_probe = max(low, lo_probe - step)
        low = max(low, lo_probe)
    # Invariant: fits(low) and not fits(hi).
    while hi - low > PENNY:
        mid = ((low + hi) / 2).quantize(PENNY)
        if mid in (low, hi):
            break
        if fits(mid):
            low = mid
        else:
            hi = mid
    return low


def _minimum_wage_warnings(plan: Plan, rates: RateBook) -> list[str]:
    warnings = []
    for pa in plan.pa:
        assert pa.date_of_birth is not None  # noqa: S101 - the plan reader always resolves it
        has_waking = pa.hours_per_week is not None or any(s.kind == "waking" for s in pa.shift)
        if not has_waking:
            continue
        check_dates = {plan.start}
        year = plan.start.year
        while date(year, 4, 1) <= plan.end:
            if date(year, 4, 1) >= plan.start:
                check_dates.add(date(year, 4, 1))
            year += 1
        birthday = pa.date_of_birth
        k = 1
        while (birthday + relativedelta(years=k)) <= plan.end:
            when = birthday + relativedelta(years=k)
            if when >= plan.start:
                check_dates.add(when)
            k += 1
        for when in sorted(check_dates):
            if when < rates.minimum_wage[0].effective:
                continue
            age = age_on(pa.date_of_birth, when)
            floor = minimum_wage(age, when, rates)
            if floor is not None and pa.hourly_rate < floor.hourly:
                warnings.append(
                    f"{pa.name}'s £{pa.hourly_rate:.2f} an hour is below the minimum wage for their age "
                    f"({floor.band}: £{floor.hourly:.2f} from {floor.effective:%-d %B %Y}), on {when:%-d %B %Y}."
                )
                break
    return warnings


def _per_week(amount: Decimal, days: int) -> Decimal:
    return round_penny(amount * SEVEN / days)


def cost_plan(
    loaded: LoadedPlan, rates: RateBook | None = None, *, strict_rates: bool = False, affordable: bool = True
) -> CostResult:
    """Cost one plan: the breakdown, the verdict and the checks."""
    rates = rates or bundled_rates()
    plan = loaded.plan
    if plan.start < rates.first_year.start:
        raise PacostError(
            f"the plan starts on {plan.start}, before the first tax year pacost has figures for "
            f"({rates.first_year}, from {rates.first_year.start})",
            source=loaded.source,
            location="start",
        )
    if strict_rates and rates.carried_forward(plan.end):
        raise PacostError(
            f"the plan runs to {plan.end}, past the last tax year pacost has figures for ({rates.last_year}, to "
            f"{rates.last_year.end}); without --strict-rates the latest figures are carried forward",
            source=loaded.source,
            location="end",
        )
    prep = prepare(plan, rates)
    priced = price(prep)
    days = prep.days
    lines = [
        CostLine(line_id, LINE_LABELS[line_id], amount, _per_week(amount, days), _line_detail(line_id, plan))
        for line_id, amount in priced.lines.items()
    ]
    total = sum((line.amount for line in lines), ZERO)
    budget = round_penny(_fixed(plan.budget.amount, plan.budget.per, days))
    difference = budget - total
    total_pw, budget_pw = _per_week(total, days), _per_week(budget, days)
    planned = priced.hours.planned
    cost_per_hour = round_penny(total / planned) if planned > 0 else None
    buys = None
    if planned > 0 and total > 0:
        buys = (priced.hours.planned_per_week * budget / total).quantize(TWO_PLACES)
    per_days = Decimal(days) if plan.budget.per == "period" else PER_DAYS[plan.budget.per]
    budget_needed = round_penny(total / days * per_days)
    on_cost = None
    if priced.rota_pay > 0:
        on_cost = ((total - priced.rota_pay) / priced.rota_pay * HUNDRED).quantize(TWO_PLACES)
    implied = None
    if plan.budget.hours_per_week:
        implied = round_penny(budget * SEVEN / days / plan.budget.hours_per_week)

    warnings = list(prep.warnings)
    warnings += _minimum_wage_warnings(plan, rates)
    for p in priced.pas:
        weekly = (p.planned_hours - p.holiday_hours - p.sick_hours + p.cover_hours_worked) * SEVEN / days
        if weekly > 48:
            warnings.append(
                f"{p.name} works {weekly:.1f} hours in an average week, above the 48-hour limit of the Working "
                "Time Regulations unless they have opted out in writing."
            )
    for pa in plan.pa:
        statutory = rates.holiday.statutory_weeks.value if rates.holiday else Decimal("5.6")
        if pa.holiday_weeks < statutory:
            warnings.append(
                f"{pa.name}'s {pa.holiday_weeks} weeks' holiday is below the statutory {statutory} weeks a year."
            )
    for name in priced.unpaid_cover_pas:
        warnings.append(
            f"{name} covers the other PAs' absences, but nobody is named to cover {name}'s own holiday and "
            "sickness: those hours are counted as unpaid family care."
        )
    if priced.carried_forward:
        warnings.append(
            f"The plan runs past {rates.last_year.end:%-d %B %Y}, the end of the last tax year pacost has figures "
            f"for: the {rates.last_year} figures are carried forward, and later rates may differ."
        )
    if rates.minimum_wage_carried_forward(plan.end):
        last = rates.minimum_wage[-1].effective
        warnings.append(
            f"The minimum wage from {last:%-d %B} {last.year + 1} is not known yet: the plan is checked against the "
            f"rates from {last:%-d %B %Y}."
        )
    assumptions = [_assumption_text(a) for a in loaded.assumptions]
    if loaded.assumptions:
        warnings.append(f"{len(loaded.assumptions)} figure(s) came from defaults: see the assumptions.")
    assumptions += _model_assumptions(plan, prep, rates, priced)

    max_rate = max_affordable_rate(prep, budget) if affordable else None
    pas = priced.pas
    return CostResult(
        plan=plan.name,
        source=loaded.source,
        start=plan.start,
        end=plan.end,
        days=days,
        nation=plan.nation.value,
        hours=priced.hours,
        lines=lines,
        total=total,
        budget=budget,
        budget_per=plan.budget.per,
        budget_amount=plan.budget.amount,
        difference=difference,
        covered=difference >= 0,
        share_covered_percent=(budget / total * HUNDRED).quantize(Decimal("0.1")) if total > 0 else None,
        total_per_week=total_pw,
        budget_per_week=budget_pw,
        difference_per_week=budget_pw - total_pw,
        rota_pay=round_penny(priced.rota_pay),
        cost_per_planned_hour=cost_per_hour,
        hours_per_week_budget_buys=buys,
        max_affordable_hourly_rate=max_rate,
        budget_needed=budget_needed,
        on_cost_percent=on_cost,
        funded_hours_per_week=plan.budget.hours_per_week,
        budget_implied_hourly_rate=implied,
        pas=pas,
        warnings=warnings,
        assumptions=assumptions,
        rates_used=[str(TaxYear(y)) for y in sorted(priced.years_used)],
        rates_carried_forward=priced.carried_forward,
        sha256=loaded.sha256,
    )


def _line_detail(line_id: str, plan: Plan) -> str | None:
    if line_id == "other" and plan.employer.other:
        return ", ".join(o.name for o in plan.employer.other)
    if line_id in ("holiday_cover", "sick_cover"):
        if plan.cover.by == "agency":
            return f"agency at £{plan.cover.rate:.2f} an hour"
        if plan.cover.by == "pa":
            return f"{plan.cover.pa} at their own rate plus 12.07% holiday pay"
        return "unpaid family care (no cost)"
    return None


def _assumption_text(assumption: Assumption) -> str:
    if assumption.source_url:
        return f"{assumption.text.removesuffix('.')} (source: {assumption.source_url})."
    return assumption.text


def _model_assumptions(plan: Plan, prep: Prepared, rates: RateBook, priced: Priced) -> list[str]:
    """How pacost read the law where it leaves a choice, stated for this plan."""
    out = [
        "Holiday and sickness are spread evenly: each PA's leave is a share (holiday weeks x 7 / 365) of every "
        "pay period, and their expected sick days a share of their scheduled days.",
        "Employer NI is worked out per pay period on that period's pay, by HMRC's exact percentage method, "
        "rounded to the penny with a halfpenny or less disregarded (SS(C)R 2001 reg 12(1)).",
    ]
    if plan.sickness.pay == "statutory":
        out.append(
            "Statutory Sick Pay: each spell of sickness is its own period of incapacity (spells not linked); "
            "average weekly earnings are the PA's normal weekly pay; before 6 April 2026 a spell must be 4+ days "
            "and the first 3 are waiting days."
        )
    if any(p.pa.pension != "opt-out" for p in prep.pas):
        out.append(
            "Pension: the employer pays the 3% minimum on qualifying earnings from the first pay period a PA is "
            "an eligible jobholder; postponement is not used."
        )
    if plan.employer.employment_allowance:
        out.append(
            "The whole Employment Allowance is available to this plan: no pay outside it uses any of the allowance "
            "up (HMRC NIM06520: household employers of care and support workers may claim it)."
        )
    if any(p.sleep_in_hours for p in prep.pas):
        out.append(
            "Sleep-in hours count as planned hours of care; a sleep-in is paid its flat sum, and cover for it is "
            "charged by the hour."
        )
    unconfirmed = _unconfirmed(rates, priced.years_used)
    if unconfirmed:
        out.append("Figures not yet seen in an official source (marked unconfirmed in the data): " + unconfirmed)
    return out


def _unconfirmed(rates: RateBook, years: set[int]) -> str:
    names = []
    for year in sorted(years):
        for section, model in (("NI", rates.ni.get(year)), ("SSP", rates.ssp.get(year))):
            if model is None:
                continue
            for field_name in type(model).model_fields:
                value = getattr(model, field_name)
                if getattr(value, "status", None) == "unconfirmed":
                    names.append(f"{TaxYear(year)} {section} {field_name.replace('_', ' ')}")
    return "; ".join(names)


__all__ = ["LINE_IDS", "CostLine", "CostResult", "cost_plan", "max_affordable_rate", "prepare", "price"]
