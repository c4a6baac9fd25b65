"""The rota engine: a PA's shifts expanded into dated hours across the plan period (cost model §1).

Each shift belongs to the date it starts. Its hours are counted in real time on UK clocks
(``pacost.statutory.summer_time``), so a 22:00–07:00 night is 8 hours across the spring clock change and 10 across
the autumn one. Each piece of a shift is tagged with what it falls on — a weekend, a bank holiday of the plan's
nation, the PA's night window — as one of eight flag combinations; pricing (which multiplier wins) happens later, in
``pacost.engine.price``, so the same expanded rota can be re-priced at any hourly rate without being expanded again.

Sleep-ins are kept apart: they are paid a flat sum, not by the hour. A summary rota (``hours_per_week`` over
``days``) becomes one daytime shift a day from 09:00.

Nothing here knows about money, pay periods or the terminal.
"""

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from pacost.records import tuple_of
from pacost.statutory.bank_holidays import Nation, bank_holidays
from pacost.statutory.ssp import ssp_week_start
from pacost.statutory.summer_time import clock_changes, utc_offset_minutes

ZERO = Decimal(0)
MINUTES_PER_DAY = 1440

# Flag combinations: bit 0 weekend, bit 1 night, bit 2 bank holiday.
WEEKEND, NIGHT, BANK_HOLIDAY = 1, 2, 4
COMBOS = 8


class ShiftPattern(NamedTuple):
    """One repeating shift, in the form the engine needs (built from a plan's shift or summary rota)."""

    start_minute: Decimal  # minutes after midnight, local wall clock
    length_minutes: Decimal  # wall-clock length; a shift that crosses midnight runs into the next date
    weekdays: frozenset[int] = frozenset()  # 0 = Monday
    every: int = 1  # the rota repeats every so many weeks, counted from the plan start
    week: int = 1  # which of those weeks the shift is in (1 = the seven days from the plan start)
    repeat: str | None = None  # an RRULE instead of weekdays/every
    sleep_in: bool = False
    flat: Decimal = ZERO

    def dates(self, start: date, end: date) -> Iterator[date]:
        """The dates in [start, end] on which this shift starts."""
        if self.repeat is not None:
            from dateutil.rrule import rrulestr  # only a shift that repeats by a rule needs it

            minute = int(self.start_minute)
            begin = datetime.combine(start, time(minute // 60, minute % 60))
            rule = rrulestr(self.repeat, dtstart=begin)
            last = datetime.combine(end, time(23, 59, 59))
            for moment in rule.between(begin, last, inc=True):
                yield moment.date()
            return
        for weekday in sorted(self.weekdays):
            first = start + timedelta(days=(weekday - start.weekday()) % 7)
            week_index = (first - start).days // 7
            k = (self.week - 1 - week_index) % self.every
            day = first + timedelta(days=7 * k)
            step = timedelta(days=7 * self.every)
            while day <= end:
                yield day
                day += step


def _in_night(minute_of_day: Decimal, night: tuple[int, int]) -> bool:
    start, end = night
    if start == end:
        return False
    if start < end:
        return start <= minute_of_day < end
    return minute_of_day >= start or minute_of_day < end


def _segments(
    day: date,
    pattern: ShiftPattern,
    night: tuple[int, int],
    bank_holiday: tuple[bool, ...],
    exact_clock: bool,
) -> list[Decimal]:
    """Real minutes of one occurrence of ``pattern`` starting on ``day``, by flag combination.

    ``bank_holiday[i]`` says whether ``day + i`` is a bank holiday. With ``exact_clock`` the UTC offset at each
    boundary is looked up (a clock change falls within the shift); otherwise wall time is real time.
    """
    minutes = [ZERO] * COMBOS
    begin = pattern.start_minute
    finish = begin + pattern.length_minutes
    cuts = {begin, finish}
    n_days = int((finish - 1) // MINUTES_PER_DAY) + 1 if finish > 0 else 1
    for i in range(n_days + 1):
        base = Decimal(i * MINUTES_PER_DAY)
        for point in (base, base + night[0], base + night[1]):
            if begin < point < finish:
                cuts.add(point)
    points = sorted(cuts)
    for a, b in itertools.pairwise(points):
        offset_day = int(a // MINUTES_PER_DAY)
        on = day + timedelta(days=offset_day)
        flags = 0
        if on.weekday() >= 5:
            flags |= WEEKEND
        if _in_night(a - offset_day * MINUTES_PER_DAY, night):
            flags |= NIGHT
        if offset_day < len(bank_holiday) and bank_holiday[offset_day]:
            flags |= BANK_HOLIDAY
        length = b - a
        if exact_clock:
            length -= utc_offset_minutes(day, int(b)) - utc_offset_minutes(day, int(a))
        minutes[flags] += length
    return minutes


def minute_of(moment: time) -> Decimal:
    return Decimal(moment.hour * 60 + moment.minute)


def shift_length(start: time, end: time) -> Decimal:
    """Wall-clock minutes from start to end; an end at or before the start is on the next day."""
    length = minute_of(end) - minute_of(start)
    return length if length > 0 else length + MINUTES_PER_DAY


def summary_patterns(
    hours_per_week: Decimal, weekdays: Iterable[int], start_minute: Decimal = Decimal(540)
) -> list[ShiftPattern]:
    """A summary rota: ``hours_per_week`` spread evenly over ``weekdays``, one shift a day (from 09:00 unless
    ``start_minute`` says otherwise)."""
    chosen = sorted(set(weekdays))
    length = hours_per_week * 60 / len(chosen)
    return [ShiftPattern(start_minute=start_minute, length_minutes=length, weekdays=frozenset(chosen))]


# ----------------------------------------------------------------------------------------------------------------
# A rota summed straight into pay periods, without visiting every date.
#
# ``PaRota`` counts, with a bit per day of the plan, how many times each shift falls on each weekday in a period;
# only the few occurrences that touch a bank holiday or a clock change are worked out one by one. The tests hold a
# plain date-by-date reference (``tests/rota_reference.py``) and check that the sums are the same.

SIXTY = Decimal(60)
# Minutes with at most this many significant digits (and under 10,000, so no digit is finer than 1e-16), times a
# count of days (under 10,000) and summed, stay inside Decimal's 28 digits: adding counts first gives the same sum.
EXACT_DIGITS = 20


class ScheduledDays(NamedTuple):
    """Some of a pay period's scheduled days: those in one tax year (whose figures apply to them) that fall in
    Sunday-to-Saturday weeks with ``qualifying_days`` scheduled days (the days SSP's daily rate divides by)."""

    figures_year: int
    qualifying_days: int
    days: int


class PeriodRota(NamedTuple):
    """One pay period's share of a rota: waking hours by flag combination, sleep-ins (their hours, their flat sums
    and how many start in the period), and the scheduled days."""

    waking: tuple[Decimal, ...]
    sleep_in_hours: Decimal
    sleep_in_flat: Decimal
    scheduled: tuple[ScheduledDays, ...]
    sleep_ins: int

    @property
    def hours(self) -> Decimal:
        return sum(self.waking, ZERO) + self.sleep_in_hours

    @property
    def scheduled_days(self) -> int:
        return sum(part.days for part in self.scheduled)


@lru_cache(maxsize=1_024)
def _scheduled_days(scheduled: tuple[tuple[int, int, int], ...]) -> tuple[ScheduledDays, ...]:
    """(figures year, qualifying days, days) as ``ScheduledDays``, made once for each (they are few)."""
    return tuple([tuple_of(ScheduledDays, part) for part in scheduled])


@lru_cache(maxsize=1_024)
def _repeating(first: int, step: int, length: int) -> int:
    """A bit mask with bits ``first, first + step, ...`` below ``length``: ``count`` bits ``step`` apart are the
    number whose base-2**step digits are all 1, (2**(step*count) - 1) / (2**step - 1), moved up to ``first``."""
    if first >= length:
        return 0
    count = (length - first + step - 1) // step
    return ((1 << (step * count)) - 1) // ((1 << step) - 1) << first


_MONDAY = date(2024, 1, 1)  # 1 January 2024 was a Monday


def _normal_minutes(pattern: ShiftPattern, night: tuple[int, int], weekday: int) -> tuple[Decimal, ...]:
    """Real minutes by flag combination of an occurrence starting on ``weekday`` that touches no bank holiday and
    no clock change (then real time is wall time and only the weekday matters)."""
    span = int((pattern.start_minute + pattern.length_minutes - 1) // MINUTES_PER_DAY) + 1
    return _minutes(
        pattern.start_minute, pattern.length_minutes, night, _MONDAY + timedelta(days=weekday), (False,) * span, False
    )


@lru_cache(maxsize=1_024)
def _weekday_minutes(
    start_minute: Decimal, length_minutes: Decimal, night: tuple[int, int]
) -> tuple[tuple[tuple[tuple[int, Decimal], ...], bool, int], ...]:
    """For each weekday, an ordinary occurrence's non-zero minutes as (flag combination, minutes), whether they
    are exact (at most ``EXACT_DIGITS`` significant digits), and a number shared by the weekdays with the same."""
    pattern = ShiftPattern(start_minute=start_minute, length_minutes=length_minutes)
    out = []
    groups: dict[tuple[tuple[int, Decimal], ...], int] = {}
    for weekday in range(7):
        minutes = _normal_minutes(pattern, night, weekday)
        nonzero = tuple((k, m) for k, m in enumerate(minutes) if m)
        exact = all(len(m.as_tuple().digits) <= EXACT_DIGITS for _, m in nonzero)
        out.append((nonzero, exact, groups.setdefault(nonzero, len(groups))))
    return tuple(out)


def _special_pieces(
    pattern: ShiftPattern, night: tuple[int, int], day: date, bank: tuple[bool, ...], exact: bool
) -> tuple[tuple[int, Decimal], ...]:
    """As ``_normal_minutes`` for an occurrence that touches a bank holiday (``bank``) or a clock change
    (``exact``), as (flag combination, minutes) for the non-zero ones. Without a clock change only the weekday of
    ``day`` matters, so the date is not part of the key."""
    if not exact:
        day = _MONDAY + timedelta(days=day.weekday())
    return _pieces(pattern.start_minute, pattern.length_minutes, night, day, bank, exact)


@lru_cache(maxsize=4_096)
def _pieces(
    start_minute: Decimal,
    length_minutes: Decimal,
    night: tuple[int, int],
    day: date,
    bank: tuple[bool, ...],
    exact: bool,
) -> tuple[tuple[int, Decimal], ...]:
    """``_minutes``, the non-zero ones with their flag combinations (remembered alike)."""
    return tuple([(k, m) for k, m in enumerate(_minutes(start_minute, length_minutes, night, day, bank, exact)) if m])


@lru_cache(maxsize=4_096)
def _minutes(
    start_minute: Decimal,
    length_minutes: Decimal,
    night: tuple[int, int],
    day: date,
    bank: tuple[bool, ...],
    exact: bool,
) -> tuple[Decimal, ...]:
    """One occurrence's real minutes by flag combination, remembered by what they depend on: the shift's start
    and length, not whether it is a sleep-in or what it pays."""
    pattern = ShiftPattern(start_minute=start_minute, length_minutes=length_minutes)
    return tuple(_segments(day, pattern, night, bank, exact))


@lru_cache(maxsize=256)
def _special_window(bank: int, clock: int, span: int) -> tuple[tuple[bool, ...], bool]:
    """Which of ``span`` dates are bank holidays (bits of ``bank``), and whether any has a clock change."""
    return tuple(bool(bank >> i & 1) for i in range(span)), clock != 0


def plan_calendar(
    start: date, end: date, nation: Nation, memo: dict[tuple[date, date, Nation], "PlanCalendar"]
) -> "PlanCalendar":
    """The calendar of a plan's days, shared through ``memo`` by plans with the same dates and nation (a few KB
    each)."""
    key = (start, end, nation)
    found = memo.get(key)
    if found is None:
        if len(memo) >= 4_096:
            memo.clear()
        found = memo[key] = PlanCalendar(start, end, nation)
    return found


class PlanCalendar:
    """The plan's days as bit positions (0 = the start), with the nation's bank holidays and clock changes."""

    def __init__(self, start: date, end: date, nation: Nation) -> None:
        self.start = start
        self.end = end
        self.nation = nation
        self.length = (end - start).days + 1
        bank = 0
        clock = 0
        for year in range(start.year, end.year + 2):
            for day in bank_holidays(nation, year):
                index = (day - start).days
                if 0 <= index <= self.length + 1:
                    bank |= 1 << index
            for day in clock_changes(year):
                index = (day - start).days
                if 0 <= index <= self.length + 1:
                    clock |= 1 << index
        self.bank = bank
        self.clock = clock
        self.special = bank | clock
        self.weekday_masks = tuple(_repeating((w - start.weekday()) % 7, 7, self.length) for w in range(7))
        # The first Sunday on or after the start: where the first whole Sunday-to-Saturday week begins (the weeks of
        # SSP's daily rate, and of a week's pay when employment ends).
        self.first_sunday = (7 - (start - ssp_week_start(start)).days) % 7
        self._touches: dict[int, int] = {}

    def touches(self, span: int) -> int:
        """The days on which a shift running over ``span`` dates touches a bank holiday or a clock change."""
        found = self._touches.get(span)
        if found is None:
            found = self.special
            for shift in range(1, span):
                found |= self.special >> shift
            self._touches[span] = found
        return found

    def day(self, index: int) -> date:
        return self.start + timedelta(days=index)

    def index(self, day: date) -> int:
        return (day - self.start).days


@dataclass(frozen=True, slots=True)
class PeriodSpans:
    """A run of pay periods as the rota engine sums into them: each period's first and last day index, and the
    figures year it falls in — or, for a period that runs across a change of figures year (6 April), ``parts``:
    its days in each year as (bit mask, figures year). Built once per plan start, end, pay frequency and set of
    figures, and shared by every PA paid that way (kept small: thousands are held at once in a batch run)."""

    firsts: tuple[int, ...]
    lasts: tuple[int, ...]
    years: tuple[int, ...]  # the figures year of a period within one run (0 for one that is cut into parts)
    parts: tuple[tuple[tuple[int, int], ...] | None, ...]

    @classmethod
    def of(cls, periods: Iterable[tuple[int, int]], years: Iterable[tuple[int, int, int]]) -> "PeriodSpans":
        """From (first, last) day indices, and the runs of days with the same figures year as (first index, last
        index, year)."""
        year_runs = list(years)
        firsts: list[int] = []
        lasts: list[int] = []
        in_year: list[int] = []
        parts: list[tuple[tuple[int, int], ...] | None] = []
        for first, last in periods:
            firsts.append(first)
            lasts.append(last)
            for year_first, year_last, year in year_runs:
                if year_first <= first and last <= year_last:
                    in_year.append(year)
                    parts.append(None)
                    break
            else:
                cut = []
                for year_first, year_last, year in year_runs:
                    lo, hi = max(first, year_first), min(last, year_last)
                    if lo <= hi:
                        cut.append(((1 << (hi + 1)) - (1 << lo), year))
                in_year.append(0)
                parts.append(tuple(cut))
        return cls(tuple(firsts), tuple(lasts), tuple(in_year), tuple(parts))

    def __len__(self) -> int:
        return len(self.firsts)

    def first(self, n: int) -> "PeriodSpans":
        """The first ``n`` periods."""
        return PeriodSpans(self.firsts[:n], self.lasts[:n], self.years[:n], self.parts[:n])


class _Counted(NamedTuple):
    """Occurrences of one pattern on one weekday that are worked out from the weekday alone."""

    mask: int
    minutes: tuple[tuple[int, Decimal], ...]  # (flag combination, minutes) for the non-zero ones
    sleep_in: bool
    flat: Decimal


def _by_week_days(calendar: PlanCalendar, patterns: Sequence[ShiftPattern], union: int) -> list[tuple[int, int]]:
    """The scheduled days (``union``) grouped by how many scheduled days their Sunday-to-Saturday week has, as
    (that number, bit mask), fewest first. The first week counts the days before the plan start as the rota would
    have them (a shift on weekdays repeats backwards; one by a rule does not)."""
    if all(p.repeat is None and p.every == 1 for p in patterns):
        # The same weekdays every week: every week has them all (the first one with its days before the start).
        weekdays: set[int] = set()
        for p in patterns:
            weekdays |= p.weekdays
        return [(len(weekdays), union)] if union else []
    start = calendar.start
    before = (start - ssp_week_start(start)).days  # days of the first SSP week before the plan start
    earlier = 0
    for back in range(1, before + 1):
        weekday = (start.weekday() - back) % 7
        week = -1  # the week before the plan's first, counted from the plan start
        if any(p.repeat is None and weekday in p.weekdays and week % p.every == p.week - 1 for p in patterns):
            earlier += 1
    groups: dict[int, int] = {}
    first_sunday = calendar.first_sunday
    if first_sunday:
        week = union & ((1 << first_sunday) - 1)
        if week:
            count = week.bit_count() + earlier
            groups[count] = groups.get(count, 0) | week
    for first in range(first_sunday, calendar.length, 7):
        week = union & (0x7F << first)
        if week:
            count = week.bit_count()
            groups[count] = groups.get(count, 0) | week
    return sorted(groups.items())


class PaRota:
    """One PA's rota over the plan, ready to be summed into any run of pay periods (their own, or a coverer's)."""

    def __init__(self, calendar: PlanCalendar, patterns: Sequence[ShiftPattern], night: tuple[int, int]) -> None:
        self.calendar = calendar
        counted: list[_Counted] = []
        # (day index, non-zero minutes as (flag combination, minutes), sleep-in, flat sum)
        special: list[tuple[int, tuple[tuple[int, Decimal], ...], bool, Decimal]] = []
        union = 0
        length = calendar.length
        kinds: dict[tuple[int, object], int] = {}
        special_kinds: list[int] = []
        start_weekday = calendar.start.weekday()
        for number, pattern in enumerate(patterns):
            if pattern.repeat is not None:
                occurrences = 0
                for day in pattern.dates(calendar.start, calendar.end):
                    occurrences |= 1 << calendar.index(day)
            else:
                occurrences = 0
                for weekday in pattern.weekdays:
                    first = (weekday - start_weekday) % 7 + 7 * (pattern.week - 1)
                    occurrences |= _repeating(first, 7 * pattern.every, length)
            union |= occurrences
            span = int((pattern.start_minute + pattern.length_minutes - 1) // MINUTES_PER_DAY) + 1
            touches = calendar.touches(span)
            touching = occurrences & touches
            plain = occurrences & ~touches
            # Weekdays whose occurrences have the same minutes are counted together (Monday to Friday, usually),
            # when the minutes are exact enough that a count times them is too: the sums are then the same.
            alike: dict[int, tuple[tuple[tuple[int, Decimal], ...], int]] = {}
            for weekday, (nonzero, exact, group) in enumerate(
                _weekday_minutes(pattern.start_minute, pattern.length_minutes, night)
            ):
                mask = plain & calendar.weekday_masks[weekday]
                if mask:
                    if exact:
                        alike[group] = (nonzero, alike[group][1] | mask if group in alike else mask)
                    else:
                        counted.append(_Counted(mask, nonzero, pattern.sleep_in, pattern.flat))
            for nonzero, mask in alike.values():
                counted.append(_Counted(mask, nonzero, pattern.sleep_in, pattern.flat))
            # Occurrences that touch a bank holiday or a clock change, one by one; those alike (the same weekday
            # and bank holidays, and no clock change) share their minutes and their kind.
            window = (1 << span) - 1
            seen: dict[object, tuple[tuple[int, Decimal], ...]] = {}
            while touching:
                low = touching & -touching
                index = low.bit_length() - 1
                touching ^= low
                bank_bits = (calendar.bank >> index) & window
                clock_bits = (calendar.clock >> index) & window
                key: object = (index, bank_bits) if clock_bits else ((start_weekday + index) % 7, bank_bits, None)
                pieces = seen.get(key)
                if pieces is None:
                    bank, exact_clock = _special_window(bank_bits, clock_bits, span)
                    pieces = seen[key] = _special_pieces(pattern, night, calendar.day(index), bank, exact_clock)
                special.append((index, pieces, pattern.sleep_in, pattern.flat))
                special_kinds.append(kinds.setdefault((number, key), len(kinds)))
        order = sorted(range(len(special)), key=lambda i: special[i][0])
        self.counted = counted
        self.special = [special[i] for i in order]
        self.special_days = [item[0] for item in self.special]
        # Each special occurrence's kind as a small number (its shift, and its weekday and bank holidays, or its day
        # when a clock change is near), so that periods are told apart by cheap keys.
        self.special_kinds = [special_kinds[i] for i in order]
        self.scheduled_mask = union
        # The scheduled days, by the number of scheduled days in their Sunday-to-Saturday week: (count, mask).
        self.by_week_days = _by_week_days(calendar, patterns, union)
        # A rota of weekdays (no shift by a rule) repeats every ``cycle`` days: away from the plan's first and last
        # Sunday-to-Saturday weeks, two periods as long as each other, as far into the cycle and in one figures
        # year, with no shift touching a bank holiday or a clock change, have the same sums. ``steady`` is the run
        # of days, from the first whole week to the last, where that holds.
        self.cycle: int | None = None
        if all(p.repeat is None for p in patterns):
            self.cycle = 7 * math.lcm(*(p.every for p in patterns))
        first_sunday = calendar.first_sunday
        self.steady = (first_sunday, first_sunday + 7 * ((length - first_sunday) // 7))

    def period_ids(self, spans: PeriodSpans) -> tuple[list[int], list[PeriodRota]]:
        """Sum the rota into the periods of ``spans``: each period as an index into a list of the distinct sums.
        Periods with the same counts share one (a weekly rota gives the same sums most weeks), and are priced
        once."""
        ids: list[int] = []
        rotas: list[PeriodRota] = []
        special = self.special
        masks = [item.mask for item in self.counted]
        by_week_days = self.by_week_days
        single = by_week_days[0] if len(by_week_days) == 1 else None
        made: dict[tuple[object, ...], int] = {}
        kinds = self.special_kinds
        s = 0
        n_special = len(special)
        cycle = self.cycle
        steady_from, steady_to = self.steady
        # The sums of periods in the steady run, by (how far into the cycle, length, figures year).
        steady: dict[tuple[int, int, int], int] = {}
        for first, last, year, parts in zip(spans.firsts, spans.lasts, spans.years, spans.parts, strict=True):
            if n_special:
                while s < n_special and special[s][0] < first:
                    s += 1
                t = s
                while t < n_special and special[t][0] <= last:
                    t += 1
            else:
                t = s
            steady_key = None
            if cycle is not None and t == s and parts is None and steady_from <= first and last < steady_to:
                steady_key = (first % cycle, last - first, year)
                found = steady.get(steady_key)
                if found is not None:
                    ids.append(found)
                    continue
            span = (1 << (last + 1)) - (1 << first)
            counts = tuple(map(int.bit_count, map(span.__and__, masks)))
            # The scheduled days as (figures year, qualifying days, days), made ScheduledDays once per distinct sum.
            scheduled: tuple[tuple[int, int, int], ...]
            if parts is None and single is not None:  # the usual case: one figures year, every week alike
                days = (single[1] & span).bit_count()
                scheduled = ((year, single[0], days),) if days else ()
            elif parts is None:
                scheduled = tuple(
                    (year, week_days, days) for week_days, mask in by_week_days if (days := (mask & span).bit_count())
                )
            else:
                scheduled = tuple(
                    (part_year, week_days, days)
                    for part, part_year in parts
                    for week_days, mask in by_week_days
                    if (days := (mask & part).bit_count())
                )
            # Periods with the same counts and the same special occurrences (a bank holiday Monday's shift, say) have
            # the same sums, wherever those occurrences fall.
            key: tuple[object, ...] = (counts, scheduled, tuple(kinds[s:t])) if t > s else (counts, scheduled)
            found = made.get(key)
            if found is None:
                found = made[key] = len(rotas)
                rotas.append(self._sum(counts, special[s:t], scheduled))
            if steady_key is not None:
                steady[steady_key] = found
            ids.append(found)
        return ids, rotas

    def span_pay_terms(self, first: int, last: int, mult: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
        """Over the days ``first`` to ``last`` (day indices): the waking hours weighted by ``mult`` (the pay is the
        hourly rate times this) and the sleep-ins' flat sums — for a single run of days, such as the weeks a
        week's pay is averaged over (``period_ids`` sums the pay periods)."""
        span = (1 << (last + 1)) - (1 << first)
        weighted = flat = ZERO
        for item in self.counted:
            count = (item.mask & span).bit_count()
            if not count:
                continue
            if item.sleep_in:
                flat += count * item.flat
            else:
                minutes = item.minutes
                each = (
                    minutes[0][1] * mult[minutes[0][0]]
                    if len(minutes) == 1
                    else sum((m * mult[k] for k, m in minutes), ZERO)
                )
                weighted += count * each
        days = self.special_days
        # Occurrences alike share their minutes (the same tuple): each is weighted once.
        weights: dict[int, Decimal] = {}
        for _, minutes, sleep_in, each in self.special[bisect_left(days, first) : bisect_right(days, last)]:
            if sleep_in:
                flat += each
            else:
                weight = weights.get(id(minutes))
                if weight is None:
                    weight = weights[id(minutes)] = sum([m * mult[k] for k, m in minutes], ZERO)
                weighted += weight
        return weighted / SIXTY, flat

    def _sum(
        self,
        counts: tuple[int, ...],
        specials: list[tuple[int, tuple[tuple[int, Decimal], ...], bool, Decimal]],
        scheduled: tuple[tuple[int, int, int], ...],
    ) -> PeriodRota:
        waking = [ZERO] * COMBOS
        sleep_minutes = ZERO
        flat = ZERO
        nights = 0
        for item, count in zip(self.counted, counts, strict=True):
            if not count:
                continue
            if item.sleep_in:
                sleep_minutes += count * sum((m for _, m in item.minutes), ZERO)
                flat += count * item.flat
                nights += count
            else:
                for k, m in item.minutes:
                    waking[k] += count * m
        for _, minutes, sleep_in, each in specials:
            if sleep_in:
                sleep_minutes += sum((m for _, m in minutes), ZERO)
                flat += each
                nights += 1
            else:
                for k, m in minutes:
                    waking[k] += m
        return tuple_of(
            PeriodRota,
            (
                tuple([w / SIXTY if w else ZERO for w in waking]),  # waking
                sleep_minutes / SIXTY if sleep_minutes else ZERO,  # sleep_in_hours
                flat,  # sleep_in_flat
                _scheduled_days(scheduled),  # scheduled
                nights,  # sleep_ins
            ),
        )
