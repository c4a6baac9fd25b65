"""The ask and the plain statements (``pacost.render.words``): the ask's figures are the JSON result's, worked again
here from the total; each statement appears for a plan that triggers it and not otherwise."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hand import D, penny
from pacost.engine.cost import cost_plan
from pacost.money import pounds
from pacost.plan import LoadedPlan, load_plan, plan_from_dict
from pacost.rates import RateBook, bundled_rates
from pacost.render.json_out import to_dict
from pacost.render.words import plain_statements, the_ask
from pacost.result import CostResult

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def rates() -> RateBook:
    return bundled_rates()


def _example(name: str, rates: RateBook) -> CostResult:
    return cost_plan(load_plan(EXAMPLES / name, rates=rates), rates)


def _cost(rates: RateBook, pa: dict[str, Any], **budget: Any) -> CostResult:
    data = {
        "start": "2026-04-06",
        "budget": {"amount": "600", "per": "week", **budget},
        "cover": {"by": "agency", "rate": "30"},
        "pa": [{"name": "Jo", "hourly_rate": "13", **({} if "shift" in pa else {"hours_per_week": "18"}), **pa}],
    }
    plan, notes = plan_from_dict(data, rates=rates, today=date(2026, 12, 1))
    return cost_plan(LoadedPlan(plan, notes, "<test>", "0" * 64), rates)


def test_the_ask_is_the_json_results_figures(rates: RateBook) -> None:
    result = _example("single-pa-weekday.toml", rates)
    data = to_dict(result)
    total = Decimal(data["total"])
    every = data["budget_needed_every"]
    # The plan's 365 days: a week is 7 of them, four weeks 28, a year 365.
    assert every == {"week": str(penny(total * 7 / 365)), "4-weeks": str(penny(total * 28 / 365)), "year": str(total)}
    assert data["budget_needed"] == every["week"]  # the budget is per week
    per_hour = penny(total * 7 / 365 / 15)  # 15 funded hours a week
    assert data["budget_needed_per_funded_hour"] == str(per_hour)
    ask = the_ask(result)
    assert ask == (
        f"To fund this plan the council needs to pay {pounds(D(every['week']))} a week "
        f"({pounds(D(every['4-weeks']))} every 4 weeks and {pounds(D(every['year']))} a year), "
        f"{pounds(per_hour)} for each of the 15 hours a week it says it funds. At today's budget of £260.00 a week, "
        f"only {data['hours_per_week_budget_buys']} hours a week of the 15.02 planned can be bought."
    )


def test_the_ask_leads_with_the_budgets_own_period(rates: RateBook) -> None:
    result = _example("young-pa.toml", rates)  # a monthly budget
    ask = the_ask(result)
    assert ask is not None and ask.startswith(
        f"To fund this plan the council needs to pay {pounds(result.budget_needed)} a month ("
    )
    covered = the_ask(_example("covered-plan.json", rates))
    assert covered is not None and "Today's budget covers it" in covered and "can be bought" not in covered


def test_no_statement_where_the_numbers_say_nothing(rates: RateBook) -> None:
    assert plain_statements(_example("covered-plan.json", rates)) == []
    assert plain_statements(_cost(rates, {"age": 30}, hours_per_week="18")) == []


def test_a_rate_below_the_minimum_wage_and_below_the_pas_pay(rates: RateBook) -> None:
    # £141.48 a week for 18 funded hours is £7.86 an hour: below the £12.71 National Living Wage (2026-27, aged 21
    # and over) and below Jo's £13.00.
    result = _cost(rates, {"age": 30}, amount="141.48", hours_per_week="18")
    assert result.budget_implied_hourly_rate == D("7.86")
    said = plain_statements(result)
    assert said[0] == (
        "The council's £7.86 an hour is below the £12.71 an hour minimum wage for Jo (aged 30) — before any of the "
        "employer's costs."
    )
    assert said[1].startswith("The council's £7.86 an hour is less than the £13.00 an hour the PAs are paid")


def test_funded_hours_beside_planned_hours(rates: RateBook) -> None:
    more = plain_statements(_cost(rates, {"age": 30}, hours_per_week="28"))
    assert more == [
        # 18 hours over Monday to Friday: the year's 261 weekdays x 3.6 hours = 939.6 hours, 18.02 a week.
        "The council says it funds 28 hours a week, but the plan has 18.02: the other 9.98 hours a week are met "
        "only if someone gives them unpaid — often a family member."
    ]
    fewer = plain_statements(_cost(rates, {"age": 30}, hours_per_week="15"))
    assert fewer == [
        "The plan has 18.02 hours a week, 3.02 more than the 15 the council says it funds: the budget does not pay "
        "for them."
    ]


def test_why_no_pension_and_a_bank_holiday_rate_that_never_applies(rates: RateBook) -> None:
    young = plain_statements(_cost(rates, {"age": 19}))
    assert young == [
        "No workplace pension is paid for Jo: at 19 they are under 22, the age automatic enrolment starts (they may "
        "ask to join)."
    ]
    old = plain_statements(_cost(rates, {"date_of_birth": "1955-01-01", "hours_per_week": "30"}))
    assert old == [
        "No workplace pension is paid for Jo: over State Pension age, they are not enrolled automatically (they may "
        "ask to join)."
    ]
    weekends: dict[str, Any] = {"age": 30, "enhancements": {"bank_holiday": 2}}
    weekends["shift"] = [{"days": ["sat", "sun"], "start": "09:00", "end": "13:00"}]
    said = plain_statements(_cost(rates, weekends))
    assert said == [
        "Jo's bank-holiday rate (× 2) never applies: none of the hours they are paid by the hour falls on a bank "
        "holiday in the plan."
    ]
    weekdays = {**weekends, "shift": [{"days": ["mon"], "start": "09:00", "end": "13:00"}]}  # Easter Monday...
    assert plain_statements(_cost(rates, weekdays)) == []


def test_a_rate_below_the_pay_floor_the_council_committed_to(rates: RateBook) -> None:
    # £225.00 a week for 18 funded hours is £12.50 an hour. The Real Living Wage in force on 6 April 2026 is the one
    # due from 1 May 2025, £12.60 (data/pay_floors.toml); £12.50 is also below the £12.71 National Living Wage, said
    # first.
    result = _cost(rates, {"age": 30}, amount="225", hours_per_week="18", pay_commitment="real-living-wage")
    assert result.budget_implied_hourly_rate == D("12.50")
    said = plain_statements(result)
    assert (
        "The council's £12.50 an hour is below the Real Living Wage it has committed to, £12.60 an hour from "
        "1 May 2025 — before any of the employer's costs."
    ) in said
    assert (
        plain_statements(
            _cost(rates, {"age": 30}, amount="600", hours_per_week="18", pay_commitment="real-living-wage")
        )
        == []
    )
