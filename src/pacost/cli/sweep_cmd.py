"""``pacost sweep PLAN --vary KEY=FROM:TO:STEP``: one plan costed at each value of a key (or each pair of values of
two keys), and the value at which the budget stops covering it (or starts to).

Each row is costed exactly as ``pacost cost --set KEY=VALUE`` costs it (the file read once, the changes applied
afresh for each value); the highest affordable rate is left out of the rows, for speed (``pacost compare`` and
``pacost cost`` give it).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pacost.cli.cost_cmd import PLAN_ARGUMENT, RATES_OPTION, SET_OPTION, STRICT_OPTION
from pacost.cli.options import FORMAT_OPTION, OUTPUT_OPTION, CostFormat, show
from pacost.errors import PacostError

if TYPE_CHECKING:
    from pacost.result import CostResult

VARY_OPTION = typer.Option(
    "--vary",
    help="A key and its values, KEY=FROM:TO:STEP: pa.*.hourly_rate=12:16:0.25, budget.amount=250:350:10, "
    "pa.0.hours_per_week=10:30:1. Once for a row per value (and the break-even value); twice for a grid.",
)


def sweep(
    plan_file: Annotated[Path, PLAN_ARGUMENT],
    vary: Annotated[list[str], VARY_OPTION],
    output_format: CostFormat = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    overrides: Annotated[list[str] | None, SET_OPTION] = None,
    rates_file: Annotated[list[Path] | None, RATES_OPTION] = None,
    strict_rates: Annotated[bool, STRICT_OPTION] = False,
) -> None:
    """The plan at each value of a key: the true cost, the verdict, the hours bought, and the break-even value."""
    from pacost.compare import run_sweep, sweep_values
    from pacost.digest import sha256_hex
    from pacost.engine.cost import cost_plan
    from pacost.files import check_outputs
    from pacost.plan import decode_plan, parse_plan, read_plan_bytes
    from pacost.rates import bundled_rates, load_rates

    check_outputs([("--output", output)], [plan_file, *(rates_file or [])])
    if not 1 <= len(vary) <= 2:
        raise PacostError("give --vary once (a row per value) or twice (a grid)")
    varies = []
    for spec in vary:
        key, sep, values = spec.partition("=")
        if not sep or not key.strip():
            raise PacostError(f"--vary {spec!r}: write it as KEY=FROM:TO:STEP, e.g. pa.*.hourly_rate=12:16:0.25")
        varies.append(sweep_values(key.strip(), values))
    rates = load_rates(rates_file) if rates_file else bundled_rates()
    source = "<stdin>" if str(plan_file) == "-" else str(plan_file)
    data = read_plan_bytes(plan_file)
    text = decode_plan(data, source)
    digest = sha256_hex(data)  # of the file as written, as pacost cost gives it
    common = list(overrides or [])

    def cost_at(values: tuple[Decimal, ...]) -> CostResult:
        settings = [f"{v.key}={value}" for v, value in zip(varies, values, strict=True)]
        loaded = parse_plan(
            text, source=source, overrides=[*common, *settings], rates=rates, sha256=digest, option="--vary"
        )
        return cost_plan(loaded, rates, strict_rates=strict_rates, affordable=False, with_pay_periods=False)

    show(run_sweep(varies, cost_at), output_format, output)
