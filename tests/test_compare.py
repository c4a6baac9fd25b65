"""``pacost compare``: every column equals ``pacost cost`` with the same changes, to the penny."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SINGLE = ROOT / "examples" / "single-pa-weekday.toml"
YOUNG = ROOT / "examples" / "young-pa.toml"


def pacost(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "pacost", *args], capture_output=True, text=True, check=True)
    return done.stdout


def cost(plan: Path, *settings: str) -> dict[str, Any]:
    args = [a for s in settings for a in ("--set", s)]
    data: dict[str, Any] = json.loads(pacost("cost", str(plan), "--format", "json", *args))
    return data


def same_figures(column: dict[str, Any], single: dict[str, Any]) -> None:
    for key in ("pas", "assumptions"):  # a column leaves each PA's figures and the assumptions to `pacost cost`
        column.pop(key)
        single.pop(key)
    for figures in (column, single):  # and each PA's share of what would be owed if the employment ended
        figures["liabilities"].pop("pas")
    column.pop("scenario", None)  # the scenario's name: the one thing `pacost cost` does not know
    assert column == single


def test_every_column_equals_pacost_cost_with_the_same_changes() -> None:
    out = json.loads(
        pacost(
            "compare",
            str(SINGLE),
            "--with",
            "agency cover: cover.by=agency, cover.rate=28",
            "--with",
            "PA at £14.50: pa.0.hourly_rate=14.50",
            "--format",
            "json",
        )
    )
    names = [c["name"] for c in out["columns"]]
    assert names == ["As written", "agency cover", "PA at £14.50"]
    same_figures(out["columns"][0]["result"], cost(SINGLE))
    assert out["columns"][1]["result"]["scenario"] == "agency cover"
    same_figures(out["columns"][1]["result"], cost(SINGLE, "cover.by=agency", "cover.rate=28"))
    same_figures(out["columns"][2]["result"], cost(SINGLE, "pa.0.hourly_rate=14.50"))
    rows = {row["id"]: row["values"] for row in out["rows"]}
    totals = [c["result"]["total"] for c in out["columns"]]
    assert rows["total"] == totals
    assert rows["total_beside_first"] == [str(Decimal(t) - Decimal(totals[0])) for t in totals]
    assert rows["covered"] == [c["result"]["covered"] for c in out["columns"]]


def test_plans_side_by_side_and_common_changes() -> None:
    out = json.loads(pacost("compare", str(SINGLE), str(YOUNG), "--set", "budget.amount=+5%", "--format", "json"))
    assert [c["name"] for c in out["columns"]] == ["single-pa-weekday", "young-pa"]
    same_figures(out["columns"][0]["result"], cost(SINGLE, "budget.amount=+5%"))
    same_figures(out["columns"][1]["result"], cost(YOUNG, "budget.amount=+5%"))


def test_csv_and_markdown_forms() -> None:
    text = pacost("compare", str(SINGLE), "--with", "cheaper: pa.0.hourly_rate=-1", "--format", "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["id", "label", "As written", "cheaper"]
    assert {r[0] for r in rows[1:]} >= {"wages", "total", "budget", "difference", "max_affordable_hourly_rate"}
    markdown = pacost("compare", str(SINGLE), "--with", "cheaper: pa.0.hourly_rate=-1", "--format", "markdown")
    assert "| **True cost** |" in markdown and "- cheaper: pa.0.hourly\\_rate=-1" in markdown


def test_the_agency_column_worked_by_hand_for_one_pa() -> None:
    """Alex works 09:00-12:00 every weekday from 6 April 2026 to 5 April 2027: 261 weekdays, 783 hours. At an
    agency's £28 an hour, with bank holiday hours at twice that, the agency charges 28 x (783 + 3 x the weekday bank
    holidays); no employer's cost is added (the agency employs the workers)."""
    from datetime import date, timedelta

    import holidays

    start, end = date(2026, 4, 6), date(2027, 4, 5)
    days = [start + timedelta(days=k) for k in range((end - start).days + 1)]
    weekdays = [d for d in days if d.weekday() < 5]
    england = holidays.country_holidays("GB", subdiv="ENG", years=[2026, 2027])
    bank = [d for d in weekdays if d in england]
    assert len(weekdays) == 261 and len(bank) == 9
    charge = Decimal(28) * (3 * len(weekdays) + 3 * len(bank))  # the bank holiday hours once more at the rate
    out = json.loads(
        pacost("compare", str(SINGLE), "--agency", "28", "--agency-surcharge", "bank_holiday=2", "--format", "json")
    )
    agency = out["columns"][1]
    assert agency["name"] == "Agency at £28.00"
    assert agency["agency"]["total"] == f"{charge:.2f}" == "22680.00"
    rows = {row["id"]: row["values"] for row in out["rows"]}
    assert rows["agency"] == [None, "22680.00"]
    assert rows["total"][1] == "22680.00" and rows["employer_ni"][1] == "0.00"
    direct = Decimal(out["columns"][0]["result"]["total"])
    assert out["agency_verdict"].startswith(f"Employing the PAs directly costs £{charge - direct:,.2f} less")


def test_with_agency_is_the_agency_column() -> None:
    by_option = json.loads(pacost("compare", str(SINGLE), "--agency", "28", "--format", "json"))
    by_with = json.loads(pacost("compare", str(SINGLE), "--with", "agency=28", "--format", "json"))
    assert by_with == by_option
