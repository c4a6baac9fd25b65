"""``pacost batch INPUT…``: cost many plans, one output row per input plan, in input order.

The work is spread over ``--jobs`` processes in chunks, with only a few chunks in flight at once, so memory stays
flat however many plans come in; rows are written in input order as their chunk completes, so ``--jobs 1`` and
``--jobs 2`` write the same bytes. Ctrl-C stops the workers; every row already written is whole.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer

from pacost.cli.options import BatchFormat, format_option, output_option, print_error, write_file

if TYPE_CHECKING:  # the engine is imported when a batch runs, not for every command
    from concurrent.futures import Future

    from pacost.batch import Outcome, Record
    from pacost.rates import RateBook

EXIT_SHORTFALL = 3
CHUNK = 64

_RATES: RateBook | None = None


BATCH_OUTPUT = output_option("--out", what="the rows (.csv or .jsonl)")
BATCH_FORMAT = format_option(None, "csv or jsonl (default: from the --output extension, else csv).")


def _init_worker(rates_files: list[str], ignore_interrupt: bool = False) -> None:
    from pacost.rates import bundled_rates, load_rates

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
    from pacost.batch import cost_to_line

    assert _RATES is not None  # noqa: S101 - set by the initializer
    return [cost_to_line(number, record, _RATES, fmt) for number, record in chunk]


def _chunks(records: Iterator[tuple[int, Record]], size: int) -> Iterator[list[tuple[int, Record]]]:
    while True:
        chunk = list(islice(records, size))
        if not chunk:
            return
        yield chunk


def _outcomes_in_order(records: Iterator[Record], jobs: int, rates_files: list[str], fmt: str) -> Iterator[Outcome]:
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


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders of plan files, .jsonl files (one plan per line), .csv exports, or - for stdin.",
            metavar="INPUT...",
        ),
    ],
    out: Path | None = BATCH_OUTPUT,
    output_format: BatchFormat | None = BATCH_FORMAT,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes to use (default: the machine's cores).")
    ] = None,
    summary_file: Annotated[
        Path | None, typer.Option("--summary", help="Also write the summary to this file as JSON.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary on stderr.")] = False,
    fail_on_shortfall: Annotated[
        bool, typer.Option("--fail-on-shortfall", help="Exit with code 3 if any plan is not covered.")
    ] = False,
    rates_file: Annotated[
        list[Path] | None, typer.Option("--rates", help="A TOML file that adds or overrides a tax year's figures.")
    ] = None,
) -> None:
    """Cost many plans at once: one row per plan, in input order; a plan that cannot be costed is an error row."""
    from pacost.batch import Summary, check_inputs, csv_header, read_inputs
    from pacost.rates import load_rates

    check_inputs(inputs)
    fmt = output_format
    if fmt is None:
        fmt = BatchFormat.jsonl if out is not None and out.suffix.lower() in (".jsonl", ".ndjson") else BatchFormat.csv
    workers = jobs or os.cpu_count() or 1
    rates_files = [str(p) for p in rates_file or []]
    if rates_files:
        load_rates([Path(f) for f in rates_files])  # a bad rates file stops the run here, once
    handle: IO[str] = out.open("w", encoding="utf-8", newline="") if out is not None else sys.stdout
    summary = Summary()
    show_progress = not quiet and sys.stderr.isatty()
    progress = None
    task = None
    if show_progress:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(
            TextColumn("costing plans"),
            BarColumn(bar_width=None),
            TextColumn("{task.completed:,} done"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        progress.start()
        task = progress.add_task("batch", total=None)
    try:
        if fmt is BatchFormat.csv:
            handle.write(csv_header())
        for number, outcome in enumerate(_outcomes_in_order(read_inputs(inputs), workers, rates_files, fmt), 1):
            handle.write(outcome.line)
            summary.add(number, outcome)
            if progress is not None and task is not None and number % 256 == 0:
                progress.update(task, completed=number)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if progress is not None:
            progress.stop()
        handle.flush()
        if out is not None:
            handle.close()
    report = summary.to_dict()
    if summary_file is not None:
        write_file(summary_file, json.dumps(report, indent=2) + "\n")
    if not quiet:
        _print_summary(report)
    if summary.interrupted:
        print_error(
            f"stopped: {summary.read:,} plan(s) were written before Ctrl-C; the output file is complete to there."
        )
        raise typer.Exit(130)
    if fail_on_shortfall and summary.not_covered:
        raise typer.Exit(EXIT_SHORTFALL)


def _print_summary(report: dict[str, object]) -> None:
    from decimal import Decimal

    from pacost.money import pounds

    def money(value: object) -> str:
        return pounds(Decimal(str(value)))

    lines = [
        f"{report['plans_read']:,} plan(s) read, {report['costed']:,} costed, {report['failed']:,} failed: "
        f"{report['rows_written']:,} row(s) written, one per plan.",
        f"{report['not_covered']:,} plan(s) not covered by their budget; total shortfall "
        f"{money(report['total_shortfall'])}"
        + (f", median {money(report['median_shortfall'])}" if report["median_shortfall"] is not None else "")
        + ".",
    ]
    largest = report["largest_shortfalls"]
    assert isinstance(largest, list)  # noqa: S101 - built by Summary.to_dict
    if largest:
        lines.append("Largest shortfalls:")
        lines += [f"  {money(item['shortfall']):>13}  {item['plan_id']} ({item['source']})" for item in largest]
    sys.stderr.write("\n".join(lines) + "\n")
