"""``pacost compare PLAN… [--with "NAME: SETTINGS"]…``: plans, and scenarios of the first one, side by side.

Each column is costed exactly as ``pacost cost`` costs the plan with the same ``--set`` changes: a scenario is the
first plan with its settings added after the command's own ``--set`` ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pacost.cli.cost_cmd import RATES_OPTION, SET_OPTION, STRICT_OPTION
from pacost.cli.options import FORMAT_OPTION, OUTPUT_OPTION, CostFormat, show
from pacost.errors import PacostError
from pacost.files import check_outputs

WITH_OPTION = typer.Option(
    "--with",
    help='A scenario of the first plan, as a column: "NAME: KEY=VALUE, KEY=VALUE" (the settings as for --set), '
    'e.g. --with "agency cover: cover.by=agency, cover.rate=28" (repeatable).',
)


def scenario(text: str) -> tuple[str, list[str]]:
    """A ``--with`` scenario's name and settings: ``"PA at £13.50: pa.0.hourly_rate=13.50"``; without a name
    (nothing before a ``": "``), the settings are its name."""
    from pacost.overrides import split_settings

    name, sep, rest = text.partition(": ")
    if not sep or "=" in name:
        name, rest = text.strip(), text
    settings = split_settings(rest)
    if not settings:
        raise PacostError(f'--with {text!r}: give the changes, as "NAME: KEY=VALUE, KEY=VALUE"')
    return name.strip(), settings


def compare(
    plan_files: Annotated[
        list[Path], typer.Argument(help="Plan files (.toml or .json): one column each.", metavar="PLAN...")
    ],
    scenarios: Annotated[list[str] | None, WITH_OPTION] = None,
    output_format: CostFormat = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    overrides: Annotated[list[str] | None, SET_OPTION] = None,
    rates_file: Annotated[list[Path] | None, RATES_OPTION] = None,
    strict_rates: Annotated[bool, STRICT_OPTION] = False,
) -> None:
    """Plans and scenarios side by side: every line of the cost, the total, the budget, what it buys.

    Each column equals `pacost cost` on that plan with the same changes, to the penny."""
    from pacost.compare import Column, comparison
    from pacost.engine.cost import cost_plan
    from pacost.plan import load_plan
    from pacost.rates import bundled_rates, load_rates

    check_outputs([("--output", output)], [*plan_files, *(rates_file or [])])
    parsed = [scenario(text) for text in scenarios or []]
    rates = load_rates(rates_file) if rates_file else bundled_rates()
    common = list(overrides or [])
    columns = []
    for plan_file in plan_files:
        loaded = load_plan(plan_file, overrides=common, rates=rates)
        name = plan_file.stem if len(plan_files) > 1 else "The plan" if common else "As written"
        columns.append(Column(name, cost_plan(loaded, rates, strict_rates=strict_rates)))
    for name, settings in parsed:
        option = f"--with {name!r}:" if common else "--with"
        loaded = load_plan(plan_files[0], overrides=[*common, *settings], rates=rates, scenario=name, option=option)
        columns.append(Column(name, cost_plan(loaded, rates, strict_rates=strict_rates)))
    show(comparison(columns), output_format, output)
