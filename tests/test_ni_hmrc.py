"""Employer NI against HMRC's own NIC test data v1.1 for 2025-26 (896 cases; see tests/data/README.md).

2025-26 and 2026-27 share the employer rate and thresholds, so each case is also run with a 2026-27 pay date.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pacost.dates import parse_frequency
from pacost.rates import RateBook
from pacost.statutory.ni import NiCategory, employer_ni

DATA = Path(__file__).parent / "data" / "hmrc-nic-test-data-2025-26.csv"
# Freeport (F, I, L, S) and Investment Zone (D, E, K, N) letters need a freeport or investment-zone employer: a
# household employing PAs can never use them, so pacost does not offer them.
NOT_FOR_HOUSEHOLD_EMPLOYERS = set("DEFIKLNS")

with DATA.open(newline="") as handle:
    ROWS = list(csv.DictReader(handle))


def test_the_file_has_all_896_cases() -> None:
    assert len(ROWS) == 896


CASES = [row for row in ROWS if row["ni_category"] not in NOT_FOR_HOUSEHOLD_EMPLOYERS]


@pytest.mark.parametrize("pay_date", [date(2025, 4, 6), date(2026, 4, 6)], ids=["2025-26", "2026-27"])
def test_every_household_case_matches_hmrc_to_the_penny(rates: RateBook, pay_date: date) -> None:
    mismatches = []
    for row in CASES:
        got = employer_ni(
            Decimal(row["gross_pay"]),
            frequency=parse_frequency(row["pay_frequency"]),
            pay_date=pay_date,
            category=NiCategory(row["ni_category"]),
            rates=rates,
        )
        if got != Decimal(row["employer_ni"]):
            mismatches.append((row["test_id"], row["gross_pay"], row["employer_ni"], str(got)))
    assert mismatches == []
    assert len(CASES) == 896 - 8 * 56  # 8 letters for household employers x 4 frequencies x 14 cases
