"""Pricing a prepared plan at given hourly rates (cost model §3-§8): each PA's pay periods, shape by shape, then the
lines of the breakdown.

For each shape of pay period: the pay for the rota at the PA's rate; wages for the share of it worked; holiday pay
(a share of the pay, or rolled-up on the wages); sick pay (full pay, or Statutory Sick Pay for the spells expected
to start in the period); the pay for cover the PA works for the others; and on the period's earnings, employer NI
and the pension contribution — every rule from ``pacost.statutory``. Every amount on a payslip is rounded to the
penny, so the lines of the breakdown add up exactly to the total. The Employment Allowance is set against the NI of
each tax year; the fixed lines were worked out once, in ``pacost.engine.prepare``. ``price_total`` is the same
total without the lines, for the affordable-rate search.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, NamedTuple

from pacost.dates import per_week
from pacost.engine.prepare import Prepared, PreparedPA
from pacost.money import ZERO, round_penny
from pacost.rates.models import HolidayRules
from pacost.records import tuple_of
from pacost.result import LINE_IDS, PaResult, PeriodDetail, WholePeriod
from pacost.statutory.allowance import allowance_used
from pacost.statutory.holiday import rolled_up_holiday_pay, with_rolled_up_holiday
from pacost.statutory.minimum_wage import minimum_wage
from pacost.statutory.ni import employer_ni_on
from pacost.statutory.pension import WorkerCategory, assess_worker, employer_contribution, enrolled_from
from pacost.statutory.ssp import SspTerms, spell_ssp, ssp_terms

ONE = Decimal(1)

#: How much ``price`` keeps beside the lines: each PA's pay periods, or each PA's totals only.
Detail = Literal["periods", "totals"]


class PeriodPay(NamedTuple):
    """One shape of pay period, priced: what the PA is paid, their earnings for NI and pension, and the employer's
    NI."""

    wages: Decimal
    holiday_pay: Decimal
    sick_pay: Decimal
    holiday_cover_pay: Decimal
    sick_cover_pay: Decimal
    earnings: Decimal
    employer_ni: Decimal


class PricedShapes(NamedTuple):
    """A PA's shapes of pay period priced at one rate; when auto-enrolment enrols them, the first pay period it
    does (they stay enrolled) and each shape's employer pension contribution; and the rota pay over the plan."""

    shapes: list[PeriodPay]
    enrolled_from: int | None  # a pay period's index; None: never enrolled
    pensions: list[Decimal]  # per shape, while enrolled (empty when never enrolled)
    rota_pay: Decimal


@dataclass(eq=False)  # working state: equal only to itself
class Priced:
    """The plan priced at one set of rates: the lines of the breakdown, each PA's figures (as asked for) and the
    rota pay (what the PAs would earn working every planned hour)."""

    lines: dict[str, Decimal]
    pas: list[PaResult]
    rota_pay: Decimal

    @property
    def total(self) -> Decimal:
        return sum(self.lines.values(), ZERO)


def _price_shapes(p: PreparedPA, rate: Decimal | None, prep: Prepared, holiday_rules: HolidayRules) -> PricedShapes:
    """Each of a PA's shapes of pay period priced at ``rate`` (None: each shape at the PA's named rate in it), with
    their pension (worked out only when they are enrolled), and their rota pay over the plan."""
    rates, plan = prep.rates, prep.plan
    holiday, sick, worked_share = p.holiday_share, p.sick_share, p.worked_share
    rota_pay = p.named_rota_pay + p.flat_total if rate is None else rate * p.rate_hours_total + p.flat_total
    rolled_up = p.pa.holiday == "rolled-up"
    full_sick_pay = plan.sickness.pay == "full"
    # SSP for one spell of each kind (the tax year whose rules apply, the qualifying days in the week).
    per_spell: list[Decimal] = []
    if not full_sick_pay and sick:
        average_weekly_earnings = per_week(rota_pay, prep.days)
        terms: dict[int, SspTerms] = {}
        memo = rates.memo("SSP per spell")  # remembered by what it depends on
        spell_days = plan.sickness.spell_days
        for year, qualifying in p.spell_kinds:
            year_terms = terms.get(year)
            if year_terms is None:
                year_terms = terms[year] = ssp_terms(rates.ssp[year], average_weekly_earnings)
            key = (year, year_terms, spell_days, qualifying)
            found: Decimal | None = memo.get(key)
            if found is None:
                found = memo.put(key, spell_ssp(rates.ssp[year], year_terms, spell_days, qualifying).amount)
            per_spell.append(found)
    priced = []
    for rate_hours, flat, sickness, cover, figures, named in p.shapes:
        if rate is None:
            assert named is not None  # noqa: S101 - price passes None only for a PA paid a named rate
            rate_here = named
        else:
            rate_here = rate
        # (A zero is never added: it changes no sum, and decimal arithmetic is where the time goes.)
        pay = rate_here * rate_hours + flat if flat else rate_here * rate_hours
        wages = round_penny(worked_share * pay)
        holiday_pay = rolled_up_holiday_pay(wages, holiday_rules) if rolled_up else round_penny(holiday * pay)
        if full_sick_pay:
            sick_pay = round_penny(sick * pay)
        elif per_spell and sickness:
            # The spells expected to start in the period, each paid as the SSP rules of its tax year give.
            _, _, spells, kind = sickness[0]
            ssp = spells * per_spell[kind]
            for _, _, spells, kind in sickness[1:]:
                ssp += spells * per_spell[kind]
            sick_pay = round_penny(ssp)
        else:
            sick_pay = ZERO
        if cover is None:
            holiday_cover = sick_cover = ZERO
            earnings = wages + holiday_pay + sick_pay if sick_pay else wages + holiday_pay
        else:
            holiday_cover = with_rolled_up_holiday(
                rate_here * cover.holiday_rate_hours + cover.holiday_flat, holiday_rules
            )
            sick_cover = with_rolled_up_holiday(rate_here * cover.sick_rate_hours + cover.sick_flat, holiday_rules)
            earnings = wages + holiday_pay + sick_pay + holiday_cover + sick_cover
        priced.append(
            tuple_of(
                PeriodPay,
                (
                    wages,
                    holiday_pay,
                    sick_pay,
                    holiday_cover,
                    sick_cover,
                    earnings,
                    employer_ni_on(earnings, figures.employer_ni),
                ),
            )
        )
    cut = p.cut
    share = ZERO
    if cut is not None:
        inside, whole = priced[cut.inside], priced[cut.whole]
        share = inside.earnings / whole.earnings if whole.earnings else ZERO
        priced[cut.inside] = counted_share(inside, whole, share)
    # Auto-enrolment assesses the periods in order until one enrols the PA (shapes are numbered in the order of
    # their first periods, so the first shape that enrols them has that period); the contributions only then.
    first_shape = enrolled_from(p.pa.pension, _assessments(p, priced))
    if first_shape is None:
        return tuple_of(PricedShapes, (priced, None, [], rota_pay))
    pensions = [
        employer_contribution(s.earnings, shape.figures.pension) for s, shape in zip(priced, p.shapes, strict=True)
    ]
    if cut is not None:
        pensions[cut.inside] = round_penny(pensions[cut.whole] * share)
    return tuple_of(PricedShapes, (priced, p.shape_first[first_shape], pensions, rota_pay))


def _assessments(p: PreparedPA, priced: list[PeriodPay]) -> Iterator[WorkerCategory]:
    """How auto-enrolment assesses the PA in each shape of pay period, in order, as asked for: a period cut short
    by the plan's end is assessed on the whole period."""
    cut = p.cut
    for k, (s, shape) in enumerate(zip(priced, p.shapes, strict=True)):
        if cut is not None and k == cut.inside:
            s, shape = priced[cut.whole], p.shapes[cut.whole]
        figures = shape.figures
        yield assess_worker(
            figures.age, s.earnings, figures.pension, over_state_pension_age=figures.over_state_pension_age
        )


def counted_share(inside: PeriodPay, whole: PeriodPay, share: Decimal) -> PeriodPay:
    """A last pay period that runs past the plan's end, as the plan counts it (cost model §2): its pay for the days
    inside the plan, and that pay's share (``share``: of the whole period's earnings) of the employer NI on the
    whole period's earnings, to the penny. (Its pension is the same share of the whole period's, and whether
    auto-enrolment enrols the PA is the whole period's assessment.)"""
    return tuple_of(
        PeriodPay,
        (
            inside.wages,
            inside.holiday_pay,
            inside.sick_pay,
            inside.holiday_cover_pay,
            inside.sick_cover_pay,
            inside.earnings,
            round_penny(whole.employer_ni * share),  # employer_ni
        ),
    )


def price(prep: Prepared, rate_override: Decimal | None = None, *, detail: Detail = "periods") -> Priced:
    """Cost the prepared plan. With ``rate_override``, every PA is paid that base hourly rate (their enhancements
    kept). ``detail`` says how much to keep beside the lines: each PA's pay periods, or only each PA's totals."""
    rates = prep.rates
    assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
    holiday_rules = rates.holiday
    lines = dict.fromkeys(LINE_IDS, ZERO)
    claims_allowance = prep.plan.employer.employment_allowance
    ni_by_tax_year: dict[int, Decimal] = {}
    pa_results: list[PaResult] = []
    total_rota_pay = ZERO
    wages = holiday_pay = sick_pay = holiday_cover = sick_cover = employer_ni = pension = ZERO

    for p in prep.pas:
        rate = rate_override if rate_override is not None else p.pa.hourly_rate
        # A PA paid a named rate is paid it period by period, unless every PA is given one rate.
        follows_named = rate_override is None and p.named_rates is not None
        priced_shapes = _price_shapes(p, None if follows_named else rate, prep, holiday_rules)
        priced, start, pensions = priced_shapes.shapes, priced_shapes.enrolled_from, priced_shapes.pensions
        total_rota_pay += priced_shapes.rota_pay
        if detail == "totals":
            # Only the sums are wanted: each shape's figures times the number of its periods.
            pa_ni = gross = ZERO
            for count, s in zip(p.shape_counts, priced, strict=True):
                # Most shapes are one period's (a month's): a product by one, or a sum with zero, is skipped.
                if count == 1:
                    wages += s.wages
                    holiday_pay += s.holiday_pay
                    if s.sick_pay:
                        sick_pay += s.sick_pay
                    if s.holiday_cover_pay:
                        holiday_cover += s.holiday_cover_pay
                    if s.sick_cover_pay:
                        sick_cover += s.sick_cover_pay
                    if s.employer_ni:
                        pa_ni += s.employer_ni
                    gross += s.earnings
                elif count:
                    wages += count * s.wages
                    holiday_pay += count * s.holiday_pay
                    if s.sick_pay:
                        sick_pay += count * s.sick_pay
                    if s.holiday_cover_pay:
                        holiday_cover += count * s.holiday_cover_pay
                    if s.sick_cover_pay:
                        sick_cover += count * s.sick_cover_pay
                    if s.employer_ni:
                        pa_ni += count * s.employer_ni
                    gross += count * s.earnings
            employer_ni += pa_ni
            if pa_ni and claims_allowance:
                _count_ni(p, priced, pa_ni, ni_by_tax_year)
            pa_pension = _pension(p, priced_shapes)
            pension += pa_pension
            pa_results.append(_pa_result(p, rate, gross, pa_ni, pa_pension, [], prep))
            continue
        details: list[PeriodDetail] = []
        gross = pa_ni = pa_pension = ZERO
        last = p.period_count - 1
        for k, (shape, period) in enumerate(zip(p.shape_of, p.grid.periods(), strict=True)):
            s = priced[shape]
            figures = p.figures[p.figures_of[k]]
            enrolled = start is not None and k >= start
            period_pension = pensions[shape] if enrolled else ZERO
            if s.employer_ni:
                ni_by_tax_year[figures.tax_year] = ni_by_tax_year.get(figures.tax_year, ZERO) + s.employer_ni
            wages += s.wages
            holiday_pay += s.holiday_pay
            sick_pay += s.sick_pay
            holiday_cover += s.holiday_cover_pay
            sick_cover += s.sick_cover_pay
            employer_ni += s.employer_ni
            pension += period_pension
            gross += s.earnings
            pa_ni += s.employer_ni
            pa_pension += period_pension
            whole = None
            if k == last and p.cut is not None:
                w = priced[p.cut.whole]
                whole = WholePeriod(
                    end=p.grid.last_pay_date,
                    days=(p.grid.last_pay_date - period.start).days + 1,
                    earnings=w.earnings,
                    employer_ni=w.employer_ni,
                    pension=pensions[p.cut.whole] if enrolled else ZERO,
                )
            details.append(
                PeriodDetail(
                    start=period.start,
                    end=period.end,
                    pay_date=whole.end if whole is not None else period.end,
                    days=period.days,
                    whole=period.whole,
                    wages=s.wages,
                    holiday_pay=s.holiday_pay,
                    sick_pay=s.sick_pay,
                    cover_pay=s.holiday_cover_pay + s.sick_cover_pay,
                    earnings=s.earnings,
                    ni_category=figures.ni_category.value,
                    employer_ni=s.employer_ni,
                    pension=period_pension,
                    whole_period=whole,
                )
            )
        pa_results.append(_pa_result(p, rate, gross, pa_ni, pa_pension, details, prep))

    lines["wages"] = wages
    lines["holiday_pay"] = holiday_pay
    lines["sick_pay"] = sick_pay
    lines["holiday_cover"] = prep.agency_holiday + holiday_cover
    lines["sick_cover"] = prep.agency_sick + sick_cover
    lines["employer_ni"] = employer_ni
    lines["pension"] = pension
    if claims_allowance:
        lines["employment_allowance"] = -allowance_used(ni_by_tax_year, rates)
    lines.update(prep.fixed)
    return Priced(lines, pa_results, total_rota_pay)


def _pension(p: PreparedPA, priced: PricedShapes) -> Decimal:
    """The PA's pension contributions over the plan, from the first pay period that enrols them."""
    total = ZERO
    start = priced.enrolled_from
    if start is not None:
        enrolled_counts = p.shape_counts if start == 0 else Counter(p.shape_of[start:])
        for shape, pension in enumerate(priced.pensions):
            if pension:
                total += enrolled_counts[shape] * pension
    return total


def _count_ni(p: PreparedPA, priced: list[PeriodPay], pa_ni: Decimal, ni_by_tax_year: dict[int, Decimal]) -> None:
    """Add the PA's employer NI (``pa_ni`` in all) to each tax year's, for its Employment Allowance. The tax year
    with the most shapes has what the others leave of ``pa_ni`` (the sums are exact: no product is added twice)."""
    rest = pa_ni
    *others, (last_year, _) = p.tax_year_shapes
    for year, shapes in others:
        year_ni = ZERO
        for shape, n in shapes:
            shape_ni = priced[shape].employer_ni
            if shape_ni:
                year_ni += n * shape_ni
        if year_ni:
            ni_by_tax_year[year] = ni_by_tax_year.get(year, ZERO) + year_ni
            rest -= year_ni
    if rest:
        ni_by_tax_year[last_year] = ni_by_tax_year.get(last_year, ZERO) + rest


def price_total(prep: Prepared, rate: Decimal) -> Decimal:
    """The plan's total with every PA paid ``rate`` (their enhancements kept): what ``price``'s lines add up to,
    worked out without them (a period's earnings are its pay lines' sum), for the affordable-rate search, which
    asks for nothing else."""
    rates = prep.rates
    assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
    claims_allowance = prep.plan.employer.employment_allowance
    ni_by_tax_year: dict[int, Decimal] = {}
    total = ZERO
    for p in prep.pas:
        priced_shapes = _price_shapes(p, rate, prep, rates.holiday)
        priced = priced_shapes.shapes
        pa_ni = ZERO
        for count, s in zip(p.shape_counts, priced, strict=True):
            if count == 1:
                total += s.earnings
                if s.employer_ni:
                    pa_ni += s.employer_ni
            elif count:
                total += count * s.earnings
                if s.employer_ni:
                    pa_ni += count * s.employer_ni
        total += pa_ni + _pension(p, priced_shapes)
        if pa_ni and claims_allowance:
            _count_ni(p, priced, pa_ni, ni_by_tax_year)
    total += prep.agency_holiday + prep.agency_sick + sum(prep.fixed.values(), ZERO)
    if claims_allowance:
        total -= allowance_used(ni_by_tax_year, rates)
    return total


def _pa_result(
    p: PreparedPA,
    rate: Decimal,
    gross: Decimal,
    ni: Decimal,
    pension: Decimal,
    details: list[PeriodDetail],
    prep: Prepared,
) -> PaResult:
    holiday, sick = p.holiday_share, p.sick_share
    first = p.figures[p.figures_of[0]] if p.figures_of else None
    age = first.age if first is not None else 0
    wage = minimum_wage(age, prep.plan.start, prep.rates) if first is not None else None
    return PaResult(
        name=p.pa.name,
        hourly_rate=rate,
        pay_frequency=p.pa.pay_frequency,
        planned_hours=p.planned_hours,
        hours_worked=(ONE - holiday - sick) * p.planned_hours,
        holiday_hours=holiday * p.planned_hours,
        sick_hours=sick * p.planned_hours,
        cover_hours_worked=p.cover_hours,
        gross_pay=gross,
        employer_ni=ni,
        pension=pension,
        periods=details,
        period_count=p.period_count,
        age_at_start=age,
        minimum_wage_at_start=wage.hourly if wage is not None else None,
        over_state_pension_age_at_start=first.over_state_pension_age if first is not None else False,
        pension_choice=p.pa.pension,
        pension_minimum_age=first.pension.minimum_age if first is not None else 0,
        bank_holiday_multiplier=p.pa.enhancements.bank_holiday,
        bank_holiday_hours=p.bank_holiday_hours,
    )
