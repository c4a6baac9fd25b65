"""A council's CSV export (``pacost batch export.csv``): one row per PA, the rows of one plan sharing a ``plan_id``
and next to each other. ``csv_records`` groups the rows into plans; ``csv_plan`` maps one plan's rows onto a plan
file's data (the columns are listed in the README), empty cells left out so the defaults apply; ``csv_location``
points an error about a PA at that PA's own row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from pacost.batch.inputs import Record
from pacost.digest import sha256_hex
from pacost.errors import PacostError

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


def csv_records(lines: Iterable[str], name: str) -> Iterator[Record]:
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


def csv_plan(rows: list[tuple[int, dict[str, str]]], header_width: int | None = None) -> dict[str, Any]:
    """A plan file's data from one plan's CSV rows; empty cells are left out, so defaults apply."""
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


def rows_digest(rows: list[tuple[int, dict[str, str]]]) -> str:
    text = "\n".join(json.dumps(row, sort_keys=True) for _, row in rows)
    return sha256_hex(text.encode("utf-8"))


def csv_location(exc: PacostError, rows: list[tuple[int, dict[str, str]]]) -> PacostError:
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
