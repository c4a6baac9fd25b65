"""The law the report cites (``pacost.render.law``): every quoted passage is found word for word in the source text
saved in ``tests/legal_sources/`` with the address it was read at; each nation's example plan's report cites that
nation's law and not another's as the governing law."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pacost.engine.cost import cost_plan
from pacost.plan import load_plan
from pacost.rates import RateBook, bundled_rates
from pacost.render.law import LAW, LegalRef
from pacost.render.report import build_report
from pacost.render.report_md import render_report_markdown
from pacost.statutory.bank_holidays import Nation

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tests" / "legal_sources"


def _saved() -> dict[str, str]:
    """The saved sources by the address the report cites them at: their words, spaces run together."""
    out = {}
    for path in sorted(SOURCES.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        cited = re.search(r"^cited as: (\S+)$", head, re.MULTILINE)
        assert cited is not None, path
        out[cited[1]] = " ".join(body.split())
    return out


def _all_refs() -> list[LegalRef]:
    return [ref for law in LAW.values() for ref in (*law.refs, *law.examples)]


@pytest.mark.parametrize("ref", _all_refs(), ids=lambda ref: ref.title[:60])
def test_every_quoted_passage_is_in_its_saved_source(ref: LegalRef) -> None:
    saved = _saved()
    assert ref.quote is not None and ref.quote_url is not None, "every passage cited quotes its source"
    assert ref.quote_url in saved, f"no saved text for {ref.quote_url}"
    assert " ".join(ref.quote.split()) in saved[ref.quote_url]
    host = re.sub(r"^https?://(www\.)?", "", ref.quote_url).split("/")[0]
    official = ("legislation.gov.uk", "gov.uk", "gov.scot", "record.senedd.wales", "nidirect.gov.uk", "lgo.org.uk")
    assert host in official, host


def test_every_saved_source_is_quoted() -> None:
    quoted = {ref.quote_url for ref in _all_refs()}
    assert set(_saved()) == quoted


EXAMPLES = {
    Nation.ENGLAND: "single-pa-weekday.toml",
    Nation.WALES: "three-pas-nights-weekends.toml",
    Nation.SCOTLAND: "scotland-weekend-pa.toml",
    Nation.NORTHERN_IRELAND: "covered-plan.json",
}
GOVERNING = {
    Nation.ENGLAND: "Care Act 2014",
    Nation.WALES: "Social Services and Well-being (Wales) Act 2014",
    Nation.SCOTLAND: "Social Care (Self-directed Support) (Scotland) Act 2013",
    Nation.NORTHERN_IRELAND: "Carers and Direct Payments Act (Northern Ireland) 2002",
}


@pytest.fixture(scope="module")
def rates() -> RateBook:
    return bundled_rates()


@pytest.mark.parametrize("nation", list(EXAMPLES), ids=str)
def test_each_nations_report_cites_its_own_law(nation: Nation, rates: RateBook) -> None:
    loaded = load_plan(ROOT / "examples" / EXAMPLES[nation], rates=rates)
    assert loaded.plan.nation == nation
    from datetime import date

    report = build_report(cost_plan(loaded, rates), loaded.plan, rates, generated_on=date(2026, 12, 1))
    markdown = render_report_markdown(report)
    assert f"### {GOVERNING[nation]}" in markdown
    for other, act in GOVERNING.items():
        if other != nation:
            assert act not in markdown, f"{nation}'s report cites {act}"
    assert ("Ombudsman decisions" in markdown) is (nation == Nation.ENGLAND)
    for ref in LAW[nation].refs:
        assert ref.quote is not None and f"“{ref.quote}”" in markdown
