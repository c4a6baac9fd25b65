"""The statutory figures as rows for display (``pacost rates`` and the report), with their sources: every figure of
one tax year (``RatesYear``), or the headline figures of every year (``RatesOverview``).

Core code: it builds plain rows and never renders them; ``pacost.render.rates_view`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from pacost.dates import TaxYear
from pacost.rates.book import RateBook
from pacost.rates.models import DatedFigure, Figure, PeriodFigure

FREQUENCY_FIELDS = ("weekly", "fortnightly", "four_weekly", "monthly", "annual")


@dataclass(frozen=True)
class FigureRow:
    """One figure as ``pacost rates`` shows it: its section, name, value, status and source."""

    section: str
    name: str
    value: str | None  # a single figure
    per_period: dict[str, str] | None  # a threshold per pay frequency
    status: str
    note: str | None
    source_title: str
    source_url: str
    rule_url: str | None = None
    shown: str | None = None  # a single figure as people write it: "15%", "£10,500", "5.6 weeks"


#: What each single figure counts, by the start of its name (a minimum wage band's section says it is money).
UNITS: tuple[tuple[str, str], ...] = (
    ("employer rate", "percent"),
    ("earnings cap fraction", "percent"),
    ("employer minimum", "percent"),
    ("irregular hours accrual", "percent"),
    ("employment allowance", "money"),
    ("weekly rate", "money"),
    ("week's pay limit", "money"),
    ("waiting days", "day"),
    ("minimum spell days", "day"),
    ("cap days", "day"),
    ("maximum weeks", "week"),
    ("statutory weeks", "week"),
    ("weeks a year", "week"),
    ("most weeks", "week"),
    ("maximum weekly hours", "hour"),
    ("minimum age", "year"),
    ("qualifying years", "year"),
    ("most years", "year"),
    ("weekly from years", "year"),
    ("after months", "month"),
)


def figure_shown(section: str, name: str, value: Decimal) -> str:
    """A single figure as people write it: a rate as a percentage (15%, 12.07%), money in pounds (£10,500,
    £123.25, £12.71 an hour), a count with its unit (5.6 weeks, 28 days)."""
    unit = "hourly" if section.startswith("Minimum wage") else next((u for p, u in UNITS if name.startswith(p)), "")
    if unit == "percent":
        return format((value * 100).normalize(), "f") + "%"
    if unit == "hourly":
        return f"£{value:,.2f} an hour"
    if unit == "money":
        return f"£{value:,.0f}" if value == value.to_integral() else f"£{value:,.2f}"
    if unit:
        return f"{_fmt(value)} {unit}" + ("" if value == 1 else "s")
    return _fmt(value)


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def _row(section: str, name: str, figure: Figure | PeriodFigure) -> FigureRow:
    rule = figure.rule.url if figure.rule else None
    if isinstance(figure, PeriodFigure):
        per = {f: _fmt(getattr(figure, f)) for f in FREQUENCY_FIELDS}
        return FigureRow(
            section, name, None, per, figure.status, figure.note, figure.source.title, figure.source.url, rule
        )
    label = name
    if isinstance(figure, DatedFigure):
        label = f"{name} from {figure.from_date:%-d %b %Y}"
    return FigureRow(
        section,
        label,
        _fmt(figure.value),
        None,
        figure.status,
        figure.note,
        figure.source.title,
        figure.source.url,
        rule,
        figure_shown(section, name, figure.value),
    )


def _fields(section: str, model: object, rows: list[FigureRow]) -> None:
    for field_name in (f.name for f in fields(model)):  # type: ignore[arg-type]
        value = getattr(model, field_name)
        name = field_name.replace("_", " ")
        if isinstance(value, Figure | PeriodFigure):
            rows.append(_row(section, name, value))
        elif isinstance(value, list):
            rows.extend(_row(section, name, item) for item in value if isinstance(item, Figure))


def year_rows(book: RateBook, year: TaxYear) -> list[FigureRow]:
    """Every figure pacost uses for ``year``: NI, Employment Allowance, SSP, pension, minimum wage, holiday,
    redundancy pay and notice, and State Pension age, each with its source."""
    rows: list[FigureRow] = []
    _fields("Employer National Insurance", book.ni[year.start_year], rows)
    _fields("Statutory Sick Pay", book.ssp[year.start_year], rows)
    _fields("Workplace pension (automatic enrolment)", book.pension[year.start_year], rows)
    wage = book.minimum_wage_for(max(year.start, date(year.start_year, 4, 1)))
    for band in wage.bands:
        rows.append(_row(f"Minimum wage from {wage.effective:%-d %B %Y}", band.name, band))
    rows.append(_row(f"Minimum wage from {wage.effective:%-d %B %Y}", "apprentice", wage.apprentice))
    if book.holiday is not None:
        _fields("Holiday", book.holiday, rows)
    if book.working_time is not None:
        _fields("Working time", book.working_time, rows)
    if book.redundancy is not None:
        from pacost.statutory.ending import week_pay_limit

        section = "Redundancy pay"
        rules = book.redundancy
        rows.append(_row(section, "qualifying years", rules.qualifying_years))
        rows.append(_row(section, "most years", rules.most_years))
        rows += [_row(section, f"weeks a year from age {band.from_age}", band) for band in rules.weeks_per_year]
        for where, northern_ireland in (("GB", False), ("NI", True)):
            limit = week_pay_limit(book, year.start, northern_ireland=northern_ireland)
            rows.append(_row(section, f"week's pay limit ({where})", limit))
    if book.notice is not None:
        _fields("Notice", book.notice, rows)
    if book.state_pension_age is not None:
        for cohort in book.state_pension_age.cohorts:
            months = f" {cohort.months} months" if cohort.months else ""
            rows.append(
                FigureRow(
                    "State Pension age",
                    f"born {cohort.born_from:%-d %b %Y} to {cohort.born_to:%-d %b %Y}",
                    f"{cohort.years} years{months}",
                    None,
                    cohort.status,
                    cohort.note,
                    cohort.source.title,
                    cohort.source.url,
                )
            )
    return rows


@dataclass(frozen=True)
class YearSummary:
    """One tax year's headline figures, as ``pacost rates`` lists them."""

    tax_year: str
    employer_rate: str
    secondary_threshold_weekly: str
    secondary_threshold_monthly: str
    employment_allowance: str
    ssp_weekly: str
    national_living_wage: str
    pension_trigger_annual: str
    unconfirmed: int


def year_summaries(book: RateBook) -> list[YearSummary]:
    out: list[YearSummary] = []
    for year in book.tax_years:
        ni = book.ni[year.start_year]
        rate = " then ".join(
            f"{entry.value * 100:.2f}".rstrip("0").rstrip(".") + "%" + (f" from {entry.from_date:%-d %b}" if i else "")
            for i, entry in enumerate(ni.employer_rate)
        )
        wage = book.minimum_wage_for(date(year.start_year, 4, 1))
        rows = year_rows(book, year)
        out.append(
            YearSummary(
                tax_year=str(year),
                employer_rate=rate,
                secondary_threshold_weekly=_fmt(ni.secondary_threshold.weekly),
                secondary_threshold_monthly=_fmt(ni.secondary_threshold.monthly),
                employment_allowance=_fmt(ni.employment_allowance.value),
                ssp_weekly=_fmt(book.ssp[year.start_year].weekly_rate.value),
                national_living_wage=_fmt(wage.bands[0].value),
                pension_trigger_annual=_fmt(book.pension[year.start_year].earnings_trigger.annual),
                unconfirmed=sum(1 for r in rows if r.status == "unconfirmed"),
            )
        )
    return out


@dataclass(frozen=True)
class RatesOverview:
    """What ``pacost rates`` shows with no year: the headline figures of every tax year known, and the last one
    (whose figures later dates carry forward)."""

    years: list[YearSummary]
    last_year: TaxYear


@dataclass(frozen=True)
class RatesYear:
    """What ``pacost rates 2026-27`` shows: every figure of one tax year, with its source."""

    year: TaxYear
    rows: list[FigureRow]


def rates_overview(book: RateBook) -> RatesOverview:
    return RatesOverview(year_summaries(book), book.last_year)


def rates_year(book: RateBook, year: TaxYear) -> RatesYear:
    return RatesYear(year, year_rows(book, year))
