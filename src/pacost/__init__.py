"""pacost: the true cost of employing personal assistants, set against a council's direct payment.

The package is a library first: ``pacost.rates`` loads the statutory figures, ``pacost.statutory`` holds the
per-period rules a payroll clerk applies (employer NI, Employment Allowance, auto-enrolment, minimum wage, SSP,
bank holidays). The command line lives in ``pacost.cli`` and is the only place that prints.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pacost")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
