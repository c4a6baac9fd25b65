"""``pacost batch INPUT…``: cost many plans, one output row per input plan, in input order.

The work (``pacost.batch.run.outcomes_in_order``) is spread over ``--jobs`` processes; this command writes the rows
as they come, shows progress on a terminal, and prints the summary. An output never names an input (refused
before anything is read), and is written under a temporary name beside its own, renamed into place at the end: a
full disk leaves nothing under that name. Ctrl-C, SIGTERM and SIGHUP stop the workers; the rows already written are
kept, whole, and the command exits 130, 143 or 129.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pacost.cli.options import BatchFormat, format_option, output_option, print_error, print_warning
from pacost.errors import PacostError

if TYPE_CHECKING:
    from collections.abc import Callable

EXIT_SHORTFALL = 3

BATCH_OUTPUT = output_option("--out", what="the rows (.csv or .jsonl)")
BATCH_FORMAT = format_option(None, "csv or jsonl (default: from the --output extension, else csv).")


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
    plan_timeout: Annotated[
        float,
        typer.Option(
            "--plan-timeout", min=0, help="Seconds one plan may take before it is stopped as an error row (0: none)."
        ),
    ] = 30.0,
) -> None:
    """Cost many plans at once: one row per plan, in input order; a plan that cannot be costed is an error row."""
    from pacost.batch.inputs import check_inputs, read_inputs
    from pacost.batch.rows import csv_header
    from pacost.batch.run import Stopped, Summary, outcomes_in_order
    from pacost.files import OutputFile, check_outputs, write_whole
    from pacost.rates import load_rates
    from pacost.render.csv_out import BYTE_ORDER_MARK
    from pacost.safe_text import json_text

    check_outputs([("--out", out), ("--summary", summary_file)], [*inputs, *(rates_file or [])])
    check_inputs(inputs)
    fmt = output_format
    if fmt is None:
        fmt = BatchFormat.jsonl if out is not None and out.suffix.lower() in (".jsonl", ".ndjson") else BatchFormat.csv
    workers = jobs or os.cpu_count() or 1
    rates_files = [str(p) for p in rates_file or []]
    if rates_files:
        load_rates([Path(f) for f in rates_files])  # a bad rates file stops the run here, once
    summary = Summary()
    output = OutputFile(out) if out is not None else None
    write: Callable[[str], Any] = output.write if output is not None else sys.stdout.write
    written = 0
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
    stopped_by: int | None = None
    previous = _stop_on_signals(Stopped)
    try:
        if fmt is BatchFormat.csv:
            header = csv_header()
            write(BYTE_ORDER_MARK + header if out is not None and out.suffix.lower() == ".csv" else header)
        records = read_inputs(inputs, warn=print_warning, skipped=summary.skip)
        for number, outcome in enumerate(outcomes_in_order(records, workers, rates_files, fmt, plan_timeout), 1):
            write(outcome.line)
            written += 1
            summary.add(number, outcome)
            if progress is not None and task is not None and number % 256 == 0:
                progress.update(task, completed=number)
    except KeyboardInterrupt:
        summary.interrupted = True
        stopped_by = signal.SIGINT
    except Stopped as stop:
        summary.interrupted = True
        stopped_by = stop.signal_number
    except PacostError as exc:  # the output could not be written: nothing is left under its name
        if output is not None:
            output.discard()
        raise _not_kept(exc, written) from None
    except BaseException:
        if output is not None:
            output.discard()
        raise
    finally:
        _restore_signals(previous)
        if progress is not None:
            progress.stop()
    if output is not None:
        try:
            output.keep()
        except PacostError as exc:
            raise _not_kept(exc, written) from None
    else:
        sys.stdout.flush()
    report = summary.to_dict()
    if summary_file is not None:
        write_whole(summary_file, json_text(report, indent=2) + "\n")
    if not quiet:
        _print_summary(report)
    if stopped_by is not None:
        how = "Ctrl-C" if stopped_by == signal.SIGINT else signal.Signals(stopped_by).name
        print_error(f"stopped: {summary.read:,} plan(s) were written before {how}; the output is complete to there.")
        raise typer.Exit(128 + stopped_by)
    if fail_on_shortfall and summary.not_covered:
        raise typer.Exit(EXIT_SHORTFALL)


def _not_kept(exc: PacostError, written: int) -> PacostError:
    return PacostError(f"{exc}; {written:,} row(s) had been written, and none was kept under that name")


def _stop_on_signals(stopped: type[BaseException]) -> dict[int, Any]:
    """SIGTERM and SIGHUP stop the run as Ctrl-C does (by raising ``stopped`` with the signal's number); the
    handlers they had before, to put back."""
    previous: dict[int, Any] = {}

    def stop(signal_number: int, frame: object) -> None:
        raise stopped(signal_number)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    return previous


def _restore_signals(previous: dict[int, Any]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)


def _print_summary(report: dict[str, object]) -> None:
    from decimal import Decimal

    from pacost.money import pounds
    from pacost.safe_text import shown

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
    skipped = report["skipped"]
    assert isinstance(skipped, dict)  # noqa: S101 - built by Summary.to_dict
    if any(skipped.values()):
        parts = [
            f"{count:,} {what}"
            for what, count in (
                ("hidden", skipped["hidden"]),
                ("not a plan", skipped["not_plans"]),
                ("a second link to a folder already read", skipped["already_read"]),
            )
            if count
        ]
        lines.append(f"{sum(skipped.values()):,} file(s) in the folders skipped: {', '.join(parts)}.")
    largest = report["largest_shortfalls"]
    assert isinstance(largest, list)  # noqa: S101 - built by Summary.to_dict
    if largest:
        lines.append("Largest shortfalls:")
        lines += [
            f"  {money(item['shortfall']):>13}  {shown(item['plan_id'])} ({shown(item['source'])})" for item in largest
        ]
    sys.stderr.write("\n".join(lines) + "\n")
