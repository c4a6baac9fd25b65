"""``pacost rates``: the tax years pacost knows, or every figure of one year with its official source."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pacost.cli.options import FORMAT_OPTION, OUTPUT_OPTION, CostFormat, show
from pacost.dates import TaxYear
from pacost.errors import PacostError
from pacost.files import check_outputs


def rates(
    tax_year: Annotated[str | None, typer.Argument(help="A tax year such as 2026-27: show its every figure.")] = None,
    output_format: CostFormat = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
    rates_file: Annotated[
        list[Path] | None, typer.Option("--rates", help="A TOML file that adds or overrides a year's figures.")
    ] = None,
) -> None:
    """The statutory figures pacost knows, per tax year, each with its official source."""
    # The figures are loaded here, when asked for, to keep other commands quick.
    from pacost.rates import bundled_rates, load_rates
    from pacost.rates.table import rates_overview, rates_year

    check_outputs([("--output", output)], rates_file or [])
    book = load_rates(rates_file) if rates_file else bundled_rates()
    if tax_year is None:
        show(rates_overview(book), output_format, output)
        return
    try:
        year = TaxYear.parse(tax_year)
    except ValueError as exc:
        raise PacostError(str(exc), location="TAX_YEAR") from None
    if year not in book.tax_years:
        known = ", ".join(str(y) for y in book.tax_years)
        raise PacostError(f"pacost has no figures for {year}; it knows {known}", location="TAX_YEAR")
    show(rates_year(book, year), output_format, output)
