"""Costing a batch's records (``pacost batch``): each record becomes an output line and what the summary needs, by
the same reader and engine as ``pacost cost`` (so a batch row equals ``pacost cost --format json`` on the same plan);
a plan that cannot be read or costed becomes an error row, never a lost one. ``outcomes_in_order`` spreads the work
over worker processes a bounded number of chunks ahead, so memory stays flat, and yields in input order, so
``--jobs 1`` and ``--jobs 2`` write the same bytes. ``Summary`` keeps the counts and the largest shortfalls.

Progress bars, signals and the exit code are the command's (``pacost.cli.batch_cmd``).
"""

from __future__ import annotations

import gc
import heapq
import signal
from array import array
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pacost.batch.council_csv import csv_location, csv_plan, rows_digest
from pacost.batch.inputs import Record
from pacost.batch.rows import Row, csv_line, jsonl_line
from pacost.digest import sha256_hex
from pacost.engine.cost import cost_plan
from pacost.errors import PacostError
from pacost.money import ZERO, money_str
from pacost.plan import LoadedPlan, decode_plan, parse_plan, parse_text, plan_from_dict, read_plan_bytes
from pacost.rates.book import RateBook
from pacost.render.json_out import to_dict

if TYPE_CHECKING:
    from concurrent.futures import Future

CHUNK = 64  # plans sent to a worker at once
_RATES: RateBook | None = None  # each worker's rate book, loaded once when it starts


def load_record(record: Record, rates: RateBook) -> tuple[LoadedPlan, str]:
    """The plan a record holds, and its id (a JSON Lines plan may carry its own ``plan_id``)."""
    if record.kind == "text":
        data = parse_text(record.payload, "json", record.source)
        plan_id = data.pop("plan_id", None)
        plan, assumptions = plan_from_dict(data, source=record.source, rates=rates, owned=True)
        digest = sha256_hex(record.payload.strip().encode("utf-8"))
        return LoadedPlan(plan, assumptions, record.source, digest), str(plan_id or record.plan_id)
    return _load_other(record, rates), record.plan_id


def _load_other(record: Record, rates: RateBook) -> LoadedPlan:
    if record.kind == "error":
        raise PacostError(str(record.payload), source=record.source)
    if record.kind == "file":
        path = Path(record.payload)
        text = decode_plan(read_plan_bytes(path), record.source)
        return parse_plan(text, source=record.source, rates=rates)
    rows = record.payload
    try:
        data = csv_plan(rows)
    except PacostError as exc:
        raise exc.with_source(record.source) from None
    try:
        plan, assumptions = plan_from_dict(data, source=record.source, rates=rates)
    except PacostError as exc:
        raise csv_location(exc, rows) from None
    digest = rows_digest(rows)
    return LoadedPlan(plan, assumptions, record.source, digest)


def cost_record(record: Record, rates: RateBook, *, brief: bool = False) -> Row:
    """Cost one record; never raises for a problem in the plan (it becomes an error row). ``brief``: the result
    without each PA's figures and the assumptions, all a CSV row needs."""
    try:
        loaded, plan_id = load_record(record, rates)
        result = cost_plan(loaded, rates, with_pay_periods=False)
        return Row(plan_id, record.source, to_dict(result, brief=brief), None)
    except PacostError as exc:
        return Row(record.plan_id, record.source, None, exc.one_line())
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


def _init_worker(rates_files: list[str], ignore_interrupt: bool = False) -> None:
    from pacost.rates.book import bundled_rates, load_rates

    global _RATES
    if ignore_interrupt:
        # Ctrl-C is the parent's to handle: it stops handing out work and keeps what it has written.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _RATES = load_rates([Path(f) for f in rates_files]) if rates_files else bundled_rates()
    # Costing a plan makes many short-lived objects and no reference cycles worth chasing: collect garbage less
    # often, and never look again at what start-up made (the rates, the modules).
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _cost_chunk(chunk: list[tuple[int, Record]], fmt: str) -> list[Outcome]:
    assert _RATES is not None  # noqa: S101 - set by the initializer
    return [cost_to_line(number, record, _RATES, fmt) for number, record in chunk]


def _chunks(records: Iterator[tuple[int, Record]], size: int) -> Iterator[list[tuple[int, Record]]]:
    while True:
        chunk = list(islice(records, size))
        if not chunk:
            return
        yield chunk


def outcomes_in_order(records: Iterator[Record], jobs: int, rates_files: list[str], fmt: str) -> Iterator[Outcome]:
    """Cost and format every record, in order; with more than one job, in worker processes, a bounded number of
    chunks ahead (so memory stays flat), each worker sending back finished lines."""
    numbered = enumerate(records, start=1)
    if jobs <= 1:
        _init_worker(rates_files)
        for item in numbered:
            yield from _cost_chunk([item], fmt)
        return
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rates_files, True))
    pending: deque[Future[list[Outcome]]] = deque()
    chunks = _chunks(numbered, CHUNK)
    try:
        for chunk in islice(chunks, jobs * 3):
            pending.append(executor.submit(_cost_chunk, chunk, fmt))
        while pending:
            outcomes = pending.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(executor.submit(_cost_chunk, nxt, fmt))
            yield from outcomes
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


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
