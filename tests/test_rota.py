"""The rota engine: real hours across clock changes, and the fast per-period sums equal to the date-by-date
reference (``RotaBuilder.expand``)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from pacost.frequency import PayFrequency
from pacost.periods import pay_periods
from pacost.rota import COMBOS, PaRota, PlanCalendar, RotaBuilder, ShiftPattern
from pacost.statutory.bank_holidays import Nation

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
    autumn one."""
    night = _pattern("22:00", "9", {5, 6})  # Saturday and Sunday nights
    builder = RotaBuilder(date(2026, 3, 1), date(2026, 11, 30), Nation.ENGLAND)
    days = builder.expand([night], NIGHT)
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
]


@pytest.mark.parametrize("patterns", PATTERNS)
@pytest.mark.parametrize("nation", [Nation.ENGLAND, Nation.SCOTLAND])
@pytest.mark.parametrize("start", [date(2026, 4, 6), date(2025, 10, 27), date(2024, 3, 31)])
@pytest.mark.parametrize("frequency", [PayFrequency.WEEKLY, PayFrequency.MONTHLY])
def test_fast_period_sums_equal_the_date_by_date_reference(
    patterns: list[ShiftPattern], nation: Nation, start: date, frequency: PayFrequency
) -> None:
    end = start + timedelta(days=364)
    reference = RotaBuilder(start, end, nation).expand(patterns, NIGHT)
    periods = pay_periods(start, end, frequency)
    spans = [((p.start - start).days, (p.end - start).days) for p in periods]
    fast = PaRota(PlanCalendar(start, end, nation), patterns, NIGHT).in_periods(spans, [(0, 364, 0)])
    for period, got in zip(periods, fast, strict=True):
        dated = [hours for day, hours in reference.items() if period.start <= day <= period.end]
        for k in range(COMBOS):
            assert got.waking[k] == pytest.approx(sum((d.waking[k] for d in dated), Decimal(0)), abs=Decimal("1e-20"))
        assert got.sleep_in_hours == pytest.approx(
            sum((d.sleep_in_hours for d in dated), Decimal(0)), abs=Decimal("1e-20")
        )
        assert got.sleep_in_flat == sum((d.sleep_in_flat for d in dated), Decimal(0))
        assert got.scheduled_days == len(dated)
