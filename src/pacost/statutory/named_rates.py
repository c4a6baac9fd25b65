"""Named hourly rates a plan may pay in place of a figure (``hourly_rate = "nlw"``), as they stand on a date.

- ``nlw``: the National Living Wage or National Minimum Wage for the PA's age (``pacost.statutory.minimum_wage``);
- ``real-living-wage``, ``real-living-wage-london``: the Living Wage Foundation's voluntary rates;
- ``scottish-care-floor``: the Scottish Government's minimum for adult social care workers (plans in Scotland).

A named rate is taken as it stands on the first day of each pay period, at the PA's age on that day: a worker "is
entitled to the rate of national minimum wage in force on the first day of a pay reference period" (HMRC, National
Minimum Wage Manual NMWM03110, https://www.gov.uk/hmrc-internal-manuals/national-minimum-wage-manual/nmwm03110),
and pacost pays the voluntary floors the same way. A floor is never below the legal minimum for the PA's age. The
figures are in ``data/minimum_wage/`` and ``data/pay_floors.toml``; which plans may name which rate, and the words
for them, are here too. Nothing here knows a plan's rota.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pacost.errors import PacostError
from pacost.rates.book import RateBook
from pacost.rates.models import DatedFigure
from pacost.statutory.minimum_wage import minimum_wage
from pacost.statutory.state_pension import age_on

#: Each name a plan may give, and what it is called in a sentence.
NAMED_RATES: dict[str, str] = {
    "nlw": "the National Living Wage (or Minimum Wage) for their age",
    "real-living-wage": "the Real Living Wage",
    "real-living-wage-london": "the London Living Wage",
    "scottish-care-floor": "Scotland's minimum rate for adult social care workers",
}
_FIELDS = {
    "real-living-wage": "real_living_wage",
    "real-living-wage-london": "real_living_wage_london",
    "scottish-care-floor": "scottish_care_floor",
}


class NamedRate(NamedTuple):
    """A named rate on one day: the hourly figure, and the published figure it comes from (None where it is the
    legal minimum, because the floor was below it or the name is ``nlw``)."""

    hourly: Decimal
    figure: DatedFigure | None


def named_rate_problem(name: str, nation: str, written: str | None = None) -> str | None:
    """Why a plan in ``nation`` cannot name ``name`` (as the plan ``written`` it: unknown, or Scotland's floor
    outside Scotland), or None."""
    if name not in NAMED_RATES:
        shown = written if written is not None else name
        return f'expected an hourly rate such as 13.50, got "{shown}" (or a named rate: {", ".join(NAMED_RATES)})'
    if name == "scottish-care-floor" and nation != "scotland":
        return f"scottish-care-floor is Scotland's minimum for adult social care: this plan is in {nation}"
    return None


def pay_floor(rates: RateBook, name: str, day: date) -> DatedFigure:
    """The published pay floor ``name`` (not ``nlw``) in force on ``day``."""
    assert rates.pay_floors is not None  # noqa: S101 - RateBook.check_complete guarantees it
    figures: list[DatedFigure] = getattr(rates.pay_floors, _FIELDS[name])
    found = None
    for figure in figures:
        if figure.from_date <= day:
            found = figure
    if found is None:
        raise PacostError(
            f"pacost has no figure for {NAMED_RATES[name]} before {figures[0].from_date:%-d %B %Y}: give the "
            "PA's hourly rate as a number"
        )
    return found


def named_rate(name: str, date_of_birth: date, day: date, rates: RateBook) -> NamedRate:
    """The named rate ``name`` for a PA born on ``date_of_birth``, for a pay period starting on ``day``."""
    legal = minimum_wage(age_on(date_of_birth, day), day, rates)
    minimum = legal.hourly if legal is not None else Decimal(0)
    if name == "nlw":
        return NamedRate(minimum, None)
    figure = pay_floor(rates, name, day)
    return NamedRate(figure.value, figure) if figure.value >= minimum else NamedRate(minimum, None)


def floor_carried_forward(name: str, day: date, rates: RateBook) -> bool:
    """True when a voluntary floor's latest figure is a year or more old on ``day`` (a newer one is likely)."""
    if name == "nlw":
        return rates.minimum_wage_carried_forward(day)
    figure = pay_floor(rates, name, day)
    return (day - figure.from_date).days >= 365
