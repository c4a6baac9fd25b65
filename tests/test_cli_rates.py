"""``pacost rates`` through Typer's CliRunner, and the installed console script through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from pacost.cli import app

runner = CliRunner()


def test_rates_lists_the_tax_years() -> None:
    result = runner.invoke(app, ["rates", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [y["tax_year"] for y in payload["tax_years"]] == ["2022-23", "2023-24", "2024-25", "2025-26", "2026-27"]
    assert payload["tax_years"][0]["employer_rate"] == "15.05% then 13.8% from 6 Nov"


def test_rates_for_a_year_gives_every_figure_with_its_source() -> None:
    result = runner.invoke(app, ["rates", "2026-27", "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["figures"]
    assert all(f["source_url"].startswith("https://") for f in figures)
    threshold = next(f for f in figures if f["name"] == "secondary threshold")
    assert threshold["per_period"] == {
        "weekly": "96",
        "fortnightly": "193",
        "four_weekly": "385",
        "monthly": "417",
        "annual": "5000",
    }


def test_rates_human_view_names_the_sources() -> None:
    result = runner.invoke(app, ["rates", "2025-26"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Secondary Class 1 Contributions" in result.stdout
    assert "15%" in runner.invoke(app, ["rates"], env={"COLUMNS": "200"}).stdout


def test_an_unknown_year_is_a_clear_error() -> None:
    result = subprocess.run(  # through main(), which renders PacostError
        [sys.executable, "-c", "from pacost.cli import main; main()", "rates", "2019-20"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "no figures for 2019-20" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_console_script_is_installed() -> None:
    exe = Path(sys.executable).parent / "pacost"  # installed beside the interpreter running the tests
    assert exe.exists(), f"the pacost console script is not installed at {exe}"
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("pacost ")


def test_figures_are_shown_as_people_write_them() -> None:
    from decimal import Decimal

    from pacost.rates.table import figure_shown

    assert figure_shown("Employer National Insurance", "employer rate from 6 Apr 2026", Decimal("0.15")) == "15%"
    assert figure_shown("Employer National Insurance", "employment allowance", Decimal("10500")) == "£10,500"
    assert figure_shown("Holiday", "irregular hours accrual", Decimal("0.1207")) == "12.07%"
    assert figure_shown("Minimum wage from 1 April 2026", "16 to 17", Decimal("8")) == "£8.00 an hour"
    assert figure_shown("Statutory Sick Pay", "weekly rate", Decimal("123.25")) == "£123.25"
    assert figure_shown("Holiday", "statutory weeks", Decimal("5.6")) == "5.6 weeks"
    assert figure_shown("Statutory Sick Pay", "minimum spell days", Decimal("1")) == "1 day"
