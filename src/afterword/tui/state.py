"""Small UI state remembered between runs (the theme), kept in the data dir as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from afterword.config import data_dir
from afterword.fileio import atomic_write

STATE_FILE = "ui-state.json"


class UIState:
    """Reads and writes `ui-state.json`; a missing or unreadable file means defaults."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / STATE_FILE

    def load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}

    def save(self, **values: str) -> None:
        data = {**self.load(), **values}
        atomic_write(self.path, json.dumps(data, indent=2).encode("utf-8"))
