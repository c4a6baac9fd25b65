"""What a result says it assumed (cost model §10): the defaults the plan reader filled in, and how pacost read the law
where it leaves a choice, stated for this plan with the figures from the data.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

from pacost.dates import TaxYear
from pacost.engine.prepare import Prepared, PreparedPA
from pacost.money import percent
from pacost.plan import Assumption, Plan
from pacost.rates.book import RateBook
from pacost.rates.models import NiRates, SspRates
from pacost.result import Liabilities, Recruitment
from pacost.rota_words import and_list
from pacost.statutory.holiday import accrual_rate
from pacost.statutory.named_rates import NAMED_RATES, floor_carried_forward, named_rate


def assumption_text(assumption: Assumption) -> str:
    """A default the plan reader applied, as a sentence with its source."""
    if assumption.source_url:
        return f"{assumption.text.removesuffix('.')} (source: {assumption.source_url})."
    return assumption.text


def _waiting_days_rule(rates: RateBook) -> str:
    """The SSP waiting-days rule as the data gives it: "before 6 April 2026 a spell must be 4+ days and the first 3
    are waiting days" (empty when no year in the data has it); worked out once per rate book."""
    memo = rates.memo("SSP waiting-days rule", 1)
    found: str | None = memo.get(None)
    if found is None:
        found = memo.put(None, _waiting_days_text(rates))
    return found


def _waiting_days_text(rates: RateBook) -> str:
    waiting = [year for year, ssp in sorted(rates.ssp.items()) if ssp.regime == "waiting-days"]
    if not waiting:
        return ""
    ssp = rates.ssp[waiting[-1]]
    rule = (
        f"a spell must be {ssp.minimum_spell_days.value}+ days and the first {ssp.waiting_days.value} are waiting days"
    )
    later = [year for year in rates.ssp if year > waiting[-1]]
    if later:
        return f"; before {TaxYear(min(later)).start:%-d %B %Y} {rule}"
    return f"; {rule}"


def model_assumptions(plan: Plan, prep: Prepared, rates: RateBook) -> list[str]:
    """How pacost read the law where it leaves a choice, stated for this plan."""
    out = [
        "Holiday and sickness are spread evenly: each PA's leave is a share (holiday weeks x 7 / 365) of every "
        "pay period, and their expected sick days a share of their scheduled days.",
        "Employer NI is worked out per pay period on that period's pay, by HMRC's exact percentage method, "
        "rounded to the penny with a halfpenny or less disregarded (SS(C)R 2001 reg 12(1)).",
    ]
    if plan.sickness.pay == "statutory":
        out.append(
            "Statutory Sick Pay: each spell of sickness is its own period of incapacity (spells not linked), paid "
            "at the daily rate of the week it starts in (the weekly rate ÷ the PA's scheduled days in that "
            "Sunday-to-Saturday week); average weekly earnings are the PA's normal weekly pay"
            f"{_waiting_days_rule(rates)}."
        )
    if any(p.pa.pension != "opt-out" for p in prep.pas):
        minimum = " or ".join(sorted({percent(rates.pension[year].employer_minimum.value) for year in prep.years_used}))
        out.append(
            f"Pension: the employer pays the {minimum} minimum on qualifying earnings from the first pay period a "
            "PA is an eligible jobholder; postponement is not used."
        )
    cut = [p.pa.name for p in prep.pas if p.cut is not None]
    if cut:
        out.append(
            f"The last pay period of {and_list(cut)} runs past the plan's end: it is costed whole, with the rota "
            "continued and the figures in force on the plan's last day, and the plan counts the pay for its days "
            "inside the plan and the same share of its employer NI and pension (each to the penny)."
        )
    if plan.employer.employment_allowance:
        out.append(
            "The whole Employment Allowance is available to this plan: no pay outside it uses any of the allowance "
            "up (HMRC NIM06520: household employers of care and support workers may claim it)."
        )
    if any(p.sleep_in_hours for p in prep.pas):
        cover = plan.cover
        if cover.by == "agency":
            charge = (
                f"the agency's £{cover.sleep_in_rate:.2f} a night"
                if cover.sleep_in_rate is not None
                else "the PA's own flat sum for it (the plan's cover table can give the agency's own charge for a "
                "night)"
            )
            covered = f"agency cover for a sleep-in is charged at {charge}, not by the hour"
        else:
            covered = "it is covered as the PA works it"
        out.append(f"Sleep-in hours count as planned hours of care; a sleep-in is paid its flat sum, and {covered}.")
    out += [named_rate_text(p, rates) for p in prep.pas if p.pa.named_rate is not None]
    unconfirmed = unconfirmed_figures(rates, prep.years_used)
    if unconfirmed:
        out.append("Figures not yet seen in an official source (marked unconfirmed in the data): " + unconfirmed)
    return out


def named_rate_text(p: PreparedPA, rates: RateBook) -> str:
    """How a PA paid a named rate (``hourly_rate = "nlw"``) is paid: the rule, and each rate from the first day of
    the first pay period it applies to, with those not yet seen at an official source said."""
    name = p.pa.named_rate
    assert name is not None and p.named_rates is not None and p.named_rate_of is not None  # noqa: S101
    grid = p.grid
    changes: list[tuple[date, int]] = []
    for first, rate in zip(grid.spans.firsts, p.named_rate_of, strict=True):
        if not changes or changes[-1][1] != rate:
            changes.append((grid.start + timedelta(days=first), rate))
    steps = ", ".join(f"£{p.named_rates[rate]:.2f} from {day:%-d %B %Y}" for day, rate in changes)
    floor = "" if name == "nlw" else ", and never less than the minimum wage for their age"
    text = (
        f"{p.pa.name} is paid {NAMED_RATES[name]} as it stands on the first day of each pay period (the minimum "
        f"wage's own rule, HMRC NMWM03110){floor}: {steps}."
    )
    figures = [named_rate(name, p.pa.date_of_birth, day, rates).figure for day, _ in changes]
    unconfirmed = [f"£{f.value:.2f}" for f in figures if f is not None and f.status == "unconfirmed"]
    if unconfirmed:
        text += f" Not yet seen at its official source (press reports only): {and_list(unconfirmed)}."
    last_start = grid.start + timedelta(days=grid.spans.firsts[-1])
    if floor_carried_forward(name, last_start, rates):
        text += f" A newer figure than the one used by {last_start:%-d %B %Y} is likely but not known to pacost."
    return text


def unconfirmed_figures(rates: RateBook, years: set[int]) -> str:
    """The figures of these years marked unconfirmed in the data, named (worked out once per set of years)."""
    memo = rates.memo("unconfirmed figures by years", 256)
    key = frozenset(years)
    found: str | None = memo.get(key)
    if found is None:
        names = []
        for year in sorted(years):
            models: tuple[tuple[str, NiRates | SspRates | None], ...] = (
                ("NI", rates.ni.get(year)),
                ("SSP", rates.ssp.get(year)),
            )
            for section, model in models:
                if model is None:
                    continue
                for field_name in (f.name for f in fields(model)):
                    value = getattr(model, field_name)
                    if getattr(value, "status", None) == "unconfirmed":
                        names.append(f"{TaxYear(year).label} {section} {field_name.replace('_', ' ')}")
        found = memo.put(key, "; ".join(names))
    return found


def ending_assumptions(plan: Plan, rates: RateBook, owed: Liabilities, replacing: Recruitment | None) -> list[str]:
    """How what the employer would owe if the employment ended, and the cost of replacing PAs, were worked out."""
    day = f"{owed.ending:%-d %B %Y}"
    which = "the plan's last day" if plan.contingency.ending is None else "the day the plan gives"
    out = [
        f"What the employer would owe if the employment ended on {day} ({which}) is shown apart from the cost. A "
        "week's pay is the PA's average over the 12 whole Sunday-to-Saturday weeks before the day (52 for holiday "
        "pay), as far back as the plan goes, at their rate on the day.",
    ]
    assumed = [pa.name for pa in plan.pa if pa.employed_since is None]
    if assumed:
        out.append(
            f"{and_list(assumed)} taken as employed from the plan's start ({plan.start:%-d %B %Y}), which sets "
            "their notice and any redundancy pay: a PA who started earlier needs their start date in the plan."
        )
    leave_year = (
        f"leave years from {date(2024, *map(int, plan.employer.leave_year_start.split('-'))):%-d %B}"
        if plan.employer.leave_year_start
        else "the leave year from each PA's start anniversary, the rule when no agreement sets one"
    )
    out.append(
        f"Holiday owed is the leave accrued in the leave year to the day ({leave_year}), none of it taken: the "
        "most that could be owed (none for rolled-up holiday). NI, and pension on notice pay, as on weekly pay "
        "with the day's figures, before any Employment Allowance; none on redundancy pay."
    )
    if replacing is not None:
        assert rates.holiday is not None  # noqa: S101 - RateBook.check_complete guarantees it
        assert rates.defaults is not None  # noqa: S101 - RateBook.check_complete guarantees it
        turnover = rates.defaults.pa_turnover_percent
        whose = (
            "the plan's figure"
            if plan.employer.turnover_percent is not None
            else f"Skills for Care's figure for PAs in England; source: {turnover.source.url}"
        )
        hours = plan.employer.training_hours
        training = ""
        if hours:
            covered = " and the care covered meanwhile at the cover's rate" if plan.employer.training_cover else ""
            training = (
                f"; {hours} hours' training at the PA's rate plus the {percent(accrual_rate(rates.holiday))} "
                f"holiday it earns{covered} (the employer's NI and pension on it are not added)"
            )
        out.append(
            f"Replacing PAs who leave: {replacing.turnover_percent}% of PAs a year ({whose}), each new PA costing "
            f"the one-off costs per hire{training}."
        )
    return out
