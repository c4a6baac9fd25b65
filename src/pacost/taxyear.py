"""UK tax years (6 April to 5 April) and the label ``"2026-27"`` that names one.

Only date arithmetic lives here; the figures for each year are in ``pacost.rates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_LABEL = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class TaxYear:
    """The tax year that starts on 6 April of ``start_year``."""

    start_year: int

    @classmethod
    def containing(cls, day: date) -> TaxYear:
        """The tax year a date falls in (6 April belongs to the year it starts)."""
        if (day.month, day.day) >= (4, 6):
            return cls(day.year)
        return cls(day.year - 1)

    @classmethod
    def parse(cls, label: str) -> TaxYear:
        """Read ``"2026-27"`` (or ``"2026/27"``); raise ValueError for anything else."""
        match = _LABEL.match(label.strip().replace("/", "-"))
        if not match:
            raise ValueError(f"a tax year is written like 2026-27, got {label!r}")
        first, second = int(match.group(1)), int(match.group(2))
        if (first + 1) % 100 != second:
            raise ValueError(f"{label!r} is not a tax year: the second part must be the year after the first")
        return cls(first)

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 6)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 4, 5)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.label

    def next(self) -> TaxYear:
        return TaxYear(self.start_year + 1)
