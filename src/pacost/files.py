"""Reading a file a person gives pacost (a plan, a ``--rates`` file): its bytes, at most ``MAX_BYTES``, and never
from a pipe or a device (which could keep a command waiting for ever, or fill the memory); its text, as UTF-8.
Every problem is a located ``PacostError``. Nothing here knows what the file holds.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import BinaryIO

from pacost.errors import PacostError

#: The largest file pacost reads: a plan of a hundred PAs is a few kilobytes.
MAX_BYTES = 10 * 1024 * 1024


def _capped(handle: BinaryIO, source: str) -> bytes:
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PacostError(
            f"is more than {MAX_BYTES // (1024 * 1024)} MB: a plan or rates file is a few KB", source=source
        )
    return data


def read_bytes(path: Path, *, what: str = "a plan file") -> bytes:
    """The file's bytes (``-``: standard input), or a located error for a folder, a missing or unreadable file, a
    pipe or a device, or one too large."""
    source = str(path)
    if source == "-":
        return _capped(sys.stdin.buffer, "<stdin>")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PacostError("no such file", source=source) from None
    except OSError as exc:
        raise PacostError(f"cannot be read ({exc.strerror or exc})", source=source) from None
    if stat.S_ISDIR(info.st_mode):
        raise PacostError(
            f"is a folder, not {what}: give a .toml or .json file (or, for plans, use `pacost batch`)", source=source
        )
    if not stat.S_ISREG(info.st_mode):
        raise PacostError(f"is a pipe or a device, not {what}: save it to a file, or pipe it in as -", source=source)
    if info.st_size > MAX_BYTES:
        raise PacostError(
            f"is {info.st_size / (1024 * 1024):,.0f} MB, not {what}: a plan or rates file is a few KB", source=source
        )
    try:
        with path.open("rb") as handle:
            return _capped(handle, source)
    except OSError as exc:
        raise PacostError(f"cannot be read ({exc.strerror or exc})", source=source) from None


def decode_text(data: bytes, source: str, *, what: str = "plan") -> str:
    """UTF-8 text (a byte-order mark allowed), or a located error saying how to save the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PacostError(f"is UTF-16 text: save the {what} as UTF-8", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PacostError(
            f"is not UTF-8 text (byte {exc.start + 1} cannot be read; Latin-1 or Windows text?): save the {what} as "
            "UTF-8",
            source=source,
        ) from None
