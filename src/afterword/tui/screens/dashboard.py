"""The start screen: every tracked application with each person's state, when it is due, its
status and last contact; open, start, reply, undo the last send or reply, archive or delete from here."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from afterword.models import Notes
from afterword.tui.messages import ApplicationOpened, ApplicationsLoaded
from afterword.tui.progress import AppRow, dashboard_rows
from afterword.tui.safe import error_text, plain
from afterword.tui.tasks import Serial, tasks_of
from afterword.tui.widgets.footer import FitFooter
from afterword.tui.widgets.notices import NoticeArea

if TYPE_CHECKING:
    from afterword.tui.services import Services

WIDE = 110
"""From this many columns on, company and position get a column each, and last contact shows."""


def layout(width: int) -> list[tuple[str, int]]:
    """The columns (title, width) for a table `width` cells wide; text wraps inside them."""
    spare = width - 4  # scrollbar and edge
    if width >= WIDE:
        fixed = {"Due": 10, "Status": 14, "Last contact": 12}
        rest = spare - sum(fixed.values()) - 2 * 6
        return [("Company", rest * 3 // 10), ("Position", rest * 3 // 10),
                ("Next step", rest - 2 * (rest * 3 // 10)), ("Due", 10), ("Status", 14), ("Last contact", 12)]
    fixed = {"Due": 10, "Status": 11}
    rest = spare - sum(fixed.values()) - 2 * 4
    first = rest * 4 // 10
    return [("Application", first), ("Next step", rest - first), ("Due", 10), ("Status", 11)]


def cells(row: AppRow, columns: list[tuple[str, int]]) -> list[Text]:
    """One row's cells for these columns."""
    style = "bold red" if row.overdue else ""
    values = {
        "Company": plain(row.company, style),
        "Position": plain(row.position),
        "Application": plain(row.company, style).append_text(plain(f"\n{row.position}", "dim")),
        "Next step": plain(row.next_step, style),
        "Due": plain(row.due, style).append_text(plain("\noverdue", "reverse red") if row.overdue
                                                 else Text()),
        "Status": plain(row.status),
        "Last contact": plain(row.last_contact),
    }
    return [values[title] for title, _ in columns]


class DashboardScreen(Screen[None]):
    """Applications, soonest follow-up first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="open", priority=True,
                tooltip="Draft the next follow-up for this one"),
        Binding("n", "new", "New", id="new", tooltip="Start a new application in the notes form"),
        Binding("r", "reply", "Reply", id="reply",
                tooltip="Record a reply or an outcome: replied, next round, rejected, offer, withdrawn"),
        Binding("u", "undo", "Undo", id="undo",
                tooltip="Undo the last send or reply recorded for this application"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit the selected application's notes"),
        Binding("a", "archive", "Archive", id="archive",
                tooltip="Hide it from the dashboard and the plan (v shows archived; a brings it back)"),
        Binding("d", "delete", "Delete", id="delete",
                tooltip="Remove it and everything recorded for it (asks first)"),
        Binding("o", "open_file", "Open file", id="open_file", tooltip="Load a notes JSON file and track it"),
        Binding("v", "toggle_archived", "Archived", id="toggle_archived",
                tooltip="Show or hide archived applications"),
        Binding("f5", "refresh", "Refresh", id="refresh", show=False, tooltip="Reload the list"),
    ]

    def __init__(self, services: Services, *, covered: bool = False) -> None:
        """`covered`: another screen goes on top at once (`open NOTES`), so the applications are
        loaded when this screen is first shown, not while that one opens."""
        super().__init__()
        self.services = services
        self.rows: list[AppRow] = []
        self.show_archived = False
        self._columns: list[tuple[str, int]] = []
        self._covered = covered

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(plain("Loading applications…"), id="dash-summary")
        yield DataTable(id="apps", cursor_type="row", zebra_stripes=True)
        yield Static("", id="dash-reason")
        yield NoticeArea()
        yield FitFooter()

    def on_mount(self) -> None:
        self.title = "afterword"
        self.sub_title = "Follow-ups"

    def on_resize(self, event: Resize) -> None:
        columns = layout(event.size.width)
        if columns != self._columns:
            self._columns = columns
            self._fill()

    def on_screen_resume(self) -> None:
        if self._covered:
            self._covered = False
            return
        self.action_refresh()

    @property
    def tasks(self) -> Serial:
        return tasks_of(self.app)

    def action_refresh(self) -> None:
        """Reload the applications (in a worker)."""
        self.run_worker(self._load, thread=True, group="dashboard", exclusive=True, exit_on_error=False)

    def _load(self) -> None:
        try:
            rows = dashboard_rows(self.services, include_archived=self.show_archived)
        except Exception as exc:  # shown, never swallowed
            self.post_message(ApplicationsLoaded([], error_text(exc)))
            return
        self.post_message(ApplicationsLoaded(rows))

    def on_applications_loaded(self, event: ApplicationsLoaded) -> None:
        summary = self.query_one("#dash-summary", Static)
        if event.error:
            summary.update(plain(event.error, "bold red"))
            self.rows = []
            self._fill()
            return
        keep = self._selected()
        self.rows = event.rows
        overdue = sum(r.overdue for r in self.rows)
        if not self.rows:
            summary.update(plain("No applications yet — n starts one in the notes form, "
                                 "o opens a notes file."))
        else:
            text = plain(f"{len(self.rows)} application{'s' * (len(self.rows) != 1)}")
            if overdue:
                text.append_text(plain(f" · {overdue} overdue", "bold red"))
            if self.show_archived:
                text.append_text(plain(" · archived ones shown (v hides them)", "dim"))
            summary.update(text)
        self._fill(keep.id if keep else None)

    def _fill(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        if not self._columns:
            return
        table.clear(columns=True)
        for title, width in self._columns:
            table.add_column(title, width=width, key=title)
        for row in self.rows:
            table.add_row(*cells(row, self._columns), key=row.id, height=None)
        if select is not None and any(r.id == select for r in self.rows):
            table.move_cursor(row=next(n for n, r in enumerate(self.rows) if r.id == select))
        self._reason()

    def on_data_table_row_highlighted(self) -> None:
        self._reason()

    def _reason(self) -> None:
        row = self._selected()
        self.query_one("#dash-reason", Static).update(plain(row.reason if row else ""))

    def _selected(self) -> AppRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def _need_row(self) -> AppRow | None:
        row = self._selected()
        if row is None:
            self.notify("No application selected — n starts one.", severity="warning")
        return row

    # open and edit ----------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the selected application on the draft screen."""
        row = self._need_row()
        if row is not None:
            self.run_worker(partial(self._fetch, row.id, False), thread=True, group="open",
                            exit_on_error=False)

    def on_data_table_row_selected(self) -> None:
        self.action_open()

    def action_edit(self) -> None:
        """Edit the selected application's notes (as you last typed them)."""
        row = self._need_row()
        if row is not None:
            self.run_worker(partial(self._fetch, row.id, True), thread=True, group="open",
                            exit_on_error=False)

    def _fetch(self, app_id: str, edit: bool) -> None:
        from afterword.tui.screens.notes import editable_notes

        try:
            if edit:
                data = editable_notes(self.services, app_id, None)
                self.post_message(ApplicationOpened(app_id, data, edit=True))
            else:
                notes = self.services.store.get_application(app_id).notes
                self.post_message(ApplicationOpened(app_id, notes))
        except Exception as exc:  # shown, never swallowed
            self.notify(error_text(exc), title="Cannot open", severity="error")

    def on_application_opened(self, event: ApplicationOpened) -> None:
        from afterword.tui.screens.draft import DraftScreen
        from afterword.tui.screens.notes import NotesScreen

        if event.edit:
            screen = NotesScreen(self.services, app_id=event.app_id, data=event.notes)
            self.app.push_screen(screen, self._edited)
        else:
            assert isinstance(event.notes, Notes)
            self.app.push_screen(DraftScreen(self.services, event.notes, event.app_id))

    def _edited(self, result: tuple[str | None, Notes] | None) -> None:
        if result is not None:
            self.post_message(ApplicationOpened(result[0], result[1]))

    def action_new(self) -> None:
        """Start a new application in the notes form (restores unsaved typing)."""
        from afterword.tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.services), self._edited)

    def action_open_file(self) -> None:
        """Load a notes file, track it and open it."""
        from afterword.tui.screens.dialogs import PathDialog

        self.app.push_screen(PathDialog("Open a notes JSON file", ""), self._open_path)

    def _open_path(self, path: str | None) -> None:
        if path:
            self.run_worker(partial(self._track_file, path), thread=True, group="open", exit_on_error=False)

    def _track_file(self, path: str) -> None:
        from afterword.models import load_notes

        try:
            notes = load_notes(path)
            app_id = self.services.store.upsert_application(notes)
            self.post_message(ApplicationOpened(app_id, notes))
        except Exception as exc:  # shown, never swallowed
            self.notify(error_text(exc), title="Cannot open", severity="error")

    # what happened ----------------------------------------------------------------------------

    def action_reply(self) -> None:
        """Record a reply or an outcome for the selected application."""
        from afterword.tui.screens.dialogs import ReplyDialog

        row = self._need_row()
        if row is not None:
            self.app.push_screen(ReplyDialog(row.company, self.services.today()), partial(self._reply, row))

    def _reply(self, row: AppRow, answer: tuple[str, object, bool] | None) -> None:
        if answer is None:
            return
        outcome, day, warm = answer
        store = self.services.store

        def record() -> str:
            store.record_reply(row.id, outcome, day, warm)  # type: ignore[arg-type]
            return f"{row.company}: {outcome} recorded for {day}."

        self.tasks.submit(record, self._done, failed="Reply not recorded")

    def action_undo(self) -> None:
        """Undo the last send or reply recorded for the selected application."""
        from afterword.tui.screens.dialogs import OUTCOME_LABELS

        row = self._need_row()
        if row is None:
            return
        store = self.services.store

        def undo() -> str:
            undone = store.undo_last(row.id)
            if not undone:
                return ""
            if undone[0].kind == "reply":
                reply = undone[0]
                return f"Undid the reply: “{OUTCOME_LABELS[str(reply.outcome)]}” of {reply.date.isoformat()}."
            said = ", ".join(f"{e.scenario} to {e.recipient} ({e.date.isoformat()})" for e in undone)
            return f"Undid the send: {said}."

        def done(message: str) -> None:
            if message:
                self._done(message)
            else:
                self.notify(f"Nothing to undo: no send or reply is recorded for {row.company}.")

        self.tasks.submit(undo, done, failed="Nothing undone")

    def action_archive(self) -> None:
        """Archive the selected application (or bring an archived one back)."""
        row = self._need_row()
        if row is None:
            return
        store = self.services.store

        def archive() -> str:
            if row.archived:
                store.unarchive(row.id)
                return f"{row.company} is back on the dashboard."
            store.archive(row.id)
            return f"{row.company} archived — v shows archived ones, a brings it back."

        self.tasks.submit(archive, self._done, failed="Not archived")

    def action_delete(self) -> None:
        """Delete the selected application and everything recorded for it, after asking."""
        from afterword.tui.screens.dialogs import ChoiceDialog

        row = self._need_row()
        if row is None:
            return
        body = (f"Delete {row.company} — {row.position}?\n\nEverything recorded for it goes: the notes, "
                "every send and reply, every draft version. This cannot be undone. Archive hides it "
                "instead and can be undone.")
        choices = [("archive", "a", "Archive instead"), ("delete", "y", "Delete for good")]
        self.app.push_screen(ChoiceDialog("Delete this application?", body, choices),
                             partial(self._delete, row))

    def _delete(self, row: AppRow, answer: str | None) -> None:
        if answer == "archive":
            self.action_archive()
        elif answer == "delete":
            store = self.services.store

            def delete() -> str:
                store.delete(row.id)
                return f"{row.company} — {row.position} deleted."

            self.tasks.submit(delete, self._done, failed="Not deleted")

    def action_toggle_archived(self) -> None:
        """Show or hide archived applications."""
        self.show_archived = not self.show_archived
        self.action_refresh()

    def _done(self, message: str) -> None:
        self.notify(message, title="Done")
        self.action_refresh()
