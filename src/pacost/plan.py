"""The plan file: reading TOML or JSON, checking it, filling defaults, and reporting what was assumed.

A plan is read in four steps, each a function below:

1. ``read_plan_bytes`` and ``decode_plan`` — the file's text, or a located error for a folder, a missing, empty or
   binary file;
2. ``parse_text`` — TOML or JSON (by extension, or by sniffing), numbers read as exact decimals, never floats;
3. ``pacost.overrides.apply_overrides`` — changes for one run (``--set KEY=VALUE``), on the raw data;
4. ``plan_from_dict`` — unknown keys refused with the nearest known key suggested (a typo must not silently drop a
   cost), every default filled in and recorded as an ``Assumption`` (with its source where it is a statutory or
   national figure), then validated with pydantic into a ``Plan``.

Errors name the file, the field path (``pa[1].shift[0].end``) and, for TOML, the line, and say what is expected.
Nothing here prices anything: that is ``pacost.engine``.
"""

import difflib
import itertools
import json
import math
import re
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import field, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from pydantic_core import ValidationError

from pacost.dates import DAY_TITLES, WEEKDAYS, TaxYear, add_months
from pacost.digest import sha256_hex
from pacost.engine.rota import ShiftPattern, minute_of, shift_length
from pacost.errors import PacostError
from pacost.files import decode_text, read_bytes
from pacost.money import MAX_AMOUNT, AmountError, amount_text, to_decimal
from pacost.rates.book import RateBook, bundled_rates
from pacost.records import record
from pacost.statutory.bank_holidays import Nation
from pacost.validation import STRICT, Check, MinLength, strict, validator

DAY_NAMES = {name: name[:3] for name in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
DAY_NAMES.update({"tues": "tue", "wednes": "wed", "thur": "thu", "thurs": "thu"})
PERS = ("week", "fortnight", "4-weeks", "month", "year", "period")
PLAN_FREQUENCIES = ("weekly", "fortnightly", "4-weekly", "monthly")
NATIONS = tuple(n.value for n in Nation)
MAX_PLAN_YEARS = 10
#: One PA's own rota cannot have more hours in a week than there are.
MAX_HOURS_PER_WEEK = Decimal(168)
#: The hours a council funds may be more (two PAs at once, 2:1 care), but beyond ten people round the clock a
#: figure is a slip of the keyboard.
MAX_FUNDED_HOURS_PER_WEEK = Decimal(1680)
MAX_MULTIPLIER = Decimal(10)
#: An hourly rate above this is taken for a slip of the decimal point (1350 for 13.50), not a real rate.
MAX_HOURLY_RATE = Decimal(1000)
#: Plan dates outside these years cannot be costed meaningfully (and the date arithmetic would overflow).
FIRST_PLAN_DATE = date(1900, 1, 1)
LAST_PLAN_DATE = date(2099, 12, 31)

TPR_URL = (
    "https://www.thepensionsregulator.gov.uk/en/employers/new-employers/im-an-employer-who-has-to-provide-a-pension"
)
EA_URL = "https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim06520"
ELCI_URL = "https://www.hse.gov.uk/pubns/hse40.htm"


# ----------------------------------------------------------------------------------------------------------------
# Field types: each reads one kind of value and says plainly what it expected


def _amount(value: Any, *, positive: bool = False, what: str = "an amount such as 12.50") -> Decimal:
    if isinstance(value, float):
        value = Decimal(repr(value))  # only reached from Python callers; plan files never give floats
    try:
        amount = to_decimal(value)
    except AmountError:
        raise ValueError(_amount_problem(value, what)) from None
    if positive and amount <= 0:
        raise ValueError(f"must be more than zero, got {_shown(value)}")
    if amount < 0:
        raise ValueError(f"must not be negative, got {_shown(value)}")
    return amount


def _amount_problem(value: Any, what: str) -> str:
    """Why ``value`` is not an amount, in words (``money.to_decimal`` says it with Python's repr)."""
    number: Decimal | None = value if isinstance(value, Decimal) and not isinstance(value, bool) else None
    if isinstance(value, str):
        try:
            number = Decimal(amount_text(value))
        except AmountError as exc:
            return str(exc)
        except InvalidOperation:
            number = None
    if number is not None and not number.is_finite():
        return f"expected {what}, got {_shown(value)} (not a finite number)"
    if number is not None:
        return f"is too large to be real: {_shown(value)} is more than {MAX_AMOUNT:,}; expected {what}"
    return f"expected {what}, got {_shown(value)}"


#: The most characters of a value from the plan that a message repeats.
SHOWN_CHARACTERS = 80


def _cut(text: str) -> str:
    """``text``, cut to ``SHOWN_CHARACTERS`` (a 5,000-digit number need not be said back whole)."""
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def _shown(value: Any) -> str:
    """A value from the plan as a message repeats it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _cut(str(value) if isinstance(value, int | Decimal) else json.dumps(value, default=str))


def _money(value: Any) -> Decimal:
    return _amount(value)


def _positive_money(value: Any) -> Decimal:
    return _amount(value, positive=True)


def _hourly_rate(value: Any) -> Decimal:
    rate = _amount(value, positive=True, what="an hourly rate such as 13.50")
    if rate > MAX_HOURLY_RATE:
        raise ValueError(
            f"£{rate} an hour is more than £{MAX_HOURLY_RATE:,} an hour: check the decimal point "
            "(an hourly rate is written like 13.50)"
        )
    return rate


def _hours(value: Any) -> Decimal:
    hours = _amount(value, positive=True, what="a number of hours such as 12.5")
    if hours > MAX_HOURS_PER_WEEK:
        raise ValueError(f"must be at most {MAX_HOURS_PER_WEEK} (the hours in a week), got {_shown(value)}")
    return hours


def _funded_hours(value: Any) -> Decimal:
    hours = _amount(value, positive=True, what="a number of hours such as 30")
    if hours > MAX_FUNDED_HOURS_PER_WEEK:
        raise ValueError(
            f"must be at most {MAX_FUNDED_HOURS_PER_WEEK} hours a week (ten people round the clock), got "
            f"{_shown(value)}: check the figure"
        )
    return hours


def _multiplier(value: Any) -> Decimal:
    factor = _amount(value, positive=True, what="a multiplier of the hourly rate such as 1.5")
    if factor > MAX_MULTIPLIER:
        raise ValueError(f"must be a multiplier of the hourly rate such as 1.5 (at most 10), got {_shown(value)}")
    return factor


def _weeks(value: Any) -> Decimal:
    weeks = _amount(value, what="a number of weeks such as 5.6")
    if weeks > 52:
        raise ValueError(f"must be a number of weeks in a year (at most 52), got {_shown(value)}")
    return weeks


def _sick_days(value: Any) -> Decimal:
    days = _amount(value, what="a number of days such as 5")
    if days > 366:
        raise ValueError(f"must be a number of days in a year (at most 366), got {_shown(value)}")
    return days


def _date(value: Any) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"expected a date written 2026-04-06, got {_shown(value)}")


TIME_PATTERN = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")


def _time(value: Any) -> time:
    if isinstance(value, time):
        if value.second or value.microsecond:
            raise ValueError(f"expected a time to the minute such as 08:30, got {value}")
        return value
    if isinstance(value, str):
        match = TIME_PATTERN.match(value.strip())
        if match:
            hour, minute = int(match[1]), int(match[2])
            if hour == 24 and minute == 0:
                return time(0, 0, fold=1)  # midnight at the end of the day: 00:00 marked so that 00:00-24:00 lasts
            if hour < 24:
                return time(hour, minute)
    raise ValueError(f"expected a time of day such as 08:00 or 22:30, got {_shown(value)}")


def _day(value: Any) -> str:
    if isinstance(value, str):
        key = value.strip().lower().rstrip(".")
        if key in WEEKDAYS:
            return key
        if key in DAY_NAMES:
            return DAY_NAMES[key]
        if key.endswith("day") and key[:-3] in DAY_NAMES:
            return DAY_NAMES[key[:-3]]
    raise ValueError(f"expected a day of the week (mon, tue, wed, thu, fri, sat or sun), got {_shown(value)}")


def _days(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ValueError('expected a list of days such as ["mon", "wed", "fri"]')
    days = [_day(v) for v in value]
    if len(set(days)) != len(days):
        raise ValueError(f"a day is listed twice: {', '.join(days)}")
    return sorted(days, key=WEEKDAYS.index)


class _Choice:
    """One of ``options`` (written in any case, with spaces or underscores for hyphens), or a message naming them
    and the nearest."""

    __slots__ = ("options", "what")

    def __init__(self, options: Sequence[str], what: str) -> None:
        self.options = tuple(options)
        self.what = what

    def __call__(self, value: Any) -> str:
        options = self.options
        if isinstance(value, str):
            key = value.strip().lower().replace("_", "-").replace(" ", "-")
            if key in options:
                return key
        hint = _nearest(str(value), options)
        listed = ", ".join(options[:-1]) + " or " + options[-1]
        raise ValueError(
            f"expected {self.what}: {listed}; got {_shown(value)}" + (f" (did you mean {hint!r}?)" if hint else "")
        )


def _choice(options: Sequence[str], what: str) -> Check:
    return Check(_Choice(options, what))


def _frequency(value: Any) -> str:
    if isinstance(value, str):
        key = value.strip().lower().replace("_", "-").replace(" ", "-")
        if key in ("four-weekly", "fourweekly", "4weekly"):
            key = "4-weekly"
        if key in PLAN_FREQUENCIES:
            return key
    raise ValueError(f"expected a pay frequency: weekly, fortnightly, 4-weekly or monthly; got {_shown(value)}")


def _ni_letter(value: Any) -> str:
    letters = ("A", "B", "C", "H", "J", "M", "V", "X", "Z")
    if isinstance(value, str) and value.strip().upper() in letters:
        return value.strip().upper()
    raise ValueError(f"expected an NI category letter ({', '.join(letters)}), got {_shown(value)}")


def _name(value: Any) -> str:
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    raise ValueError(f"expected a name in quotes, got {_shown(value)}")


#: The values each part of a rule may take (a number's range; negative counts from the end where the rule allows).
_RRULE_RANGES = {
    "INTERVAL": (1, 52, False),
    "COUNT": (1, 10_000, False),
    "BYMONTH": (1, 12, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
}
_RRULE_KEYS = {"FREQ", "UNTIL", "BYDAY", "WKST", *_RRULE_RANGES}


def _rrule_parts(rule: str) -> None:
    """Refuse a rule part pacost cannot use, or a number out of its range, before dateutil expands it (which an
    INTERVAL of 0 would keep doing for ever)."""
    for part in filter(None, rule.split(";")):
        key, _, value = part.partition("=")
        if key not in _RRULE_KEYS:
            known = ", ".join(sorted(_RRULE_KEYS))
            raise ValueError(f"{_cut(key)} cannot be used in a shift's rule; the parts that can are {known}")
        if key not in _RRULE_RANGES:
            continue
        low, high, negative = _RRULE_RANGES[key]
        for item in value.split(","):
            number = int(item) if re.fullmatch(r"[+-]?\d{1,6}", item) else None
            size = abs(number) if number is not None and negative else number
            if number is None or size is None or not low <= size <= high or (number < 0 and not negative):
                span = f"{low} to {high}" + (f" (or -{high} to -{low}, counted from the end)" if negative else "")
                raise ValueError(f"{key}={_cut(item)} is out of range: {key} is {span}")


def _rrule(value: Any) -> str:
    from dateutil.rrule import rrulestr

    if not isinstance(value, str) or not value.strip():
        raise ValueError('expected an iCalendar rule such as "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"')
    text = value.strip()
    upper = text.upper()
    if "DTSTART" in upper:
        raise ValueError("leave DTSTART out of the rule: shifts repeat from the plan start")
    finer = re.search(r"FREQ=(HOURLY|MINUTELY|SECONDLY)|BY(HOUR|MINUTE|SECOND)=", upper)
    if finer:
        raise ValueError(
            f"{finer[0].rstrip('=')} is not allowed: a shift repeats on dates (FREQ=DAILY, WEEKLY, MONTHLY or "
            "YEARLY) and its time of day comes from `start` and `end`"
        )
    if re.search(r"UNTIL=[0-9T]+Z", upper):
        raise ValueError("write UNTIL as a local date without Z, e.g. UNTIL=20270405")
    _rrule_parts(upper.removeprefix("RRULE:"))
    try:
        # A naive start, as the rota expands it (pacost.engine.rota): a rule that reads here expands there.
        rrulestr(text, dtstart=datetime(2026, 4, 6, 9, 0))
    except (ValueError, TypeError) as exc:
        raise ValueError(
            f'is not a rule dateutil can read ({exc}); write it like "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"'
        ) from None
    return text


def _capped(value: Any, high: int, what: str, beyond: str, *, positive: bool = False) -> Decimal:
    """An amount from 0 (or above it) to ``high``; ``beyond`` says what is expected when it is more."""
    amount = _amount(value, positive=positive, what=what)
    if amount > high:
        raise ValueError(f"must be {beyond}, got {_shown(value)}")
    return amount


def _percent(value: Any) -> Decimal:
    return _capped(value, 100, "a percentage such as 18.2", "a percentage from 0 to 100")


def _balance_weeks(value: Any) -> Decimal:
    return _capped(value, 52, "a number of weeks such as 8", "a number of weeks (at most 52)", positive=True)


def _training_hours(value: Any) -> Decimal:
    return _capped(value, 1000, "a number of hours such as 12", "at most 1000 hours of training for a new PA")


_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


def _month_day(value: Any) -> str:
    if isinstance(value, str):
        match = _MONTH_DAY.match(value.strip())
        if match:
            month, day = int(match[1]), int(match[2])
            try:
                date(2024, month, day)  # a leap year: 02-29 is a day
            except ValueError:
                pass
            else:
                return f"{month:02d}-{day:02d}"
    raise ValueError(f'expected a month and day written "04-01" (1 April), got {_shown(value)}')


_RESERVE_WEEKS = re.compile(r"^(\d+(?:\.\d+)?)\s*weeks?$")


def _reserve(value: Any) -> str | Decimal:
    """``"liabilities"``, ``"N weeks"`` (kept as written, tidied) or an amount of money."""
    if isinstance(value, str):
        key = value.strip().lower()
        if key == "liabilities":
            return key
        match = _RESERVE_WEEKS.match(key)
        if match:
            weeks = Decimal(match[1])
            if 0 < weeks <= 52:
                return f"{match[1]} weeks"
            raise ValueError(f"must be from more than 0 to 52 weeks, got {_shown(value)}")
    if isinstance(value, str | Decimal | int) and not isinstance(value, bool):
        try:
            return _amount(value, what='"liabilities", a number of weeks such as "8 weeks", or an amount of money')
        except ValueError:
            pass
    raise ValueError(
        f'expected "liabilities" (what the employer would owe), a number of weeks such as "8 weeks" (of the true '
        f"cost), or an amount of money such as 2500; got {_shown(value)}"
    )


Percent = Annotated[Decimal, Check(_percent)]
BalanceWeeks = Annotated[Decimal, Check(_balance_weeks)]
TrainingHours = Annotated[Decimal, Check(_training_hours)]
MonthDay = Annotated[str, Check(_month_day)]
Reserve = Annotated[str | Decimal, Check(_reserve)]
Money = Annotated[Decimal, Check(_money)]
PositiveMoney = Annotated[Decimal, Check(_positive_money)]
HourlyRate = Annotated[Decimal, Check(_hourly_rate)]
Hours = Annotated[Decimal, Check(_hours)]
FundedHours = Annotated[Decimal, Check(_funded_hours)]
Multiplier = Annotated[Decimal, Check(_multiplier)]
Weeks = Annotated[Decimal, Check(_weeks)]
SickDays = Annotated[Decimal, Check(_sick_days)]
PlanDate = Annotated[date, Check(_date)]
ClockTime = Annotated[time, Check(_time)]
Days = Annotated[list[str], Check(_days)]
Name = Annotated[str, Check(_name)]
Per = Annotated[str, _choice(PERS, "how often the amount is paid")]


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "false", "no"):
        return value.strip().lower() in ("true", "yes")
    raise ValueError(f"expected true or false, got {_shown(value)}")


Flag = Annotated[bool, Check(_flag)]


class _Count:
    """A whole number from ``low`` to ``high``."""

    __slots__ = ("high", "low", "what")

    def __init__(self, low: int, high: int, what: str) -> None:
        self.low, self.high, self.what = low, high, what

    def __call__(self, value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError(f"expected {self.what}, got {value}")
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or not self.low <= value <= self.high:
            raise ValueError(
                f"expected {self.what} (a whole number from {self.low} to {self.high}), got {_shown(value)}"
            )
        return value


def _count(low: int, high: int, what: str) -> Check:
    return Check(_Count(low, high, what))


def read_count(value: Any, low: int, high: int, what: str) -> int:
    """A whole number from ``low`` to ``high`` as the plan file reads it, or ``ValueError`` saying so."""
    return _Count(low, high, what)(value)


def read_choice(value: Any, options: Sequence[str], what: str) -> str:
    """One of ``options`` as the plan file reads it (any case, spaces for hyphens), or ``ValueError`` naming them."""
    return _Choice(options, what)(value)


#: The plan file's readers of single values, for a program that checks each answer as it is given (``pacost
#: new``): each returns the value as the plan holds it, or raises ``ValueError`` saying what was expected.
read_amount = _money
read_hourly_rate = _hourly_rate
read_hours = _hours
read_funded_hours = _funded_hours
read_multiplier = _multiplier
read_date = _date
read_frequency = _frequency


# ----------------------------------------------------------------------------------------------------------------
# The plan's parts, named as the file names them


@record
class CostItem:
    """A cost as an ``amount`` ``per`` year, month or week (the employer's ``insurance`` and ``payroll``)."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    amount: Money
    per: Per


@record
class OtherCost(CostItem):
    """One of ``[[employer.other]]``: a named cost, as an amount per year, month or week."""

    name: Name


@record
class Budget:
    """``[budget]``: what the council allocates, ``amount`` ``per`` week, month or year, and the hours a week it
    funds when it says."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    amount: Money
    per: Per
    hours_per_week: FundedHours | None = None
    max_balance_weeks: BalanceWeeks | None = None  # the most weeks of budget the council lets the account hold
    # A pay floor the council has committed to fund (its rate is set beside the council's own hourly rate).
    pay_commitment: (
        Annotated[
            str,
            _choice(("real-living-wage", "real-living-wage-london", "scottish-care-floor"), "a pay floor"),
        ]
        | None
    ) = None


@record
class HireCost:
    """One of ``[employer] per_hire``: a one-off cost of taking on a new PA (an advert, a DBS check)."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    name: Name
    amount: Money


@record
class Employer:
    """``[employer]``: whether the Employment Allowance is claimed; the insurance, payroll and other costs; what
    replacing a PA costs (``per_hire``, ``training_hours``, whether the care is covered meanwhile, and how many
    leave a year); and when the leave year starts."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    employment_allowance: Flag
    insurance: CostItem
    payroll: CostItem
    other: list[OtherCost] = field(default_factory=list)
    per_hire: list[HireCost] = field(default_factory=list)
    training_hours: TrainingHours = Decimal(0)
    training_cover: Flag = False
    turnover_percent: Percent | None = None
    leave_year_start: MonthDay | None = None  # "04-01"; without it, each PA's leave year starts on their start date


@record
class Cover:
    """``[cover]``: who works the hours a PA is away, on holiday or off sick: an agency (at ``rate`` an hour, and
    ``sleep_in_rate`` a sleep-in night), another PA (``pa``) or the family, unpaid."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    by: Annotated[Literal["agency", "pa", "family"], _choice(("agency", "pa", "family"), "who covers")]
    rate: HourlyRate | None = None
    pa: Name | None = None
    sleep_in_rate: Money | None = None  # the agency's charge for a sleep-in night (default: the PA's own flat sum)

    def __post_init__(self) -> None:
        if self.by == "agency" and self.rate is None:
            raise ValueError("agency cover needs `rate`, the agency's all-in hourly charge")
        if self.by == "pa" and self.pa is None:
            raise ValueError("cover by a PA needs `pa`, the name of the PA who covers")
        if self.by != "agency" and self.rate is not None:
            raise ValueError(f"`rate` is only for agency cover; cover by {self.by} is paid otherwise")
        if self.by != "pa" and self.pa is not None:
            raise ValueError('`pa` is only for by = "pa"')
        if self.by != "agency" and self.sleep_in_rate is not None:
            raise ValueError("`sleep_in_rate` is only for agency cover: a PA or the family covers a sleep-in as the PA")


@record
class Sickness:
    """``[sickness]``: the sick days a year to plan for, the days in one spell, and whether sick pay is statutory
    or full."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    days_per_year: SickDays
    spell_days: Annotated[int, _count(1, 365, "the days in one spell of sickness")]
    pay: Annotated[Literal["statutory", "full"], _choice(("statutory", "full"), "the sick pay")]


@record
class Enhancements:
    """A PA's ``[pa.enhancements]``: what weekend, night and bank holiday hours pay, as multiples of the hourly
    rate."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    weekend: Multiplier = Decimal(1)
    night: Multiplier = Decimal(1)
    bank_holiday: Multiplier = Decimal(1)


@record
class NightWindow:
    """When the night multiplier applies: written ``{ from = "22:00", to = "07:00" }``."""

    __pydantic_config__: ClassVar[dict[str, object]] = strict("start", "end")

    start: ClockTime = time(22, 0)  # read from the key "from"
    end: ClockTime = time(7, 0)  # read from the key "to"


@record
class Shift:
    """One of a PA's ``[[pa.shift]]``: the days it falls on (or an RRULE, ``repeat``) and its clock times."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    days: Days | None = None
    repeat: Annotated[str, Check(_rrule)] | None = None
    start: ClockTime
    end: ClockTime
    every: Annotated[int, _count(1, 52, "a number of weeks")] = 1
    week: Annotated[int, _count(1, 52, "which week of the cycle")] = 1
    kind: Annotated[Literal["waking", "sleep-in"], _choice(("waking", "sleep-in"), "the kind of shift")] = "waking"
    flat: Money | None = None

    def __post_init__(self) -> None:
        if (self.days is None) == (self.repeat is None):
            raise ValueError('give either `days` (such as ["mon", "fri"]) or `repeat` (an RRULE), not both or neither')
        if self.repeat is not None and (self.every != 1 or self.week != 1):
            raise ValueError("`every` and `week` go with `days`; put INTERVAL in the `repeat` rule instead")
        if self.week > self.every:
            raise ValueError(
                f"week = {self.week}, but the rota repeats every {self.every} week(s): `week` says which of those "
                f"weeks the shift is in (1 to {self.every}), counted from the plan start"
            )
        if self.start == self.end and not self.end.fold:  # "24:00" (fold 1) ends the day: 00:00-24:00 is 24 hours
            raise ValueError(
                f"the shift has no length: it starts and ends at {self.start:%H:%M} (a shift may cross midnight, "
                "e.g. start 22:00, end 07:00)"
            )
        if self.kind == "sleep-in" and self.flat is None:
            raise ValueError("a sleep-in needs `flat`, the flat sum paid for it (e.g. flat = 60.00)")
        if self.kind == "waking" and self.flat is not None:
            raise ValueError('`flat` is only for kind = "sleep-in"; waking hours are paid at the hourly rate')

    def pattern(self) -> ShiftPattern:
        """This shift in the form the rota engine expands."""
        return ShiftPattern(
            start_minute=minute_of(self.start),
            length_minutes=shift_length(self.start, self.end),
            weekdays=frozenset(WEEKDAYS.index(d) for d in self.days or ()),
            every=self.every,
            week=self.week,
            repeat=self.repeat,
            sleep_in=self.kind == "sleep-in",
            flat=self.flat or Decimal(0),
        )


@record
class PA:
    """One of ``[[pa]]``: a personal assistant, their pay, holiday, pension and rota."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    name: Name
    date_of_birth: PlanDate
    hourly_rate: HourlyRate
    pay_frequency: Annotated[str, Check(_frequency)]
    holiday_weeks: Weeks
    holiday: Annotated[Literal["normal", "rolled-up"], _choice(("normal", "rolled-up"), "the holiday pay")] = "normal"
    pension: Annotated[Literal["auto", "opt-out", "opt-in"], _choice(("auto", "opt-out", "opt-in"), "the pension")]
    enhancements: Enhancements = field(default_factory=Enhancements)
    night: NightWindow = field(default_factory=NightWindow)
    ni_category: Annotated[str, Check(_ni_letter)] | None = None
    shift: list[Shift] = field(default_factory=list)
    hours_per_week: Hours | None = None
    days: Days | None = None
    weekend_hours_per_week: Hours | None = None
    night_hours_per_week: Hours | None = None
    employed_since: PlanDate | None = None  # when their employment began (for notice and redundancy)
    # Set by pacost, not the file: the file's ``hourly_rate = "nlw"`` (a named rate, ``statutory.named_rates``) is
    # read as this name, and ``hourly_rate`` then holds the rate at the plan's start.
    named_rate: str | None = None

    @property
    def summary_rota(self) -> bool:
        """True when the rota is given as hours a week rather than shifts."""
        return (
            self.hours_per_week is not None
            or self.weekend_hours_per_week is not None
            or self.night_hours_per_week is not None
        )

    def __post_init__(self) -> None:
        if self.shift and self.summary_rota:
            raise ValueError("give either shifts ([[pa.shift]]) or hours a week, not both")
        if not self.shift and not self.summary_rota:
            raise ValueError(
                "has no rota: add shifts ([[pa.shift]] with days, start and end) or hours_per_week (with days)"
            )
        if self.days is not None and self.hours_per_week is None:
            raise ValueError("`days` at PA level goes with hours_per_week; shifts carry their own days")


@record
class Contingency:
    """``[contingency]``: the day the employment is taken to end for what the employer would owe (``ending``:
    the plan's last day unless given), the reserve the employer should hold for it, and whether the budget is to
    fund that reserve."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    ending: PlanDate | None = None
    reserve: Reserve | None = None
    funded: Flag = False


@record
class Plan:
    """A care plan as its file gives it (every default filled in): the PAs, the dates, the nation and the budget."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    name: Name
    start: PlanDate
    end: PlanDate
    nation: Annotated[Nation, _choice(NATIONS, "the nation (for bank holidays)")]
    budget: Budget
    employer: Employer
    cover: Cover
    sickness: Sickness
    pa: Annotated[list[PA], MinLength(1)]
    contingency: Contingency = field(default_factory=Contingency)


class Assumption(NamedTuple):
    """A default pacost applied because the plan left something out, with the source of the figure if any."""

    field: str
    text: str
    source_url: str | None = None


class LoadedPlan(NamedTuple):
    """A plan read from a file: the plan, what was assumed for what it left out, where it came from and its SHA-256,
    and the changes made to it for this run (``overrides``, as written; ``scenario``, their name if they have one)."""

    plan: Plan
    assumptions: list[Assumption]
    source: str
    sha256: str
    overrides: tuple[str, ...] = ()
    scenario: str | None = None


# ----------------------------------------------------------------------------------------------------------------
# Reading a file


def read_plan_bytes(path: Path) -> bytes:
    """A plan file's bytes, or a located error for a folder, a missing or unreadable file, a pipe or a device, or
    one too large (``pacost.files``)."""
    return read_bytes(path)


def decode_plan(data: bytes, source: str) -> str:
    if not data.strip():
        raise PacostError("is empty: a plan needs at least a [budget] and one [[pa]]", source=source)
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PacostError("is not a text file (a TOML or JSON plan is expected)", source=source)
    return decode_text(data, source)


def plan_format(source: str, text: str) -> Literal["toml", "json"]:
    suffix = Path(source).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".toml":
        return "toml"
    return "json" if text.lstrip().startswith(("{", "[")) else "toml"


def parse_text(text: str, fmt: Literal["toml", "json"], source: str) -> dict[str, Any]:
    """TOML or JSON into plain data, numbers as exact decimals; text that is not text (a lone surrogate, which a
    JSON escape can make) refused."""
    try:
        data = _parse_text(text, fmt, source)
    except RecursionError:
        raise _too_deep(source) from None
    # Only a JSON escape (\ud800) can make a lone surrogate: text read as UTF-8 holds none. Looked for only then.
    if fmt == "json" and _SURROGATE_ESCAPE.search(text) and not _only_text(data, source):
        raise _too_deep(source)
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _too_deep(source: str) -> PacostError:
    return PacostError("is nested hundreds of tables deep: a plan is a few tables within tables", source=source)


#: The deepest a plan's tables and lists may nest (its deepest value, pa[0].shift[0].days[0], is six down).
MAX_DEPTH = 16


def _only_text(data: Any, source: str) -> bool:
    """Whether ``data`` nests no deeper than ``MAX_DEPTH``; a string that is not text is refused, at its path."""
    waiting: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while waiting:
        item, path = waiting.pop()
        if len(path) > MAX_DEPTH:
            return False
        if isinstance(item, dict):
            waiting.extend((key, path) for key in item)
            waiting.extend((value, (*path, key)) for key, value in item.items())
        elif isinstance(item, list):
            waiting.extend((value, (*path, i)) for i, value in enumerate(item))
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise PacostError(
                    "holds a character that is not text (a lone surrogate, such as \\ud800): remove it",
                    source=source,
                    location=_path(path) or None,
                ) from None
    return True


def _parse_text(text: str, fmt: Literal["toml", "json"], source: str) -> dict[str, Any]:
    if fmt == "json":
        try:
            data = json.loads(text, parse_float=Decimal, parse_constant=_no_constant, object_pairs_hook=_no_repeats)
        except _RepeatedKey as exc:
            path, line = _repeated_json_key(text) or ((exc.key,), None)
            raise PacostError(
                f"{_cut(repr(exc.key))} is given twice in one table: keep the one you mean (JSON would silently use "
                "the last)",
                source=source,
                location=_path(path),
                line=line,
            ) from None
        except json.JSONDecodeError as exc:
            raise PacostError(f"not valid JSON ({exc.msg})", source=source, line=exc.lineno, column=exc.colno) from None
        except ValueError as exc:
            raise PacostError(f"not valid JSON ({exc})", source=source) from None
        if not isinstance(data, dict):
            raise PacostError("a JSON plan must be one object {...}", source=source)
        return data
    import tomllib  # only a TOML plan needs it

    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = column = None
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        if found:
            line, column = int(found[1]), int(found[2])
            message = message[: found.start()].strip()
        elif "end of document" in message:
            line = text.count("\n") + 1
        unquoted = _unquoted_value(text, line)
        if unquoted is not None:
            raise PacostError(unquoted, source=source, line=line) from None
        raise PacostError(f"not valid TOML ({message})", source=source, line=line, column=column) from None
    except ValueError as exc:  # a number too long for Python to read (over 4,300 digits)
        raise PacostError(f"not valid TOML: a number in it is too long to be real ({exc})", source=source) from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number pacost can use")


class _RepeatedKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (which JSON readers otherwise settle silently, by the last)."""
    table = dict(pairs)
    if len(table) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return table


#: A TOML line ``key = value``, the value up to a comment.
_TOML_SETTING = re.compile(r"\s*([A-Za-z0-9_\-]+)\s*=\s*([^#]*?)\s*(#.*)?")


def _unquoted_value(text: str, line: int | None) -> str | None:
    """What to say when a TOML line gives a value people write but TOML cannot read unquoted (``start = 09:00``,
    ``rate = £13``, ``amount = 520,00``); None when the line is wrong some other way."""
    lines = text.split("\n")  # as TOML counts lines (``splitlines`` also splits at other characters)
    if line is None or not 1 <= line <= len(lines):
        return None
    found = _TOML_SETTING.fullmatch(lines[line - 1].rstrip("\r"))
    if found is None:
        return None
    key, value = found[1], found[2]
    if not value or value[0] in "\"'[{" or value in ("true", "false"):
        return None
    if re.fullmatch(r"\d+,\d{1,2}", value):
        return f"{key} = {value}: use a full stop for pence: {key} = {value.replace(',', '.')}"
    return f'{key} = {value}: put the value in quotes, as {key} = "{value}"'


# ----------------------------------------------------------------------------------------------------------------
# Unknown keys, defaults, validation


def _nearest(word: str, options: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(word.lower(), list(options), n=1, cutoff=0.6)
    return found[0] if found else None


def _is_part(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__pydantic_config__")


def field_key(cls: type, name: str) -> str:
    """The key a plan file gives a field under (its name, or an alias such as ``from`` for ``start``)."""
    aliases = cls.__pydantic_config__.get("alias_generator")  # type: ignore[attr-defined]
    return str(aliases(name)) if aliases is not None else name


KeyTable = dict[str, tuple[type | None, bool]]


@cache
def _schema(model: type) -> KeyTable:
    """The keys a table may hold, each with the part it holds (if any) and whether it is a list of them (from the
    package's snapshot when it has one: reading them off the annotations takes a run a few milliseconds)."""
    from pacost.snapshot import snapshot_key_tables

    kept = snapshot_key_tables()
    return kept[model] if kept is not None and model in kept else _key_table(model)


def key_tables() -> dict[type, KeyTable]:
    """The keys of every table a plan file may hold, read off the dataclasses (what the snapshot keeps)."""
    tables: dict[type, KeyTable] = {}
    waiting: list[type] = [Plan]
    while waiting:
        model = waiting.pop()
        if model not in tables:
            tables[model] = _key_table(model)
            waiting.extend(inner for inner, _ in tables[model].values() if inner is not None)
    return tables


def _key_table(model: type) -> KeyTable:
    hints = typing.get_type_hints(model)
    out: dict[str, tuple[type | None, bool]] = {}
    for info in fields(model):
        out[field_key(model, info.name)] = _model_in(hints[info.name])
    if model is PA:
        out["age"] = (None, False)  # read in place of date_of_birth
        del out["named_rate"]  # read from hourly_rate
    return out


def _model_in(annotation: Any) -> tuple[type | None, bool]:
    """The part a field holds, and whether it is a list of them."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if _is_part(annotation):
        return annotation, False
    if origin is list and args and _is_part(args[0]):
        return args[0], True
    for arg in args:
        found, many = _model_in(arg)
        if found is not None:
            return found, many
    return None, False


class _Located(Exception):
    """A problem at a field path; ``covers``, another path it also explains (the key a typo was meant to be)."""

    def __init__(self, message: str, loc: tuple[str | int, ...], covers: tuple[str | int, ...] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.loc = loc
        self.covers = covers


def check_keys(data: Any, model: type, path: tuple[str | int, ...] = (), found: list[_Located] | None = None) -> None:
    """Refuse every key the schema does not know, suggesting the nearest one (into ``found``, or raised)."""
    if not isinstance(data, dict):
        return
    problems: list[_Located] = [] if found is None else found
    known = _schema(model)
    for key, value in data.items():
        entry = known.get(key)
        if entry is None:
            hint = _nearest(str(key), known)
            where = _path(path)
            places = f" in [{where}]" if where else " at the top of the plan"
            suggestion = f"did you mean {hint!r}? " if hint else ""
            problems.append(
                _Located(
                    f"unknown key {_cut(repr(key))}{places}: {suggestion}known keys are {', '.join(sorted(known))}",
                    (*path, key),
                    covers=(*path, hint) if hint else None,
                )
            )
            continue
        inner, many = entry
        if inner is None:
            continue
        if many and isinstance(value, list):
            for i, item in enumerate(value):
                check_keys(item, inner, (*path, key, i), problems)
        elif not many:
            check_keys(value, inner, (*path, key), problems)
    if found is None and problems:
        raise problems[0]


def _path(loc: Iterable[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def current_tax_year_start(today: date | None = None) -> date:
    return TaxYear.containing(today or date.today()).start


def _fill_defaults(
    data: dict[str, Any], rates: RateBook, today: date | None, problems: list[_Located]
) -> list[Assumption]:
    """Fill in what the plan left out, on the raw data, and say what was assumed (and what was wrong, into
    ``problems``)."""
    notes: list[Assumption] = []

    def default(table: dict[str, Any], key: str, value: Any, field: str, text: str, url: str | None = None) -> None:
        if key not in table:
            table[key] = value
            notes.append(Assumption(field, text, url))

    assert rates.defaults is not None  # noqa: S101 - RateBook.check_complete guarantees it
    if "start" not in data:
        start = current_tax_year_start(today)
        default(
            data,
            "start",
            start,
            "start",
            f"The plan gives no start date: it starts on {start:%-d %B %Y}, the first day of the current tax year.",
        )
    start_value = data.get("start")
    try:
        start_date = _date(start_value)
    except ValueError:
        start_date = None
    if start_date is not None and not FIRST_PLAN_DATE <= start_date <= LAST_PLAN_DATE:
        problems.append(_Located(_out_of_range("start", start_date), ("start",)))
        start_date = None
    if "end" not in data and start_date is not None:
        end = add_months(start_date, 12) - timedelta(days=1)
        default(data, "end", end, "end", f"The plan gives no end date: it runs for a year, to {end:%-d %B %Y}.")
    default(data, "nation", "england", "nation", "The plan names no nation: bank holidays are England's.")
    if "name" not in data:
        data["name"] = "Care plan"

    employer = data.setdefault("employer", {})
    if isinstance(employer, dict):
        default(
            employer,
            "employment_allowance",
            True,
            "employer.employment_allowance",
            "The Employment Allowance is claimed (household employers of care and support workers may claim it).",
            EA_URL,
        )
        default(
            employer,
            "insurance",
            {"amount": Decimal(0), "per": "year"},
            "employer.insurance",
            "The plan gives no employer's liability insurance, so none is costed; an employer of PAs must insure "
            "(Employers' Liability (Compulsory Insurance) Act 1969), usually £100–£200 a year.",
            ELCI_URL,
        )
        default(
            employer,
            "payroll",
            {"amount": Decimal(0), "per": "year"},
            "employer.payroll",
            "The plan gives no payroll cost, so none is costed (many councils fund a payroll service).",
        )

    cover = data.setdefault("cover", {})
    if isinstance(cover, dict):
        default(
            cover,
            "by",
            "agency",
            "cover.by",
            "The plan does not say who covers holidays and sickness: an agency is assumed.",
        )
        if cover.get("by") == "agency" and "rate" not in cover:
            nation = str(data["nation"]) if data.get("nation") in NATIONS else "england"
            agency_rate, agency_text, agency_url = agency_default(nation, rates)
            default(cover, "rate", agency_rate, "cover.rate", agency_text, agency_url)

    sickness = data.setdefault("sickness", {})
    sick = rates.defaults.sick_days_per_year
    if isinstance(sickness, dict):
        default(
            sickness,
            "days_per_year",
            sick.value,
            "sickness.days_per_year",
            f"Each PA is expected to be off sick {sick.value} days a year, the UK average (ONS, 2024).",
            sick.source.url,
        )
        default(sickness, "spell_days", 1, "sickness.spell_days", "Sickness comes in one-day spells.")
        default(sickness, "pay", "statutory", "sickness.pay", "Sick pay is Statutory Sick Pay only.")

    holiday = rates.holiday
    assert holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
    pas = data.get("pa")
    if isinstance(pas, dict):
        pas = data["pa"] = [pas]
    if isinstance(pas, list):
        for i, pa in enumerate(pas):
            if not isinstance(pa, dict):
                continue
            who = pa.get("name") if isinstance(pa.get("name"), str) else f"PA {i + 1}"
            where = f"pa[{i}]"
            if "name" not in pa:
                pa["name"] = who
            if "age" in pa and "date_of_birth" in pa:
                problems.append(_Located("give either date_of_birth or age, not both", ("pa", i, "age")))
                del pa["age"]
            if "age" in pa:
                try:
                    age = _age(pa.pop("age"), ("pa", i, "age"))
                except _Located as problem:
                    problems.append(problem)
                    age = 30  # only so that the other checks can run: the plan is refused
                if start_date is not None:
                    pa["date_of_birth"] = add_months(start_date, -12 * age)
                    notes.append(
                        Assumption(
                            f"{where}.age",
                            f"{who} is taken to be {age} for the first year of the "
                            "plan (the plan gives an age, not a date of birth).",
                        )
                    )
            elif "date_of_birth" not in pa and start_date is not None:
                pa["date_of_birth"] = add_months(start_date, -12 * 30)
                notes.append(
                    Assumption(
                        f"{where}.age",
                        f"The plan gives no age for {who}: taken as 30 (this sets "
                        "their NI category, minimum wage and pension).",
                    )
                )
            if isinstance(pa.get("hourly_rate"), str) and _NAME.fullmatch(pa["hourly_rate"].strip().lower()):
                _read_named_rate(pa, i, str(data.get("nation")), start_date, rates, problems)
            default(pa, "pay_frequency", "monthly", f"{where}.pay_frequency", f"{who} is paid monthly.")
            default(
                pa,
                "holiday_weeks",
                holiday.statutory_weeks.value,
                f"{where}.holiday_weeks",
                f"{who} has the statutory {holiday.statutory_weeks.value} weeks' paid holiday a year.",
                (holiday.statutory_weeks.rule or holiday.statutory_weeks.source).url,
            )
            default(
                pa,
                "pension",
                "auto",
                f"{where}.pension",
                f"{who} is auto-enrolled in a workplace pension when eligible (the employer's duty).",
                TPR_URL,
            )
            if "hours_per_week" in pa and "days" not in pa:
                pa["days"] = ["mon", "tue", "wed", "thu", "fri"]
                notes.append(
                    Assumption(
                        f"{where}.days",
                        f"{who}'s {pa['hours_per_week']} hours a week are spread over Monday to Friday, from 09:00.",
                    )
                )
            elif "hours_per_week" in pa:
                notes.append(
                    Assumption(
                        f"{where}.days",
                        f"{who}'s {pa['hours_per_week']} hours a week are spread evenly over their days, from 09:00.",
                    )
                )
    return notes


_NAME = re.compile(r"[a-z][a-z-]*")


def _read_named_rate(
    pa: dict[str, Any], i: int, nation: str, start: date | None, rates: RateBook, problems: list[_Located]
) -> None:
    """A PA's ``hourly_rate`` given as a name (``"nlw"``): kept as ``named_rate``, with ``hourly_rate`` the rate
    at the plan's start (or a stand-in, when the plan is refused for a mistake said elsewhere)."""
    from pacost.statutory.named_rates import named_rate, named_rate_problem

    written = pa["hourly_rate"].strip()
    name = written.lower()
    pa["hourly_rate"] = Decimal(1)  # only so that the other checks can run, unless the rate is found below
    problem = named_rate_problem(name, nation, written)
    if problem is not None:
        problems.append(_Located(problem, ("pa", i, "hourly_rate")))
        return
    pa["named_rate"] = name
    try:
        born = _date(pa.get("date_of_birth"))
    except ValueError:
        return  # said by the check of date_of_birth
    if start is not None:
        try:
            pa["hourly_rate"] = named_rate(name, born, start, rates).hourly
        except PacostError as exc:
            problems.append(_Located(exc.message, ("pa", i, "hourly_rate")))


def agency_default(nation: str, rates: RateBook) -> tuple[Decimal, str, str]:
    """The agency rate a plan in ``nation`` is costed at when it gives none, the sentence that says so, and the
    figure's source."""
    assert rates.defaults is not None  # noqa: S101 - RateBook.check_complete guarantees it
    used, own = rates.defaults.agency_rate_for(nation)
    where = Nation(used.nation).display_name
    text = (
        f"Agency cover is charged at £{used.value} an hour, the Homecare Association's Minimum Price for Homecare "
        f"in {where}, {used.year}"
    )
    if own is not None and own is not used:
        text += (
            f" (its latest for {Nation(own.nation).display_name}, £{own.value} for {own.year}, is older, so "
            f"{where}'s is used)"
        )
    elif own is None and nation != used.nation:
        text += f" (pacost has no figure of its own for {Nation(nation).display_name})"
    return used.value, text + ".", used.source.url


def read_age(value: Any) -> int:
    """An age in whole years from 16 to 100 (a number, or text holding one), or ``ValueError`` saying so."""
    if isinstance(value, Decimal) and value.is_finite() and abs(value) < 1000 and value == value.to_integral_value():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 16 <= value <= 100:
        raise ValueError(f"expected an age in whole years from 16 to 100, got {_shown(value)}")
    return value


def _age(value: Any, loc: tuple[str | int, ...]) -> int:
    try:
        return read_age(value)
    except ValueError as exc:
        raise _Located(str(exc), loc) from None


def _out_of_range(field: str, when: date) -> str:
    return (
        f"the plan's {field} date {when} is outside the years pacost can cost ({FIRST_PLAN_DATE.year} to "
        f"{LAST_PLAN_DATE.year}): check the year"
    )


#: The youngest age at which a PA's employment may have begun (a date before is taken as a mistake in the year).
MIN_EMPLOYMENT_AGE = 13


def _check_plan(plan: Plan, today: date | None, ages_given: set[int]) -> Iterator[_Located]:
    """Checks across fields, each problem found. ``ages_given``: the PAs whose date of birth was worked out from
    an age."""
    if plan.end < plan.start:
        yield _Located(f"the plan ends ({plan.end}) before it starts ({plan.start})", ("end",))
    elif plan.end >= add_months(plan.start, 12 * MAX_PLAN_YEARS):
        yield _Located(
            f"the plan runs from {plan.start} to {plan.end}, more than {MAX_PLAN_YEARS} years: cost one year at a "
            "time (statutory rates change every April)",
            ("end",),
        )
    elif plan.end > LAST_PLAN_DATE:
        yield _Located(_out_of_range("end", plan.end), ("end",))
    names = [pa.name for pa in plan.pa]
    for i, pa in enumerate(plan.pa):
        if names.index(pa.name) != i:
            yield _Located(f"two PAs are called {pa.name!r}: give each PA a different name", ("pa", i, "name"))
        born = pa.date_of_birth
        # A date of birth worked out from an age is relative to the plan start, which may be years ahead.
        latest = plan.start if i in ages_given else min(plan.start, today or date.today())
        age = (plan.start.year - born.year) - ((plan.start.month, plan.start.day) < (born.month, born.day))
        if born > latest:
            yield _Located(f"{pa.name}'s date of birth {born} is in the future", ("pa", i, "date_of_birth"))
        elif not 16 <= age <= 100:
            yield _Located(
                f"{pa.name} would be {age} at the plan start: a PA must be 16 to 100", ("pa", i, "date_of_birth")
            )
        since = pa.employed_since
        if since is not None and since > plan.start:
            yield _Located(
                f"{pa.name} is employed from {since}, after the plan starts ({plan.start}): pacost costs each PA "
                "from the plan's start, so give a date on or before it",
                ("pa", i, "employed_since"),
            )
        elif since is not None and since < add_months(born, 12 * MIN_EMPLOYMENT_AGE):
            yield _Located(
                f"{pa.name} is employed from {since}, before they were {MIN_EMPLOYMENT_AGE} (born {born}): check "
                "the year",
                ("pa", i, "employed_since"),
            )
        summary = [h for h in (pa.hours_per_week, pa.weekend_hours_per_week, pa.night_hours_per_week) if h]
        if sum(summary, Decimal(0)) > MAX_HOURS_PER_WEEK:
            yield _Located(
                f"{pa.name}'s rota adds up to {sum(summary, Decimal(0))} hours a week, more than the "
                f"{MAX_HOURS_PER_WEEK} hours in a week (the council's funded hours may be more, for two PAs at "
                "once, but one person's rota cannot)",
                ("pa", i, "hours_per_week"),
            )
        if pa.hours_per_week is not None and pa.days is not None:
            per_day = pa.hours_per_week / len(pa.days)
            if per_day > 24:
                yield _Located(
                    f"{pa.hours_per_week} hours a week over {len(pa.days)} day(s) is {per_day:.1f} hours a day, more "
                    "than 24",
                    ("pa", i, "hours_per_week"),
                )
        for k, shift in enumerate(pa.shift):
            if shift.repeat is not None and next(shift.pattern().dates(plan.start, plan.end), None) is None:
                yield _Located(
                    f"the rule {_cut(shift.repeat)} never falls between the plan's start ({plan.start}) and end "
                    f"({plan.end}): check it",
                    ("pa", i, "shift", k, "repeat"),
                )
        yield from _check_overlaps(pa, i)
        yield from _check_repeat_overlaps(pa, i, plan.start)
    ending = plan.contingency.ending
    if ending is not None and not plan.start <= ending <= plan.end:
        yield _Located(
            f"the employment is taken to end on {ending}, outside the plan ({plan.start} to {plan.end}): give a "
            "date the plan covers",
            ("contingency", "ending"),
        )
    commitment = plan.budget.pay_commitment
    if commitment == "scottish-care-floor" and plan.nation != Nation.SCOTLAND:
        yield _Located(
            f"scottish-care-floor is Scotland's minimum for adult social care: this plan is in {plan.nation.value}",
            ("budget", "pay_commitment"),
        )
    if plan.contingency.funded and plan.contingency.reserve is None:
        yield _Located(
            'funded = true needs a reserve to fund: add reserve = "liabilities", "8 weeks" or an amount',
            ("contingency", "funded"),
        )
    if plan.cover.by == "pa" and plan.cover.pa not in names:
        yield _Located(
            f"cover is by PA {plan.cover.pa!r}, but no PA has that name (the PAs are {', '.join(names)})",
            ("cover", "pa"),
        )
    elif plan.cover.by == "pa" and len(plan.pa) == 1:
        yield _Located("cover by a PA needs a second PA: the only PA cannot cover their own absence", ("cover", "by"))


def _check_overlaps(pa: PA, index: int) -> Iterator[_Located]:
    """Two of one PA's weekly shifts that overlap in time (``_check_repeat_overlaps`` checks ``repeat`` rules)."""
    week = 7 * 1440
    spans: list[tuple[int, int, int]] = []
    for k, shift in enumerate(pa.shift):
        if shift.days is None:
            continue
        begin = int(minute_of(shift.start))
        length = int(shift_length(shift.start, shift.end))
        for day in shift.days:
            start = WEEKDAYS.index(day) * 1440 + begin
            spans.append((start, start + length, k))
    spans.sort()
    for a in range(len(spans)):
        for b in range(len(spans)):
            if a == b:
                continue
            s1, e1, k1 = spans[a]
            s2, _e2, k2 = spans[b]
            for later in (0, 1):  # the second shift in the same week as the first, or in the week after
                if s1 <= s2 + later * week < e1 and _same_week(pa.shift[k1], pa.shift[k2], later):
                    day = DAY_TITLES[(s2 % week) // 1440]
                    first, second = min(k1, k2), max(k1, k2)
                    yield _Located(
                        f"{pa.name}'s shifts {first} and {second} overlap on {day}s: one person cannot work two "
                        "shifts at once",
                        ("pa", index, "shift", second),
                    )
                    return  # one overlap a PA is enough to say


def _same_week(first: Shift, second: Shift, later: int) -> bool:
    """Whether ``second`` can fall ``later`` weeks after a week that has ``first``: for some week n of the plan,
    n is ``first``'s week of its cycle and n + later is ``second``'s."""
    return (first.week - 1 + later - (second.week - 1)) % math.gcd(first.every, second.every) == 0


def _check_repeat_overlaps(pa: PA, index: int, start: date) -> Iterator[_Located]:
    """Two of one PA's shifts that overlap in their first eight weeks, when any of them repeats by a rule."""
    if not any(shift.repeat is not None for shift in pa.shift):
        return
    horizon = start + timedelta(weeks=8, days=-1)
    spans: list[tuple[int, int, int, date]] = []
    for k, shift in enumerate(pa.shift):
        pattern = shift.pattern()
        begin, length = int(pattern.start_minute), int(pattern.length_minutes)
        for day in pattern.dates(start, horizon):
            at = (day - start).days * 1440 + begin
            spans.append((at, at + length, k, day))
    spans.sort()
    for (_, end, k1, _), (at, _, k2, day) in itertools.pairwise(spans):
        if at < end:
            yield _Located(
                f"{pa.name}'s shifts {min(k1, k2)} and {max(k1, k2)} overlap on {day:%A %-d %B %Y}: one person "
                "cannot work two shifts at once",
                ("pa", index, "shift", max(k1, k2)),
            )
            return


def plan_from_dict(
    data: Mapping[str, Any],
    *,
    source: str = "<plan>",
    text: str | None = None,
    fmt: Literal["toml", "json"] = "toml",
    rates: RateBook | None = None,
    today: date | None = None,
    owned: bool = False,
) -> tuple[Plan, list[Assumption]]:
    """Check raw plan data, fill its defaults and validate it; every problem found is raised at once (one
    ``PacostError`` carrying them all). ``text``, the file the data was read from (in ``fmt``), lets each problem
    give its line. The data is copied first (defaults are filled in on it) unless the caller ``owned`` it and will
    not reuse it."""
    rates = rates or bundled_rates()
    raw = data if owned and isinstance(data, dict) else _copy(data)
    pas = raw.get("pa") if isinstance(raw, dict) else None
    pas = [pas] if isinstance(pas, dict) else pas
    ages_given = (
        {i for i, pa in enumerate(pas) if isinstance(pa, dict) and "age" in pa} if isinstance(pas, list) else set()
    )
    problems: list[_Located] = []
    check_keys(raw, Plan, (), problems)
    assumptions = _fill_defaults(raw, rates, today, problems)
    plan: Plan | None = None
    try:
        plan = validator(Plan).validate_python(raw)
    except ValidationError as exc:
        # An unknown key is said once (with the nearest known key, which is then not also "missing"), and nor is
        # a date of birth worked out from an age that could not be.
        said = {problem.loc for problem in problems} | {("pa", i, "date_of_birth") for i in ages_given}
        said |= {problem.covers for problem in problems if problem.covers is not None}
        problems.extend(_from_validation(exc, said))
    if plan is not None and not problems:
        problems.extend(_check_plan(plan, today, ages_given))
    if problems:
        raise _plan_error(problems, source, text, fmt)
    assert plan is not None  # noqa: S101 - no problems means pydantic made the plan
    return plan, assumptions


def _plan_error(problems: list[_Located], source: str, text: str | None, fmt: Literal["toml", "json"]) -> PacostError:
    """One error for every problem, each with its line when the text is known, in the order of the file."""
    lines = _json_key_lines(text) if text is not None and fmt == "json" else None
    errors = []
    for problem in problems:
        line = None
        if text is not None:
            line = _toml_line(text, problem.loc) if lines is None else _json_line(lines, problem.loc)
        errors.append(PacostError(problem.message, source=source, location=_path(problem.loc), line=line))
    errors.sort(key=lambda error: error.line if error.line is not None else 0)
    return PacostError.several(errors)


def _copy(data: Any) -> Any:
    """A deep copy of plain data (tables and lists; the values themselves are immutable)."""
    kind = type(data)
    if kind is dict or (kind is not list and isinstance(data, Mapping)):
        return {k: _copy(v) for k, v in data.items()}
    if kind is list:
        return [_copy(v) for v in data]
    return data


HINTS = {
    "budget": "add a [budget] table with amount and per",
    "amount": "give the amount, e.g. amount = 520.00",
    "per": "say how often: week, fortnight, 4-weeks, month, year or period",
    "pa": "add at least one [[pa]] with a name, an hourly_rate and a rota",
    "hourly_rate": "give the PA's hourly rate, e.g. hourly_rate = 13.00",
    "start": 'give the shift\'s start time, e.g. start = "08:00"',
    "end": 'give the end time, e.g. end = "11:00"',
    "name": "give a name",
}


def _from_validation(exc: ValidationError, said: set[tuple[str | int, ...]]) -> list[_Located]:
    """Each of pydantic's problems in plain words, one a field (the first pydantic gives), leaving out those at
    ``said`` (already reported otherwise)."""
    found: dict[tuple[str | int, ...], _Located] = {}
    for error in exc.errors():
        loc = tuple(error["loc"])
        if loc in said or loc in found:
            continue
        kind = error["type"]
        if kind == "missing":
            field = str(loc[-1]) if loc else ""
            message = f"is missing: {HINTS.get(field, 'this field is required')}"
        elif kind == "too_short" and loc == ("pa",):
            message = f"has no PAs: {HINTS['pa']}"
        elif kind in ("model_type", "model_attributes_type", "dict_type", "dataclass_type", "dataclass_args_type"):
            message = 'should be a table of settings, such as { amount = 140, per = "year" }'
        elif kind == "list_type":
            message = "should be a list ([...] or [[...]] tables)"
        else:
            message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        found[loc] = _Located(message, loc)
    return list(found.values())


#: The tokens of a JSON text that matter for finding lines: strings, punctuation, other values, and line ends.
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+|\n')


def _json_places(text: str) -> Iterator[tuple[tuple[str | int, ...], int, bool]]:
    """Each key (and each list item) of a JSON text: its field path, its line, and whether it is a key."""
    line = 1
    # Each open object or list: its path, whether it is a list, its current key or index, and (for an object)
    # whether a key comes next.
    frames: list[list[Any]] = []
    for piece in _JSON_TOKEN.findall(text):
        if piece == "\n":
            line += 1
            continue
        top = frames[-1] if frames else None
        if piece == ",":
            if top is not None and top[1]:
                top[2] += 1
            elif top is not None:
                top[3] = True
            continue
        if piece == ":":
            continue
        if piece in ("}", "]"):
            if frames:
                frames.pop()
            continue
        if top is not None and not top[1] and top[3]:  # a key
            try:
                key = json.loads(piece)
            except ValueError:
                key = piece
            top[2], top[3] = key, False
            yield (*top[0], key), line, True
            continue
        here: tuple[str | int, ...] = () if top is None else (*top[0], top[2])
        if top is not None and top[1]:
            yield here, line, False
        if piece == "{":
            frames.append([here, False, None, True])
        elif piece == "[":
            frames.append([here, True, 0, False])


def _json_key_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """The line on which each key (and each list item) of a JSON text is given, by its field path."""
    found: dict[tuple[str | int, ...], int] = {}
    for path, line, _ in _json_places(text):
        found.setdefault(path, line)
    return found


def _repeated_json_key(text: str) -> tuple[tuple[str | int, ...], int] | None:
    """The first key a JSON text gives twice in one object, and the line of its second time."""
    seen: set[tuple[str | int, ...]] = set()
    for path, line, is_key in _json_places(text):
        if is_key and path in seen:
            return path, line
        seen.add(path)
    return None


def _json_line(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of the longest part of ``loc`` that the JSON text gives."""
    for length in range(len(loc), 0, -1):
        found = lines.get(loc[:length])
        if found is not None:
            return found
    return None


def _toml_line(text: str, loc: tuple[str | int, ...]) -> int | None:
    """The line of a TOML plan that best matches a field path: the longest prefix of ``loc`` given on a line."""
    table: tuple[str | int, ...] = ()
    counters: dict[tuple[str | int, ...], int] = {}
    best: tuple[int, int] | None = None  # (matched length, line)
    header = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?")
    key_line = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*[.=]")
    for number, line in enumerate(text.splitlines(), start=1):
        found = header.match(line)
        if found:
            names = [p.strip().strip('"') for p in found[2].split(".")]
            path: tuple[str | int, ...] = ()
            for k, part in enumerate(names):
                path = (*path, part)
                is_array_leaf = found[1] == "[[" and k == len(names) - 1
                if is_array_leaf:
                    counters[path] = counters.get(path, -1) + 1
                    for other in list(counters):
                        if len(other) > len(path) and other[: len(path)] == path:
                            del counters[other]
                    path = (*path, counters[path])
                elif path in counters:
                    path = (*path, counters[path])
            table = path
            full = table
        else:
            key = key_line.match(line)
            if not key:
                continue
            full = (*table, key[1].strip('"'))
        matched = 0
        for a, b in zip(full, loc, strict=False):
            if a != b:
                break
            matched += 1
        if matched == len(full) and matched and (best is None or matched > best[0]):
            best = (matched, number)
    return best[1] if best else None


def parse_plan(
    text: str,
    *,
    source: str,
    fmt: Literal["toml", "json"] | None = None,
    overrides: Sequence[str] = (),
    rates: RateBook | None = None,
    today: date | None = None,
    sha256: str | None = None,
    scenario: str | None = None,
    option: str = "--set",
) -> LoadedPlan:
    """A plan from its text, with ``overrides`` applied (``scenario``: their name); ``sha256`` is the fingerprint of
    the bytes it was read from (by default, of the text in UTF-8) — of the file as written, whatever the changes."""
    fmt = fmt or plan_format(source, text)
    data = parse_text(text, fmt, source)
    if overrides:
        from pacost.overrides import apply_overrides

        data = apply_overrides(data, overrides, source, option)
    try:
        plan, assumptions = plan_from_dict(
            data, source=source, text=None if overrides else text, fmt=fmt, rates=rates, today=today
        )
    except RecursionError:  # tables within tables hundreds deep, which the reader took but checking them cannot
        raise _too_deep(source) from None
    digest = sha256 or sha256_hex(text.encode("utf-8"))
    return LoadedPlan(plan, assumptions, source, digest, tuple(overrides), scenario)


def load_plan(
    path: Path | str,
    *,
    overrides: Sequence[str] = (),
    rates: RateBook | None = None,
    today: date | None = None,
    scenario: str | None = None,
    option: str = "--set",
) -> LoadedPlan:
    """Read a plan file (``-`` for standard input), with ``overrides`` applied (``scenario``: their name; ``option``:
    where they were written, for a message about a mistake in one)."""
    path = Path(path)
    source = "<stdin>" if str(path) == "-" else str(path)
    data = read_plan_bytes(path)
    text = decode_plan(data, source)
    return parse_plan(
        text,
        source=source,
        overrides=overrides,
        rates=rates,
        today=today,
        sha256=sha256_hex(data),
        scenario=scenario,
        option=option,
    )


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """A plan as plain JSON-ready data (money as strings, dates and times ISO); ``plan_from_dict`` reads it back
    to an equal plan."""
    raw: dict[str, Any] = _jsonable(_dump(plan))
    return raw


def _dump(part: Any) -> dict[str, Any]:
    """A part's fields under the keys a plan file uses, those left empty (None) out."""
    out: dict[str, Any] = {}
    for info in fields(part):
        value = getattr(part, info.name)
        if value is None:
            continue
        if _is_part(type(value)):
            value = _dump(value)
        elif isinstance(value, list):
            value = [_dump(item) if _is_part(type(item)) else item for item in value]
        out[field_key(type(part), info.name)] = value
    if "named_rate" in out:  # a PA paid a named rate: the file says it as the hourly rate
        out["hourly_rate"] = out.pop("named_rate")
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Nation):
        return value.value
    return value


__all__ = [
    "PA",
    "Assumption",
    "Budget",
    "Cover",
    "Employer",
    "LoadedPlan",
    "Plan",
    "Shift",
    "Sickness",
    "load_plan",
    "parse_plan",
    "plan_from_dict",
    "plan_to_dict",
]


# ----------------------------------------------------------------------------------------------------------------
# The plan file's JSON Schema, for programs that write plans (``pacost schema``)


def plan_json_schema(rates: RateBook | None = None) -> dict[str, Any]:
    """The plan file's JSON Schema (draft 2020-12): pydantic's schema of ``Plan``, with the keys pacost fills in
    when a plan leaves them out no longer required (found by filling in bare plans, so that it cannot drift from
    what pacost does), ``age`` beside ``date_of_birth``, and times written as the plan file writes them."""
    from pydantic import TypeAdapter

    schema: dict[str, Any] = TypeAdapter(Plan).json_schema()
    defs: dict[str, Any] = schema.get("$defs", {})
    rates = rates or bundled_rates()
    bare_plans: list[dict[str, Any]] = [
        {"budget": {}, "pa": [{"hours_per_week": 1}]},
        {"budget": {}, "employer": {}, "cover": {}, "sickness": {}, "pa": [{"hours_per_week": 1}]},
    ]
    for bare in bare_plans:
        filled = _copy(bare)
        _fill_defaults(filled, rates, None, [])
        _not_required(schema, defs, Plan, bare, filled)
    defs["PA"]["properties"]["age"] = {
        "type": "integer",
        "minimum": 16,
        "maximum": 100,
        "description": "The PA's age in whole years at the plan's start: give it or date_of_birth, not both.",
    }
    from pacost.statutory.named_rates import NAMED_RATES

    del defs["PA"]["properties"]["named_rate"]
    defs["PA"]["properties"]["hourly_rate"] = {
        "anyOf": [
            defs["PA"]["properties"]["hourly_rate"],
            {"enum": list(NAMED_RATES), "description": "A named rate, as it stands at the start of each pay period."},
        ]
    }
    _plan_times(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "pacost plan",
        "description": "A care plan for pacost: the PAs, their pay and rota, the dates and the council's budget.",
    }


def _not_required(schema: dict[str, Any], defs: dict[str, Any], model: type, bare: Any, filled: Any) -> None:
    """Take off ``schema``'s required list each key that filling in ``bare`` added, in it and in its parts."""
    if not isinstance(filled, dict) or not isinstance(bare, dict):
        return
    added = set(filled) - set(bare)
    schema["required"] = [key for key in schema.get("required", []) if key not in added]
    if not schema["required"]:
        del schema["required"]
    for key, value in filled.items():
        inner, many = _schema(model).get(key, (None, False))
        if inner is None or inner.__name__ not in defs:
            continue
        before = bare.get(key, {} if not many else [{}])
        if many and isinstance(value, list) and value and isinstance(before, list) and before:
            _not_required(defs[inner.__name__], defs, inner, before[0], value[0])
        elif not many:
            _not_required(defs[inner.__name__], defs, inner, before, value)


def _plan_times(node: Any) -> None:
    """Times as a plan writes them ("09:00"), not JSON Schema's "time" format (which needs seconds and a zone)."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            del node["format"]
            node["pattern"] = TIME_PATTERN.pattern
            if isinstance(node.get("default"), str):
                node["default"] = node["default"][:5]
        for value in node.values():
            _plan_times(value)
    elif isinstance(node, list):
        for value in node:
            _plan_times(value)
