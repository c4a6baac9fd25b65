"""The statutory figures' file format: one pydantic model per kind of data file under ``data/``.

- ``ni_rates/YYYY-YY.toml`` — employer (Class 1 secondary) NI and the Employment Allowance, one file per tax year;
- ``ssp/YYYY-YY.toml`` — Statutory Sick Pay; ``pension/YYYY-YY.toml`` — auto-enrolment;
- ``minimum_wage/YYYY-MM-DD.toml`` — minimum wage bands, one file per effective date (1 April);
- ``holiday.toml``, ``working_time.toml`` and ``state_pension_age.toml`` — rules that do not change each year;
- ``defaults.toml`` — national (not statutory) figures used when a plan leaves something out.

Every figure names a ``source`` from its file's ``[sources]`` table (title and URL of the official page; a figure
worked out by a stated rule also names that ``rule``), and a ``status``: ``confirmed`` (seen in the source),
``computed`` (worked out from a rule the source states) or ``unconfirmed`` (the best figure known, not yet seen in
an official source; the tool says so in its output). Unknown keys are errors, and decimals come from strings, never
floats. The models are frozen dataclasses, checked by pydantic through ``pacost.validation`` (so that loading the
bundled figures from the package's snapshot needs no pydantic). Reading the files and looking figures up by date is
``pacost.rates.book``; the rules that use the figures are in ``pacost.statutory``.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pacost.dates import PayFrequency
from pacost.records import record
from pacost.validation import STRICT, Check, strict


def _exact(value: object) -> object:
    if isinstance(value, float):
        raise ValueError('write figures as strings ("0.15"), not floating-point numbers')
    return value


Exact = Annotated[Decimal, Check(_exact)]
Status = Literal["confirmed", "computed", "unconfirmed"]


def _within(name: str, value: Decimal, low: Decimal, high: Decimal | None, what: str) -> None:
    """Refuse a figure outside what it can be (a rates file with a slip in it must not cost a plan)."""
    if value < low or (high is not None and value > high):
        raise ValueError(f"{name} is {value}: {what}")


_ONE = Decimal(1)
_ZERO = Decimal(0)


@record
class Source:
    """Where a figure comes from: an official page or piece of legislation."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    title: str
    url: str

    def __post_init__(self) -> None:
        if not self.url.startswith("https://"):
            raise ValueError(f"a source URL must start with https://, got {self.url!r}")


@record
class Figure:
    """One statutory figure (a rate, an amount or a count) and where it comes from."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    value: Exact
    source: Source
    rule: Source | None = None
    status: Status = "confirmed"
    note: str | None = None


@record
class DatedFigure(Figure):
    """A figure that applies from a date (e.g. the 2022-23 employer rate, which changed on 6 November 2022); the
    file calls its date ``from``."""

    __pydantic_config__: ClassVar[dict[str, object]] = strict("from_date")

    from_date: date


@record
class PeriodFigure:
    """A threshold as HMRC publishes it for each pay frequency.

    The weekly, monthly and annual figures are set in the regulations; the fortnightly and four-weekly ones follow
    from NIM01206's rule (annual ÷ 52 × weeks, rounded up to the whole pound) and are marked so in ``note``.
    """

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    weekly: Exact
    fortnightly: Exact
    four_weekly: Exact
    monthly: Exact
    annual: Exact
    source: Source
    rule: Source | None = None
    status: Status = "confirmed"
    note: str | None = None

    def __post_init__(self) -> None:
        for name in ("weekly", "fortnightly", "four_weekly", "monthly", "annual"):
            _within(name, getattr(self, name), _ZERO, None, "a threshold cannot be negative")

    def for_frequency(self, frequency: PayFrequency) -> Decimal:
        value: Decimal = getattr(self, frequency.field)
        return value


@record
class NiRates:
    """Employer (Class 1 secondary) National Insurance for one tax year."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    employer_rate: list[DatedFigure]
    secondary_threshold: PeriodFigure
    upper_secondary_threshold: PeriodFigure
    apprentice_upper_secondary_threshold: PeriodFigure
    veterans_upper_secondary_threshold: PeriodFigure
    upper_earnings_limit: PeriodFigure
    lower_earnings_limit: PeriodFigure
    employment_allowance: Figure

    def __post_init__(self) -> None:
        for entry in self.employer_rate:
            _within("employer_rate", entry.value, _ZERO, _ONE, "a rate is a fraction from 0 to 1, such as 0.15 for 15%")
        _within("employment_allowance", self.employment_allowance.value, _ZERO, None, "it cannot be negative")
        for frequency in ("weekly", "monthly", "annual"):
            if getattr(self.secondary_threshold, frequency) > getattr(self.upper_secondary_threshold, frequency):
                raise ValueError(f"the {frequency} secondary threshold is above the upper secondary threshold")

    def rate_index_on(self, pay_date: date) -> int:
        """Which entry of ``employer_rate`` is in force on a pay date: the last that starts on or before it."""
        current = 0
        for index, entry in enumerate(self.employer_rate):
            if entry.from_date <= pay_date:
                current = index
        return current

    def rate_on(self, pay_date: date) -> Decimal:
        """The employer rate in force on a pay date."""
        return self.employer_rate[self.rate_index_on(pay_date)].value


@record
class SspRates:
    """Statutory Sick Pay for absences that start in one tax year.

    ``regime`` is ``waiting-days`` (to 5 April 2026: a period of incapacity of 4+ days, 3 waiting days, average
    weekly earnings at least the lower earnings limit) or ``day-one`` (from 6 April 2026: paid from the first day,
    the lower of the weekly rate and ``earnings_cap_fraction`` of average weekly earnings).
    """

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    regime: Literal["waiting-days", "day-one"]
    weekly_rate: Figure
    waiting_days: Figure
    lower_earnings_limit: Figure | None = None
    earnings_cap_fraction: Figure | None = None
    minimum_spell_days: Figure
    maximum_weeks: Figure

    def __post_init__(self) -> None:
        if self.regime == "waiting-days" and self.lower_earnings_limit is None:
            raise ValueError("the waiting-days regime needs lower_earnings_limit")
        if self.regime == "day-one" and self.earnings_cap_fraction is None:
            raise ValueError("the day-one regime needs earnings_cap_fraction")
        _within("weekly_rate", self.weekly_rate.value, _ZERO, None, "SSP cannot be negative")
        _within("waiting_days", self.waiting_days.value, _ZERO, Decimal(7), "waiting days are 0 to 7")
        if self.earnings_cap_fraction is not None:
            _within("earnings_cap_fraction", self.earnings_cap_fraction.value, _ZERO, _ONE, "it is a fraction, 0 to 1")
        _within("minimum_spell_days", self.minimum_spell_days.value, _ONE, None, "a spell is at least a day")
        _within("maximum_weeks", self.maximum_weeks.value, _ONE, None, "SSP is paid for at least a week")


@record
class PensionRates:
    """Workplace pension automatic enrolment for one tax year."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    lower_qualifying_earnings: PeriodFigure
    earnings_trigger: PeriodFigure
    upper_qualifying_earnings: PeriodFigure
    employer_minimum: Figure
    minimum_age: Figure

    def __post_init__(self) -> None:
        _within("employer_minimum", self.employer_minimum.value, _ZERO, _ONE, "a rate is a fraction, such as 0.03")
        for frequency in ("weekly", "monthly", "annual"):
            lower = getattr(self.lower_qualifying_earnings, frequency)
            if lower > getattr(self.upper_qualifying_earnings, frequency):
                raise ValueError(f"the {frequency} lower qualifying earnings are above the upper")


@record
class WageBand(Figure):
    """One minimum-wage band: the hourly rate for workers aged ``min_age`` or more (up to the next band)."""

    name: str
    min_age: int


@record
class MinimumWage:
    """The minimum wage bands in force from ``effective``."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    effective: date
    bands: list[WageBand]
    apprentice: Figure

    def __post_init__(self) -> None:
        ages = [band.min_age for band in self.bands]
        if ages != sorted(ages, reverse=True):
            raise ValueError("minimum wage bands must be listed from the oldest age band down")
        for band in [*self.bands, self.apprentice]:
            _within("a minimum wage", band.value, Decimal("0.01"), Decimal(1000), "an hourly rate above zero")


@record
class HolidayRules:
    """``holiday.toml``: the statutory holiday entitlement (weeks, and its cap in days) and the accrual rate for
    irregular hours."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    statutory_weeks: Figure
    cap_days: Figure
    irregular_hours_accrual: Figure

    def __post_init__(self) -> None:
        _within("statutory_weeks", self.statutory_weeks.value, _ZERO, Decimal(52), "weeks in a year, 0 to 52")
        _within("irregular_hours_accrual", self.irregular_hours_accrual.value, _ZERO, _ONE, "a fraction, 0 to 1")


def _in_date_order(name: str, figures: list[DatedFigure], what: str) -> None:
    """A list of figures from dates: at least one, in order of their dates, one a date."""
    if not figures:
        raise ValueError(f"{name} needs at least one {what}")
    starts = [figure.from_date for figure in figures]
    if starts != sorted(set(starts)):
        raise ValueError(f"{name}: list the {what}s in order of their dates, one {what} a date")


@record
class PayFloors:
    """``pay_floors.toml``: hourly rates a plan may name in place of a figure, none of them the law (the Real Living
    Wage, UK and London, and the Scottish adult social care floor), each a list of rates from dates, in order."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    real_living_wage: list[DatedFigure]
    real_living_wage_london: list[DatedFigure]
    scottish_care_floor: list[DatedFigure]

    def __post_init__(self) -> None:
        for name in ("real_living_wage", "real_living_wage_london", "scottish_care_floor"):
            rates: list[DatedFigure] = getattr(self, name)
            _in_date_order(name, rates, "rate")
            for rate in rates:
                _within(name, rate.value, Decimal("0.01"), Decimal(1000), "an hourly rate above zero")


@record
class AgeBand(Figure):
    """Weeks' pay for each year of employment in which the employee was ``from_age`` or more (up to the next
    band)."""

    from_age: int


@record
class RedundancyRules:
    """``employment_ending.toml``'s ``[redundancy]``: statutory redundancy pay (Employment Rights Act 1996 ss.155,
    162, 227): the service it needs, the years reckoned, the weeks' pay a year by age, and the week's pay limit by
    date in Great Britain and in Northern Ireland."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    qualifying_years: Figure
    most_years: Figure
    weeks_per_year: list[AgeBand]
    week_pay_limit: list[DatedFigure]
    week_pay_limit_northern_ireland: list[DatedFigure]

    def __post_init__(self) -> None:
        ages = [band.from_age for band in self.weeks_per_year]
        if not ages or ages[0] != 0 or ages != sorted(set(ages)):
            raise ValueError("weeks_per_year: list the age bands from age 0 up, one band an age")
        for name in ("week_pay_limit", "week_pay_limit_northern_ireland"):
            _in_date_order(name, getattr(self, name), "limit")


@record
class NoticeRules:
    """``employment_ending.toml``'s ``[notice]``: the least notice an employer must give (ERA 1996 s.86(1))."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    after_months: Figure
    weekly_from_years: Figure
    most_weeks: Figure


@record
class WorkingTime:
    """``working_time.toml``: the most hours a week the Working Time Regulations allow on average."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    maximum_weekly_hours: Figure


@record
class PensionAgeCohort:
    """People born from ``born_from`` to ``born_to`` (inclusive) reach State Pension age at years + months."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    born_from: date
    born_to: date
    years: int
    months: int = 0
    source: Source
    status: Status = "confirmed"
    note: str | None = None


@record
class StatePensionAge:
    """``state_pension_age.toml``: State Pension age by date of birth, cohort by cohort."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    cohorts: list[PensionAgeCohort]


@record
class NationPrice(Figure):
    """A price published for one nation and one year (``year`` as ``2025-26``)."""

    nation: Literal["england", "wales", "scotland", "northern-ireland"]
    year: str

    def __post_init__(self) -> None:
        if len(self.year) != 7 or self.year[4] != "-" or not (self.year[:4] + self.year[5:]).isdigit():
            raise ValueError(f"year is {self.year!r}: give the year it is for as 2025-26")


@record
class Defaults:
    """National figures used when a plan leaves something out (not statutory; each is reported as an assumption)."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    sick_days_per_year: Figure
    agency_hourly_rate: list[NationPrice]
    pa_turnover_percent: Figure

    def __post_init__(self) -> None:
        nations = [price.nation for price in self.agency_hourly_rate]
        if "england" not in nations or len(set(nations)) != len(nations):
            raise ValueError("agency_hourly_rate needs England's figure and at most one figure a nation")

    def agency_rate_for(self, nation: str) -> tuple[NationPrice, NationPrice | None]:
        """The agency rate a plan in ``nation`` is costed at when it gives none, and the nation's own published
        figure if there is one. The nation's own is used when it is for England's year or later; an older one
        would understate today's price, so England's (the latest published in full) is used and the other said."""
        england = next(price for price in self.agency_hourly_rate if price.nation == "england")
        own = next((price for price in self.agency_hourly_rate if price.nation == nation), None)
        if own is not None and own.year >= england.year:
            return own, own
        return england, own
