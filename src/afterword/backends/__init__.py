"""Backends behind one protocol; `make_backend` picks and builds one."""

from __future__ import annotations

from collections.abc import Callable

from afterword.backends.base import Backend, Prompt, Request, Stats
from afterword.config import Settings
from afterword.errors import InputError

BACKENDS = ("auto", "ollama", "offline", "embedded")

__all__ = ["BACKENDS", "Backend", "Prompt", "Request", "Stats", "make_backend"]


def make_backend(
    name: str,
    settings: Settings,
    model: str | None = None,
    notice: Callable[[str], None] = lambda _msg: None,
) -> Backend:
    """Build a backend. `auto` uses Ollama when a quick probe answers, else the offline composer."""
    if name not in BACKENDS:
        raise InputError(f"--backend {name!r}: unknown backend", f"choose one of: {', '.join(BACKENDS)}")
    if name == "offline":
        from afterword.backends.offline import OfflineBackend

        return OfflineBackend()
    if name == "embedded":
        from afterword.backends.embedded import EmbeddedBackend

        return EmbeddedBackend(settings.embedded)
    from afterword.backends.ollama import OllamaBackend, is_loopback, reachable

    if not is_loopback(settings.ollama.host):
        notice(f"afterword: notes will be sent to the Ollama server you configured at {settings.ollama.host}")
    if name == "ollama":
        return OllamaBackend(settings.ollama, model)
    from afterword.backends.offline import OfflineBackend
    from afterword.errors import BackendError

    if not reachable(settings.ollama):
        notice(
            f"afterword: Ollama is not running at {settings.ollama.host}; drafting with the offline composer"
        )
        return OfflineBackend()
    backend = OllamaBackend(settings.ollama, model)
    try:
        backend.model_name()
    except BackendError as exc:
        notice(f"afterword: {exc}; drafting with the offline composer")
        return OfflineBackend()
    return backend
