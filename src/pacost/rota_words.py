"""A shift as a person says it — "Mondays to Fridays 9 to 12", "every other Saturday 10:00-16:00", "a sleep-in on
Fridays, £75", "mon-fri 09:00-12:00 every 2 week 2" — read into the plan file's ``[[pa.shift]]`` table.

``read_shift(text)`` (and ``read_shifts`` for several, separated by ";") gives the table (``days``, ``start``,
``end`` and, when said, ``every``, ``week``, ``kind`` and ``flat``) or raises ``ValueError`` saying what could not
be read and how to say it; ``describe_shift(table)`` says a table back in words, so that a person can see how they
were understood. Used by ``pacost new``. Times without "am" or "pm" are read on the 24-hour clock, except that a bare
hour ending earlier than a morning start is the afternoon ("9 to 5" is 09:00 to 17:00; "09:00 to 05:00" runs
overnight); a sleep-in with no times is 22:00 to 07:00. Nothing here checks a plan or prices anything.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pacost.dates import DAY_TITLES, WEEKDAYS

_NAMES = {
    "mon": ("monday", "mondays", "mon", "mons"),
    "tue": ("tuesday", "tuesdays", "tue", "tues"),
    "wed": ("wednesday", "wednesdays", "wed", "weds"),
    "thu": ("thursday", "thursdays", "thu", "thur", "thurs"),
    "fri": ("friday", "fridays", "fri", "fris"),
    "sat": ("saturday", "saturdays", "sat", "sats"),
    "sun": ("sunday", "sundays", "sun", "suns"),
}
_DAY_WORD = {word: key for key, words in _NAMES.items() for word in words}
_GROUPS = {
    "weekdays": WEEKDAYS[:5],
    "weekday": WEEKDAYS[:5],
    "weekends": WEEKDAYS[5:],
    "weekend": WEEKDAYS[5:],
    "daily": WEEKDAYS,
    "everyday": WEEKDAYS,
}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?"
_TIMES = re.compile(_CLOCK + r"\s*(?:-|to|until|till)\s*" + _CLOCK)
_MONEY = re.compile(r"£\s*(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*(?:pounds|flat)")
_SLEEP_IN = re.compile(r"\bsleep(?:ing)?[- ]?ins?\b")

EXAMPLES = '"Mondays to Fridays 9 to 12", "every other Saturday 10:00-16:00" or "a sleep-in on Fridays, £75"'


def _clock(hour: str, minute: str | None, half: str | None) -> tuple[int, int]:
    h, m = int(hour), int(minute or 0)
    if half == "pm" and h < 12:
        h += 12
    elif half == "am" and h == 12:
        h = 0
    if h > 24 or m > 59 or (h == 24 and m):
        raise ValueError(f"{hour}:{minute or '00'} is not a time of day")
    return h, m


def _times(text: str) -> tuple[str, str] | None:
    found = _TIMES.search(text)
    if found is None:
        return None
    start = _clock(found[1], found[2], found[3])
    end = _clock(found[4], found[5], found[6])
    plain = all(found[k] is None for k in (2, 3, 5, 6))  # "9 to 5": no minutes, no am or pm
    if plain and end <= start and start[0] < 12 and end[0] < 12:
        end = (end[0] + 12, end[1])  # "9 to 5": a day shift, not one that runs to 5 in the morning
    return "{:02d}:{:02d}".format(*start), "{:02d}:{:02d}".format(*end)


def _days(words: list[str]) -> list[str]:
    days: set[str] = set()
    i = 0
    while i < len(words):
        word = words[i]
        if word in _GROUPS:
            days |= set(_GROUPS[word])
        elif word == "every" and i + 1 < len(words) and words[i + 1] == "day":
            days |= set(WEEKDAYS)
            i += 1
        elif word in _DAY_WORD:
            first = _DAY_WORD[word]
            if (
                i + 2 < len(words)
                and words[i + 1] in ("to", "-", "through", "until", "till")
                and words[i + 2] in _DAY_WORD
            ):
                last = _DAY_WORD[words[i + 2]]
                a, b = WEEKDAYS.index(first), WEEKDAYS.index(last)
                days |= {WEEKDAYS[(a + k) % 7] for k in range((b - a) % 7 + 1)}
                i += 2
            else:
                days.add(first)
        i += 1
    return sorted(days, key=WEEKDAYS.index)


def read_shift(text: str) -> dict[str, Any]:
    """The ``[[pa.shift]]`` table a person's words describe (see the module's docstring)."""
    said = text.strip().lower().replace("–", "-").replace("—", "-")
    if not said:
        raise ValueError(f"say the days and times, such as {EXAMPLES}")
    shift: dict[str, Any] = {}
    money = _MONEY.search(said)
    if money:
        shift["flat"] = Decimal(money[1] or money[2])
        said = said[: money.start()] + " " + said[money.end() :]
    sleep_in = _SLEEP_IN.search(said) is not None
    if sleep_in:
        said = _SLEEP_IN.sub(" ", said)
    every = 1
    if re.search(r"\bevery other\b|\balternate\b|\bfortnightly\b", said):
        every = 2
    found = re.search(r"\bevery (\d+) weeks?\b", said) or re.search(r"\bevery (\d+)\b(?!\s*(?:am|pm|:|\.\d))", said)
    if found:
        every = int(found[1])
    week = None
    found = re.search(r"\bweek (\d+)\b", said) or re.search(
        r"\b(first|second|third|fourth|1st|2nd|3rd|4th) week\b", said
    )
    if found:
        week = int(found[1]) if found[1].isdigit() else _ORDINALS[found[1]]
    times = _times(said)
    without_times = _TIMES.sub(" ", said)
    words = re.findall(r"[a-z]+|-", re.sub(r"(?<=[a-z])-(?=[a-z])", " - ", without_times))
    days = _days(words)
    if not days:
        raise ValueError(f"say which days, such as {EXAMPLES}")
    if times is None:
        if not sleep_in:
            raise ValueError(f"say the times, such as {EXAMPLES}")
        times = ("22:00", "07:00")
    if times[0] == times[1]:
        raise ValueError(f"the shift starts and ends at {times[0]}: say when it ends")
    if sleep_in and "flat" not in shift:
        raise ValueError('say what a sleep-in is paid, such as "a sleep-in on Fridays, £75"')
    if not sleep_in and "flat" in shift:
        raise ValueError("a flat sum is for a sleep-in: say 'sleep-in' or leave the £ out (the hours are paid by rate)")
    shift["days"] = days
    shift["start"], shift["end"] = times
    if every != 1:
        if not 1 <= every <= 52:
            raise ValueError(f"every {every} weeks: a rota repeats every 1 to 52 weeks")
        shift["every"] = every
    if week is not None and week != 1:
        if week > every:
            raise ValueError(f"week {week} of a rota that repeats every {every} week(s): say 'every {week} weeks'")
        shift["week"] = week
    if sleep_in:
        shift["kind"] = "sleep-in"
        shift["flat"] = shift.pop("flat")  # after the kind, as a plan file writes it
    return shift


def read_shifts(text: str) -> list[dict[str, Any]]:
    """Several shifts said at once, separated by semicolons: "mon-fri 09:00-12:00; sat 10:00-13:00 every 2 week 2"."""
    return [read_shift(part) for part in text.split(";") if part.strip()]


def and_list(items: list[str]) -> str:
    """Items as a sentence lists them: "Jo", "Jo and Sam", "Jo, Sam and Priya"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe_shift(shift: dict[str, Any]) -> str:
    """A ``[[pa.shift]]`` table in words: "Monday, Wednesday and Friday, 09:00-12:00, week 1 of every 2"."""
    days = and_list([DAY_TITLES[WEEKDAYS.index(day)] for day in shift["days"]])
    text = f"{days}, {shift['start']}–{shift['end']}"
    if shift.get("kind") == "sleep-in":
        text += f", a sleep-in paid £{shift['flat']}"
    every = shift.get("every", 1)
    if every > 1:
        text += f", week {shift.get('week', 1)} of every {every}"
    return text
