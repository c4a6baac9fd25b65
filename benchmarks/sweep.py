"""Benchmark ``pacost sweep``: a 100-value sweep of the hourly rate on each example, the whole command as a user
runs it (a fresh process each time, start-up included). The target is under 2 seconds.

    python benchmarks/sweep.py              # 5 runs of each, this checkout installed as a user installs it
    python benchmarks/sweep.py --runs 9
    python benchmarks/sweep.py --here       # the Python running this script instead

Nothing is asserted: the numbers are for people to read.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0
VARY = "pa.*.hourly_rate=11:15.95:0.05"  # 100 values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--here", action="store_true", help="use this Python, not a scratch install")
    args = parser.parse_args()
    if args.here:
        python = sys.executable
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from batch import install_here

        python = install_here()
    examples = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".toml", ".json"))
    times: dict[str, list[float]] = {p.name: [] for p in examples}
    for _ in range(args.runs):
        for plan in examples:
            started = time.perf_counter()
            subprocess.run(
                [python, "-m", "pacost", "sweep", str(plan), "--vary", VARY, "--format", "json"],
                check=True,
                capture_output=True,
            )
            times[plan.name].append(time.perf_counter() - started)
    print(f"pacost sweep --vary {VARY} (100 values), {args.runs} runs each; target under {TARGET:.0f} s")
    print(f"{'example':<36} {'best s':>8} {'median s':>9}")
    for name, taken in times.items():
        print(f"{name:<36} {min(taken):>8.2f} {statistics.median(taken):>9.2f}")


if __name__ == "__main__":
    main()
