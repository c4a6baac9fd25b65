"""``pacost report``: golden files, figures identical to ``pacost cost --format json``, no second calculation, no
external resources, only checked legal references, and the accessibility basics.

The golden files under tests/golden/report-*.html and .md are a regression fixture, not truth: regenerate them with
``PACOST_REGENERATE=1 pytest tests/test_report.py`` and review the diff. The footer date is fixed through
``SOURCE_DATE_EPOCH``; the version is masked.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pacost import __version__
from pacost.cli import app
from pacost.engine.cost import cost_plan
from pacost.money import pounds
from pacost.plan import load_plan
from pacost.rates import RateBook
from pacost.render.law import LAW
from pacost.render.report import build_report
from pacost.render.report_html import render_report_html
from pacost.render.report_md import render_report_markdown
from pacost.result import ASKED_FOR_LINES, CostResult

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted([*ROOT.glob("examples/*.toml"), *ROOT.glob("examples/*.json")])
GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("PACOST_REGENERATE") == "1"
FIXED_EPOCH = "1795392000"  # 23 November 2026, 00:00 UTC
FIXED_DATE_TEXT = "23 November 2026"

runner = CliRunner()


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"SOURCE_DATE_EPOCH": FIXED_EPOCH})
    assert result.exit_code == 0, result.output
    return result.stdout


def _mask(text: str) -> str:
    return text.replace(f"pacost {__version__}", "pacost VERSION")


def _report(example: Path, fmt: str) -> str:
    return _run("report", str(example), "--format", fmt)


# ----------------------------------------------------------------------------------------------------------------
# Golden files


@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize("example", EXAMPLES, ids=_ids(EXAMPLES))
def test_report_matches_golden(example: Path, fmt: str) -> None:
    text = _mask(_report(example, fmt))
    assert FIXED_DATE_TEXT in text
    golden = GOLDEN / f"report-{example.stem}.{'html' if fmt == 'html' else 'md'}"
    if REGENERATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run PACOST_REGENERATE=1 pytest tests/test_report.py"
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name} differs: review, then regenerate"


# ----------------------------------------------------------------------------------------------------------------
# The same figures as `pacost cost --format json`


@pytest.mark.parametrize("example", EXAMPLES, ids=_ids(EXAMPLES))
def test_report_figures_are_the_json_figures(example: Path) -> None:
    data = json.loads(_run("cost", str(example), "--format", "json"))
    html = _report(example, "html")
    markdown = _report(example, "markdown")
    exact = set(re.findall(r'data-value="([^"]+)"', html))

    money = [line["amount"] for line in data["lines"]] + [line["per_week"] for line in data["lines"]]
    money += [data["total"], data["budget"], data["difference"], *data["per_week"].values()]
    for amount in money:
        assert amount in exact, f"{amount} (from the JSON) is not an exact figure in the HTML report"
        assert pounds(Decimal(amount)) in markdown, f"{amount} (from the JSON) is not in the Markdown report"
    for line in data["lines"]:
        if line["id"] in ASKED_FOR_LINES and Decimal(line["amount"]) == 0:
            continue  # a line the plan did not ask for is left out of the report
        assert line["label"] in unescape(html)
        assert line["label"] in markdown

    figures = [data["hours_per_week_budget_buys"], data["on_cost_percent"], data["hours"]["planned_per_week"]]
    prices = [data["cost_per_planned_hour"], data["budget_implied_hourly_rate"], data["budget_needed"]]
    for text in (unescape(html), markdown):
        for figure in figures:
            if figure is not None:
                assert figure in text
        for price in prices:
            if price is not None:
                assert pounds(Decimal(price)) in text
        assert data["plan_sha256"] in text
        for year in data["rates_used"]:
            assert f"Tax year {year}" in text
        for message in data["warnings"] + data["assumptions"]:
            assert message in text


@pytest.fixture(scope="module")
def costed(rates: RateBook) -> tuple[CostResult, object]:
    loaded = load_plan(ROOT / "examples" / "three-pas-nights-weekends.toml", rates=rates)
    return cost_plan(loaded, rates), loaded.plan


def test_report_never_costs_the_plan_again(
    costed: tuple[CostResult, object], rates: RateBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report renders from the result alone: with the cost model disabled it still renders, and a doctored
    result shows through unchanged."""
    from datetime import date

    import pacost.engine.cost

    result, plan = costed

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report must not cost the plan again")

    for name in ("cost_plan", "price", "prepare", "max_affordable_rate"):
        monkeypatch.setattr(pacost.engine.cost, name, refuse)
    doctored_lines = [line._replace(amount=Decimal("1234567.89")) for line in result.lines]
    doctored = result._replace(lines=doctored_lines, total=Decimal("7654321.98"))
    content = build_report(doctored, plan, rates, generated_on=date(2026, 11, 23))  # type: ignore[arg-type]
    html = render_report_html(content)
    markdown = render_report_markdown(content)
    for line in result.lines:
        row = re.search(rf'<tr id="line-{line.id}">.*?</tr>', html)
        assert row is not None and 'data-value="1234567.89"' in row.group(0)
    assert "£1,234,567.89" in markdown
    assert "£7,654,321.98" in html and "£7,654,321.98" in markdown


def test_chart_parts_add_up_to_the_total(costed: tuple[CostResult, object]) -> None:
    from pacost.render.report import chart_parts

    result, _ = costed
    parts = chart_parts(result)
    assert sum(p.amount for p in parts) == result.total
    assert [p.id for p in parts] == [
        "wages",
        "holiday_pay",
        "cover",
        "sick_pay",
        "employer_ni",
        "pension",
        "insurance",
        "payroll",
        "other",
    ]


# ----------------------------------------------------------------------------------------------------------------
# Self-contained: nothing fetched


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("example", EXAMPLES, ids=_ids(EXAMPLES))
def test_report_fetches_nothing(example: Path) -> None:
    page = _parse(_report(example, "html"))
    fetching = {"link", "script", "img", "iframe", "object", "embed", "video", "audio", "source", "image", "use"}
    assert not [tag for tag, _ in page.tags if tag in fetching]
    for tag, attrs in page.tags:
        assert "src" not in attrs and "srcset" not in attrs, tag
        assert "style" not in attrs, "styles live in the one <style> element"
        if "href" in attrs:
            assert tag == "a", f"<{tag} href> would be fetched"
        for name, value in attrs.items():
            if value and "url(" in value:
                assert re.fullmatch(r"url\(#[\w-]+\)", value), f"{tag} {name}={value}"
    assert "@import" not in page.style
    assert re.findall(r"url\(", page.style) == []


# ----------------------------------------------------------------------------------------------------------------
# The law: only checked references


@pytest.mark.parametrize("example", EXAMPLES, ids=_ids(EXAMPLES))
def test_every_link_is_a_source(example: Path, rates: RateBook) -> None:
    page = _parse(_report(example, "html"))
    legal = {url for law in LAW.values() for ref in (*law.refs, *law.examples) for _, url in ref.links}
    for tag, attrs in page.tags:
        if tag == "a":
            href = attrs["href"] or ""
            assert href.startswith("https://"), href
            official = (
                "gov.uk" in href
                or "thepensionsregulator" in href
                or href.startswith(
                    ("https://github.com/alphagov/", "https://www.gov.scot/", "https://record.senedd.wales/")
                )
            )
            assert href in legal or official, href  # (GOV.UK's own code: its redundancy calculator's figures)


TWO_WEEK_PLAN = """
name = "Two weeks"
start = 2026-04-08
end = 2026-06-30

[budget]
amount = 400
per = "week"

[[pa]]
name = "Sam"
hourly_rate = 13.00

  [[pa.shift]]
  days = ["mon", "wed", "fri"]
  start = "09:00"
  end = "12:00"
  every = 2

  [[pa.shift]]
  days = ["tue", "thu"]
  start = "10:00"
  end = "14:00"
  every = 2
  week = 2
"""


def test_a_two_week_rota_is_shown_as_its_two_weeks(tmp_path: Path) -> None:
    """Weeks counted from the plan's start (Wednesday 8 April 2026): week 1 runs Wednesday to Tuesday."""
    path = tmp_path / "plan.toml"
    path.write_text(TWO_WEEK_PLAN, encoding="utf-8")
    markdown = _report(path, "markdown")
    assert "### The rota's two-week cycle, from the plan's start" in markdown
    rows = [line.strip("| ").split(" | ") for line in markdown.splitlines() if line.startswith("| Week ")]
    assert rows == [
        ["Week 1: Wednesday", "09:00–12:00"],
        ["Week 1: Friday", "09:00–12:00"],
        ["Week 1: Monday", "09:00–12:00"],
        ["Week 2: Thursday", "10:00–14:00"],
        ["Week 2: Tuesday", "10:00–14:00"],
    ]
    assert "every other week" not in markdown and "A week of the rota" not in markdown


# ----------------------------------------------------------------------------------------------------------------
# Accessibility basics


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_report_is_accessible() -> None:
    html = _report(ROOT / "examples" / "three-pas-nights-weekends.toml", "html")
    page = _parse(html)
    tags = [tag for tag, _ in page.tags]
    assert '<html lang="en-GB">' in html
    assert tags.count("h1") == 1 and tags.count("main") == 1 and "footer" in tags
    assert tags.count("table") == tags.count("caption")
    for tag, attrs in page.tags:
        if tag == "th":
            assert attrs.get("scope") in ("col", "row", "colgroup"), attrs
    chart = next(attrs for tag, attrs in page.tags if tag == "svg" and attrs.get("role") == "img")
    assert chart.get("aria-labelledby") == "chart-title chart-desc"
    assert '<title id="chart-title">' in html and '<desc id="chart-desc">' in html
    # The chart's parts are told apart by pattern, and named in a text table beside it.
    assert html.count("<pattern ") >= 10 and "The chart as a table" in html
    # Text colours (and the backgrounds they sit on) used by the stylesheet pass WCAG AA (4.5:1).
    pairs = [
        ("#1a1a1a", "#ffffff"),
        ("#3d3d3d", "#ffffff"),
        ("#3d3d3d", "#f2f2f2"),
        ("#1a1a1a", "#e8e8e8"),
        ("#1a1a1a", "#f2f2f2"),
        ("#0645ad", "#ffffff"),
        ("#4b2a8a", "#ffffff"),
        ("#8a0000", "#ffffff"),
    ]
    for fg, bg in pairs:
        assert fg in html.replace("#fff;", "#ffffff;")
        assert _contrast(fg, bg) >= 4.5, (fg, bg)


# ----------------------------------------------------------------------------------------------------------------
# The command


def test_report_writes_a_file_and_picks_markdown_from_the_name(tmp_path: Path) -> None:
    example = ROOT / "examples" / "single-pa-weekday.toml"
    html_file, md_file = tmp_path / "r.html", tmp_path / "r.md"
    _run("report", str(example), "-o", str(html_file))
    _run("report", str(example), "--output", str(md_file))
    assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert md_file.read_text(encoding="utf-8").startswith("# Mr B, weekday mornings 2026-27")


def test_report_takes_set_and_strict_rates(tmp_path: Path) -> None:
    example = ROOT / "examples" / "single-pa-weekday.toml"
    markdown = _run("report", str(example), "-f", "markdown", "--set", "pa.0.hourly_rate=14")
    assert "| Alex | 42 | £14.00 |" in markdown
    late = runner.invoke(app, ["report", str(example), "--set", "end=2031-04-05", "--strict-rates"])
    assert late.exit_code == 1


def test_report_rejects_a_bad_source_date_epoch() -> None:
    result = runner.invoke(
        app, ["report", str(ROOT / "examples" / "young-pa.toml")], env={"SOURCE_DATE_EPOCH": "yesterday"}
    )
    assert result.exit_code == 1
