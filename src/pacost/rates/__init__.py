"""The statutory figures: their file format (``models``), the rate book that reads them and looks them up by date
(``book``), and their rows for display (``table``). The rules that use the figures live in ``pacost.statutory``."""

from pacost.rates.book import InForce, Memo, RateBook, bundled_rates, data_dir, load_rates, read_toml
from pacost.rates.models import (
    DatedFigure,
    Defaults,
    Figure,
    HolidayRules,
    MinimumWage,
    NiRates,
    PensionRates,
    PeriodFigure,
    Source,
    SspRates,
    StatePensionAge,
)

__all__ = [
    "DatedFigure",
    "Defaults",
    "Figure",
    "HolidayRules",
    "InForce",
    "Memo",
    "MinimumWage",
    "NiRates",
    "PensionRates",
    "PeriodFigure",
    "RateBook",
    "Source",
    "SspRates",
    "StatePensionAge",
    "bundled_rates",
    "data_dir",
    "load_rates",
    "read_toml",
]
