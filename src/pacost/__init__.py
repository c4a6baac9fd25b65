"""pacost: the true cost of employing personal assistants, set against a council's direct payment.

The package is a library first: ``pacost.rates`` loads the statutory figures, ``pacost.statutory`` holds the
per-period rules a payroll clerk applies (employer NI, Employment Allowance, auto-enrolment, minimum wage, SSP,
bank holidays). The command line lives in ``pacost.cli`` and is the only place that prints.
"""

#: The one place the version is written; the build reads it from here (pyproject.toml: [tool.hatch.version]).
__version__ = "0.1.0"
