"""Bad plans never crash pacost: the example plans, mutated (keys deleted, values swapped for odd numbers, strings,
lists and tables, lines of the TOML deleted, repeated or garbled), are each either costed or refused with at most
20 short located lines (and a count of the rest), never an unexpected error, each within 5 seconds."""

from __future__ import annotations

import json
import time
import tomllib
from datetime import date
from datetime import time as clock
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pacost.engine.cost import cost_plan
from pacost.errors import MAX_SHOWN, PacostError
from pacost.plan import parse_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".toml", ".json"))
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES}

ODD_VALUES = st.one_of(
    st.sampled_from(
        [
            0,
            -1,
            10**30,
            "1e999999999",
            "1e-400",
            "-0",
            "NaN",
            "inf",
            "",
            " ",
            "£",
            "520,00",
            "1,950.00",
            "24:00",
            "25:61",
            "2026-02-30",
            "mon",
            "RRULE:FREQ=WEEKLY;INTERVAL=0",
            "RRULE:FREQ=DAILY;BYMONTHDAY=31",
            True,
            None,
            [],
            {},
            ["mon", "mon"],
            {"amount": "1", "per": "week"},
            "x" * 300,
            "\u202e\x1b[31m",
        ]
    ),
    st.integers(-(10**6), 10**6),
    st.text(max_size=12),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
)


def _plain(data: Any) -> Any:
    """Plan data as JSON can hold it (TOML's dates and times as text)."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if isinstance(data, date | clock):
        return data.isoformat()[:10] if isinstance(data, date) else data.strftime("%H:%M")
    if isinstance(data, Decimal):
        return str(data)
    return data


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _places(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _places(value, (*path, i))
    return out


@st.composite
def mutated_json(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(TEXTS)))
    text = TEXTS[name]
    data = _plain(json.loads(text) if name.endswith(".json") else tomllib.loads(text))
    for _ in range(draw(st.integers(1, 4))):
        places = _places(data)
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(ODD_VALUES)
    return "plan.json", json.dumps(data, ensure_ascii=False)


@st.composite
def mutated_toml(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from([n for n in sorted(TEXTS) if n.endswith(".toml")]))
    lines = TEXTS[name].splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "garble", "unquote"]))
        if action == "delete":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "garble":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))] + draw(st.text(max_size=8))
        else:
            lines[i] = lines[i].replace('"', "")
        if not lines:
            lines = [""]
    return "plan.toml", "\n".join(lines) + "\n"


def check_outcome(name: str, text: str) -> None:
    begin = time.perf_counter()
    try:
        loaded = parse_plan(text, source=name)
        cost_plan(loaded)
    except PacostError as exc:
        lines = exc.lines()
        assert 1 <= len(lines) <= MAX_SHOWN + 1
        for line in lines[:MAX_SHOWN]:
            assert line.startswith(name), line
            assert len(line) <= 600, line
            assert "Traceback" not in line
    assert time.perf_counter() - begin < 5


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_json())
def test_mutated_plans_are_costed_or_refused_plainly(case: tuple[str, str]) -> None:
    check_outcome(*case)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_toml())
def test_mutated_toml_is_costed_or_refused_plainly(case: tuple[str, str]) -> None:
    check_outcome(*case)
