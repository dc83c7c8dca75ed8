"""The status bar: backend (and its state, said once), model, speed, elapsed time, what is happening."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.reactive import reactive
from textual.widgets import Static

from afterword.tui.safe import plain


class StatusLine(Static):
    """`offline · 42 tok/s · 3.1 s · done`, refreshed while a draft streams."""

    backend: reactive[str] = reactive("offline")
    model: reactive[str | None] = reactive(None)
    note: reactive[str] = reactive("")
    """The backend's state, e.g. "Ollama not running" (shown beside the backend, nowhere else)."""
    notices: reactive[tuple[str, ...]] = reactive(())
    """What the backend said (notes going to another machine, an empty OLLAMA_HOST), each once."""
    state: reactive[str] = reactive("ready — ctrl+g drafts")
    warning: reactive[str] = reactive("")
    """Something about the notes worth knowing while drafting (instruction-like text)."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.clock = clock
        self._started: float | None = None
        self._elapsed = 0.0
        self._chunks = 0
        self._rate: float | None = None

    def on_mount(self) -> None:
        self._timer = self.set_interval(0.25, self._tick, pause=True)
        self._paint()

    def start(self, backend: str, model: str | None, what: str = "") -> None:
        """A generation began (`what`: whose draft)."""
        self.backend, self.model = backend, model
        self._started, self._elapsed, self._chunks, self._rate = self.clock(), 0.0, 0, None
        self.state = f"streaming {what}… (Esc stops)" if what else "streaming… (Esc stops)"
        self._timer.resume()

    def say(self, notice: str) -> None:
        """Show a backend's notice beside the backend, once; its own words replace the general
        state note."""
        if notice not in self.notices:
            self.notices = (*self.notices, notice)
            self.note = ""

    def chunk(self) -> None:
        self._chunks += 1

    def stop(self, state: str, tokens_per_s: float | None = None) -> None:
        """Generation ended (done, cancelled or failed)."""
        if self._started is not None:
            self._elapsed = self.clock() - self._started
        self._started = None
        self._rate = tokens_per_s
        self._timer.pause()
        self.state = state

    def _tick(self) -> None:
        if self._started is not None:
            self._elapsed = self.clock() - self._started
        self._paint()

    def watch_state(self) -> None:
        self._paint()

    def watch_backend(self) -> None:
        self._paint()

    def watch_model(self) -> None:
        self._paint()

    def watch_note(self) -> None:
        self._paint()

    def watch_notices(self) -> None:
        self._paint()

    def watch_warning(self) -> None:
        self._paint()

    def _paint(self) -> None:
        if self._rate is not None and self._rate > 0:
            rate = f"{self._rate:.0f} tok/s"
        elif self._started is not None and self._elapsed > 0:
            rate = f"~{self._chunks / self._elapsed:.0f} chunks/s"
        else:
            rate = "— tok/s"
        backend = self.backend + (f" {self.model}" if self.model else "")
        said = "; ".join(n for n in (self.note, *self.notices) if n)
        if said:
            backend += f" ({said})"
        text = plain(f"{backend} · {rate} · {self._elapsed:.1f} s · {self.state}")
        if self.warning:
            text.append_text(plain(f" · {self.warning}", "yellow"))
        self.update(text)
