"""Build hook: put pacost's snapshot — the bundled rate book read and checked from ``data/``, and the validators of
the plan file and the rates files (see ``src/pacost/snapshot.py``) — into the wheel, so that a command starts
without building them. An editable install has no snapshot and builds them when first needed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SnapshotBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        source = str(Path(self.root) / "src")
        sys.path.insert(0, source)
        try:
            from pacost.snapshot import build_snapshot

            contents = build_snapshot()
        finally:
            sys.path.remove(source)
            for name in [name for name in sys.modules if name == "pacost" or name.startswith("pacost.")]:
                del sys.modules[name]
        folder = Path(tempfile.mkdtemp(prefix="pacost-snapshot-"))
        snapshot = folder / "snapshot.pickle"
        snapshot.write_bytes(contents)
        build_data["force_include"][str(snapshot)] = "pacost/snapshot.pickle"
