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
from functools import cache
from typing import TYPE_CHECKING

from pacost.render.report import Report
from pacost.safe_text import markdown_code, markdown_text, shown

if TYPE_CHECKING:
    from jinja2 import Environment


@dataclass(frozen=True)
class Letter:
    """A letter to the council, made from the report it encloses."""

    report: Report


def letter_of(report: Report) -> Letter:
    return Letter(report)


@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    # HTML templates are autoescaped; the Markdown ones escape each value with ``|md`` instead.
    env = Environment(
        loader=PackageLoader("pacost", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["shown"] = shown
    env.filters["code"] = markdown_code
    return env


def render_letter_html(letter: Letter) -> str:
    return _environment().get_template("letter.html.j2").render(r=letter.report)


def render_letter_markdown(letter: Letter) -> str:
    return _environment().get_template("letter.md.j2").render(r=letter.report)
