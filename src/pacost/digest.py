"""The SHA-256 fingerprint of a plan as the outputs show it (``plan_sha256``), so that a figure can be matched to
the exact file it came from.

Taken from CPython's own SHA-256 module where there is one: ``hashlib`` would first load OpenSSL, which costs a
command a few milliseconds at start-up for a digest of a few kilobytes. Nothing else lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_sha256: Callable[[bytes], Any] | None = None


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data``, as 64 lower-case hexadecimal digits."""
    global _sha256
    if _sha256 is None:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found]  # CPython 3.11
        except ImportError:
            try:
                from _sha2 import sha256  # type: ignore[import-not-found]  # CPython 3.12 on
            except ImportError:
                from hashlib import sha256  # any other Python
        _sha256 = sha256
    return str(_sha256(data).hexdigest())
