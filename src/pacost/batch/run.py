"""Costing a batch's records (``pacost batch``): each record becomes an output line and what the summary needs, by
the same reader and engine as ``pacost cost`` (so a batch row equals ``pacost cost --format json`` on the same plan);
a plan that cannot be read or costed becomes an error row, never a lost one. ``outcomes_in_order`` spreads the work
over worker processes a bounded number of chunks ahead, so memory stays flat, and yields in input order, so
``--jobs 1`` and ``--jobs 2`` write the same bytes. ``Summary`` keeps the counts and the largest shortfalls.

A plan has a time limit (``--plan-timeout``): one that takes longer is stopped by an alarm in the process costing
it and becomes an error row, and the run goes on. A worker ends with the run: stopped when it stops early, killed
by the system if the parent dies (Linux), and ending itself when it sees its parent gone (anywhere).

Progress bars, the signal handlers and the exit code are the command's (``pacost.cli.batch_cmd``).
"""

from __future__ import annotations

import contextlib
import gc
import heapq
import os
import signal
import sys
import threading
import time
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

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

CHUNK = 64  # plans sent to a worker at once
#: The signals that stop a run, as Ctrl-C does.
_STOP_SIGNALS = [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
_RATES: RateBook | None = None  # each worker's rate book, loaded once when it starts


class PlanTookTooLong(BaseException):
    """Raised by the alarm in a plan that takes longer than the time limit (a ``BaseException``, so that no
    ``except Exception`` on the way catches it)."""


class Stopped(BaseException):
    """The run was told to stop (SIGTERM or SIGHUP): like Ctrl-C, rows already written are kept."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number


_TIME_LIMIT = 0.0  # seconds a plan may take in this process (0: no limit)
_costing = False  # whether the alarm may stop the plan now (not once its row is made)


def _alarm(signal_number: int, frame: object) -> None:
    if _costing:
        raise PlanTookTooLong


def _too_long(record: Record) -> str:
    return (
        f"{record.source}: took longer than {_TIME_LIMIT:g} s to cost, and was stopped (--plan-timeout sets the limit)"
    )


def _load(record: Record, rates: RateBook, plan_id: list[str]) -> LoadedPlan:
    """The plan a record holds; ``plan_id[0]`` is set to the plan's own id as soon as it is read (so that an error
    row for a plan with a mistake still carries it)."""
    if record.kind == "text":
        data = parse_text(record.payload, "json", record.source)
        given = data.pop("plan_id", None)
        if given is not None and given != "":
            plan_id[0] = str(given)
        plan, assumptions = plan_from_dict(data, source=record.source, rates=rates, owned=True)
        digest = sha256_hex(record.payload.strip().encode("utf-8"))
        return LoadedPlan(plan, assumptions, record.source, digest)
    return _load_other(record, rates)


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
    """Cost one record; never raises for a problem in the plan (it becomes an error row). ``brief``: without the
    assumptions written out (a CSV row has no column for them)."""
    plan_id = [record.plan_id]
    try:
        loaded = _load(record, rates, plan_id)
        result = cost_plan(loaded, rates, with_pay_periods=False, with_assumptions=not brief)
        return Row(plan_id[0], record.source, result, None)
    except PacostError as exc:
        return Row(plan_id[0], record.source, None, exc.one_line())
    except RecursionError:
        return Row(plan_id[0], record.source, None, f"{record.source}: the plan is nested too deeply to read")
    except PlanTookTooLong:
        return Row(plan_id[0], record.source, None, _too_long(record))
    except Exception as exc:  # a bug must not lose the plan: it comes out as an error row
        return Row(plan_id[0], record.source, None, _internal_error(record.source, exc))


def _internal_error(source: str, exc: Exception) -> str:
    return f"{source}: pacost could not cost this plan (an internal error, {type(exc).__name__}); please report it"


class Outcome(NamedTuple):
    """What a worker sends back for one plan: its output line, ready to write, and what the summary needs."""

    line: str
    plan_id: str
    source: str
    ok: bool
    covered: bool
    shortfall: Decimal  # budget less cost when not covered, as a positive amount; else zero


def cost_to_line(number: int, record: Record, rates: RateBook, fmt: str) -> Outcome:
    """Cost one record and format its output row (``fmt``: csv or jsonl), within this process's time limit."""
    global _costing
    if _TIME_LIMIT > 0:
        signal.setitimer(signal.ITIMER_REAL, _TIME_LIMIT)
        try:
            _costing = True
            row = cost_record(record, rates, brief=fmt == "csv")
            _costing = False
        except PlanTookTooLong:  # (cost_record makes this row itself, but for the moment it returns)
            row = Row(record.plan_id, record.source, None, _too_long(record))
        finally:
            _costing = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    else:
        row = cost_record(record, rates, brief=fmt == "csv")
    write_line = csv_line if fmt == "csv" else jsonl_line
    try:
        line = write_line(number, row)
    except Exception as exc:  # (as in cost_record: a bug in writing the row out must not lose the plan either)
        row = Row(row.plan_id, row.source, None, _internal_error(row.source, exc))
        line = write_line(number, row)
    if row.result is None:
        return Outcome(line, row.plan_id, row.source, False, False, ZERO)
    covered = row.result.covered
    return Outcome(line, row.plan_id, row.source, True, covered, ZERO if covered else -row.result.difference)


def _end_with_parent() -> None:
    """Make this worker end when the process that started it does: the system kills it then (Linux's
    ``PR_SET_PDEATHSIG``), and a watchdog thread ends it when its parent is gone (any system)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # else the watchdog below still ends it
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="pacost-watchdog", daemon=True).start()


def _init_worker(rates_files: list[str], time_limit: float, in_worker: bool = False) -> None:
    from pacost.rates.book import bundled_rates, load_rates

    global _RATES, _TIME_LIMIT
    if in_worker:
        # Ctrl-C, SIGTERM and SIGHUP are the parent's to handle: it stops handing out work, ends the workers and
        # keeps what it has written. (A forked worker inherits the parent's handlers: set them back.)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), signal.SIG_DFL)
        _end_with_parent()
    if rates_files:
        _RATES = load_rates([Path(f) for f in rates_files])
    else:
        from pacost.snapshot import freshen

        _RATES = bundled_rates()
        freshen(_RATES)  # (read back from the package's snapshot, its figures are otherwise slower to read)
    _TIME_LIMIT = time_limit if hasattr(signal, "setitimer") else 0.0  # no alarms on Windows: no limit there
    if _TIME_LIMIT > 0:
        signal.signal(signal.SIGALRM, _alarm)
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


def outcomes_in_order(
    records: Iterator[Record], jobs: int, rates_files: list[str], fmt: str, time_limit: float = 0.0
) -> Iterator[Outcome]:
    """Cost and format every record, in order; with more than one job, in worker processes, a bounded number of
    chunks ahead (so memory stays flat), each worker sending back finished lines. ``time_limit``: the seconds each
    plan may take (0: no limit). Stopped early (Ctrl-C, a signal), the workers are ended at once."""
    numbered = enumerate(records, start=1)
    if jobs <= 1:
        _init_worker(rates_files, time_limit)
        for item in numbered:
            yield from _cost_chunk([item], fmt)
        return
    from concurrent.futures import ProcessPoolExecutor, wait

    # While workers run, Ctrl-C, SIGTERM and SIGHUP are only noted, and acted on here, between the executor's
    # calls: raised in the middle of one (a message half sent to its thread) they could leave it waiting for ever.
    told: list[int] = []
    previous = {number: signal.signal(number, lambda n, frame: told.append(n)) for number in _STOP_SIGNALS}

    def stop_if_told() -> None:
        if told:
            raise KeyboardInterrupt if told[0] == signal.SIGINT else Stopped(told[0])

    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rates_files, time_limit, True))
    pending: deque[Future[list[Outcome]]] = deque()
    chunks = _chunks(numbered, CHUNK)
    finished = False
    try:
        for chunk in islice(chunks, jobs * 3):
            stop_if_told()
            pending.append(executor.submit(_cost_chunk, chunk, fmt))
        while pending:
            future = pending.popleft()
            while not future.done():  # in short waits, so that a signal is acted on soon
                stop_if_told()
                wait([future], timeout=0.1)
            stop_if_told()
            outcomes = future.result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(executor.submit(_cost_chunk, nxt, fmt))
            for outcome in outcomes:
                stop_if_told()
                yield outcome
        finished = True
    finally:
        if not finished:
            # Not by cancelling the futures first: the executor's own thread then fails on them (Python 3.11) and
            # shutting down waits for ever. With its workers gone, it fails every future left and ends.
            _end_workers(executor)
        executor.shutdown(wait=True)
        for number, handler in previous.items():
            signal.signal(number, handler)


def _end_workers(executor: ProcessPoolExecutor) -> None:
    """End the executor's worker processes now, not after the chunks they are costing."""
    # No public way before Python 3.14 (terminate_workers): the executor's own table of its processes.
    workers = list((getattr(executor, "_processes", None) or {}).values())
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=5)
        if worker.is_alive():
            worker.kill()


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
    #: Files in the input folders not read, by why: "hidden", "not a plan", "already read" (a second link).
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, path: Path, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

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
            "skipped": {
                "hidden": self.skipped.get("hidden", 0),
                "not_plans": self.skipped.get("not a plan", 0),
                "already_read": self.skipped.get("already read", 0),
            },
            "interrupted": self.interrupted,
        }
