"""One helper for streamed text: chunks are collected per slot and painted at most once a frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.timer import Timer

FRAME = 1 / 30
"""Streamed text is painted at most this often (seconds)."""


class _Timers(Protocol):
    def set_timer(self, delay: float, callback: Callable[[], None]) -> Timer: ...


class StreamBuffer:
    """`add(index, chunk)` as chunks arrive; `paint({index: new text})` runs once per frame."""

    def __init__(self, owner: _Timers, paint: Callable[[dict[int, str]], None]) -> None:
        self.owner = owner
        self.paint = paint
        self.pending: dict[int, str] = {}
        self._timer: Timer | None = None

    def add(self, index: int, chunk: str) -> None:
        self.pending[index] = self.pending.get(index, "") + chunk
        if self._timer is None:
            self._timer = self.owner.set_timer(FRAME, self.flush)

    def flush(self) -> None:
        """Paint what arrived since the last frame."""
        self._timer = None
        pending, self.pending = self.pending, {}
        if pending:
            self.paint(pending)

    def drop(self) -> None:
        """Forget unpainted text (the slot was reloaded from its full stream)."""
        self.pending.clear()
