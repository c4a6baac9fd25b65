"""How pacost checks data against its dataclasses — a plan file, a rates file — with pydantic, which reads their
annotations, yet without importing pydantic when a command starts.

- ``Check(function)`` in an ``Annotated`` field runs pacost's own reading of a value (an amount written
  ``"£13.50"``, a time written ``"08:00"``) before the type's own check; ``MinLength(n)`` refuses a shorter list.
  Both tell pydantic what they do through ``__get_pydantic_core_schema__``, so the dataclasses import no pydantic.
- ``STRICT`` is the configuration every checked dataclass carries (``__pydantic_config__``): unknown keys refused,
  and keys that are Python words (``from``, ``to``) read into fields named otherwise (``ALIASES``).
- ``validator(cls)`` is the pydantic-core validator for a dataclass: the one built with the package and kept in its
  snapshot (``pacost.snapshot``) when there is one, so that a command does not wait for pydantic to build it; or
  else built by pydantic now (the first time in a process, which takes a tenth of a second or so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema, SchemaValidator

#: Field names a data file spells as a Python word: the key each is read from.
ALIASES = {"from_date": "from", "start": "from", "end": "to"}


class _Aliases:
    """The key a field is read from: its alias among ``names``, or its own name."""

    __slots__ = ("names",)

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def __call__(self, name: str) -> str:
        return self.names.get(name, name)


class Check:
    """``Annotated[T, Check(read)]``: ``read`` turns the raw value into a ``T`` (or raises ``ValueError`` saying what
    was expected) before pydantic checks it is one."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.function, handler(source))


class MinLength:
    """``Annotated[list[T], MinLength(n)]``: at least ``n`` items."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema: dict[str, Any] = dict(handler(source))
        schema["min_length"] = self.length
        return schema


def strict(*aliased: str) -> dict[str, Any]:
    """The configuration of a checked dataclass: unknown keys refused; ``aliased`` fields read from the key
    ``ALIASES`` gives (or from their own name)."""
    config: dict[str, Any] = {"extra": "forbid"}
    if aliased:
        config |= {"alias_generator": _Aliases({name: ALIASES[name] for name in aliased}), "validate_by_name": True}
    return config


STRICT = strict()


_VALIDATORS: dict[type, SchemaValidator] = {}  # built or read once per process


def validator(cls: type) -> SchemaValidator:
    """The pydantic-core validator of a checked dataclass (from the package's snapshot when it has one)."""
    found = _VALIDATORS.get(cls)
    if found is None:
        from pacost.snapshot import snapshot_validator

        found = _VALIDATORS[cls] = snapshot_validator(cls) or build_validator(cls)
    return found


def build_validator(cls: type) -> SchemaValidator:
    """Build the validator with pydantic, from ``validation_schema``."""
    from pydantic_core import SchemaValidator

    return SchemaValidator(validation_schema(cls))


def validation_schema(cls: type) -> Any:
    """The core schema pydantic generates for ``cls`` (what the snapshot keeps), less what only serialising and
    JSON Schema use (which a snapshot could not keep)."""
    from pydantic import TypeAdapter

    return _for_validation(TypeAdapter(cls).core_schema)


def _for_validation(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _for_validation(value) for key, value in node.items() if key not in ("metadata", "serialization")}
    if isinstance(node, list):
        return [_for_validation(value) for value in node]
    return node
