"""The bank holiday table shipped in data/ is exactly what the ``holidays`` package says, for every nation and
year it holds (regenerate it with ``python -m pacost.statutory.bank_holidays --write`` if this fails after an
upgrade of the package)."""

from __future__ import annotations

from datetime import date

import pytest

from pacost.statutory.bank_holidays import TABLE_YEARS, Nation, _table, bank_holidays, from_package


@pytest.mark.parametrize("nation", list(Nation))
def test_the_table_matches_the_holidays_package(nation: Nation) -> None:
    table = _table()[nation.value]
    assert sorted(table) == list(TABLE_YEARS)
    for year in TABLE_YEARS:
        assert table[year] == from_package(nation, year), (nation, year)


def test_years_beyond_the_table_come_from_the_package() -> None:
    assert max(TABLE_YEARS) < 2040
    assert bank_holidays(Nation.ENGLAND, 2040) == from_package(Nation.ENGLAND, 2040)
    assert date(2040, 12, 25) in bank_holidays(Nation.ENGLAND, 2040)


def test_nations_differ_where_the_law_does() -> None:
    assert date(2026, 4, 6) in bank_holidays(Nation.ENGLAND, 2026)  # Easter Monday
    assert date(2026, 4, 6) not in bank_holidays(Nation.SCOTLAND, 2026)
    assert date(2026, 3, 17) in bank_holidays(Nation.NORTHERN_IRELAND, 2026)  # St Patrick's Day
    assert date(2026, 11, 30) in bank_holidays(Nation.SCOTLAND, 2026)  # St Andrew's Day
