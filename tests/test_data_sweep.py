"""A sweep over data/: every figure sourced from an official page, tax years contiguous, nothing missing."""

from __future__ import annotations

import itertools
import tomllib
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from urllib.parse import urlparse

import pytest

from pacost.dates import TaxYear
from pacost.rates import RateBook, data_dir, load_rates

DATA = data_dir()
FILES = sorted(DATA.rglob("*.toml"))
# Official sources: government, Parliament's legislation, HMRC, DWP, TPR, ONS, and GOV.UK's own code.
OFFICIAL = ("gov.uk", "legislation.gov.uk", "thepensionsregulator.gov.uk", "ons.gov.uk")
OFFICIAL_CODE = ("https://github.com/alphagov/",)
# defaults.toml holds national, non-statutory figures (e.g. the Homecare Association's price), and pay_floors.toml
# the voluntary and policy pay floors: sourced, not all official. A pay floor not marked unconfirmed must come from
# its publisher's own site (the Living Wage Foundation, the Scottish Government).
NOT_STATUTORY = {"defaults.toml", "pay_floors.toml"}
PUBLISHERS = ("livingwage.org.uk", "gov.scot")


def _figures(node: object, path: str = ""):  # type: ignore[no-untyped-def]
    """Yield (path, table) for every table that carries a figure (a value or a per-period set)."""
    if isinstance(node, dict):
        if "source" in node and any(k in node for k in ("value", "weekly", "years")):
            yield path, node
        for key, value in node.items():
            yield from _figures(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _figures(item, f"{path}[{i}]")


def test_there_are_data_files() -> None:
    assert len(FILES) >= 5 + 5 + 5 + 5 + 3  # NI, SSP, pension, minimum wage; holiday, pension age, defaults


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_figure_names_a_source_with_an_official_url(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    sources = raw.pop("sources")
    for name, source in sources.items():
        assert set(source) == {"title", "url"}, name
        url = urlparse(source["url"])
        assert url.scheme == "https", source["url"]
        if path.name not in NOT_STATUTORY:
            host = url.hostname or ""
            official = any(host == d or host.endswith("." + d) for d in OFFICIAL)
            assert official or source["url"].startswith(OFFICIAL_CODE), f"{name}: {source['url']} is not official"
    figures = list(_figures(raw))
    assert figures, "no figures found"
    for where, figure in figures:
        assert figure["source"] in sources, f"{where}: source {figure['source']!r} not in [sources]"
        if "rule" in figure:
            assert figure["rule"] in sources, where
        if figure.get("status") == "unconfirmed":
            assert figure.get("note"), f"{where}: an unconfirmed figure must say why in a note"
        elif path.name == "pay_floors.toml":
            host = urlparse(sources[figure["source"]]["url"]).hostname or ""
            assert any(host == d or host.endswith("." + d) for d in PUBLISHERS), f"{where}: {host} is not its publisher"
    # Every figure value is written as a string (an exact decimal), never a float.
    for where, figure in figures:
        for key in ("value", "weekly", "fortnightly", "four_weekly", "monthly", "annual"):
            if key in figure:
                assert isinstance(figure[key], str), f"{where}.{key} must be a string"


def test_tax_years_are_contiguous_from_2022_23_with_every_kind_of_figure() -> None:
    book = load_rates()
    years = [y.start_year for y in book.tax_years]
    assert years[0] == 2022
    assert years == list(range(years[0], years[-1] + 1))
    assert years[-1] >= 2026
    for table in (book.ni, book.ssp, book.pension):
        assert sorted(table) == years


def test_per_frequency_figures_are_present_and_consistent(rates: RateBook) -> None:
    for year in rates.tax_years:
        ni = rates.ni[year.start_year]
        for figure in (ni.secondary_threshold, ni.upper_secondary_threshold, ni.upper_earnings_limit):
            # NIM01206: a multiple of a week is annual / 52 x weeks, rounded up to the pound.
            for weeks, value in ((2, figure.fortnightly), (4, figure.four_weekly)):
                assert value == (figure.annual * weeks / 52).to_integral_value(rounding=ROUND_CEILING), (year, weeks)
        lel = ni.lower_earnings_limit
        assert (lel.fortnightly, lel.four_weekly) == (lel.weekly * 2, lel.weekly * 4)
        starts = [e.from_date for e in ni.employer_rate]
        assert starts[0] == year.start and starts == sorted(starts)
        assert all(year.start <= s <= year.end for s in starts)


def test_2022_23_has_the_15_05_percent_rate_to_5_november(rates: RateBook) -> None:
    ni = rates.ni[2022]
    assert ni.rate_on(date(2022, 11, 5)) == ni.employer_rate[0].value == Decimal("0.1505")
    assert ni.rate_on(date(2022, 11, 6)) == Decimal("0.138")


def test_minimum_wage_every_april_from_2022(rates: RateBook) -> None:
    effective = [m.effective for m in rates.minimum_wage]
    assert effective == [date(y, 4, 1) for y in range(2022, 2022 + len(effective))]
    assert effective[-1] >= date(2026, 4, 1)


def test_state_pension_age_cohorts_leave_no_gap(rates: RateBook) -> None:
    assert rates.state_pension_age is not None
    cohorts = rates.state_pension_age.cohorts
    for before, after in itertools.pairwise(cohorts):
        assert after.born_from == before.born_to + timedelta(days=1)


def test_a_user_rates_file_adds_a_year(tmp_path: Path) -> None:
    text = (DATA / "ni_rates" / "2026-27.toml").read_text(encoding="utf-8")
    extra = tmp_path / "2027-28.toml"
    extra.write_text(
        text.replace('tax_year = "2026-27"', 'tax_year = "2027-28"').replace("from = 2026-04-06", "from = 2027-04-06")
    )
    book = load_rates([extra])
    assert 2027 in book.ni
    assert book.last_year == TaxYear(2026)  # NI alone is not a full year: SSP and pension still carried forward
