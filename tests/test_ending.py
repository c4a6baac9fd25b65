"""When employment ends (cost model §11): statutory redundancy pay, notice and untaken holiday, the contingency reserve
and the cost of replacing PAs — each expected figure worked by hand here from the rule and its source:

- Employment Rights Act 1996 s.155 (two years' service), s.162 (half a week's pay a year under 22, one from 22, one
  and a half from 41, at most 20 years counted back from the end), s.227 (the week's pay limit, GOV.UK's figures
  per year: £571, £643, £700, £719, £751; Northern Ireland £594, £669, £729, £749, £783), s.86 (notice);
- GOV.UK's redundancy pay calculator's own test cases (alphagov/smart-answers,
  test/unit/calculators/redundancy_calculator_test.rb), reproduced below as (limit, age, years, week's pay) → pay;
- the holiday accrued: the year's entitlement times the share of the leave year gone by.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hand import D, assert_lines_add_up, ni_penny, penny
from pacost.batch.inputs import Record
from pacost.batch.run import cost_to_line
from pacost.engine.cost import cost_plan
from pacost.plan import LoadedPlan, plan_from_dict
from pacost.rates import RateBook, bundled_rates
from pacost.statutory.ending import (
    full_years,
    holiday_accrued_weeks,
    leave_year_start,
    notice_weeks,
    redundancy_pay,
    redundancy_weeks,
    week_pay_limit,
)


@pytest.fixture(scope="module")
def rates() -> RateBook:
    return bundled_rates()


# ---- the statutory rules --------------------------------------------------------------------------------------

# GOV.UK's calculator test cases: (weekly limit, age, full years, week's pay, statutory redundancy pay).
GOVUK_CASES = [
    (430, 45, 12, 350, "4900"),  # ages 44..41: 4 x 1.5; 40..33: 8 x 1 -> 14 weeks x 350
    (430, 42, 22, 500, "8815"),  # 20 years only: 41 (1.5) + 40..22 (19) = 20.5 weeks x 430
    (450, 42, 22, 500, "9225"),  # the same at a 450 limit
    (430, 41, 4, 1500, "1720"),  # 40..37: 4 weeks x 430
    (430, 18, 3, 500, "645"),  # 17, 16, 15: 3 x 0.5 = 1.5 weeks x 430
    (450, 18, 3, 500, "675"),
    (430, 26, 11, 250, "1875"),  # 25..22: 4 x 1; 21..15: 7 x 0.5 -> 7.5 weeks x 250
    (430, 32, 11, 420, "4410"),  # 31..22: 10 x 1; 21: 0.5 -> 10.5 weeks x 420
    (450, 32, 11, 460, "4725"),  # 10.5 weeks x 450
    (430, 34, 15, 386, "5211"),  # 33..22: 12; 21..19: 1.5 -> 13.5 weeks x 386
    (430, 40, 20, 401, "7619"),  # 39..22: 18; 21, 20: 1 -> 19 weeks x 401
    (430, 48, 14, 381, "6667.5"),  # 47..41: 7 x 1.5 = 10.5; 40..34: 7 -> 17.5 weeks x 381
]


@pytest.mark.parametrize(("limit", "age", "years", "week_pay", "expected"), GOVUK_CASES)
def test_govuk_calculator_cases(
    rates: RateBook, limit: int, age: int, years: int, week_pay: int, expected: str
) -> None:
    weeks = redundancy_weeks(age, years, rates)
    assert redundancy_pay(D(week_pay), weeks, D(limit)) == D(expected)


def test_the_age_bands_and_the_twenty_year_limit(rates: RateBook) -> None:
    assert redundancy_weeks(21, 3, rates) == D("1.5")  # 20, 19, 18: all under 22
    assert redundancy_weeks(25, 3, rates) == D(3)  # 24, 23, 22: a week each
    assert redundancy_weeks(23, 3, rates) == D(2)  # 22, 21, 20: 1 + 0.5 + 0.5 (a year at 22 is a full week)
    assert redundancy_weeks(43, 3, rates) == D("4")  # 42, 41, 40: 1.5 + 1.5 + 1
    assert redundancy_weeks(60, 30, rates) == D("29.5")  # only the last 20 years, 59..40: 19 x 1.5 + 1
    assert redundancy_weeks(61, 30, rates) == D(30)  # 60..41: 20 x 1.5


def test_less_than_two_years_service_gives_no_redundancy_pay(rates: RateBook) -> None:
    assert redundancy_weeks(45, 1, rates) == 0
    assert redundancy_weeks(45, 0, rates) == 0
    assert redundancy_weeks(45, 2, rates) == 3  # 44, 43: 2 x 1.5


def test_full_years_count_to_the_anniversary() -> None:
    assert full_years(date(2014, 4, 6), date(2026, 4, 5)) == 11
    assert full_years(date(2014, 4, 6), date(2026, 4, 6)) == 12
    assert full_years(date(2024, 2, 29), date(2026, 2, 28)) == 2  # 29 February counts on 28 February (add_months)


@pytest.mark.parametrize(
    ("day", "great_britain", "northern_ireland"),
    [
        (date(2022, 4, 6), 571, 594),
        (date(2023, 4, 5), 571, 594),
        (date(2023, 4, 6), 643, 669),
        (date(2024, 4, 6), 700, 729),
        (date(2025, 4, 6), 719, 749),
        (date(2026, 4, 5), 719, 749),
        (date(2026, 4, 6), 751, 783),
        (date(2027, 1, 1), 751, 783),
    ],
)
def test_the_week_pay_limit_in_force_on_the_day(
    rates: RateBook, day: date, great_britain: int, northern_ireland: int
) -> None:
    assert week_pay_limit(rates, day, northern_ireland=False).value == great_britain
    assert week_pay_limit(rates, day, northern_ireland=True).value == northern_ireland


@pytest.mark.parametrize(
    ("since", "weeks"),
    [
        (date(2026, 9, 16), 0),  # less than a month to 15 October 2026
        (date(2026, 9, 15), 1),  # a month exactly
        (date(2024, 10, 16), 1),  # a day short of two years
        (date(2024, 10, 15), 2),  # two years: a week a year
        (date(2019, 10, 15), 7),
        (date(2015, 10, 16), 10),  # 10 complete years, a day short of 11
        (date(2014, 10, 15), 12),  # twelve years: twelve weeks
        (date(2006, 1, 1), 12),  # at most twelve
    ],
)
def test_notice_from_one_week_to_twelve(rates: RateBook, since: date, weeks: int) -> None:
    assert notice_weeks(since, date(2026, 10, 15), rates) == weeks


def test_holiday_accrued_mid_leave_year() -> None:
    start = leave_year_start(date(2026, 9, 30), (4, 1))
    assert start == date(2026, 4, 1)
    # 1 April to 30 September 2026 is 183 days of the 365-day leave year.
    assert holiday_accrued_weeks(D("5.6"), start, date(2026, 9, 30)) == D("5.6") * 183 / 365
    assert leave_year_start(date(2026, 3, 31), (4, 1)) == date(2025, 4, 1)
    assert leave_year_start(date(2027, 3, 1), (2, 29)) == date(2027, 3, 1)  # no 29 February in 2027


# ---- through cost_plan ----------------------------------------------------------------------------------------


def _plan(rates: RateBook, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Ending",
        "start": "2026-04-06",
        "end": "2027-04-05",
        "budget": {"amount": "600", "per": "week"},
        "pa": [
            {
                "name": "Jo",
                "date_of_birth": "1981-04-06",
                "hourly_rate": "14",
                "pay_frequency": "weekly",
                "employed_since": "2014-04-06",
                "shift": [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "15:00"}],
            }
        ],
    }
    for key, value in changes.items():
        data[key] = value
    return data


def _cost(data: dict[str, Any], rates: RateBook):  # type: ignore[no-untyped-def]
    plan, notes = plan_from_dict(data, rates=rates, today=date(2026, 12, 1))
    return cost_plan(LoadedPlan(plan, notes, "<test>", "0" * 64), rates)


# Jo: 30 hours a week at £14 (Monday to Friday, 09:00-15:00): £420.00 every week. Born 6 April 1981, employed
# from 6 April 2014; the employment taken to end on Thursday 15 October 2026: age 45, 12 full years.
WEEK = D("420.00")
WEEKLY_THRESHOLD = D(96)  # 2026-27 secondary threshold a week (£5,000 / 52, rounded up: data/ni_rates/2026-27.toml)
WEEKLY_LOWER_QE = D(120)  # 2026-27 lower limit of qualifying earnings a week (data/pension/2026-27.toml)
NI_WEEK = ni_penny((WEEK - WEEKLY_THRESHOLD) * D("0.15"))  # £48.60
PENSION_WEEK = penny(D("0.03") * (WEEK - WEEKLY_LOWER_QE))  # £9.00


def test_redundancy_notice_and_holiday_owed_worked_by_hand(rates: RateBook) -> None:
    result = _cost(_plan(rates, contingency={"ending": "2026-10-15"}), rates)
    owed = result.liabilities
    assert owed is not None and owed.ending == date(2026, 10, 15)
    (jo,) = owed.pas
    assert (jo.age, jo.years_of_service) == (45, 12)
    # The 12 Sunday-to-Saturday weeks to Saturday 10 October 2026 are all alike (a bank holiday pays the same here).
    assert jo.week_pay == WEEK == jo.holiday_week_pay
    # Ages 44, 43, 42, 41: 1.5 weeks each; 40 down to 33: a week each -> 14 weeks, under the £751 limit.
    assert (jo.redundancy_weeks, jo.week_pay_limit) == (D(14), D(751))
    assert jo.redundancy_pay == 14 * WEEK == D("5880.00")
    # Twelve years: twelve weeks' notice, with the employer's NI and pension on each week's pay.
    assert (jo.notice_weeks, jo.notice_pay) == (12, 12 * WEEK)
    assert jo.notice_employer_ni == 12 * NI_WEEK == D("583.20")
    assert jo.notice_pension == 12 * PENSION_WEEK == D("108.00")
    # The leave year starts on the anniversary of 6 April 2014: 6 April to 15 October 2026 is 193 of 365 days.
    assert jo.leave_year_start == date(2026, 4, 6)
    weeks = D("5.6") * 193 / 365
    assert jo.holiday_weeks == weeks
    assert jo.holiday_pay == penny(weeks * WEEK) == D("1243.66")
    assert jo.holiday_employer_ni == penny(weeks * NI_WEEK) == D("143.91")
    # NI is due on notice and holiday pay, not on redundancy pay.
    assert owed.employer_ni == jo.notice_employer_ni + jo.holiday_employer_ni
    assert owed.total == D("5880.00") + D("5040.00") + D("583.20") + D("108.00") + D("1243.66") + D("143.91")
    # Never part of the cost: the total is the same without the ending day.
    assert result.total == _cost(_plan(rates), rates).total
    assert_lines_add_up(result)


def test_a_leave_year_from_the_plan_and_rolled_up_holiday(rates: RateBook) -> None:
    data = _plan(rates, contingency={"ending": "2026-09-30"}, employer={"leave_year_start": "04-01"})
    (jo,) = _cost(data, rates).liabilities.pas  # type: ignore[union-attr]
    assert jo.leave_year_start == date(2026, 4, 1)
    assert jo.holiday_weeks == D("5.6") * 183 / 365
    data["pa"][0]["holiday"] = "rolled-up"
    (jo,) = _cost(data, rates).liabilities.pas  # type: ignore[union-attr]
    assert (jo.holiday_weeks, jo.holiday_pay, jo.holiday_employer_ni) == (0, 0, 0)


def test_northern_ireland_uses_its_own_limit(rates: RateBook) -> None:
    data = _plan(rates, nation="northern-ireland", contingency={"ending": "2026-10-15"})
    data["pa"][0]["hourly_rate"] = "40"  # £1,200 a week: over either limit
    data["pa"][0]["employed_since"] = "2021-10-15"  # five full years: ages 44..40 -> 1.5 x 4 + 1 = 7 weeks
    (jo,) = _cost(data, rates).liabilities.pas  # type: ignore[union-attr]
    assert (jo.years_of_service, jo.redundancy_weeks, jo.week_pay_limit) == (5, D(7), D(783))
    assert jo.redundancy_pay == 7 * D(783) == D("5481.00")
    data["nation"] = "england"
    (jo,) = _cost(data, rates).liabilities.pas  # type: ignore[union-attr]
    assert jo.redundancy_pay == 7 * D(751)


def test_a_funded_reserve_of_weeks_is_a_cost_line_and_checked_against_the_balance_limit(rates: RateBook) -> None:
    plain = _cost(_plan(rates), rates)
    data = _plan(rates, contingency={"reserve": "8 weeks", "funded": True})
    data["budget"]["max_balance_weeks"] = 4
    result = _cost(data, rates)
    reserve = penny(plain.total / 365 * 7 * 8)  # eight weeks of the true cost before the reserve
    assert result.line("contingency").amount == reserve
    assert result.total == plain.total + reserve
    assert_lines_add_up(result)
    assert result.reserve is not None
    limit = penny(plain.budget / 365 * 7 * 4)  # four weeks of the budget
    assert (result.reserve.balance_limit, result.reserve.over_balance_limit) == (limit, reserve - limit)
    # Not funded: the reserve is said, but it costs nothing.
    data["contingency"]["funded"] = False
    unfunded = _cost(data, rates)
    assert unfunded.line("contingency").amount == 0 and unfunded.total == plain.total
    assert unfunded.reserve is not None and unfunded.reserve.amount == reserve


def test_a_funded_reserve_for_the_liabilities_lowers_the_affordable_rate_which_still_fits(rates: RateBook) -> None:
    data = _plan(rates, contingency={"reserve": "liabilities", "funded": True})
    result = _cost(data, rates)
    owed = result.liabilities
    assert owed is not None and result.line("contingency").amount == owed.total
    best = result.max_affordable_hourly_rate
    assert best is not None and best < _cost(_plan(rates), rates).max_affordable_hourly_rate  # type: ignore[operator]
    for rate, fits in ((best, True), (best + D("0.01"), False)):
        data["pa"][0]["hourly_rate"] = str(rate)
        at = _cost(data, rates)
        assert (at.total <= at.budget) is fits


def test_replacing_pas_is_its_own_line(rates: RateBook) -> None:
    employer = {
        "per_hire": [{"name": "advert", "amount": "60"}, {"name": "DBS check", "amount": "49.50"}],
        "training_hours": 12,
        "training_cover": True,
    }
    result = _cost(_plan(rates, employer=employer), rates)
    # 18.2% of PAs leave a year (Skills for Care, data/defaults.toml): 0.182 hires over the year. A hire: £109.50,
    # 12 hours' training at £14 plus 12.07% holiday, and 12 hours of agency cover at £32.14.
    per_hire = D("109.50") + 12 * D(14) * D("1.1207") + 12 * D("32.14")
    assert result.line("recruitment").amount == penny(D("0.182") * per_hire) == D("124.39")
    assert result.recruitment is not None and result.recruitment.cost_per_hire == penny(per_hire)
    assert_lines_add_up(result)
    assert any(a.startswith("Replacing PAs who leave: 18.2% of PAs a year") for a in result.assumptions)
    employer["turnover_percent"] = 50
    assert _cost(_plan(rates, employer=employer), rates).line("recruitment").amount == penny(D("0.5") * per_hire)


def test_the_lines_reach_a_batch_row(rates: RateBook, tmp_path: Path) -> None:
    import json

    data = _plan(rates, contingency={"reserve": "liabilities", "funded": True, "ending": "2026-10-15"})
    data["employer"] = {"per_hire": [{"name": "advert", "amount": "60"}]}
    outcome = cost_to_line(1, Record("1", "x:1", "text", json.dumps(data)), rates, "csv")
    from pacost.batch.rows import csv_header

    row = next(csv.DictReader(io.StringIO(csv_header().lstrip("\ufeff") + outcome.line)))
    assert row["if_ended_total"] == row["contingency"] == row["reserve"] == "12998.77"
    assert row["recruitment"] == str(penny(D("0.182") * 60))
    lines = [k for k in row if k in ("wages", "holiday_pay", "sick_pay", "holiday_cover", "sick_cover", "employer_ni")]
    parts = [*lines, "employment_allowance", "pension", "insurance", "payroll", "other", "recruitment", "contingency"]
    assert sum(Decimal(row[k]) for k in parts) == Decimal(row["total"])


def test_mistakes_in_the_new_keys_are_all_said(rates: RateBook) -> None:
    from pacost.errors import PacostError

    data = _plan(rates, contingency={"ending": "2028-01-01", "reserve": "lots", "funded": True})
    data["pa"][0]["employed_since"] = "2026-05-01"
    data["budget"]["max_balance_weeks"] = 0
    with pytest.raises(PacostError) as caught:
        plan_from_dict(data, rates=rates, today=date(2026, 12, 1))
    text = str(caught.value)
    assert "contingency.reserve" in text and '"liabilities"' in text
    assert "budget.max_balance_weeks" in text
    data["contingency"]["reserve"] = "liabilities"
    data["budget"]["max_balance_weeks"] = 8
    with pytest.raises(PacostError) as caught:
        plan_from_dict(data, rates=rates, today=date(2026, 12, 1))
    text = str(caught.value)
    assert "pa[0].employed_since" in text and "after the plan starts" in text
    assert "contingency.ending" in text and "outside the plan" in text


def test_a_council_csv_export_gives_employed_since() -> None:
    from pacost.batch.council_csv import csv_plan

    row = {"plan_id": "A", "budget": "300", "budget_per": "week", "pa_name": "Chris", "hourly_rate": "13"}
    row |= {"hours_per_week": "10", "employed_since": "01/09/2019"}  # a UK date, as exports write them
    data = csv_plan([(2, row)])
    assert data["pa"][0]["employed_since"] == "2019-09-01"


def test_ending_and_employed_since_from_the_command_line() -> None:
    import json

    from typer.testing import CliRunner

    from pacost.cli import app

    example = str(Path(__file__).resolve().parents[1] / "examples" / "single-pa-weekday.toml")
    args = ["cost", example, "--set", "pa.0.employed_since=2015-06-01", "--ending", "2026-12-31", "--format", "json"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (alex,) = data["liabilities"]["pas"]
    # Alex is 42 on 31 December 2026 with 11 full years: 41 (1.5 weeks) and 40 down to 31 (10) = 11.5 weeks of
    # £202.50 (15 hours at £13.50); 11 weeks' notice.
    assert (alex["years_of_service"], alex["redundancy_weeks"], alex["notice_weeks"]) == (11, "11.5", 11)
    assert alex["redundancy_pay"] == str(penny(D("11.5") * D("202.50"))) == "2328.75"
    assert data["overrides"] == ["pa.0.employed_since=2015-06-01", "contingency.ending=2026-12-31"]
