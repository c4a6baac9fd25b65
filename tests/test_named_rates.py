"""Named hourly rates (``hourly_rate = "nlw"``, the Real Living Wage, the London rate, Scotland's care floor): each
pay period at the rate as it stands on its first day, at the PA's age then, and never below the legal minimum —
worked by hand from the figures in ``data/``; and the agency rate a plan gets when it gives none, per nation."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pacost.engine.cost import cost_plan
from pacost.errors import PacostError
from pacost.plan import LoadedPlan, parse_plan
from pacost.rates import bundled_rates
from pacost.rates.models import NationPrice, Source
from pacost.statutory.named_rates import named_rate


def plan_text(rate: str, *, start: str, end: str, nation: str = "england", born: str = "1990-01-01") -> str:
    """One PA, paid weekly, 09:00-13:00 Monday to Friday (20 hours a week), no holiday pay taken apart."""
    return f"""
name = "Named rate"
start = {start}
end = {end}
nation = "{nation}"
[budget]
amount = 400
per = "week"
[cover]
by = "family"
[[pa]]
name = "Ana"
date_of_birth = {born}
hourly_rate = {rate}
pay_frequency = "weekly"
[[pa.shift]]
days = ["mon", "tue", "wed", "thu", "fri"]
start = "09:00"
end = "13:00"
"""


def costed(text: str) -> Any:
    return cost_plan(parse_plan(text, source="named.toml"))


def test_nlw_follows_the_pa_s_age_and_the_uprating_period_by_period() -> None:
    # Weekly periods from Monday 23 March 2026: 23-29 March, 30 March-5 April, 6-12 April. Ana turns 21 on
    # 25 March: 20 on the first period's first day (18-20 band, 2025: £10.00), 21 on the second's (NLW 2025:
    # £12.21: the uprating of 1 April falls inside that period, so it waits), and the 2026 NLW, £12.71, from the
    # period starting 6 April. 20 hours a week each: 200.00 + 244.20 + 254.20 = 698.40.
    result = costed(plan_text('"nlw"', start="2026-03-23", end="2026-04-12", born="2005-03-25"))
    assert result.rota_pay == Decimal("698.40")
    assert result.pas[0].hourly_rate == Decimal("10.00")  # the rate at the plan's start
    said = [a for a in result.assumptions if "first day of each pay period" in a]
    assert len(said) == 1
    assert "£10.00 from 23 March 2026, £12.21 from 30 March 2026, £12.71 from 6 April 2026" in said[0]
    # Never below the minimum wage: no warning says so.
    assert not [w for w in result.warnings if "below the minimum wage" in w]


def test_each_period_is_priced_at_its_own_rate() -> None:
    # Every week has 20 hours (Good Friday and Easter Monday are paid like any day here), so the weeks differ only
    # by the rate. Wages are the share of the days worked: 1 - holiday (5.6 weeks x 7 / 365) - sickness (4.4 days
    # a year over 15 scheduled days in 21, i.e. 15 x 365 / 21 a year).
    result = costed(plan_text('"nlw"', start="2026-03-23", end="2026-04-12", born="2005-03-25"))
    periods = result.pas[0].periods
    assert [p.start for p in periods] == [date(2026, 3, 23), date(2026, 3, 30), date(2026, 4, 6)]
    worked = 1 - Decimal("5.6") * 7 / 365 - Decimal("4.4") / (Decimal(15) * 365 / 21)
    for period, week_pay in zip(periods, ["200.00", "244.20", "254.20"], strict=True):
        assert period.wages == (worked * Decimal(week_pay)).quantize(Decimal("0.01"))


def test_real_living_wage_from_the_date_employers_must_pay_it_never_below_the_nlw() -> None:
    # Weeks from Monday 20 April 2026. The Real Living Wage in force is £12.60 (due by 1 May 2025) until 1 May
    # 2026, when £13.45 is due; in April the NLW, £12.71, is higher and is paid. 254.20 + 254.20 + 269.00.
    result = costed(plan_text('"real-living-wage"', start="2026-04-20", end="2026-05-10"))
    assert result.rota_pay == Decimal("777.40")
    said = next(a for a in result.assumptions if "first day of each pay period" in a)
    assert "£12.71 from 20 April 2026, £13.45 from 4 May 2026" in said
    assert "press reports only" in said  # £13.45 was not read at the Foundation's own site


def test_london_living_wage() -> None:
    # £13.85 (due by 1 May 2025) for the weeks of 20 and 27 April, £14.80 from 4 May: 277.00 + 277.00 + 296.00.
    result = costed(plan_text('"real-living-wage-london"', start="2026-04-20", end="2026-05-10"))
    assert result.rota_pay == Decimal("850.00")


def test_scottish_care_floor_in_scotland_only() -> None:
    # Scotland's floor: £12.60 from 1 April 2025, £13.45 from 1 April 2026 (the period starting 30 March keeps the
    # old rate): 252.00 + 252.00 + 269.00.
    result = costed(plan_text('"scottish-care-floor"', start="2026-03-23", end="2026-04-12", nation="scotland"))
    assert result.rota_pay == Decimal("773.00")
    with pytest.raises(PacostError, match=r"scottish-care-floor is Scotland's minimum.*this plan is in england"):
        parse_plan(plan_text('"scottish-care-floor"', start="2026-03-23", end="2026-04-12"), source="named.toml")


def test_a_plan_with_a_named_rate_is_written_back_as_it_was_given() -> None:
    from pacost.plan import plan_from_dict, plan_to_dict

    plan = parse_plan(plan_text('"nlw"', start="2026-03-23", end="2026-04-12"), source="named.toml").plan
    written = plan_to_dict(plan)
    assert written["pa"][0]["hourly_rate"] == "nlw" and "named_rate" not in written["pa"][0]
    assert plan_from_dict(written)[0] == plan


def test_an_unknown_name_is_refused_with_the_names_known() -> None:
    with pytest.raises(
        PacostError, match="a named rate: nlw, real-living-wage, real-living-wage-london, scottish-care-floor"
    ):
        parse_plan(plan_text('"Living"', start="2026-03-23", end="2026-04-12"), source="named.toml")


def test_named_rate_is_never_below_the_legal_minimum() -> None:
    rates = bundled_rates()
    # The Real Living Wage due by 1 May 2025 (£12.60) is below April 2026's NLW (£12.71) for someone of 30.
    found = named_rate("real-living-wage", date(1996, 1, 1), date(2026, 4, 10), rates)
    assert found.hourly == Decimal("12.71")
    assert found.figure is None  # the legal minimum, not the Foundation's figure
    # For 16- and 17-year-olds the Real Living Wage (an 18+ rate) is still far above the minimum.
    assert named_rate("real-living-wage", date(2009, 6, 1), date(2026, 6, 1), rates).hourly == Decimal("13.45")


def test_highest_affordable_rate_is_the_same_as_for_a_plan_at_a_figure() -> None:
    # The affordable rate pays every PA one rate: a named rate makes no difference to it.
    text = plan_text('"nlw"', start="2026-03-23", end="2026-04-12", born="2005-03-25")
    named = costed(text)
    fixed = costed(text.replace('hourly_rate = "nlw"', "hourly_rate = 12.00"))
    assert named.max_affordable_hourly_rate == fixed.max_affordable_hourly_rate


def test_set_and_with_take_a_named_rate() -> None:
    root = Path(__file__).resolve().parent.parent
    example = root / "examples" / "three-pas-nights-weekends.toml"
    done = subprocess.run(
        [sys.executable, "-m", "pacost", "cost", str(example), "--format", "json", "--set", "pa.*.hourly_rate=nlw"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(done.stdout)
    assert data["overrides"] == ["pa.*.hourly_rate=nlw"]
    assert sum(1 for a in data["assumptions"] if "National Living Wage (or Minimum Wage)" in a) == 3


def test_the_json_schema_offers_the_names() -> None:
    from pacost.plan import plan_json_schema

    pa = plan_json_schema()["$defs"]["PA"]["properties"]
    assert "named_rate" not in pa
    assert {"enum": ["nlw", "real-living-wage", "real-living-wage-london", "scottish-care-floor"]}.items() <= (
        pa["hourly_rate"]["anyOf"][1].items()
    )


# ---- the agency rate when a plan gives none


def test_default_agency_rate_names_the_nation_and_its_own_older_figure() -> None:
    text = plan_text("13.00", start="2026-04-06", end="2027-04-04", nation="scotland").replace(
        '[cover]\nby = "family"\n', ""
    )
    loaded: LoadedPlan = parse_plan(text, source="named.toml")
    assert loaded.plan.cover.rate == Decimal("32.14")
    said = next(a for a in loaded.assumptions if a.field == "cover.rate")
    assert "in England, 2025-26" in said.text
    assert "its latest for Scotland, £29.35 for 2024-25, is older" in said.text


def test_a_nation_s_own_figure_is_used_when_it_is_as_recent_as_england_s() -> None:
    defaults = bundled_rates().defaults
    assert defaults is not None
    source = Source(title="a test figure", url="https://example.org/price")
    england = next(p for p in defaults.agency_hourly_rate if p.nation == "england")
    wales = NationPrice(value=Decimal("33.00"), source=source, nation="wales", year=england.year)
    mixed = type(defaults)(
        sick_days_per_year=defaults.sick_days_per_year,
        agency_hourly_rate=[*defaults.agency_hourly_rate, wales],
        pa_turnover_percent=defaults.pa_turnover_percent,
    )
    assert mixed.agency_rate_for("wales") == (wales, wales)
    assert mixed.agency_rate_for("scotland")[0] is england
