"""``pacost new [FILE]``: a plan written by answering questions in plain English, or (``--example``) a fully
commented template.

Each question shows the default it would use and why; each answer is checked as it is given, by the plan file's
own readers, and asked again with the reason when it cannot be used. Answers may be piped on standard input, one a
line (an empty line takes the default). The plan is checked whole before it is written, and never over a file that
exists. Writing the TOML is ``pacost.new_plan``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from pacost.cli.options import print_error
from pacost.errors import PacostError
from pacost.files import write_whole

_Answer = TypeVar("_Answer")

FILE_ARGUMENT = typer.Argument(help="The plan file to write (default: plan.toml; never one that exists).")


class _Interview:
    """Questions on standard error, answers from standard input: a person at a terminal, or answers piped in."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False)

    def say(self, text: str) -> None:
        from rich.markup import escape

        self.console.print(escape(text))

    def ask(
        self,
        question: str,
        read: Callable[[str], _Answer],
        default: str | None = None,
        why: str | None = None,
    ) -> _Answer:
        """Ask until the answer can be read (an empty answer takes ``default``; without one, it is asked again)."""
        from rich.markup import escape

        shown = f"[bold]{escape(question)}[/]"
        if default is not None:
            shown += f" [dim]\\[{escape(default or 'none')}{escape(': ' + why) if why else ''}][/]"
        while True:
            self.console.print(shown, end=" ")
            line = sys.stdin.readline()
            if not line:
                self.console.print()
                raise PacostError(f"the answers ended before the plan was complete (at: {question})")
            answer = line.strip()
            if not sys.stdin.isatty():
                self.console.print(escape(answer), style="cyan")  # piped: show what was answered
            if not answer:
                if default is None:
                    self.console.print("[red]This one needs an answer.[/]")
                    continue
                answer = default
            try:
                return read(answer)
            except ValueError as exc:
                self.console.print(f"[red]{escape(str(exc))}[/] Try again.")


def _yes(text: str) -> bool:
    word = text.strip().lower()
    if word in ("y", "yes", "true"):
        return True
    if word in ("n", "no", "false"):
        return False
    raise ValueError("answer yes or no")


def _optional(read: Callable[[str], _Answer]) -> Callable[[str], _Answer | None]:
    return lambda text: None if text.strip().lower() in ("none", "-", "") else read(text)


def _age_or_birth(text: str) -> int | date:
    from pacost.plan import read_age, read_date

    if text.strip().isdigit():
        return read_age(text)
    try:
        return read_date(text)
    except ValueError:
        raise ValueError("give an age such as 35, or a date of birth such as 1990-05-17") from None


def interview(ui: _Interview, today: date) -> dict[str, Any]:
    """The plan's tables, from the answers."""
    from pacost.dates import add_months
    from pacost.plan import (
        NATIONS,
        PERS,
        agency_default,
        current_tax_year_start,
        read_amount,
        read_choice,
        read_count,
        read_date,
        read_frequency,
        read_funded_hours,
        read_hourly_rate,
        read_multiplier,
    )
    from pacost.rates import bundled_rates
    from pacost.rota_words import EXAMPLES, describe_shift, read_shift

    rates = bundled_rates()
    assert rates.defaults is not None  # noqa: S101 - RateBook.check_complete guarantees it
    ui.say("A few questions about the care plan; press Enter to take the default shown in [brackets].")
    plan: dict[str, Any] = {}
    plan["name"] = ui.ask("What shall we call the plan?", str, "Care plan", "a name for the outputs")
    plan["nation"] = ui.ask(
        "Which nation is it in: England, Wales, Scotland or Northern Ireland?",
        lambda t: read_choice(t, NATIONS, "the nation"),
        "england",
        "for its bank holidays",
    )
    start = current_tax_year_start(today)
    plan["start"] = ui.ask(
        "The first day to cost (year-month-day)?", read_date, start.isoformat(), "the start of this tax year"
    )
    end = add_months(plan["start"], 12) - timedelta(days=1)
    plan["end"] = ui.ask("The last day to cost?", read_date, end.isoformat(), "a year on")
    budget: dict[str, Any] = {}
    budget["amount"] = ui.ask("How much is the council's budget (the amount, e.g. 520.00)?", read_amount)
    budget["per"] = ui.ask(
        "Is that a week, fortnight, 4-weeks, month or year?",
        lambda t: read_choice(t, PERS, "how often the amount is paid"),
        "week",
    )
    funded = ui.ask(
        "How many hours a week does the council say it funds?", _optional(read_funded_hours), "", "if it says"
    )
    if funded is not None:
        budget["hours_per_week"] = funded
    plan["budget"] = budget

    pas: list[dict[str, Any]] = []
    how_many = ui.ask("How many PAs are there?", lambda t: read_count(t, 1, 20, "a number of PAs"), "1")
    for number in range(1, how_many + 1):
        ui.say(f"PA {number}:")
        pa: dict[str, Any] = {}
        pa["name"] = ui.ask("Their name?", str, f"PA {number}")
        age = ui.ask(
            f"{pa['name']}'s age, or date of birth?",
            _age_or_birth,
            "30",
            "it sets their NI, minimum wage and pension",
        )
        pa["age" if isinstance(age, int) else "date_of_birth"] = age
        since = ui.ask(
            f"When did {pa['name']} start working for you (a date, e.g. 2019-09-01)?",
            _optional(read_date),
            "",
            "from the plan's start: it sets their notice and redundancy pay",
        )
        if since is not None:
            pa["employed_since"] = since
        pa["hourly_rate"] = ui.ask(f"{pa['name']}'s hourly rate (e.g. 13.50)?", read_hourly_rate)
        pa["pay_frequency"] = ui.ask(
            "Paid weekly, fortnightly, 4-weekly or monthly?",
            read_frequency,
            "monthly",
        )
        ui.say(f"{pa['name']}'s rota, one shift a line, as you would say it: {EXAMPLES}. An empty line when done.")
        shifts: list[dict[str, Any]] = []
        while True:
            shift = ui.ask(f"Shift {len(shifts) + 1}?", _optional(read_shift), "" if shifts else None)
            if shift is None:
                break
            ui.say(f"  read as: {describe_shift(shift)}")
            shifts.append(shift)
        enhancements = {}
        for key, words in (("weekend", "weekend"), ("night", "night"), ("bank_holiday", "bank-holiday")):
            factor = ui.ask(
                f"What do {words} hours pay, as a multiple of the hourly rate?", read_multiplier, "1", "no extra"
            )
            if factor != 1:
                enhancements[key] = factor
        if enhancements:
            pa["enhancements"] = enhancements
        pa["shift"] = shifts
        pas.append(pa)

    names = [pa["name"] for pa in pas]
    agency_rate, _, _ = agency_default(plan["nation"], rates)
    cover: dict[str, Any] = {}
    choices = ("agency", "pa", "family") if len(pas) > 1 else ("agency", "family")
    cover["by"] = ui.ask(
        f"Who covers holidays and sickness: {', '.join(choices[:-1])} or {choices[-1]}?",
        lambda t: read_choice(t, choices, "who covers"),
        "agency",
    )
    if cover["by"] == "agency":
        cover["rate"] = ui.ask(
            "The agency's charge an hour?", read_hourly_rate, str(agency_rate), "the Homecare Association's price"
        )
        if any(shift.get("kind") == "sleep-in" for pa in pas for shift in pa["shift"]):
            night = ui.ask(
                "The agency's charge for a sleep-in night?",
                lambda t: read_amount(t) if t else None,
                "",
                "the PA's own flat sum",
            )
            if night is not None:
                cover["sleep_in_rate"] = night
    elif cover["by"] == "pa":
        cover["pa"] = ui.ask(
            f"Which PA covers ({', '.join(names)})?", lambda t: read_choice(t, names, "the covering PA"), names[0]
        )
    plan["cover"] = cover
    insurance = ui.ask(
        "Employer's liability insurance, a year?", read_amount, "0", "none costed; an employer must insure"
    )
    payroll = ui.ask("A payroll service, a month?", read_amount, "0", "none costed")
    plan["employer"] = {
        "insurance": {"amount": insurance, "per": "year"},
        "payroll": {"amount": payroll, "per": "month"},
    }
    plan["pa"] = pas
    return plan


def new(
    plan_file: Annotated[Path | None, FILE_ARGUMENT] = None,
    example: Annotated[
        bool, typer.Option("--example", help="Write a fully commented template instead of asking questions.")
    ] = False,
) -> None:
    """Write a new plan file: by answering questions in plain English, or (--example) from a commented template."""
    from pacost.new_plan import TEMPLATE, plan_toml
    from pacost.plan import parse_plan

    if example and plan_file is None:
        sys.stdout.write(TEMPLATE)
        return
    path = plan_file or Path("plan.toml")
    if path.exists():
        raise PacostError(f"{path} already exists: give another name (pacost never writes over a file)")
    if example:
        write_whole(path, TEMPLATE)
        typer.echo(f"Wrote {path}: change it to your plan, then run: pacost cost {path}", err=True)
        return
    ui = _Interview()
    plan = interview(ui, date.today())
    text = plan_toml(plan, heading=f"Written by pacost new on {date.today():%-d %B %Y}. Every key: docs/plan-file.md.")
    try:
        parse_plan(text, source=str(path), fmt="toml")
    except PacostError as exc:  # an answer the questions could not catch alone (two PAs' shifts, say)
        print_error(str(exc))
        ui.say("The plan was not written: run pacost new again.")
        raise typer.Exit(1) from None
    write_whole(path, text)
    ui.say(f"Wrote {path}.")
    if ui.ask("Cost it now?", _yes, "yes"):
        from pacost.cli.cost_cmd import cost_plan_file
        from pacost.cli.options import CostFormat, show

        _, _, result = cost_plan_file(path, None, None, False)
        show(result, CostFormat.human, None)
