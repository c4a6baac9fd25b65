"""Money: the one place that builds Decimals and rounds them.

Every amount in pacost is a ``decimal.Decimal``; no float ever touches money. Each rounding helper is named for
the rule it applies and cites it. Nothing here knows about plans, PAs or the terminal.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

PENNY = Decimal("0.01")
ZERO = Decimal("0")
FOUR_PLACES = Decimal("0.0001")

#: The largest amount pacost accepts anywhere (a thousand million pounds): beyond it a figure is a typo.
MAX_AMOUNT = Decimal("1000000000")


class AmountError(ValueError):
    """A value that cannot be read as an exact amount of money."""


#: Thousands written with commas, as in 1,950.00 or 12,000.
_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d*)?")
#: Pence after a comma, as much of Europe writes them: 520,00, 4,4 or 1.250,00.
_DECIMAL_COMMA = re.compile(r"-?(\d+|\d{1,3}(\.\d{3})+),\d{1,2}")


def amount_text(text: str) -> str:
    """An amount as a person writes it (``£1,950.00``, ``1 950.00``, ``13.5``) as Decimal reads it (``1950.00``).

    A pound sign, spaces and commas between thousands are dropped. A comma before the pence (``520,00``) is refused
    rather than dropped (which would read £52,000), and so is any other comma."""
    plain = text.strip().removeprefix("£").replace(" ", "").replace("\u00a0", "")
    if "," not in plain:
        return plain
    if _THOUSANDS.fullmatch(plain):
        return plain.replace(",", "")
    if _DECIMAL_COMMA.fullmatch(plain):
        whole, _, pence = plain.rpartition(",")
        raise AmountError(f"use a full stop for pence: {whole.replace('.', '')}.{pence}, not {text.strip()}")
    raise AmountError(f"expected an amount such as 1,950.00 (commas only between thousands), got {text.strip()!r}")


def to_decimal(value: object) -> Decimal:
    """Read an exact decimal from a string, int or Decimal.

    Floats are refused: ``0.1`` as a float is not 0.1, and money must be exact. Numbers written in a TOML or
    JSON plan are read as strings by the plan reader before they get here.
    """
    if isinstance(value, str):
        return _text_to_decimal(value)
    if isinstance(value, bool):
        raise AmountError(f"expected an amount, got {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    else:
        raise AmountError(f"expected an amount such as 12.50, got {value!r}")
    return _within_limits(result, value)


@lru_cache(maxsize=4_096)
def _text_to_decimal(value: str) -> Decimal:
    """``to_decimal`` of a text, remembered: the same amounts are written again and again (rates, hours, budgets),
    and a Decimal never changes. (An amount refused raises, and is not remembered.)"""
    text = amount_text(value)
    try:
        result = Decimal(text)
    except InvalidOperation:
        raise AmountError(f"expected an amount such as 12.50, got {value!r}") from None
    return _within_limits(result, value)


def _within_limits(result: Decimal, value: object) -> Decimal:
    if not result.is_finite():
        raise AmountError(f"expected a finite amount, got {value!r}")
    if result.adjusted() > MAX_AMOUNT.adjusted() or abs(result) > MAX_AMOUNT:  # 1e999999999 first: abs would overflow
        raise AmountError(f"amount {value!r} is too large to be real (the limit is {MAX_AMOUNT:,})")
    return result


def round_ni(amount: Decimal) -> Decimal:
    """Round a National Insurance contribution to the penny, HMRC's way.

    SS(C)R 2001 reg 12(1): contributions "shall be calculated to the nearest penny and any amount of a halfpenny
    or less shall be disregarded" — so £50.155 is £50.15 and £50.156 is £50.16.
    https://www.legislation.gov.uk/uksi/2001/1004/regulation/12
    """
    return amount.quantize(PENNY, ROUND_HALF_DOWN)


def round_penny(amount: Decimal) -> Decimal:
    """Round to the nearest penny, a half penny up: the ordinary rule for a reported amount or a pension
    contribution (no statute prescribes otherwise; most pension schemes round this way)."""
    return amount.quantize(PENNY, ROUND_HALF_UP)


def round_up_penny(amount: Decimal) -> Decimal:
    """Round up to the next penny: HMRC's rule for an SSP payment made of daily rates ("round up to the
    nearest penny" in the SSP manual's worked examples; GOV.UK's SSP calculator does the same)."""
    return amount.quantize(PENNY, ROUND_CEILING)


def truncate_4dp(amount: Decimal) -> Decimal:
    """Cut to four decimal places without rounding: HMRC's SSP daily rate (weekly rate ÷ qualifying days)."""
    return amount.quantize(FOUR_PLACES, ROUND_DOWN)


def money_str(amount: Decimal) -> str:
    """Format an amount as a plain two-decimal string, e.g. ``"1234.50"`` (the JSON and CSV form)."""
    return str(round_penny(amount))


def pounds(amount: Decimal) -> str:
    """Format an amount for people: ``£1,234.50`` or ``-£12.00``."""
    value = round_penny(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}£{abs(value):,.2f}"


def percent(share: Decimal) -> str:
    """A share written as a percentage the way people write it: 0.1207 is "12.07%", 0.03 is "3%"."""
    text = f"{share * 100:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + "%"
