"""British Summer Time: when the UK's clocks go forward and back, and the offset from GMT of a wall-clock time.

The Summer Time Act 1972, s.1(2) as substituted by the Summer Time Order 2002 (SI 2002/262, art. 2), in force in
Great Britain and Northern Ireland: "The period of summer time for the purposes of this Act is the period beginning
at one o'clock, Greenwich mean time, in the morning of the last Sunday in March and ending at one o'clock,
Greenwich mean time, in the morning of the last Sunday in October."
(https://www.legislation.gov.uk/uksi/2002/262/article/2/made); during it the clocks are an hour ahead of GMT
(s.1(1)). So on the last Sunday of March the clocks go from 01:00 to 02:00, and on the last Sunday of October from
02:00 back to 01:00.

Written here from the law rather than read from a time-zone database: the rule is fixed (the Order removed the
power to vary it), and a computer without the database (Windows, without the ``tzdata`` package) would otherwise
be unable to count a night shift's hours. Rotas and money are not known here.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

MINUTES_PER_DAY = 24 * 60
#: Where summer time begins and ends on the wall clock: 02:00 (an hour into it in March; in October the first
#: reading of 01:00–02:00 is still summer time, and 02:00 never comes on summer time).
_CHANGE_MINUTE = 2 * 60
SUMMER_OFFSET_MINUTES = 60


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)
    return last - timedelta(days=(last.weekday() - 6) % 7)


@cache
def clock_changes(year: int) -> tuple[date, date]:
    """The days the clocks go forward (the last Sunday of March) and back (the last Sunday of October)."""
    return _last_sunday(year, 3), _last_sunday(year, 10)


def utc_offset_minutes(day: date, minute: int) -> int:
    """Minutes ahead of GMT of the wall-clock time ``minute`` minutes after midnight at the start of ``day`` (past
    midnight counts on into the next days). A reading the clocks skip (01:00–02:00 on the day they go forward) is
    taken at the offset before the change, and one they show twice (01:00–02:00 on the day they go back) as the
    first time it is shown, as Python's ``fold=0`` does."""
    on = day + timedelta(days=minute // MINUTES_PER_DAY)
    of_day = minute % MINUTES_PER_DAY
    forward, back = clock_changes(on.year)
    if (forward, _CHANGE_MINUTE) <= (on, of_day) < (back, _CHANGE_MINUTE):
        return SUMMER_OFFSET_MINUTES
    return 0
