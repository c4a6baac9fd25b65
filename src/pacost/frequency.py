"""Pay frequencies and how many days each spans; nothing else.

A PA's pay periods run from the plan start at one of these frequencies (SPEC §2.2). ``ANNUAL`` exists for the
statutory figures, which HMRC publishes per week, fortnight, four weeks, month and year.
"""

from __future__ import annotations

from enum import StrEnum


class PayFrequency(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "4-weekly"
    MONTHLY = "monthly"
    ANNUAL = "annual"

    @property
    def weeks(self) -> int | None:
        """Whole weeks in one period, or None for monthly and annual periods."""
        return {"weekly": 1, "fortnightly": 2, "4-weekly": 4}.get(self.value)

    @property
    def field(self) -> str:
        """The name of this frequency's figure in a data file (``four_weekly`` for ``4-weekly``)."""
        return self.value.replace("4-", "four_")

    @property
    def periods_per_year(self) -> int:
        return {"weekly": 52, "fortnightly": 26, "4-weekly": 13, "monthly": 12, "annual": 1}[self.value]


FREQUENCY_ALIASES: dict[str, PayFrequency] = {
    "weekly": PayFrequency.WEEKLY,
    "week": PayFrequency.WEEKLY,
    "fortnightly": PayFrequency.FORTNIGHTLY,
    "2-weekly": PayFrequency.FORTNIGHTLY,
    "two-weekly": PayFrequency.FORTNIGHTLY,
    "4-weekly": PayFrequency.FOUR_WEEKLY,
    "four-weekly": PayFrequency.FOUR_WEEKLY,
    "fourweekly": PayFrequency.FOUR_WEEKLY,
    "monthly": PayFrequency.MONTHLY,
    "month": PayFrequency.MONTHLY,
    "annual": PayFrequency.ANNUAL,
    "annually": PayFrequency.ANNUAL,
    "yearly": PayFrequency.ANNUAL,
}


def parse_frequency(text: str) -> PayFrequency:
    """Read a pay frequency the way people and HMRC write it (``FourWeekly``, ``4-weekly``, ``monthly``)."""
    key = text.strip().lower().replace("_", "-").replace(" ", "-")
    if key == "fourweekly" or key == "four-weekly":
        return PayFrequency.FOUR_WEEKLY
    try:
        return FREQUENCY_ALIASES[key]
    except KeyError:
        raise ValueError(f"unknown pay frequency {text!r}: expected weekly, fortnightly, 4-weekly or monthly") from None
