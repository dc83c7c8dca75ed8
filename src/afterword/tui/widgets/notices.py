"""Notices in the layout, not over it: a few lines above the status bar that push the work up
instead of covering it. Information fades; errors stay until dismissed (Esc, or a click)."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Static

from afterword.tui.safe import plain

MARK = {"information": ("•", "bold green"), "warning": ("!", "bold yellow"), "error": ("✗", "bold red")}
KEEP = 3
"""Notices shown at once (the oldest information goes first)."""
DEFAULT_TIMEOUT = {"information": 6.0, "warning": 10.0}


class Notice(Static):
    """One notice line; a click dismisses it."""

    def __init__(self, title: str, message: str, severity: str) -> None:
        mark, style = MARK.get(severity, MARK["information"])
        text = plain(f"{mark} ", style)
        if title:
            text.append_text(plain(f"{title}: ", "bold"))
        text.append_text(plain(message))
        if severity == "error":
            text.append("  (Esc or click dismisses)", style="dim")
        super().__init__(text, classes=f"notice -{severity}")
        self.severity = severity
        self.plain = text.plain

    def on_click(self) -> None:
        self.remove()


class NoticeArea(Vertical):
    """The notices of one screen."""

    DEFAULT_CSS = """
    NoticeArea { height: auto; max-height: 6; }
    NoticeArea .notice { height: auto; padding: 0 1; background: $panel; }
    NoticeArea .notice.-error { background: $error 25%; }
    NoticeArea .notice.-warning { background: $warning 15%; }
    """

    def add(self, title: str, message: str, severity: str = "information",
            timeout: float | None = None) -> None:
        """Show a notice; information and warnings leave after `timeout` seconds."""
        notice = Notice(title, message, severity)
        self.mount(notice)
        if severity != "error":
            notice.set_timer(timeout or DEFAULT_TIMEOUT.get(severity, 6.0), notice.remove)
        shown = list(self.query(Notice))
        for old in [n for n in shown if n.severity != "error"][: max(0, len(shown) - KEEP)]:
            old.remove()

    @property
    def errors(self) -> list[Notice]:
        return [n for n in self.query(Notice) if n.severity == "error"]

    def dismiss_errors(self) -> bool:
        """Remove the errors shown; True when there were any."""
        errors = self.errors
        for notice in errors:
            notice.remove()
        return bool(errors)

    def texts(self) -> list[str]:
        """What the notices say (plain text), oldest first."""
        return [n.plain for n in self.query(Notice)]
