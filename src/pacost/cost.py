"""The cost model: a plan in, a costed result out (SPEC §2). The core of pacost.

Steps, each a function below:

1. ``prepare`` — sum every PA's rota (``pacost.rota``) into their pay periods (``pacost.periods``) by kind of hour,
   and look up each period's statutory figures. None of this depends on an hourly rate. Periods alike in all that
   pricing reads (most weeks of a weekly rota) share a *shape*, so each shape is priced once. The pay periods of a
   start, end and frequency (``PeriodGrid``) and the statutory figures are shared between plans.
2. ``price`` — at given hourly rates: rota pay, holiday pay and leave, sickness (SSP or full pay), cover (agency,
   another PA, or unpaid family), employer NI per pay period with the Employment Allowance per tax year, pension per
   pay period, fixed costs. Every period's pay is rounded to the penny as a payslip is, so the lines of the
   breakdown add up exactly to the total.
3. ``cost_plan`` — the verdict against the budget, the highest affordable hourly rate (``max_affordable_rate``,
   found by re-pricing along the cost's own slope), and the checks (minimum wage, 48-hour weeks, holiday,
   defaults, carried-forward rates).

Expected values are spread evenly: a PA's holiday and sickness are a share of every pay period. Nothing here
imports typer or rich, or prints; the result is a plain typed object that the renderers turn into text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal
from operator import mul
from typing import Literal

from pacost import __version__
from pacost.errors import PacostError
from pacost.frequency import PayFrequency
from pacost.money import PENNY, ZERO, round_penny
from pacost.periods import PayPeriod, add_months, pay_periods
from pacost.plan import PA, Assumption, LoadedPlan, Plan
from pacost.rates import RateBook, SspRates, bundled_rates
from pacost.rota import (
    BANK_HOLIDAY,
    COMBOS,
    NIGHT,
    WEEKDAYS,
    WEEKEND,
    PaRota,
    PeriodRota,
    PeriodSpans,
    ShiftPattern,
    minute_of,
    plan_calendar,
    summary_patterns,
)
from pacost.statutory.allowance import allowance_used
from pacost.statutory.minimum_wage import minimum_wage
from pacost.statutory.ni import NiCategory, category_for_age, employer_ni_threshold
from pacost.statutory.pension import (
    PensionThresholds,
    thresholds_for,
)
from pacost.statutory.ssp import ssp_for_spell, weekly_rate_under
from pacost.statutory.state_pension import age_on, state_pension_date
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
SSP_DAY_ONE = date(2026, 4, 6)  # the SSP regime changes on this date (Employment Rights Act 2025)
MAX_RATE = Decimal(1_000_000)  # an hourly rate beyond this is not an answer anyone can use


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
    periods: list[PeriodDetail]  # empty unless the pay periods were asked for
    period_count: int


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


def _patterns(pa: PA) -> list[ShiftPattern]:
    if pa.summary_rota:
        # Hours a week: daytime hours over the PA's days from 09:00, weekend hours over Saturday and Sunday from
        # 09:00, night hours over every night from the start of the PA's night window.
        out: list[ShiftPattern] = []
        if pa.hours_per_week is not None:
            out += summary_patterns(pa.hours_per_week, [WEEKDAYS.index(d) for d in pa.days or WEEKDAYS[:5]])
        if pa.weekend_hours_per_week is not None:
            out += summary_patterns(pa.weekend_hours_per_week, [5, 6])
        if pa.night_hours_per_week is not None:
            out += summary_patterns(pa.night_hours_per_week, range(7), start_minute=minute_of(pa.night.start))
        return out
    return [shift.pattern() for shift in pa.shift]


def _multipliers(pa: PA) -> tuple[Decimal, ...]:
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
    return tuple(out)


def _weighted(rota: PeriodRota, mult: Sequence[Decimal]) -> Decimal:
    """Waking hours weighted by their multipliers: pay for the period is hourly rate x this + flat sums."""
    return sum((h * mult[k] for k, h in enumerate(rota.waking) if h), ZERO)


@dataclass(slots=True)
class PeriodRules:
    """The statutory figures for a pay period of one PA: fixed by the pay date, the frequency and the PA's age,
    not by what they earn. Periods that share them share one object."""

    ni_category: NiCategory
    ni_threshold: Decimal | None  # None: no employer NI at all (letter X)
    ni_rate: Decimal
    pension: PensionThresholds
    age: int
    over_state_pension_age: bool
    figures_year: int
    tax_year: int  # the tax year of the pay date, whose Employment Allowance the NI counts against


ShapeTerms = tuple[
    Decimal,
    Decimal,
    tuple[tuple[int, Decimal], ...],
    tuple[Decimal, Decimal, Decimal, Decimal] | None,
    Decimal | None,
    Decimal,
    bool,
    Decimal,
    Decimal,
    Decimal,
    Decimal,
]


@dataclass
class PreparedPA:
    pa: PA
    rota: PaRota
    grid: PeriodGrid  # this PA's pay periods
    rules: list[PeriodRules]  # the distinct sets of statutory figures of this PA's pay periods
    rules_ids: list[int]  # per own pay period: which of them
    rotas: list[PeriodRota]  # the distinct sums of this PA's rota over their pay periods
    rota_ids: list[int]  # per own pay period: which of them
    rota_weighted: list[Decimal]  # per distinct rota sum: waking hours x multipliers
    planned_hours: Decimal
    sleep_in_hours: Decimal
    scheduled_days: int
    holiday_share: Decimal
    sick_share: Decimal
    qualifying_days: int  # scheduled days a week, for SSP's daily rate
    ssp_first_day: dict[int, date]  # figures year -> first scheduled day in it (the SSP rules of that year)
    # Cover this PA works for the others: the distinct (weighted hours, flat) for holiday and for sickness, and
    # which of them each own pay period has.
    cover: list[tuple[Decimal, Decimal, Decimal, Decimal]] | None = None
    cover_ids: list[int] | None = None
    weighted_total: Decimal = ZERO
    flat_total: Decimal = ZERO
    # Periods that are alike in everything pricing uses share a shape, priced once: shape index per period.
    shape_of: list[int] = field(default_factory=list)
    shape_counts: list[int] = field(default_factory=list)  # for each shape, how many periods have it
    shape_first: list[int] = field(default_factory=list)  # for each shape, its first period
    shape_years: list[dict[int, int]] = field(default_factory=list)  # for each shape, its periods per tax year
    # for each shape, what pricing reads, laid out flat: weighted hours, flat sums, expected spells of sickness starting
    # in the period by tax year, cover, NI threshold and rate, whether the PA may be auto-enrolled, and the pension
    # trigger, lower and upper limits and employer's rate
    shape_terms: list[ShapeTerms] = field(default_factory=list)

    def find_shapes(self, spell_days: int) -> None:
        rota_ids, rules_ids = self.rota_ids, self.rules_ids
        # Summed period by period, in order, as a payroll would.
        self.weighted_total = sum(map(self.rota_weighted.__getitem__, rota_ids), ZERO)
        flats = [rota.sleep_in_flat for rota in self.rotas]
        self.flat_total = sum(map(flats.__getitem__, rota_ids), ZERO)
        # Periods alike in everything pricing reads share a shape (two months may differ in days yet pay the same):
        # each distinct rota sum, set of figures and cover is numbered by its values, and each period's shape is
        # the combination of those numbers (counted in C, period by period).
        by_value: dict[tuple[object, ...], int] = {}
        rota_values = [
            by_value.setdefault((weighted, rota.sleep_in_flat, rota.scheduled), len(by_value))
            for weighted, rota in zip(self.rota_weighted, self.rotas, strict=True)
        ]
        by_value = {}
        rules_values = [
            by_value.setdefault((r.ni_threshold, r.ni_rate, r.pension, r.age, r.over_state_pension_age), len(by_value))
            for r in self.rules
        ]
        columns = [map(rota_values.__getitem__, rota_ids), map(rules_values.__getitem__, rules_ids)]
        if self.cover is not None and self.cover_ids is not None:
            by_value = {}
            cover_values = [by_value.setdefault(c, len(by_value)) for c in self.cover]
            columns.append(map(cover_values.__getitem__, self.cover_ids))
        keys: list[tuple[int, ...]] = list(zip(*columns, strict=True))
        index = {key: k for k, key in enumerate(dict.fromkeys(keys))}  # in order of first appearance
        self.shape_of = list(map(index.__getitem__, keys))
        counted = Counter(self.shape_of)
        self.shape_counts = [counted[k] for k in range(len(index))]
        self.shape_first = [keys.index(key) for key in index]
        self.shape_years = [{} for _ in index]
        tax_years = [r.tax_year for r in self.rules]
        years_of = map(tax_years.__getitem__, rules_ids)
        for (shape, year), count in Counter(zip(self.shape_of, years_of, strict=True)).items():
            self.shape_years[shape][year] = count
        inputs = []  # for each shape: weighted hours, flat sums, scheduled days by year, cover, the figures
        for first in self.shape_first:
            rota = self.rotas[rota_ids[first]]
            inputs.append(
                (
                    self.rota_weighted[rota_ids[first]],
                    rota.sleep_in_flat,
                    rota.scheduled,
                    self.cover[self.cover_ids[first]]
                    if self.cover is not None and self.cover_ids is not None
                    else None,
                    self.rules[rules_ids[first]],
                )
            )
        auto = self.pa.pension == "auto"
        s = self.sick_share
        spells: dict[int, Decimal] = {}  # scheduled days -> the sickness spells expected to start on them
        for _, _, scheduled, _, _ in inputs:
            for _, count in scheduled:
                if count not in spells:
                    spells[count] = s * count / spell_days
        self.shape_terms = [
            (
                weighted,
                flat,
                tuple([(year, spells[count]) for year, count in scheduled]),
                cover,
                rules.ni_threshold,
                rules.ni_rate,
                auto and rules.age >= rules.pension.minimum_age and not rules.over_state_pension_age,
                rules.pension.trigger,
                rules.pension.lower,
                rules.pension.upper,
                rules.pension.employer_rate,
            )
            for weighted, flat, scheduled, cover, rules in inputs
        ]


@dataclass
class Prepared:
    plan: Plan
    rates: RateBook
    days: int
    pas: list[PreparedPA]
    cover_pa: str | None
    warnings: list[str]
    agency_holiday: Decimal
    agency_sick: Decimal
    hours: Hours
    unpaid_cover_pas: list[str]
    years_used: set[int]
    carried_forward: bool
    fixed: dict[str, Decimal]  # insurance, payroll and other costs: the same at any rate


@dataclass(frozen=True, slots=True)
class PeriodGrid:
    """The pay periods from a plan's start to its end at one frequency, with all that every PA paid that way
    shares: the periods as the rota engine sums into them, and each period's statutory-figure key bar the PA's
    age (tax year, the pay date in 2022-23, whose NI rate changed on 6 November 2022, and the day count of a short
    period). Built once and shared by every PA and plan with the same start, end, frequency and figures years;
    the periods' dates are worked out when asked for, to keep it small."""

    start: date
    spans: PeriodSpans
    last_whole: bool  # whether the last period is a whole week or month (every other one is)
    rule_keys: tuple[int, ...]  # per period: index into ``rule_bases``
    rule_bases: tuple[tuple[int, int | None], ...]  # distinct (tax year, days of a short period or None)

    def __len__(self) -> int:
        return len(self.spans)

    def pay_date(self, k: int) -> date:
        return self.start + timedelta(days=self.spans.lasts[k])

    def periods(self) -> list[PayPeriod]:
        start, n = self.start, len(self.spans)
        return [
            PayPeriod(start + timedelta(days=first), start + timedelta(days=last), k < n - 1 or self.last_whole)
            for k, (first, last) in enumerate(zip(self.spans.firsts, self.spans.lasts, strict=True))
        ]


_GRIDS: dict[tuple[object, ...], PeriodGrid] = {}
GRID_LIMIT = 4_096  # about 2 KB each: enough for every start day of two and a half years at four frequencies


def _period_grid(
    start: date, end: date, frequency: PayFrequency, years: tuple[tuple[int, int, int], ...]
) -> PeriodGrid:
    key = (start, end, frequency, years)
    found = _GRIDS.get(key)
    if found is None:
        if len(_GRIDS) >= GRID_LIMIT:
            _GRIDS.clear()
        periods = pay_periods(start, end, frequency)
        spans = PeriodSpans.of((((p.start - start).days, (p.end - start).days) for p in periods), years)
        seen: dict[tuple[object, ...], int] = {}
        bases: list[tuple[int, int | None]] = []
        rule_keys = []
        for period in periods:
            pay_date = period.end
            tax_year = TaxYear.containing(pay_date).start_year
            days = None if period.whole else (pay_date - period.start).days + 1
            # 2022-23 changed its NI rate on 6 November 2022: the pay date matters then, and only then.
            base = (tax_year, pay_date if tax_year == 2022 else None, days)
            index = seen.get(base)
            if index is None:
                index = seen[base] = len(bases)
                bases.append((tax_year, days))
            rule_keys.append(index)
        found = _GRIDS[key] = PeriodGrid(start, spans, periods[-1].whole, tuple(rule_keys), tuple(bases))
    return found


CACHE_LIMIT = 4_096  # entries a cache keeps before it starts again, so a long batch run's memory stays flat


class _RulesCache:
    """Statutory figures per (pay date, frequency, days, letter), shared by every plan costed with one RateBook."""

    def __init__(self, rates: RateBook) -> None:
        self.rates = rates
        self.ni: dict[tuple[date | int, PayFrequency, int | None, NiCategory], tuple[Decimal | None, Decimal, int]] = {}
        self.allowance: dict[int, Decimal] = {}
        self.unconfirmed: dict[frozenset[int], str] = {}
        self.highest_minimum_wage: dict[date, Decimal] = {}
        self.pension: dict[tuple[int, PayFrequency, int | None], PensionThresholds] = {}

    def ni_for(
        self, pay_date: date, tax_year: int, frequency: PayFrequency, days: int | None, category: NiCategory
    ) -> tuple[Decimal | None, Decimal, int]:
        """Employer NI's threshold and rate for a pay period, and the figures year. ``tax_year`` is the pay date's
        (the figures are a tax year's, so it is the key; but 2022-23 changed its NI rate on 6 November)."""
        key = (pay_date if tax_year == 2022 else tax_year, frequency, days, category)
        found = self.ni.get(key)
        if found is None:
            if len(self.ni) > CACHE_LIMIT:
                self.ni.clear()
            rates = self.rates
            threshold = None
            if category is not NiCategory.X:
                threshold = employer_ni_threshold(
                    frequency=frequency, pay_date=pay_date, category=category, rates=rates, days=days
                )
            year = rates.figures_year(pay_date).start_year
            found = self.ni[key] = (threshold, rates.ni_for(pay_date).rate_on(pay_date), year)
        return found

    def pension_for(
        self, pay_date: date, tax_year: int, frequency: PayFrequency, days: int | None
    ) -> PensionThresholds:
        """The auto-enrolment thresholds for a pay period; ``tax_year`` (the pay date's) is the key."""
        key = (tax_year, frequency, days)
        found = self.pension.get(key)
        if found is None:
            if len(self.pension) > CACHE_LIMIT:
                self.pension.clear()
            found = self.pension[key] = thresholds_for(pay_date, frequency, self.rates, days)
        return found


_RULES: dict[int, _RulesCache] = {}


def _rules_cache(rates: RateBook) -> _RulesCache:
    found = _RULES.get(id(rates))
    if found is None or found.rates is not rates:
        if len(_RULES) > 8:
            _RULES.clear()
        found = _RULES[id(rates)] = _RulesCache(rates)
    return found


def _age_runs(born: date, pension_date: date, grid: PeriodGrid) -> list[tuple[int, int, int, bool]]:
    """The runs of pay periods in which a PA's age and whether they are over State Pension age stay the same:
    (first index, index after the last, age, over). Both only ever go up, so each run's end is found by halving."""
    runs = []
    n = len(grid)
    pay_date = grid.pay_date
    k = 0
    while k < n:
        state = (age_on(born, pay_date(k)), pay_date(k) >= pension_date)
        lo, hi = k, n - 1
        if (age_on(born, pay_date(hi)), pay_date(hi) >= pension_date) == state:
            stop = n
        else:
            while hi - lo > 1:  # state(lo) is this run's, state(hi) is not
                mid = (lo + hi) // 2
                if (age_on(born, pay_date(mid)), pay_date(mid) >= pension_date) == state:
                    lo = mid
                else:
                    hi = mid
            stop = hi
        runs.append((k, stop, *state))
        k = stop
    return runs


def _period_rules(pa: PA, grid: PeriodGrid, cache: _RulesCache) -> tuple[list[int], list[PeriodRules]]:
    """Each pay period's statutory figures, as an index into the distinct sets of them. Looked up once per tax
    year, rate, length, NI letter and age, since most periods of a year share them."""
    frequency = PayFrequency(pa.pay_frequency)
    born = pa.date_of_birth
    pension_date = state_pension_date(born, cache.rates)  # dates of birth rarely repeat: not remembered
    fixed_category = NiCategory(pa.ni_category) if pa.ni_category is not None else None
    distinct: list[PeriodRules] = []
    ids: list[int] = []
    rule_keys, bases = grid.rule_keys, grid.rule_bases
    for first, stop, age, over in _age_runs(born, pension_date, grid):
        category = fixed_category or category_for_age(age, over_state_pension_age=over)
        run = rule_keys[first:stop]
        seen: dict[int, int] = {}
        for base in dict.fromkeys(run):  # each key in the run once, looked up on the first pay date that has it
            pay_date = grid.pay_date(first + run.index(base))
            tax_year, days = bases[base]
            threshold, ni_rate, year = cache.ni_for(pay_date, tax_year, frequency, days, category)
            pension = cache.pension_for(pay_date, tax_year, frequency, days)
            if tax_year not in cache.allowance:
                cache.allowance[tax_year] = cache.rates.ni_for(pay_date).employment_allowance.value
            seen[base] = len(distinct)
            distinct.append(PeriodRules(category, threshold, ni_rate, pension, age, over, year, tax_year))
        ids.extend(map(seen.__getitem__, run))
    return ids, distinct


def _year_runs(start: date, end: date, rates: RateBook) -> list[tuple[int, int, int]]:
    """The plan's days cut at each 6 April: (first index, last index, figures year)."""
    runs = []
    year = TaxYear.containing(start)
    first = 0
    length = (end - start).days
    while first <= length:
        last = min(length, (year.end - start).days)
        runs.append((first, last, rates.figures_year(year.start if year.start > start else start).start_year))
        first = last + 1
        year = year.next()
    return runs


def prepare(plan: Plan, rates: RateBook) -> Prepared:
    """Everything about the plan that does not depend on an hourly rate."""
    days_in_plan = (plan.end - plan.start).days + 1
    calendar = plan_calendar(plan.start, plan.end, plan.nation)
    years = tuple(_year_runs(plan.start, plan.end, rates))
    cache = _rules_cache(rates)
    warnings: list[str] = []
    prepared: list[PreparedPA] = []
    grids: list[PeriodGrid] = []
    years_used: set[int] = set()
    carried_forward = False
    for pa in plan.pa:
        night = (int(minute_of(pa.night.start)), int(minute_of(pa.night.end)))
        rota = PaRota(calendar, _patterns(pa), night)
        grid = _period_grid(plan.start, plan.end, PayFrequency(pa.pay_frequency), years)
        grids.append(grid)
        rota_ids, rotas = rota.period_ids(grid.spans)
        mult = _multipliers(pa)
        rules_ids, distinct_rules = _period_rules(pa, grid, cache)
        for rule in distinct_rules:
            years_used.add(rule.figures_year)
        carried_forward = carried_forward or rates.carried_forward(grid.pay_date(len(grid) - 1))
        # Work out each distinct rota sum's figures once.
        rota_weighted = [_weighted(r, mult) for r in rotas]
        uses = Counter(rota_ids)
        planned = sum((rotas[i].hours * n for i, n in uses.items()), ZERO)
        sleep = sum((rotas[i].sleep_in_hours * n for i, n in uses.items()), ZERO)
        scheduled = rota.scheduled_mask.bit_count()
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
        else:
            warnings.append(f"{pa.name} has no shifts between {plan.start} and {plan.end}.")
        qualifying = min(7, max(1, int((Decimal(scheduled) * SEVEN / days_in_plan).to_integral_value())))
        first_days = rota.first_days(years)
        prepared.append(
            PreparedPA(
                pa=pa,
                rota=rota,
                grid=grid,
                rules=distinct_rules,
                rules_ids=rules_ids,
                rotas=rotas,
                rota_ids=rota_ids,
                rota_weighted=rota_weighted,
                planned_hours=planned,
                sleep_in_hours=sleep,
                scheduled_days=scheduled,
                holiday_share=holiday_share,
                sick_share=sick_share,
                qualifying_days=qualifying,
                ssp_first_day=first_days,
            )
        )

    # Who covers each PA's absence, and the hours.
    cover = plan.cover
    cover_pa = cover.pa if cover.by == "pa" else None
    planned = holiday_hours = sick_hours = unpaid = sleep_total = ZERO
    agency_holiday = agency_sick = ZERO
    unpaid_cover_pas: list[str] = []
    for p in prepared:
        h, s = p.holiday_share, p.sick_share
        planned += p.planned_hours
        sleep_total += p.sleep_in_hours
        holiday_hours += h * p.planned_hours
        sick_hours += s * p.planned_hours
        by = cover.by
        if by == "pa" and p.pa.name == cover_pa:
            by = "family"
            unpaid_cover_pas.append(p.pa.name)
        if by == "family":
            unpaid += (h + s) * p.planned_hours
        elif by == "agency":
            assert cover.rate is not None  # noqa: S101 - the plan reader requires it for agency cover
            agency_holiday += h * p.planned_hours * cover.rate
            agency_sick += s * p.planned_hours * cover.rate
    if cover_pa is not None:
        coverer = next(p for p in prepared if p.pa.name == cover_pa)
        mult = _multipliers(coverer.pa)
        spans = grids[prepared.index(coverer)].spans
        # For each of the coverer's periods, which distinct sum of each absent PA's rota falls in it.
        absent = [(other, other.rota.period_ids(spans)) for other in prepared if other is not coverer]
        seen_cover: dict[tuple[int, ...], int] = {}
        distinct_cover: list[tuple[Decimal, Decimal, Decimal, Decimal]] = []
        cover_ids = []
        for k in range(len(coverer.rota_ids)):
            key = tuple(ids[k] for _, (ids, _) in absent)
            index = seen_cover.get(key)
            if index is None:
                wh = fh = ws = fs = ZERO
                for other, (ids, sums) in absent:
                    r = sums[ids[k]]
                    w = _weighted(r, mult)
                    h, s = other.holiday_share, other.sick_share
                    wh += h * w
                    fh += h * r.sleep_in_flat
                    ws += s * w
                    fs += s * r.sleep_in_flat
                index = seen_cover[key] = len(distinct_cover)
                distinct_cover.append((wh, fh, ws, fs))
            cover_ids.append(index)
        coverer.cover = distinct_cover
        coverer.cover_ids = cover_ids
    for p in prepared:
        p.find_shapes(plan.sickness.spell_days)

    planned_r = planned.quantize(TWO_PLACES)
    holiday_r = holiday_hours.quantize(TWO_PLACES)
    sick_r = sick_hours.quantize(TWO_PLACES)
    hours = Hours(
        planned=planned_r,
        by_pas=planned_r - holiday_r - sick_r,
        holiday_cover=holiday_r,
        sick_cover=sick_r,
        unpaid_family=unpaid.quantize(TWO_PLACES),
        sleep_in=sleep_total.quantize(TWO_PLACES),
        planned_per_week=(planned * SEVEN / days_in_plan).quantize(TWO_PLACES),
    )
    return Prepared(
        plan=plan,
        rates=rates,
        days=days_in_plan,
        pas=prepared,
        cover_pa=cover_pa,
        warnings=warnings,
        agency_holiday=round_penny(agency_holiday),
        agency_sick=round_penny(agency_sick),
        hours=hours,
        unpaid_cover_pas=unpaid_cover_pas,
        years_used=years_used,
        carried_forward=carried_forward,
        fixed=fixed_lines(plan, days_in_plan),
    )


# ----------------------------------------------------------------------------------------------------------------
# Step 2: price (at given hourly rates)

Detail = Literal["periods", "totals", "slopes", "lines"]


@dataclass
class Priced:
    lines: dict[str, Decimal]
    pas: list[PaResult]
    rota_pay: Decimal
    # How fast the total rises with each PA's hourly rate, at these rates (pounds of cost per pound an hour), as
    # far as the rules are straight lines there: a guide for the search for the affordable rate, never an answer.
    slopes: list[Decimal] = field(default_factory=list)


_SSP_CACHE: dict[tuple[object, ...], Decimal] = {}


def _ssp_per_spell(
    first: date, figures: SspRates, spell_days: int, qualifying: int, awe: Decimal, rates: RateBook
) -> Decimal:
    """SSP for one spell (``statutory.ssp.ssp_for_spell``), remembered. Its answer depends only on the tax year's
    rules (``figures``, the same all year), the spell, the qualifying days, the weekly rate that applies (which is
    where average weekly earnings come in from April 2026) and whether earnings are below the lower earnings limit
    (before April 2026), so those are the key."""
    weekly = weekly_rate_under(figures, awe)
    below = figures.lower_earnings_limit is not None and awe < figures.lower_earnings_limit.value
    key = (id(figures), first >= SSP_DAY_ONE, spell_days, qualifying, weekly, below)
    found = _SSP_CACHE.get(key)
    if found is None:
        if len(_SSP_CACHE) > CACHE_LIMIT:
            _SSP_CACHE.clear()
        found = _SSP_CACHE[key] = ssp_for_spell(
            first, spell_days, qualifying_days_per_week=qualifying, average_weekly_earnings=awe, rates=rates
        ).amount
    return found


def _ssp_slope(figures: SspRates, spell_days: int, qualifying: int, awe: Decimal) -> Decimal:
    """How fast SSP for one spell rises with average weekly earnings: only from April 2026, while 80% of them is
    below the weekly rate (for the search's slopes, not for pay)."""
    cap = figures.earnings_cap_fraction
    if figures.regime != "day-one" or cap is None or weekly_rate_under(figures, awe) >= figures.weekly_rate.value:
        return ZERO
    paid = min(
        spell_days - min(int(figures.waiting_days.value), spell_days), int(figures.maximum_weeks.value) * qualifying
    )
    return cap.value / qualifying * paid


def _fixed(amount: Decimal, per: str, days: int) -> Decimal:
    per_days = Decimal(days) if per == "period" else PER_DAYS[per]
    return amount * days / per_days


def fixed_lines(plan: Plan, days: int) -> dict[str, Decimal]:
    """The lines that do not depend on anyone's pay: insurance, payroll and other costs, over the plan's days."""
    employer = plan.employer
    return {
        "insurance": round_penny(_fixed(employer.insurance.amount, employer.insurance.per, days)),
        "payroll": round_penny(_fixed(employer.payroll.amount, employer.payroll.per, days)),
        "other": round_penny(sum((_fixed(o.amount, o.per, days) for o in employer.other), ZERO)),
    }


def price(prep: Prepared, rate_override: Decimal | None = None, *, detail: Detail = "periods") -> Priced:
    """Cost the prepared plan. With ``rate_override``, every PA is paid that base hourly rate. ``detail`` says
    how much to keep beside the lines: each PA's pay periods, only each PA's totals, only how fast the cost rises
    with each PA's rate (the slopes, which the first two also give), or nothing."""
    plan, rates = prep.plan, prep.rates
    quantize = Decimal.quantize
    accrual = rates.holiday.irregular_hours_accrual.value if rates.holiday else Decimal("0.1207")
    with_accrual = ONE + accrual
    full_sick_pay = plan.sickness.pay == "full"
    spell_days = plan.sickness.spell_days
    with_slopes = detail != "lines"

    lines = dict.fromkeys(LINE_IDS, ZERO)
    lines["holiday_cover"] = prep.agency_holiday
    lines["sick_cover"] = prep.agency_sick
    ni_by_tax_year: dict[int, Decimal] = {}
    pa_results: list[PaResult] = []
    slopes: list[Decimal] = []
    ni_slopes: list[dict[int, Decimal]] = []  # per PA, per tax year: how fast their employer NI rises
    total_rota_pay = ZERO
    wages_sum = holiday_sum = sick_sum = cover_h_sum = cover_s_sum = ni_sum = pension_sum = ZERO

    for p in prep.pas:
        pa = p.pa
        rate = rate_override if rate_override is not None else pa.hourly_rate
        h, s = p.holiday_share, p.sick_share
        worked_share = ONE - h - s
        own_total = rate * p.weighted_total + p.flat_total
        total_rota_pay += own_total
        awe = own_total * SEVEN / prep.days
        rolled_up = pa.holiday == "rolled-up"
        enrolled = pa.pension == "opt-in"
        auto = pa.pension == "auto"
        ssp_per_spell: dict[int, Decimal] = {}
        ssp_slope: dict[int, Decimal] = {}  # how fast SSP for a spell rises with the rate (capped at 80% of AWE)
        if not full_sick_pay and s:
            for year, first in p.ssp_first_day.items():
                figures = rates.ssp[year]
                ssp_per_spell[year] = _ssp_per_spell(first, figures, spell_days, p.qualifying_days, awe, rates)
                if with_slopes:
                    ssp_slope[year] = _ssp_slope(figures, spell_days, p.qualifying_days, awe) * (
                        p.weighted_total * SEVEN / prep.days
                    )
        details: list[PeriodDetail] = []
        gross_total = ni_total = pension_total = ZERO
        # Price each shape of period once: (wages, holiday pay, sick pay, cover for holiday, cover for sickness,
        # earnings, NI, eligible for auto-enrolment, the pension contribution if enrolled).
        priced_shapes = []
        shape_slopes = []  # per shape, when slopes are wanted: (earnings, NI, pension) per pound an hour
        pensionable = auto or enrolled
        # Every amount on a payslip is rounded to the penny, a half penny up (money.round_penny), employer NI a
        # half penny down (statutory.ni.ni_on_earnings_above), the pension as statutory.pension's
        # employer_contribution and assess_worker say: inlined here, as this loop is the hot path of a batch run.
        for (
            weighted,
            flat,
            spells,
            shape_cover,
            threshold,
            ni_rate,
            may_enrol,
            trigger,
            lower,
            upper,
            employer_rate,
        ) in p.shape_terms:
            pay = rate * weighted + flat
            wages = quantize(worked_share * pay, PENNY, ROUND_HALF_UP)
            if rolled_up:
                holiday_pay = quantize(accrual * wages, PENNY, ROUND_HALF_UP)
            else:
                holiday_pay = quantize(h * pay, PENNY, ROUND_HALF_UP)
            if full_sick_pay:
                sick_pay = quantize(s * pay, PENNY, ROUND_HALF_UP)
            elif ssp_per_spell:
                ssp = ZERO
                for year, spells_expected in spells:
                    # The expected number of spells starting in the period, each paid as the SSP rules of the
                    # tax year it starts in give.
                    ssp += spells_expected * ssp_per_spell[year]
                sick_pay = quantize(ssp, PENNY, ROUND_HALF_UP)
            else:
                sick_pay = ZERO
            if shape_cover is not None:
                wh, fh, ws, fs = shape_cover
                cover_holiday = quantize((rate * wh + fh) * with_accrual, PENNY, ROUND_HALF_UP)
                cover_sick = quantize((rate * ws + fs) * with_accrual, PENNY, ROUND_HALF_UP)
            else:
                cover_holiday = cover_sick = ZERO
            earnings = wages + holiday_pay + sick_pay + cover_holiday + cover_sick
            if threshold is None or earnings <= threshold:
                ni = ZERO
            else:
                ni = quantize((earnings - threshold) * ni_rate, PENNY, ROUND_HALF_DOWN)
            eligible = may_enrol and earnings > trigger
            if pensionable:
                qualifying = (earnings if earnings < upper else upper) - lower
                contribution = quantize(
                    (qualifying if qualifying > ZERO else ZERO) * employer_rate, PENNY, ROUND_HALF_UP
                )
            else:
                contribution = ZERO
            priced_shapes.append(
                (wages, holiday_pay, sick_pay, cover_holiday, cover_sick, earnings, ni, eligible, contribution)
            )
            if with_slopes:
                d_pay = weighted
                d_wages = worked_share * d_pay
                d_earnings = d_wages + (accrual * d_wages if rolled_up else h * d_pay)
                if full_sick_pay:
                    d_earnings += s * d_pay
                elif ssp_slope:
                    for year, spells_expected in spells:
                        d_earnings += spells_expected * ssp_slope[year]
                if shape_cover is not None:
                    d_earnings += (shape_cover[0] + shape_cover[2]) * with_accrual
                in_band = pensionable and lower < earnings < upper
                shape_slopes.append(
                    (
                        d_earnings,
                        ni_rate * d_earnings if ni else ZERO,
                        employer_rate * d_earnings if in_band else ZERO,
                    )
                )
        pa_slope = ZERO
        pa_ni_slopes: dict[int, Decimal] = {}
        if detail != "periods":
            # Only the sums are wanted: each shape's figures times the number of its periods. The pension starts
            # at the first period whose shape makes the PA an eligible jobholder (or the first, if they opted in).
            periods_count = len(p.shape_of)
            start = 0 if enrolled else periods_count
            if not enrolled:
                for shape, values in enumerate(priced_shapes):
                    if values[7]:
                        start = min(start, p.shape_first[shape])
            # Each shape's periods from the start of the pension on (all of them, usually).
            from_start = p.shape_counts if start == 0 else Counter(p.shape_of[start:])
            counts = p.shape_counts
            columns = list(zip(*priced_shapes, strict=True))  # each figure, shape by shape
            wages_sum += sum(map(mul, counts, columns[0]), ZERO)
            holiday_sum += sum(map(mul, counts, columns[1]), ZERO)
            sick_sum += sum(map(mul, counts, columns[2]), ZERO)
            cover_h_sum += sum(map(mul, counts, columns[3]), ZERO)
            cover_s_sum += sum(map(mul, counts, columns[4]), ZERO)
            gross_total = sum(map(mul, counts, columns[5]), ZERO)
            nis, contributions = columns[6], columns[8]
            ni_total = sum(map(mul, counts, nis), ZERO)
            ni_sum += ni_total
            enrolled_counts = [0] * len(counts)
            for shape, ni in enumerate(nis):
                if ni:
                    for year, n in p.shape_years[shape].items():
                        ni_by_tax_year[year] = ni_by_tax_year.get(year, ZERO) + n * ni
            if start < periods_count:
                for shape, contribution in enumerate(contributions):
                    if contribution:
                        enrolled_counts[shape] = from_start[shape]
                        pension_total += enrolled_counts[shape] * contribution
            if with_slopes:
                for shape, (d_earnings, d_ni, d_pension) in enumerate(shape_slopes):
                    pa_slope += counts[shape] * d_earnings + enrolled_counts[shape] * d_pension
                    if d_ni:
                        for year, n in p.shape_years[shape].items():
                            pa_ni_slopes[year] = pa_ni_slopes.get(year, ZERO) + n * d_ni
            pension_sum += pension_total
            if detail == "totals":
                pa_results.append(_pa_result(prep, p, rate, gross_total, ni_total, pension_total, []))
            if with_slopes:
                slopes.append(pa_slope)
                ni_slopes.append(pa_ni_slopes)
            continue
        periods = p.grid.periods()
        for k, shape in enumerate(p.shape_of):
            wages, holiday_pay, sick_pay, cover_holiday, cover_sick, earnings, ni, eligible, contribution = (
                priced_shapes[shape]
            )
            if eligible:
                enrolled = True
            pension = contribution if enrolled else ZERO
            rules = p.rules[p.rules_ids[k]]
            if ni:
                ni_by_tax_year[rules.tax_year] = ni_by_tax_year.get(rules.tax_year, ZERO) + ni
            wages_sum += wages
            holiday_sum += holiday_pay
            sick_sum += sick_pay
            cover_h_sum += cover_holiday
            cover_s_sum += cover_sick
            ni_sum += ni
            pension_sum += pension
            gross_total += earnings
            ni_total += ni
            pension_total += pension
            d_earnings, d_ni, d_pension = shape_slopes[shape]
            pa_slope += d_earnings + (d_pension if enrolled else ZERO)
            if d_ni:
                pa_ni_slopes[rules.tax_year] = pa_ni_slopes.get(rules.tax_year, ZERO) + d_ni
            period = periods[k]
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
                    rules.ni_category.value,
                    ni,
                    pension,
                )
            )
        pa_results.append(_pa_result(prep, p, rate, gross_total, ni_total, pension_total, details))
        slopes.append(pa_slope)
        ni_slopes.append(pa_ni_slopes)

    lines["wages"] = wages_sum
    lines["holiday_pay"] = holiday_sum
    lines["sick_pay"] = sick_sum
    lines["holiday_cover"] += cover_h_sum
    lines["sick_cover"] += cover_s_sum
    lines["employer_ni"] = ni_sum
    lines["pension"] = pension_sum
    if plan.employer.employment_allowance:
        allowance = _rules_cache(rates).allowance
        lines["employment_allowance"] = -allowance_used(ni_by_tax_year, allowance)
    if with_slopes:
        # In a tax year whose NI the allowance takes all of, more NI costs nothing.
        absorbed = (
            {year for year, ni in ni_by_tax_year.items() if ni < allowance[year]}
            if plan.employer.employment_allowance
            else set()
        )
        slopes = [
            slope + sum((d_ni for year, d_ni in by_year.items() if year not in absorbed), ZERO)
            for slope, by_year in zip(slopes, ni_slopes, strict=True)
        ]
    lines.update(prep.fixed)
    return Priced(lines, pa_results, total_rota_pay, slopes)


def _pa_result(
    prep: Prepared,
    p: PreparedPA,
    rate: Decimal,
    gross: Decimal,
    ni: Decimal,
    pension: Decimal,
    details: list[PeriodDetail],
) -> PaResult:
    h, s = p.holiday_share, p.sick_share
    cover_hours = ZERO
    if p.cover is not None:
        cover_hours = sum(((o.holiday_share + o.sick_share) * o.planned_hours for o in prep.pas if o is not p), ZERO)
    return PaResult(
        name=p.pa.name,
        hourly_rate=rate,
        pay_frequency=p.pa.pay_frequency,
        planned_hours=p.planned_hours,
        hours_worked=(ONE - h - s) * p.planned_hours,
        holiday_hours=h * p.planned_hours,
        sick_hours=s * p.planned_hours,
        cover_hours_worked=cover_hours,
        gross_pay=gross,
        employer_ni=ni,
        pension=pension,
        periods=details,
        period_count=len(p.rules_ids),
    )


def _total(priced: Priced) -> Decimal:
    return sum(priced.lines.values(), ZERO)


# ----------------------------------------------------------------------------------------------------------------
# Step 3: the verdict and the checks


def _penny_rise_floor(prep: Prepared) -> Decimal:
    """Less than the total is sure to rise by when every PA's base rate rises by a penny, at any rate.

    Every line is a rounded straight line in the rate or rises with it: wages, holiday pay, full sick pay and
    cover by a PA rise by their exact share of the extra pay, less at most a penny each for rounding (two for
    rolled-up holiday, rounded from rounded wages); SSP, employer NI less the Employment Allowance, and the pension
    never fall as pay rises; the rest does not depend on the rate. So this bound needs no pricing."""
    accrual = prep.rates.holiday.irregular_hours_accrual.value if prep.rates.holiday else Decimal("0.1207")
    with_accrual = ONE + accrual
    full_sick_pay = prep.plan.sickness.pay == "full"
    floor = -PENNY  # a penny to spare
    for p in prep.pas:
        h, s = p.holiday_share, p.sick_share
        worked_share = ONE - h - s
        rolled_up = p.pa.holiday == "rolled-up"
        share = worked_share + (accrual * worked_share if rolled_up else h) + (s if full_sick_pay else ZERO)
        roundings = 2 + rolled_up + full_sick_pay  # wages, holiday pay (twice if rolled up), full sick pay
        for shape, (weighted, _, _, cover, *_) in enumerate(p.shape_terms):
            rise = ZERO
            slack = 0
            if weighted:
                rise += weighted * share
                slack += roundings
            if cover is not None:
                for hours in (cover[0], cover[2]):
                    if hours:
                        rise += hours * with_accrual
                        slack += 1
            if rise:
                floor += p.shape_counts[shape] * (rise - slack) * PENNY
    return floor


def max_affordable_rate(prep: Prepared, budget: Decimal, priced: Priced | None = None) -> Decimal | None:
    """The highest base hourly rate (to the penny) at which every PA's planned hours cost no more than ``budget``;
    None when even a penny an hour costs more (fixed costs, flat sleep-ins and agency cover alone exceed it).

    The cost rises with the rate, in straight lines between thresholds. Each pricing also says how fast the cost
    rises there (``Priced.slopes``), so the next guess is where that line meets the budget (Newton's method),
    starting from the plan's own pricing (``priced``). When the line says the answer is within a penny, the penny
    beside is tried at once. It never relies on a guess: the answer is a rate that fits next to one a penny higher
    that does not. Usually it prices the plan twice more."""
    if not any(p.weighted_total for p in prep.pas):
        return None  # no hours paid by the hour: the rate makes no difference
    tried: dict[Decimal, Decimal] = {}

    def cost(rate: Decimal) -> Decimal:
        found = tried.get(rate)
        if found is None:
            found = tried[rate] = _total(price(prep, rate, detail="lines"))
        return found

    def cost_and_slope(rate: Decimal) -> tuple[Decimal, Decimal]:
        result = price(prep, rate, detail="slopes")
        tried[rate] = total = _total(result)
        return total, sum(result.slopes, ZERO)

    lo: Decimal | None = None
    hi: Decimal | None = None
    # A penny more on the rate costs more than this: when less than it is left of the budget at a rate that fits,
    # a penny more does not fit, and when a rate costs less than this over the budget, a penny less fits.
    rise = _penny_rise_floor(prep)
    rates = {p.pa.hourly_rate for p in prep.pas}
    slope = sum(priced.slopes, ZERO) if priced is not None else ZERO
    if priced is not None and slope > 0:
        # The line through the plan's own pricing, with each PA's rate moved to the same one.
        known = _total(priced)
        if len(rates) == 1:
            start = next(iter(rates))
            tried[start] = known
            lo, hi = (start, None) if known <= budget else (None, start)
            if rise > 0 and lo is not None and budget - known < rise:
                return lo
            if rise > 0 and hi is not None and hi > PENNY and known - rise <= budget:
                return hi - PENNY
        moved = sum((s * p.pa.hourly_rate for s, p in zip(priced.slopes, prep.pas, strict=True)), ZERO)
        guess = (budget - known + moved) / slope
    else:
        start = max(PENNY, round_penny(sum((p.pa.hourly_rate for p in prep.pas), ZERO) / len(prep.pas)))
        known, slope = cost_and_slope(start)
        lo, hi = (start, None) if known <= budget else (None, start)
        guess = start + (budget - known) / slope if slope > 0 else start
    for step in range(80):
        guess = max(PENNY, min(guess.quantize(PENNY, rounding=ROUND_FLOOR), MAX_RATE))
        if lo is not None and hi is not None and step >= 6:
            guess = ((lo + hi) / 2).quantize(PENNY, rounding=ROUND_FLOOR)  # should the lines keep missing, halve
        if lo is not None and guess <= lo:
            guess = lo + PENNY
        if hi is not None and guess >= hi:
            guess = hi - PENNY
        if guess < PENNY:
            return None
        if step == 0 and slope > 0:
            known = cost(guess)  # usually the last pricing: the slope so far will do for a next guess
        else:
            known, slope = cost_and_slope(guess)
        if known <= budget:
            lo = guess
            if lo >= MAX_RATE:
                return None
            if rise > 0 and budget - known < rise:
                return lo
            if (hi is None or hi - lo > PENNY) and (slope <= 0 or budget - known < slope * PENNY):
                # The line says a penny more would not fit: try it.
                if cost(lo + PENNY) > budget:
                    return lo
                lo = lo + PENNY
        else:
            if guess == PENNY:
                return None
            hi = guess
            if rise > 0 and known - rise <= budget:
                return hi - PENNY
            if (lo is None or hi - lo > PENNY) and (slope <= 0 or known - budget <= slope * PENNY):
                # The line says a penny less would fit: try it.
                if cost(hi - PENNY) <= budget:
                    return hi - PENNY
                hi = hi - PENNY
                if hi == PENNY:
                    return None
        if lo is not None and hi is not None and hi - lo <= PENNY:
            return lo
        if slope > 0:
            guess = guess + (budget - known) / slope
        elif lo is not None and hi is not None:
            guess = (lo + hi) / 2
        else:
            guess = lo * 2 if lo is not None else guess / 2
    return lo


def _highest_minimum_wage(rates: RateBook, end: date) -> Decimal:
    """The highest band of any minimum wage in force on or before ``end`` (remembered per rates and end date)."""
    memo = _rules_cache(rates).highest_minimum_wage
    found = memo.get(end)
    if found is None:
        if len(memo) > CACHE_LIMIT:
            memo.clear()
        found = memo[end] = max(
            (band.value for table in rates.minimum_wage if table.effective <= end for band in table.bands),
            default=ZERO,
        )
    return found


def _minimum_wage_warnings(plan: Plan, rates: RateBook) -> list[str]:
    warnings = []
    # No band of any minimum wage in force up to the plan's end is above this: a PA paid at least this is not
    # checked date by date.
    highest = _highest_minimum_wage(rates, plan.end)
    for pa in plan.pa:
        assert pa.date_of_birth is not None  # noqa: S101 - the plan reader always resolves it
        has_waking = pa.summary_rota or any(s.kind == "waking" for s in pa.shift)
        if not has_waking or pa.hourly_rate >= highest:
            continue
        check_dates = {plan.start}
        year = plan.start.year
        while date(year, 4, 1) <= plan.end:
            if date(year, 4, 1) >= plan.start:
                check_dates.add(date(year, 4, 1))
            year += 1
        born = pa.date_of_birth
        for year in range(plan.start.year, plan.end.year + 1):
            birthday = add_months(born, 12 * (year - born.year))
            if (born.month, born.day) == (2, 29) and birthday.day == 28:
                birthday += timedelta(days=1)  # a 29 February birthday is 1 March in other years (see age_on)
            if plan.start <= birthday <= plan.end and year > born.year:
                check_dates.add(birthday)
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
    loaded: LoadedPlan,
    rates: RateBook | None = None,
    *,
    strict_rates: bool = False,
    affordable: bool = True,
    with_pay_periods: bool = True,
) -> CostResult:
    """Cost one plan: the breakdown, the verdict and the checks. Without ``with_pay_periods`` each PA's periods are not
    listed (their totals are; a batch run needs nothing more)."""
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
    priced = price(prep, detail="periods" if with_pay_periods else "totals")
    days = prep.days
    lines = [
        CostLine(line_id, LINE_LABELS[line_id], amount, _per_week(amount, days), _line_detail(line_id, plan))
        for line_id, amount in priced.lines.items()
    ]
    total = sum((line.amount for line in lines), ZERO)
    budget = round_penny(_fixed(plan.budget.amount, plan.budget.per, days))
    difference = budget - total
    total_pw, budget_pw = _per_week(total, days), _per_week(budget, days)
    planned = prep.hours.planned
    cost_per_hour = round_penny(total / planned) if planned > 0 else None
    buys = None
    if planned > 0 and total > 0:
        planned_exact = sum((p.planned_hours for p in prep.pas), ZERO)
        buys = (planned_exact * SEVEN / days * budget / total).quantize(TWO_PLACES)
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
    if plan.nation.value == "northern-ireland":
        for pa in plan.pa:
            if pa.holiday == "rolled-up":
                warnings.append(
                    f"{pa.name} is given rolled-up holiday pay, which the law allows only in Great Britain (Working "
                    "Time Regulations 1998 reg 16A); in Northern Ireland holiday must be paid when it is taken. "
                    "The cost is shown as asked."
                )
    for name in prep.unpaid_cover_pas:
        warnings.append(
            f"{name} covers the other PAs' absences, but nobody is named to cover {name}'s own holiday and "
            "sickness: those hours are counted as unpaid family care."
        )
    if prep.carried_forward:
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

    max_rate = max_affordable_rate(prep, budget, priced) if affordable else None
    if max_rate is not None and max_rate < max(pa.hourly_rate for pa in plan.pa):
        floors = [
            (pa.name, floor.hourly)
            for pa in plan.pa
            if (floor := minimum_wage(age_on(pa.date_of_birth, plan.start), plan.start, rates)) is not None
            and max_rate < floor.hourly
        ]
        if floors:
            name, hourly = floors[0]
            warnings.append(
                f"The highest base rate this budget affords, £{max_rate:.2f} an hour, is below the minimum wage "
                f"({name}: £{hourly:.2f}): the budget cannot pay for these hours lawfully."
            )
    pas = priced.pas
    return CostResult(
        plan=plan.name,
        source=loaded.source,
        start=plan.start,
        end=plan.end,
        days=days,
        nation=plan.nation.value,
        hours=prep.hours,
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
        rates_used=[str(TaxYear(y)) for y in sorted(prep.years_used)],
        rates_carried_forward=prep.carried_forward,
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
    unconfirmed = _unconfirmed(rates, prep.years_used)
    if unconfirmed:
        out.append("Figures not yet seen in an official source (marked unconfirmed in the data): " + unconfirmed)
    return out


def _unconfirmed(rates: RateBook, years: set[int]) -> str:
    """The figures of these years marked unconfirmed in the data, named (worked out once per set of years)."""
    memo = _rules_cache(rates).unconfirmed
    key = frozenset(years)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _list_unconfirmed(rates, years)
    return found


def _list_unconfirmed(rates: RateBook, years: set[int]) -> str:
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
