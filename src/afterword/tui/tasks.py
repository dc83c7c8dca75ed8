"""Store actions off the UI thread, one after another in the order asked (a version kept before an
approval is stored before it), each failure caught and shown — never a crash, never lost."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from afterword.errors import AfterwordError

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
            except (AfterwordError, OSError, ValueError) as exc:
                self._failed(failed, str(exc), on_error)
            except Exception as exc:  # a bug must still not take the person's text with it
                self._failed(failed, f"unexpected error: {exc!r}", on_error)
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
