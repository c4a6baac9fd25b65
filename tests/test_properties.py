"""Invariants of the cost model, checked on generated plans (Hypothesis): the lines add up exactly to the total;
the total never falls when an hourly rate rises or a shift gets longer; NI and pension are never negative; a plan
round-trips through JSON; the verdict's highest affordable rate fits the budget and a penny more does not; and
every pay period the engine prices is what the statutory rules give for its earnings and date.

Plans are generated as raw dicts (what a plan file holds): one to three PAs on summary or shift rotas, rates from
£10 to £25, any pay frequency, ages 18 to 70, periods of one to four months (short, to keep the file fast).
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pacost.dates import PayFrequency, TaxYear
from pacost.engine.cost import cost_plan
from pacost.money import round_penny
from pacost.plan import LoadedPlan, plan_from_dict, plan_to_dict
from pacost.rates import RateBook, bundled_rates
from pacost.result import CostResult
from pacost.statutory.allowance import allowance_used
from pacost.statutory.ni import NiCategory, category_for_age, employer_ni
from pacost.statutory.pension import WorkerCategory, assess_worker, employer_contribution, pension_thresholds
from pacost.statutory.state_pension import age_on, reached_state_pension_age

RATES: RateBook = bundled_rates()
PENNY = Decimal("0.01")
TODAY = date(2026, 4, 1)  # fixed, so that "a date of birth in the future" never depends on the day the tests run

FAST = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def pennies(low: str, high: str) -> st.SearchStrategy[str]:
    """An amount from ``low`` to ``high`` to the penny, written as a plan file writes it (a string)."""
    lo, hi = int(Decimal(low) * 100), int(Decimal(high) * 100)
    return st.integers(lo, hi).map(lambda p: str(Decimal(p) / 100))


def hhmm(minutes: int) -> str:
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


day_sets = st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True)


@st.composite
def shifts(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Day shifts on disjoint days, inside 07:00–21:00 (so a shift can grow an hour and still not overlap), and
    perhaps a night shift from 22:00 (waking or a sleep-in), ending by 06:00."""
    out: list[dict[str, Any]] = []
    free = list(WEEKDAYS)
    for _ in range(draw(st.integers(1, 2))):
        if not free:
            break
        days = draw(st.lists(st.sampled_from(free), min_size=1, max_size=len(free), unique=True))
        free = [d for d in free if d not in days]
        start = draw(st.integers(7 * 4, 13 * 4)) * 15
        length = draw(st.integers(4, 8 * 4)) * 15
        shift: dict[str, Any] = {"days": days, "start": hhmm(start), "end": hhmm(start + length)}
        every = draw(st.sampled_from([1, 1, 2, 3]))
        if every != 1:
            shift["every"] = every
            shift["week"] = draw(st.integers(1, every))
        out.append(shift)
    if draw(st.booleans()):
        night: dict[str, Any] = {
            "days": draw(day_sets),
            "start": "22:00",
            "end": hhmm(22 * 60 + draw(st.integers(4, 8 * 4)) * 15),
        }
        if draw(st.booleans()):
            night["kind"] = "sleep-in"
            night["flat"] = draw(pennies("40", "90"))
        out.append(night)
    return out


@st.composite
def pas(draw: st.DrawFn, index: int) -> dict[str, Any]:
    pa: dict[str, Any] = {
        "name": f"PA{index}",
        "age": draw(st.integers(18, 70)),
        "hourly_rate": draw(pennies("10", "25")),
        "pay_frequency": draw(st.sampled_from(["weekly", "fortnightly", "4-weekly", "monthly"])),
        "holiday_weeks": draw(st.sampled_from(["5.6", "6", "7.5"])),
        "pension": draw(st.sampled_from(["auto", "auto", "opt-out", "opt-in"])),
    }
    if draw(st.integers(0, 4)) == 0:
        pa["holiday"] = "rolled-up"
    if draw(st.booleans()):
        pa["enhancements"] = {
            "weekend": draw(st.sampled_from(["1", "1.1", "1.25"])),
            "night": draw(st.sampled_from(["1", "1.2"])),
            "bank_holiday": draw(st.sampled_from(["1", "1.5", "2"])),
        }
    if draw(st.booleans()):
        pa["hours_per_week"] = draw(st.integers(2, 40))
        pa["days"] = draw(day_sets)
        if Decimal(pa["hours_per_week"]) / len(pa["days"]) > 12:
            pa["days"] = list(WEEKDAYS)
    else:
        pa["shift"] = draw(shifts())
    return pa


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    start = date(2023, 4, 6) + timedelta(days=draw(st.integers(0, 4 * 365)))
    end = start + timedelta(days=draw(st.integers(27, 120)))
    people = [draw(pas(i)) for i in range(draw(st.integers(1, 3)))]
    cover: dict[str, Any]
    by = draw(st.sampled_from(["agency", "agency", "family", "pa"] if len(people) > 1 else ["agency", "family"]))
    if by == "agency":
        cover = {"by": "agency", "rate": draw(pennies("20", "35"))}
    elif by == "pa":
        cover = {"by": "pa", "pa": draw(st.sampled_from([p["name"] for p in people]))}
    else:
        cover = {"by": "family"}
    return {
        "name": "Generated plan",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "nation": draw(st.sampled_from(["england", "wales", "scotland", "northern-ireland"])),
        "budget": {
            "amount": draw(pennies("100", "2500")),
            "per": draw(st.sampled_from(["week", "fortnight", "4-weeks", "month", "year", "period"])),
        },
        "employer": {
            "employment_allowance": draw(st.booleans()),
            "insurance": {"amount": draw(pennies("0", "200")), "per": "year"},
            "payroll": {"amount": draw(pennies("0", "20")), "per": "month"},
        },
        "cover": cover,
        "sickness": {
            "days_per_year": draw(st.sampled_from(["0", "4.4", "8"])),
            "spell_days": draw(st.integers(1, 5)),
            "pay": draw(st.sampled_from(["statutory", "statutory", "full"])),
        },
        "pa": people,
    }


def cost(data: dict[str, Any], *, affordable: bool = False) -> CostResult:
    plan, assumptions = plan_from_dict(data, source="<generated>", rates=RATES, today=TODAY)
    return cost_plan(LoadedPlan(plan, assumptions, "<generated>", "0" * 64), RATES, affordable=affordable)


def with_rate(data: dict[str, Any], rate: Decimal) -> dict[str, Any]:
    """The plan with every PA at ``rate`` an hour (what the highest affordable rate means; enhancements kept)."""
    out = copy.deepcopy(data)
    for pa in out["pa"]:
        pa["hourly_rate"] = str(rate)
    return out


@FAST
@given(plans())
def test_lines_add_up_exactly_to_the_total(data: dict[str, Any]) -> None:
    result = cost(data)
    assert sum((line.amount for line in result.lines), Decimal(0)) == result.total
    assert all(line.amount == line.amount.quantize(PENNY) for line in result.lines)
    assert result.difference == result.budget - result.total
    assert result.covered is (result.difference >= 0)


@FAST
@given(plans(), st.data())
def test_the_search_s_total_is_what_the_lines_add_up_to(data: dict[str, Any], more: st.DataObject) -> None:
    """``price_total`` (what the affordable-rate search prices, without the lines) equals the sum of the lines
    ``price`` gives at the same rate for every PA, to the penny."""
    from pacost.engine.prepare import prepare
    from pacost.engine.price import price, price_total

    plan, _ = plan_from_dict(data, source="<generated>", rates=RATES, today=TODAY)
    prepared = prepare(plan, RATES)
    for _ in range(2):
        rate = Decimal(more.draw(pennies("0.01", "60"), label="rate"))
        assert price_total(prepared, rate) == price(prepared, rate, detail="totals").total, rate


@FAST
@given(plans())
def test_ni_and_pension_are_never_negative(data: dict[str, Any]) -> None:
    result = cost(data)
    assert result.line("employer_ni").amount >= 0
    assert result.line("pension").amount >= 0
    assert result.line("employment_allowance").amount <= 0
    assert -result.line("employment_allowance").amount <= result.line("employer_ni").amount
    for pa in result.pas:
        assert pa.employer_ni >= 0
        assert pa.pension >= 0
        for period in pa.periods:
            assert period.employer_ni >= 0
            assert period.pension >= 0


@FAST
@given(plans(), st.data())
def test_total_never_falls_when_a_rate_rises(data: dict[str, Any], more: st.DataObject) -> None:
    before = cost(data)
    raised = copy.deepcopy(data)
    who = more.draw(st.integers(0, len(raised["pa"]) - 1), label="pa")
    rise = Decimal(more.draw(pennies("0.01", "5"), label="rise"))
    raised["pa"][who]["hourly_rate"] = str(Decimal(raised["pa"][who]["hourly_rate"]) + rise)
    after = cost(raised)
    assert after.total >= before.total, (who, rise, before.total, after.total)


@FAST
@given(plans(), st.data())
def test_total_never_falls_when_a_shift_gets_longer(data: dict[str, Any], more: st.DataObject) -> None:
    before = cost(data)
    longer = copy.deepcopy(data)
    who = more.draw(st.integers(0, len(longer["pa"]) - 1), label="pa")
    pa = longer["pa"][who]
    extra = more.draw(st.integers(1, 4), label="quarter hours") * 15
    if "hours_per_week" in pa:
        pa["hours_per_week"] = str(Decimal(pa["hours_per_week"]) + Decimal(extra) / 60)
    else:
        shift = pa["shift"][more.draw(st.integers(0, len(pa["shift"]) - 1), label="shift")]
        hours, minutes = map(int, shift["end"].split(":"))
        shift["end"] = hhmm(hours * 60 + minutes + extra)
    after = cost(longer)
    assert after.hours.planned > before.hours.planned
    assert after.total >= before.total, (before.total, after.total)


@FAST
@given(plans())
def test_a_plan_round_trips_through_json(data: dict[str, Any]) -> None:
    plan, _ = plan_from_dict(data, source="<generated>", rates=RATES, today=TODAY)
    text = json.dumps(plan_to_dict(plan))
    again, _ = plan_from_dict(json.loads(text), source="<round trip>", rates=RATES, today=TODAY)
    assert again == plan
    assert json.dumps(plan_to_dict(again)) == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_highest_affordable_rate_fits_and_a_penny_more_does_not(data: dict[str, Any]) -> None:
    result = cost(data, affordable=True)
    rate = result.max_affordable_hourly_rate
    if rate is None:
        # Even a penny an hour costs more than the budget.
        assert cost(with_rate(data, PENNY)).total > result.budget
        return
    assert rate >= PENNY
    assert rate == rate.quantize(PENNY)
    if rate + PENNY <= 1000:
        assert cost(with_rate(data, rate)).total <= result.budget
        assert cost(with_rate(data, rate + PENNY)).total > result.budget
    else:  # the plan reader refuses an hourly rate over £1,000 as a slip of the decimal point: price it directly
        from pacost.engine.prepare import prepare
        from pacost.engine.price import price

        plan, _ = plan_from_dict(data, source="<generated>", rates=RATES, today=TODAY)
        prepared = prepare(plan, RATES)
        assert price(prepared, rate, detail="totals").total <= result.budget
        assert price(prepared, rate + PENNY, detail="totals").total > result.budget


@FAST
@given(plans())
def test_every_pay_period_is_what_the_statutory_rules_give_for_its_earnings_and_date(data: dict[str, Any]) -> None:
    """Each pay period the engine prices, checked against ``pacost.statutory`` directly: employer NI on its
    earnings with the figures in force on its date and the NI letter of the PA's age then; auto-enrolment from the
    first period that makes the PA an eligible jobholder, and the employer's contribution on qualifying earnings;
    the Employment Allowance per tax year. A last period that runs past the plan's end is checked whole, and its
    counted NI and pension as the share its pay inside the plan is of the whole."""
    plan, assumptions = plan_from_dict(data, source="<generated>", rates=RATES, today=TODAY)
    result = cost_plan(LoadedPlan(plan, assumptions, "<generated>", "0" * 64), RATES, affordable=False)
    ni_by_tax_year: dict[int, Decimal] = {}
    for pa, costed in zip(plan.pa, result.pas, strict=True):
        frequency = PayFrequency(pa.pay_frequency)
        enrolled = pa.pension == "opt-in"
        for period in costed.periods:
            on = period.end  # the pay date, or the plan's last day for a period that runs past it
            age = age_on(pa.date_of_birth, on)
            over = reached_state_pension_age(pa.date_of_birth, on, RATES)
            category = (
                NiCategory(pa.ni_category) if pa.ni_category else category_for_age(age, over_state_pension_age=over)
            )
            assert period.ni_category == category.value
            earnings = period.earnings if period.whole_period is None else period.whole_period.earnings
            ni = employer_ni(earnings, frequency=frequency, pay_date=on, category=category, rates=RATES)
            thresholds = pension_thresholds(RATES, pay_date=on, frequency=frequency)
            worker = assess_worker(age, earnings, thresholds, over_state_pension_age=over)
            enrolled = enrolled or (pa.pension == "auto" and worker is WorkerCategory.ELIGIBLE_JOBHOLDER)
            pension = employer_contribution(earnings, thresholds) if enrolled and pa.pension != "opt-out" else 0
            if period.whole_period is None:
                assert period.whole
                assert (period.employer_ni, period.pension) == (ni, pension)
            else:
                assert not period.whole and period is costed.periods[-1]
                whole = period.whole_period
                assert (whole.employer_ni, whole.pension) == (ni, pension)
                assert whole.end == period.pay_date > plan.end == period.end
                share = period.earnings / whole.earnings if whole.earnings else Decimal(0)
                assert period.employer_ni == round_penny(whole.employer_ni * share)
                assert period.pension == round_penny(whole.pension * share)
            year = TaxYear.containing(on).start_year
            ni_by_tax_year[year] = ni_by_tax_year.get(year, Decimal(0)) + period.employer_ni
        assert costed.employer_ni == sum((p.employer_ni for p in costed.periods), Decimal(0))
        assert costed.pension == sum((p.pension for p in costed.periods), Decimal(0))
    allowance = -allowance_used(ni_by_tax_year, RATES) if plan.employer.employment_allowance else Decimal(0)
    assert result.line("employment_allowance").amount == allowance
