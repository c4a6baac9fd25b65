"""``pacost batch INPUT…``: cost many plans, one output row per input plan, in input order.

The work (``pacost.batch.run.outcomes_in_order``) is spread over ``--jobs`` processes; this command writes the rows
as they come, shows progress on a terminal, and prints the summary. Ctrl-C stops the workers; every row already
written is whole.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from pacost.cli.options import BatchFormat, format_option, output_option, print_error, print_warning, write_file

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
) -> None:
    """Cost many plans at once: one row per plan, in input order; a plan that cannot be costed is an error row."""
    from pacost.batch.inputs import check_inputs, read_inputs
    from pacost.batch.rows import csv_header
    from pacost.batch.run import Summary, outcomes_in_order
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
        for number, outcome in enumerate(
            outcomes_in_order(read_inputs(inputs, warn=print_warning), workers, rates_files, fmt), 1
        ):
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
