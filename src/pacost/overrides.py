"""Changes to a plan for one run, as people write them on the command line (``--set``, and each setting of a
``pacost compare --with`` scenario or a ``pacost sweep --vary`` value), applied to the plan's raw data before it is
read, so that a changed plan is checked exactly as a written one.

A setting is ``KEY=VALUE`` or ``KEY+=VALUE``:

- ``KEY`` is a path of keys and list places: ``budget.amount``, ``pa.0.hourly_rate`` (PAs counted from 0),
  ``pa.Maria.hourly_rate`` (a PA by name, any case), ``pa.*.hourly_rate`` (every PA);
- ``VALUE`` is read as TOML reads a value (a number, ``true``, a date, a list, an inline table), else as text; a
  value that starts with ``+`` or ``-`` changes the number already there: ``+0.50``, ``-2``, ``+5%`` (a percentage is
  rounded to two decimal places, the penny for an amount);
- ``+=`` adds to a list: ``pa.0.shift+={days = ["sat"], start = "10:00", end = "13:00"}``.

Nothing here knows what the keys mean; the plan reader checks the result and names the key of any mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from pacost.errors import PacostError

_RELATIVE = re.compile(r"([+-])\s*(\d+(?:\.\d+)?)\s*(%?)")
_HUNDREDTHS = Decimal("0.01")


def split_settings(text: str) -> list[str]:
    """Settings written together (``"cover.by=agency, cover.rate=28"``), split at the commas between them — not at
    a comma inside brackets, braces or quotes (``days=["mon", "tue"]``)."""
    settings: list[str] = []
    depth = 0
    quote: str | None = None
    start = 0
    for i, char in enumerate(text):
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 0:
            settings.append(text[start:i].strip())
            start = i + 1
    settings.append(text[start:].strip())
    return [setting for setting in settings if setting]


def _value(raw: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(f"v = {raw}", parse_float=Decimal)["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal | float):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip().lstrip("£"))
        except InvalidOperation:
            return None
    return None


def _changed(setting: str, key: str, old: Any, raw: str) -> Any:
    """The new value for ``KEY=VALUE``: the value itself, or the number there changed by it."""
    relative = _RELATIVE.fullmatch(raw)
    if relative is None:
        return _value(raw)
    sign, amount, percent = relative.groups()
    current = _number(old)
    if current is None:
        given = "gives no value" if old is None else f"gives {old!r}, not a number,"
        raise PacostError(
            f"{setting}: the plan {given} for {key}, so it cannot be changed by {raw}; give the new value instead"
        )
    change = Decimal(amount) if sign == "+" else -Decimal(amount)
    if percent:
        return (current * (1 + change / 100)).quantize(_HUNDREDTHS, rounding=ROUND_HALF_UP)
    return current + change


def _pa_places(setting: str, pas: list[Any], part: str) -> list[int]:
    """Which PAs ``part`` names: ``*`` (all), a place counted from 0, or a name."""
    if part == "*":
        return list(range(len(pas)))
    if part.isdigit():
        if int(part) >= len(pas):
            raise PacostError(f"{setting}: the plan has {len(pas)} PA(s), counted from 0; there is no pa.{part}")
        return [int(part)]
    wanted = part.strip().casefold()
    found = [i for i, pa in enumerate(pas) if isinstance(pa, dict) and str(pa.get("name", "")).casefold() == wanted]
    if not found:
        names = ", ".join(str(pa.get("name")) for pa in pas if isinstance(pa, dict) and "name" in pa) or "none named"
        raise PacostError(f"{setting}: no PA is called {part!r} (the PAs: {names}); or give their place, as pa.0")
    return found


def _apply(setting: str, key: str, node: Any, parts: Sequence[str], raw: str, append: bool, pas: bool = False) -> None:
    """Apply the setting at ``parts`` below ``node`` (``pas``: ``node`` is the plan's list of PAs)."""
    part, rest = parts[0], parts[1:]
    above = key.split(".")[: len(key.split(".")) - len(parts)]
    if isinstance(node, list):
        if pas:
            places = _pa_places(setting, node, part)
        elif part.isdigit() and int(part) < len(node):
            places = [int(part)]
        else:
            raise PacostError(f"{setting}: {part!r} is not one of the {len(node)} entries (counting from 0)")
        for place in places:
            if rest:
                _apply(setting, key, node[place], rest, raw, append)
            else:
                node[place] = _set(setting, key, node[place], raw, append)
        return
    if not isinstance(node, dict):
        raise PacostError(f"{setting}: {'.'.join(above)} is a single value, not a table")
    if not rest:
        node[part] = _set(setting, key, node.get(part), raw, append)
        return
    if part == "pa" and isinstance(node.get("pa"), dict):
        node["pa"] = [node["pa"]]  # a plan with one PA written as a table
    child = node.setdefault(part, [] if part == "pa" else {})
    _apply(setting, key, child, rest, raw, append, pas=part == "pa")


def _set(setting: str, key: str, old: Any, raw: str, append: bool) -> Any:
    if not append:
        return _changed(setting, key, old, raw)
    added = _value(raw)
    if old is None:
        return [added]
    if not isinstance(old, list):
        raise PacostError(f"{setting}: {key} is a single value, not a list to add to; use = to replace it")
    return [*old, added]


def apply_overrides(
    data: dict[str, Any], overrides: Iterable[str], source: str, option: str = "--set"
) -> dict[str, Any]:
    """Apply each setting to the plan's raw data, in order (so a later one sees an earlier one's change); a mistake
    is a ``PacostError`` naming the ``option`` it came from and the setting."""
    for setting in overrides:
        key, sep, raw_value = setting.partition("=")
        append = key.endswith("+")
        key = key.removesuffix("+").strip()
        if not sep or not key:
            raise PacostError(
                f"{option} {setting!r}: write a change as KEY=VALUE, e.g. pa.0.hourly_rate=14 or budget.amount=+5%",
                source=source,
            )
        parts = [p for p in re.split(r"\.", key) if p]
        try:
            _apply(setting, key, data, parts, raw_value.strip(), append)
        except PacostError as exc:
            raise PacostError(f"{option} {exc}", source=source) from None
    return data
