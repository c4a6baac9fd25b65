"""Shared fixtures: the bundled rate book, loaded once."""

from __future__ import annotations

import pytest

from pacost.rates import RateBook, bundled_rates


@pytest.fixture(scope="session")
def rates() -> RateBook:
    return bundled_rates()
