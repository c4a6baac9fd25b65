"""The plain-English sentences every renderer shares: the verdict, the key figures, the changes a run made to the
plan, and what the employer would owe if the employment ended."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pacost.money import pounds
from pacost.result import ASKED_FOR_LINES, CostLine, CostResult


def period_phrase(result: CostResult) -> str:
    """``a year`` for a year-long plan, else ``over these 90 days``."""
    if result.days in (365, 366):
        return "a year"
    return f"over these {result.days} days"


def changes(result: CostResult) -> str | None:
    """``With changes for this run: pa.0.hourly_rate=13.50, budget.amount=+5%`` (and the scenario's name), or None
    for the plan as written. Shown wherever the plan file's name and SHA-256 are, which are of the file as written."""
    if not result.overrides:
        return None
    named = f" (“{result.scenario}”)" if result.scenario else ""
    return f"With changes for this run{named}: {', '.join(result.overrides)}."


def verdict(result: CostResult) -> str:
    """One sentence a carer understands at a glance."""
    gap = abs(result.difference)
    weekly = abs(result.difference_per_week)
    if result.covered:
        if result.difference == 0:
            return "This budget exactly covers the true cost of the plan."
        return (
            f"This budget covers the true cost, with {pounds(gap)} {period_phrase(result)} to spare — "
            f"{pounds(weekly)} a week."
        )
    return f"This budget falls {pounds(gap)} {period_phrase(result)} short — {pounds(weekly)} a week."


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str


def key_figures(result: CostResult) -> list[KeyFigure]:
    """The verdict's figures, in order, ready to print (amounts in pounds, hours with two decimals)."""
    out = [
        KeyFigure("True cost", f"{pounds(result.total)} ({pounds(result.total_per_week)} a week)"),
        KeyFigure("Budget", f"{pounds(result.budget)} ({pounds(result.budget_per_week)} a week)"),
    ]
    if result.share_covered_percent is not None:
        out.append(KeyFigure("Share of the cost the budget covers", f"{result.share_covered_percent}%"))
    out.append(KeyFigure("Hours of care planned", f"{result.hours.planned} ({result.hours.planned_per_week} a week)"))
    if result.cost_per_planned_hour is not None:
        out.append(KeyFigure("True cost per planned hour", pounds(result.cost_per_planned_hour)))
    if result.hours_per_week_budget_buys is not None:
        out.append(KeyFigure("Hours a week the budget really buys", f"{result.hours_per_week_budget_buys}"))
    if result.max_affordable_hourly_rate is not None:
        out.append(KeyFigure("Highest base hourly rate the budget affords", pounds(result.max_affordable_hourly_rate)))
    else:
        out.append(KeyFigure("Highest base hourly rate the budget affords", "none: fixed costs alone exceed it"))
    out.append(KeyFigure(f"Budget needed (per {result.budget_per})", pounds(result.budget_needed)))
    if result.on_cost_percent is not None:
        out.append(KeyFigure("True on-costs on top of the PAs' pay", f"{result.on_cost_percent}%"))
    if result.budget_implied_hourly_rate is not None and result.funded_hours_per_week is not None:
        out.append(
            KeyFigure(
                f"Hourly rate the budget implies ({result.funded_hours_per_week} funded hours a week)",
                pounds(result.budget_implied_hourly_rate),
            )
        )
    if result.hours.unpaid_family > 0:
        out.append(KeyFigure("Hours of cover left to unpaid family", f"{result.hours.unpaid_family}"))
    return out


def shown_lines(result: CostResult) -> list[CostLine]:
    """The breakdown's lines as people read them: a line a plan has only when it asks for it (replacing PAs, the
    reserve) is left out when it is zero. (JSON and CSV keep every line.)"""
    return [line for line in result.lines if line.amount or line.id not in ASKED_FOR_LINES]


def _weeks(weeks: Decimal) -> str:
    text = f"{weeks.normalize():f}" if weeks == weeks.to_integral_value() else f"{weeks:.2f}".rstrip("0")
    return f"{text} week" + ("" if weeks == 1 else "s")


def ending_summary(result: CostResult) -> str | None:
    """What the employer would owe if the employment ended, in one paragraph (None without the figures)."""
    owed = result.liabilities
    if owed is None:
        return None
    return (
        f"If the employment of every PA ended on {owed.ending:%-d %B %Y}, the employer would owe "
        f"{pounds(owed.total)}: {pounds(owed.redundancy_pay)} statutory redundancy pay, {pounds(owed.notice_pay)} "
        f"notice pay and {pounds(owed.holiday_pay)} for holiday accrued and not taken, with "
        f"{pounds(owed.employer_ni)} employer's National Insurance and {pounds(owed.pension)} pension on the notice "
        "and holiday pay (none is due on redundancy pay). "
        + (
            "It is not a recurring cost: the reserve the plan funds for it is counted in the cost above."
            if result.reserve is not None and result.reserve.funded
            else "This is not part of the cost above: it is what would fall due at the end."
        )
    )


def ending_rows(result: CostResult) -> list[tuple[str, str, str, str, str, str]]:
    """Per PA: who (with their service), redundancy pay, notice pay, holiday owed, NI and pension on them, total."""
    owed = result.liabilities
    if owed is None:
        return []
    rows = []
    for x in owed.pas:
        years = f"{x.years_of_service} full year" + ("" if x.years_of_service == 1 else "s")
        redundancy = pounds(x.redundancy_pay) + (
            f" ({_weeks(x.redundancy_weeks)} × {pounds(min(x.week_pay, x.week_pay_limit))})"
            if x.redundancy_weeks
            else " (service too short)"
        )
        notice = pounds(x.notice_pay) + (f" ({_weeks(Decimal(x.notice_weeks))})" if x.notice_weeks else "")
        holiday = pounds(x.holiday_pay) + (f" ({_weeks(x.holiday_weeks)})" if x.holiday_weeks else "")
        on_costs = pounds(x.notice_employer_ni + x.holiday_employer_ni + x.notice_pension)
        rows.append(
            (
                f"{x.name}, from {x.employed_since:%-d %B %Y} ({years}, age {x.age})",
                redundancy,
                notice,
                holiday,
                on_costs,
                pounds(x.total),
            )
        )
    return rows


def ending_sentences(result: CostResult) -> list[str]:
    """``ending_rows`` as one sentence a PA, for a narrow screen."""
    return [
        f"{who}: redundancy pay {redundancy}, notice pay {notice}, holiday owed {holiday}, NI and pension "
        f"{on_costs}; in all {total}."
        for who, redundancy, notice, holiday, on_costs, total in ending_rows(result)
    ]


def reserve_sentences(result: CostResult) -> list[str]:
    """The contingency reserve the plan asks for, whether the budget funds it, and whether it fits in the balance
    the council lets the account hold."""
    reserve = result.reserve
    if reserve is None:
        return []
    basis = {"liabilities": "what the employer would owe if the employment ended", "amount": "the plan's amount"}
    what = basis.get(reserve.basis, f"{reserve.basis} of the true cost")
    out = [
        f"The plan asks for a contingency reserve of {pounds(reserve.amount)} ({what})"
        + (
            ", funded from the budget: building it up is counted in the cost as its own line."
            if reserve.funded
            else ", not funded from the budget: it is not part of the cost."
        )
    ]
    if reserve.balance_limit is not None and reserve.over_balance_limit is not None:
        limit = f"The council lets the account hold at most {pounds(reserve.balance_limit)}"
        if reserve.over_balance_limit:
            out.append(
                f"{limit}: the reserve is {pounds(reserve.over_balance_limit)} more than that, so it cannot be held "
                "in the account as the council's rules stand."
            )
        else:
            out.append(f"{limit}: the reserve fits, with {pounds(reserve.balance_limit - reserve.amount)} to spare.")
    return out
