"""The advocacy report as Markdown, for pasting into an email or a letter: the same sections as the HTML form
(``pacost.render.report_html``), with the chart given as its table."""

from __future__ import annotations

from pacost.money import pounds
from pacost.render.report import Report, rate_value
from pacost.safe_text import markdown_code, markdown_link, markdown_text

_cell = markdown_text  # every text that may hold a plan's words (or a rates file's) is shown, never run as markup
_link = markdown_link


def render_report_markdown(report: Report) -> str:
    out: list[str] = [
        f"# {_cell(report.title)}",
        "",
        f"{_cell(report.period)}. Plan in {_cell(report.nation)}.",
        "",
        *([f"**{_cell(report.changes)}**", ""] if report.changes else []),
        "## The verdict",
        "",
        f"**{_cell(report.verdict)}**",
        "",
        *([_cell(report.ask), ""] if report.ask else []),
    ]
    out += [f"- {_cell(f.label)}: {_cell(f.value)}" for f in report.key_figures]
    if report.statements:
        out += ["", "### What the numbers say", ""] + [f"- {_cell(s)}" for s in report.statements]

    out += [
        "",
        "## The budget beside the true cost",
        "",
        f"| Part of the cost | {report.period_head} | Lines it adds up |",
    ]
    out += ["| --- | ---: | --- |"]
    out += [f"| {_cell(p.label)} | {pounds(p.amount)} | {_cell('; '.join(p.line_labels))} |" for p in report.chart]
    gap = "Shortfall" if not report.covered else "To spare"
    out += [
        f"| **True cost** | **{pounds(report.total)}** | all the lines |",
        f"| Budget | {pounds(report.budget)} | |",
        f"| **{gap}** | **{pounds(abs(report.difference))}** | budget less true cost: {pounds(report.difference)} |",
    ]

    out += [
        "",
        "## The breakdown",
        "",
        "Each line is a cost the employer must meet; the lines add up exactly to the true cost.",
        "",
        f"| Cost, and why an employer must pay it | {report.period_head} | Per week |",
        "| --- | ---: | ---: |",
    ]
    for row in report.breakdown:
        out.append(
            f"| **{_cell(row.label)}** — {_cell(row.explanation)} | {pounds(row.amount)} | {pounds(row.per_week)} |"
        )
    out += [
        f"| **True cost** | **{pounds(report.total)}** | **{pounds(report.total_per_week)}** |",
        f"| {_cell(report.budget_label)} | {pounds(report.budget)} | {pounds(report.budget_per_week)} |",
        f"| **Budget less true cost** | **{pounds(report.difference)}** | **{pounds(report.difference_per_week)}** |",
    ]

    out += ["", "## The council's hourly rate beside the true cost", ""]
    c = report.comparison
    if c is None:
        per_hour = pounds(report.cost_per_planned_hour) if report.cost_per_planned_hour is not None else "not known"
        on_cost = f"{report.on_cost_percent}%" if report.on_cost_percent is not None else "not known"
        out.append(
            "The plan does not say how many hours a week the council funds (`budget.hours_per_week`), so the hourly "
            f"rate the budget implies cannot be shown. The true cost per planned hour is {per_hour}, and the true "
            f"on-costs on top of the PAs' pay are {on_cost}."
        )
    else:
        out += [
            "| | The council's budget | The true cost |",
            "| --- | ---: | ---: |",
            f"| Per hour of care | {pounds(c.implied_hourly_rate)} | {pounds(c.true_cost_per_hour)} |",
            f"| Hours a week | {c.funded_hours_per_week:.2f} funded | {c.planned_hours_per_week:.2f} planned |",
            f"| On-costs on top of the PAs' pay | {c.council_on_cost_percent}% | {c.true_on_cost_percent}% |",
            "",
            f"The budget works out at {pounds(c.implied_hourly_rate)} an hour for the {c.funded_hours_per_week:.2f} "
            f"hours a week the council funds. The PAs' pay averages {pounds(c.pay_per_hour)} per planned hour (their "
            "pay for every planned hour ÷ the planned hours), so the council's rate leaves "
            f"{c.council_on_cost_percent}% on top of it for everything else an employer must pay; the true on-costs "
            f"are {c.true_on_cost_percent}%, and the true cost is {pounds(c.true_cost_per_hour)} per planned hour.",
        ]

    rota = report.rota
    out += [
        "",
        "## The rota, the PAs, cover and sickness",
        "",
        f"### {_cell(rota.title)}",
        "",
        "| Day | " + " | ".join(_cell(n) for n in rota.pas) + " |",
        "| --- |" + " --- |" * len(rota.pas),
    ]
    for day, cells in rota.rows:
        out.append(f"| {_cell(day)} | " + " | ".join(_cell("; ".join(c)) or "–" for c in cells) + " |")
    out.append("| **Planned hours over the period** | " + " | ".join(_cell(h) for h in rota.planned_hours) + " |")
    if rota.other_patterns:
        out += ["", "Shifts on other patterns:", ""] + [f"- {_cell(p)}" for p in rota.other_patterns]
    out += [
        "",
        "### The PAs",
        "",
        "| PA | Age at start | Hourly rate | Paid | Holiday a year | Pension | Enhanced rates | Planned hours | "
        "Gross pay | Employer's NI | Employer's pension |",
        "| --- | ---: | ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for p in report.pas:
        pa_cells = (
            p.name,
            str(p.age),
            p.hourly_rate,
            p.pay_frequency,
            p.holiday,
            p.pension,
            p.enhancements,
            p.planned_hours,
            p.gross_pay,
            p.employer_ni,
            p.employer_pension,
        )
        out.append("| " + " | ".join(_cell(str(cell)) for cell in pa_cells) + " |")
    out += ["", "### Cover and sickness", ""] + [f"- {_cell(c)}" for c in report.cover]

    out += ["", "## Warnings", ""]
    out += [f"- {_cell(w)}" for w in report.warnings] if report.warnings else ["None."]
    out += [
        "",
        "## Assumptions and defaults",
        "",
        "Every default pacost applied, and every assumption of the cost model:",
    ]
    out += [""] + [f"- {_cell(a)}" for a in report.assumptions]

    if report.ending_head is not None and report.ending_summary is not None:
        out += [
            "",
            f"## {report.ending_head}",
            "",
            _cell(report.ending_summary),
            "",
            "| PA | Redundancy pay | Notice pay | Holiday owed | NI and pension | Total |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        out += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in report.ending_rows]
        out += [line for sentence in report.reserve for line in ("", _cell(sentence))]
        if report.ending_limit is not None:
            text, url = report.ending_limit
            out += ["", f"{text} {_link('Source', url)}."]
        out += [""]
        for ref in report.ending_law:
            out.append(f"- **{_cell(ref.title)}.** {ref.text} " + ", ".join(_link(t, u) for t, u in ref.links) + ".")
    out += [
        "",
        "## The rates used, and where they come from",
        "",
        f"{report.rates_note} A figure marked *unconfirmed* is the best known but has not yet been seen in an "
        "official source.",
    ]
    for year in report.rates:
        out += [
            "",
            f"### Tax year {year.tax_year}",
            "",
            "| Section | Figure | Value | Source |",
            "| --- | --- | --- | --- |",
        ]
        for figure in year.rows:
            value = _cell(rate_value(figure)) + (" *(unconfirmed)*" if figure.status == "unconfirmed" else "")
            source = _link(figure.source_title, figure.source_url)
            if figure.rule_url:
                source += "; rule: " + _link("how it is worked out", figure.rule_url)
            out.append(f"| {_cell(figure.section)} | {_cell(figure.name)} | {value} | {source} |")

    out += ["", "## Why the budget must cover this", "", f"{report.legal_intro} The plan is in {report.legal_nation}."]
    for ref in report.legal:
        quote = f" “{_cell(ref.quote)}”" if ref.quote else ""
        out += ["", f"### {_cell(ref.title)}", "", ref.text + quote, "", ", ".join(_link(t, u) for t, u in ref.links)]
    out += ["", f"> {report.legal_left_out}"]
    if report.legal_examples:
        out += ["", "### Ombudsman decisions on direct payments (examples, not law)", ""]
        for ref in report.legal_examples:
            out.append(f"- **{_cell(ref.title)}.** {ref.text} " + ", ".join(_link(t, u) for t, u in ref.links) + ".")

    out += [
        "",
        "---",
        "",
        f"Generated on {report.generated_on:%-d %B %Y} by pacost {report.version} from the plan file "
        f"{markdown_code(report.plan_file)}, SHA-256 `{report.sha256}`"
        + (f" (the file as written). {_cell(report.changes)}" if report.changes else "."),
        "",
        f"**Not legal advice.** {report.not_advice}",
        "",
    ]
    return "\n".join(out)
