"""The plain-English sentences every renderer shares: the verdict, the key figures, and the changes a run made to
the plan."""

from __future__ import annotations

from dataclasses import dataclass

from pacost.money import pounds
from pacost.result import CostResult


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
