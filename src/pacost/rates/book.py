"""The rate book: every statutory figure pacost knows, read from the data files and looked up by date.

``load_rates`` reads the bundled files under ``data/`` (shipped inside the package as ``pacost/data``) and any
``--rates FILE`` a user adds, validating each with the models in ``pacost.rates.models``; ``bundled_rates`` does
so once per process. A ``RateBook`` answers "which figures are in force on this date": the tax year's, or, for a
date past the last tax year known, the latest figures carried forward (``RateBook.carried_forward`` tells a caller
when that happened so it can say so, cost model §10). It also owns the caches that the engine keeps of what it works
out from the figures, so that they live exactly as long as the figures they come from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pacost.dates import TaxYear
from pacost.errors import PacostError
from pacost.rates.models import (
    Defaults,
    HolidayRules,
    MinimumWage,
    NiRates,
    NoticeRules,
    PayFloors,
    PensionRates,
    RedundancyRules,
    SspRates,
    StatePensionAge,
    WorkingTime,
)
from pacost.validation import validator

if TYPE_CHECKING:
    from pacost.rates.files import MinimumWageFile, RulesFile, TaxYearFile

# --------------------------------------------------------------------------------------------------------------
# Reading files

_M = TypeVar("_M")
_V = TypeVar("_V")


def _resolve_sources(node: Any, sources: Mapping[str, Any], path: str, filename: str) -> Any:
    """Replace every ``source = "id"`` by the entry ``[sources.id]`` of the same file."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            where = f"{path}.{key}" if path else key
            if key in ("source", "rule") and isinstance(value, str):
                if value not in sources:
                    known = ", ".join(sorted(sources)) or "none"
                    raise PacostError(
                        f"source {value!r} is not in this file's [sources] table (known: {known})",
                        source=filename,
                        location=where,
                    )
                out[key] = sources[value]
            else:
                out[key] = _resolve_sources(value, sources, where, filename)
        return out
    if isinstance(node, list):
        return [_resolve_sources(item, sources, f"{path}[{i}]", filename) for i, item in enumerate(node)]
    return node


def _location(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_toml(text: str, filename: str) -> dict[str, Any]:
    """Parse TOML, turning a syntax error into a located PacostError."""
    import tomllib  # only reading the data files needs it, not the snapshot

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        message = getattr(exc, "msg", str(exc))
        raise PacostError(f"not valid TOML ({message})", source=filename, line=line, column=column) from None


def _parse(model: type[_M], text: str, filename: str) -> _M:
    from pydantic_core import ValidationError

    raw = read_toml(text, filename)
    sources = raw.pop("sources", {})
    if not isinstance(sources, dict):
        raise PacostError("[sources] must be a table of {title, url}", source=filename, location="sources")
    resolved = _resolve_sources(raw, sources, "", filename)
    try:
        parsed: _M = validator(model).validate_python(resolved)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        raise PacostError(message, source=filename, location=_location(first["loc"])) from None
    return parsed


# --------------------------------------------------------------------------------------------------------------
# The rate book


class Memo(dict[Any, Any]):
    """A cache the rate book owns for what is worked out from its figures. It forgets everything when it reaches
    its limit, so a long batch run's memory stays flat, and whenever a figure is added to the book."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: Any, value: _V) -> _V:
        """Remember ``value`` under ``key`` (after forgetting everything, if the cache is full) and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


class InForce(NamedTuple):
    """Which figures apply on a day: the tax year it falls in (each has its own Employment Allowance), the tax year
    whose figures are used (the same one, or the latest known, carried forward), and which of that year's employer
    NI rates is in force (2022-23 had two). Two days with the same ``InForce`` have the same figures."""

    tax_year: int
    figures_year: int
    ni_rate: int


@dataclass(eq=False)
class RateBook:
    """Every statutory figure pacost knows, indexed for lookup by date."""

    ni: dict[int, NiRates] = field(default_factory=dict)
    ssp: dict[int, SspRates] = field(default_factory=dict)
    pension: dict[int, PensionRates] = field(default_factory=dict)
    minimum_wage: list[MinimumWage] = field(default_factory=list)
    holiday: HolidayRules | None = None
    working_time: WorkingTime | None = None
    state_pension_age: StatePensionAge | None = None
    defaults: Defaults | None = None
    pay_floors: PayFloors | None = None
    redundancy: RedundancyRules | None = None
    notice: NoticeRules | None = None
    files: list[str] = field(default_factory=list)
    _memos: dict[str, Memo] = field(default_factory=dict, repr=False)

    def memo(self, name: str, limit: int = 4_096) -> Memo:
        """The cache called ``name``, made on first use: each caller names its own (``"pay-period grids"``)."""
        found = self._memos.get(name)
        if found is None:
            found = self._memos[name] = Memo(limit)
        return found

    def _changed(self) -> None:
        for memo in self._memos.values():
            memo.clear()

    def __getstate__(self) -> dict[str, Any]:
        """The figures, without the caches (a snapshot keeps only the figures)."""
        state = dict(self.__dict__)
        state["_memos"] = {}
        return state

    # ---- lookups -------------------------------------------------------------------------------------------

    @property
    def tax_years(self) -> list[TaxYear]:
        """Tax years with a full set of figures (NI, SSP and pension)."""
        return list(self._tax_years())

    def _tax_years(self) -> tuple[TaxYear, ...]:
        memo = self.memo("tax years", 1)
        found: tuple[TaxYear, ...] | None = memo.get(None)
        if found is None:
            years = set(self.ni) & set(self.ssp) & set(self.pension)
            found = memo.put(None, tuple(TaxYear(y) for y in sorted(years)))
        return found

    @property
    def first_year(self) -> TaxYear:
        return self._tax_years()[0]

    @property
    def last_year(self) -> TaxYear:
        return self._tax_years()[-1]

    def figures_year(self, day: date) -> TaxYear:
        """The tax year whose figures apply to ``day``: its own, or the latest known when it is later."""
        memo = self.memo("figures year by date", 8_192)
        found: TaxYear | None = memo.get(day)
        if found is None:
            found = memo.put(day, self._figures_year(day))
        return found

    def _figures_year(self, day: date) -> TaxYear:
        year = TaxYear.containing(day)
        if year < self.first_year:
            raise PacostError(
                f"pacost has no statutory figures before the {self.first_year} tax year "
                f"(it starts {self.first_year.start:%-d %B %Y}); {day:%-d %B %Y} is earlier",
            )
        return min(year, self.last_year)

    def in_force(self, day: date) -> InForce:
        """Which figures apply on ``day`` (see ``InForce``)."""
        memo = self.memo("figures in force by date", 8_192)
        found: InForce | None = memo.get(day)
        if found is None:
            figures = self.figures_year(day).start_year
            found = memo.put(
                day, InForce(TaxYear.containing(day).start_year, figures, self.ni[figures].rate_index_on(day))
            )
        return found

    def carried_forward(self, day: date) -> bool:
        """True when ``day`` is past the last tax year known, so the latest figures are carried forward."""
        return TaxYear.containing(day) > self.last_year

    def ni_for(self, day: date) -> NiRates:
        return self.ni[self.figures_year(day).start_year]

    def ssp_for(self, day: date) -> SspRates:
        return self.ssp[self.figures_year(day).start_year]

    def pension_for(self, day: date) -> PensionRates:
        return self.pension[self.figures_year(day).start_year]

    def minimum_wage_for(self, day: date) -> MinimumWage:
        """The minimum wage bands in force on ``day`` (the latest known carried forward)."""
        current: MinimumWage | None = None
        for entry in self.minimum_wage:
            if entry.effective <= day:
                current = entry
        if current is None:
            first = self.minimum_wage[0].effective
            raise PacostError(f"pacost has no minimum wage figures before {first:%-d %B %Y}")
        return current

    def minimum_wage_carried_forward(self, day: date) -> bool:
        """True when ``day`` is a year or more past the last minimum wage uprating known."""
        last = self.minimum_wage[-1].effective
        return day >= date(last.year + 1, last.month, last.day)

    # ---- building ------------------------------------------------------------------------------------------

    def add_tax_year_file(self, parsed: TaxYearFile, filename: str) -> None:
        self._changed()
        try:
            year = TaxYear.parse(parsed.tax_year)
        except ValueError as exc:
            raise PacostError(str(exc), source=filename, location="tax_year") from None
        if parsed.ni is not None:
            starts = parsed.ni.employer_rate[0].from_date
            if starts != year.start:
                raise PacostError(
                    f"the first employer rate must start on {year.start} (the start of {year}), got {starts}",
                    source=filename,
                    location="ni.employer_rate[0].from",
                )
            self.ni[year.start_year] = parsed.ni
        if parsed.ssp is not None:
            self.ssp[year.start_year] = parsed.ssp
        if parsed.pension is not None:
            self.pension[year.start_year] = parsed.pension
        self.files.append(filename)

    def add_minimum_wage_file(self, parsed: MinimumWageFile, filename: str) -> None:
        self._changed()
        self.minimum_wage = [m for m in self.minimum_wage if m.effective != parsed.minimum_wage.effective]
        self.minimum_wage.append(parsed.minimum_wage)
        self.minimum_wage.sort(key=lambda m: m.effective)
        self.files.append(filename)

    def add_rules_file(self, parsed: RulesFile, filename: str) -> None:
        self._changed()
        if parsed.holiday is not None:
            self.holiday = parsed.holiday
        if parsed.working_time is not None:
            self.working_time = parsed.working_time
        if parsed.state_pension_age is not None:
            self.state_pension_age = parsed.state_pension_age
        if parsed.defaults is not None:
            self.defaults = parsed.defaults
        if parsed.pay_floors is not None:
            self.pay_floors = parsed.pay_floors
        if parsed.redundancy is not None:
            self.redundancy = parsed.redundancy
        if parsed.notice is not None:
            self.notice = parsed.notice
        self.files.append(filename)

    def add_file(self, text: str, filename: str) -> None:
        """Add one data file, of whichever kind its top-level keys say it is."""
        from pacost.rates.files import MinimumWageFile, RulesFile, TaxYearFile

        self._changed()
        raw_keys = set(read_toml(text, filename)) - {"sources"}
        if "tax_year" in raw_keys:
            self.add_tax_year_file(_parse(TaxYearFile, text, filename), filename)
        elif "minimum_wage" in raw_keys:
            self.add_minimum_wage_file(_parse(MinimumWageFile, text, filename), filename)
        elif raw_keys & {
            "holiday",
            "working_time",
            "state_pension_age",
            "defaults",
            "pay_floors",
            "redundancy",
            "notice",
        }:
            self.add_rules_file(_parse(RulesFile, text, filename), filename)
        else:
            raise PacostError(
                "a rates file needs tax_year (with [ni], [ssp] or [pension]), [minimum_wage], [holiday], "
                "[working_time], [state_pension_age], [defaults], [pay_floors], [redundancy] or [notice]",
                source=filename,
            )

    def check_complete(self) -> None:
        """Check the book has what every calculation needs, with no gap between tax years."""
        years = self.tax_years
        if not years:
            raise PacostError("no tax year has NI, SSP and pension figures")
        for kind, table in (("ni", self.ni), ("ssp", self.ssp), ("pension", self.pension)):
            span = range(years[0].start_year, years[-1].start_year + 1)
            missing = [str(TaxYear(y)) for y in span if y not in table]
            if missing:
                raise PacostError(f"{kind} figures are missing for {', '.join(missing)}")
        if not self.minimum_wage:
            raise PacostError("no minimum wage figures")
        rules = (
            self.holiday,
            self.working_time,
            self.state_pension_age,
            self.defaults,
            self.pay_floors,
            self.redundancy,
            self.notice,
        )
        if any(part is None for part in rules):
            raise PacostError(
                "holiday.toml, working_time.toml, state_pension_age.toml, defaults.toml, pay_floors.toml and "
                "employment_ending.toml are required"
            )


def data_dir() -> Path:
    """Where the bundled figures are: inside the installed package, or ``data/`` beside ``src/`` in a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def _bundled_files() -> list[Path]:
    root = data_dir()
    if not root.is_dir():
        raise PacostError(f"the bundled rates data is missing (looked in {root}); reinstall pacost")
    # calendar/ holds the bank holiday table, read by pacost.statutory.bank_holidays, not a rates file.
    return sorted(p for p in root.rglob("*.toml") if p.is_file() and p.parent.name != "calendar")


def load_rates(extra: Iterable[Path] = ()) -> RateBook:
    """Load the bundled figures, then any user files (``--rates FILE``) that add or override a year."""
    book = RateBook()
    root = data_dir()
    for path in _bundled_files():
        book.add_file(path.read_text(encoding="utf-8"), str(path.relative_to(root.parent)))
    from pacost.files import decode_text, read_bytes

    for path in extra:
        text = decode_text(read_bytes(path, what="a rates file"), str(path), what="rates file")
        book.add_file(text, str(path))
    book.check_complete()
    return book


@cache
def bundled_rates() -> RateBook:
    """The bundled figures, once per process: from the package's snapshot (``pacost.snapshot``) when it has one,
    else read and validated from ``data/`` now."""
    from pacost.snapshot import snapshot_rates

    return snapshot_rates() or load_rates()
