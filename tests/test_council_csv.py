"""Council CSV exports that lose nothing: a header pacost cannot read stops the batch before anything is costed
(naming the nearest column), a file without a header row is said so, a quote never closed is an error row at its
own line with the rows after it still costed, a Windows-1252 export is read with a warning, UK dates are read, each
plan is located at its first line, and shifts and sleep-ins can be given."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from pacost.batch.council_csv import csv_plan, csv_records
from pacost.engine.cost import cost_plan
from pacost.plan import LoadedPlan, plan_from_dict

ROOT = Path(__file__).resolve().parent.parent
HEADER = "plan_id,plan_name,start,budget,budget_per,pa_name,hourly_rate,age,hours_per_week,shifts\n"


def batch(tmp_path: Path, text: str | bytes) -> tuple[subprocess.CompletedProcess[str], list[dict[str, str]]]:
    export = tmp_path / "export.csv"
    export.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    out = tmp_path / "out.csv"
    result = subprocess.run(
        [sys.executable, "-m", "pacost", "batch", "export.csv", "--out", "out.csv", "--quiet"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    rows: list[dict[str, str]] = []
    if out.exists():
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    return result, rows


def test_a_mistyped_header_stops_the_batch_before_anything_is_costed(tmp_path: Path) -> None:
    result, rows = batch(
        tmp_path, HEADER.replace("hourly_rate", "hourly_rte") + "P1,A,2026-04-06,300,week,X,13,40,10,\n"
    )
    assert result.returncode == 1
    assert "export.csv:1: unknown column 'hourly_rte': did you mean 'hourly_rate'?" in result.stderr
    assert "has no 'hourly_rate' column" in result.stderr
    assert rows == []


def test_a_file_without_a_header_row_is_said_so(tmp_path: Path) -> None:
    result, _ = batch(tmp_path, "P1,A,2026-04-06,300,week,X,13,40,10,\n")
    assert result.returncode == 1
    assert "export.csv:1: has no header row" in result.stderr


def test_a_quote_never_closed_is_an_error_row_at_its_line_and_the_rest_is_costed(tmp_path: Path) -> None:
    text = HEADER + 'P1,"Mr A,2026-04-06,300,week,X,13,40,10,\n' + "P2,Ms B,2026-04-06,300,week,Y,13,40,10,\n"
    result, rows = batch(tmp_path, text)
    assert result.returncode == 0, result.stderr
    assert [(r["source"], r["error"] != "") for r in rows] == [("export.csv:2", True), ("export.csv:3", False)]
    assert "never closed" in rows[0]["error"]


def test_a_windows_1252_export_is_read_with_a_warning(tmp_path: Path) -> None:
    text = HEADER + "P1,Zoë's plan,06/04/2026,£300,week,Zoë,13,40,10,\n"
    result, rows = batch(tmp_path, text.encode("cp1252"))
    assert result.returncode == 0, result.stderr
    assert "warning: " in result.stderr and "read as Windows-1252" in result.stderr
    assert rows[0]["error"] == "", rows[0]
    assert "Zoë's plan" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_uk_dates_shifts_sleep_ins_and_first_lines() -> None:
    lines = [
        "plan_id,start,budget,budget_per,pa_name,hourly_rate,date_of_birth,shifts,sleep_ins_per_week,sleep_in_flat\n",
        "P1,06/04/2026,600,week,Jo,13.00,17/05/1990,mon-fri 09:00-12:00; sat 10:00-13:00 every 2 week 2,2,75\n",
        "P1,,,,Sam,13.50,1/2/1985,tue 22:00-07:00,,\n",
        'P2,06/04/2026,300,week,"Al\n',  # a cell running on to the next line: one record, located at its first line
        'ex",13,,mon 9 to 12,,\n',
    ]
    records = list(csv_records(lines, "export.csv"))
    assert [(r.plan_id, r.source) for r in records] == [("P1", "export.csv:2-3"), ("P2", "export.csv:4")]
    data = csv_plan(records[0].payload)
    assert data["start"] == "2026-04-06"
    jo, sam = data["pa"]
    assert jo["date_of_birth"] == "1990-05-17" and sam["date_of_birth"] == "1985-02-01"
    assert jo["shift"] == [
        {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "12:00"},
        {"days": ["sat"], "start": "10:00", "end": "13:00", "every": 2, "week": 2},
        {"days": ["mon", "tue"], "start": "22:00", "end": "07:00", "kind": "sleep-in", "flat": "75"},
    ]
    plan, assumptions = plan_from_dict(data, source="export.csv")
    result = cost_plan(LoadedPlan(plan, assumptions, "export.csv", ""), affordable=False)
    assert result.hours.sleep_in > 0
    assert csv_plan(records[1].payload)["pa"][0]["name"] == "Al\nex"


def test_an_agencys_sleep_in_charge_comes_from_its_column() -> None:
    lines = [
        "plan_id,start,budget,budget_per,cover,cover_rate,cover_sleep_in_rate,pa_name,hourly_rate,age,shifts\n",
        "P1,06/04/2026,600,week,agency,28,90,Jo,13.00,40,sun 22:00-07:00 sleep-in £60\n",
    ]
    data = csv_plan(next(iter(csv_records(lines, "export.csv"))).payload)
    assert data["cover"] == {"by": "agency", "rate": "28", "sleep_in_rate": "90"}
    plan, _ = plan_from_dict(data, source="export.csv")
    assert plan.cover.sleep_in_rate == 90
