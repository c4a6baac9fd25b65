"""``@record``: the frozen, keyword-only dataclass that a plan file and the rates files are read into.

``@record`` makes what ``@dataclass(frozen=True, kw_only=True)`` makes — a dataclass whose fields are given by
name (with their defaults and default factories, then ``__post_init__``), whose instances cannot be changed
(assigning or deleting an attribute raises ``FrozenInstanceError``), and which compare equal and hash alike field by
field — and type checkers see exactly that (``dataclass_transform``). The difference is only in the making: the
standard decorator writes and compiles six methods for every class, which made the 27 classes of the plan and the
rates a fifth of the time a command took to start; a record's methods are written once, here, and shared by every
record, and only the list of its fields is worked out per class.

pydantic checks a record as it checks any dataclass (it fills the fields itself, without ``__init__``). Beside it,
``tuple_of``: a named tuple made in a hot loop. Nothing else lives here.
"""

from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_Class = TypeVar("_Class", bound=type)

#: ``tuple_of(Shape, (hours, flat, ...))``: a named tuple from all its fields in order, without the Python call that
#: its generated ``__new__`` makes (a third of the time it takes to make one) — for the engine's hot loops only.
tuple_of = tuple.__new__


def _init(self: Any, **given: Any) -> None:
    """Each field from its keyword, else its default, else its default factory; then ``__post_init__``."""
    values = self.__dict__
    for name, default, factory in self._record_fields:
        if name in given:
            values[name] = given.pop(name)
        elif default is not MISSING:
            values[name] = default
        elif factory is not MISSING:
            values[name] = factory()
        else:
            raise TypeError(f"{self.__class__.__qualname__}() missing the keyword argument {name!r}")
    if given:
        raise TypeError(f"{self.__class__.__qualname__}() got an unexpected keyword argument {next(iter(given))!r}")
    if self._record_post_init:
        self.__post_init__()


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self._record_values(self) == self._record_values(other)


def _hash(self: Any) -> int:
    return hash(self._record_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getter(names: list[str]) -> Any:
    """A function giving the tuple of ``names``' values of an instance (``attrgetter`` gives a bare value for one)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda instance: (one(instance),)
    return lambda instance: ()


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    """The frozen, keyword-only dataclass of ``cls`` (see the module's docstring)."""
    made: Any = dataclass(init=False, repr=False, eq=False)(cls)
    every = fields(made)
    made._record_fields = tuple((f.name, f.default, f.default_factory) for f in every)
    made._record_post_init = hasattr(made, "__post_init__")
    made._record_values = staticmethod(_getter([f.name for f in every if f.compare]))
    made.__init__ = _init
    made.__eq__ = _eq
    made.__hash__ = _hash
    made.__repr__ = _repr
    made.__setattr__ = _setattr
    made.__delattr__ = _delattr
    return cls  # the same class, made a dataclass in place
