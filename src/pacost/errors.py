"""The one error type pacost raises for anything a user can fix, carrying where it happened and what to do.

Raised anywhere in the core; rendered once at the command-line edge as
``plan.toml: pa[0].hourly_rate: must be a positive amount, got "-3"``, to stderr, with exit code 1.
"""

from __future__ import annotations


class PacostError(Exception):
    """A problem in a plan, a rates file or an input that the user can act on.

    ``source`` is the file (or ``<stdin>``), ``location`` the field path (``pa[0].hourly_rate``) and/or
    ``line:column`` where the format gives them, ``message`` says what was wrong and what is expected.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        location: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.location = location
        self.line = line
        self.column = column

    def with_source(self, source: str) -> PacostError:
        """Return this error with the file name filled in, if it was not known where it was raised."""
        if self.source is None:
            self.source = source
        return self

    def __str__(self) -> str:
        parts: list[str] = []
        if self.source:
            where = self.source
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            parts.append(where)
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.location:
            parts.append(self.location)
        parts.append(self.message)
        return ": ".join(parts)
