"""Golden files: ``pacost cost`` on every plan in ``examples/``, in every format, compared with ``tests/golden/``.

REGRESSION FIXTURES, NOT TRUTH. These files record what pacost printed when they were last regenerated, so that
any change to the output shows up as a diff to review. They were not checked by hand: a figure in them is not
evidence that the figure is right (the worked examples in ``tests/test_cost_worked.py`` and HMRC's test data are).

Regenerate after a deliberate change, then read the diff before committing it:

    PACOST_REGENERATE=1 python -m pytest tests/test_golden.py
    # or
    python tests/test_golden.py --regenerate

Each example ``examples/<stem>.<toml|json>`` has ``tests/golden/<stem>.txt`` (the human view at 100 columns, no
colour), ``.json``, ``.csv`` and ``.md``. The pacost version is masked, so that a release does not churn them, and
the spaces Rich pads table rows with at the end of a line are stripped, so that an editor does not.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pacost import __version__
from pacost.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".toml", ".json"))
GOLDEN = ROOT / "tests" / "golden"
FORMATS = {"txt": "human", "json": "json", "csv": "csv", "md": "markdown"}
REGENERATE = os.environ.get("PACOST_REGENERATE") == "1"

# A plain, fixed terminal: 100 columns, no colour, whatever the terminal running the tests is.
ENVIRONMENT: dict[str, str | None] = {
    "COLUMNS": "100",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
}


def mask(text: str) -> str:
    """Hide what varies between releases (the pacost version) and the trailing spaces of Rich's table rows."""
    text = re.sub(r'"pacost_version": "[^"]*"', '"pacost_version": "<version>"', text)
    text = text.replace(f"pacost {__version__}.", "pacost <version>.")
    return "".join(line.rstrip(" ") + "\n" for line in text.splitlines())


def render(example: Path, suffix: str) -> str:
    """What ``pacost cost examples/<name> --format <format>`` prints, run from the repository root."""
    with contextlib.chdir(ROOT):
        result = CliRunner().invoke(
            app,
            ["cost", f"examples/{example.name}", "--format", FORMATS[suffix]],
            env=ENVIRONMENT,
            catch_exceptions=False,
        )
    assert result.exit_code == 0, result.output
    return mask(result.stdout)


def golden_path(example: Path, suffix: str) -> Path:
    return GOLDEN / f"{example.stem}.{suffix}"


def regenerate() -> list[Path]:
    GOLDEN.mkdir(exist_ok=True)
    written = []
    for example in EXAMPLES:
        for suffix in FORMATS:
            path = golden_path(example, suffix)
            path.write_text(render(example, suffix), encoding="utf-8", newline="\n")
            written.append(path)
    return written


@pytest.mark.parametrize("suffix", list(FORMATS))
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_output_matches_golden_file(example: Path, suffix: str) -> None:
    path = golden_path(example, suffix)
    actual = render(example, suffix)
    if REGENERATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} is missing: run `PACOST_REGENERATE=1 python -m pytest tests/test_golden.py`"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path.relative_to(ROOT)} differs from the output. If the change is deliberate, regenerate with "
        "`PACOST_REGENERATE=1 python -m pytest tests/test_golden.py` and review the diff."
    )


@pytest.mark.parametrize("seed", ["1", "2"])
def test_human_view_is_deterministic(seed: str) -> None:
    """A separate process with another hash seed prints the same bytes as the golden file: no timestamps, no
    set or dict ordering that varies between runs, no layout that depends on the terminal."""
    example = next(p for p in EXAMPLES if p.stem == "three-pas-nights-weekends")
    environment = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    environment.update({k: v for k, v in ENVIRONMENT.items() if v is not None})
    environment["PYTHONHASHSEED"] = seed
    done = subprocess.run(
        [sys.executable, "-m", "pacost", "cost", f"examples/{example.name}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert mask(done.stdout) == golden_path(example, "txt").read_text(encoding="utf-8")


def test_human_view_fits_100_columns_without_colour() -> None:
    for example in EXAMPLES:
        text = render(example, "txt")
        assert "\x1b[" not in text
        assert max(len(line) for line in text.splitlines()) <= 100


def test_every_example_has_golden_files() -> None:
    expected = {golden_path(e, s).name for e in EXAMPLES for s in FORMATS}
    present = {p.name for p in GOLDEN.iterdir()} if GOLDEN.exists() else set()
    assert expected <= present, f"missing: {sorted(expected - present)}"


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit("usage: python tests/test_golden.py --regenerate")
    for written in regenerate():
        sys.stdout.write(f"wrote {written.relative_to(ROOT)}\n")


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_plan_sha256_is_the_files_fingerprint(example: Path) -> None:
    """``plan_sha256`` is the SHA-256 of the file's bytes, as any other tool (here, OpenSSL's) gives it."""
    data = json.loads(render(example, "json"))
    assert data["plan_sha256"] == hashlib.sha256(example.read_bytes()).hexdigest()
