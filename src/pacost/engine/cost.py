"""Costing one plan (docs/cost-model.md): the pipeline from a plan to its ``CostResult``.

``prepare`` (the rota in pay periods, the statutory figures, the shapes: nothing that depends on a rate), ``price``
(at the PAs' own rates), the verdict against the budget, ``highest_affordable_rate`` (re-pricing as a black box),
the checks and the assumptions. Nothing here imports typer or rich, or prints.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pacost.dates import TaxYear, per_week
from pacost.engine.affordable import Line, highest_affordable_rate
from pacost.engine.assumptions import assumption_text, ending_assumptions, model_assumptions
from pacost.engine.checks import affordable_rate_warning, plan_warnings
from pacost.engine.ending import EndingSums, ending_sums, liabilities, recruitment_cost, reserve_amount, reserve_of
from pacost.engine.periods import days_per, over_plan
from pacost.engine.prepare import Prepared, prepare
from pacost.engine.price import price, price_total
from pacost.errors import PacostError
from pacost.money import ZERO, percent, pounds, round_penny
from pacost.plan import LoadedPlan, Plan
from pacost.rates.book import RateBook, bundled_rates
from pacost.result import LINE_LABELS, CostLine, CostResult, Liabilities, Recruitment
from pacost.statutory.holiday import accrual_rate
from pacost.statutory.named_rates import NAMED_RATES, pay_floor

HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")


def weekly_amount(amount: Decimal, days: int) -> Decimal:
    """An amount over the plan's ``days`` as a week's, to the penny (cost model §8)."""
    return round_penny(per_week(amount, days))


def hours_budget_buys(planned_hours: Decimal, days: int, budget: Decimal, total: Decimal) -> Decimal:
    """The hours of care a week the budget buys at the plan's true cost per hour (to the hundredth)."""
    return (per_week(planned_hours, days) * budget / total).quantize(TWO_PLACES)


def budget_needed_for(total: Decimal, per: str, days: int) -> Decimal:
    """The budget, in the plan's own budget period (``per``), that a total over the plan's ``days`` needs."""
    return round_penny(total / days * days_per(per, days))


class EndLines(NamedTuple):
    """The lines that look past the recurring pay (cost model §11): the expected cost of replacing PAs who leave,
    and the contingency reserve's build-up when the budget funds it; with what they were worked out from."""

    recruitment: Decimal
    contingency: Decimal
    reserve: Decimal | None  # the reserve the plan asks for (funded or not)
    replacing: Recruitment | None


def end_lines(prep: Prepared, priced_total: Decimal, owed: Liabilities | None, rate: Decimal | None = None) -> EndLines:
    """The ``recruitment`` and ``contingency`` lines at the PAs' rates (or every PA at ``rate``), beside the
    priced lines' total. ``owed`` (what would be owed if the employment ended, at the same rates) is needed only
    for a reserve of ``"liabilities"``; without it such a reserve is not worked out."""
    replacing = recruitment_cost(prep, rate)
    recruitment = replacing[1] if replacing is not None else ZERO
    reserve = None
    if owed is not None or prep.plan.contingency.reserve != "liabilities":
        reserve = reserve_amount(prep, owed, priced_total + recruitment)
    contingency = reserve if reserve is not None and prep.plan.contingency.funded else ZERO
    return EndLines(recruitment, contingency, reserve, replacing[0] if replacing is not None else None)


def max_affordable_rate(prep: Prepared, budget: Decimal, sums: list[EndingSums], total: Decimal) -> Decimal | None:
    """The highest base hourly rate (to the penny) at which every PA's planned hours cost no more than ``budget``;
    None when even a penny an hour costs more (fixed costs, flat sleep-ins and agency cover alone exceed it), or
    when the rate makes no difference (no hours are paid by the hour)."""
    hours = sum((p.rate_hours_total for p in prep.pas), ZERO)
    if not hours:
        return None
    # A rough line through the plan's own pricing, for the first guess only: the costs that do not depend on the
    # rate (the fixed lines, an agency's cover, the sleep-ins' flat sums), and the rest as if every PA were paid the
    # plan's average rate (weighted by their hours).
    flats = sum((p.flat_total for p in prep.pas), ZERO)
    fixed = sum(prep.fixed.values(), ZERO) + prep.agency_holiday + prep.agency_sick + flats
    average = sum((p.pa.hourly_rate * p.rate_hours_total for p in prep.pas), ZERO) / hours
    per_pound = (total - fixed) / average if total > fixed else hours
    # Replacing PAs, and a funded reserve, cost more as the rate rises: priced at each rate tried.
    plan = prep.plan
    rate_bound = bool(plan.employer.per_hire) or plan.employer.training_hours > 0 or plan.contingency.funded

    # What would be owed is worked out at each rate only when the budget funds a reserve of it.
    owed_at_rate = plan.contingency.funded and plan.contingency.reserve == "liabilities"

    def total_at(rate: Decimal) -> Decimal:
        lines_total = price_total(prep, rate)
        if not rate_bound:
            return lines_total
        owed = liabilities(prep, sums, rate) if owed_at_rate else None
        extra = end_lines(prep, lines_total, owed, rate)
        return lines_total + extra.recruitment + extra.contingency

    same_rate = len({p.pa.hourly_rate for p in prep.pas}) == 1
    near = (average, total) if same_rate else None
    return highest_affordable_rate(total_at, budget, Line(fixed, per_pound), near=near)


def cost_plan(
    loaded: LoadedPlan,
    rates: RateBook | None = None,
    *,
    strict_rates: bool = False,
    affordable: bool = True,
    with_pay_periods: bool = True,
    with_assumptions: bool = True,
) -> CostResult:
    """Cost one plan: the breakdown, the verdict and the checks. Without ``with_pay_periods`` each PA's periods are
    not listed (their totals are; a batch run needs nothing more); without ``with_assumptions`` the assumptions are
    not written out (a batch CSV row has no column for them)."""
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
    sums = ending_sums(prep)
    owed = liabilities(prep, sums)
    ending = end_lines(prep, priced.total, owed)
    priced.lines["recruitment"] = ending.recruitment
    priced.lines["contingency"] = ending.contingency
    lines = [
        CostLine(
            line_id,
            LINE_LABELS[line_id],
            amount,
            weekly_amount(amount, days),
            _line_detail(line_id, plan, rates, ending),
        )
        for line_id, amount in priced.lines.items()
    ]
    total = sum((line.amount for line in lines), ZERO)
    budget = round_penny(over_plan(plan.budget.amount, plan.budget.per, days))
    difference = budget - total
    total_pw, budget_pw = weekly_amount(total, days), weekly_amount(budget, days)
    planned = prep.hours.planned
    cost_per_hour = round_penny(total / planned) if planned > 0 else None
    buys = None
    if planned > 0 and total > 0:
        buys = hours_budget_buys(sum((p.planned_hours for p in prep.pas), ZERO), days, budget, total)
    budget_needed = budget_needed_for(total, plan.budget.per, days)
    needed_every = {per: budget_needed_for(total, per, days) for per in ("week", "4-weeks", "year")}
    needed_per_funded_hour = None
    if plan.budget.hours_per_week:
        needed_per_funded_hour = round_penny(per_week(total, days) / plan.budget.hours_per_week)
    on_cost = None
    if priced.rota_pay > 0:
        on_cost = ((total - priced.rota_pay) / priced.rota_pay * HUNDRED).quantize(TWO_PLACES)
    implied = None
    if plan.budget.hours_per_week:
        implied = round_penny(per_week(budget, days) / plan.budget.hours_per_week)

    warnings = plan_warnings(plan, prep, priced.pas, rates)
    if loaded.assumptions:
        warnings.append(f"{len(loaded.assumptions)} figure(s) came from defaults: see the assumptions.")
    assumptions = []
    if with_assumptions:
        assumptions = [assumption_text(a) for a in loaded.assumptions]
        assumptions += model_assumptions(plan, prep, rates)
        assumptions += ending_assumptions(plan, rates, owed, ending.replacing)

    max_rate = max_affordable_rate(prep, budget, sums, total) if affordable else None
    if max_rate is not None:
        below = affordable_rate_warning(plan, max_rate, rates)
        if below is not None:
            warnings.append(below)
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
        pas=priced.pas,
        warnings=warnings,
        assumptions=assumptions,
        rates_used=[str(TaxYear(y)) for y in sorted(prep.years_used)],
        rates_carried_forward=prep.carried_forward,
        sha256=loaded.sha256,
        needed_every=needed_every,
        needed_per_funded_hour=needed_per_funded_hour,
        pay_commitment=_pay_commitment(plan, rates),
        liabilities=owed,
        reserve=reserve_of(prep, ending.reserve, budget) if ending.reserve is not None else None,
        recruitment=ending.replacing,
        overrides=loaded.overrides,
        scenario=loaded.scenario,
    )


def _pay_commitment(plan: Plan, rates: RateBook) -> tuple[str, Decimal, date] | None:
    """The pay floor the council has committed to, as it stands at the plan's start (None when there is none, or
    pacost has no figure for it then)."""
    name = plan.budget.pay_commitment
    if name is None:
        return None
    try:
        floor = pay_floor(rates, name, plan.start)
    except PacostError:
        return None
    return NAMED_RATES[name], floor.value, floor.from_date


def _line_detail(line_id: str, plan: Plan, rates: RateBook, ending: EndLines) -> str | None:
    if line_id == "recruitment" and ending.replacing is not None:
        return (
            f"{ending.replacing.turnover_percent}% of PAs leave a year; {pounds(ending.replacing.cost_per_hire)} a hire"
        )
    if line_id == "contingency" and ending.contingency:
        return f"the reserve of {pounds(ending.contingency)}, built up over the plan"
    if line_id == "other" and plan.employer.other:
        return ", ".join(o.name for o in plan.employer.other)
    if line_id in ("holiday_cover", "sick_cover"):
        if plan.cover.by == "agency":
            nights = f", £{plan.cover.sleep_in_rate:.2f} a sleep-in" if plan.cover.sleep_in_rate is not None else ""
            return f"agency at £{plan.cover.rate:.2f} an hour{nights}"
        if plan.cover.by == "pa":
            assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
            return f"{plan.cover.pa} at their own rate plus {percent(accrual_rate(rates.holiday))} holiday pay"
        return "unpaid family care (no cost)"
    return None
