"""The advocacy report as one self-contained HTML file: styles and the chart inline, nothing fetched.

Readable on a phone (one column, tables scroll sideways when they must), printable to A4 in black and white (a
print stylesheet; headings kept with what follows; tables, the chart and list items not split across pages), and
accessible: semantic headings and tables, the chart an ``<svg role="img">`` with a title and description, each part
drawn with its own pattern and named in the table beside it, so no meaning rests on colour alone. Text colours
pass WCAG AA contrast on white (the lightest text colour, #3d3d3d, is about 11:1).

Every amount comes from the ``Report`` (and so from the one ``CostResult``); amounts in tables also carry their
exact value in a ``data-value`` attribute, the same string as ``pacost cost --format json``.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape as html_escape

from pacost.money import money_str, pounds
from pacost.render.law import LegalRef
from pacost.render.report import Report, rate_value
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


def _chart_table(report: Report) -> str:
    rows = []
    for part in report.chart:
        rows.append(
            f'<tr><td>{_swatch(part.id)}</td><th scope="row">{escape(part.label)}</th>'
            f"{_num(part.amount)}<td>{escape('; '.join(part.line_labels))}</td></tr>"
        )
    rows.append(
        f'<tr class="total"><td></td><th scope="row">True cost</th>{_num(report.total)}<td>all the lines</td></tr>'
    )
    rows.append(f'<tr><td>{_swatch("budget")}</td><th scope="row">Budget</th>{_num(report.budget)}<td></td></tr>')
    gap_label = "Shortfall" if not report.covered else "To spare"
    rows.append(
        f'<tr class="total"><td>{_swatch("gap") if not report.covered else ""}</td><th scope="row">{gap_label}</th>'
        f"{_num(abs(report.difference))}<td>budget less true cost: {escape(pounds(report.difference))}</td></tr>"
    )
    return (
        '<div class="scroll"><table class="chart-table"><caption>The chart as a table</caption>'
        '<thead><tr><th scope="col"><span class="sr">Pattern</span></th><th scope="col">Part of the cost</th>'
        f'<th scope="col" class="num">{escape(report.period_head)}</th><th scope="col">Lines it adds up</th></tr>'
        "</thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


# ----------------------------------------------------------------------------------------------------------------
# Sections


def _num(amount: Decimal, text: str | None = None) -> str:
    return f'<td class="num" data-value="{money_str(amount)}">{escape(text or pounds(amount))}</td>'


def _link(text: str, url: str) -> str:
    return f'<a class="src" href="{escape(url)}">{escape(text)}</a>'


def _verdict(report: Report) -> str:
    figures = "".join(f"<dt>{escape(f.label)}</dt><dd>{escape(f.value)}</dd>" for f in report.key_figures)
    return (
        '<section aria-labelledby="s-verdict"><h2 id="s-verdict">The verdict</h2>'
        f'<p class="verdict" id="verdict">{escape(report.verdict)}</p>'
        + (f'<p class="ask" id="ask">{escape(report.ask)}</p>' if report.ask else "")
        + f'<dl class="figures">{figures}</dl>'
        + (
            '<h3>What the numbers say</h3><ul class="statements">'
            + "".join(f"<li>{escape(s)}</li>" for s in report.statements)
            + "</ul>"
            if report.statements
            else ""
        )
        + "</section>"
    )


def _chart(report: Report) -> str:
    return (
        '<section aria-labelledby="s-chart"><h2 id="s-chart">The budget beside the true cost</h2>'
        f'<figure class="keep">{_chart_svg(report)}<figcaption>The budget (top) beside the true cost (below), '
        "each part of the cost drawn with its own pattern; the table below names them.</figcaption></figure>"
        f"{_chart_table(report)}</section>"
    )


def _breakdown(report: Report) -> str:
    rows = []
    for row in report.breakdown:
        rows.append(
            f'<tr id="line-{escape(row.id)}"><th scope="row"><span class="label">{escape(row.label)}</span>'
            f'<span class="why">{escape(row.explanation)}</span></th>{_num(row.amount)}{_num(row.per_week)}</tr>'
        )
    gap = "Shortfall (budget less true cost)" if not report.covered else "Difference (budget less true cost)"
    totals = (
        f'<tr class="total"><th scope="row">True cost</th>{_num(report.total)}{_num(report.total_per_week)}</tr>'
        f'<tr><th scope="row">{escape(report.budget_label)}</th>{_num(report.budget)}'
        f"{_num(report.budget_per_week)}</tr>"
        f'<tr class="total"><th scope="row">{gap}</th>{_num(report.difference)}{_num(report.difference_per_week)}</tr>'
    )
    return (
        '<section aria-labelledby="s-breakdown"><h2 id="s-breakdown">The breakdown</h2>'
        '<p class="lead">Each line is a cost the employer must meet; the lines add up exactly to the true cost.</p>'
        '<div class="scroll"><table class="breakdown"><caption>What employing the PAs costs, line by line</caption>'
        '<thead><tr><th scope="col">Cost, and why an employer must pay it</th>'
        f'<th scope="col" class="num">{escape(report.period_head)}</th><th scope="col" class="num">Per week</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody><tbody>" + totals + "</tbody></table></div></section>"
    )


def _comparison(report: Report) -> str:
    head = '<section aria-labelledby="s-rate"><h2 id="s-rate">The council\'s hourly rate beside the true cost</h2>'
    c = report.comparison
    if c is None:
        per_hour = pounds(report.cost_per_planned_hour) if report.cost_per_planned_hour is not None else "not known"
        on_cost = f"{report.on_cost_percent}%" if report.on_cost_percent is not None else "not known"
        return (
            head + "<p>The plan does not say how many hours a week the council funds (<code>budget.hours_per_week"
            "</code>), so the hourly rate the budget implies cannot be shown. The true cost per planned hour is "
            f"{escape(per_hour)}, and the true on-costs on top of the PAs' pay are {escape(on_cost)}.</p></section>"
        )
    rows = (
        f'<tr><th scope="row">Per hour of care</th>{_num(c.implied_hourly_rate)}{_num(c.true_cost_per_hour)}</tr>'
        f'<tr><th scope="row">Hours a week</th><td class="num">{c.funded_hours_per_week:.2f} funded</td>'
        f'<td class="num">{c.planned_hours_per_week:.2f} planned</td></tr>'
        f'<tr><th scope="row">On-costs on top of the PAs\' pay</th><td class="num">{c.council_on_cost_percent}%</td>'
        f'<td class="num">{c.true_on_cost_percent}%</td></tr>'
    )
    return (
        head + '<div class="scroll"><table class="compare"><caption>Hourly rate and on-costs</caption>'
        '<thead><tr><th scope="col"></th><th scope="col" class="num">The council\'s budget</th>'
        '<th scope="col" class="num">The true cost</th></tr></thead><tbody>' + rows + "</tbody></table></div>"
        f"<p>The budget works out at {escape(pounds(c.implied_hourly_rate))} an hour for the "
        f"{c.funded_hours_per_week:.2f} hours a week the council funds. The PAs' pay averages "
        f"{escape(pounds(c.pay_per_hour))} per planned hour (their pay for every planned hour ÷ the planned hours), "
        f"so the council's rate leaves {c.council_on_cost_percent}% on top of it for everything else an employer "
        f"must pay; the true on-costs are {c.true_on_cost_percent}%, and the true cost is "
        f"{escape(pounds(c.true_cost_per_hour))} per planned hour.</p></section>"
    )


def _cell(items: list[str]) -> str:
    if not items:
        return '<td><span aria-label="no shifts">–</span></td>'
    return "<td>" + "<br>".join(escape(i) for i in items) + "</td>"


NUMBER = ' class="num"'


def _labelled(*cells: tuple[str, str, bool]) -> str:
    """Table cells that carry their column's name (shown beside the value when a narrow screen stacks the table);
    ``True`` for a number, right-aligned."""
    return "".join(
        f'<td data-label="{escape(label)}"{NUMBER if number else ""}>{escape(value)}</td>'
        for label, value, number in cells
    )


def _rota(report: Report) -> str:
    rota = report.rota
    heads = "".join(f'<th scope="col">{escape(name)}</th>' for name in rota.pas)
    rows = "".join(
        f'<tr><th scope="row">{escape(day)}</th>' + "".join(_cell(c) for c in cells) + "</tr>"
        for day, cells in rota.rows
    )
    planned = "".join(f'<td class="num">{escape(h)}</td>' for h in rota.planned_hours)
    other = ""
    if rota.other_patterns:
        other = (
            "<p>Shifts on other patterns:</p><ul>"
            + "".join(f"<li>{escape(p)}</li>" for p in rota.other_patterns)
            + "</ul>"
        )
    terms = "".join(
        f'<tr><th scope="row">{escape(p.name)}</th>'
        + _labelled(
            ("Age at start", p.age, True),
            ("Hourly rate", p.hourly_rate, True),
            ("Paid", p.pay_frequency, False),
            ("Holiday a year", p.holiday, False),
            ("Pension", p.pension, False),
            ("Enhanced rates", p.enhancements, False),
        )
        + "</tr>"
        for p in report.pas
    )
    costs = "".join(
        f'<tr><th scope="row">{escape(p.name)}</th>'
        + _labelled(
            ("Planned hours", p.planned_hours, True),
            ("Gross pay", p.gross_pay, True),
            ("Employer's NI", p.employer_ni, True),
            ("Employer's pension", p.employer_pension, True),
        )
        + "</tr>"
        for p in report.pas
    )
    cover = "".join(f"<li>{escape(c)}</li>" for c in report.cover)
    return (
        '<section aria-labelledby="s-rota"><h2 id="s-rota">The rota, the PAs, cover and sickness</h2>'
        f'<h3 id="s-week">{escape(rota.title)}</h3>'
        '<div class="scroll"><table class="rota"><caption>Shifts by day of the week</caption>'
        f'<thead><tr><th scope="col">Day</th>{heads}</tr></thead><tbody>{rows}</tbody>'
        f'<tbody><tr class="total"><th scope="row">Planned hours over the period</th>{planned}</tr></tbody>'
        f"</table></div>{other}"
        '<h3 id="s-pas">The PAs</h3>'
        '<div class="scroll"><table class="pas stack"><caption>Each PA\'s terms</caption>'
        '<thead><tr><th scope="col">PA</th><th scope="col" class="num">Age at start</th>'
        '<th scope="col" class="num">Hourly rate</th><th scope="col">Paid</th><th scope="col">Holiday a year</th>'
        '<th scope="col">Pension</th><th scope="col">Enhanced rates</th></tr></thead>'
        f"<tbody>{terms}</tbody></table></div>"
        '<div class="scroll"><table class="pas stack"><caption>Each PA\'s costs over the period</caption>'
        '<thead><tr><th scope="col">PA</th><th scope="col" class="num">Planned hours</th>'
        '<th scope="col" class="num">Gross pay</th><th scope="col" class="num">Employer\'s NI</th>'
        '<th scope="col" class="num">Employer\'s pension</th></tr></thead>'
        f"<tbody>{costs}</tbody></table></div>"
        f'<h3 id="s-cover">Cover and sickness</h3><ul>{cover}</ul></section>'
    )


def _notes(report: Report) -> str:
    warnings = (
        '<ul class="warnings">' + "".join(f"<li>{escape(w)}</li>" for w in report.warnings) + "</ul>"
        if report.warnings
        else "<p>None.</p>"
    )
    assumptions = "<ul>" + "".join(f"<li>{escape(a)}</li>" for a in report.assumptions) + "</ul>"
    return (
        '<section aria-labelledby="s-warnings"><h2 id="s-warnings">Warnings</h2>'
        f"{warnings}</section>"
        '<section aria-labelledby="s-assumptions"><h2 id="s-assumptions">Assumptions and defaults</h2>'
        '<p class="lead">Every default pacost applied, and every assumption of the cost model:</p>'
        f"{assumptions}</section>"
    )


def _rates(report: Report) -> str:
    out = [
        '<section aria-labelledby="s-rates">',
        '<h2 id="s-rates">The rates used, and where they come from</h2>',
        f'<p class="lead">{escape(report.rates_note)} A figure marked <em>unconfirmed</em> is the best known but '
        "has not yet been seen in an official source.</p>",
    ]
    for year in report.rates:
        rows = []
        section = None
        for row in year.rows:
            if row.section != section:
                section = row.section
                rows.append(f'<tr class="section"><th scope="colgroup" colspan="3">{escape(section)}</th></tr>')
            value = escape(rate_value(row))
            if row.status == "unconfirmed":
                value += " <em>(unconfirmed)</em>"
            source = _link(row.source_title, row.source_url)
            if row.rule_url:
                source += f"; rule: {_link('how it is worked out', row.rule_url)}"
            rows.append(f'<tr><th scope="row">{escape(row.name)}</th><td>{value}</td><td>{source}</td></tr>')
        out.append(
            f'<h3 id="s-rates-{escape(year.tax_year)}">Tax year {escape(year.tax_year)}</h3>'
            f'<div class="scroll"><table class="rates"><caption>Statutory figures for {escape(year.tax_year)}'
            '</caption><thead><tr><th scope="col">Figure</th><th scope="col">Value</th>'
            '<th scope="col">Source</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>"
        )
    out.append("</section>")
    return "".join(out)


def _ref(ref: LegalRef) -> str:
    links = ", ".join(_link(text, url) for text, url in ref.links)
    quote = f' <q class="quote">{escape(ref.quote)}</q>' if ref.quote else ""
    return f'<div class="ref keep"><h3>{escape(ref.title)}</h3><p>{escape(ref.text)}{quote}</p><p>{links}</p></div>'


def _legal(report: Report) -> str:
    out = [
        '<section aria-labelledby="s-law"><h2 id="s-law">Why the budget must cover this</h2>',
        f"<p>{escape(report.legal_intro)} The plan is in {escape(report.legal_nation)}.</p>",
    ]
    out += [_ref(ref) for ref in report.legal]
    out.append(f'<p class="note">{escape(report.legal_left_out)}</p>')
    if report.legal_examples:
        out.append(
            '<h3>Ombudsman decisions on direct payments (examples, not law)</h3><ul class="law">'
            + "".join(
                f"<li><strong>{escape(ref.title)}.</strong> {escape(ref.text)} "
                + ", ".join(_link(text, url) for text, url in ref.links)
                + ".</li>"
                for ref in report.legal_examples
            )
            + "</ul>"
        )
    out.append("</section>")
    return "".join(out)


ENDING_HEADS = ("Redundancy pay", "Notice pay", "Holiday owed", "NI and pension", "Total")


def _ending(report: Report) -> str:
    if report.ending_head is None or report.ending_summary is None:
        return ""
    out = [
        f'<section aria-labelledby="s-end"><h2 id="s-end">{escape(report.ending_head)}</h2>',
        f"<p>{escape(report.ending_summary)}</p>",
        '<div class="scroll"><table class="ending stack"><caption>What each PA would be owed</caption><thead><tr>'
        '<th scope="col">PA</th>'
        + "".join(f'<th scope="col" class="num">{head}</th>' for head in ENDING_HEADS)
        + "</tr></thead><tbody>",
    ]
    for row in report.ending_rows:
        who, *money = row
        cells = _labelled(*((head, m, True) for head, m in zip(ENDING_HEADS, money, strict=True)))
        out.append(f'<tr><th scope="row">{escape(who)}</th>{cells}</tr>')
    out.append("</tbody></table></div>")
    out += [f"<p>{escape(sentence)}</p>" for sentence in report.reserve]
    if report.ending_limit is not None:
        text, url = report.ending_limit
        out.append(f"<p>{escape(text)} {_link('Source', url)}.</p>")
    out.append('<ul class="law">')
    for ref in report.ending_law:
        links = ", ".join(_link(text, url) for text, url in ref.links)
        out.append(f"<li><strong>{escape(ref.title)}.</strong> {escape(ref.text)} {links}.</li>")
    out.append("</ul>")
    out.append("</section>")
    return "".join(out)


def _footer(report: Report) -> str:
    return (
        "<footer><p>Generated on "
        f'<time datetime="{report.generated_on.isoformat()}">{report.generated_on:%-d %B %Y}</time> '
        f"by pacost {escape(report.version)} from the plan file <code>{escape(report.plan_file)}</code>, "
        f'SHA-256 <code class="hash">{escape(report.sha256)}</code>'
        + (f" (the file as written). {escape(report.changes)}" if report.changes else ".")
        + "</p>"
        f'<p class="not-advice"><strong>Not legal advice.</strong> {escape(report.not_advice)}</p></footer>'
    )


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
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { zoom: 0.75; }
  body { font-size: 9.5pt; line-height: 1.35; }
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
  table.rates, table.breakdown { break-inside: auto; page-break-inside: auto; }
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
    """The whole report as one HTML document (UTF-8, no external resources)."""
    body = "".join(
        [
            f"<header><h1>{escape(report.title)}</h1>",
            f'<p class="meta">{escape(report.period)}. Plan in {escape(report.nation)}.</p>'
            + (f'<p class="meta changes"><strong>{escape(report.changes)}</strong></p>' if report.changes else "")
            + "</header>",
            _verdict(report),
            _chart(report),
            _breakdown(report),
            _comparison(report),
            _rota(report),
            _notes(report),
            _ending(report),
            _rates(report),
            _legal(report),
            _footer(report),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(report.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        + _pretty(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _pretty(body: str) -> str:
    """A line break after each block-level close, so that golden-file diffs are readable."""
    for tag in ("</section>", "</tr>", "</table>", "</h2>", "</h3>", "</p>", "</li>", "</figure>", "</header>"):
        body = body.replace(tag, tag + "\n")
    return body
