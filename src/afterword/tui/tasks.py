"""Store actions off the UI thread, one after another in the order asked (a version kept before an
approval is stored before it), each failure caught and shown — never a crash, never lost."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from afterword.tui.safe import error_text

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")


def tasks_of(app: App[Any]) -> Serial:
    """The app's serial store queue (every afterword app has one)."""
    serial = getattr(app, "store_tasks", None)
    assert isinstance(serial, Serial)
    return serial


class Serial:
    """Runs callables in thread workers, each starting when the one before has finished."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._last = threading.Event()
        self._last.set()

    def submit(self, fn: Callable[[], T], done: Callable[[T], None] | None = None, *,
               failed: str = "Not saved", on_error: Callable[[str], None] | None = None) -> None:
        """Run `fn`; then `done(result)` on the UI thread, or show why it failed (`failed` is the
        notice's title) and call `on_error(message)`."""
        before, finished = self._last, threading.Event()
        self._last = finished

        def run() -> None:
            before.wait()
            try:
                result = fn()
            except Exception as exc:  # shown, and the person's text is left as it was
                self._failed(failed, error_text(exc), on_error)
            else:
                if done is not None:
                    self.app.call_from_thread(done, result)
            finally:
                finished.set()

        self.app.run_worker(run, thread=True, group="store", exit_on_error=False)

    def _failed(self, title: str, message: str, on_error: Callable[[str], None] | None) -> None:
        self.app.notify(message, title=title, severity="error")
        if on_error is not None:
            self.app.call_from_thread(on_error, message)
