"""The highest base hourly rate a budget affords (cost model §9): every PA at that rate, enhancements kept, for the
planned hours.

Pricing is a black box here: the search relies only on the total never falling as the rate rises. It tries
whole pennies, narrowing the rates known to fit and known not to fit by the secant through the nearest prices it has
(bisecting should that stall), and stops with a rate that fits beside one a penny higher that does not. A first
guess may come from anywhere — the caller's rough straight line for the total — since it only decides where to
look first, never the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_FLOOR, Decimal
from typing import NamedTuple

PENNY = Decimal("0.01")
#: An hourly rate beyond this is not an answer anyone can use: the search gives up there.
MAX_RATE = Decimal(1_000_000)
MAX_TRIES = 200  # whole pennies up to MAX_RATE take at most 27 halvings; this is only a backstop


class Line(NamedTuple):
    """A rough straight line for the total at a rate: ``fixed + per_pound * rate``. Only a guess."""

    fixed: Decimal
    per_pound: Decimal


def _floor_penny(rate: Decimal) -> Decimal:
    return rate.quantize(PENNY, rounding=ROUND_FLOOR)


def highest_affordable_rate(
    total_at: Callable[[Decimal], Decimal],
    budget: Decimal,
    guess: Line,
    near: tuple[Decimal, Decimal] | None = None,
) -> Decimal | None:
    """The highest rate, in whole pennies, whose total (``total_at``) is no more than ``budget``; None when even a
    penny an hour costs more, or when every rate up to ``MAX_RATE`` fits (the rate makes no difference there).
    ``guess`` is a rough line for the total; ``near``, a rate and a total thought to lie close to the line, used
    only to aim the second try."""
    fits: tuple[Decimal, Decimal] | None = None  # the highest rate known to fit, and its total
    over: tuple[Decimal, Decimal] | None = None  # the lowest rate known not to fit, and its total
    last: tuple[Decimal, Decimal] | None = near  # the rate tried before the latest, and its total
    rate = (budget - guess.fixed) / guess.per_pound if guess.per_pound > 0 else PENNY
    stalled = 0
    for _ in range(MAX_TRIES):
        rate = min(max(_floor_penny(rate), PENNY), MAX_RATE)
        if fits is not None and rate <= fits[0]:
            rate = fits[0] + PENNY
        if over is not None and rate >= over[0]:
            rate = over[0] - PENNY
        total = total_at(rate)
        point = (rate, total)
        if total <= budget:
            fits = point
            if rate >= MAX_RATE:
                return None
        else:
            over = point
            if rate == PENNY:
                return None
        if fits is not None and over is not None and over[0] - fits[0] <= PENNY:
            return fits[0]
        # The next rate to try: where the secant through the nearest two prices meets the budget.
        if fits is not None and over is not None:
            stalled += 1
            if stalled > 4:  # the secant keeps landing on one side: halve the gap instead
                rate = (fits[0] + over[0]) / 2
            else:
                rate = fits[0] + (budget - fits[1]) * (over[0] - fits[0]) / (over[1] - fits[1])
            continue
        # One side only: follow the slope from the try before (or the guessed line's), or double or halve.
        slope = guess.per_pound
        if last is not None and last[0] != rate and (total - last[1]) / (rate - last[0]) > 0:
            slope = (total - last[1]) / (rate - last[0])
        last = point
        halved_or_doubled = rate * 2 if total <= budget else rate / 2
        rate = rate + (budget - total) / slope if slope > 0 else halved_or_doubled
    return fits[0] if fits is not None else None
