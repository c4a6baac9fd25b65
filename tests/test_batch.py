"""``pacost batch``: every input plan comes out exactly once, in order, equal to ``pacost cost`` on the same plan.

Run through the command line (``python -m pacost``), as councils will run it.
"""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pacost.batch.council_csv import csv_plan
from pacost.batch.inputs import read_inputs
from pacost.batch.rows import CSV_OUTPUT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLAN_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".toml", ".json"))
EXPORT = EXAMPLES / "council-export.csv"


def pacost(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pacost", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    if check and result.returncode not in (0, 3):
        raise AssertionError(f"pacost {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def cost_json(plan: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(pacost("cost", str(plan), "--format", "json").stdout)
    return data


def batch_rows(*args: str, out: Path) -> list[dict[str, Any]]:
    pacost("batch", *args, "--out", str(out), "--quiet")
    if out.suffix == ".jsonl":
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def same_figures(batch_result: dict[str, Any], cost_result: dict[str, Any]) -> None:
    """Every line and every verdict figure equal, to the penny (the source and file digest may differ)."""
    for key in ("source", "plan_sha256"):
        batch_result.pop(key, None)
        cost_result.pop(key, None)
    assert batch_result == cost_result


def test_a_folder_gives_one_row_per_plan_equal_to_pacost_cost(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    (folder / "nested").mkdir(parents=True)
    for i, plan in enumerate(PLAN_FILES):
        target = folder / ("nested" if i % 2 else ".") / plan.name
        target.write_bytes(plan.read_bytes())
    rows = batch_rows(str(folder), out=tmp_path / "out.jsonl")
    assert len(rows) == len(PLAN_FILES)
    assert [r["row"] for r in rows] == list(range(1, len(PLAN_FILES) + 1))
    by_name = {Path(r["source"]).name: r for r in rows}
    for plan in PLAN_FILES:
        row = by_name[plan.name]
        assert row["status"] == "ok"
        same_figures(row["result"], cost_json(plan))


def test_a_json_lines_file_gives_one_row_per_plan_equal_to_pacost_cost(tmp_path: Path) -> None:
    lines = []
    for plan in PLAN_FILES:
        if plan.suffix == ".json":
            lines.append(json.dumps(json.loads(plan.read_text(encoding="utf-8"))))
    # TOML examples become JSON lines through pacost's own reader of the same data.
    import tomllib

    for plan in PLAN_FILES:
        if plan.suffix == ".toml":
            data = tomllib.loads(plan.read_text(encoding="utf-8"))
            lines.append(json.dumps(data, default=str))
    source = tmp_path / "plans.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = batch_rows(str(source), out=tmp_path / "out.jsonl")
    assert len(rows) == len(lines)
    for number, (line, row) in enumerate(zip(lines, rows, strict=True), start=1):
        assert row["status"] == "ok", row
        assert row["source"] == f"{source}:{number}"
        single = tmp_path / f"plan{number}.json"
        single.write_text(line, encoding="utf-8")
        same_figures(row["result"], cost_json(single))


def test_a_csv_export_gives_one_row_per_plan_equal_to_pacost_cost(tmp_path: Path) -> None:
    rows = batch_rows(str(EXPORT), out=tmp_path / "out.csv")
    records = list(read_inputs([str(EXPORT)]))
    assert [r["plan_id"] for r in rows] == ["DP-0001", "DP-0002", "DP-0003"]
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["status"] == "ok", row["error"]
        single = tmp_path / f"{record.plan_id}.json"
        single.write_text(json.dumps(csv_plan(record.payload)), encoding="utf-8")
        expected = cost_json(single)
        for line in expected["lines"]:
            assert row[line["id"]] == line["amount"], (record.plan_id, line["id"])
        for key in ("total", "budget", "difference", "max_affordable_hourly_rate", "budget_needed"):
            assert row[key] == (expected[key] or ""), (record.plan_id, key)
        assert row["covered"] == ("true" if expected["covered"] else "false")


def test_a_csv_row_writes_every_figure_as_the_json_result_does() -> None:
    """The CSV row is written from the costed result directly (not through the JSON data): each cell must still be
    the JSON result's figure, for every example (one with a reserve and a balance limit among them)."""
    from pacost.batch.rows import ENDING_FIELDS, SUMMARY_FIELDS, Row, csv_cells
    from pacost.engine.cost import cost_plan
    from pacost.plan import load_plan
    from pacost.render.json_out import to_dict
    from pacost.safe_text import csv_cell

    def text(value: object) -> str:
        return "" if value is None else "true" if value is True else "false" if value is False else str(value)

    for plan in PLAN_FILES:
        result = cost_plan(load_plan(plan), with_pay_periods=False, with_assumptions=False)
        data = to_dict(result)
        cells = dict(zip(CSV_OUTPUT_COLUMNS, csv_cells(7, Row("id", "here", result, None)), strict=True))
        expected = {
            "row": "7",
            "plan_id": "id",
            "source": "here",
            "status": "ok",
            "error": "",
            "plan": csv_cell(data["plan"]),
            "start": data["period"]["start"],
            "end": data["period"]["end"],
            "days": str(data["period"]["days"]),
            "planned_hours": data["hours"]["planned"],
            "unpaid_family_hours": data["hours"]["unpaid_family"],
            **{name: text(data[name]) for name in SUMMARY_FIELDS},
            "total_per_week": data["per_week"]["total"],
            "budget_per_week": data["per_week"]["budget"],
            "difference_per_week": data["per_week"]["difference"],
            **{line["id"]: line["amount"] for line in data["lines"]},
            **{f"if_ended_{name}": (data["liabilities"] or {}).get(name, "") for name in ENDING_FIELDS},
            "reserve": (data["contingency"] or {}).get("amount", ""),
            "reserve_over_balance_limit": text((data["contingency"] or {}).get("over_balance_limit")),
            "warnings": csv_cell(" | ".join(data["warnings"])),
            "rates_used": " ".join(data["rates_used"]),
        }
        assert cells == expected, plan.name
        if plan.name == "scotland-weekend-pa.toml":
            assert cells["reserve"] and cells["if_ended_total"]


def test_bad_rows_in_the_middle_come_out_as_error_rows_at_their_place(tmp_path: Path) -> None:
    good = json.loads((EXAMPLES / "covered-plan.json").read_text(encoding="utf-8"))
    negative = json.loads(json.dumps(good))
    negative["pa"][0]["hourly_rate"] = "-3"
    nowhere = json.loads(json.dumps(good))
    nowhere["nation"] = "atlantis"
    lines = [json.dumps(good), '{"name": "broken", "budget": ', json.dumps(negative), json.dumps(nowhere)]
    lines.append(json.dumps(good))
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = batch_rows(str(source), out=tmp_path / "out.jsonl")
    assert [r["status"] for r in rows] == ["ok", "error", "error", "error", "ok"]
    assert "not valid JSON" in rows[1]["error"] and f"{source}:2" in rows[1]["error"]
    assert "pa[0].hourly_rate" in rows[2]["error"] and "more than zero" in rows[2]["error"]
    assert "nation" in rows[3]["error"] and "atlantis" in rows[3]["error"]

    # A CSV export with a row missing a cell, a negative rate and an unknown nation in the middle.
    text = EXPORT.read_text(encoding="utf-8").splitlines()
    header, first = text[0], text[1]
    short = ",".join(first.split(",")[:-3]).replace("DP-0001", "DP-BAD1")
    cells = first.split(",")
    cells[0], cells[20] = "DP-BAD2", "-13.00"
    negative_row = ",".join(cells)
    cells = first.split(",")
    cells[0], cells[4] = "DP-BAD3", "atlantis"
    unknown_nation = ",".join(cells)
    export = tmp_path / "export.csv"
    export.write_text("\n".join([header, first, short, negative_row, unknown_nation, *text[2:]]) + "\n", "utf-8")
    out = batch_rows(str(export), out=tmp_path / "out.csv")
    assert [r["plan_id"] for r in out] == ["DP-0001", "DP-BAD1", "DP-BAD2", "DP-BAD3", "DP-0002", "DP-0003"]
    assert [r["status"] for r in out] == ["ok", "error", "error", "error", "ok", "ok"]
    assert "cells" in out[1]["error"] and "export.csv:3" in out[1]["error"]
    assert "hourly_rate" in out[2]["error"] and "export.csv:4" in out[2]["error"]
    assert "atlantis" in out[3]["error"]


def test_jobs_1_and_jobs_2_write_the_same_bytes(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from batch import write_plans  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    plans = tmp_path / "plans.jsonl"
    write_plans(plans, 300, seed=7)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    pacost("batch", str(plans), "--out", str(one), "--jobs", "1", "--quiet")
    pacost("batch", str(plans), "--out", str(two), "--jobs", "2", "--quiet")
    assert one.read_bytes() == two.read_bytes()
    with one.open(encoding="utf-8-sig", newline="") as handle:
        assert sum(1 for _ in csv.DictReader(handle)) == 300


def test_a_formula_looking_plan_name_is_neutralised_in_csv(tmp_path: Path) -> None:
    plan = json.loads((EXAMPLES / "covered-plan.json").read_text(encoding="utf-8"))
    plan["name"] = '=HYPERLINK("http://example.invalid","click")'
    source = tmp_path / "plans.jsonl"
    source.write_text(json.dumps(plan) + "\n" + '{"oops": \n', encoding="utf-8")
    rows = batch_rows(str(source), out=tmp_path / "out.csv")
    assert rows[0]["plan"] == "'" + plan["name"]
    for row in rows:
        for column in ("plan_id", "source", "error", "plan", "warnings"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert list(rows[0]) == list(CSV_OUTPUT_COLUMNS)


def test_the_summary_counts_every_plan(tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    source = tmp_path / "plans.jsonl"
    good = (EXAMPLES / "covered-plan.json").read_text(encoding="utf-8")
    source.write_text(json.dumps(json.loads(good)) + "\nnot json\n", encoding="utf-8")
    result = pacost("batch", str(source), str(EXPORT), "--out", str(tmp_path / "o.csv"), "--summary", str(summary))
    report = json.loads(summary.read_text(encoding="utf-8"))
    assert report["plans_read"] == 5 and report["costed"] == 4 and report["failed"] == 1
    assert report["rows_written"] == 5
    assert report["not_covered"] == 1 and report["total_shortfall"] == report["median_shortfall"]
    assert "5 plan(s) read" in result.stderr


def test_fail_on_shortfall_and_unopenable_inputs(tmp_path: Path) -> None:
    assert pacost("batch", str(EXPORT), "--out", str(tmp_path / "o.csv"), "-q", "--fail-on-shortfall").returncode == 3
    missing = pacost("batch", str(tmp_path / "nope.jsonl"), check=False)
    assert missing.returncode == 1
    assert "nope.jsonl" in missing.stderr and "Traceback" not in missing.stderr


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux: from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_big_batch(tmp_path: Path, jobs: str) -> tuple[subprocess.Popen[str], Path]:
    """A batch of 20,000 plans, started, once it has written some rows (to its temporary file)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from batch import write_plans
    finally:
        sys.path.pop(0)
    plans = tmp_path / "plans.jsonl"
    if not plans.exists():
        write_plans(plans, 20_000, seed=3)
    out = tmp_path / "out.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "pacost", "batch", str(plans), "--out", str(out), "--jobs", jobs, "--quiet"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        parts = list(tmp_path.glob(".out.csv.*.part"))
        if parts and parts[0].stat().st_size > 20_000:
            break
        time.sleep(0.05)
    assert not out.exists()  # nothing under the final name until the run ends
    return process, out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sends signals; reads /proc")
@pytest.mark.parametrize(
    ("jobs", "sent", "code"),
    [("1", signal.SIGINT, 130), ("2", signal.SIGINT, 130), ("2", signal.SIGTERM, 143), ("1", signal.SIGHUP, 129)],
)
def test_an_interrupted_run_leaves_a_valid_file(tmp_path: Path, jobs: str, sent: int, code: int) -> None:
    process, out = _start_big_batch(tmp_path, jobs)
    workers = _children(process.pid)
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == code, stderr
    assert "stopped" in stderr and "Traceback" not in stderr
    assert not [pid for pid in workers if _alive(pid)]  # the workers ended with it
    assert not list(tmp_path.glob(".out.csv.*"))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(CSV_OUTPUT_COLUMNS)
    assert 0 < len(rows) - 1 < 20_000
    for number, row in enumerate(rows[1:], start=1):
        assert len(row) == len(CSV_OUTPUT_COLUMNS)
        assert row[0] == str(number)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills the parent; reads /proc")
def test_no_worker_outlives_a_killed_batch(tmp_path: Path) -> None:
    process, out = _start_big_batch(tmp_path, "2")
    workers = _children(process.pid)
    assert len(workers) >= 2
    process.kill()
    process.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]
    assert not out.exists()  # killed outright: no partial file under the final name
