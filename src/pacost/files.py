"""Files a person gives pacost, and files pacost writes for them.

Reading (a plan, a ``--rates`` file): its bytes, at most ``MAX_BYTES``, and never from a pipe or a device (which
could keep a command waiting for ever, or fill the memory); its text, as UTF-8.

Writing (``-o``, ``--out``, ``--summary``): never over one of the command's inputs (``check_outputs``, before
anything is read: the same file by its path with every link followed, or by its device and inode, or a file inside
an input folder); and always whole — written under a temporary name beside the final one and renamed into place
when complete (``write_whole``, or ``OutputFile`` for rows written as they come), so that a full disk or an
interrupted run never leaves a partial file under the final name.

Every problem is a ``PacostError`` naming the file. Nothing here knows what a file holds.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, BinaryIO

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


# ----------------------------------------------------------------------------------------------------------------
# Writing


def _identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode (after links), or None when there is no such file."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _inside(path: Path, folder: Path, folder_id: tuple[int, int] | None) -> bool:
    """Whether ``path`` is in ``folder`` or a folder under it: by their paths with every link followed, or by a
    folder above ``path`` being the same folder (a second mount, say)."""
    if path.resolve().is_relative_to(folder.resolve()):
        return True
    return folder_id is not None and any(_identity(parent) == folder_id for parent in path.resolve().parents)


def check_outputs(outputs: Sequence[tuple[str, Path | None]], inputs: Sequence[str | Path]) -> None:
    """Refuse, before anything is read or written, an output (``(option, path)``) that would write over one of the
    inputs, or over another output: the same file, or a file inside an input folder."""
    given = [(option, path) for option, path in outputs if path is not None]
    for option, path in given:
        target = _identity(path)
        for name in inputs:
            if str(name) == "-":
                continue
            source = Path(name)
            if source.is_dir():
                if _inside(path, source, _identity(source)):
                    raise PacostError(
                        f"{option} {path} is inside {source}, one of the input folders: pacost never writes where "
                        "it reads; choose a file outside it"
                    )
            elif path.resolve() == source.resolve() or (target is not None and target == _identity(source)):
                raise PacostError(
                    f"{option} {path} is {source}, one of the inputs: pacost never writes over what it reads; "
                    "choose another file name"
                )
    for k, (option, path) in enumerate(given):
        for other_option, other in given[k + 1 :]:
            same_id = _identity(path)
            if path.resolve() == other.resolve() or (same_id is not None and same_id == _identity(other)):
                raise PacostError(f"{option} and {other_option} both name {path}: give each its own file")


def write_error(path: Path, exc: OSError) -> PacostError:
    """The error for a write that failed: "could not write FILE: the disk is full" (or the system's reason)."""
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        reason = "the disk quota is used up"
    else:
        reason = exc.strerror or str(exc)
    return PacostError(f"could not write {path}: {reason}")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class OutputFile:
    """A file written as it goes, under a temporary name beside ``path``: ``keep`` renames it into place whole,
    ``discard`` removes it. Every write error is a ``PacostError`` (``write_error``)."""

    def __init__(self, path: Path) -> None:
        import tempfile  # only a command that writes a file needs it (it brings shutil and random)

        self.path = path
        folder = path.parent if str(path.parent) else Path(".")
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        except OSError as exc:
            raise write_error(path, exc) from None
        self.temporary = Path(temporary)
        if hasattr(os, "fchmod"):  # a temporary file is private (0600): the output gets the usual mode
            with contextlib.suppress(OSError):
                os.fchmod(handle, 0o666 & ~_umask())
        self._handle: IO[str] = os.fdopen(handle, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        try:
            self._handle.write(text)
        except OSError as exc:
            raise write_error(self.path, exc) from None

    def keep(self) -> None:
        """Finish the file and rename it into place; on any error, remove it and raise."""
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.replace(self.temporary, self.path)
        except OSError as exc:
            self.discard()
            raise write_error(self.path, exc) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # a full disk again: the file is being thrown away
            self._handle.close()
        self.temporary.unlink(missing_ok=True)


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole: to a temporary file beside it, then renamed over it."""
    out = OutputFile(path)
    try:
        out.write(text)
        out.keep()
    except BaseException:
        out.discard()
        raise
