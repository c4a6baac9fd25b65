"""``pacost cost PLAN``: one plan's true cost, line by line, and whether the budget covers it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pacost.cli.options import FORMAT_OPTION, OUTPUT_OPTION, CostFormat, show
from pacost.files import check_outputs

if TYPE_CHECKING:
    from pacost.plan import LoadedPlan
    from pacost.rates import RateBook
    from pacost.result import CostResult

EXIT_SHORTFALL = 3

PLAN_ARGUMENT = typer.Argument(
    help="The plan file (.toml or .json), or - to read it from standard input.", metavar="PLAN"
)
SET_OPTION = typer.Option(
    "--set", help="Change a plan value for this run, e.g. --set pa.0.hourly_rate=14 (repeatable)."
)
RATES_OPTION = typer.Option("--rates", help="A TOML file that adds or overrides a tax year's figures (repeatable).")
ENDING_OPTION = typer.Option(
    "--ending",
    help="The day the employment is taken to end, for what the employer would owe (default: the plan's last day), "
    "e.g. --ending 2026-12-31.",
    metavar="DATE",
)
STRICT_OPTION = typer.Option(
    "--strict-rates", help="Refuse a plan that runs past the last tax year pacost has figures for."
)


def cost_plan_file(
    plan_file: Path,
    overrides: list[str] | None,
    rates_file: list[Path] | None,
    strict_rates: bool,
    ending: str | None = None,
) -> tuple[RateBook, LoadedPlan, CostResult]:
    """What ``cost`` and ``report`` share: the rates (bundled, or with ``--rates`` files), the plan read with its
    ``--set`` overrides (``--ending`` is one: ``contingency.ending``), and its costed result. The engine is
    imported here, when a plan is costed."""
    from pacost.engine.cost import cost_plan
    from pacost.plan import load_plan
    from pacost.rates import bundled_rates, load_rates

    rates = load_rates(rates_file) if rates_file else bundled_rates()
    changes = [*(overrides or ()), *([f"contingency.ending={ending}"] if ending is not None else [])]
    loaded = load_plan(plan_file, overrides=changes, rates=rates)
    return rates, loaded, cost_plan(loaded, rates, strict_rates=strict_rates)


def cost(
    plan_file: Annotated[Path, PLAN_ARGUMENT],
    output_format: CostFormat = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    detail: Annotated[bool, typer.Option("--detail", help="Add each PA's pay periods: earnings, NI, pension.")] = False,
    fail_on_shortfall: Annotated[
        bool, typer.Option("--fail-on-shortfall", help="Exit with code 3 when the budget does not cover the cost.")
    ] = False,
    overrides: Annotated[list[str] | None, SET_OPTION] = None,
    rates_file: Annotated[list[Path] | None, RATES_OPTION] = None,
    strict_rates: Annotated[bool, STRICT_OPTION] = False,
    ending: Annotated[str | None, ENDING_OPTION] = None,
) -> None:
    """What employing the plan's PAs really costs, line by line, and whether the budget covers it.

    The plan file's keys, their defaults and examples: docs/plan-file.md in pacost's repository.

    `pacost schema` prints the keys as a JSON Schema. A plan with mistakes gets all of them at once."""
    check_outputs([("--output", output)], [plan_file, *(rates_file or [])])
    _, _, result = cost_plan_file(plan_file, overrides, rates_file, strict_rates, ending)
    show(result, output_format, output, detail=detail)
    if fail_on_shortfall and not result.covered:
        raise typer.Exit(EXIT_SHORTFALL)
