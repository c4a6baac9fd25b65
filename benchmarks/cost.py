"""Benchmark ``pacost cost``: the whole command on each example, against the bare imports it cannot avoid.

    python benchmarks/cost.py              # 11 runs of each, this checkout installed as a user installs it
    python benchmarks/cost.py --runs 25    # steadier numbers
    python benchmarks/cost.py --format human
    python benchmarks/cost.py --here       # the Python running this script instead (an editable install has no
                                           # snapshot, so it starts slower)

By default this checkout is first installed (not editable, so with the snapshot its build writes) in a scratch
virtual environment in the system's temporary folder — the one ``benchmarks/batch.py --against`` uses — and every
command runs with that environment's Python. Every measurement is a fresh process, as a user runs it: ``python -c
"import typer, rich, pydantic"`` (the floor: the libraries the command line needs), ``python -c "import
pacost.cli"`` (pacost's own import), and ``pacost cost EXAMPLE`` (the command a user runs) for each plan in
``examples/``, all taken in turn. It prints the best and median wall time of each, and each one's ratio to the
floor (best over best). The target is the whole command within 1.5 times the floor.
Nothing is asserted: the numbers are for people to read. To see where the time goes:

    python -X importtime -m pacost cost examples/single-pa-weekday.toml 2> importtime.txt
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5


def install_here() -> str:
    """The Python of a scratch virtual environment with this checkout installed (``benchmarks/batch.py``'s)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from batch import install_here as install

    return install()


def timed(commands: list[list[str]], runs: int) -> list[list[float]]:
    """Wall-clock seconds of ``runs`` fresh runs of each command, taken in turn (one run of each, then the next
    round), so that the machine's slow moments fall on every command alike; one untimed round first warms the
    disk cache."""
    for command in commands:
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, kept in zip(commands, times, strict=True):
            begin = time.perf_counter()
            subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
            kept.append(time.perf_counter() - begin)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command (default 11)")
    parser.add_argument("--format", default="json", help="the --format for pacost cost (default json)")
    parser.add_argument("--here", action="store_true", help="use this Python, not a fresh install of the checkout")
    args = parser.parse_args()

    python = sys.executable if args.here else install_here()
    commands: list[tuple[str, list[str]]] = [
        ("import typer, rich, pydantic", [python, "-c", "import typer, rich, pydantic"]),
        ("import pacost.cli", [python, "-c", "import pacost.cli"]),
    ]
    # The ``pacost`` command a user runs (the script pip puts beside the environment's Python), or else ``python -m
    # pacost`` (which also imports runpy).
    script = Path(python).with_name("pacost")
    pacost = [str(script)] if script.is_file() else [python, "-m", "pacost"]
    for example in sorted((ROOT / "examples").iterdir()):
        if example.suffix in (".toml", ".json"):
            commands.append(
                (f"pacost cost {example.name}", [*pacost, "cost", f"examples/{example.name}", "--format", args.format])
            )

    measured = timed([command for _, command in commands], args.runs)
    results = [(name, times) for (name, _), times in zip(commands, measured, strict=True)]
    floor = min(results[0][1])
    width = max(len(name) for name, _ in results)
    print(f"{args.runs} runs of each, taken in turn, Python {sys.version.split()[0]}, --format {args.format}")
    print(f"{'command':<{width}}  {'best ms':>8}  {'median ms':>9}  {'× floor':>7}")
    for name, times in results:
        best, median = min(times), statistics.median(times)
        print(f"{name:<{width}}  {best * 1000:8.0f}  {median * 1000:9.0f}  {best / floor:7.2f}")
    slowest = max(min(times) for name, times in results if name.startswith("pacost cost"))
    print(f"slowest pacost cost / floor: {slowest / floor:.2f} (target {TARGET})")


if __name__ == "__main__":
    main()
