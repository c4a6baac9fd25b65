"""A plain, date-by-date reference for the rota engine, for the tests only: every date of the plan visited in turn,
each occurrence of a shift cut at midnight and at the PA's night window and counted in real time in Europe/London.

It shares no code with ``pacost.engine.rota`` beyond the shift patterns it reads and the bank-holiday calendar: the
engine's sums (by counting days with bit masks) must come out the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from pacost.engine.rota import BANK_HOLIDAY, COMBOS, NIGHT, WEEKEND, ShiftPattern
from pacost.statutory.bank_holidays import Nation, bank_holidays

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
ZERO = Decimal(0)


@dataclass
class DayHours:
    """One PA's rota on one date: waking hours by flag combination, sleep-in hours and flat sums."""

    waking: list[Decimal] = field(default_factory=lambda: [ZERO] * COMBOS)
    sleep_in_hours: Decimal = ZERO
    sleep_in_flat: Decimal = ZERO

    @property
    def hours(self) -> Decimal:
        return sum(self.waking, ZERO) + self.sleep_in_hours


def shift_dates(pattern: ShiftPattern, start: date, end: date, origin: date | None = None) -> list[date]:
    """The dates from ``start`` to ``end`` on which the shift starts: on its weekdays in the weeks of its cycle
    (weeks counted from the plan start, ``origin``, and backwards from it too), or on the dates of its rule (from
    the plan start only)."""
    origin = origin or start
    if pattern.repeat is not None:
        minute = int(pattern.start_minute)
        begin = datetime.combine(origin, time(minute // 60, minute % 60))
        rule = rrulestr(pattern.repeat, dtstart=begin)
        dates = rule.between(begin, datetime.combine(end, time(23, 59, 59)), inc=True)
        return [moment.date() for moment in dates if moment.date() >= start]
    out = []
    day = start
    while day <= end:
        if day.weekday() in pattern.weekdays and ((day - origin).days // 7) % pattern.every == pattern.week - 1:
            out.append(day)
        day += timedelta(days=1)
    return out


def qualifying_days(patterns: Iterable[ShiftPattern], day: date, origin: date) -> int:
    """The PA's scheduled days in the Sunday-to-Saturday week of ``day`` (SSCBA 1992 ss.157(3), 163(1)), the rota
    running on before the plan start as it would."""
    sunday = day - timedelta(days=(day.weekday() + 1) % 7)
    days: set[date] = set()
    for pattern in patterns:
        days.update(shift_dates(pattern, sunday, sunday + timedelta(days=6), origin))
    return len(days)


def _utc_minutes(day: date, minute: Decimal) -> Decimal:
    """Minutes since 1970 (UTC) of a wall-clock moment ``minute`` minutes after midnight starting ``day`` (the
    earlier reading of a time that happens twice; a time that does not exist read as the clocks before)."""
    whole = int(minute // 1)
    wall = datetime.combine(day, time()) + timedelta(minutes=whole)
    offset = wall.replace(tzinfo=LONDON).utcoffset()
    assert offset is not None
    naive_minutes = Decimal((wall - datetime(1970, 1, 1)) // timedelta(minutes=1)) + (minute - whole)
    return naive_minutes - Decimal(offset // timedelta(minutes=1))


def _in_night(minute_of_day: Decimal, night: tuple[int, int]) -> bool:
    """Whether a moment (minutes after midnight) falls in the night window [from, to), which may wrap midnight:
    measured from the window's start, it lies before the window's end."""
    start, end = night
    since_start = (minute_of_day - start + 1440) % 1440  # (a Decimal's % keeps the sign, hence the + 1440)
    return since_start < (end - start) % 1440


def occurrence(day: date, pattern: ShiftPattern, night: tuple[int, int], nation: Nation) -> list[Decimal]:
    """Real minutes by flag combination of the shift that starts on ``day``."""
    begin = pattern.start_minute
    finish = begin + pattern.length_minutes
    cuts = {begin, finish}
    for offset in range(int(finish // 1440) + 2):
        for point in (Decimal(1440 * offset), Decimal(1440 * offset + night[0]), Decimal(1440 * offset + night[1])):
            if begin < point < finish:
                cuts.add(point)
    points = sorted(cuts)
    minutes = [ZERO] * COMBOS
    for a, b in itertools.pairwise(points):
        on = day + timedelta(days=int(a // 1440))
        flags = 0
        if on.weekday() >= 5:
            flags |= WEEKEND
        if _in_night(a % 1440, night):
            flags |= NIGHT
        if on in bank_holidays(nation, on.year):
            flags |= BANK_HOLIDAY
        minutes[flags] += _utc_minutes(day, b) - _utc_minutes(day, a)
    return minutes


def expand(
    patterns: Iterable[ShiftPattern], start: date, end: date, nation: Nation, night: tuple[int, int]
) -> dict[date, DayHours]:
    """A PA's rota: for each date from ``start`` to ``end`` with a shift, its hours."""
    days: dict[date, DayHours] = {}
    for pattern in patterns:
        for day in shift_dates(pattern, start, end):
            hours = days.setdefault(day, DayHours())
            minutes = occurrence(day, pattern, night, nation)
            if pattern.sleep_in:
                hours.sleep_in_hours += sum(minutes, ZERO) / 60
                hours.sleep_in_flat += pattern.flat
            else:
                for k, m in enumerate(minutes):
                    if m:
                        hours.waking[k] += m / 60
    return dict(sorted(days.items()))
