"""Bank holidays, the days off, for each UK nation — from the maintained ``holidays`` package.

Always asked with a subdivision (without one the package gives only the UK-wide days, with no Easter Monday).
Only weekdays are kept: when a holiday falls on a weekend the package returns both the real day and the
substitute, and the day off is the substitute. One-off days (the 2022 Jubilee and State Funeral, the 2023
Coronation, Scotland's 15 June 2026) come from the package's own sources.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cache


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


@cache
def bank_holidays(nation: Nation, year: int) -> dict[date, str]:
    """The bank holidays (weekday days off) in ``nation`` in calendar year ``year``, with their names."""
    import holidays  # imported on first use: it is the slowest import pacost has

    calendar = holidays.country_holidays("GB", subdiv=nation.subdivision, years=year)
    return {day: str(name) for day, name in sorted(calendar.items()) if day.weekday() < 5}


def is_bank_holiday(day: date, nation: Nation) -> bool:
    return day in bank_holidays(nation, day.year)
