"""The whole rota bought from an agency instead (``pacost compare --agency RATE``): every planned waking hour at the
agency's all-in hourly rate (times its surcharge for weekend, night or bank holiday hours, the highest that applies,
as a PA's enhancements work), and every sleep-in night at its sleep-in charge (else the PA's own flat sum). No
employer's costs: the agency employs the workers, covers their holidays and sickness, and pays their NI, pension
and insurance. The hours are the plan's own, from the same rota engine, so the comparison is like for like.
"""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_FLOOR, Decimal
from typing import NamedTuple

from pacost.engine.prepare import Prepared, multipliers_of
from pacost.money import ZERO, round_penny
from pacost.plan import Enhancements

PENNY = Decimal("0.01")


class AgencyQuote(NamedTuple):
    """What the agency would charge for the plan's rota: ``total`` = ``rate`` x ``weighted_hours`` (the waking
    hours, each times its surcharge) + ``nights_charge`` (the sleep-in nights)."""

    rate: Decimal
    surcharges: Enhancements
    sleep_in_rate: Decimal | None
    planned_hours: Decimal  # every planned hour, sleep-ins included, as the plan counts them
    waking_hours: Decimal
    weighted_hours: Decimal
    nights: int
    nights_charge: Decimal
    total: Decimal


def agency_quote(
    prep: Prepared, rate: Decimal, surcharges: Enhancements, sleep_in_rate: Decimal | None = None
) -> AgencyQuote:
    """The agency's charge for every planned hour of the prepared plan."""
    mult = multipliers_of(surcharges)
    waking = weighted = nights_charge = ZERO
    nights = 0
    for p in prep.pas:
        for index, uses in Counter(p.sums_of).items():
            rota = p.sums[index]
            for combo, hours in enumerate(rota.waking):
                if hours:
                    waking += hours * uses
                    weighted += hours * mult[combo] * uses
        nights += p.sleep_ins
        nights_charge += p.nights_charge(sleep_in_rate)
    total = round_penny(rate * weighted + nights_charge)
    planned = sum((p.planned_hours for p in prep.pas), ZERO)
    return AgencyQuote(rate, surcharges, sleep_in_rate, planned, waking, weighted, nights, nights_charge, total)


def quote_highest_rate(quote: AgencyQuote, budget: Decimal) -> Decimal | None:
    """The highest hourly rate, in whole pennies, at which the agency's charge fits the budget; None when no
    hourly rate does (the nights alone cost more) or no hours are charged by the hour."""
    if not quote.weighted_hours or budget < quote.nights_charge:
        return None
    rate = ((budget - quote.nights_charge) / quote.weighted_hours).quantize(PENNY, rounding=ROUND_FLOOR)
    while rate > 0 and round_penny(rate * quote.weighted_hours + quote.nights_charge) > budget:
        rate -= PENNY  # the charge is rounded to the penny: step down until it fits
    return rate if rate > 0 else None
