"""The shape of each whole data file under ``data/`` (and of a ``--rates`` file): a tax year's figures, one minimum
wage uprating, or the rules that do not change each year. Needed only to read the files, not to use the figures
(the bundled ones come from the package's snapshot), so kept apart from ``pacost.rates.models``.
"""

from __future__ import annotations

from typing import ClassVar

from pacost.rates.models import (
    Defaults,
    HolidayRules,
    MinimumWage,
    NiRates,
    NoticeRules,
    PayFloors,
    PensionRates,
    RedundancyRules,
    SspRates,
    StatePensionAge,
    WorkingTime,
)
from pacost.records import record
from pacost.validation import STRICT


@record
class TaxYearFile:
    """A file of figures for one tax year; any of the sections may be present."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    tax_year: str
    ni: NiRates | None = None
    ssp: SspRates | None = None
    pension: PensionRates | None = None


@record
class MinimumWageFile:
    """``minimum_wage/YYYY-MM-DD.toml``: the minimum wage bands from one effective date."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    minimum_wage: MinimumWage


@record
class RulesFile:
    """One of the rules files that do not change each year (holiday, working time, State Pension age, defaults, pay
    floors, the end of employment)."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    holiday: HolidayRules | None = None
    working_time: WorkingTime | None = None
    state_pension_age: StatePensionAge | None = None
    defaults: Defaults | None = None
    pay_floors: PayFloors | None = None
    redundancy: RedundancyRules | None = None
    notice: NoticeRules | None = None
