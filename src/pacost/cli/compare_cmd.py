"""``pacost compare PLAN… [--with "NAME: SETTINGS"]…``: plans, and scenarios of the first one, side by side.

Each column is costed exactly as ``pacost cost`` costs the plan with the same ``--set`` changes: a scenario is the
first plan with its settings added after the command's own ``--set`` ones.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pacost.cli.cost_cmd import RATES_OPTION, SET_OPTION, STRICT_OPTION
from pacost.cli.options import FORMAT_OPTION, OUTPUT_OPTION, CostFormat, show
from pacost.errors import PacostError

if TYPE_CHECKING:
    from pacost.compare import Column
    from pacost.rates import RateBook

WITH_OPTION = typer.Option(
    "--with",
    help='A scenario of the first plan, as a column: "NAME: KEY=VALUE, KEY=VALUE" (the settings as for --set), '
    'e.g. --with "agency cover: cover.by=agency, cover.rate=28" (repeatable); --with agency=RATE is --agency RATE.',
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
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency",
            help="Add a column: the first plan's whole rota bought from an agency at this all-in hourly rate.",
            metavar="RATE",
        ),
    ] = None,
    agency_surcharge: Annotated[
        list[str] | None,
        typer.Option(
            "--agency-surcharge",
            help="The agency's surcharge on weekend, night or bank holiday hours, as a multiple of its rate: "
            "bank_holiday=2 (repeatable; the highest that applies, as with a PA's enhancements).",
        ),
    ] = None,
    agency_sleep_in: Annotated[
        str | None,
        typer.Option(
            "--agency-sleep-in",
            help="The agency's charge for a sleep-in night (default: the PA's own flat sum).",
            metavar="AMOUNT",
        ),
    ] = None,
) -> None:
    """Plans and scenarios side by side: every line of the cost, the total, the budget, what it buys.

    Each column equals `pacost cost` on that plan with the same changes, to the penny."""
    from pacost.compare import Column, comparison
    from pacost.engine.cost import cost_plan
    from pacost.files import check_outputs
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
        if len(settings) == 1 and settings[0].startswith("agency="):  # --with agency=RATE: as --agency RATE
            rate = _amount("--with agency", settings[0].removeprefix("agency="))
            columns.append(_agency_column(plan_files[0], common, rates, rate, [], None))
            continue
        # (The --set changes read without a mistake for the first column: a mistake now is in this scenario's.)
        option = f"--with {name!r}:"
        loaded = load_plan(plan_files[0], overrides=[*common, *settings], rates=rates, scenario=name, option=option)
        columns.append(Column(name, cost_plan(loaded, rates, strict_rates=strict_rates)))
    if agency is not None:
        rate = _amount("--agency", agency)
        sleep_in = None if agency_sleep_in is None else _amount("--agency-sleep-in", agency_sleep_in)
        columns.append(_agency_column(plan_files[0], common, rates, rate, agency_surcharge or [], sleep_in))
    elif agency_surcharge or agency_sleep_in is not None:
        raise PacostError("--agency-surcharge and --agency-sleep-in go with --agency RATE")
    show(comparison(columns), output_format, output)


def _amount(option: str, text: str) -> Decimal:
    from pacost.money import AmountError, to_decimal

    try:
        return to_decimal(text.strip().lstrip("£"))
    except AmountError as exc:
        raise PacostError(f"{option} {text!r}: {exc}") from None


def _agency_column(
    plan_file: Path,
    overrides: list[str],
    rates: RateBook,
    rate: Decimal,
    surcharges: list[str],
    sleep_in: Decimal | None,
) -> Column:
    """The first plan (with the command's --set changes) bought from an agency instead."""
    from pacost.compare import Column
    from pacost.engine.agency import agency_quote
    from pacost.engine.cost import cost_plan
    from pacost.engine.prepare import prepare
    from pacost.plan import Enhancements, load_plan

    if not rate.is_finite() or rate <= 0:
        raise PacostError(f"--agency {rate}: give the agency's hourly rate, more than zero, e.g. --agency 28")
    if sleep_in is not None and (not sleep_in.is_finite() or sleep_in < 0):
        raise PacostError(f"--agency-sleep-in {sleep_in}: give an amount, zero or more")
    given: dict[str, Decimal] = {}
    for text in surcharges:
        kind, _, value = text.partition("=")
        kind = kind.strip().replace("-", "_")
        try:
            multiple = Decimal(value.strip())
        except ArithmeticError:
            multiple = Decimal(0)
        if kind not in ("weekend", "night", "bank_holiday") or not multiple.is_finite() or multiple < 1:
            raise PacostError(
                f"--agency-surcharge {text!r}: write KIND=MULTIPLE, KIND weekend, night or bank_holiday and MULTIPLE "
                "1 or more, e.g. --agency-surcharge bank_holiday=2"
            )
        given[kind] = multiple
    loaded = load_plan(plan_file, overrides=overrides, rates=rates)
    quote = agency_quote(prepare(loaded.plan, rates), rate, Enhancements(**given), sleep_in)
    return Column(f"Agency at £{rate:.2f}", cost_plan(loaded, rates), quote)
