"""The advocacy report (``pacost report``): what it says, built once and shared by the HTML and Markdown forms.

``build_report`` turns one ``CostResult`` — with the plan it came from (for the rota, the PAs and the cover; read
only) and the rate book (for the sources of the figures) — into a ``Report``: the verdict sentence, the chart's
parts, the breakdown with a plain-English reason for every line, the council's hourly rate beside the true one,
the rota as a week, the PAs, cover and sickness, warnings, assumptions, the rates used with their sources, the
legal basis, and the footer. ``pacost.render.report_html`` and ``pacost.render.report_md`` only format it.

No cost is worked out here: every amount is the result's own. The chart groups lines (the two cover lines into
one bar segment; employer's NI net of the Employment Allowance) by adding the result's line amounts, so its parts
still add up exactly to the total. The one figure the result does not carry is the on-cost percentage the
council's hourly rate implies; it is set beside the engine's true on-cost with the same definition (see
``pacost.render.words.council_pay_rate``), and both of its inputs are printed so that a reader can check it.

Legal references: the plan's nation's, from ``pacost.render.law``, each holding the words it quotes from its
official source; a passage that could not be read there is named, not paraphrased.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from pacost.dates import DAY_TITLES, WEEKDAYS, TaxYear
from pacost.money import ZERO, percent, pounds
from pacost.plan import PA, Plan, Shift
from pacost.rates.book import RateBook
from pacost.rates.table import FREQUENCY_FIELDS, FigureRow, year_rows
from pacost.render.law import LegalRef, law_for
from pacost.render.words import (
    KeyFigure,
    changes,
    council_pay_rate,
    ending_rows,
    ending_summary,
    key_figures,
    per_phrase,
    plain_statements,
    reserve_sentences,
    shown_lines,
    the_ask,
    verdict,
)
from pacost.result import CostLine, CostResult
from pacost.statutory.bank_holidays import Nation
from pacost.statutory.ending import week_pay_limit
from pacost.statutory.holiday import accrual_rate, statutory_weeks
from pacost.statutory.state_pension import age_on

HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")

# ----------------------------------------------------------------------------------------------------------------
# What each line of the breakdown is, and why an employer must pay it: one sentence each.

EXPLANATIONS: dict[str, str] = {
    "wages": (
        "What the PAs earn for the hours they actually work, at their hourly rates with any weekend, night and "
        "bank-holiday rates: an employer must pay at least the minimum wage for every hour worked."
    ),
    "holiday_pay": (
        "Every worker has the right to {statutory_weeks} weeks' paid holiday a year at their normal pay, so part of "
        "each PA's pay is for weeks when they are on leave and not working."
    ),
    "sick_pay": (
        "An employer must pay Statutory Sick Pay to a PA who is off sick and qualifies (or full pay, if the "
        "contract promises it); this is the amount expected for the sick days assumed."
    ),
    "holiday_cover": (
        "The care in the plan is still needed while a PA is on paid holiday, so someone else must be paid to "
        "work those hours as well."
    ),
    "sick_cover": (
        "The care is still needed while a PA is off sick, so someone else must be paid to work those hours on "
        "top of the sick pay."
    ),
    "employer_ni": (
        "An employer must pay National Insurance of their own on each PA's earnings above the secondary "
        "threshold in every pay period; it is not taken from the PA's pay."
    ),
    "employment_allowance": (
        "HMRC lets a person who employs care and support workers claim the Employment Allowance, which reduces "
        "the employer's National Insurance bill by up to a yearly amount."
    ),
    "pension": (
        "An employer must enrol each eligible PA in a workplace pension and pay at least the minimum employer "
        "contribution on their qualifying earnings (automatic enrolment)."
    ),
    "insurance": (
        "Employer's liability insurance pays out if a PA is hurt or made ill by their work; people who employ "
        "PAs with a direct payment are expected to hold it."
    ),
    "payroll": (
        "A payroll service runs PAYE for the employer — payslips, reports of pay, tax and National Insurance to "
        "HMRC each pay day, and pension contributions — duties every employer has."
    ),
    "other": "Other costs of being an employer that the plan names.",
    "recruitment": (
        "PAs leave, and each new one means an advert, checks and paid training before they work alone: this is "
        "the expected cost of that over the plan, from how many PAs leave a year."
    ),
    "contingency": (
        "An employer owes redundancy, notice and holiday pay when the employment ends (if the person dies, goes "
        "into hospital or the payment stops): this is the reserve the plan builds up to meet them."
    ),
}

# ----------------------------------------------------------------------------------------------------------------
# The chart: the true cost stacked by part. Each part adds up lines of the result (ids not listed join "other").

CHART_PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("wages", "Wages", ("wages",)),
    ("holiday_pay", "Holiday pay", ("holiday_pay",)),
    ("cover", "Cover for holiday and sickness", ("holiday_cover", "sick_cover")),
    ("sick_pay", "Sick pay", ("sick_pay",)),
    ("employer_ni", "Employer's NI, after the Employment Allowance", ("employer_ni", "employment_allowance")),
    ("pension", "Pension", ("pension",)),
    ("insurance", "Insurance", ("insurance",)),
    ("payroll", "Payroll", ("payroll",)),
    ("other", "Other costs", ("other", "recruitment", "contingency")),
)


@dataclass(frozen=True)
class ChartPart:
    id: str
    label: str
    amount: Decimal
    line_labels: tuple[str, ...]


def chart_parts(result: CostResult) -> list[ChartPart]:
    """The parts of the true cost for the chart, in stacking order; they add up exactly to ``result.total``."""
    known = {line_id for _, _, ids in CHART_PARTS for line_id in ids}
    parts: list[ChartPart] = []
    for part_id, label, ids in CHART_PARTS:
        lines = [
            line for line in shown_lines(result) if line.id in ids or (part_id == "other" and line.id not in known)
        ]
        if lines:
            amount = sum((line.amount for line in lines), ZERO)
            parts.append(ChartPart(part_id, label, amount, tuple(line.label for line in lines)))
    return parts


# ----------------------------------------------------------------------------------------------------------------
# The report's content


@dataclass(frozen=True)
class BreakdownRow:
    id: str
    label: str
    explanation: str
    amount: Decimal
    per_week: Decimal


@dataclass(frozen=True)
class Comparison:
    """The council's hourly rate beside the true cost per hour (only when the plan gives funded hours)."""

    funded_hours_per_week: Decimal
    implied_hourly_rate: Decimal
    planned_hours_per_week: Decimal
    true_cost_per_hour: Decimal
    pay_per_hour: Decimal
    council_on_cost_percent: Decimal
    true_on_cost_percent: Decimal


@dataclass(frozen=True)
class RotaTable:
    """The rota as a week (or, when shifts repeat every two weeks or more, as the weeks of its cycle): one row per
    weekday, one column per PA; each cell lists that PA's shifts."""

    title: str
    pas: list[str]
    rows: list[tuple[str, list[list[str]]]]
    other_patterns: list[str]
    planned_hours: list[str]  # per PA, over the plan period


@dataclass(frozen=True)
class PaRow:
    name: str
    age: str
    hourly_rate: str
    pay_frequency: str
    holiday: str
    pension: str
    enhancements: str
    planned_hours: str
    gross_pay: str
    employer_ni: str
    employer_pension: str


@dataclass(frozen=True)
class RatesYear:
    tax_year: str
    rows: list[FigureRow]


@dataclass(frozen=True)
class Report:
    title: str
    plan: str
    period: str
    nation: str
    days: int
    verdict: str
    key_figures: list[KeyFigure]
    covered: bool
    total: Decimal
    budget: Decimal
    difference: Decimal
    budget_label: str
    chart: list[ChartPart]
    breakdown: list[BreakdownRow]
    total_per_week: Decimal
    budget_per_week: Decimal
    difference_per_week: Decimal
    comparison: Comparison | None
    cost_per_planned_hour: Decimal | None
    on_cost_percent: Decimal | None
    rota: RotaTable
    pas: list[PaRow]
    cover: list[str]
    warnings: list[str]
    assumptions: list[str]
    rates: list[RatesYear]
    rates_note: str
    legal_intro: str
    legal_nation: str
    legal: list[LegalRef]
    legal_left_out: str
    generated_on: date
    version: str
    plan_file: str
    sha256: str
    not_advice: str
    changes: str | None = None  # the changes made to the plan for this run, if any (words.changes)
    ask: str | None = None  # what the council needs to pay (words.the_ask)
    needed: str = ""  # the budget the plan needs, in the budget's own period: "£1,129.29 a month"
    statements: list[str] = field(default_factory=list)  # what the numbers say (words.plain_statements)
    ending_head: str | None = None  # "If the employment ended on 5 April 2027"
    ending_summary: str | None = None
    ending_rows: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    reserve: list[str] = field(default_factory=list)
    ending_law: list[LegalRef] = field(default_factory=list)
    legal_examples: list[LegalRef] = field(default_factory=list)  # ombudsman decisions: examples, not law
    ending_limit: tuple[str, str] | None = None  # the week's pay limit used, in words, and its source

    @property
    def period_head(self) -> str:
        """The column head for amounts over the plan period."""
        return "For the year" if self.days in (365, 366) else f"For the {self.days} days"


def report_verdict(result: CostResult) -> str:
    """The verdict in one sentence: the shortfall (or the money to spare) for the period and a week, and the hours
    of care a week the budget really buys at the true cost."""
    base = verdict(result).removesuffix(".")
    buys = result.hours_per_week_budget_buys
    planned = result.hours.planned_per_week
    if buys is None:
        return base + "."
    if result.covered:
        return f"{base}: at the true cost it would buy {buys} hours of care a week, against the {planned:.2f} planned."
    return f"{base}: at the true cost it buys only {buys} hours of care a week, not the {planned:.2f} the plan needs."


def _comparison(result: CostResult) -> Comparison | None:
    derived = council_pay_rate(result)
    if (
        derived is None
        or result.funded_hours_per_week is None
        or result.budget_implied_hourly_rate is None
        or result.cost_per_planned_hour is None
        or result.on_cost_percent is None
    ):
        return None
    pay, council = derived
    return Comparison(
        funded_hours_per_week=result.funded_hours_per_week,
        implied_hourly_rate=result.budget_implied_hourly_rate,
        planned_hours_per_week=result.hours.planned_per_week,
        true_cost_per_hour=result.cost_per_planned_hour,
        pay_per_hour=pay,
        council_on_cost_percent=council,
        true_on_cost_percent=result.on_cost_percent,
    )


def _breakdown(lines: list[CostLine], rates: RateBook) -> list[BreakdownRow]:
    assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
    figures = {"statutory_weeks": statutory_weeks(rates.holiday)}
    rows = []
    for line in lines:
        label = line.label + (f" ({line.detail})" if line.detail else "")
        explanation = EXPLANATIONS.get(line.id, "A cost of employing PAs under this plan.").format(**figures)
        rows.append(BreakdownRow(line.id, label, explanation, line.amount, line.per_week))
    return rows


# ----------------------------------------------------------------------------------------------------------------
# The rota, the PAs, cover and sickness: read from the plan as written.


def _hours_text(value: Decimal) -> str:
    return f"{value:.2f}"


#: The longest cycle of weeks the rota is drawn as, week by week; a longer one is drawn as one week with each
#: shift's weeks said beside it.
MAX_CYCLE_WEEKS = 12
_CYCLE_NAMES = {2: "two-week", 3: "three-week", 4: "four-week"}


def _shift_text(shift: Shift, *, say_weeks: bool = False) -> str:
    text = f"{shift.start:%H:%M}–{'24:00' if shift.end.fold else format(shift.end, '%H:%M')}"
    if shift.kind == "sleep-in":
        text += f" sleep-in ({pounds(shift.flat or ZERO)} flat)"
    if say_weeks and shift.every > 1:
        text += f", week {shift.week} of every {shift.every}"
    return text


def _cycle_weeks(plan: Plan) -> int:
    """The weeks after which the whole rota repeats (1 when every shift is every week)."""
    weeks = 1
    for pa in plan.pa:
        for shift in pa.shift:
            if shift.repeat is None:
                weeks = math.lcm(weeks, shift.every)
    return weeks


def _rota(plan: Plan, result: CostResult) -> RotaTable:
    cycle = _cycle_weeks(plan)
    drawn = cycle if cycle <= MAX_CYCLE_WEEKS else 1
    # cells[week][weekday][column]: the shifts of each PA on that day of that week of the cycle.
    cells: list[dict[str, list[list[str]]]] = [{day: [[] for _ in plan.pa] for day in WEEKDAYS} for _ in range(drawn)]
    other: list[str] = []
    for column, pa in enumerate(plan.pa):
        if pa.hours_per_week is not None:
            days = list(pa.days or WEEKDAYS[:5])
            share = _hours_text(pa.hours_per_week / len(set(days)))
            for week in cells:
                for day in days:
                    week[day][column].append(f"{share} hours from 09:00 (summary rota: {pa.hours_per_week} a week)")
        for shift in pa.shift:
            if shift.repeat is not None:
                other.append(f"{pa.name}: {_shift_text(shift)}, on the dates of the rule {shift.repeat}")
                continue
            for number, week in enumerate(cells):
                if drawn == 1 or number % shift.every == shift.week - 1:
                    for day in shift.days or ():
                        week[day][column].append(_shift_text(shift, say_weeks=drawn == 1))
    planned = {p.name: p.planned_hours for p in result.pas}
    if drawn == 1:
        title = "A week of the rota"
        rows = [(name, cells[0][key]) for key, name in zip(WEEKDAYS, DAY_TITLES, strict=True)]
    else:
        # Week 1 is the seven days from the plan's start; a day with no shift in a week is left out.
        title = f"The rota's {_CYCLE_NAMES.get(drawn, f'{drawn}-week')} cycle, from the plan's start"
        rows = [
            (f"Week {number + 1}: {name}", week[key])
            for number, week in enumerate(cells)
            for key, name in _days_from(plan.start)
            if any(week[key])
        ]
    return RotaTable(
        title=title,
        pas=[pa.name for pa in plan.pa],
        rows=rows,
        other_patterns=other,
        planned_hours=[_hours_text(planned[pa.name]) if pa.name in planned else "" for pa in plan.pa],
    )


def _days_from(start: date) -> list[tuple[str, str]]:
    """The weekdays (key, name) in the order a week of the cycle has them: from the plan start's weekday."""
    first = start.weekday()
    return [(WEEKDAYS[(first + i) % 7], DAY_TITLES[(first + i) % 7]) for i in range(7)]


def _enhancements(pa: PA) -> str:
    e = pa.enhancements
    parts = [
        f"{name} ×{value}"
        for name, value in (("weekend", e.weekend), ("night", e.night), ("bank holiday", e.bank_holiday))
        if value != 1
    ]
    if e.night != 1:
        parts[[p.startswith("night") for p in parts].index(True)] += f" ({pa.night.start:%H:%M}–{pa.night.end:%H:%M})"
    return ", ".join(parts) if parts else "none"


_PENSION = {"auto": "automatic enrolment", "opt-out": "opted out", "opt-in": "opted in"}


def _pas(plan: Plan, result: CostResult, rates: RateBook) -> list[PaRow]:
    assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
    rolled_up = f" (rolled-up, {percent(accrual_rate(rates.holiday))} with each pay)"
    by_name = {p.name: p for p in result.pas}
    rows = []
    for pa in plan.pa:
        costed = by_name.get(pa.name)
        holiday = f"{pa.holiday_weeks} weeks" + (rolled_up if pa.holiday == "rolled-up" else "")
        rows.append(
            PaRow(
                name=pa.name,
                age=str(age_on(pa.date_of_birth, plan.start)),
                hourly_rate=pounds(pa.hourly_rate),
                pay_frequency=pa.pay_frequency,
                holiday=holiday,
                pension=_PENSION.get(pa.pension, pa.pension),
                enhancements=_enhancements(pa),
                planned_hours=_hours_text(costed.planned_hours) if costed else "",
                gross_pay=pounds(costed.gross_pay) if costed else "",
                employer_ni=pounds(costed.employer_ni) if costed else "",
                employer_pension=pounds(costed.pension) if costed else "",
            )
        )
    return rows


def _cover(plan: Plan, result: CostResult) -> list[str]:
    h = result.hours
    cover = plan.cover
    if cover.by == "agency":
        who = f"An agency covers the PAs' holiday and sickness, at {pounds(cover.rate or ZERO)} an hour, all-in."
    elif cover.by == "pa":
        who = (
            f"{cover.pa} works the cover hours at their own hourly rate, with holiday pay on those hours; that pay "
            f"counts towards {cover.pa}'s National Insurance and pension."
        )
    else:
        who = "Unpaid family members cover the PAs' holiday and sickness: it costs nothing, but the hours are counted."
    sickness = plan.sickness
    spell = "day" if sickness.spell_days == 1 else "days"
    pay = "paid as Statutory Sick Pay" if sickness.pay == "statutory" else "paid at full pay"
    out = [
        who,
        f"Hours of cover over the period: {_hours_text(h.holiday_cover)} while PAs are on holiday and "
        f"{_hours_text(h.sick_cover)} while they are off sick.",
        f"Sickness: {sickness.days_per_year} sick days a year for each PA, in spells of {sickness.spell_days} "
        f"{spell}, {pay}.",
    ]
    if h.unpaid_family > 0:
        out.append(f"Hours of care left to unpaid family: {_hours_text(h.unpaid_family)}.")
    if h.sleep_in > 0:
        out.append(f"Sleep-in hours included in the planned hours: {_hours_text(h.sleep_in)}.")
    return out


# ----------------------------------------------------------------------------------------------------------------
# The rates used


#: The rates table's sections that only what would be owed if the employment ended uses (``_ending_limit``).
ENDING_SECTIONS = ("Redundancy pay", "Notice")


def _ending_limit(result: CostResult, rates: RateBook) -> tuple[str, str] | None:
    """The week's pay limit that applied to what would be owed, in words, with its source."""
    owed = result.liabilities
    if owed is None:
        return None
    northern_ireland = result.nation == "northern-ireland"
    limit = week_pay_limit(rates, owed.ending, northern_ireland=northern_ireland)
    where = "Northern Ireland" if northern_ireland else "Great Britain"
    text = (
        f"In redundancy pay a week's pay counts up to {pounds(limit.value)}, the limit in {where} on "
        f"{owed.ending:%-d %B %Y} ({limit.status}; from {limit.from_date:%-d %B %Y})."
    )
    return text, limit.source.url


def _rates(result: CostResult, rates: RateBook) -> tuple[list[RatesYear], str]:
    years: list[RatesYear] = []
    for label in result.rates_used:
        year = TaxYear.parse(label)
        if year not in rates.tax_years:
            continue
        rows = year_rows(rates, year)
        # State Pension age is one rule across many birth cohorts: keep one row per source, not one per cohort.
        kept: list[FigureRow] = []
        seen: set[str] = set()
        for row in rows:
            if row.section in ENDING_SECTIONS:  # said once, for the day, in the section on what would be owed
                continue
            if row.section == "State Pension age":
                if row.source_url in seen:
                    continue
                seen.add(row.source_url)
                row = FigureRow(
                    row.section,
                    "by date of birth",
                    "see source",
                    None,
                    row.status,
                    None,
                    row.source_title,
                    row.source_url,
                )
            kept.append(row)
        years.append(RatesYear(label, kept))
    note = f"Tax years whose figures were used: {', '.join(result.rates_used)}."
    if result.rates_carried_forward:
        note += (
            f" The plan runs past {rates.last_year.end:%-d %B %Y}, the end of the last tax year pacost has figures "
            f"for, so the {rates.last_year} figures were carried forward to the later dates."
        )
    else:
        note += " No figures were carried forward: every date in the plan falls in a tax year pacost has figures for."
    return years, note


def rate_value(row: FigureRow) -> str:
    """A figure's value as the report prints it: a single value, or the threshold for each pay frequency."""
    if row.value is not None:
        return row.shown or row.value
    names = {
        "weekly": "week",
        "fortnightly": "fortnight",
        "four_weekly": "4 weeks",
        "monthly": "month",
        "annual": "year",
    }
    per = row.per_period or {}
    return ", ".join(f"£{per[f]} a {names[f]}" for f in FREQUENCY_FIELDS if f in per)


# ----------------------------------------------------------------------------------------------------------------
# Why the budget must cover this: only references whose text was checked (anchors.md §2, and re-read for this
# report). Each is a paraphrase, linked to legislation.gov.uk or gov.uk.

LEGAL_INTRO = (
    "Employing PAs makes the person receiving the direct payment an employer, with an employer's legal duties: "
    "holiday pay, sick pay, National Insurance, pension and the rest of the breakdown above. These are the "
    "published rules, for the nation the plan is in, on which the budget should cover them."
)

NOT_ADVICE = (
    "This report is not legal or financial advice. It sets out what employing the PAs in the plan costs under the "
    "published rates and rules it names, on the assumptions listed; check the figures and, for a challenge, seek "
    "advice from an advocate or adviser."
)


# What the employer would owe if the employment ended: the law it comes from (text read on legislation.gov.uk and
# gov.uk), paraphrased.

ENDING_LAW: tuple[LegalRef, ...] = (
    LegalRef(
        "Employment Rights Act 1996, sections 155 and 162: statutory redundancy pay",
        (
            ("legislation.gov.uk: s.155", "https://www.legislation.gov.uk/ukpga/1996/18/section/155"),
            ("s.162", "https://www.legislation.gov.uk/ukpga/1996/18/section/162"),
        ),
        "After two years' continuous employment, an employee dismissed for redundancy is owed, for each year "
        "counted back from the end (at most twenty), half a week's pay for a year under 22, a week from 22, a week "
        "and a half from 41.",
    ),
    LegalRef(
        "Employment Rights Act 1996, section 86: notice",
        (("legislation.gov.uk: s.86", "https://www.legislation.gov.uk/ukpga/1996/18/section/86"),),
        "At least a week's notice after a month's employment; from two years a week for each complete year, up to "
        "twelve; it may be paid instead of worked.",
    ),
    LegalRef(
        "GOV.UK: holiday when someone leaves a job",
        (
            (
                "gov.uk: taking holiday before leaving a job",
                "https://www.gov.uk/holiday-entitlement-rights/taking-holiday-before-leaving-a-job",
            ),
        ),
        "A worker who leaves is paid for the statutory leave accrued and not taken.",
    ),
    LegalRef(
        "HMRC National Insurance Manual NIM02325 and NIM02555: redundancy and notice pay",
        (
            ("gov.uk: NIM02325", "https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim02325"),
            ("NIM02555", "https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim02555"),
            ("termination payments", "https://www.gov.uk/termination-payments-and-tax-when-you-leave-a-job"),
        ),
        "Redundancy payments are not earnings for National Insurance; notice pay and holiday pay are.",
    ),
)


# ----------------------------------------------------------------------------------------------------------------


def _period(result: CostResult) -> str:
    return f"{result.start:%-d %B %Y} to {result.end:%-d %B %Y} ({result.days} days)"


def build_report(result: CostResult, plan: Plan, rates: RateBook, *, generated_on: date) -> Report:
    """Everything the report says, from one costed result (plus the plan it came from and the rate book)."""
    rates_years, rates_note = _rates(result, rates)
    law = law_for(result.nation)
    budget_label = (
        f"Budget ({pounds(result.budget_amount)} {per_phrase(result.budget_per)})"
        if result.budget_per != "period"
        else "Budget (for the period)"
    )
    return Report(
        title=f"{result.plan}: the true cost of employing PAs" + (" (with changes)" if result.overrides else ""),
        plan=result.plan,
        period=_period(result),
        nation=Nation(result.nation).display_name,
        days=result.days,
        verdict=report_verdict(result),
        key_figures=key_figures(result),
        covered=result.covered,
        total=result.total,
        budget=result.budget,
        difference=result.difference,
        budget_label=budget_label,
        chart=chart_parts(result),
        breakdown=_breakdown(shown_lines(result), rates),
        total_per_week=result.total_per_week,
        budget_per_week=result.budget_per_week,
        difference_per_week=result.difference_per_week,
        comparison=_comparison(result),
        cost_per_planned_hour=result.cost_per_planned_hour,
        on_cost_percent=result.on_cost_percent,
        rota=_rota(plan, result),
        pas=_pas(plan, result, rates),
        cover=_cover(plan, result),
        warnings=list(result.warnings),
        assumptions=list(result.assumptions),
        rates=rates_years,
        rates_note=rates_note,
        legal_intro=LEGAL_INTRO,
        legal_nation=Nation(result.nation).display_name,
        legal=list(law.refs),
        legal_left_out=law.not_read,
        legal_examples=list(law.examples),
        generated_on=generated_on,
        version=result.pacost_version,
        plan_file=Path(result.source).name,
        sha256=result.sha256,
        not_advice=NOT_ADVICE,
        changes=changes(result),
        ask=the_ask(result),
        needed=f"{pounds(result.budget_needed)} {per_phrase(result.budget_per)}",
        statements=plain_statements(result),
        ending_head=(
            f"If the employment ended on {result.liabilities.ending:%-d %B %Y}" if result.liabilities else None
        ),
        ending_summary=ending_summary(result),
        ending_rows=ending_rows(result),
        reserve=reserve_sentences(result),
        ending_law=list(ENDING_LAW),
        ending_limit=_ending_limit(result, rates),
    )
