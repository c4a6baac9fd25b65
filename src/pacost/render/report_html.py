"""The advocacy report as one self-contained HTML file: styles and the chart inline, nothing fetched. Its wording
and layout are the package's template ``pacost/templates/report.html.j2`` (autoescaped); the chart (SVG) and the
styles are drawn here.

Readable on a phone (one column; the wide tables stack into labelled rows on a narrow screen), printable to A4 in
black and white (a print stylesheet; headings kept with what follows; the chart and list items not split across
pages), and accessible: semantic headings and tables, the chart an ``<svg role="img">`` with a title and
description, each part drawn with its own pattern and named in the table beside it, so no meaning rests on colour
alone. Text colours pass WCAG AA contrast on white (the lightest text colour, #3d3d3d, is about 11:1).

Every amount comes from the ``Report`` (and so from the one ``CostResult``); amounts in tables also carry their
exact value in a ``data-value`` attribute, the same string as ``pacost cost --format json``.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape as html_escape

from pacost.money import pounds
from pacost.render.report import Report
from pacost.render.templates import render
from pacost.safe_text import shown

# ----------------------------------------------------------------------------------------------------------------
# The chart: two horizontal bars, the budget and the true cost stacked by part, the gap marked.

# (background colour, pattern drawing) for each part: distinct in colour *and* in pattern, so that a black-and-white
# print or a reader who cannot tell the colours apart still sees the parts.
_PATTERNS: dict[str, tuple[str, str]] = {
    "wages": ("#1d3f6e", ""),
    "holiday_pay": ("#a6cee3", '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#08306b" stroke-width="1.5"/>'),
    "cover": (
        "#fdbf6f",
        '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#7f2704" stroke-width="1.2"/>',
    ),
    "sick_pay": ("#b2df8a", '<circle cx="4" cy="4" r="1.8" fill="#00441b"/>'),
    "employer_ni": ("#cab2d6", '<path d="M0,2 h8 M0,6 h8" stroke="#3f007d" stroke-width="1.2"/>'),
    "pension": ("#fb9a99", '<path d="M2,0 v8 M6,0 v8" stroke="#67000d" stroke-width="1.2"/>'),
    "insurance": ("#e0e0e0", '<path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" stroke="#222" stroke-width="1.5"/>'),
    "payroll": ("#ffffff", '<path d="M0,0 h8 v8 M0,4 h8 M4,0 v8" stroke="#444" stroke-width="1" fill="none"/>'),
    "other": ("#ffff99", '<circle cx="2" cy="2" r="1" fill="#333"/><circle cx="6" cy="6" r="1" fill="#333"/>'),
    "budget": ("#c6dbef", '<path d="M0,4 h8" stroke="#08519c" stroke-width="0.8"/>'),
    "gap": ("#ffffff", '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#b30000" stroke-width="1"/>'),
}

_WIDTH = 480
_LEFT = 8
_USABLE = _WIDTH - 2 * _LEFT


def escape(text: str, quote: bool = True) -> str:
    """Text for the page: HTML's special characters escaped, and control characters written out (``\\x1b``)."""
    return html_escape(shown(text), quote)


def _pattern_defs() -> str:
    out = []
    for key, (background, drawing) in _PATTERNS.items():
        out.append(
            f'<pattern id="p-{key}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{background}"/>{drawing}</pattern>'
        )
    return "".join(out)


def _x(amount: Decimal, scale: Decimal) -> Decimal:
    return (Decimal(_LEFT) + max(amount, Decimal(0)) * scale).quantize(Decimal("0.1"))


def _chart_svg(report: Report) -> str:
    largest = max(report.total, report.budget, Decimal("0.01"))
    scale = Decimal(_USABLE) / largest
    x_budget = _x(report.budget, scale)
    x_total = _x(report.total, scale)
    gap = abs(report.difference)
    parts = []
    # The budget bar. Each bar has one label, the gap said in it, so that no two labels can collide however narrow
    # the screen.
    short = f' <tspan class="gap">— {escape(pounds(gap))} short</tspan>' if not report.covered else ""
    spare = f" — {escape(pounds(gap))} to spare" if report.covered and gap > 0 else ""
    parts.append(f'<text x="{_LEFT}" y="22" class="bar-label">Budget: {escape(pounds(report.budget))}{short}</text>')
    parts.append(
        f'<rect x="{_LEFT}" y="30" width="{x_budget - _LEFT}" height="40" fill="url(#p-budget)" '
        f'stroke="#000" stroke-width="1"><title>Budget: {escape(pounds(report.budget))}</title></rect>'
    )
    # The true cost, stacked by part.
    parts.append(f'<text x="{_LEFT}" y="104" class="bar-label">True cost: {escape(pounds(report.total))}{spare}</text>')
    start = Decimal(0)
    for part in report.chart:
        if part.amount <= 0:
            continue
        x0, x1 = _x(start, scale), _x(start + part.amount, scale)
        start += part.amount
        parts.append(
            f'<rect x="{x0}" y="112" width="{x1 - x0}" height="40" fill="url(#p-{part.id})" stroke="#000" '
            f'stroke-width="0.75"><title>{escape(part.label)}: {escape(pounds(part.amount))}</title></rect>'
        )
    parts.append(f'<rect x="{_LEFT}" y="112" width="{x_total - _LEFT}" height="40" fill="none" stroke="#000"/>')
    # The gap between them, marked with its own pattern, a dashed outline and words.
    if not report.covered:
        parts.append(
            f'<rect x="{x_budget}" y="30" width="{x_total - x_budget}" height="40" fill="url(#p-gap)" '
            f'stroke="#b30000" stroke-width="1.5" stroke-dasharray="5 3"><title>Shortfall: {escape(pounds(gap))}'
            "</title></rect>"
        )
    elif gap > 0:
        parts.append(
            f'<rect x="{x_total}" y="112" width="{x_budget - x_total}" height="40" fill="none" stroke="#000" '
            f'stroke-width="1.5" stroke-dasharray="5 3"><title>To spare: {escape(pounds(gap))}</title></rect>'
        )
    parts.append(
        f'<line x1="{x_budget}" y1="26" x2="{x_budget}" y2="158" stroke="#000" stroke-width="1" '
        'stroke-dasharray="2 2"/>'
    )
    parts.append(f'<text x="{_LEFT}" y="176" class="axis">£0</text>')
    parts.append(
        f'<text x="{_WIDTH - _LEFT}" y="176" text-anchor="end" class="axis">'
        f"{escape(report.period_head.lower())}; dashed line: the budget</text>"
    )
    description = _chart_description(report)
    return (
        f'<svg class="chart" viewBox="0 0 {_WIDTH} 184" role="img" aria-labelledby="chart-title chart-desc" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-title">The budget beside the true cost</title>'
        f'<desc id="chart-desc">{escape(description)}</desc>'
        f"<defs>{_pattern_defs()}</defs>" + "".join(parts) + "</svg>"
    )


def _chart_description(report: Report) -> str:
    parts = "; ".join(f"{p.label} {pounds(p.amount)}" for p in report.chart)
    gap = pounds(abs(report.difference))
    end = f"Shortfall {gap}." if not report.covered else f"To spare {gap}."
    return f"Budget {pounds(report.budget)}. True cost {pounds(report.total)}, made up of: {parts}. {end}"


def _swatch(key: str) -> str:
    return (
        '<svg class="swatch" viewBox="0 0 24 14" aria-hidden="true" focusable="false">'
        f'<rect x="0.5" y="0.5" width="23" height="13" fill="url(#p-{key})" stroke="#000"/></svg>'
    )


ENDING_HEADS = ("Redundancy pay", "Notice pay", "Holiday owed", "NI and pension", "Total")


_CSS = """
:root { color-scheme: light; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 54rem; margin: 0 auto; padding: 1rem; }
main p, main li { overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
.meta { color: #3d3d3d; margin: 0; }
.verdict { font-size: 1.2rem; font-weight: 700; margin: .5rem 0 1rem; padding: .7rem .9rem;
  border-left: 6px solid #1a1a1a; background: #f2f2f2; }
dl.figures { display: grid; grid-template-columns: 1fr auto; gap: .15rem 1rem; margin: 0; }
dl.figures dt { margin: 0; }
dl.figures dd { margin: 0; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #767676; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
tbody th { font-weight: 600; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 700; background: #f2f2f2; }
tr.section th { background: #f2f2f2; }
.why { display: block; font-weight: 400; font-size: .9rem; color: #3d3d3d; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
figure { margin: 0; }
figcaption { font-size: .9rem; color: #3d3d3d; }
svg.chart { display: block; width: 100%; max-width: 42rem; height: auto; }
svg.chart .bar-label { font: 700 14px system-ui, Arial, sans-serif; fill: #1a1a1a; }
svg.chart .gap { fill: #8a0000; }
svg.chart .axis { font: 12px system-ui, Arial, sans-serif; fill: #1a1a1a; }
.swatch { width: 1.7rem; height: 1rem; vertical-align: middle; }
a { color: #0645ad; }
a:visited { color: #4b2a8a; }
.note { border-left: 4px solid #767676; padding-left: .7rem; }
.warnings li { margin-bottom: .3rem; }
table.ending td.num { white-space: normal; }
@media screen and (max-width: 40rem) {
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: auto; }
  table.stack caption { display: block; width: auto; }
  table.stack tr { border: 1px solid #767676; margin-bottom: .5rem; }
  table.stack th, table.stack td { border: none; border-bottom: 1px solid #d0d0d0; }
  table.stack td { display: flex; justify-content: space-between; gap: 1rem; text-align: right; white-space: normal; }
  table.stack td::before { content: attr(data-label); font-weight: 600; text-align: left; }
  table.stack td:empty { display: none; }
}
.ask { font-size: 1.05rem; margin: 0 0 1rem; }
ul.law { font-size: .9rem; padding-left: 1.2rem; }
ul.law li { margin-bottom: .3rem; }
code.hash { word-break: break-all; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #767676; font-size: .9rem; color: #3d3d3d; }
@media (max-width: 32rem) {
  body { font-size: 15px; }
  main { padding: .6rem; }
  th, td { padding: .25rem .3rem; }
  dl.figures { grid-template-columns: 1fr; }
  dl.figures dd { text-align: left; margin-bottom: .3rem; }
  svg.chart .bar-label { font-size: 18px; }
  svg.chart .axis { font-size: 16px; }
}
@page { size: A4; margin: 10mm 10mm; }
@media print {
  html { zoom: 0.72; }
  body { font-size: 9.5pt; line-height: 1.25; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 16pt; }
  h2 { font-size: 13pt; margin-top: 12pt; break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 11pt; break-after: avoid; page-break-after: avoid; }
  table, figure, .keep, li, dl { break-inside: avoid; page-break-inside: avoid; }
  .lead, caption { break-after: avoid; page-break-after: avoid; }
  p { break-inside: avoid; orphans: 3; widows: 3; }
  section.new-page { break-before: page; page-break-before: always; }
  table.rates { font-size: 8pt; }
  ul.law, table.ending { font-size: 8.5pt; }
  table.rates, table.breakdown, table.rota, table.pas, table.chart-table, table.ending {
    break-inside: auto; page-break-inside: auto; }
  table.rates th[scope="row"] { width: 24%; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  .verdict { background: none; border: 2pt solid #000; }
  thead th, tr.total th, tr.total td, tr.section th { background: #eee; }
  a, a:visited { color: #000; }
  a.src::after { content: " <" attr(href) ">"; font-size: 7.5pt; word-break: break-all; }
}
"""


def render_report_html(report: Report) -> str:
    """The whole report as one HTML document (UTF-8, no external resources), from the package's template
    ``report.html.j2``; the chart is drawn here."""
    from markupsafe import Markup

    return render(
        "report.html.j2",
        r=report,
        css=Markup(_CSS),  # noqa: S704 - the page's own styles, written in this module
        chart_svg=Markup(_chart_svg(report)),  # noqa: S704 - drawn here, every value in it escaped
        swatch=lambda key: Markup(_swatch(key)),  # noqa: S704 - a pattern swatch drawn here
        ending_heads=ENDING_HEADS,
    )
