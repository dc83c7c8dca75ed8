"""Every kept version of one person's draft: when, tone, backend, edited or not; restore one."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from afterword.tui.safe import plain

if TYPE_CHECKING:
    from afterword.store import StoredDraft

COLUMNS = ("#", "When", "Tone", "Backend", "Edited", "Sent")


class VersionsScreen(ModalScreen["StoredDraft | None"]):
    """Pick a version to restore (Enter), or go back (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="versions_close"),
        Binding("enter", "restore", "Restore", id="versions_restore"),
    ]

    def __init__(self, title: str, versions: list[StoredDraft], sent: Collection[str] = ()) -> None:
        super().__init__()
        self.heading = title
        self.versions = list(reversed(versions))  # newest first
        self.sent = set(sent)
        """Ids of the versions recorded as sent (a send that was undone is not)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="versions"):
            yield Static(plain(self.heading, "bold"), classes="dialog-title")
            yield DataTable(id="version-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="version-preview")
            yield Static("Enter restores the highlighted version (what is on show now is kept "
                         "as a version too) · Esc goes back", classes="dim")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        people = len({v.recipient for v in self.versions}) > 1  # then each row says whose it is
        table.add_columns(*COLUMNS, *(["To"] if people else []))
        for v in self.versions:
            when = v.created.astimezone().strftime("%Y-%m-%d %H:%M")
            edited = "restored" if getattr(v, "restored_from", None) else ("yes" if v.edited else "—")
            table.add_row(plain(v.version), plain(when), plain(v.tone), plain(v.backend),
                          plain(edited), plain("✓" if v.id in self.sent else "—"),
                          *([plain(v.recipient)] if people else []), key=v.id)
        table.focus()
        self._preview()

    def on_data_table_row_highlighted(self) -> None:
        self._preview()

    def on_data_table_row_selected(self) -> None:
        self.action_restore()

    def _current(self) -> StoredDraft | None:
        row = self.query_one(DataTable).cursor_row
        return self.versions[row] if self.versions and 0 <= row < len(self.versions) else None

    def _preview(self) -> None:
        version = self._current()
        text = version.text if version else "No versions yet."
        self.query_one("#version-preview", Static).update(plain(text))

    def action_restore(self) -> None:
        """Restore the highlighted version."""
        self.dismiss(self._current())

    def action_close(self) -> None:
        self.dismiss(None)
