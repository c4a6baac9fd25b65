"""Benchmark ``pacost batch``: seeded synthetic plans, costed at several sizes with one and two processes.

    python benchmarks/batch.py                  # 1,000, 10,000 and 100,000 plans, --jobs 1 and --jobs 2
    python benchmarks/batch.py --sizes 1000     # a quick run
    python benchmarks/batch.py --write plans.jsonl --sizes 500   # just write the plans, to look at them
    python benchmarks/batch.py --against 20fdc20 --sizes 10000 --repeat 3   # side by side with an older commit

Plans are realistic mixes: 1-4 PAs, summary and shift rotas, weekend/night/bank-holiday enhancements, sleep-ins,
agency/PA/family cover, ages 18-70, all four nations, starts across 2024-2026, every pay frequency. The same seed
gives the same plans. For each run it prints the wall time (process start-up included), plans per second, and the
peak memory of the whole run: the resident memory of the batch process and its workers, summed, sampled from /proc
every 20 ms. Nothing is asserted: the numbers are for people to read.

With ``--against REF``, the commit REF of this repository and this checkout as it is now are each installed in a
scratch virtual environment (kept in the system's temporary folder, so a second run reuses them), as a user
installs pacost, and each size and job count is run with both, taking turns (this checkout, REF, this checkout,
REF, …, ``--repeat`` times each), so that a machine whose speed drifts treats them alike. It prints every run
(with the CPU time of the batch process and its workers), then this checkout's speed as a share of REF's by the
best runs (noise only ever slows a run down), by the median runs, and by CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

NATIONS = ["england", "wales", "scotland", "northern-ireland"]
FREQUENCIES = ["monthly"] * 5 + ["4-weekly"] * 2 + ["fortnightly"] + ["weekly"] * 2
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _money(rng: random.Random, low: float, high: float) -> str:
    return f"{rng.uniform(low, high):.2f}"


def _shifts(rng: random.Random) -> list[dict[str, Any]]:
    shifts: list[dict[str, Any]] = []
    kind = rng.random()
    if kind < 0.5:  # mornings on some weekdays
        start = rng.choice([7, 8, 9])
        shifts.append(
            {
                "days": sorted(rng.sample(DAYS[:5], rng.randint(2, 5)), key=DAYS.index),
                "start": f"{start:02d}:00",
                "end": f"{start + rng.randint(2, 5):02d}:{rng.choice(['00', '30'])}",
            }
        )
    else:  # afternoons every day
        shifts.append({"days": DAYS, "start": "14:00", "end": f"{rng.randint(16, 19)}:00"})
    if rng.random() < 0.3:  # a fortnightly weekend shift
        shifts.append({"days": ["sat"], "start": "09:30", "end": "12:30", "every": 2})
    if rng.random() < 0.2:  # a waking night
        shifts.append({"days": ["fri"], "start": "22:00", "end": "07:00"})
    if rng.random() < 0.2:  # a sleep-in
        shifts.append(
            {"days": ["wed"], "kind": "sleep-in", "start": "21:00", "end": "07:00", "flat": _money(rng, 50, 90)}
        )
    return shifts


def make_plan(rng: random.Random, number: int) -> dict[str, Any]:
    start = date(2024, 4, 6) + timedelta(days=rng.randrange(0, 900))
    n_pas = rng.choices([1, 2, 3, 4], weights=[45, 30, 15, 10])[0]
    pas = []
    for k in range(n_pas):
        age = rng.randint(18, 70)
        pa: dict[str, Any] = {
            "name": f"PA {k + 1}",
            "age": age,
            "hourly_rate": _money(rng, 11.5, 17.0),
            "pay_frequency": rng.choice(FREQUENCIES),
            "pension": rng.choice(["auto"] * 8 + ["opt-out", "opt-in"]),
        }
        if rng.random() < 0.4:
            pa["enhancements"] = {"weekend": rng.choice(["1.0", "1.1", "1.2"]), "night": "1.25", "bank_holiday": "1.5"}
        if rng.random() < 0.5:
            pa["hours_per_week"] = rng.choice([6, 10, 12.5, 16, 20, 25, 30])
            if rng.random() < 0.3:
                pa["days"] = rng.sample(DAYS, rng.randint(2, 7))
        else:
            pa["shift"] = _shifts(rng)
        pas.append(pa)
    cover_kind = rng.choice(["agency", "agency", "pa", "family"]) if n_pas > 1 else rng.choice(["agency", "family"])
    cover: dict[str, Any] = {"by": cover_kind}
    if cover_kind == "agency":
        cover["rate"] = _money(rng, 24, 34)
    elif cover_kind == "pa":
        cover["pa"] = pas[-1]["name"]
    weekly_budget = sum(float(p.get("hours_per_week", 15)) for p in pas) * rng.uniform(14, 24)
    return {
        "plan_id": f"P{number:06d}",
        "name": f"Synthetic plan {number}",
        "start": start.isoformat(),
        "nation": rng.choice(NATIONS),
        "budget": {"amount": f"{weekly_budget:.2f}", "per": "week", "hours_per_week": 20},
        "employer": {
            "employment_allowance": rng.random() < 0.9,
            "insurance": {"amount": _money(rng, 80, 200), "per": "year"},
            "payroll": {"amount": _money(rng, 0, 20), "per": "month"},
        },
        "cover": cover,
        "sickness": {
            "days_per_year": rng.choice(["4.4", "5", "8"]),
            "spell_days": rng.choice([1, 2, 4]),
            "pay": "statutory",
        },
        "pa": pas,
    }


def write_plans(path: Path, count: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(1, count + 1):
            handle.write(json.dumps(make_plan(rng, number)) + "\n")


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _tree_pids(root: int) -> list[int]:
    """A process and all its descendants (from /proc: every process's parent, read from its stat line)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out, stack = [], [root]
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(children.get(pid, []))
    return out


def _rss_kb(pids: list[int]) -> int:
    """The resident memory of these processes, summed (0 for one that has ended)."""
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total


def run(plans: Path, jobs: int, python: str = sys.executable) -> tuple[float, float, int, float]:
    """Seconds, peak memory in MB (the batch process and its workers, summed), rows out, and the CPU seconds (user
    and system) of the batch process and its workers.

    Memory is sampled every 20 ms from each process's /proc/PID/statm; the process tree is looked up again every
    half second (a full walk of /proc costs a couple of milliseconds, too much to do on every sample of a run that
    shares the machine's cores)."""
    out = plans.with_suffix(f".out{jobs}.csv")
    command = [python, "-m", "pacost", "batch", str(plans), "--out", str(out), "--jobs", str(jobs), "--quiet"]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak = 0
    pids = [process.pid]
    samples = 0
    while process.poll() is None:
        if samples % 25 == 0:
            pids = _tree_pids(process.pid)
        peak = max(peak, _rss_kb(pids))
        samples += 1
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    if process.returncode != 0:
        raise SystemExit(f"pacost batch failed with exit code {process.returncode}")
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
    out.unlink()
    return seconds, peak / 1024, rows, cpu


def _children_cpu() -> float:
    """CPU seconds used so far by the processes this one has waited for (and theirs): the batch runs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


ROOT = Path(__file__).resolve().parents[1]


def install_ref(ref: str) -> str:
    """The Python of a scratch virtual environment with commit ``ref`` of this repository installed."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{ref}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    home = Path(tempfile.gettempdir()) / f"pacost-bench-{commit[:12]}"
    python = home / "venv" / "bin" / "python"
    if not (home / "installed").exists():
        source = home / "source"
        source.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
        subprocess.run([sys.executable, "-m", "venv", str(home / "venv")], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(source)], check=True)
        (home / "installed").write_text(commit + "\n")
    return str(python)


def install_here() -> str:
    """The Python of a scratch virtual environment with this checkout (as it is now) installed, as a user installs
    it (not editable, so with the snapshot its build writes), for a fair comparison with an installed REF."""
    home = Path(tempfile.gettempdir()) / "pacost-bench-this"
    python = home / "venv" / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(home / "venv")], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(ROOT)], check=True)
    else:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", str(ROOT)], check=True
        )
    return str(python)


def _row(label: str, size: int, jobs: int, seconds: float, peak: float, rows: int, cpu: float) -> str:
    return (
        f"{label:<10} {size:>8,} {jobs:>4} {seconds:>8.2f} {size / seconds:>8,.0f} {peak:>8.1f} {rows:>8,} {cpu:>8.2f}"
    )


def against(ref: str, sizes: list[int], jobs_list: list[int], seed: int, repeat: int) -> None:
    other = install_ref(ref)
    this = install_here()
    print(f"pacost batch benchmark on {os.cpu_count()} core(s), Python {sys.version.split()[0]}: this vs {ref}")
    print(
        f"{'version':<10} {'plans':>8} {'jobs':>4} {'seconds':>8} {'plans/s':>8} {'peak MB':>8} {'rows out':>8} "
        f"{'CPU s':>8}"
    )
    summary = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            plans = Path(tmp) / f"plans-{size}.jsonl"
            write_plans(plans, size, seed)
            for jobs in jobs_list:
                runs: dict[str, list[tuple[float, float, float]]] = {"this": [], ref: []}
                for _ in range(repeat):
                    for label, python in (("this", this), (ref, other)):
                        seconds, peak, rows, cpu = run(plans, jobs, python)
                        runs[label].append((seconds, peak, cpu))
                        print(_row(label, size, jobs, seconds, peak, rows, cpu), flush=True)
                summary.append(_compare(size, jobs, ref, runs))
    print("summary (this checkout's speed as a share of the other's, by the best run and by the median run):")
    for line in summary:
        print("  " + line)


def _compare(size: int, jobs: int, ref: str, runs: dict[str, list[tuple[float, float, float]]]) -> str:
    mine, theirs = runs["this"], runs[ref]
    best_mine, best_theirs = min(s for s, _, _ in mine), min(s for s, _, _ in theirs)
    median_mine = statistics.median(s for s, _, _ in mine)
    median_theirs = statistics.median(s for s, _, _ in theirs)
    cpu_mine, cpu_theirs = min(c for _, _, c in mine), min(c for _, _, c in theirs)
    return (
        f"{size:>8,} plans, --jobs {jobs}: this {size / best_mine:,.0f} plans/s at best "
        f"({size / median_mine:,.0f} median, {max(p for _, p, _ in mine):.1f} MB), {ref} {size / best_theirs:,.0f} "
        f"({size / median_theirs:,.0f}, {max(p for _, p, _ in theirs):.1f} MB): {best_theirs / best_mine:.0%} of "
        f"{ref}'s speed at best, {median_theirs / median_mine:.0%} by the median, {cpu_theirs / cpu_mine:.0%} by CPU "
        "time"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", type=Path, help="only write the plans to this file")
    parser.add_argument("--against", metavar="REF", help="also run commit REF, side by side (installed in a venv)")
    parser.add_argument("--repeat", type=int, default=3, help="with --against: runs of each, taking turns")
    args = parser.parse_args()
    if args.write:
        write_plans(args.write, max(args.sizes), args.seed)
        return
    if args.against:
        against(args.against, args.sizes, args.jobs, args.seed, args.repeat)
        return
    print(f"pacost batch benchmark on {os.cpu_count()} core(s), Python {sys.version.split()[0]}")
    print(f"{'plans':>8} {'jobs':>4} {'seconds':>8} {'plans/s':>8} {'peak MB':>8} {'rows out':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            plans = Path(tmp) / f"plans-{size}.jsonl"
            write_plans(plans, size, args.seed)
            for jobs in args.jobs:
                seconds, peak, rows, _ = run(plans, jobs)
                print(
                    f"{size:>8,} {jobs:>4} {seconds:>8.2f} {size / seconds:>8,.0f} {peak:>8.1f} {rows:>8,}", flush=True
                )


if __name__ == "__main__":
    main()
