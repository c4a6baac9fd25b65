"""The advocacy report as Markdown, for pasting into an email or a letter: the same sections as the HTML form
(``pacost.render.report_html``), with the chart given as its table. Its wording and layout are the package's
template ``pacost/templates/report.md.j2`` (``pacost.render.templates``), which escapes every value from a plan."""

from __future__ import annotations

from pacost.render.report import Report
from pacost.render.templates import render


def render_report_markdown(report: Report) -> str:
    return render("report.md.j2", r=report)
