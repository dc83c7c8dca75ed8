"""Shared pieces for the TUI tests: services on a temp store, and a scripted streaming backend.

`ScriptedBackend` is a test double of an external model (Ollama): it implements the Backend
protocol and yields given chunks, optionally slowly, optionally failing mid-way.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from afterword.backends import make_backend
from afterword.backends.base import Backend, Request, Stats
from afterword.config import OllamaSettings, Settings
from afterword.errors import BackendError
from afterword.models import Notes, load_notes
from afterword.store import Store
from afterword.tui.services import Services, default_checker_factory, default_model_lister

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
TODAY = dt.date(2026, 11, 21)
CLOSED_PORT = "http://127.0.0.1:9"
"""Loopback port nothing listens on: a real 'Ollama is not running'."""

LETTER = (
    "Subject: Thank you for the conversation\n\n"
    "Dear {name},\n\n"
    "I hope this email finds you well. Thank you for talking with me about the Senior Data "
    "Engineer role at Northwind Health.\n\n"
    "I enjoyed our discussion and would welcome the chance to help the team.\n\n"
    "Thank you again,\nMaya Chen\n"
)


class ScriptedBackend:
    """Streams a scripted reply word by word; can pause between chunks and fail mid-way."""

    name = "scripted"

    def __init__(self, text: str = LETTER, delay: float = 0.0, fail_after: int | None = None,
                 gate: threading.Event | None = None,
                 error: str = "the model server closed the stream") -> None:
        self.text = text
        self.delay = delay
        self.fail_after = fail_after
        self.gate = gate
        self.error = error
        self.calls: list[str] = []
        """Who each stream was for."""

    def model_name(self) -> str | None:
        return "scripted-1"

    def stream(self, request: Request, stats: Stats) -> Iterator[str]:
        name = request.recipient
        self.calls.append(name)
        stats.model = "scripted-1"
        words = self.text.format(name=name.split()[0]).split(" ")
        for n, word in enumerate(words):
            if self.fail_after is not None and n == self.fail_after:
                raise BackendError(self.error, "start it again with `ollama serve`, or use --backend offline",
                                   partial="")
            if self.gate is not None and n == 3:
                self.gate.wait(5)
            if self.delay:
                time.sleep(self.delay)
            yield word if n == len(words) - 1 else word + " "


async def settle(app: App[None], pilot: Pilot[None], rounds: int = 4) -> None:
    """Wait for workers (generation, checks, store actions) and the messages they post."""
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()


def notes_of(sample: str) -> Notes:
    return load_notes(SAMPLES / sample)


def frozen_clock() -> float:
    """A stopped clock: elapsed times read 0.0 s, so snapshots do not depend on speed."""
    return 0.0


def make_services(home: Path, scripted: Backend | None = None, ollama: OllamaSettings | None = None,
                  **settings: object) -> Services:
    """Real services on a temp store; Ollama at a closed loopback port (unless `ollama` says
    otherwise); optional scripted model."""
    ollama = ollama or OllamaSettings(host=CLOSED_PORT, connect_timeout=0.5)
    config = Settings(ollama=ollama, **settings)  # type: ignore[arg-type]
    config.checks.languagetool = "off"

    def backend(name: str, model: str | None, notice: Callable[[str], None]) -> Backend:
        if name == "scripted" and scripted is not None:
            return scripted
        return make_backend(name, config, model, notice)

    return Services(
        settings=config,
        store_factory=lambda: Store(home / "afterword.json"),
        make_backend=backend,
        list_models=default_model_lister(config),
        make_checker=default_checker_factory(config),
        backend_names=("ollama", "offline", *(("scripted",) if scripted else ())),
        today=lambda: TODAY,
    )
