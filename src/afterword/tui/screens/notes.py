"""The notes editor: every field, problems shown inline as you type, autosaved while typing."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Header, Input, Label, Select, Static, TextArea

from afterword.config import data_dir
from afterword.errors import AfterwordError
from afterword.models import Issue, Notes
from afterword.tui.messages import NotesValidated
from afterword.tui.notes_form import (
    BLANK,
    FIELDS,
    FormValues,
    field_for,
    notes_to_values,
    validate_values,
    values_to_notes,
)

if TYPE_CHECKING:
    from afterword.tui.services import Services

VALIDATE_DELAY = 0.3
AUTOSAVE_DELAY = 1.0
SCRATCH = "notes-autosave.json"
"""Where a new application's notes are autosaved until they are valid enough to track."""

NotesResult = tuple[str | None, Notes] | None


def widget_id(key: str) -> str:
    return "f-" + key.replace(".", "-")


class NotesScreen(Screen[NotesResult]):
    """Edit notes; ctrl+g continues to drafting with them (tracked in the store)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "continue", "Draft with these", id="notes_continue", priority=True,
                tooltip="Check the notes, track the application and go to drafting"),
        Binding("ctrl+s", "save_json", "Save JSON", id="notes_save",
                tooltip="Save the notes as a JSON file"),
        Binding("ctrl+o", "load_json", "Load JSON", id="notes_load",
                tooltip="Load notes from a JSON file"),
        Binding("escape", "back", "Back", id="notes_back", tooltip="Go back (edits are autosaved)"),
    ]

    def __init__(self, services: Services, *, app_id: str | None = None,
                 data: dict[str, Any] | None = None, path: str | None = None) -> None:
        super().__init__()
        self.services = services
        self.app_id = app_id
        self.path = path
        self.values = notes_to_values(data or self._scratch() or BLANK)
        self.revision = 0
        self.notes: Notes | None = None
        self._validate_timer: Timer | None = None
        self._save_timer: Timer | None = None

    @staticmethod
    def _scratch() -> dict[str, Any] | None:
        import json

        try:
            data = json.loads((data_dir() / SCRATCH).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static("", id="form-errors")
            for f in FIELDS:
                if f.section:
                    yield Static(f.section, classes="section")
                value = self.values.get(f.key, "")
                wid = widget_id(f.key)
                if f.kind == "check":
                    yield Checkbox(f.label, bool(value), id=wid, compact=True)
                else:
                    yield Label(f"{f.label}" + (f"  [dim]{f.hint}[/]" if f.hint else ""))
                if f.kind == "input":
                    yield Input(str(value), placeholder=f.hint, id=wid, compact=True)
                elif f.kind == "area":
                    yield TextArea(str(value), id=wid, soft_wrap=True, tab_behavior="focus",
                                   classes="field-area")
                elif f.kind == "select":
                    blank = f.key in ("outcome.result", "candidate_stance")
                    current = str(value) if value in f.options else (Select.NULL if blank else f.options[0])
                    yield Select([(o, o) for o in f.options], value=current, allow_blank=blank,
                                 id=wid, compact=True)
                yield Static("", id=f"e-{wid}", classes="field-problem")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Notes" + (f" — {self.path}" if self.path else "")
        self.validate()

    # reading the form -------------------------------------------------------------------------

    def read(self) -> FormValues:
        values: FormValues = {}
        for f in FIELDS:
            widget = self.query_one(f"#{widget_id(f.key)}")
            if isinstance(widget, Checkbox):
                values[f.key] = widget.value
            elif isinstance(widget, TextArea):
                values[f.key] = widget.text
            elif isinstance(widget, Select):
                values[f.key] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                values[f.key] = widget.value
        return values

    def fill(self, data: dict[str, Any]) -> None:
        """Put a notes dict into the form."""
        for f in FIELDS:
            widget: Widget = self.query_one(f"#{widget_id(f.key)}")
            value = notes_to_values(data).get(f.key, "")
            if isinstance(widget, Checkbox):
                widget.value = bool(value)
            elif isinstance(widget, TextArea):
                widget.text = str(value)
            elif isinstance(widget, Select):
                widget.value = str(value) if value in f.options else (
                    Select.NULL if widget._allow_blank else f.options[0])
            elif isinstance(widget, Input):
                widget.value = str(value)

    def on_input_changed(self) -> None:
        self._changed()

    def on_text_area_changed(self) -> None:
        self._changed()

    def on_select_changed(self) -> None:
        self._changed()

    def on_checkbox_changed(self) -> None:
        self._changed()

    def _changed(self) -> None:
        values = self.read()
        if values == self.values:
            return
        self.values = values
        for timer in (self._validate_timer, self._save_timer):
            if timer is not None:
                timer.stop()
        self._validate_timer = self.set_timer(VALIDATE_DELAY, self.validate)
        self._save_timer = self.set_timer(AUTOSAVE_DELAY, self.autosave)

    # validation and autosave (workers) --------------------------------------------------------

    def validate(self) -> None:
        self.revision += 1
        self.run_worker(partial(self._validate, self.revision, dict(self.values)), thread=True,
                        group="validate", exclusive=True, exit_on_error=False)

    def _validate(self, revision: int, values: FormValues) -> None:
        notes, issues = validate_values(values)
        self.post_message(NotesValidated(revision, notes is not None, issues))
        if notes is not None:
            self.app.call_from_thread(setattr, self, "notes", notes)

    def on_notes_validated(self, event: NotesValidated) -> None:
        if event.revision != self.revision:
            return
        if not event.valid:
            self.notes = None
        by_field: dict[str | None, list[Issue]] = {}
        for issue in event.issues:
            by_field.setdefault(field_for(issue.field), []).append(issue)
        for f in FIELDS:
            box = self.query_one(f"#e-{widget_id(f.key)}", Static)
            problems = by_field.get(f.key, [])
            box.update("\n".join(f"[{_colour(i)}]{i.severity}: {_escape(i.message)}[/]" for i in problems))
            box.set_class(bool(problems), "has-problem")
        top = by_field.get(None, [])
        self.query_one("#form-errors", Static).update(
            "\n".join(f"[{_colour(i)}]{_escape(i.message)}[/]" for i in top))

    def autosave(self) -> None:
        self.run_worker(partial(self._autosave, self.app_id, values_to_notes(self.values)),
                        thread=True, group="autosave", exclusive=True, exit_on_error=False)

    def _autosave(self, app_id: str | None, data: dict[str, Any]) -> None:
        from afterword.export import write_notes_json

        try:
            if app_id is not None:
                self.services.store.save_notes(app_id, data)
            else:
                write_notes_json(data, data_dir() / SCRATCH)
        except AfterwordError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Autosave failed", severity="error")

    # actions ----------------------------------------------------------------------------------

    def action_continue(self) -> None:
        """Track the application with these notes and go on to drafting."""
        notes, issues = validate_values(self.read())
        if notes is None:
            first = issues[0] if issues else None
            where = f" ({first.field})" if first and first.field else ""
            self.notify(f"Fix the notes first{where}: {first.message if first else ''}",
                        title="Notes incomplete", severity="error")
            return
        self.run_worker(partial(self._track, notes), thread=True, group="track", exit_on_error=False)

    def _track(self, notes: Notes) -> None:
        try:
            app_id = self.services.store.upsert_application(notes)
        except AfterwordError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Not tracked", severity="error")
            return
        if self.app_id is None:
            (data_dir() / SCRATCH).unlink(missing_ok=True)
        self.app.call_from_thread(self.dismiss, (app_id, notes))

    def action_back(self) -> None:
        """Back without continuing (edits are autosaved)."""
        self.autosave()
        self.dismiss((self.app_id, self.notes) if self.notes is not None and self.app_id else None)

    def action_save_json(self) -> None:
        """Save the notes as JSON."""
        from afterword.tui.screens.dialogs import PathDialog

        self.app.push_screen(PathDialog("Save notes as JSON", self.path or "notes.json"), self._save)

    def _save(self, path: str | None) -> None:
        from afterword.export import write_notes_json

        if not path:
            return
        try:
            written = write_notes_json(values_to_notes(self.read()), path)
        except AfterwordError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return
        self.path = str(written)
        self.notify(f"Saved {written}", title="Saved")

    def action_load_json(self) -> None:
        """Load notes from a JSON file."""
        from afterword.tui.screens.dialogs import PathDialog

        self.app.push_screen(PathDialog("Load notes from JSON", self.path or ""), self._load)

    def _load(self, path: str | None) -> None:
        from afterword.models import load_notes

        if not path:
            return
        try:
            notes = load_notes(path)
        except AfterwordError as exc:
            self.notify(str(exc), title="Not loaded", severity="error", timeout=10)
            return
        self.path = path
        self.fill(notes.model_dump(mode="json", exclude_none=True))
        self.notify(f"Loaded {path}", title="Loaded")


def _colour(issue: Issue) -> str:
    return {"error": "$error", "warning": "$warning"}.get(issue.severity, "$accent")


def _escape(text: str) -> str:
    from textual.markup import escape

    return escape(text)
