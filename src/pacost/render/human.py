"""The human view of one costed plan (Rich): the verdict in words, the breakdown, a bar of cost against budget, the
key figures, then warnings and assumptions. Only layout lives here; every sentence and figure comes from
``pacost.render.words`` and the result. Rich is imported only by the terminal views under ``pacost.render``."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pacost.money import pounds
from pacost.render.words import (
    changes,
    ending_sentences,
    ending_summary,
    key_figures,
    plain_statements,
    reserve_sentences,
    shown_lines,
    the_ask,
    verdict,
)
from pacost.result import CostResult
from pacost.safe_text import shown

BAR_WIDTH = 40


def _plain(text: str) -> str:
    """Text that may hold a plan's words, for Rich markup: shown as written, never as markup or a terminal escape."""
    return escape(shown(text))


def _bar(amount: Decimal, largest: Decimal) -> str:
    if largest <= 0:
        return ""
    filled = int((amount / largest * BAR_WIDTH).to_integral_value()) if amount > 0 else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def breakdown_table(result: CostResult) -> Table:
    table = Table(title=None, show_edge=False, pad_edge=False, box=None, header_style="bold")
    table.add_column("Cost")
    table.add_column(f"For the {result.days} days", justify="right")
    table.add_column("Per week", justify="right")
    for line in shown_lines(result):
        label = line.label + (f" ({line.detail})" if line.detail else "")
        table.add_row(_plain(label), pounds(line.amount), pounds(line.per_week))
    table.add_section()
    table.add_row("[bold]True cost[/]", f"[bold]{pounds(result.total)}[/]", f"[bold]{pounds(result.total_per_week)}[/]")
    table.add_row("Budget", pounds(result.budget), pounds(result.budget_per_week))
    style = "green" if result.covered else "red"
    table.add_row(
        f"[bold {style}]Difference[/]",
        f"[bold {style}]{pounds(result.difference)}[/]",
        f"[bold {style}]{pounds(result.difference_per_week)}[/]",
    )
    return table


def pay_periods_table(result: CostResult) -> Group:
    parts: list[Table | Text] = []
    for pa in result.pas:
        table = Table(title=f"{_plain(pa.name)}: pay periods", title_justify="left", box=None, header_style="bold")
        for head, justify in (
            ("Pay date", "left"),
            ("Days", "right"),
            ("Earnings", "right"),
            ("NI letter", "left"),
            ("Employer NI", "right"),
            ("Pension", "right"),
        ):
            table.add_column(head, justify=justify)  # type: ignore[arg-type]
        for p in pa.periods:
            table.add_row(
                f"{p.pay_date}",
                str(p.days) + ("" if p.whole else "*"),
                pounds(p.earnings),
                p.ni_category,
                pounds(p.employer_ni),
                pounds(p.pension),
            )
        parts.append(table)
        parts.append(Text(""))
    if any(not p.whole for pa in result.pas for p in pa.periods):
        parts.append(
            Text(
                "* the last pay period runs past the plan's end: it is costed whole (to its pay date), and the share "
                "of its NI and pension that its pay inside the plan makes up is counted."
            )
        )
    return Group(*parts)


def ending_view(result: CostResult) -> list[RenderableType]:
    """ "If the employment ended…": what the employer would owe, per PA, and the reserve the plan asks for."""
    summary = ending_summary(result)
    if summary is None or result.liabilities is None:
        return []
    parts: list[RenderableType] = [
        Text(""),
        Text.from_markup(f"[bold]If the employment ended on {result.liabilities.ending:%-d %B %Y}[/]"),
        Text(summary),
    ]
    parts.append(_bullets("-", ending_sentences(result)))
    parts += [Text(shown(sentence)) for sentence in reserve_sentences(result)]
    return parts


def _bullets(mark: str, items: list[str]) -> Table:
    """A list whose wrapped lines hang under the text, not the mark."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column()
    for item in items:
        grid.add_row(mark, _plain(item))
    return grid


def cost_human(result: CostResult, *, detail: bool = False) -> Group:
    """The whole view of one costed plan, top to bottom."""
    style = "bold green" if result.covered else "bold red"
    blank = Text("")
    parts: list[RenderableType] = [
        Text.from_markup(f"[bold]{_plain(result.plan)}[/]"),
        *([Text(shown(changed), style="italic")] if (changed := changes(result)) else []),
        Text(
            f"{result.start:%-d %B %Y} to {result.end:%-d %B %Y} ({result.days} days), "
            f"{result.hours.planned} hours of care planned ({result.hours.planned_per_week} a week)."
        ),
        blank,
        Text(verdict(result), style=style),
        *([Text(shown(ask))] if (ask := the_ask(result)) else []),
        blank,
        breakdown_table(result),
        blank,
    ]
    largest = max(result.total, result.budget)
    parts.append(Text(f"True cost  {_bar(result.total, largest)}  {pounds(result.total)}"))
    parts.append(Text(f"Budget     {_bar(result.budget, largest)}  {pounds(result.budget)}"))
    parts.append(blank)
    figures = Table(box=None, show_header=False, pad_edge=False)
    figures.add_column()
    figures.add_column()
    for figure in key_figures(result)[2:]:  # the first two, cost and budget, are in the table above
        figures.add_row(_plain(figure.label), _plain(figure.value))
    parts.append(figures)
    statements = plain_statements(result)
    if statements:
        parts += [blank, Text.from_markup("[bold]What the numbers say[/]"), _bullets("-", statements)]
    parts += ending_view(result)
    if detail:
        parts += [blank, pay_periods_table(result)]
    if result.warnings:
        parts += [blank, Text.from_markup("[bold yellow]Warnings[/]"), _bullets("!", result.warnings)]
    parts += [blank, Text.from_markup("[bold]Assumptions[/]"), _bullets("-", result.assumptions), blank]
    carried = " (latest figures carried forward)" if result.rates_carried_forward else ""
    parts.append(Text(f"Rates used: {', '.join(result.rates_used)}{carried}. pacost {result.pacost_version}."))
    return Group(*parts)
