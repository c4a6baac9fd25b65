"""The one error type pacost raises for anything a user can fix, carrying where it happened and what to do.

Raised anywhere in the core; rendered once at the command-line edge as
``plan.toml: pa[0].hourly_rate: must be a positive amount, got "-3"``, to stderr, with exit code 1. A plan with
several problems raises one error that carries them all (``also``): each is shown on its own line, up to
``MAX_SHOWN``, then how many more there are.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The most problems shown at once; the rest are counted ("and 4 more problems").
MAX_SHOWN = 20


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
        also: Sequence[PacostError] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.location = location
        self.line = line
        self.column = column
        self.also = list(also)

    @classmethod
    def several(cls, problems: Sequence[PacostError]) -> PacostError:
        """One error carrying every problem found (the first of them, with the rest in ``also``)."""
        first, *rest = problems
        first.also = [*first.also, *rest]
        return first

    @property
    def problems(self) -> list[PacostError]:
        """Every problem this error stands for: itself, then the others found with it."""
        return [self, *self.also]

    def with_source(self, source: str) -> PacostError:
        """Return this error with the file name filled in, if it was not known where it was raised."""
        for problem in self.problems:
            if problem.source is None:
                problem.source = source
        return self

    def lines(self) -> list[str]:
        """Each problem as a line of its own, at most ``MAX_SHOWN``, then a count of the rest."""
        shown = [problem.where_and_what() for problem in self.problems[:MAX_SHOWN]]
        hidden = len(self.problems) - len(shown)
        if hidden:
            shown.append(f"and {hidden} more problem{'s' if hidden > 1 else ''}: fix these and run again to see them")
        return shown

    def one_line(self) -> str:
        """Every problem on one line, for a row of a table."""
        return "; ".join(self.lines())

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def where_and_what(self) -> str:
        """This problem alone: its file, line, field and message."""
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
