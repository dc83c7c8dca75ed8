"""Backends behind one protocol; `make_backend` picks and builds one."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from afterword.backends.base import Backend, Prompt, Request, Stats
from afterword.config import DEFAULT_OLLAMA_HOST, Settings, ollama_host_env
from afterword.errors import BackendError, InputError

if TYPE_CHECKING:
    from afterword.backends.ollama import OllamaBackend

BACKENDS = ("auto", "ollama", "offline", "embedded")

__all__ = ["BACKENDS", "Backend", "Prompt", "Request", "Stats", "make_backend"]


def make_backend(
    name: str,
    settings: Settings,
    model: str | None = None,
    notice: Callable[[str], None] = lambda _msg: None,
) -> Backend:
    """Build a backend. `auto` uses Ollama when it answers within `ollama.probe_timeout` seconds in
    all, else the offline composer. A host on another machine needs `ollama.allow_remote`."""
    if name not in BACKENDS:
        raise InputError(f"--backend {name!r}: unknown backend", f"choose one of: {', '.join(BACKENDS)}")
    if name == "offline":
        from afterword.backends.offline import OfflineBackend

        return OfflineBackend()
    if name == "embedded":
        from afterword.backends.embedded import EmbeddedBackend

        return EmbeddedBackend(settings.embedded)
    from afterword.backends.ollama import OllamaBackend

    backend = OllamaBackend(settings.ollama, model)
    env = ollama_host_env()
    if env is not None and not env.strip() and settings.ollama.host == DEFAULT_OLLAMA_HOST:
        notice(f"afterword: OLLAMA_HOST is set but empty, so the default {DEFAULT_OLLAMA_HOST} is used")
    if name == "auto":
        failure = _probe(backend, settings.ollama.probe_timeout)
        if failure is not None:
            from afterword.backends.offline import OfflineBackend

            notice(f"afterword: {failure.message}; drafting with the offline composer")
            return OfflineBackend()
    if backend.remote:
        notice(
            f"afterword: your notes will be sent to the Ollama server at {backend.host} (allow_remote is on)"
        )
    return backend


def _probe(backend: OllamaBackend, seconds: float) -> BackendError | None:
    """Whether Ollama answers (and has a model) within `seconds` in all: None, or what went wrong.

    The probe runs in a daemon thread, so a server that accepts the connection and never answers
    costs `seconds`, not the read timeout.
    """
    outcome: list[BaseException | None] = []

    def ask() -> None:
        try:
            backend.probe()
            outcome.append(None)
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    thread = threading.Thread(target=ask, name="ollama-probe", daemon=True)
    thread.start()
    thread.join(seconds)
    if not outcome:
        return BackendError(f"Ollama at {backend.host} did not answer within {seconds:g} s")
    failure = outcome[0]
    if failure is None or isinstance(failure, BackendError):
        return failure
    raise failure
