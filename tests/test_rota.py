"""The rota engine: real hours across clock changes, and the per-period sums (counted with bit masks) equal to the
plain date-by-date reference in ``tests/rota_reference.py``, in plans within one tax year and across 6 April."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from pacost.dates import PayFrequency
from pacost.engine.periods import pay_periods, year_runs
from pacost.engine.rota import COMBOS, PaRota, PeriodSpans, PlanCalendar, ShiftPattern, _repeating
from pacost.rates import RateBook
from pacost.statutory.bank_holidays import Nation
from rota_reference import expand, qualifying_days

NIGHT = (22 * 60, 7 * 60)


def _pattern(start: str, hours: str, days: set[int], **kw: object) -> ShiftPattern:
    hh, mm = start.split(":")
    return ShiftPattern(
        start_minute=Decimal(int(hh) * 60 + int(mm)),
        length_minutes=Decimal(hours) * 60,
        weekdays=frozenset(days),
        **kw,  # type: ignore[arg-type]
    )


def test_waking_night_across_the_clock_changes() -> None:
    """22:00 to 07:00 is 9 hours on the wall clock, but 8 real hours across the spring change and 10 across the
    autumn one (the reference itself, which the engine is checked against below)."""
    night = _pattern("22:00", "9", {5, 6})  # Saturday and Sunday nights
    days = expand([night], date(2026, 3, 1), date(2026, 11, 30), Nation.ENGLAND, NIGHT)
    # The night that runs into Sunday 29 March 2026 (clocks forward at 01:00) is 8 real hours; the night that
    # runs into Sunday 25 October 2026 (clocks back at 02:00) is 10. A shift belongs to the date it starts.
    assert days[date(2026, 3, 28)].hours == 8
    assert days[date(2026, 3, 29)].hours == 9
    assert days[date(2026, 10, 24)].hours == 10
    assert days[date(2026, 10, 25)].hours == 9


PATTERNS = [
    [_pattern("08:00", "3", {0, 1, 2, 3, 4})],
    [_pattern("22:00", "9", {4, 5}), _pattern("15:00", "6", {6}, every=2)],
    [_pattern("09:00", "8", {5, 6}), _pattern("22:00", "9", {0, 2}, sleep_in=True, flat=Decimal("75"))],
    [_pattern("23:30", "1.5", {0, 1, 2, 3, 4, 5, 6})],
    [_pattern("09:00", "2.2857142857142857142857142857", {0, 1, 2, 3, 4, 5, 6})],
    [_pattern("10:00", "4", set(), repeat="RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,MO")],
    [_pattern("07:00", "5", {0, 2, 4}, every=3), _pattern("12:00", "3", {1, 3})],
    # A two-week rota: Monday, Wednesday and Friday one week, Tuesday and Thursday the next.
    [_pattern("09:00", "6", {0, 2, 4}, every=2), _pattern("09:00", "6", {1, 3}, every=2, week=2)],
    [_pattern("22:00", "10", {6}, every=3, week=3), _pattern("08:00", "4", {5}, every=4, week=2)],
]


@pytest.mark.parametrize("patterns", PATTERNS)
@pytest.mark.parametrize("nation", [Nation.ENGLAND, Nation.SCOTLAND])
@pytest.mark.parametrize(
    "start",
    # Within one tax year; from 27 October 2025 across 6 April 2026; from 31 March 2024 across 6 April 2024.
    [date(2026, 4, 6), date(2025, 10, 27), date(2024, 3, 31)],
)
@pytest.mark.parametrize("frequency", [PayFrequency.WEEKLY, PayFrequency.FORTNIGHTLY, PayFrequency.MONTHLY])
def test_period_sums_equal_the_date_by_date_reference(
    patterns: list[ShiftPattern], nation: Nation, start: date, frequency: PayFrequency, rates: RateBook
) -> None:
    end = start + timedelta(days=364)
    reference = expand(patterns, start, end, nation, NIGHT)
    periods = pay_periods(start, end, frequency)
    runs = year_runs(start, end, rates)
    spans = PeriodSpans.of((((p.start - start).days, (p.end - start).days) for p in periods), runs)
    saturday = end + timedelta(days=(5 - end.weekday()) % 7)  # the calendar runs to the end of the last SSP week
    ids, sums = PaRota(PlanCalendar(start, saturday, nation), patterns, NIGHT).period_ids(spans)
    for period, got in zip(periods, (sums[i] for i in ids), strict=True):
        dated = {day: hours for day, hours in reference.items() if period.start <= day <= period.end}
        for k in range(COMBOS):
            expected = sum((d.waking[k] for d in dated.values()), Decimal(0))
            assert got.waking[k] == pytest.approx(expected, abs=Decimal("1e-20"))
        assert got.sleep_in_hours == pytest.approx(
            sum((d.sleep_in_hours for d in dated.values()), Decimal(0)), abs=Decimal("1e-20")
        )
        assert got.sleep_in_flat == sum((d.sleep_in_flat for d in dated.values()), Decimal(0))
        # The scheduled days, by the tax year whose figures apply to them (a period may run across 6 April) and
        # the scheduled days of their Sunday-to-Saturday week.
        by_year: dict[tuple[int, int], int] = {}
        for day in dated:
            year = next(run.figures_year for run in runs if run.first <= (day - start).days <= run.last)
            key = (year, qualifying_days(patterns, day, start))
            by_year[key] = by_year.get(key, 0) + 1
        assert {(s.figures_year, s.qualifying_days): s.days for s in got.scheduled} == by_year


@pytest.mark.parametrize("step", [1, 2, 7, 14, 21, 28])
def test_a_repeating_mask_has_exactly_the_bits_step_apart(step: int) -> None:
    # The rota's occurrences of a weekday: bit i is set exactly when first <= i < length and i - first is a whole
    # number of steps (so a mask from a first day at or past the end is empty).
    for first in range(0, 40):
        for length in range(0, 120):
            expected = sum(1 << i for i in range(first, length, step))
            assert _repeating(first, step, length) == expected, (first, step, length)
