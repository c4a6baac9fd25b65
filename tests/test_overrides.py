"""Changes people write for one run (``--set``): relative values, PAs by name or all at once, an added shift — each
resolved as a hand calculation says, and every output made with them saying so."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pacost.errors import PacostError
from pacost.overrides import apply_overrides, split_settings

ROOT = Path(__file__).resolve().parent.parent
THREE = ROOT / "examples" / "three-pas-nights-weekends.toml"  # Jo £13.50, Priya £13.50, Tom £13.25; £1,250 a week


def cost(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "pacost", "cost", str(THREE), "--format", "json", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def plan() -> dict[str, Any]:
    return {"budget": {"amount": Decimal("1250.00"), "per": "week"}, "pa": [{"name": "Jo", "hourly_rate": 13.5}]}


def test_relative_values_as_worked_by_hand() -> None:
    data = apply_overrides(plan(), ["budget.amount=+5%", "pa.0.hourly_rate=+0.50"], "x")
    assert data["budget"]["amount"] == Decimal("1312.50")  # 1,250 x 1.05
    assert data["pa"][0]["hourly_rate"] == Decimal("14.00")  # 13.50 + 0.50
    assert apply_overrides(plan(), ["budget.amount=-10%"], "x")["budget"]["amount"] == Decimal("1125.00")
    assert apply_overrides(plan(), ["pa.0.hourly_rate=-0.25"], "x")["pa"][0]["hourly_rate"] == Decimal("13.25")
    # a percentage is rounded to two places: 333.33 x 1.05 = 349.9965
    odd = {"budget": {"amount": Decimal("333.33")}}
    assert apply_overrides(odd, ["budget.amount=+5%"], "x")["budget"]["amount"] == Decimal("350.00")


def test_pas_by_name_by_place_and_all_at_once() -> None:
    data = {"pa": [{"name": "Jo", "hourly_rate": 13}, {"name": "Priya", "hourly_rate": 14}]}
    assert [p["hourly_rate"] for p in apply_overrides(data, ["pa.*.hourly_rate=+1"], "x")["pa"]] == [14, 15]
    assert apply_overrides(data, ["pa.PRIYA.hourly_rate=20"], "x")["pa"][1]["hourly_rate"] == 20
    with pytest.raises(PacostError, match=r"no PA is called 'Bob' \(the PAs: Jo, Priya\)"):
        apply_overrides(data, ["pa.Bob.hourly_rate=1"], "x")
    with pytest.raises(PacostError, match="cannot be changed by \\+2"):
        apply_overrides(data, ["pa.0.hours_per_week=+2"], "x")


def test_adding_a_shift_and_settings_written_together() -> None:
    data = {"pa": [{"name": "Jo", "shift": [{"days": ["mon"], "start": "09:00", "end": "12:00"}]}]}
    added = apply_overrides(data, ['pa.Jo.shift+={days = ["sat"], start = "10:00", end = "13:00"}'], "x")
    assert added["pa"][0]["shift"][1] == {"days": ["sat"], "start": "10:00", "end": "13:00"}
    assert split_settings('cover.by=agency, cover.rate=28, pa.0.days=["mon", "tue"]') == [
        "cover.by=agency",
        "cover.rate=28",
        'pa.0.days=["mon", "tue"]',
    ]


def test_a_run_with_changes_says_so_in_every_output(tmp_path: Path) -> None:
    plain = cost()
    changed = cost("--set", "pa.*.hourly_rate=+0.50", "--set", "budget.amount=+5%")
    assert "overrides" not in plain
    assert changed["overrides"] == ["pa.*.hourly_rate=+0.50", "budget.amount=+5%"]
    assert [p["hourly_rate"] for p in changed["pas"]] == ["14.00", "14.00", "13.75"]
    assert Decimal(changed["budget"]) == (Decimal(plain["budget"]) * Decimal("1.05")).quantize(Decimal("0.01"))
    assert changed["plan_sha256"] == plain["plan_sha256"]  # the file's, as written

    human = subprocess.run(
        [sys.executable, "-m", "pacost", "cost", str(THREE), "--set", "budget.amount=+5%"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert human.splitlines()[1] == "With changes for this run: budget.amount=+5%."
    for suffix in ("html", "md"):
        out = tmp_path / f"report.{suffix}"
        subprocess.run(
            [sys.executable, "-m", "pacost", "report", str(THREE), "--set", "budget.amount=+5%", "-o", str(out)],
            capture_output=True,
            check=True,
        )
        text = out.read_text(encoding="utf-8")
        assert "the true cost of employing PAs (with changes)" in text
        assert text.count("budget.amount=+5%") == 2  # under the title and in the footer, beside the SHA-256
