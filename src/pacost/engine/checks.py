"""The checks on a costed plan (cost model §10): warnings, never failures. A rate below the minimum wage for the PA's
age on a date, an average week above the working-time limit (``data/working_time.toml``), holiday below the
statutory minimum, rolled-up holiday pay in Northern Ireland, a PA who covers with nobody to cover them, figures
carried forward, and a budget whose highest affordable rate is below the minimum wage. Every figure comes from the
data; every rule it applies is in ``pacost.statutory``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pacost.dates import per_week
from pacost.engine.prepare import Prepared
from pacost.plan import Plan
from pacost.rates.book import RateBook
from pacost.result import PaResult
from pacost.statutory.holiday import statutory_weeks
from pacost.statutory.minimum_wage import highest_minimum_wage, minimum_wage, minimum_wage_changes
from pacost.statutory.state_pension import age_on


def minimum_wage_warnings(plan: Plan, rates: RateBook) -> list[str]:
    warnings = []
    # No band of any minimum wage in force up to the plan's end is above this: a PA paid at least this is not
    # checked date by date.
    highest = highest_minimum_wage(rates, plan.end)
    first_known = rates.minimum_wage[0].effective
    for pa in plan.pa:
        has_waking = pa.summary_rota or any(s.kind == "waking" for s in pa.shift)
        # A named rate is never below the minimum wage for the PA's age (``statutory.named_rates``).
        if not has_waking or pa.hourly_rate >= highest or pa.named_rate is not None:
            continue
        for when in minimum_wage_changes(pa.date_of_birth, plan.start, plan.end, rates):
            if when < first_known:
                continue
            floor = minimum_wage(age_on(pa.date_of_birth, when), when, rates)
            if floor is not None and pa.hourly_rate < floor.hourly:
                warnings.append(
                    f"{pa.name}'s £{pa.hourly_rate:.2f} an hour is below the minimum wage for their age "
                    f"({floor.band}: £{floor.hourly:.2f} from {floor.effective:%-d %B %Y}), on {when:%-d %B %Y}."
                )
                break
    return warnings


def plan_warnings(plan: Plan, prep: Prepared, pas: list[PaResult], rates: RateBook) -> list[str]:
    """Every warning about the plan as costed, in the order people read them."""
    days = prep.days
    warnings = list(prep.warnings)
    warnings += minimum_wage_warnings(plan, rates)
    assert rates.working_time is not None  # noqa: S101 - RateBook.check_complete guarantees it
    limit = rates.working_time.maximum_weekly_hours.value
    for p in pas:
        weekly = per_week(p.planned_hours - p.holiday_hours - p.sick_hours + p.cover_hours_worked, days)
        if weekly > limit:
            warnings.append(
                f"{p.name} works {weekly:.1f} hours in an average week, above the {limit}-hour limit of the Working "
                "Time Regulations unless they have opted out in writing."
            )
    assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
    minimum = statutory_weeks(rates.holiday)
    for pa in plan.pa:
        if pa.holiday_weeks < minimum:
            warnings.append(
                f"{pa.name}'s {pa.holiday_weeks} weeks' holiday is below the statutory {minimum} weeks a year."
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
    return warnings


def affordable_rate_warning(plan: Plan, max_rate: Decimal, rates: RateBook) -> str | None:
    """A warning when the highest base rate the budget affords is below a PA's minimum wage at the plan start."""
    if max_rate >= max(pa.hourly_rate for pa in plan.pa):
        return None
    start: date = plan.start
    for pa in plan.pa:
        floor = minimum_wage(age_on(pa.date_of_birth, start), start, rates)
        if floor is not None and max_rate < floor.hourly:
            return (
                f"The highest base rate this budget affords, £{max_rate:.2f} an hour, is below the minimum wage "
                f"({pa.name}: £{floor.hourly:.2f}): the budget cannot pay for these hours lawfully."
            )
    return None
