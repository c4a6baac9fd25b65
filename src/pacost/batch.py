"""Batch runs (``pacost batch``): many plans in, one row out per plan, in input order, none dropped.

What lives here, with no terminal code:

- **inputs** — ``read_inputs`` streams *records* from a folder of plan files (searched recursively), a JSON Lines
  file (one plan per line) or a CSV export (one row per PA, the rows of a plan sharing a ``plan_id``), or ``-``;
- **costing one record** — ``cost_record`` turns a record into an output row: the verdict figures and the fixed
  line ids, or the located error that stopped it. It calls the same ``parse``/``plan_from_dict`` and ``cost_plan``
  as ``pacost cost``: one engine, so a batch row equals ``pacost cost --format json`` on the same plan;
- **outputs** — ``CsvWriter`` and ``JsonLinesWriter`` (text cells a spreadsheet would run as a formula are
  neutralised), and ``Summary``: plans read, costed, failed, not covered, the total and median shortfall and the
  ten largest.

Process pools, progress bars and Ctrl-C are the command's business (``pacost.cli.batch_cmd``).
"""

from __future__ import annotations

import csv
import heapq
import io
import json
import os
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NamedTuple

from pacost.engine.cost import cost_plan
from pacost.errors import PacostError
from pacost.money import ZERO, money_str
from pacost.plan import LoadedPlan, decode_plan, parse_plan, parse_text, plan_from_dict
from pacost.rates import RateBook
from pacost.render.csv_out import safe_cell
from pacost.render.json_out import to_dict
from pacost.result import LINE_IDS

PLAN_SUFFIXES = (".toml", ".json")


class Record(NamedTuple):
    """One plan as read from an input, not yet parsed: ``kind`` says how to read ``payload``."""

    plan_id: str
    source: str  # file, or file:line, or file:rows
    kind: str  # "file" (payload: path) | "text" (payload: JSON text) | "csv" (payload: rows) | "error"
    payload: Any


# ----------------------------------------------------------------------------------------------------------------
# Inputs


def check_inputs(inputs: Iterable[str]) -> None:
    """Refuse inputs that cannot be opened at all (the only reason a batch exits 1)."""
    for name in inputs:
        if name == "-":
            continue
        path = Path(name)
        if not path.exists():
            raise PacostError("no such file or folder", source=name)
        if path.is_file() and not os.access(path, os.R_OK):
            raise PacostError("cannot be read (permission denied)", source=name)
        if path.is_file() and path.suffix.lower() not in (".jsonl", ".ndjson", ".csv", ".toml", ".json"):
            raise PacostError(
                "is not a kind of input pacost batch reads: give a folder of .toml/.json plans, a .jsonl file "
                "(one plan per line) or a .csv export",
                source=name,
            )


def read_inputs(inputs: Iterable[str], stdin: IO[str] | None = None) -> Iterator[Record]:
    """Every plan in the inputs, in order, as records (streamed: nothing is held but the current plan)."""
    for name in inputs:
        if name == "-":
            stream = stdin or sys.stdin
            first = stream.readline()
            rest = _chain([first], stream)
            if first.lstrip().startswith("{"):
                yield from _jsonl_records(rest, "<stdin>")
            else:
                yield from _csv_records(rest, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            yield from _folder_records(path)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                yield from _jsonl_records(handle, name)
        elif path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                yield from _csv_records(handle, name)
        else:
            yield Record(path.stem, name, "file", str(path))


def _chain(first: list[str], rest: Iterable[str]) -> Iterator[str]:
    yield from (line for line in first if line)
    yield from rest


def _folder_records(folder: Path) -> Iterator[Record]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(PLAN_SUFFIXES) and not name.startswith("."):
                path = Path(root) / name
                plan_id = str(path.relative_to(folder).with_suffix(""))
                yield Record(plan_id, str(path), "file", str(path))


def _jsonl_records(lines: Iterable[str], name: str) -> Iterator[Record]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield Record(f"{name}:{number}", f"{name}:{number}", "text", line)


CSV_PLAN_COLUMNS = (
    "plan_name",
    "start",
    "end",
    "nation",
    "budget",
    "budget_per",
    "funded_hours_per_week",
    "employment_allowance",
    "insurance",
    "insurance_per",
    "payroll",
    "payroll_per",
    "cover",
    "cover_rate",
    "cover_pa",
    "sick_days_per_year",
    "sick_spell_days",
    "sick_pay",
)
CSV_PA_COLUMNS = (
    "pa_name",
    "hourly_rate",
    "age",
    "date_of_birth",
    "pay_frequency",
    "holiday_weeks",
    "holiday",
    "pension",
    "hours_per_week",
    "days",
    "weekend_hours_per_week",
    "night_hours_per_week",
    "weekend_rate",
    "night_rate",
    "bank_holiday_rate",
    "ni_category",
)
CSV_COLUMNS = ("plan_id", *CSV_PLAN_COLUMNS, *CSV_PA_COLUMNS)


def _csv_records(lines: Iterable[str], name: str) -> Iterator[Record]:
    """Group a CSV export's rows into plans: consecutive rows with the same ``plan_id``."""
    reader = csv.reader(lines)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return
    except csv.Error as exc:
        yield Record(f"{name}:1", f"{name}:1", "error", f"the header row cannot be read as CSV ({exc})")
        return
    seen: set[str] = set()
    current: str | None = None
    rows: list[tuple[int, dict[str, str]]] = []

    def flush() -> Iterator[Record]:
        if current is None:
            return
        first, last = rows[0][0], rows[-1][0]
        where = f"{name}:{first}" if first == last else f"{name}:{first}-{last}"
        if current in seen:
            yield Record(
                current,
                where,
                "error",
                f"plan_id {current!r} appears again after other plans' rows: sort the export by plan_id so each "
                "plan's rows are together",
            )
        else:
            yield Record(current, where, "csv", list(rows))
        seen.add(current)

    number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number = reader.line_num
            yield from flush()
            current, rows = None, []
            yield Record(f"{name}:{number}", f"{name}:{number}", "error", f"this row cannot be read as CSV ({exc})")
            continue
        number = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        row = {h: c.strip() for h, c in zip(header, cells, strict=False)}
        if len(cells) != len(header):
            row["__cells__"] = f"{len(cells)}"
        plan_id = row.get("plan_id") or f"{name}:{number}"
        if plan_id != current:
            yield from flush()
            current, rows = plan_id, []
        rows.append((number, row))
    yield from flush()


def _csv_plan(rows: list[tuple[int, dict[str, str]]], header_width: int | None = None) -> dict[str, Any]:
    """A plan (SPEC §1 data) from one plan's CSV rows; empty cells are left out, so defaults apply."""
    for number, row in rows:
        if "__cells__" in row:
            raise PacostError(
                f"row {number} has {row['__cells__']} cells but the header has more or fewer: a column is missing "
                "or there is a stray comma"
            )
    first = rows[0][1]

    def plan_value(column: str) -> str | None:
        for _, row in rows:
            value = row.get(column)
            if value:
                return value
        return None

    plan: dict[str, Any] = {}
    unknown = [c for c in first if c not in CSV_COLUMNS and c != "__cells__"]
    if unknown:
        raise PacostError(
            f"unknown column {unknown[0]!r}: the columns pacost reads are listed in the README "
            f"({', '.join(CSV_COLUMNS)})"
        )
    for column, key in (("plan_name", "name"), ("start", "start"), ("end", "end"), ("nation", "nation")):
        value = plan_value(column)
        if value is not None:
            plan[key] = value
    budget: dict[str, Any] = {}
    for column, key in (("budget", "amount"), ("budget_per", "per"), ("funded_hours_per_week", "hours_per_week")):
        value = plan_value(column)
        if value is not None:
            budget[key] = value
    plan["budget"] = budget
    employer: dict[str, Any] = {}
    allowance = plan_value("employment_allowance")
    if allowance is not None:
        employer["employment_allowance"] = allowance
    for item in ("insurance", "payroll"):
        amount = plan_value(item)
        if amount is not None:
            employer[item] = {"amount": amount, "per": plan_value(f"{item}_per") or "year"}
    if employer:
        plan["employer"] = employer
    cover: dict[str, Any] = {}
    for column, key in (("cover", "by"), ("cover_rate", "rate"), ("cover_pa", "pa")):
        value = plan_value(column)
        if value is not None:
            cover[key] = value
    if cover:
        plan["cover"] = cover
    sickness: dict[str, Any] = {}
    for column, key in (
        ("sick_days_per_year", "days_per_year"),
        ("sick_spell_days", "spell_days"),
        ("sick_pay", "pay"),
    ):
        value = plan_value(column)
        if value is not None:
            sickness[key] = value
    if sickness:
        plan["sickness"] = sickness
    pas = []
    for _, row in rows:
        pa: dict[str, Any] = {}
        for column, key in (
            ("pa_name", "name"),
            ("hourly_rate", "hourly_rate"),
            ("age", "age"),
            ("date_of_birth", "date_of_birth"),
            ("pay_frequency", "pay_frequency"),
            ("holiday_weeks", "holiday_weeks"),
            ("holiday", "holiday"),
            ("pension", "pension"),
            ("hours_per_week", "hours_per_week"),
            ("weekend_hours_per_week", "weekend_hours_per_week"),
            ("night_hours_per_week", "night_hours_per_week"),
            ("ni_category", "ni_category"),
        ):
            value = row.get(column)
            if value:
                pa[key] = value
        days = row.get("days")
        if days:
            pa["days"] = [d for d in days.replace(",", " ").replace(";", " ").split() if d]
        enhancements = {}
        for column, key in (
            ("weekend_rate", "weekend"),
            ("night_rate", "night"),
            ("bank_holiday_rate", "bank_holiday"),
        ):
            value = row.get(column)
            if value:
                enhancements[key] = value
        if enhancements:
            pa["enhancements"] = enhancements
        pas.append(pa)
    plan["pa"] = pas
    return plan


# ----------------------------------------------------------------------------------------------------------------
# Costing one record


class Row(NamedTuple):
    """One output row: a result (``result`` holds ``pacost cost --format json``'s data) or an error."""

    plan_id: str
    source: str
    result: dict[str, Any] | None
    error: str | None


def load_record(record: Record, rates: RateBook) -> tuple[LoadedPlan, str]:
    """The plan a record holds, and its id (a JSON Lines plan may carry its own ``plan_id``)."""
    if record.kind == "text":
        import hashlib

        data = parse_text(record.payload, "json", record.source)
        plan_id = data.pop("plan_id", None)
        plan, assumptions = plan_from_dict(data, source=record.source, rates=rates, owned=True)
        digest = hashlib.sha256(record.payload.strip().encode("utf-8")).hexdigest()
        return LoadedPlan(plan, assumptions, record.source, digest), str(plan_id or record.plan_id)
    return _load_other(record, rates), record.plan_id


def _load_other(record: Record, rates: RateBook) -> LoadedPlan:
    if record.kind == "error":
        raise PacostError(str(record.payload), source=record.source)
    if record.kind == "file":
        path = Path(record.payload)
        raw = path.read_bytes() if path.is_file() else b""
        text = decode_plan(raw, record.source)
        return parse_plan(text, source=record.source, rates=rates)
    rows = record.payload
    try:
        data = _csv_plan(rows)
    except PacostError as exc:
        raise exc.with_source(record.source) from None
    try:
        plan, assumptions = plan_from_dict(data, source=record.source, rates=rates)
    except PacostError as exc:
        raise _csv_location(exc, rows) from None
    digest = _digest(rows)
    return LoadedPlan(plan, assumptions, record.source, digest)


def _digest(rows: list[tuple[int, dict[str, str]]]) -> str:
    import hashlib

    text = "\n".join(json.dumps(row, sort_keys=True) for _, row in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _csv_location(exc: PacostError, rows: list[tuple[int, dict[str, str]]]) -> PacostError:
    """Point a CSV plan's error at the row of the PA it is about (``pa[1].hourly_rate`` → that PA's row)."""
    location = exc.location or ""
    if location.startswith("pa[") and "]" in location:
        index = location[3 : location.index("]")]
        if index.isdigit() and int(index) < len(rows):
            number = rows[int(index)][0]
            source = exc.source or ""
            base = source.rsplit(":", 1)[0] if ":" in source else source
            exc.source = f"{base}:{number}"
    return exc


def cost_record(record: Record, rates: RateBook, *, brief: bool = False) -> Row:
    """Cost one record; never raises for a problem in the plan (it becomes an error row). ``brief``: the result
    without each PA's figures and the assumptions, all a CSV row needs."""
    try:
        loaded, plan_id = load_record(record, rates)
        result = cost_plan(loaded, rates, with_pay_periods=False)
        return Row(plan_id, record.source, to_dict(result, brief=brief), None)
    except PacostError as exc:
        return Row(record.plan_id, record.source, None, str(exc))
    except RecursionError:
        return Row(record.plan_id, record.source, None, f"{record.source}: the plan is nested too deeply to read")
    except Exception as exc:  # a bug must not lose the plan: it comes out as an error row
        return Row(
            record.plan_id,
            record.source,
            None,
            f"{record.source}: pacost could not cost this plan (an internal error, {type(exc).__name__}); "
            "please report it",
        )


# ----------------------------------------------------------------------------------------------------------------
# Outputs

SUMMARY_FIELDS = (
    "total",
    "budget",
    "difference",
    "covered",
    "share_covered_percent",
    "cost_per_planned_hour",
    "hours_per_week_budget_buys",
    "max_affordable_hourly_rate",
    "budget_needed",
    "budget_per",
    "on_cost_percent",
    "budget_implied_hourly_rate",
)
CSV_OUTPUT_COLUMNS = (
    "row",
    "plan_id",
    "source",
    "status",
    "error",
    "plan",
    "start",
    "end",
    "days",
    "planned_hours",
    "unpaid_family_hours",
    *SUMMARY_FIELDS,
    "total_per_week",
    "budget_per_week",
    "difference_per_week",
    *LINE_IDS,
    "warnings",
    "rates_used",
)


def csv_cells(number: int, row: Row) -> list[str]:
    """One CSV output row; text a spreadsheet would run as a formula is neutralised."""
    cells: dict[str, str] = {c: "" for c in CSV_OUTPUT_COLUMNS}
    cells["row"] = str(number)
    cells["plan_id"] = safe_cell(row.plan_id)
    cells["source"] = safe_cell(row.source)
    if row.result is None:
        cells["status"] = "error"
        cells["error"] = safe_cell(row.error or "")
        return list(cells.values())
    r = row.result
    cells["status"] = "ok"
    cells["plan"] = safe_cell(r["plan"])
    cells["start"], cells["end"], cells["days"] = r["period"]["start"], r["period"]["end"], str(r["period"]["days"])
    cells["planned_hours"] = r["hours"]["planned"]
    cells["unpaid_family_hours"] = r["hours"]["unpaid_family"]
    for name in SUMMARY_FIELDS:
        value = r[name]
        cells[name] = "" if value is None else ("true" if value is True else "false" if value is False else str(value))
    cells["total_per_week"] = r["per_week"]["total"]
    cells["budget_per_week"] = r["per_week"]["budget"]
    cells["difference_per_week"] = r["per_week"]["difference"]
    for line in r["lines"]:
        cells[line["id"]] = line["amount"]
    cells["warnings"] = safe_cell(" | ".join(r["warnings"]))
    cells["rates_used"] = " ".join(r["rates_used"])
    return list(cells.values())


def csv_line(number: int, row: Row) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(csv_cells(number, row))
    return buffer.getvalue()


def csv_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(CSV_OUTPUT_COLUMNS)
    return buffer.getvalue()


def jsonl_line(number: int, row: Row) -> str:
    payload: dict[str, Any] = {"row": number, "plan_id": row.plan_id, "source": row.source}
    if row.result is None:
        payload |= {"status": "error", "error": row.error}
    else:
        payload |= {"status": "ok", "result": row.result}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


class Outcome(NamedTuple):
    """What a worker sends back for one plan: its output line, ready to write, and what the summary needs."""

    line: str
    plan_id: str
    source: str
    ok: bool
    covered: bool
    shortfall: Decimal  # budget less cost when not covered, as a positive amount; else zero


def cost_to_line(number: int, record: Record, rates: RateBook, fmt: str) -> Outcome:
    """Cost one record and format its output row (``fmt``: csv or jsonl)."""
    row = cost_record(record, rates, brief=fmt == "csv")
    line = csv_line(number, row) if fmt == "csv" else jsonl_line(number, row)
    if row.result is None:
        return Outcome(line, row.plan_id, row.source, False, False, ZERO)
    covered = bool(row.result["covered"])
    shortfall = ZERO if covered else -Decimal(row.result["difference"])
    return Outcome(line, row.plan_id, row.source, True, covered, shortfall)


@dataclass
class Summary:
    """What a batch run did; kept as it goes (the shortfalls are kept for the median: one number per plan)."""

    read: int = 0
    costed: int = 0
    failed: int = 0
    not_covered: int = 0
    total_shortfall: Decimal = ZERO
    shortfall_pence: array[int] = field(default_factory=lambda: array("q"))  # compact: 8 bytes a plan
    largest: list[tuple[Decimal, int, str, str]] = field(default_factory=list)  # (shortfall, -row, id, source)
    interrupted: bool = False

    def add(self, number: int, outcome: Outcome) -> None:
        self.read += 1
        if not outcome.ok:
            self.failed += 1
            return
        self.costed += 1
        if not outcome.covered:
            self.not_covered += 1
            shortfall = outcome.shortfall
            self.total_shortfall += shortfall
            self.shortfall_pence.append(int(shortfall * 100))
            entry = (shortfall, -number, outcome.plan_id, outcome.source)
            if len(self.largest) < 10:
                heapq.heappush(self.largest, entry)
            else:
                heapq.heappushpop(self.largest, entry)

    @property
    def median_shortfall(self) -> Decimal | None:
        if not self.shortfall_pence:
            return None
        ordered = sorted(self.shortfall_pence)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return Decimal(ordered[middle]) / 100
        return (Decimal(ordered[middle - 1] + ordered[middle]) / 200).quantize(Decimal("0.01"))

    def to_dict(self) -> dict[str, Any]:
        median = self.median_shortfall
        return {
            "plans_read": self.read,
            "costed": self.costed,
            "failed": self.failed,
            "rows_written": self.read,
            "not_covered": self.not_covered,
            "total_shortfall": money_str(self.total_shortfall),
            "median_shortfall": None if median is None else money_str(median),
            "largest_shortfalls": [
                {"row": -number, "plan_id": plan_id, "source": source, "shortfall": money_str(amount)}
                for amount, number, plan_id, source in sorted(self.largest, reverse=True)
            ],
            "interrupted": self.interrupted,
        }


__all__ = [
    "CSV_COLUMNS",
    "Outcome",
    "Record",
    "Row",
    "Summary",
    "check_inputs",
    "cost_record",
    "cost_to_line",
    "csv_header",
    "csv_line",
    "jsonl_line",
    "read_inputs",
]
