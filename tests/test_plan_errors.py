"""Every bad plan gives exit code 1 and a located line on stderr for each of its mistakes — file, line, field path,
what was wrong and what is expected — and never a traceback. Tested through the command line: in process through
``pacost.cli.main`` (which turns a ``PacostError`` into that line), and through a real ``python -m pacost``
subprocess for the entry point itself."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pacost.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# The line numbers below are asserted in the tests: keep this plan's layout as it is.
PLAN = """\
name = "Test plan"
start = 2026-04-06
end = 2027-04-05
nation = "england"

[budget]
amount = 300.00
per = "week"
hours_per_week = 15

[[pa]]
name = "Alex"
age = 42
hourly_rate = 13.50

  [[pa.shift]]
  days = ["mon", "tue", "wed", "thu", "fri"]
  start = "09:00"
  end = "12:00"
"""

PLAN_JSON = {
    "name": "Test plan",
    "start": "2026-04-06",
    "end": "2027-04-05",
    "budget": {"amount": "300.00", "per": "week"},
    "pa": [
        {
            "name": "Alex",
            "age": 42,
            "hourly_rate": "13.50",
            "shift": [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "12:00"}],
        }
    ],
}


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``pacost ARGS`` in process through the console-script entry point: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["pacost", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    code = exit_info.value.code
    out, err = capsys.readouterr()
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def assert_one_line_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 1, (code, out, err)
    assert out == ""
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.endswith("\n"), f"not one line: {err!r}"
    assert err.startswith("error: ")
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in {err!r}"


def edited(old: str, new: str) -> str:
    assert PLAN.count(old) == 1, old
    return PLAN.replace(old, new)


# (id, file name, file contents, fragments the one-line message must contain)
TOML_CASES: list[tuple[str, str, str | bytes, tuple[str, ...]]] = [
    ("empty", "plan.toml", "", ("plan.toml: is empty", "[budget]", "[[pa]]")),
    ("blank", "plan.toml", "  \n\n\t\n", ("plan.toml: is empty",)),
    ("not-toml", "plan.toml", 'name = "x" [[[\n', ("plan.toml:1:12: not valid TOML",)),
    ("binary", "plan.toml", bytes(range(256)) * 4, ("plan.toml: is not a text file", "TOML or JSON")),
    ("not-utf8", "plan.toml", b'name = "Caf\xe9"\n', ("plan.toml: is not UTF-8 text", "byte 12")),
    (
        "missing-hourly-rate",
        "plan.toml",
        edited("hourly_rate = 13.50\n", ""),
        ("plan.toml:11: pa[0].hourly_rate: is missing", "hourly_rate = 13.00"),
    ),
    (
        "missing-budget",
        "plan.toml",
        edited('[budget]\namount = 300.00\nper = "week"\nhours_per_week = 15\n', ""),
        ("plan.toml: budget: is missing", "add a [budget] table with amount and per"),
    ),
    (
        "missing-budget-amount",
        "plan.toml",
        edited("amount = 300.00\n", ""),
        ("plan.toml:6: budget.amount: is missing", "amount = 520.00"),
    ),
    (
        "negative-rate",
        "plan.toml",
        edited("hourly_rate = 13.50", "hourly_rate = -3"),
        ("plan.toml:14: pa[0].hourly_rate: must be more than zero, got -3",),
    ),
    (
        "zero-rate",
        "plan.toml",
        edited("hourly_rate = 13.50", "hourly_rate = 0"),
        ("plan.toml:14: pa[0].hourly_rate: must be more than zero, got 0",),
    ),
    (
        "rate-slipped-decimal-point",
        "plan.toml",
        edited("hourly_rate = 13.50", "hourly_rate = 1350"),
        ("plan.toml:14: pa[0].hourly_rate:", "more than £1,000 an hour", "check the decimal point"),
    ),
    (
        "rate-not-a-number",
        "plan.toml",
        edited("hourly_rate = 13.50", 'hourly_rate = "thirteen"'),
        ('plan.toml:14: pa[0].hourly_rate: expected an hourly rate such as 13.50, got "thirteen"',),
    ),
    (
        "hours-per-week-not-a-number",
        "plan.toml",
        edited("hours_per_week = 15", 'hours_per_week = "lots"'),
        ('plan.toml:9: budget.hours_per_week: expected a number of hours such as 30, got "lots"',),
    ),
    (
        "end-before-start",
        "plan.toml",
        edited("end = 2027-04-05", "end = 2025-04-05"),
        ("plan.toml:3: end: the plan ends (2025-04-05) before it starts (2026-04-06)",),
    ),
    (
        "unknown-day",
        "plan.toml",
        edited('"mon", "tue"', '"funday", "tue"'),
        ("plan.toml:17: pa[0].shift[0].days: expected a day of the week", "mon, tue", 'got "funday"'),
    ),
    (
        "zero-length-shift",
        "plan.toml",
        edited('end = "12:00"', 'end = "09:00"'),
        ("plan.toml:16: pa[0].shift[0]: the shift has no length", "09:00", "may cross midnight"),
    ),
    (
        "overlapping-shifts",
        "plan.toml",
        PLAN + '\n  [[pa.shift]]\n  days = ["wed"]\n  start = "11:00"\n  end = "14:00"\n',
        ("plan.toml:21: pa[0].shift[1]:", "overlap on Wednesdays", "cannot work two shifts at once"),
    ),
    (
        "shifts-starting-together",
        "plan.toml",
        PLAN + '\n  [[pa.shift]]\n  days = ["fri"]\n  start = "09:00"\n  end = "10:00"\n',
        ("plan.toml:21: pa[0].shift[1]:", "shifts 0 and 1 overlap on Fridays"),
    ),
    (
        "overlapping-repeat-rule",
        "plan.toml",
        PLAN + '\n  [[pa.shift]]\n  repeat = "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"\n  start = "10:00"\n'
        '  end = "13:00"\n',
        ("plan.toml:21: pa[0].shift[1]:", "shifts 0 and 1 overlap on Tuesday 7 April 2026"),
    ),
    (
        "date-of-birth-in-future",
        "plan.toml",
        edited("age = 42", "date_of_birth = 2090-01-01"),
        ("plan.toml:13: pa[0].date_of_birth: Alex's date of birth 2090-01-01 is in the future",),
    ),
    (
        "too-young",
        "plan.toml",
        edited("age = 42", "date_of_birth = 2016-01-01"),
        ("plan.toml:13: pa[0].date_of_birth: Alex would be 10 at the plan start: a PA must be 16 to 100",),
    ),
    (
        "plan-of-8000-years",
        "plan.toml",
        edited("end = 2027-04-05", "end = 9999-12-31"),
        ("plan.toml:3: end: the plan runs from 2026-04-06 to 9999-12-31, more than 10 years", "one year at a time"),
    ),
    (
        "start-in-year-one",
        "plan.toml",
        edited("start = 2026-04-06", "start = 0001-01-01"),
        ("plan.toml:2: start: the plan's start date 0001-01-01 is outside the years pacost can cost",),
    ),
    (
        "start-before-rates",
        "plan.toml",
        edited("start = 2026-04-06", "start = 2020-04-06").replace("end = 2027-04-05", "end = 2021-04-05"),
        ("plan.toml: start: the plan starts on 2020-04-06, before the first tax year pacost has figures for",),
    ),
    (
        "absurd-amount",
        "plan.toml",
        edited("amount = 300.00", "amount = 1e400"),
        ("plan.toml:7: budget.amount: is too large to be real", "1,000,000,000", "expected an amount such as 12.50"),
    ),
    (
        "unknown-nation",
        "plan.toml",
        edited('nation = "england"', 'nation = "france"'),
        ("plan.toml:4: nation: expected the nation", "england, wales, scotland or northern-ireland", '"france"'),
    ),
    (
        "misspelt-nation",
        "plan.toml",
        edited('nation = "england"', 'nation = "scotlnd"'),
        ("plan.toml:4: nation:", "did you mean 'scotland'?"),
    ),
    (
        "typo-in-key",
        "plan.toml",
        edited("hourly_rate = 13.50", "hourly_rte = 13.50"),
        ("plan.toml:14: pa[0].hourly_rte: unknown key 'hourly_rte'", "did you mean 'hourly_rate'?"),
    ),
    (
        "typo-in-top-level-key",
        "plan.toml",
        edited('nation = "england"', 'natoin = "england"'),
        ("plan.toml:4: natoin: unknown key 'natoin' at the top of the plan", "did you mean 'nation'?"),
    ),
    (
        "unknown-pay-frequency",
        "plan.toml",
        edited("age = 42", 'age = 42\npay_frequency = "daily"'),
        ("plan.toml:14: pa[0].pay_frequency: expected a pay frequency: weekly, fortnightly", '"daily"'),
    ),
    (
        "no-rota",
        "plan.toml",
        PLAN.split("\n  [[pa.shift]]")[0],
        ("plan.toml:11: pa[0]: has no rota", "hours_per_week"),
    ),
    (
        "hourly-repeat-rule",
        "plan.toml",
        edited('days = ["mon", "tue", "wed", "thu", "fri"]', 'repeat = "RRULE:FREQ=HOURLY"'),
        ("plan.toml:17: pa[0].shift[0].repeat: FREQ=HOURLY is not allowed", "repeats on dates"),
    ),
    (
        "repeat-rule-until-in-utc",
        "plan.toml",
        edited('days = ["mon", "tue", "wed", "thu", "fri"]', 'repeat = "RRULE:FREQ=DAILY;UNTIL=20260501T000000Z"'),
        ("plan.toml:17: pa[0].shift[0].repeat: write UNTIL as a local date without Z",),
    ),
    (
        "week-beyond-every",
        "plan.toml",
        edited('end = "12:00"\n', 'end = "12:00"\nevery = 2\nweek = 3\n'),
        ("plan.toml:16: pa[0].shift[0]: week = 3, but the rota repeats every 2 week(s)", "(1 to 2)"),
    ),
    (
        "same-week-overlap",
        "plan.toml",
        PLAN + '  every = 2\n\n  [[pa.shift]]\n  days = ["mon"]\n  start = "11:00"\n  end = "13:00"\n  every = 2\n',
        ("pa[0].shift[1]: Alex's shifts 0 and 1 overlap on Mondays",),
    ),
    (
        "unquoted-time",
        "plan.toml",
        edited('start = "09:00"', "start = 09:00"),
        ('plan.toml:18: start = 09:00: put the value in quotes, as start = "09:00"',),
    ),
    (
        "unquoted-pound-sign",
        "plan.toml",
        edited("hourly_rate = 13.50", "hourly_rate = £13.50"),
        ('plan.toml:14: hourly_rate = £13.50: put the value in quotes, as hourly_rate = "£13.50"',),
    ),
    (
        "unquoted-decimal-comma",
        "plan.toml",
        edited("amount = 300.00", "amount = 520,00"),
        ("plan.toml:7: amount = 520,00: use a full stop for pence: amount = 520.00",),
    ),
    (
        # "520,00" must not be read as 52000 (a week's budget of £52,000 turns a shortfall into a surplus).
        "quoted-decimal-comma",
        "plan.toml",
        edited("amount = 300.00", 'amount = "520,00"'),
        ("plan.toml:7: budget.amount: use a full stop for pence: 520.00, not 520,00",),
    ),
    (
        "european-thousands",
        "plan.toml",
        edited("amount = 300.00", 'amount = "1.250,00"'),
        ("plan.toml:7: budget.amount: use a full stop for pence: 1250.00, not 1.250,00",),
    ),
]


def json_case(edit: Callable[[dict[str, object]], None]) -> str:
    data = json.loads(json.dumps(PLAN_JSON))
    edit(data)
    return json.dumps(data, indent=2)


JSON_CASES: list[tuple[str, str, str | bytes, tuple[str, ...]]] = [
    ("invalid-json", "plan.json", '{"name": "x", "budget": {\n', ("plan.json:2:1: not valid JSON",)),
    ("json-array", "plan.json", "[1, 2]", ("plan.json: a JSON plan must be one object",)),
    ("json-nan", "plan.json", '{"budget": {"amount": NaN}}', ("plan.json: not valid JSON", "NaN is not a number")),
    (
        "json-plan-to-year-9999",
        "plan.json",
        json_case(lambda d: d.update(end="9999-12-31")),
        ("plan.json:4: end: the plan runs from 2026-04-06 to 9999-12-31, more than 10 years",),
    ),
    (
        "json-plan-in-year-9999",
        "plan.json",
        json_case(lambda d: d.update(start="9999-01-01", end="9999-12-31")),
        ("plan.json:3: start: the plan's start date 9999-01-01 is outside the years pacost can cost", "check the year"),
    ),
    (
        "json-absurd-number",
        "plan.json",
        json_case(lambda d: d.update(budget={"amount": "@", "per": "week"})).replace('"@"', "1e400"),
        ("plan.json:6: budget.amount: is too large to be real",),
    ),
    (
        "json-bad-date",
        "plan.json",
        json_case(lambda d: d.update(start="6 April 2026")),
        ("plan.json:3: start: expected a date written 2026-04-06", '"6 April 2026"'),
    ),
    (
        "json-pa-not-a-list",
        "plan.json",
        json_case(lambda d: d.update(pa="Alex")),
        ("plan.json:9: pa: should be a list",),
    ),
    (
        "json-repeated-key",
        "plan.json",
        '{"name": "x",\n "budget": {"amount": 5,\n  "per": "week",\n  "amount": 6}}',
        ("plan.json:4: budget.amount: 'amount' is given twice in one table",),
    ),
]


@pytest.mark.parametrize(
    ("name", "contents", "fragments"),
    [pytest.param(name, contents, fragments, id=case) for case, name, contents, fragments in TOML_CASES + JSON_CASES],
)
def test_bad_plan_gives_one_located_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    contents: str | bytes,
    fragments: tuple[str, ...],
) -> None:
    path = tmp_path / name
    if isinstance(contents, bytes):
        path.write_bytes(contents)
    else:
        path.write_text(contents, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(monkeypatch, capsys, "cost", name)
    assert_one_line_error(code, out, err, *fragments)


def test_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans.toml").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = run(monkeypatch, capsys, "cost", "plans.toml")
    assert_one_line_error(code, out, err, "plans.toml: is a folder, not a plan file", "pacost batch")


def test_a_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(monkeypatch, capsys, "cost", "nowhere.toml")
    assert_one_line_error(code, out, err, "nowhere.toml: no such file")


def test_an_age_is_relative_to_a_future_plan_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An age gives a date of birth relative to the plan start; for a plan years ahead that date is after today,
    and must not be refused as 'in the future'."""
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.replace("2026-04-06", "2040-04-06").replace("2027-04-05", "2041-04-05"), encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "cost", str(path), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["period"]["start"] == "2040-04-06"


# ----------------------------------------------------------------------------------------------------------------
# --set


def test_set_changes_the_result(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(EXAMPLES / "single-pa-weekday.toml")
    code, out, _ = run(monkeypatch, capsys, "cost", plan, "--format", "json")
    assert code == 0
    before = json.loads(out)
    code, out, _ = run(monkeypatch, capsys, "cost", plan, "--format", "json", "--set", "pa.0.hourly_rate=14")
    assert code == 0
    after = json.loads(out)
    assert before["pas"][0]["hourly_rate"] == "13.50"
    assert after["pas"][0]["hourly_rate"] == "14.00"
    assert float(after["total"]) > float(before["total"])
    assert after["budget"] == before["budget"]


def test_set_several_values(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(EXAMPLES / "single-pa-weekday.toml")
    args = ["cost", plan, "--format", "json", "--set", "budget.amount=1000", "--set", 'nation="wales"']
    code, out, _ = run(monkeypatch, capsys, *args)
    assert code == 0
    result = json.loads(out)
    assert result["per_week"]["budget"] == "1000.00"
    assert result["nation"] == "wales"


@pytest.mark.parametrize(
    ("setting", "fragments"),
    [
        ("pa.0.hourly_rate", ("--set 'pa.0.hourly_rate': write a change as KEY=VALUE",)),
        ("pa.5.hourly_rate=14", ("--set pa.5.hourly_rate=14: the plan has 1 PA(s), counted from 0; there is no pa.5",)),
        ("pa.0.hourly_rte=14", ("pa[0].hourly_rte: unknown key 'hourly_rte'", "did you mean 'hourly_rate'?")),
        ("pa.0.hourly_rate=-20", ("pa[0].hourly_rate: must be more than zero, got -6.50",)),  # 13.50 less £20
        ("name.first=Jo", ("--set name.first=Jo: name is a single value, not a table",)),
    ],
    ids=["no-equals", "no-such-pa", "typo", "negative", "into-a-value"],
)
def test_bad_set_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], setting: str, fragments: tuple[str, ...]
) -> None:
    code, out, err = run(monkeypatch, capsys, "cost", str(EXAMPLES / "single-pa-weekday.toml"), "--set", setting)
    assert_one_line_error(code, out, err, *fragments)


# ----------------------------------------------------------------------------------------------------------------
# Through a real subprocess: the entry point, the exit codes and a clean stderr


def pacost(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pacost", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"PATH": "", "NO_COLOR": "1", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"},
    )


def test_fail_on_shortfall_exits_3_on_a_short_plan() -> None:
    done = pacost("cost", "examples/single-pa-weekday.toml", "--format", "json", "--fail-on-shortfall")
    assert done.returncode == 3, done.stderr
    assert json.loads(done.stdout)["covered"] is False


def test_fail_on_shortfall_exits_0_on_a_covered_plan() -> None:
    done = pacost("cost", "examples/covered-plan.json", "--format", "json", "--fail-on-shortfall")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["covered"] is True


def test_subprocess_bad_plan_is_one_line_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.replace("hourly_rate = 13.50", "hourly_rte = 13.50"), encoding="utf-8")
    done = pacost("cost", str(path))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(
        f"error: {path}:14: pa[0].hourly_rte: unknown key 'hourly_rte' in [pa[0]]: did you mean 'hourly_rate'? "
    )
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_subprocess_empty_stdin() -> None:
    done = pacost("cost", "-", stdin="")
    assert done.returncode == 1
    assert done.stderr == "error: <stdin>: is empty: a plan needs at least a [budget] and one [[pa]]\n"


def test_subprocess_plan_on_stdin() -> None:
    done = pacost("cost", "-", "--format", "json", stdin=json.dumps(PLAN_JSON))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["plan"] == "Test plan"


def test_usage_error_is_exit_2() -> None:
    done = pacost("cost", "examples/covered-plan.json", "--format", "yaml")
    assert done.returncode == 2


def test_every_mistake_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Six mistakes, six located lines in the order of the file, one run, exit 1."""
    text = (
        edited("start = 2026-04-06\n", 'start = 2026-04-06\nstrat = "x"\n')
        .replace("amount = 300.00", "amount = -5")
        .replace('per = "week"', 'per = "fortnite"')
        .replace("hourly_rate = 13.50", "hourly_rte = 13.50")
        .replace('"thu", "fri"]', '"thu", "funday"]')
        .replace('end = "12:00"', 'end = "12:00"\nevery = 0')
    )
    (tmp_path / "plan.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(monkeypatch, capsys, "cost", "plan.toml")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "error: plan.toml:3: strat: unknown key 'strat' at the top of the plan: did you mean 'start'? known keys are "
        "budget, contingency, cover, employer, end, name, nation, pa, sickness, start",
        "error: plan.toml:8: budget.amount: must not be negative, got -5",
        "error: plan.toml:9: budget.per: expected how often the amount is paid: week, fortnight, 4-weeks, month, year "
        "or period; got \"fortnite\" (did you mean 'fortnight'?)",
        "error: plan.toml:15: pa[0].hourly_rte: unknown key 'hourly_rte' in [pa[0]]: did you mean 'hourly_rate'? "
        "known keys are age, date_of_birth, days, employed_since, enhancements, holiday, holiday_weeks, hourly_rate, "
        "hours_per_week, name, ni_category, night, night_hours_per_week, pay_frequency, pension, shift, "
        "weekend_hours_per_week",
        "error: plan.toml:18: pa[0].shift[0].days: expected a day of the week (mon, tue, wed, thu, fri, sat or sun), "
        'got "funday"',
        "error: plan.toml:21: pa[0].shift[0].every: expected a number of weeks (a whole number from 1 to 52), got 0",
    ]


def test_at_most_twenty_mistakes_then_a_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = dict(PLAN_JSON, **{f"unknown_{n}": n for n in range(25)})
    (tmp_path / "plan.json").write_text(json.dumps(plan, indent=1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(monkeypatch, capsys, "cost", "plan.json")
    lines = err.splitlines()
    assert code == 1 and len(lines) == 21
    assert all(line.startswith("error: plan.json:") and "unknown key 'unknown_" in line for line in lines[:20])
    assert lines[20].startswith("error: and 5 more problems")


def test_json_mistakes_give_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = json.loads(json.dumps(PLAN_JSON))
    plan["budget"]["amount"] = "x"
    plan["pa"][0]["shift"][0]["end"] = "25:00"
    (tmp_path / "plan.json").write_text(json.dumps(plan, indent=2), encoding="utf-8")
    numbered = {n: line for n, line in enumerate((tmp_path / "plan.json").read_text().splitlines(), start=1)}
    monkeypatch.chdir(tmp_path)
    code, _, err = run(monkeypatch, capsys, "cost", "plan.json")
    assert code == 1
    amount, end = err.splitlines()
    amount_line = int(amount.split(":")[2])
    end_line = int(end.split(":")[2])
    assert '"amount": "x"' in numbered[amount_line] and "budget.amount" in amount
    assert '"end": "25:00"' in numbered[end_line] and "pa[0].shift[0].end" in end


@pytest.mark.parametrize("written", ['"£1,950.00"', '"1,950.00"', '"1 950.00"', '"£1950"', "1950.00"])
def test_amounts_as_people_write_them(tmp_path: Path, written: str) -> None:
    from pacost.plan import load_plan

    path = tmp_path / "plan.toml"
    path.write_text(edited("amount = 300.00", f"amount = {written}"), encoding="utf-8")
    assert load_plan(path).plan.budget.amount == 1950


def test_shifts_on_the_same_day_of_different_weeks_do_not_overlap(tmp_path: Path) -> None:
    from pacost.plan import load_plan

    path = tmp_path / "plan.toml"
    second = '\n  [[pa.shift]]\n  days = ["mon"]\n  start = "11:00"\n  end = "13:00"\n  every = 2\n  week = 2\n'
    path.write_text(PLAN + "  every = 2\n" + second, encoding="utf-8")
    shifts = load_plan(path).plan.pa[0].shift
    assert [(s.every, s.week) for s in shifts] == [(2, 1), (2, 2)]


BASE_TOML = 'name = "x"\n[budget]\namount = 300\nper = "week"\n[[pa]]\nname = "A"\nhourly_rate = 13\n'


def _shift_rule(rule: str) -> str:
    return BASE_TOML + f'[[pa.shift]]\nrepeat = "{rule}"\nstart = "09:00"\nend = "10:00"\n'


@pytest.mark.parametrize(
    ("name", "contents", "fragment"),
    [
        ("deep.json", '{"a":' * 500 + "1" + "}" * 500, "deep.json: is nested hundreds of tables deep"),
        ("long.toml", BASE_TOML + "hours_per_week = " + "1" * 5000 + "\n", "a number in it is too long to be real"),
        (
            "huge.json",
            '{"budget": {"amount": 1e999999999, "per": "week"}, "pa": [{"hourly_rate": 13, "hours_per_week": 1}]}',
            "budget.amount: is too large to be real",
        ),
        ("inf.toml", BASE_TOML + "age = inf\nhours_per_week = 10\n", "pa[0].age: expected an age in whole years"),
        ("rr1.toml", _shift_rule("RRULE:FREQ=WEEKLY;INTERVAL=-1"), "INTERVAL=-1 is out of range"),
        ("rr2.toml", _shift_rule("RRULE:FREQ=WEEKLY;INTERVAL=0"), "INTERVAL=0 is out of range"),
        ("rr3.toml", _shift_rule("RRULE:FREQ=YEARLY;BYEASTER=-100000"), "BYEASTER cannot be used"),
        ("rr4.toml", _shift_rule("RRULE:FREQ=MONTHLY;BYMONTHDAY=0"), "BYMONTHDAY=0 is out of range"),
        ("rr5.toml", _shift_rule("RRULE:FREQ=YEARLY;BYWEEKNO=60"), "BYWEEKNO=60 is out of range"),
        ("rr6.toml", _shift_rule("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), "never falls between the plan's start"),
        (
            "surrogate.json",
            '{"name": "\\ud800", "budget": {"amount": 1, "per": "week"}, "pa": [{"hourly_rate": 13}]}',
            "surrogate.json: name: holds a character that is not text",
        ),
        ("latin1.toml", b'name = "Caf\xe9"\n', "latin1.toml: is not UTF-8 text (byte 12"),
        ("utf16.toml", 'name = "x"\n'.encode("utf-16"), "utf16.toml: is UTF-16 text: save the plan as UTF-8"),
        ("a" * 300 + ".toml", "", "cannot be read (File name too long)"),
    ],
    ids=lambda value: value[:20] if isinstance(value, str) else None,
)
def test_odd_files_get_a_located_message_quickly(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    contents: str | bytes,
    fragment: str,
) -> None:
    import time

    if len(name) < 255:
        path = tmp_path / name
        path.write_bytes(contents) if isinstance(contents, bytes) else path.write_text(contents, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    begin = time.perf_counter()
    code, out, err = run(monkeypatch, capsys, "cost", name)
    assert time.perf_counter() - begin < 5
    assert (code, out) == (1, "")
    assert "unexpected problem" not in err and "Traceback" not in err
    assert fragment in err, err


def test_a_pipe_a_device_and_a_huge_file_are_refused_without_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    os.mkfifo("plan.toml")
    assert "is a pipe or a device" in run(monkeypatch, capsys, "cost", "plan.toml")[2]
    assert "is a pipe or a device" in run(monkeypatch, capsys, "cost", "/dev/zero")[2]
    with open("big.toml", "wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    code, _, err = run(monkeypatch, capsys, "cost", "big.toml")
    assert code == 1 and "is 11 MB, not a plan file" in err


def test_values_said_back_are_cut_to_80_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plan.toml").write_text(edited('per = "week"', 'per = "' + "x" * 500 + '"'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, _, err = run(monkeypatch, capsys, "cost", "plan.toml")
    assert "x" * 78 + "…" in err and "x" * 81 not in err


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('value = "0.15"', 'value = "1.5"', "employer_rate is 1.5: a rate is a fraction from 0 to 1"),
        ('weekly = "96"', 'weekly = "-96"', "weekly is -96: a threshold cannot be negative"),
        ('monthly = "417"', 'monthly = "5000"', "the monthly secondary threshold is above the upper"),
    ],
)
def test_a_rates_file_with_a_figure_out_of_range_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    fragment: str,
) -> None:
    text = (ROOT / "data" / "ni_rates" / "2026-27.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "rates.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    code, _, err = run(
        monkeypatch, capsys, "cost", str(EXAMPLES / "young-pa.toml"), "--rates", str(tmp_path / "rates.toml")
    )
    assert code == 1 and fragment in err, err


def test_a_shift_from_00_00_to_24_00_is_24_hours(tmp_path: Path) -> None:
    from pacost.engine.cost import cost_plan
    from pacost.plan import load_plan

    path = tmp_path / "plan.toml"
    path.write_text(edited('start = "09:00"\n  end = "12:00"', 'start = "00:00"\n  end = "24:00"'), encoding="utf-8")
    result = cost_plan(load_plan(path), affordable=False)
    # Weekdays from Monday 6 April 2026 to Monday 5 April 2027: 52 weeks of 5 and one Monday, 24 hours each (no
    # clock change falls on a weekday).
    assert result.hours.planned == (52 * 5 + 1) * 24
