"""``pacost report PLAN --letter``: the covering letter, from templates — the verdict, the ask in the budget's own
period (the JSON result's figure), what the numbers say, the law for the plan's nation, placeholders for the names
and the council's reference, and the report named as the enclosure; every value from the plan escaped."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

from typer.testing import CliRunner

from pacost.cli import app
from pacost.money import pounds

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_letter_says_the_verdict_the_ask_and_the_law() -> None:
    example = str(ROOT / "examples" / "three-pas-nights-weekends.toml")  # a plan in Wales
    data = json.loads(_run("cost", example, "--format", "json"))
    for fmt in ("markdown", "html"):
        letter = _run("report", example, "--letter", "--format", fmt)
        text = unescape(letter) if fmt == "html" else letter
        for placeholder in ("[Your name]", "[the council's reference]", "[name of the officer]"):
            assert placeholder in text
        needed = f"{pounds(__import__('decimal').Decimal(data['budget_needed']))} a week"
        assert f"set it at {needed}" in text
        assert "To fund this plan the council needs to pay" in text
        assert "Social Services and Well-being (Wales) Act 2014" in text and "Care Act 2014" not in text
        assert data["plan_sha256"] in text and "Enclosure:" in text


def test_the_letter_escapes_the_plans_words(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'name = "<script>alert(1)</script> [x](https://evil.example) **bold**"\n'
        'start = 2026-04-06\n[budget]\namount = 300\nper = "week"\n'
        '[[pa]]\nname = "Jo"\nhourly_rate = 13\nhours_per_week = 10\n',
        encoding="utf-8",
    )
    html = _run("report", str(plan), "--letter", "--format", "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    markdown = _run("report", str(plan), "--letter", "--format", "markdown")
    assert "[x](https://evil.example)" not in markdown and "**bold**" not in markdown
