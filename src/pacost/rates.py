"""The statutory figures: their file format, validation, and lookup by date.

Figures live in TOML files under ``data/`` (shipped inside the package as ``pacost/data``):

- ``ni_rates/YYYY-YY.toml`` — employer (Class 1 secondary) NI and the Employment Allowance, one file per tax year;
- ``ssp/YYYY-YY.toml`` — Statutory Sick Pay; ``pension/YYYY-YY.toml`` — auto-enrolment;
- ``minimum_wage/YYYY-MM-DD.toml`` — minimum wage bands, one file per effective date (1 April);
- ``holiday.toml`` and ``state_pension_age.toml`` — rules that do not change each year;
- ``defaults.toml`` — national (not statutory) figures used when a plan leaves something out.

Every figure names a ``source`` from its file's ``[sources]`` table (title and URL of the official page; a figure
worked out by a stated rule also names that ``rule``), and a
``status``: ``confirmed`` (seen in the source), ``computed`` (worked out from a rule the source states) or
``unconfirmed`` (the best figure known, not yet seen in an official source; the tool says so in its output).
Files are loaded once, validated with pydantic (unknown keys are errors, decimals come from strings, never floats).

Dates past the last tax year known carry the latest figures forward; ``RateBook.carried_forward`` tells a caller
when that happened so it can say so (SPEC §2.10). The per-period rules themselves live in ``pacost.statutory``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from pacost.errors import PacostError
from pacost.frequency import PayFrequency
from pacost.money import round_threshold_odd_period
from pacost.taxyear import TaxYear


def _exact(value: object) -> object:
    if isinstance(value, float):
        raise ValueError('write figures as strings ("0.15"), not floating-point numbers')
    return value


Exact = Annotated[Decimal, BeforeValidator(_exact)]
Status = Literal["confirmed", "computed", "unconfirmed"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where a figure comes from: an official page or piece of legislation."""

    title: str
    url: str

    @model_validator(mode="after")
    def _https(self) -> Source:
        if not self.url.startswith("https://"):
            raise ValueError(f"a source URL must start with https://, got {self.url!r}")
        return self


class Figure(_Strict):
    """One statutory figure (a rate, an amount or a count) and where it comes from."""

    value: Exact
    source: Source
    rule: Source | None = None
    status: Status = "confirmed"
    note: str | None = None


class DatedFigure(Figure):
    """A figure that applies from a date (e.g. the 2022-23 employer rate, which changed on 6 November 2022)."""

    from_date: date = Field(alias="from")


class PeriodFigure(_Strict):
    """A threshold as HMRC publishes it for each pay frequency.

    The weekly, monthly and annual figures are set in the regulations; the fortnightly and four-weekly ones follow
    from NIM01206's rule (annual ÷ 52 × weeks, rounded up to the whole pound) and are marked so in ``note``.
    """

    weekly: Exact
    fortnightly: Exact
    four_weekly: Exact
    monthly: Exact
    annual: Exact
    source: Source
    rule: Source | None = None
    status: Status = "confirmed"
    note: str | None = None

    def for_frequency(self, frequency: PayFrequency) -> Decimal:
        value: Decimal = getattr(self, frequency.field)
        return value

    def for_days(self, days: int) -> Decimal:
        """The threshold for a period that is not whole weeks or months: annual ÷ 365 × days, to the penny
        with a halfpenny or less disregarded (NIM01206)."""
        return round_threshold_odd_period(self.annual * days / 365)

    def for_period(self, frequency: PayFrequency, days: int | None = None) -> Decimal:
        """The threshold for one pay period: the published figure, or pro-rated by days when ``days`` is given."""
        return self.for_frequency(frequency) if days is None else self.for_days(days)


class NiRates(_Strict):
    """Employer (Class 1 secondary) National Insurance for one tax year."""

    employer_rate: list[DatedFigure]
    secondary_threshold: PeriodFigure
    upper_secondary_threshold: PeriodFigure
    apprentice_upper_secondary_threshold: PeriodFigure
    veterans_upper_secondary_threshold: PeriodFigure
    upper_earnings_limit: PeriodFigure
    lower_earnings_limit: PeriodFigure
    employment_allowance: Figure

    def rate_on(self, pay_date: date) -> Decimal:
        """The employer rate in force on a pay date (the last entry that starts on or before it)."""
        current = self.employer_rate[0]
        for entry in self.employer_rate[1:]:
            if entry.from_date <= pay_date:
                current = entry
        return current.value


class SspRates(_Strict):
    """Statutory Sick Pay for absences that start in one tax year.

    ``regime`` is ``waiting-days`` (to 5 April 2026: a period of incapacity of 4+ days, 3 waiting days, average
    weekly earnings at least the lower earnings limit) or ``day-one`` (from 6 April 2026: paid from the first day,
    the lower of the weekly rate and ``earnings_cap_fraction`` of average weekly earnings).
    """

    regime: Literal["waiting-days", "day-one"]
    weekly_rate: Figure
    waiting_days: Figure
    lower_earnings_limit: Figure | None = None
    earnings_cap_fraction: Figure | None = None
    minimum_spell_days: Figure
    maximum_weeks: Figure

    @model_validator(mode="after")
    def _regime_fields(self) -> SspRates:
        if self.regime == "waiting-days" and self.lower_earnings_limit is None:
            raise ValueError("the waiting-days regime needs lower_earnings_limit")
        if self.regime == "day-one" and self.earnings_cap_fraction is None:
            raise ValueError("the day-one regime needs earnings_cap_fraction")
        return self


class PensionRates(_Strict):
    """Workplace pension automatic enrolment for one tax year."""

    lower_qualifying_earnings: PeriodFigure
    earnings_trigger: PeriodFigure
    upper_qualifying_earnings: PeriodFigure
    employer_minimum: Figure
    minimum_age: Figure


class WageBand(Figure):
    """One minimum-wage band: the hourly rate for workers aged ``min_age`` or more (up to the next band)."""

    name: str
    min_age: int


class MinimumWage(_Strict):
    """The minimum wage bands in force from ``effective``."""

    effective: date
    bands: list[WageBand]
    apprentice: Figure

    @model_validator(mode="after")
    def _bands_descend(self) -> MinimumWage:
        ages = [band.min_age for band in self.bands]
        if ages != sorted(ages, reverse=True):
            raise ValueError("minimum wage bands must be listed from the oldest age band down")
        return self


class HolidayRules(_Strict):
    statutory_weeks: Figure
    cap_days: Figure
    irregular_hours_accrual: Figure


class PensionAgeCohort(_Strict):
    """People born from ``born_from`` to ``born_to`` (inclusive) reach State Pension age at years + months."""

    born_from: date
    born_to: date
    years: int
    months: int = 0
    source: Source
    status: Status = "confirmed"
    note: str | None = None


class StatePensionAge(_Strict):
    cohorts: list[PensionAgeCohort]


class Defaults(_Strict):
    """National figures used when a plan leaves something out (not statutory; each is reported as an assumption)."""

    sick_days_per_year: Figure
    agency_hourly_rate: Figure


class TaxYearFile(_Strict):
    """A file of figures for one tax year; any of the sections may be present."""

    tax_year: str
    ni: NiRates | None = None
    ssp: SspRates | None = None
    pension: PensionRates | None = None


class MinimumWageFile(_Strict):
    minimum_wage: MinimumWage


class RulesFile(_Strict):
    holiday: HolidayRules | None = None
    state_pension_age: StatePensionAge | None = None
    defaults: Defaults | None = None


# --------------------------------------------------------------------------------------------------------------
# Reading files

_M = TypeVar("_M", bound=BaseModel)


def _resolve_sources(node: Any, sources: Mapping[str, Any], path: str, filename: str) -> Any:
    """Replace every ``source = "id"`` by the entry ``[sources.id]`` of the same file."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            where = f"{path}.{key}" if path else key
            if key in ("source", "rule") and isinstance(value, str):
                if value not in sources:
                    known = ", ".join(sorted(sources)) or "none"
                    raise PacostError(
                        f"source {value!r} is not in this file's [sources] table (known: {known})",
                        source=filename,
                        location=where,
                    )
                out[key] = sources[value]
            else:
                out[key] = _resolve_sources(value, sources, where, filename)
        return out
    if isinstance(node, list):
        return [_resolve_sources(item, sources, f"{path}[{i}]", filename) for i, item in enumerate(node)]
    return node


def _location(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_toml(text: str, filename: str) -> dict[str, Any]:
    """Parse TOML, turning a syntax error into a located PacostError."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        message = getattr(exc, "msg", str(exc))
        raise PacostError(f"not valid TOML ({message})", source=filename, line=line, column=column) from None


def _parse(model: type[_M], text: str, filename: str) -> _M:
    raw = read_toml(text, filename)
    sources = raw.pop("sources", {})
    if not isinstance(sources, dict):
        raise PacostError("[sources] must be a table of {title, url}", source=filename, location="sources")
    resolved = _resolve_sources(raw, sources, "", filename)
    try:
        return model.model_validate(resolved)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise PacostError(first["msg"], source=filename, location=_location(first["loc"])) from None


# --------------------------------------------------------------------------------------------------------------
# The rate book


@dataclass
class RateBook:
    """Every statutory figure pacost knows, indexed for lookup by date."""

    ni: dict[int, NiRates] = field(default_factory=dict)
    ssp: dict[int, SspRates] = field(default_factory=dict)
    pension: dict[int, PensionRates] = field(default_factory=dict)
    minimum_wage: list[MinimumWage] = field(default_factory=list)
    holiday: HolidayRules | None = None
    state_pension_age: StatePensionAge | None = None
    defaults: Defaults | None = None
    files: list[str] = field(default_factory=list)

    # ---- lookups -------------------------------------------------------------------------------------------

    @property
    def tax_years(self) -> list[TaxYear]:
        """Tax years with a full set of figures (NI, SSP and pension)."""
        found: list[TaxYear] | None = self.__dict__.get("_tax_years_memo")
        if found is None:
            years = set(self.ni) & set(self.ssp) & set(self.pension)
            found = self.__dict__["_tax_years_memo"] = [TaxYear(y) for y in sorted(years)]
        return list(found)

    @property
    def first_year(self) -> TaxYear:
        return self.tax_years[0]

    @property
    def last_year(self) -> TaxYear:
        return self.tax_years[-1]

    def figures_year(self, day: date) -> TaxYear:
        """The tax year whose figures apply to ``day``: its own, or the latest known when it is later."""
        memo = self.__dict__.setdefault("_figures_year_memo", {})
        found: TaxYear | None = memo.get(day)
        if found is None:
            if len(memo) > 8_192:  # keep a long batch run's memory flat
                memo.clear()
            found = memo[day] = self._figures_year(day)
        return found

    def _figures_year(self, day: date) -> TaxYear:
        year = TaxYear.containing(day)
        if year < self.first_year:
            raise PacostError(
                f"pacost has no statutory figures before the {self.first_year} tax year "
                f"(it starts {self.first_year.start:%-d %B %Y}); {day:%-d %B %Y} is earlier",
            )
        return min(year, self.last_year)

    def carried_forward(self, day: date) -> bool:
        """True when ``day`` is past the last tax year known, so the latest figures are carried forward."""
        return TaxYear.containing(day) > self.last_year

    def ni_for(self, day: date) -> NiRates:
        return self.ni[self.figures_year(day).start_year]

    def ssp_for(self, day: date) -> SspRates:
        return self.ssp[self.figures_year(day).start_year]

    def pension_for(self, day: date) -> PensionRates:
        return self.pension[self.figures_year(day).start_year]

    def minimum_wage_for(self, day: date) -> MinimumWage:
        """The minimum wage bands in force on ``day`` (the latest known carried forward)."""
        current: MinimumWage | None = None
        for entry in self.minimum_wage:
            if entry.effective <= day:
                current = entry
        if current is None:
            first = self.minimum_wage[0].effective
            raise PacostError(f"pacost has no minimum wage figures before {first:%-d %B %Y}")
        return current

    def minimum_wage_carried_forward(self, day: date) -> bool:
        """True when ``day`` is a year or more past the last minimum wage uprating known."""
        last = self.minimum_wage[-1].effective
        return day >= date(last.year + 1, last.month, last.day)

    # ---- building ------------------------------------------------------------------------------------------

    def add_tax_year_file(self, parsed: TaxYearFile, filename: str) -> None:
        self.__dict__.pop("_figures_year_memo", None)
        self.__dict__.pop("_tax_years_memo", None)
        try:
            year = TaxYear.parse(parsed.tax_year)
        except ValueError as exc:
            raise PacostError(str(exc), source=filename, location="tax_year") from None
        if parsed.ni is not None:
            starts = parsed.ni.employer_rate[0].from_date
            if starts != year.start:
                raise PacostError(
                    f"the first employer rate must start on {year.start} (the start of {year}), got {starts}",
                    source=filename,
                    location="ni.employer_rate[0].from",
                )
            self.ni[year.start_year] = parsed.ni
        if parsed.ssp is not None:
            self.ssp[year.start_year] = parsed.ssp
        if parsed.pension is not None:
            self.pension[year.start_year] = parsed.pension
        self.files.append(filename)

    def add_minimum_wage_file(self, parsed: MinimumWageFile, filename: str) -> None:
        self.minimum_wage = [m for m in self.minimum_wage if m.effective != parsed.minimum_wage.effective]
        self.minimum_wage.append(parsed.minimum_wage)
        self.minimum_wage.sort(key=lambda m: m.effective)
        self.files.append(filename)

    def add_rules_file(self, parsed: RulesFile, filename: str) -> None:
        if parsed.holiday is not None:
            self.holiday = parsed.holiday
        if parsed.state_pension_age is not None:
            self.state_pension_age = parsed.state_pension_age
        if parsed.defaults is not None:
            self.defaults = parsed.defaults
        self.files.append(filename)

    def add_file(self, text: str, filename: str) -> None:
        """Add one data file, of whichever kind its top-level keys say it is."""
        self.__dict__.pop("_figures_year_memo", None)
        self.__dict__.pop("_tax_years_memo", None)
        raw_keys = set(read_toml(text, filename)) - {"sources"}
        if "tax_year" in raw_keys:
            self.add_tax_year_file(_parse(TaxYearFile, text, filename), filename)
        elif "minimum_wage" in raw_keys:
            self.add_minimum_wage_file(_parse(MinimumWageFile, text, filename), filename)
        elif raw_keys & {"holiday", "state_pension_age", "defaults"}:
            self.add_rules_file(_parse(RulesFile, text, filename), filename)
        else:
            raise PacostError(
                "a rates file needs tax_year (with [ni], [ssp] or [pension]), [minimum_wage], [holiday] "
                "or [state_pension_age]",
                source=filename,
            )

    def check_complete(self) -> None:
        """Check the book has what every calculation needs, with no gap between tax years."""
        years = self.tax_years
        if not years:
            raise PacostError("no tax year has NI, SSP and pension figures")
        for kind, table in (("ni", self.ni), ("ssp", self.ssp), ("pension", self.pension)):
            span = range(years[0].start_year, years[-1].start_year + 1)
            missing = [str(TaxYear(y)) for y in span if y not in table]
            if missing:
                raise PacostError(f"{kind} figures are missing for {', '.join(missing)}")
        if not self.minimum_wage:
            raise PacostError("no minimum wage figures")
        if self.holiday is None or self.state_pension_age is None or self.defaults is None:
            raise PacostError("holiday.toml, state_pension_age.toml and defaults.toml are required")


def data_dir() -> Path:
    """Where the bundled figures are: inside the installed package, or ``data/`` beside ``src/`` in a checkout."""
    packaged = Path(str(resources.files("pacost"))) / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def _bundled_files() -> list[Path]:
    root = data_dir()
    if not root.is_dir():
        raise PacostError(f"the bundled rates data is missing (looked in {root}); reinstall pacost")
    # calendar/ holds the bank holiday table, read by pacost.statutory.bank_holidays, not a rates file.
    return sorted(p for p in root.rglob("*.toml") if p.is_file() and p.parent.name != "calendar")


def load_rates(extra: Iterable[Path] = ()) -> RateBook:
    """Load the bundled figures, then any user files (``--rates FILE``) that add or override a year."""
    book = RateBook()
    root = data_dir()
    for path in _bundled_files():
        book.add_file(path.read_text(encoding="utf-8"), str(path.relative_to(root.parent)))
    for path in extra:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PacostError(f"cannot read this rates file ({exc.strerror})", source=str(path)) from None
        book.add_file(text, str(path))
    book.check_complete()
    return book


@cache
def bundled_rates() -> RateBook:
    """The bundled figures, loaded and validated once per process."""
    return load_rates()
