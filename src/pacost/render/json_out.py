"""The JSON form of a result (``pacost cost --format json``): fixed keys, money as two-decimal strings, a schema
version."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pacost.money import money_str
from pacost.result import CostLine, CostResult, Liabilities, PaResult, Recruitment, Reserve, WholePeriod
from pacost.safe_text import json_text


def optional_money(value: Decimal | None) -> str | None:
    """An amount as a two-decimal string, or None (the JSON form, which a batch CSV row shares)."""
    return None if value is None else money_str(value)


def hours_text(value: Decimal | None) -> str | None:
    """Hours to the hundredth, or None."""
    return None if value is None else f"{value:.2f}"


def _whole(whole: WholePeriod) -> dict[str, Any]:
    return {
        "end": whole.end.isoformat(),
        "days": whole.days,
        "earnings": money_str(whole.earnings),
        "employer_ni": money_str(whole.employer_ni),
        "pension": money_str(whole.pension),
    }


def _pa(pa: PaResult, detail: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": pa.name,
        "hourly_rate": money_str(pa.hourly_rate),
        "pay_frequency": pa.pay_frequency,
        "planned_hours": hours_text(pa.planned_hours),
        "hours_worked": hours_text(pa.hours_worked),
        "holiday_hours": hours_text(pa.holiday_hours),
        "sick_hours": hours_text(pa.sick_hours),
        "cover_hours_worked": hours_text(pa.cover_hours_worked),
        "gross_pay": money_str(pa.gross_pay),
        "employer_ni": money_str(pa.employer_ni),
        "pension": money_str(pa.pension),
        "periods": pa.period_count,
    }
    if detail:
        out["pay_periods"] = [
            {
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "pay_date": p.pay_date.isoformat(),
                "days": p.days,
                "whole": p.whole,
                "wages": money_str(p.wages),
                "holiday_pay": money_str(p.holiday_pay),
                "sick_pay": money_str(p.sick_pay),
                "cover_pay": money_str(p.cover_pay),
                "earnings": money_str(p.earnings),
                "ni_category": p.ni_category,
                "employer_ni": money_str(p.employer_ni),
                "pension": money_str(p.pension),
            }
            | ({"whole_period": _whole(p.whole_period)} if p.whole_period is not None else {})
            for p in pa.periods
        ]
    return out


def to_dict(result: CostResult, *, detail: bool = False, brief: bool = False) -> dict[str, Any]:
    """The result as JSON data. ``brief`` leaves out each PA's figures and the assumptions (a comparison of plans
    shows neither); everything else is the same."""
    h = result.hours
    return {
        "schema": result.schema,
        "plan": result.plan,
        "source": result.source,
        "period": {"start": result.start.isoformat(), "end": result.end.isoformat(), "days": result.days},
        "nation": result.nation,
        "hours": {
            "planned": hours_text(h.planned),
            "by_pas": hours_text(h.by_pas),
            "holiday_cover": hours_text(h.holiday_cover),
            "sick_cover": hours_text(h.sick_cover),
            "unpaid_family": hours_text(h.unpaid_family),
            "sleep_in": hours_text(h.sleep_in),
            "planned_per_week": hours_text(h.planned_per_week),
        },
        "lines": [_line(line) for line in result.lines],
        "total": money_str(result.total),
        "budget": money_str(result.budget),
        "difference": money_str(result.difference),
        "covered": result.covered,
        "share_covered_percent": None if result.share_covered_percent is None else str(result.share_covered_percent),
        "per_week": {
            "total": money_str(result.total_per_week),
            "budget": money_str(result.budget_per_week),
            "difference": money_str(result.difference_per_week),
        },
        "rota_pay": money_str(result.rota_pay),
        "cost_per_planned_hour": optional_money(result.cost_per_planned_hour),
        "hours_per_week_budget_buys": hours_text(result.hours_per_week_budget_buys),
        "max_affordable_hourly_rate": optional_money(result.max_affordable_hourly_rate),
        "budget_needed": money_str(result.budget_needed),
        "budget_needed_every": None
        if result.needed_every is None
        else {per: money_str(amount) for per, amount in result.needed_every.items()},
        "budget_needed_per_funded_hour": optional_money(result.needed_per_funded_hour),
        "pay_commitment": None
        if result.pay_commitment is None
        else {
            "floor": result.pay_commitment[0],
            "hourly_rate": money_str(result.pay_commitment[1]),
            "from": result.pay_commitment[2].isoformat(),
        },
        "budget_per": result.budget_per,
        "on_cost_percent": None if result.on_cost_percent is None else str(result.on_cost_percent),
        "funded_hours_per_week": hours_text(result.funded_hours_per_week),
        "budget_implied_hourly_rate": optional_money(result.budget_implied_hourly_rate),
        "liabilities": _liabilities(result.liabilities, brief),
        "contingency": _reserve(result.reserve),
        "recruitment": _recruitment(result.recruitment),
        "pas": [] if brief else [_pa(pa, detail) for pa in result.pas],
        "warnings": list(result.warnings),
        "assumptions": [] if brief else list(result.assumptions),
        "rates_used": list(result.rates_used),
        "rates_carried_forward": result.rates_carried_forward,
        "plan_sha256": result.sha256,
        "pacost_version": result.pacost_version,
    } | _changes(result)


def _line(line: CostLine) -> dict[str, str]:
    out = {"id": line.id, "label": line.label, "amount": money_str(line.amount), "per_week": money_str(line.per_week)}
    if line.detail:
        out["detail"] = line.detail
    return out


def _liabilities(owed: Liabilities | None, brief: bool) -> dict[str, Any] | None:
    """What the employer would owe if the employment ended on the day: never part of ``total``. Employer's NI is
    due on notice pay and holiday pay, not on statutory redundancy pay. ``brief`` leaves out each PA's part."""
    if owed is None:
        return None
    return {
        "ending": owed.ending.isoformat(),
        "redundancy_pay": money_str(owed.redundancy_pay),
        "notice_pay": money_str(owed.notice_pay),
        "holiday_pay": money_str(owed.holiday_pay),
        "employer_ni": money_str(owed.employer_ni),
        "pension": money_str(owed.pension),
        "total": money_str(owed.total),
        "employer_ni_due_on": ["notice_pay", "holiday_pay"],
        "employer_ni_not_due_on": ["redundancy_pay"],
        "pas": []
        if brief
        else [
            {
                "name": x.name,
                "employed_since": x.employed_since.isoformat(),
                "years_of_service": x.years_of_service,
                "age": x.age,
                "week_pay": money_str(x.week_pay),
                "week_pay_limit": money_str(x.week_pay_limit),
                "redundancy_weeks": str(x.redundancy_weeks),
                "redundancy_pay": money_str(x.redundancy_pay),
                "notice_weeks": x.notice_weeks,
                "notice_pay": money_str(x.notice_pay),
                "notice_employer_ni": money_str(x.notice_employer_ni),
                "notice_pension": money_str(x.notice_pension),
                "leave_year_start": x.leave_year_start.isoformat(),
                "holiday_week_pay": money_str(x.holiday_week_pay),
                "holiday_weeks": f"{x.holiday_weeks:.2f}",
                "holiday_pay": money_str(x.holiday_pay),
                "holiday_employer_ni": money_str(x.holiday_employer_ni),
                "total": money_str(x.total),
            }
            for x in owed.pas
        ],
    }


def _reserve(reserve: Reserve | None) -> dict[str, Any] | None:
    if reserve is None:
        return None
    return {
        "reserve": reserve.basis,
        "amount": money_str(reserve.amount),
        "funded": reserve.funded,
        "balance_limit": optional_money(reserve.balance_limit),
        "over_balance_limit": optional_money(reserve.over_balance_limit),
    }


def _recruitment(replacing: Recruitment | None) -> dict[str, Any] | None:
    if replacing is None:
        return None
    return {
        "turnover_percent": str(replacing.turnover_percent),
        "expected_hires": f"{replacing.expected_hires:.2f}",
        "cost_per_hire": money_str(replacing.cost_per_hire),
    }


def _changes(result: CostResult) -> dict[str, Any]:
    """The changes made to the plan for this run, when there are any: the file's SHA-256 is of the plan as written."""
    if not result.overrides:
        return {}
    return {"overrides": list(result.overrides)} | ({"scenario": result.scenario} if result.scenario else {})


def render_json(result: CostResult, *, detail: bool = False) -> str:
    return json_text(to_dict(result, detail=detail), indent=2) + "\n"
