"""The start screen: every tracked application with its stage, last contact and next follow-up."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from afterword.errors import AfterwordError
from afterword.models import Notes
from afterword.tui.messages import ApplicationOpened, ApplicationsLoaded

if TYPE_CHECKING:
    from afterword.store import Application
    from afterword.tui.services import Services

COLUMNS = ("Company", "Position", "Next action", "Due", "Stage", "Last contact")
DUE = COLUMNS.index("Due")


def describe(app: Application, today: dt.date, grace_days: int) -> dict[str, str | bool]:
    """One dashboard row (plain values; the screen styles them)."""
    from afterword.planner import next_action

    item = next_action(app, today, grace_days)
    sent = [e for e in app.events if e.kind == "sent"]
    last = max((e.date for e in app.events), default=app.interview_date)
    stage = app.notes.interview.stage or ""
    status: str = app.status if app.status != "active" else ""
    if sent:
        latest = max(sent, key=lambda e: e.date)
        status = status or f"{latest.scenario} sent"
    return {
        "id": app.id,
        "Company": app.company,
        "Position": app.position,
        "Stage": " · ".join(s for s in (stage, status) if s) or "—",
        "Last contact": last.isoformat() if last else "—",
        "Next action": item.action if item else "done",
        "Due": item.due.isoformat() if item else "—",
        "overdue": bool(item and item.overdue),
        "reason": item.reason if item else "",
    }


class DashboardScreen(Screen[None]):
    """Applications, soonest follow-up first; open one, start one, or open a notes file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="open", tooltip="Draft the next follow-up for this one"),
        Binding("n", "new", "New", id="new", tooltip="Start a new application from blank notes"),
        Binding("o", "open_file", "Open notes file", id="open_file",
                tooltip="Load a notes JSON file and track it"),
        Binding("e", "edit", "Edit notes", id="edit", tooltip="Edit the selected application's notes"),
        Binding("r", "refresh", "Refresh", id="refresh", show=False, tooltip="Reload the list"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.rows: list[dict[str, str | bool]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading applications…", id="dash-summary")
        yield DataTable(id="apps", cursor_type="row", zebra_stripes=True)
        yield Static("", id="dash-reason")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "afterword"
        self.sub_title = "Follow-ups"
        self.query_one(DataTable).add_columns(*COLUMNS)

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        """Reload the applications (in a worker)."""
        self.run_worker(self._load, thread=True, group="dashboard", exclusive=True,
                        exit_on_error=False)

    def _load(self) -> None:
        try:
            store = self.services.store
            today = self.services.today()
            grace = self.services.settings.planner.grace_days
            rows = [describe(app, today, grace) for app in store.applications()]
        except AfterwordError as exc:
            self.post_message(ApplicationsLoaded([], str(exc)))
            return
        rows.sort(key=lambda r: (r["Due"] == "—", str(r["Due"])))
        self.post_message(ApplicationsLoaded(rows))

    def on_applications_loaded(self, event: ApplicationsLoaded) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.rows = event.rows
        summary = self.query_one("#dash-summary", Static)
        if event.error:
            summary.update(f"[$error]{event.error}[/]")
            return
        overdue = sum(bool(r["overdue"]) for r in self.rows)
        summary.update(
            f"{len(self.rows)} application{'s' * (len(self.rows) != 1)}"
            + (f" · [$error]{overdue} overdue[/]" if overdue else "")
            if self.rows else "No applications yet — n starts one, o opens a notes file."
        )
        for row in self.rows:
            style = "bold red" if row["overdue"] else ""
            cells = [Text(str(row[c]), style=style) for c in COLUMNS]
            if row["overdue"]:
                cells[DUE].append(" overdue", style="reverse red")
            table.add_row(*cells, key=str(row["id"]))
        self._reason()

    def on_data_table_row_highlighted(self) -> None:
        self._reason()

    def _reason(self) -> None:
        row = self._selected()
        self.query_one("#dash-reason", Static).update(str(row["reason"]) if row else "")

    def _selected(self) -> dict[str, Any] | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    # actions ----------------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the selected application on the draft screen."""
        row = self._selected()
        if row is None:
            self.notify("No application selected — n starts one.", severity="warning")
            return
        self.run_worker(partial(self._fetch, str(row["id"]), False), thread=True,
                        group="open", exit_on_error=False)

    def on_data_table_row_selected(self) -> None:
        self.action_open()

    def action_edit(self) -> None:
        """Edit the selected application's notes."""
        row = self._selected()
        if row is not None:
            self.run_worker(partial(self._fetch, str(row["id"]), True), thread=True,
                            group="open", exit_on_error=False)

    def _fetch(self, app_id: str, edit: bool) -> None:
        try:
            store = self.services.store
            if edit:
                app = store.get_application(app_id)
                data = app.saved_notes or app.notes.model_dump(mode="json", exclude_none=True)
                self.post_message(ApplicationOpened(app_id, data, edit=True))
            else:
                self.post_message(ApplicationOpened(app_id, store.notes_with_history(app_id)))
        except AfterwordError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Cannot open", severity="error")

    def on_application_opened(self, event: ApplicationOpened) -> None:
        from afterword.tui.screens.draft import DraftScreen
        from afterword.tui.screens.notes import NotesScreen

        if event.edit:
            screen = NotesScreen(self.services, app_id=event.app_id, data=event.notes)  # type: ignore[arg-type]
            self.app.push_screen(screen, self._edited)
        else:
            assert isinstance(event.notes, Notes)
            self.app.push_screen(DraftScreen(self.services, event.notes, event.app_id))

    def _edited(self, result: tuple[str | None, Notes] | None) -> None:
        if result is not None:
            self.post_message(ApplicationOpened(result[0], result[1]))

    def action_new(self) -> None:
        """Start a new application from blank notes (restores unsaved ones)."""
        from afterword.tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.services), self._edited)

    def action_open_file(self) -> None:
        """Load a notes file, track it and open it."""
        from afterword.tui.screens.dialogs import PathDialog

        self.app.push_screen(PathDialog("Open a notes JSON file", ""), self._open_path)

    def _open_path(self, path: str | None) -> None:
        if path:
            self.run_worker(partial(self._track_file, path), thread=True, group="open",
                            exit_on_error=False)

    def _track_file(self, path: str) -> None:
        from afterword.models import load_notes

        try:
            notes = load_notes(path)
            app_id = self.services.store.upsert_application(notes)
            self.post_message(ApplicationOpened(app_id, self.services.store.notes_with_history(app_id)))
        except AfterwordError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Cannot open", severity="error",
                                      timeout=10)
