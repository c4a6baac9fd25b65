"""A council's CSV export (``pacost batch export.csv``): one row per PA, the rows of one plan sharing a ``plan_id``
and next to each other. ``csv_text`` reads the file (UTF-8, else Windows-1252 with a warning); ``check_header``
refuses a header with a column pacost does not know (naming the nearest) or a file with no header row at all;
``csv_records`` groups the rows into plans, each located at its first line, a row whose quote is never closed an
error row at its own line; ``csv_plan`` maps one plan's rows onto a plan file's data (the columns are listed in the
README; UK dates such as 06/04/2026 read; shifts said as in ``pacost new``), empty cells left out so the defaults
apply; ``csv_location`` points an error about a PA at that PA's own row.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
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
    "cover_sleep_in_rate",
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
    "employed_since",
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
    "shifts",
    "sleep_ins_per_week",
    "sleep_in_flat",
)
CSV_COLUMNS = ("plan_id", *CSV_PLAN_COLUMNS, *CSV_PA_COLUMNS)
#: A date as a UK spreadsheet saves it: day/month/year.
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _decoded(data: bytes, path: Path, warn: Callable[[str], None]) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 (what Excel saves as "CSV" on Windows), saying
    so through ``warn``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warn(
            f"{path}: is not UTF-8 (byte {exc.start + 1}); read as Windows-1252, as Excel saves CSV on Windows: check "
            "that names and £ signs came out right, or save the export as CSV UTF-8"
        )
        return data.decode("cp1252", errors="replace")


def csv_text(path: Path, warn: Callable[[str], None]) -> str:
    """A CSV export's text (``_decoded``)."""
    return _decoded(path.read_bytes(), path, warn)


def check_csv_file(path: Path) -> None:
    """Check an export's header row (``check_header``) before the batch starts (the warning about its encoding is
    given once, when the whole file is read)."""
    with path.open("rb") as handle:
        first = handle.readline()
    rows = list(_rows([_decoded(first, path, lambda message: None)]))
    if rows and not isinstance(rows[0][1], str):
        check_header([h.strip().lower() for h in rows[0][1]], str(path))


def check_header(header: list[str], name: str) -> None:
    """Refuse a header pacost cannot read (before anything is costed): a column it does not know, named with the
    nearest known one, or a first row that is data, not column names."""
    known = [cell for cell in header if cell in CSV_COLUMNS]
    if not known:
        raise PacostError(
            "has no header row: its first line must name the columns (plan_id, hourly_rate, …; the README lists "
            f"them), but it reads {', '.join(repr(c[:20]) for c in header[:4])}",
            source=f"{name}:1",
        )
    problems = []
    for cell in header:
        if cell and cell not in CSV_COLUMNS:
            nearest = difflib.get_close_matches(cell, CSV_COLUMNS, n=1, cutoff=0.6)
            hint = f": did you mean {nearest[0]!r}?" if nearest else ""
            problems.append(PacostError(f"unknown column {cell[:40]!r}{hint}", source=f"{name}:1"))
    for required in ("plan_id", "hourly_rate"):
        if required not in header:
            problems.append(PacostError(f"has no {required!r} column, which every export needs", source=f"{name}:1"))
    if problems:
        problems[-1].also.append(
            PacostError(f"the columns pacost reads are: {', '.join(CSV_COLUMNS)}", source=f"{name}:1")
        )
        raise PacostError.several(problems)


def _rows(lines: Iterable[str]) -> Iterator[tuple[int, list[str] | str]]:
    """Each row of CSV text with the line it starts on: its cells, or (as text) why it cannot be read. A quote that
    is never closed makes its own line an error, and the lines after it are read again as rows of their own."""
    again: deque[tuple[int, str]] = deque()  # lines read ahead, to be read again
    source = enumerate(lines, start=1)

    def take() -> tuple[int, str] | None:
        return again.popleft() if again else next(source, None)

    while (first := take()) is not None:
        start, line = first
        ahead: list[tuple[int, str]] = []
        text = line
        while text.count('"') % 2:  # inside a quoted cell that runs on to the next line
            more = take()
            if more is None:
                break
            ahead.append(more)
            text += more[1]
        if text.count('"') % 2:
            yield start, 'a quote (") opened on this line is never closed'
            again.extendleft(reversed(ahead))
            continue
        try:
            cells = next(csv.reader([text]), [])
        except csv.Error as exc:
            yield start, f"this row cannot be read as CSV ({exc})"
            continue
        yield start, cells


def csv_records(lines: Iterable[str], name: str) -> Iterator[Record]:
    """Group a CSV export's rows into plans: consecutive rows with the same ``plan_id``, each plan located at its
    first line. The header is checked first (``check_header``): a bad one raises, before any plan is read."""
    rows_of = _rows(lines)
    first = next(rows_of, None)
    if first is None:
        return
    if isinstance(first[1], str):
        raise PacostError(f"the header row cannot be read: {first[1]}", source=f"{name}:{first[0]}")
    header = [h.strip().lower() for h in first[1]]
    check_header(header, name)
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

    for number, cells in rows_of:
        if isinstance(cells, str):
            yield from flush()
            current, rows = None, []
            yield Record(f"{name}:{number}", f"{name}:{number}", "error", cells)
            continue
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

    def plan_value(column: str) -> str | None:
        for _, row in rows:
            value = row.get(column)
            if value:
                return value
        return None

    plan: dict[str, Any] = {}
    for column, key in (("plan_name", "name"), ("start", "start"), ("end", "end"), ("nation", "nation")):
        value = plan_value(column)
        if value is not None:
            plan[key] = _iso_date(value) if key in ("start", "end") else value
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
    for column, key in (
        ("cover", "by"),
        ("cover_rate", "rate"),
        ("cover_sleep_in_rate", "sleep_in_rate"),
        ("cover_pa", "pa"),
    ):
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
            ("employed_since", "employed_since"),
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
                pa[key] = _iso_date(value) if key in ("date_of_birth", "employed_since") else value
        shifts = _shifts(row)
        if shifts:
            pa["shift"] = shifts
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


def _iso_date(value: str) -> str:
    """A date as the plan file writes it: 06/04/2026 (day/month/year, as a UK spreadsheet saves it) → 2026-04-06."""
    found = _UK_DATE.fullmatch(value.strip())
    return f"{found[3]}-{int(found[2]):02d}-{int(found[1]):02d}" if found else value


def _shifts(row: dict[str, str]) -> list[dict[str, Any]]:
    """A PA's shifts from ``shifts`` (said as in ``pacost new``, separated by ";") and ``sleep_ins_per_week`` (from
    Monday on, 22:00 to 07:00, each paid ``sleep_in_flat``)."""
    from pacost.dates import WEEKDAYS
    from pacost.rota_words import read_shifts

    shifts: list[dict[str, Any]] = []
    said = row.get("shifts")
    if said:
        try:
            shifts = read_shifts(said)
        except ValueError as exc:
            raise PacostError(f"shifts {said[:60]!r}: {exc}", location="shifts") from None
    count = row.get("sleep_ins_per_week")
    if count:
        if not count.isdigit() or not 1 <= int(count) <= 7:
            raise PacostError(f"sleep_ins_per_week is {count[:20]!r}: give a whole number from 1 to 7")
        flat = row.get("sleep_in_flat")
        if not flat:
            raise PacostError("sleep_ins_per_week needs sleep_in_flat, the flat sum paid for each sleep-in")
        shifts.append(
            {"days": list(WEEKDAYS[: int(count)]), "start": "22:00", "end": "07:00", "kind": "sleep-in", "flat": flat}
        )
    return shifts


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
