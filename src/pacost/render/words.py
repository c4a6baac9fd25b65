"""The plain-English sentences every renderer shares: the verdict, the key figures, the changes a run made to the
plan, and what the employer would owe if the employment ended."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pacost.money import pounds, round_penny
from pacost.result import ASKED_FOR_LINES, CostLine, CostResult
from pacost.rota_words import and_list

HUNDRED = Decimal(100)


def period_phrase(result: CostResult) -> str:
    """``a year`` for a year-long plan, else ``over these 90 days``."""
    if result.days in (365, 366):
        return "a year"
    return f"over these {result.days} days"


def changes(result: CostResult) -> str | None:
    """``With changes for this run: pa.0.hourly_rate=13.50, budget.amount=+5%`` (and the scenario's name), or None
    for the plan as written. Shown wherever the plan file's name and SHA-256 are, which are of the file as written."""
    if not result.overrides:
        return None
    named = f" (“{result.scenario}”)" if result.scenario else ""
    return f"With changes for this run{named}: {', '.join(result.overrides)}."


#: How a budget's period is said after an amount: "£260.00 a week", "£1,950.00 every 4 weeks".
PER_PHRASES = {
    "week": "a week",
    "fortnight": "a fortnight",
    "4-weeks": "every 4 weeks",
    "month": "a month",
    "year": "a year",
    "period": "for the period",
}


def per_phrase(per: str) -> str:
    return PER_PHRASES.get(per, f"a {per}")


def the_ask(result: CostResult) -> str | None:
    """What the council needs to pay to fund the plan, in one paragraph an officer can act on, led by the budget's
    own period; and what today's budget buys."""
    every = result.needed_every
    if every is None or result.total <= 0:
        return None
    per = result.budget_per
    lead = f"{pounds(result.budget_needed)} {per_phrase(per)}"
    others = [f"{pounds(every[p])} {per_phrase(p)}" for p in ("week", "4-weeks", "year") if p != per]
    text = f"To fund this plan the council needs to pay {lead} ({and_list(others)})"
    if result.needed_per_funded_hour is not None and result.funded_hours_per_week is not None:
        text += (
            f", £{result.needed_per_funded_hour:,.2f} for each of the {_number(result.funded_hours_per_week)} "
            "hours a week it says it funds"
        )
    text += "."
    if not result.covered and result.hours_per_week_budget_buys is not None:
        text += (
            f" At today's budget of {pounds(result.budget_amount)} {per_phrase(per)}, only "
            f"{_number(result.hours_per_week_budget_buys)} hours a week of the "
            f"{_number(result.hours.planned_per_week)} planned can be bought."
        )
    elif result.covered:
        text += f" Today's budget covers it, with {pounds(result.difference_per_week)} a week to spare."
    return text


def _number(value: Decimal) -> str:
    """Hours as people write them: 28, 15.5, 14.85."""
    text = f"{value:.2f}"
    return text[:-3] if text.endswith(".00") else text.rstrip("0") if "." in text else text


def council_pay_rate(result: CostResult) -> tuple[Decimal, Decimal] | None:
    """The PAs' pay per planned hour (rota pay ÷ planned hours, to the penny) and the on-cost percentage that the
    council's implied hourly rate leaves on top of it — the true on-cost's definition with the council's rate in
    place of the true cost per hour. None when the plan gives no funded hours."""
    implied = result.budget_implied_hourly_rate
    if implied is None or result.rota_pay <= 0 or result.hours.planned <= 0:
        return None
    pay = round_penny(result.rota_pay / result.hours.planned)
    return pay, ((implied - pay) / pay * HUNDRED).quantize(Decimal("0.01"))


def plain_statements(result: CostResult) -> list[str]:
    """What the numbers say, in plain words, where they say something: the council's rate against the minimum wage
    and against the PAs' own pay, the funded hours against the planned, and why a PA gets no pension or a
    bank-holiday rate never applies."""
    out: list[str] = []
    implied = result.budget_implied_hourly_rate
    if implied is not None:
        below: dict[Decimal, list[str]] = {}
        for pa in result.pas:
            if pa.minimum_wage_at_start is not None and implied < pa.minimum_wage_at_start:
                below.setdefault(pa.minimum_wage_at_start, []).append(f"{pa.name} (aged {pa.age_at_start})")
        for wage, names in sorted(below.items(), reverse=True):
            out.append(
                f"The council's {pounds(implied)} an hour is below the {pounds(wage)} an hour minimum wage for "
                f"{and_list(names)} — before any of the employer's costs."
            )
        if result.pay_commitment is not None:
            floor_name, floor, since = result.pay_commitment
            if implied < floor:
                out.append(
                    f"The council's {pounds(implied)} an hour is below {floor_name} it has committed to, "
                    f"{pounds(floor)} an hour from {since:%-d %B %Y} — before any of the employer's costs."
                )
        pay = council_pay_rate(result)
        if pay is not None and pay[1] < 0:
            out.append(
                f"The council's {pounds(implied)} an hour is less than the {pounds(pay[0])} an hour the PAs are paid "
                "on average for the planned hours: it does not cover their wages, and leaves nothing for holiday "
                "pay, sick pay, cover, National Insurance, pension or insurance."
            )
    funded, planned = result.funded_hours_per_week, result.hours.planned_per_week
    if funded is not None and funded - planned >= Decimal("0.5"):
        out.append(
            f"The council says it funds {_number(funded)} hours a week, but the plan has {_number(planned)}: the "
            f"other {_number(funded - planned)} hours a week are met only if someone gives them unpaid — often a "
            "family member."
        )
    elif funded is not None and planned - funded >= Decimal("0.5"):
        out.append(
            f"The plan has {_number(planned)} hours a week, {_number(planned - funded)} more than the "
            f"{_number(funded)} the council says it funds: the budget does not pay for them."
        )
    if result.hours.unpaid_family > 0:
        out.append(
            f"{_number(result.hours.unpaid_family)} hours of cover for holidays and sickness are left to the family, "
            "unpaid: they are not in the cost."
        )
    for pa in result.pas:
        if pa.pension or pa.pension_choice != "auto":
            continue
        if pa.over_state_pension_age_at_start:
            out.append(
                f"No workplace pension is paid for {pa.name}: over State Pension age, they are not enrolled "
                "automatically (they may ask to join)."
            )
        elif pa.age_at_start < pa.pension_minimum_age:
            out.append(
                f"No workplace pension is paid for {pa.name}: at {pa.age_at_start} they are under "
                f"{pa.pension_minimum_age}, the age automatic enrolment starts (they may ask to join)."
            )
    for pa in result.pas:
        if pa.bank_holiday_multiplier != 1 and not pa.bank_holiday_hours:
            out.append(
                f"{pa.name}'s bank-holiday rate (× {_number(pa.bank_holiday_multiplier)}) never applies: none of "
                "the hours they are paid by the hour falls on a bank holiday in the plan."
            )
    return out


def verdict(result: CostResult) -> str:
    """One sentence a carer understands at a glance."""
    gap = abs(result.difference)
    weekly = abs(result.difference_per_week)
    if result.covered:
        if result.difference == 0:
            return "This budget exactly covers the true cost of the plan."
        return (
            f"This budget covers the true cost, with {pounds(gap)} {period_phrase(result)} to spare — "
            f"{pounds(weekly)} a week."
        )
    return f"This budget falls {pounds(gap)} {period_phrase(result)} short — {pounds(weekly)} a week."


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str


def key_figures(result: CostResult) -> list[KeyFigure]:
    """The verdict's figures, in order, ready to print (amounts in pounds, hours with two decimals)."""
    out = [
        KeyFigure("True cost", f"{pounds(result.total)} ({pounds(result.total_per_week)} a week)"),
        KeyFigure("Budget", f"{pounds(result.budget)} ({pounds(result.budget_per_week)} a week)"),
    ]
    if result.covered and result.difference > 0:
        spare = f"{pounds(result.difference)} ({pounds(result.difference_per_week)} a week)"
        out.append(KeyFigure("Money to spare after the true cost", spare))
    elif result.share_covered_percent is not None:
        out.append(KeyFigure("Share of the cost the budget covers", f"{result.share_covered_percent}%"))
    out.append(KeyFigure("Hours of care planned", f"{result.hours.planned} ({result.hours.planned_per_week} a week)"))
    if result.cost_per_planned_hour is not None:
        out.append(KeyFigure("True cost per planned hour", pounds(result.cost_per_planned_hour)))
    if result.hours_per_week_budget_buys is not None:
        out.append(KeyFigure("Hours a week the budget really buys", f"{result.hours_per_week_budget_buys}"))
    if result.max_affordable_hourly_rate is not None:
        out.append(KeyFigure("The highest hourly rate this budget can pay", pounds(result.max_affordable_hourly_rate)))
    else:
        out.append(KeyFigure("The highest hourly rate this budget can pay", "none: fixed costs alone exceed it"))
    out.append(KeyFigure(f"Budget needed {per_phrase(result.budget_per)}", pounds(result.budget_needed)))
    if result.on_cost_percent is not None:
        out.append(KeyFigure("True on-costs on top of the PAs' pay", f"{result.on_cost_percent}%"))
    if result.budget_implied_hourly_rate is not None and result.funded_hours_per_week is not None:
        out.append(
            KeyFigure(
                f"Hourly rate the budget implies ({result.funded_hours_per_week} funded hours a week)",
                pounds(result.budget_implied_hourly_rate),
            )
        )
    if result.hours.unpaid_family > 0:
        out.append(KeyFigure("Hours of cover left to unpaid family", f"{result.hours.unpaid_family}"))
    return out


def shown_lines(result: CostResult) -> list[CostLine]:
    """The breakdown's lines as people read them: a line a plan has only when it asks for it (replacing PAs, the
    reserve) is left out when it is zero. (JSON and CSV keep every line.)"""
    return [line for line in result.lines if line.amount or line.id not in ASKED_FOR_LINES]


def _weeks(weeks: Decimal) -> str:
    text = f"{weeks.normalize():f}" if weeks == weeks.to_integral_value() else f"{weeks:.2f}".rstrip("0")
    return f"{text} week" + ("" if weeks == 1 else "s")


def ending_summary(result: CostResult) -> str | None:
    """What the employer would owe if the employment ended, in one paragraph (None without the figures)."""
    owed = result.liabilities
    if owed is None:
        return None
    return (
        f"If the employment of every PA ended on {owed.ending:%-d %B %Y}, the employer would owe "
        f"{pounds(owed.total)}: {pounds(owed.redundancy_pay)} statutory redundancy pay, {pounds(owed.notice_pay)} "
        f"notice pay and {pounds(owed.holiday_pay)} for holiday accrued and not taken, with "
        f"{pounds(owed.employer_ni)} employer's National Insurance and {pounds(owed.pension)} pension on the notice "
        "and holiday pay (none is due on redundancy pay). "
        + (
            "It is not a recurring cost: the reserve the plan funds for it is counted in the cost above."
            if result.reserve is not None and result.reserve.funded
            else "This is not part of the cost above: it is what would fall due at the end."
        )
    )


def ending_rows(result: CostResult) -> list[tuple[str, str, str, str, str, str]]:
    """Per PA: who (with their service), redundancy pay, notice pay, holiday owed, NI and pension on them, total."""
    owed = result.liabilities
    if owed is None:
        return []
    rows = []
    for x in owed.pas:
        years = f"{x.years_of_service} full year" + ("" if x.years_of_service == 1 else "s")
        redundancy = pounds(x.redundancy_pay) + (
            f" ({_weeks(x.redundancy_weeks)} × {pounds(min(x.week_pay, x.week_pay_limit))})"
            if x.redundancy_weeks
            else " (service too short)"
        )
        notice = pounds(x.notice_pay) + (f" ({_weeks(Decimal(x.notice_weeks))})" if x.notice_weeks else "")
        holiday = pounds(x.holiday_pay) + (f" ({_weeks(x.holiday_weeks)})" if x.holiday_weeks else "")
        on_costs = pounds(x.notice_employer_ni + x.holiday_employer_ni + x.notice_pension)
        rows.append(
            (
                f"{x.name}, from {x.employed_since:%-d %B %Y} ({years}, age {x.age})",
                redundancy,
                notice,
                holiday,
                on_costs,
                pounds(x.total),
            )
        )
    return rows


def ending_sentences(result: CostResult) -> list[str]:
    """``ending_rows`` as one sentence a PA, for a narrow screen."""
    return [
        f"{who}: redundancy pay {redundancy}, notice pay {notice}, holiday owed {holiday}, NI and pension "
        f"{on_costs}; in all {total}."
        for who, redundancy, notice, holiday, on_costs, total in ending_rows(result)
    ]


def reserve_sentences(result: CostResult) -> list[str]:
    """The contingency reserve the plan asks for, whether the budget funds it, and whether it fits in the balance
    the council lets the account hold."""
    reserve = result.reserve
    if reserve is None:
        return []
    basis = {"liabilities": "what the employer would owe if the employment ended", "amount": "the plan's amount"}
    what = basis.get(reserve.basis, f"{reserve.basis} of the true cost")
    out = [
        f"The plan asks for a contingency reserve of {pounds(reserve.amount)} ({what})"
        + (
            ", funded from the budget: building it up is counted in the cost as its own line."
            if reserve.funded
            else ", not funded from the budget: it is not part of the cost."
        )
    ]
    if reserve.balance_limit is not None and reserve.over_balance_limit is not None:
        limit = f"The council lets the account hold at most {pounds(reserve.balance_limit)}"
        if reserve.over_balance_limit:
            out.append(
                f"{limit}: the reserve is {pounds(reserve.over_balance_limit)} more than that, so it cannot be held "
                "in the account as the council's rules stand."
            )
        else:
            out.append(f"{limit}: the reserve fits, with {pounds(reserve.balance_limit - reserve.amount)} to spare.")
    return out
