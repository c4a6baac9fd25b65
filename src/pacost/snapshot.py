"""The package's snapshot: what a command needs that takes long to build, built once with the package.

- the bundled rate book, every file under ``data/`` read and checked, and the bank holidays kept there;
- the pydantic-core schemas of the plan file's and the rates files' dataclasses (``pacost.validation``), from
  which their validators are built in a fraction of a millisecond;
- the keys each table of a plan file may hold (``pacost.plan.key_tables``), for the check of unknown keys.

The build (``hatch_build.py``, when the wheel is built) writes ``snapshot.pickle`` beside this module; a command
then starts without reading 50 files or waiting for pydantic to build its validators. Without a snapshot (an
editable install, a checkout run from ``src/``), or with one made by another version of pydantic-core, everything
is built when first needed instead, with the same result. A test checks the installed snapshot against a fresh
reading of ``data/``.

The snapshot is pacost's own file inside its own package, never anything a user gives it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

try:  # the C reader ``pickle`` itself uses: importing ``pickle`` would add about 1.5 ms to every command's start
    from _pickle import loads
except ImportError:  # a Python without it
    from pickle import loads

if TYPE_CHECKING:
    from pydantic_core import SchemaValidator

    from pacost.rates.book import RateBook

SNAPSHOT = Path(__file__).with_name("snapshot.pickle")
FORMAT = 4


def _key(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def checked_classes() -> list[type]:
    """The dataclasses whose validators the snapshot keeps: the plan file and each kind of rates file."""
    from pacost.plan import Plan
    from pacost.rates.files import MinimumWageFile, RulesFile, TaxYearFile

    return [Plan, TaxYearFile, MinimumWageFile, RulesFile]


def build_snapshot() -> bytes:
    """The snapshot's contents, built now from ``data/`` and the dataclasses."""
    import pickle

    import pydantic_core

    from pacost.plan import key_tables
    from pacost.rates.book import load_rates
    from pacost.statutory.bank_holidays import read_table
    from pacost.validation import validation_schema

    contents = {
        "format": FORMAT,
        "pydantic_core": pydantic_core.__version__,
        "rates": load_rates(),
        "bank_holidays": read_table(),
        # Each validator's schema pickled on its own, and read when first asked for: a plan's run reads only the
        # plan's.
        "validators": {_key(cls): pickle.dumps(validation_schema(cls)) for cls in checked_classes()},
        "key_tables": key_tables(),
    }
    return pickle.dumps(contents, protocol=pickle.HIGHEST_PROTOCOL)


@cache
def _contents() -> dict[str, Any] | None:
    if not SNAPSHOT.is_file():
        return None
    import pydantic_core

    try:
        contents: dict[str, Any] = loads(SNAPSHOT.read_bytes())  # noqa: S301 - the package's own file
    except Exception:  # a snapshot that cannot be read is rebuilt, not trusted
        return None
    if contents.get("format") != FORMAT or contents.get("pydantic_core") != pydantic_core.__version__:
        return None
    return contents


def snapshot_rates() -> RateBook | None:
    """The bundled rate book, as the package was built with it (None without a snapshot)."""
    contents = _contents()
    if contents is None:
        return None
    # A fresh book around the kept figures: an object read back from a pickle keeps its attributes in a dict that
    # Python reads more slowly than a new object's, and the book is read at every step of a costing.
    rates: RateBook = replace(contents["rates"])
    return rates


def freshen(rates: RateBook) -> None:
    """Give each of the book's figures a new attribute dict, as a new object has (for a long run, which reads them
    millions of times: the millisecond this takes is not worth it for one costing)."""
    _fresh_dicts(rates, set())


def _fresh_dicts(node: Any, seen: set[int]) -> None:
    """Give every object reachable from ``node`` a new copy of its attribute dict (once each)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, dict):
        for value in node.values():
            _fresh_dicts(value, seen)
    elif isinstance(node, list | tuple):
        for value in node:
            _fresh_dicts(value, seen)
    elif hasattr(node, "__dict__") and not isinstance(node, type | Enum):
        attributes = node.__dict__
        object.__setattr__(node, "__dict__", dict(attributes))
        for value in attributes.values():
            _fresh_dicts(value, seen)


def snapshot_bank_holidays() -> dict[str, dict[int, dict[date, str]]] | None:
    """The bank holidays kept in ``data/calendar/``, as the package was built with them (None without a
    snapshot)."""
    contents = _contents()
    table: dict[str, dict[int, dict[date, str]]] | None = None if contents is None else contents["bank_holidays"]
    return table


def snapshot_key_tables() -> dict[type, dict[str, tuple[type | None, bool]]] | None:
    """The keys of each table of a plan file, as the package was built with them (None without a snapshot)."""
    contents = _contents()
    if contents is None:
        return None
    tables: dict[type, dict[str, tuple[type | None, bool]]] = contents["key_tables"]
    return tables


def snapshot_validator(cls: type) -> SchemaValidator | None:
    """The validator of ``cls`` kept in the snapshot (None without one)."""
    contents = _contents()
    if contents is None:
        return None
    kept = contents["validators"].get(_key(cls))
    if kept is None:
        return None
    return read_validator(kept)


def read_validator(kept: bytes) -> SchemaValidator:
    """A validator from the schema the snapshot keeps for it."""
    from pydantic_core import SchemaValidator

    # Built from the schema with its names interned, as they are when pydantic builds it in the process: the
    # objects it makes then keep their fields under the very strings the code reads them by (a validator read back
    # whole from a pickle names them with copies, and every attribute read of a plan is slower for it).
    return SchemaValidator(_interned(loads(kept)))  # noqa: S301 - the package's own file


def _interned(node: Any) -> Any:
    """The schema with every string in it interned (``sys.intern``)."""
    if type(node) is str:  # (not an enumeration's member, which is a string too)
        return intern(node)
    if isinstance(node, dict):
        return {intern(key) if type(key) is str else key: _interned(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_interned(value) for value in node]
    return node
