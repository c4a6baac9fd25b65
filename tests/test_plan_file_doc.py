"""``docs/plan-file.md`` is the plan file's reference: every key of every table is in it (and nothing else is), and
every example in it is a plan pacost costs (a fragment is costed inside a small base plan)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from pacost.engine.cost import cost_plan
from pacost.plan import (
    PA,
    Budget,
    Contingency,
    CostItem,
    Cover,
    Employer,
    Enhancements,
    HireCost,
    LoadedPlan,
    NightWindow,
    OtherCost,
    Plan,
    Shift,
    Sickness,
    key_tables,
    parse_plan,
    plan_from_dict,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "plan-file.md"
TEXT = DOC.read_text(encoding="utf-8")

#: Each heading of the reference and the part of the plan it documents.
SECTIONS: dict[str, type] = {
    "The top of the plan": Plan,
    "`[budget]`": Budget,
    "`[employer]`": Employer,
    "`insurance` and `payroll`": CostItem,
    "`[[employer.other]]`": OtherCost,
    "`[[employer.per_hire]]`": HireCost,
    "`[contingency]`": Contingency,
    "`[cover]`": Cover,
    "`[sickness]`": Sickness,
    "`[[pa]]`": PA,
    "`[pa.enhancements]`": Enhancements,
    "`[pa.night]`": NightWindow,
    "`[[pa.shift]]`": Shift,
}

BASE: dict[str, Any] = {
    "start": "2026-04-06",
    "budget": {"amount": "400", "per": "week"},
    "pa": [{"name": "Base", "hourly_rate": "13.00", "hours_per_week": "10"}],
}


def documented_keys() -> dict[str, list[str]]:
    """The keys in the first column of each section's table, by heading."""
    keys: dict[str, list[str]] = {}
    heading = None
    for line in TEXT.splitlines():
        found = re.match(r"#{2,3} (.+)", line)
        if found:
            heading = found[1].strip()
            continue
        row = re.match(r"\| `([a-z_]+)` \|", line)
        if row and heading is not None:
            keys.setdefault(heading, []).append(row[1])
    return keys


def test_every_key_of_every_table_is_documented_and_nothing_else() -> None:
    documented = documented_keys()
    assert set(documented) == set(SECTIONS), "a heading with a key table is not mapped, or a section is missing"
    tables = key_tables()
    assert set(tables) == set(SECTIONS.values()), "a part of the plan has no section in docs/plan-file.md"
    for heading, part in SECTIONS.items():
        assert sorted(documented[heading]) == sorted(tables[part]), heading


def examples() -> list[tuple[str, str]]:
    return re.findall(r"```(toml|json)\n(.*?)```", TEXT, flags=re.DOTALL)


@pytest.mark.parametrize(("language", "example"), examples(), ids=[f"example-{i}" for i in range(len(examples()))])
def test_every_example_is_costed(language: str, example: str) -> None:
    if language == "json":
        loaded = parse_plan(example, source="example.json", fmt="json")
        assert cost_plan(loaded, affordable=False).total > 0
        return
    data = tomllib.loads(example)
    if "budget" in data and "pa" in data:
        loaded = parse_plan(example, source="example.toml", fmt="toml")
        assert cost_plan(loaded, affordable=False).total > 0
        return
    plan = json.loads(json.dumps(BASE))
    plan.update(data)  # the fragment's tables in place of the base plan's
    if "cover" in data and data["cover"].get("pa"):  # cover by a PA needs that PA beside the base one
        plan["pa"].append({"name": data["cover"]["pa"], "hourly_rate": "13.00", "hours_per_week": "5"})
    built, _ = plan_from_dict(plan, source="example.toml")
    assert cost_plan(LoadedPlan(built, [], "example.toml", ""), affordable=False).total > 0


def test_pacost_schema_prints_the_plan_files_keys() -> None:
    from typer.testing import CliRunner

    from pacost.cli import app

    result = CliRunner().invoke(app, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    tables = key_tables()
    assert sorted(schema["properties"]) == sorted(tables[Plan])
    for part in SECTIONS.values():
        if part is not Plan:
            assert sorted(schema["$defs"][part.__name__]["properties"]) == sorted(tables[part]), part.__name__
    # What a plan must give: a budget and at least one PA with an hourly rate and a rota; the rest has defaults.
    assert schema["required"] == ["budget", "pa"]
    assert schema["$defs"]["PA"]["required"] == ["hourly_rate"]
    assert schema["$defs"]["Budget"]["required"] == ["amount", "per"]
    assert schema["$defs"]["Shift"]["required"] == ["start", "end"]
    for part in ("Employer", "Cover", "Sickness", "Enhancements", "NightWindow"):
        assert "required" not in schema["$defs"][part], part
    assert schema["$defs"]["NightWindow"]["properties"]["from"]["default"] == "22:00"
