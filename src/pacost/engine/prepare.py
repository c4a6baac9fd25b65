"""Preparing a plan for pricing: everything that does not depend on an hourly rate (cost model §1-§7).

For each PA: their rota (``pacost.engine.rota``) summed into their pay periods (``pacost.engine.periods``) by kind
of hour; each period's statutory figures (``pacost.statutory``), looked up once per distinct pay date, frequency and
age; their share of the year on holiday and off sick; and, for the PA who covers the others, the others' absences
summed into their own pay periods. Periods alike in all that pricing reads (most weeks of a weekly rota) share a
``Shape``, so that ``pacost.engine.price`` prices each shape once.

Nothing here knows a rate of pay, the budget or the terminal.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from pacost.dates import DAYS_IN_YEAR, WEEKDAYS, PayFrequency, per_week
from pacost.engine.periods import PeriodGrid, over_plan, period_grid, saturday_after, year_runs
from pacost.engine.rota import (
    BANK_HOLIDAY,
    COMBOS,
    NIGHT,
    WEEKEND,
    PaRota,
    PeriodRota,
    PlanCalendar,
    ScheduledDays,
    ShiftPattern,
    minute_of,
    plan_calendar,
    summary_patterns,
)
from pacost.money import ZERO, round_penny
from pacost.plan import PA, Enhancements, Plan
from pacost.rates.book import RateBook
from pacost.records import tuple_of
from pacost.result import Hours
from pacost.statutory.holiday import holiday_share
from pacost.statutory.named_rates import named_rate
from pacost.statutory.ni import EmployerNiFigures, NiCategory, category_for_age, employer_ni_figures
from pacost.statutory.pension import PensionThresholds, pension_thresholds
from pacost.statutory.state_pension import age_on, state_pension_date

ONE = Decimal(1)
#: The flag combinations that include a bank holiday.
BANK_HOLIDAY_COMBOS = tuple(k for k in range(COMBOS) if k & BANK_HOLIDAY)
_COMBO_RANGE = range(COMBOS)
TWO_PLACES = Decimal("0.01")


# ----------------------------------------------------------------------------------------------------------------
# The named parts


class PeriodFigures(NamedTuple):
    """The statutory figures of one PA's pay period: fixed by the pay date, the frequency and the PA's age, not by
    what they earn. ``tax_year`` is the pay date's (whose Employment Allowance the NI counts against);
    ``figures_year`` the tax year whose figures were used (the latest known, for a date past it)."""

    ni_category: NiCategory
    employer_ni: EmployerNiFigures
    pension: PensionThresholds
    age: int
    over_state_pension_age: bool
    figures_year: int
    tax_year: int


class PricedFigures(NamedTuple):
    """The part of a period's figures that pricing reads."""

    employer_ni: EmployerNiFigures
    pension: PensionThresholds
    age: int
    over_state_pension_age: bool


class CoverSums(NamedTuple):
    """The cover a PA works in one of their pay periods for the other PAs' absences: the others' waking hours
    weighted by the coverer's own multipliers (``*_rate_hours``: pay is the coverer's rate times this) and their
    sleep-in flat sums, while they are on holiday and while they are off sick."""

    holiday_rate_hours: Decimal
    holiday_flat: Decimal
    sick_rate_hours: Decimal
    sick_flat: Decimal


class SickSpells(NamedTuple):
    """Spells of sickness expected to start in a pay period on the PA's days in one tax year (whose SSP rules
    apply to them) that fall in weeks of ``qualifying_days`` qualifying days (each spell is paid at that week's
    daily rate). ``kind`` numbers the (tax year, qualifying days): its place in ``PreparedPA.spell_kinds``."""

    figures_year: int
    qualifying_days: int
    spells: Decimal
    kind: int


class Shape(NamedTuple):
    """What pricing reads of a pay period. Periods alike in all of it share one shape, priced once."""

    rate_hours: Decimal  # waking hours weighted by their multipliers: the period's pay is the hourly rate x this
    flat: Decimal  # ... plus the sleep-ins' flat sums
    sickness: tuple[SickSpells, ...]
    cover: CoverSums | None  # the cover this PA works for the others, if they are the one who covers
    figures: PricedFigures
    hourly_rate: Decimal | None  # the PA's named rate in this period (``hourly_rate = "nlw"``), else None


class CutShort(NamedTuple):
    """The last pay period, when the plan ends before it does: the shape of its days inside the plan (``inside``)
    and the shape of the whole period as the PA works it (``whole``: another period's shape when it is alike, else
    one priced for it alone), both indices into ``PreparedPA.shapes``."""

    inside: int
    whole: int


@dataclass(eq=False)  # working state: equal only to itself
class PreparedPA:
    """One PA, ready to be priced at any hourly rate."""

    pa: PA
    rota: PaRota
    grid: PeriodGrid  # this PA's pay periods
    figures: list[PeriodFigures]  # the distinct sets of statutory figures of this PA's pay periods
    figures_of: list[int]  # per pay period: which of them
    sums: list[PeriodRota]  # the distinct sums of this PA's rota over their pay periods
    sums_of: list[int]  # per pay period: which of them
    summed_of: list[int]  # the same, and last the whole last period's when the plan ends before it does
    rate_hours: list[Decimal]  # per distinct sum: waking hours weighted by their multipliers
    multipliers: tuple[Decimal, ...]
    planned_hours: Decimal
    sleep_in_hours: Decimal
    sleep_ins: int  # the sleep-in nights over the plan
    sleep_in_flats: Decimal  # their flat sums
    bank_holiday_hours: Decimal  # the waking hours on bank holidays over the plan
    state_pension_date: date  # the day the PA reaches State Pension age
    scheduled_days: int
    holiday_share: Decimal
    sick_share: Decimal
    worked_share: Decimal  # the rest of the PA's days: 1 - holiday_share - sick_share
    whole_last: PeriodRota | None = None  # the last period's rota, whole, when the plan ends before it does
    # Cover this PA works for the others (when they are the one who covers): the distinct sums, and which of them
    # each of their pay periods has; and the cover in the last period whole.
    cover: list[CoverSums] | None = None
    cover_of: list[int] | None = None
    whole_last_cover: CoverSums | None = None
    cover_hours: Decimal = ZERO  # the hours of the others' absences this PA works
    rate_hours_total: Decimal = ZERO  # over the plan: the rota pay is the hourly rate x this, plus ``flat_total``
    flat_total: Decimal = ZERO
    shapes: list[Shape] = field(default_factory=list)
    shape_of: list[int] = field(default_factory=list)  # per pay period: its shape
    shape_counts: list[int] = field(default_factory=list)  # per shape: how many periods have it
    shape_first: list[int] = field(default_factory=list)  # per shape: its first period
    # Per tax year of the pay dates: its shapes, as (shape, periods with it in the year); the year with most last.
    tax_year_shapes: list[tuple[int, list[tuple[int, int]]]] = field(default_factory=list)
    cut: CutShort | None = None
    spell_kinds: list[tuple[int, int]] = field(default_factory=list)  # the shapes' (tax year, qualifying days)
    # A PA paid a named rate (``hourly_rate = "nlw"``): the distinct rates, which of them each pay period has, and
    # the rota pay over the plan at them (without the sleep-ins' flat sums).
    named_rates: list[Decimal] | None = None
    named_rate_of: list[int] | None = None
    named_rota_pay: Decimal = ZERO

    @property
    def period_count(self) -> int:
        return len(self.figures_of)

    def nights_charge(self, per_night: Decimal | None) -> Decimal:
        """What an agency charges for this PA's sleep-in nights over the plan: ``per_night`` each, or, with none
        given, the PA's own flat sum for each (never the night's hours at an hourly rate)."""
        return self.sleep_ins * per_night if per_night is not None else self.sleep_in_flats

    def _shape(
        self,
        rota: PeriodRota,
        hours: Decimal,
        cover: CoverSums | None,
        figures: PricedFigures,
        spell_days: int,
        period: int,
        sicknesses: dict[tuple[ScheduledDays, ...], tuple[SickSpells, ...]],
    ) -> Shape:
        sickness = sicknesses.get(rota.scheduled)  # (periods with the same scheduled days have the same spells)
        if sickness is None:
            kinds = self.spell_kinds
            spells_of = []
            for part in rota.scheduled:
                kind = (part.figures_year, part.qualifying_days)
                if kind not in kinds:
                    kinds.append(kind)
                spells = self.sick_share * part.days / spell_days
                spells_of.append(
                    tuple_of(SickSpells, (part.figures_year, part.qualifying_days, spells, kinds.index(kind)))
                )
            sickness = sicknesses[rota.scheduled] = tuple(spells_of)
        own = None
        if self.named_rates is not None and self.named_rate_of is not None:
            own = self.named_rates[self.named_rate_of[period]]
        return tuple_of(Shape, (hours, rota.sleep_in_flat, sickness, cover, figures, own))

    def find_shapes(self, spell_days: int) -> None:
        """Number the periods by shape: each distinct rota sum, set of figures and cover is numbered by its values,
        and a period's shape is the combination of those numbers (counted in C, period by period)."""
        sums_of, figures_of = self.sums_of, self.figures_of
        # Summed period by period, in order, as a payroll would.
        self.rate_hours_total = sum(map(self.rate_hours.__getitem__, sums_of), ZERO)
        flats = [s.sleep_in_flat for s in self.sums]
        self.flat_total = sum(map(flats.__getitem__, sums_of), ZERO)
        by_value: dict[object, int] = {}
        sum_numbers = [
            by_value.setdefault((hours, s.sleep_in_flat, s.scheduled), len(by_value))
            for hours, s in zip(self.rate_hours, self.sums, strict=True)
        ]
        by_value = {}
        priced_figures = [
            PricedFigures(f.employer_ni, f.pension, f.age, f.over_state_pension_age) for f in self.figures
        ]
        figures_numbers = [by_value.setdefault(f, len(by_value)) for f in priced_figures]
        columns: list[Iterable[int]] = [
            map(sum_numbers.__getitem__, sums_of),
            map(figures_numbers.__getitem__, figures_of),
        ]
        if self.cover is not None and self.cover_of is not None:
            by_value = {}
            cover_numbers = [by_value.setdefault(c, len(by_value)) for c in self.cover]
            columns.append(map(cover_numbers.__getitem__, self.cover_of))
        if self.named_rate_of is not None:
            columns.append(iter(self.named_rate_of))
        if self.whole_last is not None:  # the last period is priced apart from any other
            columns.append(iter([0] * (self.period_count - 1) + [1]))
        # One pass over the periods, in order: each period's shape (numbered in order of first appearance), each
        # shape's count and first period, and each tax year's shapes with their counts in it.
        tax_years = [f.tax_year for f in self.figures]
        index: dict[tuple[int, ...], int] = {}
        shape_of: list[int] = []
        counts: list[int] = []
        firsts: list[int] = []
        by_year: dict[int, dict[int, int]] = {}
        in_year: dict[int, int] = {}
        year = None
        for k, (key, period_year) in enumerate(
            zip(zip(*columns, strict=True), map(tax_years.__getitem__, figures_of), strict=True)
        ):
            shape = index.get(key)
            if shape is None:
                shape = index[key] = len(counts)
                counts.append(1)
                firsts.append(k)
            else:
                counts[shape] += 1
            shape_of.append(shape)
            if period_year != year:
                year = period_year
                in_year = by_year.setdefault(year, {})
            in_year[shape] = in_year.get(shape, 0) + 1
        self.shape_of, self.shape_counts, self.shape_first = shape_of, counts, firsts
        self.tax_year_shapes = sorted(
            ((year, list(shapes.items())) for year, shapes in by_year.items()), key=lambda item: len(item[1])
        )
        sicknesses: dict[tuple[ScheduledDays, ...], tuple[SickSpells, ...]] = {}
        self.shapes = [
            self._shape(
                self.sums[sums_of[first]],
                self.rate_hours[sums_of[first]],
                self.cover[self.cover_of[first]] if self.cover is not None and self.cover_of is not None else None,
                priced_figures[figures_of[first]],
                spell_days,
                first,
                sicknesses,
            )
            for first in self.shape_first
        ]
        if self.whole_last is not None:
            last = self.period_count - 1
            whole = self._shape(
                self.whole_last,
                rate_hours(self.whole_last, self.multipliers),
                self.whole_last_cover,
                priced_figures[figures_of[last]],
                spell_days,
                last,
                sicknesses,
            )
            if whole in self.shapes:  # the whole period is like another (a whole week, say): priced once
                self.cut = CutShort(self.shape_of[last], self.shapes.index(whole))
            else:
                self.cut = CutShort(self.shape_of[last], len(self.shapes))
                self.shapes.append(whole)
                self.shape_counts.append(0)
                self.shape_first.append(last)


@dataclass(eq=False)  # working state: equal only to itself
class Prepared:
    """A plan ready to be priced at any hourly rate: each PA, the hours, the agency's cover charge and the fixed
    lines (both the same at any rate), and what was learnt on the way."""

    plan: Plan
    rates: RateBook
    days: int
    pas: list[PreparedPA]
    warnings: list[str]
    agency_holiday: Decimal
    agency_sick: Decimal
    hours: Hours
    unpaid_cover_pas: list[str]
    years_used: set[int]
    carried_forward: bool
    fixed: dict[str, Decimal]  # insurance, payroll and other costs


# ----------------------------------------------------------------------------------------------------------------
# A PA's rota and multipliers


def shift_patterns(pa: PA) -> list[ShiftPattern]:
    """A PA's rota in the form the rota engine expands."""
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


@lru_cache(maxsize=256)
def multipliers_of(e: Enhancements) -> tuple[Decimal, ...]:
    """The multiplier for each flag combination: the highest of those that apply (1 when none do)."""
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


def multipliers(pa: PA) -> tuple[Decimal, ...]:
    """A PA's multiplier for each flag combination (``multipliers_of`` their enhancements)."""
    return multipliers_of(pa.enhancements)


def rate_hours(rota: PeriodRota, mult: Sequence[Decimal]) -> Decimal:
    """Waking hours weighted by their multipliers: a period's pay is the hourly rate times this, plus flat sums."""
    waking = rota.waking
    return sum([waking[k] * mult[k] for k in _COMBO_RANGE if waking[k]], ZERO)


# ----------------------------------------------------------------------------------------------------------------
# Statutory figures per pay period


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


def ni_figures_on(rates: RateBook, pay_date: date, frequency: PayFrequency, category: NiCategory) -> EmployerNiFigures:
    """The employer NI figures for a pay period of ``frequency`` paid on ``pay_date`` (remembered by the book)."""
    memo = rates.memo("employer NI figures")
    key = (rates.in_force(pay_date), frequency, category)
    found: EmployerNiFigures | None = memo.get(key)
    if found is None:
        found = memo.put(key, employer_ni_figures(rates, pay_date=pay_date, frequency=frequency, category=category))
    return found


def pension_figures_on(rates: RateBook, pay_date: date, frequency: PayFrequency) -> PensionThresholds:
    """The auto-enrolment figures for a pay period of ``frequency`` paid on ``pay_date`` (remembered by the book)."""
    memo = rates.memo("pension thresholds")
    key = (rates.in_force(pay_date).figures_year, frequency)
    found: PensionThresholds | None = memo.get(key)
    if found is None:
        found = memo.put(key, pension_thresholds(rates, pay_date=pay_date, frequency=frequency))
    return found


def period_figures(
    pa: PA, grid: PeriodGrid, rates: RateBook, pension_date: date
) -> tuple[list[int], list[PeriodFigures]]:
    """Each pay period's statutory figures, as an index into the distinct sets of them: looked up once per set of
    figures in force, NI letter and age, since most periods of a year share them. ``pension_date``: the day the PA
    reaches State Pension age."""
    frequency = grid.frequency
    born = pa.date_of_birth
    fixed_category = NiCategory(pa.ni_category) if pa.ni_category is not None else None
    distinct: list[PeriodFigures] = []
    ids: list[int] = []
    figures_of, in_force = grid.figures_of, grid.in_force
    for first, stop, age, over in _age_runs(born, pension_date, grid):
        category = fixed_category or category_for_age(age, over_state_pension_age=over)
        run = figures_of[first:stop]
        seen: dict[int, int] = {}
        for key in dict.fromkeys(run):  # each set of figures in the run once, looked up on its first pay date
            pay_date = grid.pay_date(first + run.index(key))
            seen[key] = len(distinct)
            distinct.append(
                PeriodFigures(
                    category,
                    ni_figures_on(rates, pay_date, frequency, category),
                    pension_figures_on(rates, pay_date, frequency),
                    age,
                    over,
                    in_force[key].figures_year,
                    in_force[key].tax_year,
                )
            )
        ids.extend(map(seen.__getitem__, run))
    return ids, distinct


def named_rates_of(name: str, born: date, grid: PeriodGrid, rates: RateBook) -> tuple[list[Decimal], list[int]]:
    """A named rate (``statutory.named_rates``) for each pay period, as it stands on the period's first day: the
    distinct rates, and which of them each period has."""
    distinct: dict[Decimal, int] = {}
    rate_of = []
    for first in grid.spans.firsts:
        hourly = named_rate(name, born, grid.start + timedelta(days=first), rates).hourly
        rate_of.append(distinct.setdefault(hourly, len(distinct)))
    return list(distinct), rate_of


# ----------------------------------------------------------------------------------------------------------------
# The plan


def fixed_lines(plan: Plan, days: int) -> dict[str, Decimal]:
    """The lines that do not depend on anyone's pay: insurance, payroll and other costs, over the plan's days."""
    employer = plan.employer
    return {
        "insurance": round_penny(over_plan(employer.insurance.amount, employer.insurance.per, days)),
        "payroll": round_penny(over_plan(employer.payroll.amount, employer.payroll.per, days)),
        "other": round_penny(sum((over_plan(o.amount, o.per, days) for o in employer.other), ZERO)),
    }


def _prepare_pa(
    pa: PA, plan: Plan, rates: RateBook, calendar: PlanCalendar, grid: PeriodGrid, days_in_plan: int
) -> tuple[PreparedPA, list[str]]:
    warnings: list[str] = []
    night = (int(minute_of(pa.night.start)), int(minute_of(pa.night.end)))
    rota = PaRota(calendar, shift_patterns(pa), night)
    summed_of, sums = rota.period_ids(grid.summed)
    sums_of = summed_of[: len(grid)]
    whole_last = sums[summed_of[-1]] if grid.last_cut else None
    mult = multipliers(pa)
    pension_date = state_pension_date(pa.date_of_birth, rates)  # dates of birth rarely repeat: not remembered
    figures_of, figures = period_figures(pa, grid, rates, pension_date)
    planned = sleep = night_flats = bank_holiday_hours = ZERO
    nights = 0
    for i, n in Counter(sums_of).items():
        s = sums[i]
        planned += s.hours * n
        if s.sleep_ins:
            sleep += s.sleep_in_hours * n
            nights += s.sleep_ins * n
            night_flats += s.sleep_in_flat * n
        waking = s.waking
        for k in BANK_HOLIDAY_COMBOS:
            if waking[k]:
                bank_holiday_hours += waking[k] * n
    scheduled = (rota.scheduled_mask & ((1 << days_in_plan) - 1)).bit_count()
    holiday = holiday_share(pa.holiday_weeks)
    sick = ZERO
    if scheduled:
        yearly_days = Decimal(scheduled) * DAYS_IN_YEAR / days_in_plan
        sick = plan.sickness.days_per_year / yearly_days
        if sick > ONE - holiday:
            warnings.append(
                f"{pa.name}: {plan.sickness.days_per_year} sick days a year is more than the days they are "
                "scheduled to work outside their holiday; sickness is capped at all of those days."
            )
            sick = max(ZERO, ONE - holiday)
    else:
        warnings.append(f"{pa.name} has no shifts between {plan.start} and {plan.end}.")
    named: tuple[list[Decimal], list[int]] | None = None
    if pa.named_rate is not None:
        named = named_rates_of(pa.named_rate, pa.date_of_birth, grid, rates)
    prepared = PreparedPA(
        pa=pa,
        rota=rota,
        grid=grid,
        figures=figures,
        figures_of=figures_of,
        sums=sums,
        sums_of=sums_of,
        summed_of=summed_of,
        rate_hours=[rate_hours(s, mult) for s in sums],
        multipliers=mult,
        planned_hours=planned,
        sleep_in_hours=sleep,
        sleep_ins=nights,
        sleep_in_flats=night_flats,
        bank_holiday_hours=bank_holiday_hours,
        state_pension_date=pension_date,
        scheduled_days=scheduled,
        holiday_share=holiday,
        sick_share=sick,
        worked_share=ONE - holiday - sick,
        whole_last=whole_last,
    )
    if named is not None:
        prepared.named_rates, prepared.named_rate_of = named
        prepared.named_rota_pay = sum(
            (prepared.named_rates[r] * prepared.rate_hours[k] for r, k in zip(named[1], sums_of, strict=True)), ZERO
        )
    return prepared, warnings


def _cover_sums(mult: Sequence[Decimal], absent: list[tuple[PreparedPA, PeriodRota]]) -> CoverSums:
    """The cover of one period: each absent PA's rota in it, at the coverer's multipliers, times their shares."""
    holiday_hours = holiday_flat = sick_hours = sick_flat = ZERO
    for other, rota in absent:
        hours = rate_hours(rota, mult)
        holiday, sick = other.holiday_share, other.sick_share
        holiday_hours += holiday * hours
        holiday_flat += holiday * rota.sleep_in_flat
        sick_hours += sick * hours
        sick_flat += sick * rota.sleep_in_flat
    return CoverSums(holiday_hours, holiday_flat, sick_hours, sick_flat)


def _add_cover(coverer: PreparedPA, others: list[PreparedPA]) -> None:
    """The others' absences summed into the coverer's pay periods (at the coverer's own multipliers)."""
    mult = coverer.multipliers
    grid = coverer.grid
    # For each of the coverer's periods (and their last one whole), which distinct sum of each absent PA's rota
    # falls in it.
    # (A PA paid on the same days as the coverer has their sums already.)
    absent = [
        (
            other,
            (other.summed_of, other.sums) if other.grid.summed == grid.summed else other.rota.period_ids(grid.summed),
        )
        for other in others
    ]
    seen: dict[tuple[int, ...], int] = {}
    distinct: list[CoverSums] = []
    cover_of = []
    for k in range(coverer.period_count):
        key = tuple(ids[k] for _, (ids, _) in absent)
        index = seen.get(key)
        if index is None:
            index = seen[key] = len(distinct)
            distinct.append(_cover_sums(mult, [(other, sums[ids[k]]) for other, (ids, sums) in absent]))
        cover_of.append(index)
    coverer.cover = distinct
    coverer.cover_of = cover_of
    if grid.last_cut:
        coverer.whole_last_cover = _cover_sums(mult, [(other, sums[ids[-1]]) for other, (ids, sums) in absent])
    coverer.cover_hours = sum(((o.holiday_share + o.sick_share) * o.planned_hours for o in others), ZERO)


def prepare(plan: Plan, rates: RateBook) -> Prepared:
    """Everything about the plan that does not depend on an hourly rate."""
    days_in_plan = (plan.end - plan.start).days + 1
    years = year_runs(plan.start, plan.end, rates)
    grids = [period_grid(rates, plan.start, plan.end, PayFrequency(pa.pay_frequency), years) for pa in plan.pa]
    # The calendar runs past the plan's end: a last pay period that does is costed whole, and SSP's daily rate
    # counts the scheduled days of a whole Sunday-to-Saturday week.
    last_day = saturday_after(max(grid.last_pay_date for grid in grids))
    calendar = plan_calendar(plan.start, last_day, plan.nation, rates.memo("plan calendars"))
    warnings: list[str] = []
    prepared: list[PreparedPA] = []
    # Every tax year the plan's days fall in has figures it uses: SSP for a sickness that starts then, and NI,
    # pension and the Employment Allowance for a pay date then.
    years_used = {run.figures_year for run in years}
    for pa, grid in zip(plan.pa, grids, strict=True):
        p, pa_warnings = _prepare_pa(pa, plan, rates, calendar, grid, days_in_plan)
        prepared.append(p)
        warnings += pa_warnings
        years_used.update(f.figures_year for f in p.figures)
    # Figures are carried forward for a pay date past the last tax year known (the latest pay date tells).
    carried_forward = rates.carried_forward(max(grid.pay_date(len(grid) - 1) for grid in grids))

    # Who covers each PA's absence, and the hours.
    cover = plan.cover
    cover_pa = cover.pa if cover.by == "pa" else None
    planned = holiday_hours = sick_hours = unpaid = sleep_total = ZERO
    agency_holiday = agency_sick = ZERO
    unpaid_cover_pas: list[str] = []
    for p in prepared:
        holiday, sick = p.holiday_share, p.sick_share
        planned += p.planned_hours
        sleep_total += p.sleep_in_hours
        holiday_hours += holiday * p.planned_hours
        sick_hours += sick * p.planned_hours
        by = cover.by
        if by == "pa" and p.pa.name == cover_pa:
            by = "family"
            unpaid_cover_pas.append(p.pa.name)
        if by == "family":
            unpaid += (holiday + sick) * p.planned_hours
        elif by == "agency":
            assert cover.rate is not None  # noqa: S101 - the plan reader requires it for agency cover
            # Waking hours by the hour; a sleep-in night at the agency's sleep-in charge, or the PA's own flat sum.
            waking = p.planned_hours - p.sleep_in_hours
            agency_holiday += holiday * waking * cover.rate
            agency_sick += sick * waking * cover.rate
            if p.sleep_ins:
                nights = p.nights_charge(cover.sleep_in_rate)
                agency_holiday += holiday * nights
                agency_sick += sick * nights
    if cover_pa is not None:
        coverer = next(p for p in prepared if p.pa.name == cover_pa)
        _add_cover(coverer, [p for p in prepared if p is not coverer])
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
        planned_per_week=per_week(planned, days_in_plan).quantize(TWO_PLACES),
    )
    return Prepared(
        plan=plan,
        rates=rates,
        days=days_in_plan,
        pas=prepared,
        warnings=warnings,
        agency_holiday=round_penny(agency_holiday),
        agency_sick=round_penny(agency_sick),
        hours=hours,
        unpaid_cover_pas=unpaid_cover_pas,
        years_used=years_used,
        carried_forward=carried_forward,
        fixed=fixed_lines(plan, days_in_plan),
    )
