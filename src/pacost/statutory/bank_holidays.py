"""Bank holidays, the days off, for each UK nation — from the maintained ``holidays`` package.

Always asked with a subdivision (without one the package gives only the UK-wide days, with no Easter Monday).
Only weekdays are kept: when a holiday falls on a weekend the package returns both the real day and the
substitute, and the day off is the substitute. One-off days (the 2022 Jubilee and State Funeral, the 2023
Coronation, Scotland's 15 June 2026) come from the package's own sources.

Importing ``holidays`` takes longer than the rest of a costing (it loads every country's calendar), so the days
for the years pacost has figures for, and a few beyond, are kept in ``data/calendar/bank_holidays.toml``, written
from the package by ``python -m pacost.statutory.bank_holidays --write`` and checked against it by a test. Other
years ask the package directly.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path

TABLE_YEARS = range(2022, 2032)
TABLE = Path("calendar") / "bank_holidays.toml"


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"

    @property
    def subdivision(self) -> str:
        return {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}[self.value]

    @property
    def display_name(self) -> str:
        return {
            "england": "England",
            "wales": "Wales",
            "scotland": "Scotland",
            "northern-ireland": "Northern Ireland",
        }[self.value]


def from_package(nation: Nation, year: int) -> dict[date, str]:
    """The weekday bank holidays the ``holidays`` package gives for ``nation`` in ``year``."""
    import holidays  # imported on first use: it is the slowest import pacost has

    calendar = holidays.country_holidays("GB", subdiv=nation.subdivision, years=year)
    return {day: str(name) for day, name in sorted(calendar.items()) if day.weekday() < 5}


@cache
def _table() -> dict[str, dict[int, dict[date, str]]]:
    """The kept table: from the package's snapshot when it has one, else read from ``data/`` now."""
    from pacost.snapshot import snapshot_bank_holidays

    return snapshot_bank_holidays() or read_table()


def read_table() -> dict[str, dict[int, dict[date, str]]]:
    """The kept table, read from ``data/calendar/bank_holidays.toml`` (an empty one if it is missing)."""
    from pacost.rates import data_dir

    path = data_dir() / TABLE
    if not path.is_file():
        return {}
    import tomllib  # only without the snapshot

    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[str, dict[int, dict[date, str]]] = {}
    for nation in Nation:
        years = raw.get(nation.value, {}).get("years", {})
        out[nation.value] = {int(y): {d["date"]: d["name"] for d in days} for y, days in years.items()}
    return out


@cache
def bank_holidays(nation: Nation, year: int) -> dict[date, str]:
    """The bank holidays (weekday days off) in ``nation`` in calendar year ``year``, with their names."""
    found = _table().get(nation.value, {}).get(year)
    if found is not None:
        return found
    return from_package(nation, year)


def write_table(path: Path) -> None:
    """Write ``data/calendar/bank_holidays.toml`` from the ``holidays`` package."""
    from importlib.metadata import version

    lines = [
        "# The UK's bank holidays (weekday days off) per nation, written from the `holidays` package",
        f"# (version {version('holidays')}) by `python -m pacost.statutory.bank_holidays --write`; a test checks",
        "# every day against the package. Regenerate after upgrading it. Years to come follow the Banking and",
        "# Financial Dealings Act 1971's usual days; a one-off day announced later is not here until regenerated.",
        "",
        "[sources.govuk]",
        'title = "GOV.UK: UK bank holidays"',
        'url = "https://www.gov.uk/bank-holidays"',
        "",
        "[sources.act]",
        'title = "Banking and Financial Dealings Act 1971, Schedule 1 (the usual bank holidays of each nation)"',
        'url = "https://www.legislation.gov.uk/ukpga/1971/80/schedule/1"',
    ]
    for nation in Nation:
        lines += [
            "",
            f"[{nation.value}]",
            'source = "govuk"',
            'rule = "act"',
            'status = "computed"',
            f'note = "{nation.display_name}: years not yet published on GOV.UK follow the Act\'s usual days."',
            "",
            f"[{nation.value}.years]",
        ]
        for year in TABLE_YEARS:
            days = ", ".join(
                f"{{ date = {day.isoformat()}, name = {json.dumps(name)} }}"
                for day, name in from_package(nation, year).items()
            )
            lines.append(f'"{year}" = [{days}]')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python -m pacost.statutory.bank_holidays --write")
    target = Path(__file__).resolve().parents[3] / "data" / TABLE
    write_table(target)
    sys.stdout.write(f"wrote {target}\n")
