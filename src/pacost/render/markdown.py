"""The Markdown form of a result: a verdict, the breakdown table, the key figures, warnings and assumptions —
ready to paste into an email or a letter. Every text that may hold a plan's words is escaped
(``pacost.safe_text.markdown_text``): a name never becomes a tag, a link or an image."""

from __future__ import annotations

from pacost.money import pounds
from pacost.render.words import (
    changes,
    ending_rows,
    ending_summary,
    key_figures,
    plain_statements,
    reserve_sentences,
    shown_lines,
    the_ask,
    verdict,
)
from pacost.result import CostResult
from pacost.safe_text import markdown_text


def ending_markdown(result: CostResult) -> list[str]:
    """ "If the employment ended…": what the employer would owe, per PA, and the reserve the plan asks for."""
    summary = ending_summary(result)
    if summary is None or result.liabilities is None:
        return []
    out = [
        "",
        f"## If the employment ended on {result.liabilities.ending:%-d %B %Y}",
        "",
        markdown_text(summary),
        "",
        "| PA | Redundancy pay | Notice pay | Holiday owed | NI and pension | Total |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    out += ["| " + " | ".join(markdown_text(cell) for cell in row) + " |" for row in ending_rows(result)]
    sentences = reserve_sentences(result)
    if sentences:
        out += ["", *(markdown_text(sentence) for sentence in sentences)]
    return out


def render_markdown(result: CostResult) -> str:
    lines = [
        f"# {markdown_text(result.plan)}: the true cost of employing PAs",
        "",
        *([f"*{markdown_text(changed)}*", ""] if (changed := changes(result)) else []),
        f"{result.start:%-d %B %Y} to {result.end:%-d %B %Y} ({result.days} days).",
        "",
        f"**{verdict(result)}**",
        "",
        *([markdown_text(ask), ""] if (ask := the_ask(result)) else []),
        "| Cost | For the period | Per week |",
        "| --- | ---: | ---: |",
    ]
    for line in shown_lines(result):
        label = line.label + (f" ({line.detail})" if line.detail else "")
        lines.append(f"| {markdown_text(label)} | {pounds(line.amount)} | {pounds(line.per_week)} |")
    lines += [
        f"| **True cost** | **{pounds(result.total)}** | **{pounds(result.total_per_week)}** |",
        f"| Budget | {pounds(result.budget)} | {pounds(result.budget_per_week)} |",
        f"| **Difference** | **{pounds(result.difference)}** | **{pounds(result.difference_per_week)}** |",
        "",
        "## Key figures",
        "",
    ]
    lines += [f"- {markdown_text(f.label)}: {f.value}" for f in key_figures(result)]
    statements = plain_statements(result)
    if statements:
        lines += ["", "## What the numbers say", ""] + [f"- {markdown_text(s)}" for s in statements]
    lines += ending_markdown(result)
    if result.warnings:
        lines += ["", "## Warnings", ""] + [f"- {markdown_text(w)}" for w in result.warnings]
    lines += ["", "## Assumptions", ""] + [f"- {markdown_text(a)}" for a in result.assumptions]
    lines += [
        "",
        f"Rates used: {', '.join(result.rates_used)}"
        + (" (latest figures carried forward)" if result.rates_carried_forward else "")
        + f". pacost {result.pacost_version}.",
        "",
    ]
    return "\n".join(lines)
