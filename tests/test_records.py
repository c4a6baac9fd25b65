"""``@record`` behaves as ``@dataclass(frozen=True, kw_only=True)`` does: fixed fields, equality and hash field by
field, keyword-only construction with defaults, factories and ``__post_init__``, ``replace``, pickling, and
pydantic's checking."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import time
from decimal import Decimal

import pytest

from pacost.plan import PA, Budget, Enhancements, OtherCost, Shift
from pacost.records import record
from pacost.validation import validator


@record
class _Point:
    """A record for the tests."""

    x: int
    y: int = 0
    note: str = dataclasses.field(default="", compare=False)


def test_fields_cannot_be_changed_added_or_deleted() -> None:
    point = _Point(x=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.z = 3  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.y
    assert (point.x, point.y) == (1, 0)


def test_keyword_only_and_as_the_standard_dataclass_in_equality_hash_and_repr() -> None:
    with pytest.raises(TypeError):
        _Point(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="'x'"):
        _Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="'z'"):
        _Point(x=1, z=2)  # type: ignore[call-arg]
    assert _Point(x=1, y=2, note="a") == _Point(x=1, y=2, note="b")  # ``compare=False`` is left out
    assert _Point(x=1, y=2) != _Point(x=1, y=3)
    assert hash(_Point(x=1, y=2)) == hash(_Point(x=1, y=2, note="c"))
    same_values: object = (1, 0)
    assert _Point(x=1) != same_values
    assert repr(_Point(x=1, y=2, note="n")) == "_Point(x=1, y=2, note='n')"
    assert dataclasses.replace(_Point(x=1), y=5) == _Point(x=5 - 4, y=5)


def test_inherited_fields_and_pickling() -> None:
    cost = OtherCost(amount=Decimal("12.50"), per="month", name="DBS check")
    assert [f.name for f in dataclasses.fields(cost)] == ["amount", "per", "name"]
    assert pickle.loads(pickle.dumps(cost)) == cost  # noqa: S301 - its own bytes
    budget: object = Budget(amount=Decimal("12.50"), per="month")
    assert cost != budget  # the same values in another kind of record


def test_defaults_factories_and_post_init() -> None:
    shift = Shift(days=["mon"], start=time(9), end=time(12))
    assert (shift.every, shift.kind, shift.flat) == (1, "waking", None)
    assert PA.__dataclass_fields__["shift"].default_factory is list
    with pytest.raises(ValueError, match="no length"):  # Shift.__post_init__
        Shift(days=["mon"], start=time(9), end=time(9))


def test_pydantic_makes_records_that_stay_fixed() -> None:
    made = validator(Enhancements).validate_python({"night": "1.5"})
    assert made == Enhancements(night=Decimal("1.5"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.night = Decimal(2)
