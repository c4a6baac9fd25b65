"""Reading a batch's inputs (``pacost batch``): every plan, in order, as a ``Record`` not yet parsed — from a
folder of plan files (searched recursively), a JSON Lines file (one plan per line), a council's CSV export (one row
per PA: ``pacost.batch.council_csv``), or ``-`` for standard input. Streamed: nothing is held but the current plan.

In a folder every entry is accounted for: a ``.toml`` or ``.json`` file is a plan (one that cannot be read — a
pipe, a device, a broken link — becomes an error row when it is costed); a folder that cannot be read, or a link
that loops back to a folder above it, is an error row naming it; a hidden file or folder (its name starts with
``.``), a file that is not a plan, and a second link to a folder already read are skipped and told to ``skipped``,
for the summary to count. Links to folders are followed.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from pacost.errors import PacostError

PLAN_SUFFIXES = (".toml", ".json")


class Record(NamedTuple):
    """One plan as read from an input, not yet parsed: ``kind`` says how to read ``payload``."""

    plan_id: str
    source: str  # file, or file:line, or file:rows
    kind: str  # "file" (payload: path) | "text" (payload: JSON text) | "csv" (payload: rows) | "error"
    payload: Any


def check_inputs(inputs: Iterable[str]) -> None:
    """Refuse inputs that cannot be opened at all, and CSV exports whose header pacost cannot read (the only
    reasons a batch exits 1): before any plan is costed."""
    from pacost.batch.council_csv import check_csv_file

    for name in inputs:
        if name == "-":
            continue
        path = Path(name)
        if not path.exists():
            raise PacostError("no such file or folder", source=name)
        if path.is_file() and not os.access(path, os.R_OK):
            raise PacostError("cannot be read (permission denied)", source=name)
        if path.is_file() and path.suffix.lower() not in (".jsonl", ".ndjson", ".csv", ".toml", ".json"):
            raise PacostError(
                "is not a kind of input pacost batch reads: give a folder of .toml/.json plans, a .jsonl file "
                "(one plan per line) or a .csv export",
                source=name,
            )
        if path.is_file() and path.suffix.lower() == ".csv":
            check_csv_file(path)


def read_inputs(
    inputs: Iterable[str],
    stdin: IO[str] | None = None,
    warn: Callable[[str], None] | None = None,
    skipped: Callable[[Path, str], None] | None = None,
) -> Iterator[Record]:
    """Every plan in the inputs, in order, as records (streamed: nothing is held but the current plan, and the
    text of a CSV export). ``warn`` is told what the reader had to guess (an export that is not UTF-8);
    ``skipped``, each file in a folder that is not read, and why ("hidden", "not a plan", "already read")."""
    from pacost.batch.council_csv import csv_records, csv_text  # it makes Records, so it imports this module

    for name in inputs:
        if name == "-":
            stream = stdin or sys.stdin
            first = stream.readline()
            rest = _chain([first], stream)
            if first.lstrip().startswith("{"):
                yield from _jsonl_records(rest, "<stdin>")
            else:
                yield from csv_records(rest, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            yield from _folder_records(path, skipped or (lambda path, why: None))
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                yield from _jsonl_records(handle, name)
        elif path.suffix.lower() == ".csv":
            text = csv_text(path, warn or (lambda message: None))
            yield from csv_records(io.StringIO(text, newline=""), name)
        else:
            yield Record(path.stem, name, "file", str(path))


def _chain(first: list[str], rest: Iterable[str]) -> Iterator[str]:
    yield from (line for line in first if line)
    yield from rest


def _folder_records(top: Path, skipped: Callable[[Path, str], None]) -> Iterator[Record]:
    """Every plan under ``top``: each folder's files in name order, then its folders in name order."""
    seen: set[tuple[int, int]] = set()
    info = top.stat()
    yield from _walk(top, top, ((info.st_dev, info.st_ino),), seen, skipped)


def _error(path: Path, top: Path, message: str) -> Record:
    return Record(str(path.relative_to(top)), str(path), "error", message)


def _walk(
    folder: Path,
    top: Path,
    above: tuple[tuple[int, int], ...],
    seen: set[tuple[int, int]],
    skipped: Callable[[Path, str], None],
) -> Iterator[Record]:
    seen.add(above[-1])
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield _error(folder, top, f"is a folder that cannot be read ({reason}): no plan in it was costed")
        return
    folders: list[tuple[Path, tuple[int, int]]] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            skipped(path, "hidden")
            continue
        try:
            is_folder = entry.is_dir()  # through a link too
            identity = (entry.stat().st_dev, entry.stat().st_ino) if is_folder else None
        except OSError as exc:  # a link that loops, or a folder that cannot be looked at
            if entry.name.lower().endswith(PLAN_SUFFIXES):
                yield Record(str(path.relative_to(top).with_suffix("")), str(path), "file", str(path))
            else:
                yield _error(path, top, f"cannot be read ({exc.strerror or exc})")
            continue
        if identity is not None:
            folders.append((path, identity))
        elif entry.name.lower().endswith(PLAN_SUFFIXES):
            yield Record(str(path.relative_to(top).with_suffix("")), str(path), "file", str(path))
        else:
            skipped(path, "not a plan")
    for path, identity in folders:
        if identity in above:
            yield _error(path, top, "is a link back to a folder above it (a loop): it was not read again")
        elif identity in seen:
            skipped(path, "already read")
        else:
            yield from _walk(path, top, (*above, identity), seen, skipped)


def _jsonl_records(lines: Iterable[str], name: str) -> Iterator[Record]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield Record(f"{name}:{number}", f"{name}:{number}", "text", line)
