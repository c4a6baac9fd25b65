"""``pacost new``: a plan written from answers piped in (one a line, an empty line taking the default), each
written plan then costed; answers that cannot be used are asked again with the reason; the template of
``--example`` is a plan pacost costs; and the rota as people say it (``pacost.rota_words``)."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pacost.cli import app
from pacost.engine.cost import cost_plan
from pacost.new_plan import TEMPLATE
from pacost.plan import load_plan, parse_plan
from pacost.rota_words import describe_shift, read_shift, read_shifts


def answer(tmp_path: Path, *lines: str) -> tuple[int, str, Path]:
    """Run ``pacost new plan.toml`` in ``tmp_path`` with ``lines`` as the answers: (exit code, output, the file)."""
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(app, ["new", "plan.toml"], input="\n".join(lines) + "\n", catch_exceptions=False)
    return result.exit_code, result.output, tmp_path / "plan.toml"


ONE_PA_WEEKDAYS = [
    "Mr B, weekday mornings",  # name
    "",  # nation: England
    "2026-04-06",  # start
    "",  # end: a year on
    "260",  # budget
    "week",
    "15",  # funded hours
    "",  # one PA
    "Alex",
    "42",
    "",  # employed since: the plan's start
    "13.50",
    "weekly",
    "Mondays to Fridays 9 to 12",
    "",  # no more shifts
    "",  # weekend: no extra
    "",  # night
    "",  # bank holiday
    "agency",
    "30",
    "120",  # insurance a year
    "0",  # payroll a month
    "no",  # not costed now
]


def test_a_one_pa_weekday_plan(tmp_path: Path) -> None:
    code, output, path = answer(tmp_path, *ONE_PA_WEEKDAYS)
    assert code == 0, output
    plan = load_plan(path).plan
    assert (plan.name, plan.nation, str(plan.start), str(plan.end)) == (
        "Mr B, weekday mornings",
        "england",
        "2026-04-06",
        "2027-04-05",
    )
    assert (plan.budget.amount, plan.budget.per, plan.budget.hours_per_week) == (260, "week", 15)
    (pa,) = plan.pa
    assert (pa.name, pa.hourly_rate, pa.pay_frequency) == ("Alex", 13.5, "weekly")
    assert [(s.days, f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in pa.shift] == [
        (["mon", "tue", "wed", "thu", "fri"], "09:00", "12:00")
    ]
    assert (plan.cover.by, plan.cover.rate, plan.employer.insurance.amount) == ("agency", 30, 120)
    # 15 hours a week at £13.50 is £202.50 a week before any employer's cost: a year's total is more than that.
    assert cost_plan(load_plan(path)).total > 52 * 15 * 13.5
    assert "read as: Monday, Tuesday, Wednesday, Thursday and Friday, 09:00–12:00" in output


def test_two_pas_with_a_sleep_in_and_agency_cover_then_costed_at_once(tmp_path: Path) -> None:
    code, output, path = answer(
        tmp_path,
        "Ms D",
        "Wales",
        "2026-04-06",
        "",
        "£1,950.00",
        "4-weeks",
        "",  # no funded hours said
        "2",
        "Sam",
        "1990-05-17",
        "2019-09-01",  # employed since
        "13.00",
        "",  # monthly
        "weekdays 8am to 1pm",
        "a sleep-in on Fridays, £75",
        "",
        "1.25",  # weekend
        "",
        "2",  # bank holiday
        "Maria",
        "52",
        "",
        "12.60",
        "fortnightly",
        "Saturdays and Sundays 10:00-16:00",
        "",
        "",
        "",
        "",
        "",  # agency
        "",  # at the default rate
        "80",  # the agency's charge for a sleep-in night (asked only when there is one)
        "",
        "",
        "yes",  # cost it now
    )
    assert code == 0, output
    plan = load_plan(path).plan
    assert plan.nation == "wales" and plan.budget.amount == 1950 and plan.budget.per == "4-weeks"
    assert plan.cover.rate == Decimal("32.14") and plan.cover.sleep_in_rate == 80
    sam, maria = plan.pa
    assert str(sam.date_of_birth) == "1990-05-17" and str(sam.employed_since) == "2019-09-01"
    assert maria.employed_since is None
    assert [(s.kind, s.flat, s.days) for s in sam.shift] == [
        ("waking", None, ["mon", "tue", "wed", "thu", "fri"]),
        ("sleep-in", 75, ["fri"]),
    ]
    assert (sam.enhancements.weekend, sam.enhancements.night, sam.enhancements.bank_holiday) == (1.25, 1, 2)
    assert maria.pay_frequency == "fortnightly" and plan.cover.by == "agency"
    assert "The true cost" in output or "true cost" in output.lower()


def test_a_two_week_rota(tmp_path: Path) -> None:
    answers = [*ONE_PA_WEEKDAYS]
    i = answers.index("Mondays to Fridays 9 to 12")
    answers[i : i + 1] = ["Mon, Wed and Fri 9 to 12 every other week", "Tuesdays and Thursdays 9 to 12, second week"]
    answers[answers.index("Tuesdays and Thursdays 9 to 12, second week")] += ", every 2 weeks"
    code, output, path = answer(tmp_path, *answers)
    assert code == 0, output
    shifts = load_plan(path).plan.pa[0].shift
    assert [(s.days, s.every, s.week) for s in shifts] == [(["mon", "wed", "fri"], 2, 1), (["tue", "thu"], 2, 2)]
    # From Monday 6 April 2026: 26 weeks of 3 mornings and 26 of 2, then Monday 5 April 2027, the first day of
    # week 53 (a Monday, Wednesday and Friday week): 131 mornings of 3 hours.
    assert cost_plan(load_plan(path)).hours.planned == (26 * 3 + 26 * 2 + 1) * 3


def test_an_answer_that_cannot_be_used_is_asked_again_with_the_reason(tmp_path: Path) -> None:
    answers = [*ONE_PA_WEEKDAYS]
    i = answers.index("260")
    answers[i:i] = ["520,00"]  # a decimal comma: refused, then 260 is taken
    j = answers.index("13.50")
    answers[j:j] = ["0"]
    k = answers.index("Mondays to Fridays 9 to 12")
    answers[k:k] = ["Mondays to Fridays"]
    code, output, path = answer(tmp_path, *answers)
    assert code == 0, output
    assert "use a full stop for pence: 520.00, not 520,00 Try again." in output
    assert "must be more than zero" in output
    assert "say the times" in output
    assert load_plan(path).plan.budget.amount == 260


def test_answers_that_end_too_soon_write_nothing(tmp_path: Path) -> None:
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(app, ["new", "plan.toml"], input="Mr B\n")
    assert result.exit_code == 1
    assert not (tmp_path / "plan.toml").exists()


def test_new_never_writes_over_a_file(tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text("mine", encoding="utf-8")
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(app, ["new", "plan.toml", "--example"])
    assert result.exit_code == 1
    assert (tmp_path / "plan.toml").read_text(encoding="utf-8") == "mine"


def test_the_example_template_is_a_plan_pacost_costs(tmp_path: Path) -> None:
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(app, ["new", "template.toml", "--example"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (tmp_path / "template.toml").read_text(encoding="utf-8") == TEMPLATE
    loaded = parse_plan(TEMPLATE, source="template.toml", fmt="toml")
    assert [pa.name for pa in loaded.plan.pa] == ["Sam", "Maria"]
    assert cost_plan(loaded).total > 0
    printed = CliRunner().invoke(app, ["new", "--example"], catch_exceptions=False)
    assert printed.stdout == TEMPLATE


@pytest.mark.parametrize(
    ("said", "table"),
    [
        ("Mondays to Fridays 9 to 12", {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "12:00"}),
        ("every other Saturday 10:00-16:00", {"days": ["sat"], "start": "10:00", "end": "16:00", "every": 2}),
        (
            "a sleep-in on Fridays, £75",
            {"days": ["fri"], "start": "22:00", "end": "07:00", "kind": "sleep-in", "flat": Decimal("75")},
        ),
        ("weekends 10pm to 7am", {"days": ["sat", "sun"], "start": "22:00", "end": "07:00"}),
        ("tue, thu 9 to 5", {"days": ["tue", "thu"], "start": "09:00", "end": "17:00"}),  # "to 5": the afternoon
        (
            "sat 10:00-13:00 every 2 week 2",
            {"days": ["sat"], "start": "10:00", "end": "13:00", "every": 2, "week": 2},
        ),
        ("fri-mon 10-14", {"days": ["mon", "fri", "sat", "sun"], "start": "10:00", "end": "14:00"}),
    ],
)
def test_shifts_as_people_say_them(said: str, table: dict[str, object]) -> None:
    assert read_shift(said) == table


@pytest.mark.parametrize(
    ("said", "reason"),
    [
        ("Saturdays", "say the times"),
        ("9 to 12", "say which days"),
        ("a sleep-in on Fridays", "say what a sleep-in is paid"),
        ("Mondays 09:00 to 09:00", "starts and ends at 09:00"),
        ("Mondays 25 to 26", "not a time of day"),
        ("Mondays 9 to 12, week 3", "week 3 of a rota that repeats every 1 week"),
    ],
)
def test_shifts_that_cannot_be_read_say_why(said: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        read_shift(said)


def test_several_shifts_and_their_words() -> None:
    shifts = read_shifts("mon-fri 09:00-12:00; sat 10:00-13:00 every 2 week 2")
    assert [describe_shift(s) for s in shifts] == [
        "Monday, Tuesday, Wednesday, Thursday and Friday, 09:00–12:00",
        "Saturday, 10:00–13:00, week 2 of every 2",
    ]
