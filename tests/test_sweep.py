"""``pacost sweep``: each row equals ``pacost cost --set`` at that value; the cost never falls as the rate or the
hours rise; the break-even value is covered and a penny beyond it is not."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SINGLE = ROOT / "examples" / "single-pa-weekday.toml"  # £260 a week; Alex £13.50, 15 hours a week
THREE = ROOT / "examples" / "three-pas-nights-weekends.toml"


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "pacost", *args], capture_output=True, text=True, check=True)
    return done.stdout


def cost(plan: Path, *settings: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        run("cost", str(plan), "--format", "json", *[a for s in settings for a in ("--set", s)])
    )
    return data


def sweep(plan: Path, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(run("sweep", str(plan), *args, "--format", "json"))
    return data


def test_rows_equal_single_runs_and_the_cost_never_falls_as_the_rate_rises() -> None:
    out = sweep(SINGLE, "--vary", "pa.*.hourly_rate=12:14:0.25")
    values = [row["values"]["pa.*.hourly_rate"] for row in out["rows"]]
    assert values == ["12.00", "12.25", "12.50", "12.75", "13.00", "13.25", "13.50", "13.75", "14.00"]
    for row in out["rows"][::4]:
        single = cost(SINGLE, f"pa.*.hourly_rate={row['values']['pa.*.hourly_rate']}")
        for key in ("total", "budget", "difference", "covered", "hours_per_week_budget_buys", "per_week"):
            assert row[key] == single[key], key
    totals = [Decimal(row["total"]) for row in out["rows"]]
    assert totals == sorted(totals)


@pytest.mark.parametrize(
    ("vary", "side", "beyond"),
    [
        ("pa.*.hourly_rate=12:14:0.5", "highest", Decimal("0.01")),
        ("budget.amount=240:300:20", "lowest", Decimal("-0.01")),
    ],
    ids=["rate", "budget"],
)
def test_the_break_even_value_is_covered_and_a_penny_beyond_is_not(vary: str, side: str, beyond: Decimal) -> None:
    key = vary.split("=")[0]
    found = sweep(SINGLE, "--vary", vary)["break_even"]
    assert found["side"] == side
    value = Decimal(found["value"])
    assert cost(SINGLE, f"{key}={value}")["covered"] is True
    assert cost(SINGLE, f"{key}={value + beyond}")["covered"] is False
    if side == "highest":  # the same answer as the highest affordable rate, found the engine's own way
        assert found["value"] == cost(SINGLE)["max_affordable_hourly_rate"]


def test_a_grid_of_two_keys_and_the_csv_form() -> None:
    grid = sweep(THREE, "--vary", "pa.Tom.hourly_rate=12:13:0.5", "--vary", "budget.amount=1200:1300:50")
    assert len(grid["rows"]) == 9 and grid["break_even"] is None
    text = run("sweep", str(SINGLE), "--vary", "budget.amount=250:270:10", "--format", "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][0] == "budget.amount" and [r[0] for r in rows[1:]] == ["250", "260", "270"]
    assert [r[4] for r in rows[1:]] == ["false", "false", "true"]


@pytest.mark.parametrize(
    ("spec", "message"),
    [("pa.*.hourly_rate=14:12:1", "FROM must be no more than TO"), ("budget.amount=1:2", "FROM:TO:STEP")],
)
def test_a_bad_range_is_said_plainly(spec: str, message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pacost", "sweep", str(SINGLE), "--vary", spec], capture_output=True, text=True
    )
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr
