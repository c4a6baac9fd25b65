"""The letter to the council (``pacost report PLAN --letter``): from the person or their advocate, with
placeholders for names and the council's reference, the verdict, the ask, what the numbers say and the law for the
plan's nation, and the report as its enclosure — as HTML (printable on one or two A4 pages) or Markdown.

Its words and layout are in the package's templates (``pacost/templates/letter.html.j2`` and ``letter.md.j2``),
filled from the report's content (``pacost.render.report.Report``): no figure is worked out here. HTML is rendered
with autoescaping on, so every value, the plan's words included, is escaped; the Markdown template escapes each
value it takes from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from pacost.render.report import Report
from pacost.render.templates import render


@dataclass(frozen=True)
class Letter:
    """A letter to the council, made from the report it encloses."""

    report: Report


def letter_of(report: Report) -> Letter:
    return Letter(report)


def render_letter_html(letter: Letter) -> str:
    return render("letter.html.j2", r=letter.report)


def render_letter_markdown(letter: Letter) -> str:
    return render("letter.md.j2", r=letter.report)
