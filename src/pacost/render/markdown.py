"""The Markdown form of a result: a verdict, the breakdown table, the key figures, warnings and assumptions —
ready to paste into an email or a letter. Every text that may hold a plan's words is escaped
(``pacost.safe_text.markdown_text``): a name never becomes a tag, a link or an image."""

from __future__ import annotations

from pacost.money import pounds
from pacost.render.words import changes, key_figures, verdict
from pacost.result import CostResult
from pacost.safe_text import markdown_text


def render_markdown(result: CostResult) -> str:
    lines = [
        f"# {markdown_text(result.plan)}: the true cost of employing PAs",
        "",
        *([f"*{markdown_text(changed)}*", ""] if (changed := changes(result)) else []),
        f"{result.start:%-d %B %Y} to {result.end:%-d %B %Y} ({result.days} days).",
        "",
        f"**{verdict(result)}**",
        "",
        "| Cost | For the period | Per week |",
        "| --- | ---: | ---: |",
    ]
    for line in result.lines:
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
