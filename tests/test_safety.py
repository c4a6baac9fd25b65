"""Nothing lost, nothing injected: pacost never writes over its inputs, writes every output whole, keeps a hostile
name inert in every format, and accounts for every file of a batch.

Run through the command line (``python -m pacost``) as people run it; the simulated full disk runs in-process.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from pacost.batch.rows import CSV_OUTPUT_COLUMNS
from pacost.cli import app
from pacost.safe_text import csv_cell, markdown_text, shown

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLAN = EXAMPLES / "covered-plan.json"
ESC = "\x1b"

#: Names a hostile or careless plan might carry into a spreadsheet, a mail client or a terminal.
FORMULA_AFTER_CR = "\r=cmd|' /C calc'!A0"
MARKDOWN_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![](http://attacker.example/pixel.png)",
    "<details ontoggle=alert(1) open>x</details>",
    "<a href='http://attacker.example'>x</a>",
    "[x]: http://attacker.example",
    "`code` *bold* _em_ | pipe",
    "<http://attacker.example>",
    "&lt;script&gt;",
]
TERMINAL_PAYLOADS = [
    "\x1b[2J\x1b[31mred",
    "\x1b]8;;http://attacker.example\x07link\x1b]8;;\x07",
    "\x1b]0;title\x07",
    "\x9b31m C1",
    "bell\x07 del\x7f",
]


def pacost(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pacost", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


def plan_named(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(PLAN.read_text(encoding="utf-8"))
    data["name"] = name
    data["pa"][0]["name"] = name
    return data


def write_plan(folder: Path, name: str, file: str = "plan.json") -> Path:
    path = folder / file
    path.write_text(json.dumps(plan_named(name)), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------------------------------------
# No command writes over one of its inputs


@pytest.mark.parametrize(
    "command",
    [
        ["cost", "{plan}", "-o", "{out}"],
        ["cost", "{plan}", "--format", "csv", "--output", "{out}"],
        ["report", "{plan}", "-o", "{out}"],
        ["batch", "{plan}", "--out", "{out}"],
        ["batch", "{plan}", "--out", "{other}", "--summary", "{out}"],
    ],
)
@pytest.mark.parametrize("how", ["same", "dot", "link", "hard link"])
def test_an_output_naming_the_input_is_refused_and_the_input_kept(tmp_path: Path, command: list[str], how: str) -> None:
    plan = write_plan(tmp_path, "Mr Q", "plan.json")
    before = plan.read_bytes()
    out = {"same": "plan.json", "dot": "./plan.json", "link": "link.json", "hard link": "hard.json"}[how]
    if how == "link":
        (tmp_path / "link.json").symlink_to("plan.json")
    if how == "hard link":
        os.link(plan, tmp_path / "hard.json")
    args = [part.format(plan="plan.json", out=out, other="other.csv") for part in command]
    result = pacost(*args, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "never writes" in result.stderr and "Traceback" not in result.stderr
    assert plan.read_bytes() == before
    assert not (tmp_path / "other.csv").exists()  # refused before anything was written


def test_an_output_inside_an_input_folder_is_refused(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    write_plan(plans, "Mr Q")
    (tmp_path / "alias").symlink_to("plans")
    for out in ("plans/out.csv", "plans/deeper/out.csv", "alias/out.csv", "./plans/../plans/out.csv"):
        result = pacost("batch", "plans", "--out", out, cwd=tmp_path)
        assert result.returncode == 1 and "inside" in result.stderr, (out, result.stderr)
    assert sorted(p.name for p in plans.iterdir()) == ["plan.json"]


def test_the_same_file_for_two_outputs_is_refused(tmp_path: Path) -> None:
    write_plan(tmp_path, "Mr Q")
    result = pacost("batch", "plan.json", "--out", "x.csv", "--summary", "./x.csv", cwd=tmp_path)
    assert result.returncode == 1 and "both name" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_a_rates_file_is_an_input_too(tmp_path: Path) -> None:
    rates = tmp_path / "extra.toml"
    rates.write_text("# an extra rates file\n", encoding="utf-8")
    before = rates.read_bytes()
    for args in (
        ["rates", "--rates", str(rates), "-o", str(rates)],
        ["cost", str(PLAN), "--rates", str(rates), "-o", str(rates)],
    ):
        result = pacost(*args)
        assert result.returncode == 1 and "never writes" in result.stderr, result.stderr
    assert rates.read_bytes() == before


# ----------------------------------------------------------------------------------------------------------------
# Outputs are whole or absent


class _FullDisk(io.StringIO):
    """A file on a disk that fills up after ``room`` characters."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return super().write(text)

    def fileno(self) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("room", [0, 5_000])
def test_a_full_disk_leaves_no_partial_file_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, room: int
) -> None:
    import pacost.files

    real = os.fdopen

    def full(fd: int, *args: Any, **kwargs: Any) -> Any:
        os.close(fd)
        return _FullDisk(room)

    monkeypatch.setattr(pacost.files.os, "fdopen", full)
    monkeypatch.chdir(tmp_path)
    lines = "".join(json.dumps(plan_named(f"P{i}")) + "\n" for i in range(40))
    (tmp_path / "plans.jsonl").write_text(lines, encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["batch", "plans.jsonl", "--out", "out.csv", "--jobs", "1", "--quiet"],
        ["cost", str(PLAN), "-o", "out.csv", "--format", "csv"],
        ["report", str(PLAN), "-o", "out.csv"],
    ):
        result = runner.invoke(app, args)  # the app itself: its error, which the command line prints, is raised
        message = str(result.exception)
        assert result.exit_code == 1, (args, result.output)
        assert message.startswith("could not write out.csv: the disk is full"), message
        if args[0] == "batch":
            assert "0 row(s) had been written" in message or room
        assert not (tmp_path / "out.csv").exists()
        assert [p.name for p in tmp_path.iterdir()] == ["plans.jsonl"]  # no temporary file left either
    monkeypatch.setattr(pacost.files.os, "fdopen", real)


def _small_disk(path: Path) -> bool:
    """Mount a 64 KB tmpfs at ``path`` (root on Linux only); False where that cannot be done."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


def test_a_full_disk_leaves_no_partial_file_on_a_real_small_disk(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _small_disk(disk):
        pytest.skip("cannot mount a small tmpfs here (needs root on Linux); the simulated test covers it")
    try:
        lines = "".join(json.dumps(plan_named(f"P{i}")) + "\n" for i in range(200))
        (tmp_path / "plans.jsonl").write_text(lines, encoding="utf-8")
        result = pacost("batch", str(tmp_path / "plans.jsonl"), "--out", str(disk / "out.jsonl"), "--jobs", "1")
        assert result.returncode == 1, result.stderr
        assert "the disk is full" in result.stderr and "row(s) had been written" in result.stderr
        assert list(disk.iterdir()) == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)


# ----------------------------------------------------------------------------------------------------------------
# CSV a spreadsheet cannot be turned against


def test_csv_cells_are_neutralised_even_after_spaces_and_quotes() -> None:
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", " =1", '"=1', "' =1", "  @x"):
        assert csv_cell(text).startswith("'"), text
    assert csv_cell("Mr B") == "Mr B"
    assert csv_cell("a\rb") == "a\\x0db"  # a bare CR is shown, never a line end


def test_a_cr_and_a_formula_in_a_name_stay_in_one_neutral_cell(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, FORMULA_AFTER_CR)
    cost = pacost("cost", str(plan), "--format", "csv")
    assert cost.returncode == 0, cost.stderr
    rows = list(csv.reader(io.StringIO(cost.stdout, newline="")))
    assert all(len(row) == 5 for row in rows)
    assert all(not row[0].startswith(("=", "+", "-", "@")) for row in rows)
    # The plan reader trims the name's leading CR; either way the cell is one, and inert.
    assert {row[0] for row in rows[1:]} <= {"'=cmd|' /C calc'!A0", "\\x0d=cmd|' /C calc'!A0"}
    raw = subprocess.run(
        [sys.executable, "-m", "pacost", "cost", str(plan), "--format", "csv"], capture_output=True, check=True
    ).stdout
    assert raw.count(b"\r\n") == len(rows) and b"\r" not in raw.replace(b"\r\n", b"")  # CRLF line ends only

    (tmp_path / "plans.jsonl").write_text(json.dumps(plan_named(FORMULA_AFTER_CR)) + "\n", encoding="utf-8")
    pacost("batch", str(tmp_path / "plans.jsonl"), "--out", str(tmp_path / "out.csv"), "--quiet")
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads the pound sign
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 2 and rows[0] == list(CSV_OUTPUT_COLUMNS)
    assert rows[1][CSV_OUTPUT_COLUMNS.index("plan")] in {"'=cmd|' /C calc'!A0", "\\x0d=cmd|' /C calc'!A0"}
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")) and ESC not in cell


def test_csv_on_standard_output_has_no_bom_and_a_csv_file_has_one(tmp_path: Path) -> None:
    assert not pacost("cost", str(PLAN), "--format", "csv").stdout.startswith("\ufeff")
    assert pacost("cost", str(PLAN), "--format", "csv", "-o", str(tmp_path / "x.csv")).returncode == 0
    assert (tmp_path / "x.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert pacost("rates", "--format", "csv", "-o", str(tmp_path / "r.csv")).returncode == 0
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# ----------------------------------------------------------------------------------------------------------------
# Markdown, HTML and the terminal: inert


def _live_markup(html: str) -> list[str]:
    """Tags and links in rendered HTML that came from a payload (none of the page's own: it has none)."""
    return re.findall(r"<(?:script|img|a|details|iframe)\b[^>]*>", html)


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS)
def test_markdown_outputs_render_no_tag_link_or_image(tmp_path: Path, payload: str) -> None:
    plan = write_plan(tmp_path, payload)
    cost = pacost("cost", str(plan), "--format", "markdown")
    assert cost.returncode == 0, cost.stderr
    rendered = MarkdownIt("commonmark").enable("table").render(cost.stdout)
    assert _live_markup(rendered) == [], rendered
    assert markdown_text(payload) in cost.stdout

    report = pacost("report", str(plan), "-o", str(tmp_path / "r.md"))
    assert report.returncode == 0, report.stderr
    page = MarkdownIt("commonmark").enable("table").render((tmp_path / "r.md").read_text(encoding="utf-8"))
    links = re.findall(r"<a\b[^>]*>", page)
    assert all(re.fullmatch(r'<a href="https://[^"]*">', link) for link in links), links  # the report's own sources
    assert not re.findall(r"<(?:script|img|details|iframe)\b[^>]*>", page)


def test_markdown_text_shows_a_payload_as_written() -> None:
    for payload in MARKDOWN_PAYLOADS:
        html = MarkdownIt("commonmark").render(markdown_text(payload))
        text = re.sub(r"</?p>\n?", "", html)
        assert _live_markup(text) == [], text


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS + TERMINAL_PAYLOADS)
def test_the_html_report_escapes_every_payload(tmp_path: Path, payload: str) -> None:
    plan = write_plan(tmp_path, payload)
    result = pacost("report", str(plan), "-o", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert payload not in page or not re.search(r"[<>&\x1b]", payload)
    assert not re.search(r"<(?:script|img|details|iframe)\b", page)
    assert ESC not in page


@pytest.mark.parametrize("payload", TERMINAL_PAYLOADS)
def test_terminal_escapes_in_a_name_never_reach_the_terminal(tmp_path: Path, payload: str) -> None:
    plan = write_plan(tmp_path, payload)
    for args in (
        ["cost", str(plan)],
        ["cost", str(plan), "--detail"],
        ["cost", str(plan), "--format", "markdown"],
        ["cost", str(plan), "--format", "json"],
    ):
        result = pacost(*args)
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", stream), (args, stream)
        if "json" in args:
            assert json.loads(result.stdout)["plan"] == payload.strip()  # escaped, yet the same data
        elif "markdown" not in args:
            assert shown(payload)[:6] in result.stdout  # shown as written: \x1b
    # and in an error message, which quotes the plan's words
    data = plan_named(payload)
    data["pa"][0]["hourly_rate"] = "lots " + payload
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    bad = pacost("cost", str(tmp_path / "bad.json"))
    assert bad.returncode == 1
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", bad.stderr + bad.stdout), bad.stderr


# ----------------------------------------------------------------------------------------------------------------
# Batch: every plan accounted for, none hangs the run


def test_a_plan_that_takes_too_long_is_an_error_row_and_the_rest_are_costed(tmp_path: Path) -> None:
    slow = plan_named("Slow rule")
    # Never falls in any year: dateutil looks for it day by day up to the year 9999 (about 15 s here).
    slow["pa"][0]["shift"] = [{"repeat": "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "start": "09:00", "end": "12:00"}]
    lines = [plan_named("Before"), {"plan_id": "SLOW-1", **slow}, plan_named("After")]
    (tmp_path / "plans.jsonl").write_text("".join(json.dumps(p) + "\n" for p in lines), encoding="utf-8")
    for jobs in ("1", "2"):
        started = time.monotonic()
        result = pacost(
            "batch", str(tmp_path / "plans.jsonl"), "--format", "jsonl", "--plan-timeout", "1", "--jobs", jobs, "-q"
        )
        assert time.monotonic() - started < 12, "the time limit did not stop the plan"
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["status"] for r in rows] == ["ok", "error", "ok"], result.stderr
        assert rows[1]["plan_id"] == "SLOW-1"
        assert "took longer than 1 s to cost" in rows[1]["error"]


def test_an_error_row_keeps_the_plans_own_id(tmp_path: Path) -> None:
    bad = plan_named("Mr Q")
    bad["plan_id"] = "C-123"
    bad["budget"]["amount"] = "not money"
    (tmp_path / "plans.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    result = pacost("batch", str(tmp_path / "plans.jsonl"), "--format", "jsonl", "-q")
    row = json.loads(result.stdout)
    assert row["status"] == "error" and row["plan_id"] == "C-123"


def test_the_summary_shows_ids_safe_for_a_terminal(tmp_path: Path) -> None:
    data = plan_named("Short")
    data["plan_id"] = "\x1b[2Jid"
    data["budget"]["amount"] = 1
    (tmp_path / "plans.jsonl").write_text(json.dumps(data) + "\n", encoding="utf-8")
    result = pacost("batch", str(tmp_path / "plans.jsonl"), "--out", str(tmp_path / "o.csv"))
    assert "\\x1b[2Jid" in result.stderr and ESC not in result.stderr


def _unreadable(folder: Path) -> None:
    folder.chmod(0)


@pytest.mark.skipif(os.name != "posix", reason="POSIX folders, links and FIFOs")
def test_every_entry_of_a_folder_is_a_row_or_counted_as_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = tmp_path / "plans"
    (plans / "a").mkdir(parents=True)
    (plans / "locked").mkdir()
    (plans / ".hidden").mkdir()
    write_plan(plans / "a", "Mr A", "one.json")
    write_plan(plans / "locked", "Mr L", "inside.json")
    write_plan(plans / ".hidden", "Mr H", "secret.json")
    write_plan(plans, "Mr D", ".dotfile.json")
    (plans / "notes.txt").write_text("not a plan", encoding="utf-8")
    (plans / "a" / "up").symlink_to("..")  # a loop back to a folder above
    (plans / "self.toml").symlink_to("self.toml")  # a link to itself
    os.mkfifo(plans / "pipe.toml")
    (plans / "again").symlink_to("a")  # a second way to a folder read already

    if os.geteuid() == 0:  # root reads any folder: make this one fail to open as it would for anyone else
        import pacost.batch.inputs

        real = os.scandir

        def scandir(path: Any) -> Any:
            if Path(path).name == "locked":
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real(path)

        monkeypatch.setattr(pacost.batch.inputs.os, "scandir", scandir)
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(app, ["batch", "plans", "--format", "jsonl", "--jobs", "1", "--summary", "s.json"])
        stdout = result.stdout
    else:
        _unreadable(plans / "locked")
        try:
            run = pacost("batch", "plans", "--format", "jsonl", "--jobs", "1", "--summary", "s.json", cwd=tmp_path)
        finally:
            (plans / "locked").chmod(0o755)
        stdout = run.stdout
    rows = {row["source"].removeprefix("plans/"): row for row in map(json.loads, stdout.splitlines())}
    assert rows["a/one.json"]["status"] == "ok"
    assert rows["locked"]["status"] == "error" and "cannot be read" in rows["locked"]["error"]
    assert rows["a/up"]["status"] == "error" and "loop" in rows["a/up"]["error"]
    assert rows["self.toml"]["status"] == "error" and "cannot be read" in rows["self.toml"]["error"]
    assert rows["pipe.toml"]["status"] == "error" and "pipe" in rows["pipe.toml"]["error"]
    assert set(rows) == {"a/one.json", "locked", "a/up", "self.toml", "pipe.toml"}
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert summary["skipped"] == {"hidden": 2, "not_plans": 1, "already_read": 1}
    assert summary["plans_read"] == 5


# ----------------------------------------------------------------------------------------------------------------
# Diagnostics keep the plan out


def test_debug_shows_where_but_not_the_plans_values(tmp_path: Path) -> None:
    data = plan_named("Mrs Secret-Name")
    data["budget"]["amount"] = "SECRET-AMOUNT"
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    result = pacost("--debug", "cost", str(tmp_path / "bad.json"))
    assert result.returncode == 1
    traceback_part = result.stderr.split("error:")[0]
    assert "Traceback" in traceback_part and "PacostError" in traceback_part
    assert "SECRET" not in traceback_part and "Secret" not in traceback_part


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")
def test_ctrl_c_while_starting_is_one_line(tmp_path: Path) -> None:
    """From the moment pacost's own code runs (Python's start-up before it, some tens of milliseconds, is
    Python's), Ctrl-C gives one line and exit code 130."""
    for delay in (0.04, 0.06, 0.08, 0.1):
        process = subprocess.Popen(
            [sys.executable, "-m", "pacost", "cost", str(PLAN)], stderr=subprocess.PIPE, stdout=subprocess.PIPE
        )
        time.sleep(delay)
        process.send_signal(2)
        _, stderr = process.communicate(timeout=60)
        if process.returncode == 0:
            continue  # it had finished already
        if process.returncode == -2 and stderr == b"":
            continue  # stopped before Python had set up its own Ctrl-C handling: nothing printed at all
        if b"Traceback" in stderr and b"pacost/" not in stderr:
            continue  # still in Python's own start-up: no pacost code had run
        # 130, or killed by SIGINT (-2), which a shell reports as 130 too: Python ends that way when it is told to
        # stop while it is still running the command line's code on its way out.
        assert process.returncode in (130, -2), stderr
        # (Nothing at all when the signal comes as Python shuts down, the command's work done but not yet shown.)
        assert stderr in (b"error: stopped.\n", b""), stderr
