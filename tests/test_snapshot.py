"""The package's snapshot (``pacost.snapshot``): the bundled rate book, the bank holidays and the validators that a
command loads instead of building them, checked against a fresh reading of ``data/`` and fresh validators."""

from __future__ import annotations

import pickle
import sys
import tomllib
from pathlib import Path
from typing import Any

from pacost import snapshot
from pacost.plan import Plan, _fill_defaults, key_tables
from pacost.rates import RateBook, load_rates
from pacost.statutory.bank_holidays import read_table
from pacost.validation import build_validator

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FIGURES = ("ni", "ssp", "pension", "minimum_wage", "holiday", "working_time", "state_pension_age", "defaults")


def figures(book: RateBook) -> dict[str, Any]:
    return {name: getattr(book, name) for name in FIGURES}


def check(contents: dict[str, Any]) -> None:
    fresh = load_rates()
    assert figures(contents["rates"]) == figures(fresh)
    assert contents["bank_holidays"] == read_table()
    assert contents["key_tables"] == key_tables()
    # The kept validators read every example plan (its defaults filled in) exactly as freshly built ones do.
    kept = snapshot.read_validator(contents["validators"]["pacost.plan.Plan"])
    built = build_validator(Plan)
    for path in sorted(EXAMPLES.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        _fill_defaults(raw, fresh, None, [])
        plan = kept.validate_python(raw)
        assert plan == built.validate_python(raw), path.name
        # The plan's fields are kept under the interned names the code reads them by, as a validator built in
        # the process keeps them (each attribute read is slower when they are copies).
        for name in plan.__dict__:
            assert name is sys.intern(name), (path.name, name)


def test_a_snapshot_built_now_holds_what_data_holds() -> None:
    contents = pickle.loads(snapshot.build_snapshot())  # noqa: S301 - built by this test
    assert contents["format"] == snapshot.FORMAT
    check(contents)


def test_the_installed_snapshot_is_up_to_date() -> None:
    """An installed package carries the snapshot its build wrote; it must hold what data/ holds now (an editable
    install has none, and builds everything when first needed)."""
    if not snapshot.SNAPSHOT.is_file():
        assert snapshot.snapshot_rates() is None
        return
    contents = pickle.loads(snapshot.SNAPSHOT.read_bytes())  # noqa: S301 - the package's own file
    check(contents)
    assert snapshot.snapshot_rates() is not None


def test_freshened_figures_are_the_same_figures() -> None:
    """A batch run gives the snapshot's figures new attribute dicts (``snapshot.freshen``): the figures must not
    change, and each object must keep its own dict."""
    book = pickle.loads(pickle.dumps(load_rates()))  # noqa: S301 - made by this test
    before = figures(pickle.loads(pickle.dumps(book)))  # noqa: S301 - made by this test
    ssp = next(iter(book.ssp.values()))
    snapshot.freshen(book)
    assert figures(book) == before
    assert next(iter(book.ssp.values())) is ssp  # the same objects, with new dicts
