"""The package's snapshot: what a command needs that takes long to build, built once with the package.

- the bundled rate book, every file under ``data/`` read and checked, and the bank holidays kept there;
- the pydantic-core validators of the plan file's and the rates files' dataclasses (``pacost.validation``);
- the keys each table of a plan file may hold (``pacost.plan.key_tables``), for the check of unknown keys.

The build (``hatch_build.py``, when the wheel is built) writes ``snapshot.pickle`` beside this module; a command
then starts without reading 50 files or waiting for pydantic to build its validators. Without a snapshot (an
editable install, a checkout run from ``src/``), or with one made by another version of pydantic-core, everything
is built when first needed instead, with the same result. A test checks the installed snapshot against a fresh
reading of ``data/``.

The snapshot is pacost's own file inside its own package, never anything a user gives it.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # the C reader ``pickle`` itself uses: importing ``pickle`` would add about 1.5 ms to every command's start
    from _pickle import loads
except ImportError:  # a Python without it
    from pickle import loads

if TYPE_CHECKING:
    from pydantic_core import SchemaValidator

    from pacost.rates.book import RateBook

SNAPSHOT = Path(__file__).with_name("snapshot.pickle")
FORMAT = 3


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
    from pacost.validation import build_validator

    contents = {
        "format": FORMAT,
        "pydantic_core": pydantic_core.__version__,
        "rates": load_rates(),
        "bank_holidays": read_table(),
        # Each validator pickled on its own, and read when first asked for: a plan's run reads only the plan's.
        "validators": {_key(cls): pickle.dumps(build_validator(cls)) for cls in checked_classes()},
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
    rates: RateBook | None = None if contents is None else contents["rates"]
    return rates


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
    found: SchemaValidator = loads(kept)  # noqa: S301 - the package's own file
    return found
