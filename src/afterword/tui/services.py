"""What the app needs from the outside world, built once by the entry point and passed in.

No Textual here: tests build a `Services` with real parts (a temp store, the offline composer,
or a scripted backend standing in for an external model).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from afterword.config import Settings
from afterword.export import copy_with_pyperclip, open_mailto

if TYPE_CHECKING:
    from afterword.backends.base import Backend
    from afterword.checks.grammar import GrammarChecker
    from afterword.store import Store

Notice = Callable[[str], None]
BackendFactory = Callable[[str, "str | None", Notice], "Backend"]
"""(backend name, model, notice) → a backend; `notice` hears what the person should know (notes
going to another machine, an empty OLLAMA_HOST, the fallback to the offline composer)."""


def default_backend_factory(settings: Settings) -> BackendFactory:
    """`make_backend` bound to the settings (imports the backends only when first used)."""

    def build(name: str, model: str | None, notice: Notice) -> Backend:
        from afterword.backends import make_backend

        return make_backend(name, settings, model, notice)

    return build


def default_model_lister(settings: Settings) -> Callable[[], list[str]]:
    """Installed Ollama models; raises BackendError when Ollama is down."""

    def listing() -> list[str]:
        from afterword.backends.ollama import OllamaBackend

        return OllamaBackend(settings.ollama).installed()

    return listing


def default_checker_factory(settings: Settings) -> Callable[[str], GrammarChecker | None]:
    """The grammar checker for a language (LanguageTool when it can run, else the offline one)."""

    def build(language: str) -> GrammarChecker | None:
        from afterword.checks.grammar import make_checker, start_warmup

        start_warmup(settings.checks, language)  # local LanguageTool's JVM starts in the background
        return make_checker(settings.checks, language, allow_download=False)

    return build


@dataclass
class Services:
    """Settings and the services the screens call (from workers)."""

    settings: Settings
    store_factory: Callable[[], Store]
    make_backend: BackendFactory
    list_models: Callable[[], list[str]]
    make_checker: Callable[[str], GrammarChecker | None]
    backend_names: tuple[str, ...] = ("ollama", "offline", "embedded")
    today: Callable[[], dt.date] = dt.date.today
    clock: Callable[[], float] = time.perf_counter
    system_copy: Callable[[str], tuple[bool, str]] = copy_with_pyperclip
    open_url: Callable[[str], tuple[bool, str]] = open_mailto
    _store: Store | None = field(default=None, repr=False)
    _checkers: dict[str, GrammarChecker | None] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _checker_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def store(self) -> Store:
        """The store, opened on first use (raises StoreError with a clear message)."""
        with self._lock:
            if self._store is None:
                self._store = self.store_factory()
            return self._store

    def checker(self, language: str) -> GrammarChecker | None:
        """The grammar checker for a language, built once (call from a worker: it may be slow)."""
        with self._checker_lock:
            if language not in self._checkers:
                self._checkers[language] = self.make_checker(language)
            return self._checkers[language]

    @classmethod
    def default(cls, settings: Settings) -> Services:
        """The real services for the given settings."""

        def open_store() -> Store:
            from afterword.store import Store

            return Store()

        return cls(
            settings=settings,
            store_factory=open_store,
            make_backend=default_backend_factory(settings),
            list_models=default_model_lister(settings),
            make_checker=default_checker_factory(settings),
        )
