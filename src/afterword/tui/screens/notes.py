"""The notes editor: fields and rows, problems in plain words beside each field (once it was
touched, or on save), the notes lint as you type, autosaved while typing; for a tracked
application, the sends the store recorded and the next step."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Header, Select, Static, TextArea

from afterword.config import data_dir
from afterword.errors import AfterwordError
from afterword.models import Issue, Notes
from afterword.tui.messages import NotesValidated
from afterword.tui.notes_form import (
    BLANK,
    FIELDS,
    SCHEMA,
    SECTIONS,
    FormValues,
    Rows,
    blank_row,
    move_row,
    notes_to_values,
    people_options,
    place_for,
    remove_row,
    suggestion,
    validate_values,
    values_to_notes,
)
from afterword.tui.safe import app_line, error_text, plain
from afterword.tui.screens.notes_files import NotesFiles
from afterword.tui.tasks import tasks_of
from afterword.tui.widgets.cycle import CycleField
from afterword.tui.widgets.footer import FitFooter
from afterword.tui.widgets.form import FormSection, widget_id
from afterword.tui.widgets.notices import NoticeArea
from afterword.tui.widgets.rows import RowList, slug

if TYPE_CHECKING:
    from afterword.tui.services import Services

VALIDATE_DELAY = 0.3
AUTOSAVE_DELAY = 1.0
SCRATCH = "notes-autosave.json"
"""Where a new application's notes are autosaved until they are tracked."""

NotesResult = tuple[str | None, Notes] | None
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def editable_notes(services: Services, app_id: str | None, notes: Notes | None) -> dict[str, Any]:
    """(worker) The notes to edit: as last typed for a tracked application, else these."""
    if app_id is not None:
        try:
            app = services.store.get_application(app_id)
            return app.saved_notes or app.notes.model_dump(mode="json", exclude_none=True)
        except AfterwordError:
            pass
    return notes.model_dump(mode="json", exclude_none=True) if notes is not None else dict(BLANK)


def problem_text(issue: Issue, where: str = "") -> Text:
    """One problem in plain words (after `where` it is, when said away from its field), then the
    rewrite it suggests."""
    text = plain(f"{where}{issue.message}", SEVERITY_STYLE.get(issue.severity, ""))
    rewrite = suggestion(issue)
    if rewrite:
        text.append_text(plain(f"\n  → {rewrite}", "dim"))
    return text


def _panel(warning: str, issues: list[Issue]) -> Text:
    """The slot at the top: instruction-like text (which fields), then problems of no field on
    show, each naming its field."""
    text = plain(warning, "red") if warning else Text()
    for issue in issues:
        text.append("\n" if text else "")
        text.append_text(problem_text(issue, f"{issue.field}: " if issue.field else ""))
    return text


class NotesScreen(NotesFiles, Screen[NotesResult]):
    """Edit notes; ctrl+g continues to drafting with them (tracked in the store)."""

    AUTO_FOCUS = "#" + widget_id(FIELDS[0].key)
    """Typing goes to the first field at once (set as the screen is built, not a moment later:
    a deferred focus would pull the cursor back after a quick Tab)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "continue", "Draft with these", id="notes_continue", priority=True,
                tooltip="Check the notes, track the application and go to drafting"),
        Binding("escape", "back", "Back", id="notes_back", tooltip="Go back (edits are autosaved)"),
        Binding("f5", "explain", "Why?", id="notes_explain",
                tooltip="The rule behind the problem shown at the focused field"),
        Binding("ctrl+s", "save_json", "Save JSON", id="notes_save",
                tooltip="Save the notes as a JSON file"),
        Binding("ctrl+o", "load_json", "Load JSON", id="notes_load",
                tooltip="Load notes from a JSON file"),
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
        self.issues: list[Issue] = []
        self.warning = ""
        """Instruction-like text in the notes: which fields (shown at the top)."""
        self.touched: set[str] = set()
        self.show_all = False
        self._at: str | None = None
        """The form key of the field with focus (leaving it marks it touched)."""
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

    # layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static("", id="progress", classes="hidden")
            yield Static("", id="notes-lint", classes="hidden")
            for n, section in enumerate(SECTIONS):
                yield FormSection(section, self.values, self._options, self._role(self.values), now=n < 2)
        yield NoticeArea()
        yield FitFooter()

    @staticmethod
    def _role(values: FormValues) -> str:
        return str(values.get("sender_role") or "candidate")

    def _options(self, spec: Rows) -> dict[str, tuple[tuple[str, str], ...]]:
        return {"with": people_options(self.values)} if spec.key == "topics" else {}

    def on_mount(self) -> None:
        self.sub_title = "Notes" + (f" — {self.path}" if self.path else "")
        self.call_after_refresh(self.run_worker, self._build_rest, group="build", exit_on_error=False)
        if self.app_id is not None:
            self.load_progress()

    async def _build_rest(self) -> None:
        """The sections below the first two, once the form is on screen (typing goes on meanwhile)."""
        given = self.values
        for section in self.query(FormSection):
            await section.build()
        self.values = self.read()
        # the first check reads the notes as given: control characters show as symbols in the
        # fields, so only the given text can tell they are there (unless an edit came first)
        self.validate(given if self.revision == 0 else None)

    # reading the form -------------------------------------------------------------------------

    def read(self) -> FormValues:
        """The values as typed (a section not built keeps the values it had)."""
        values = dict(self.values)
        for section in self.query(FormSection):
            values.update(section.read())
        return values

    async def fill(self, data: dict[str, Any]) -> None:
        """Put a notes dict into the form."""
        self.values = notes_to_values(data)
        role = self._role(self.values)
        for section in self.query(FormSection):
            section.active = section.section.role in (None, role)
            section.built = section.active
            section.set_class(not section.active, "hidden")
            await section.fill(self.values)
        self.validate()

    def _key_of(self, widget: Widget | None) -> str | None:
        for node in widget.ancestors_with_self if widget is not None else ():
            if isinstance(node, RowList):
                return node.spec.key
            if node.id and node.id.startswith("f-"):
                return next((f.key for f in FIELDS if widget_id(f.key) == node.id), None)
        return None

    async def on_text_area_changed(self, event: TextArea.Changed) -> None:
        await self._changed(event.text_area)

    async def on_select_changed(self, event: Select.Changed) -> None:
        await self._changed(event.select)

    async def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        await self._changed(event.checkbox)

    async def on_cycle_field_changed(self, event: CycleField.Changed) -> None:
        await self._changed(event.cycle)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Moving on from a field counts as having been there (its problems may show now)."""
        key = self._key_of(event.widget)
        left, self._at = self._at, key
        if left is not None and left != key and left not in self.touched:
            self.touched.add(left)
            self.show_problems()

    async def _changed(self, widget: Widget) -> None:
        """One field (or one row list) changed: take its value, then validate and autosave soon."""
        values = dict(self.values)
        for node in widget.ancestors_with_self:
            if isinstance(node, RowList):
                values[node.spec.key] = node.read()
                break
            if isinstance(node, FormSection):
                values.update(node.read())
                break
        if values == self.values:
            return
        key = self._key_of(widget) if widget.has_focus else None
        if key is not None:  # the person typed here (a filled-in form changes fields too)
            self.touched.add(key)
        names = people_options(values) != people_options(self.values)
        role = self._role(values) != self._role(self.values)
        self.values = values
        if names:
            for topics in self.query("#rows-topics").results(RowList):
                topics.set_choices("with", people_options(values))
        if role:
            for section in self.query(FormSection):
                await section.set_role(self._role(values), values)
        for timer in (self._validate_timer, self._save_timer):
            if timer is not None:
                timer.stop()
        self.revision += 1  # a check still running judges older values: its answer is dropped
        self._validate_timer = self.set_timer(VALIDATE_DELAY, self.validate)
        self._save_timer = self.set_timer(AUTOSAVE_DELAY, self.autosave)

    async def on_row_list_edit(self, event: RowList.Edit) -> None:
        key = event.rows.spec.key
        values = self.read()
        focus_row = event.index
        if event.op == "add":
            values[key].append(blank_row(key))
            focus_row = len(values[key]) - 1
        elif event.op == "remove" and event.index is not None:
            remove_row(values, key, event.index)
            focus_row = min(event.index, len(values[key]) - 1)
        elif event.op == "move" and event.index is not None and event.to is not None:
            move_row(values, key, event.index, event.to)
            focus_row = event.to if 0 <= event.to < len(values[key]) else event.index
        self.values = values
        self.touched.add(key)
        await event.rows.show(values[key], self._options(event.rows.spec))
        if key == "interviewers":
            for topics in self.query("#rows-topics").results(RowList):
                await topics.show(values["topics"], {"with": people_options(values)})
        if focus_row is not None and 0 <= focus_row < len(values[key]):
            first = event.rows.spec.parts[0].name
            self.query_one(f"#{event.rows.wid(focus_row, first)}").focus()
        else:
            self.query_one(f"#add-{slug(key)}").focus()
        self.validate()
        self.autosave()

    # validation and autosave (workers) --------------------------------------------------------

    def validate(self, values: FormValues | None = None) -> None:
        """Check the form's values (or `values`) in a worker; the newest check wins."""
        self.revision += 1
        data = values_to_notes(self.values if values is None else values)
        self.run_worker(partial(self._validate, self.revision, data), thread=True,
                        group="validate", exclusive=True, exit_on_error=False)

    def _validate(self, revision: int, data: dict[str, Any]) -> None:
        """(worker: the first check may load the spelling and Japanese analysers) The notes'
        problems as typed."""
        from afterword.checks.injection import instruction_warning

        notes, issues = validate_values(notes_to_values(data))
        warning = instruction_warning(notes) if notes is not None else None
        said = app_line(warning) if warning else ""
        self.post_message(NotesValidated(revision, notes is not None, issues, said))
        if notes is not None:
            self.app.call_from_thread(setattr, self, "notes", notes)

    def on_notes_validated(self, event: NotesValidated) -> None:
        if event.revision != self.revision:
            return
        if not event.valid:
            self.notes = None
        self.issues = event.issues
        if event.valid:
            self.warning = event.warning
        self.show_problems()

    def show_problems(self) -> None:
        """Each problem beside its field, a row's in that row (a news item's beside its “Use
        anyway” toggle), with the rewrite it suggests. A missing or malformed value shows once
        the field was left, or everywhere after a try to go on; the notes lint as typed. At the
        top: instruction-like text, and problems of no field on show, naming their field."""
        shown: dict[str, dict[int | None, Text]] = {}
        loose: list[Issue] = []
        for issue in self.issues:
            place = place_for(issue.field, self.values)
            if issue.rule == SCHEMA and not (self.show_all or place.key in self.touched):
                continue
            if place.key is None:
                loose.append(issue)
                continue
            text = shown.setdefault(place.key, {}).setdefault(place.row, Text())
            text.append("\n" if text else "")
            text.append_text(problem_text(issue))
        for section in self.query(FormSection):
            section.show_problems(shown)
        lint = self.query_one("#notes-lint", Static)
        lint.update(_panel(self.warning, loose))
        lint.set_class(not (loose or self.warning), "hidden")

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
        except Exception as exc:  # shown, never swallowed
            self.notify(error_text(exc), title="Autosave failed", severity="error")

    # what the store recorded ------------------------------------------------------------------

    def load_progress(self) -> None:
        """Show the sends the store recorded and the next step (the dashboard's, exactly)."""
        from afterword.tui.progress import progress_lines

        app_id = self.app_id
        assert app_id is not None
        services = self.services
        tasks_of(self.app).submit(lambda: progress_lines(services, app_id), self._show_progress,
                                    failed="Store not read")

    def _show_progress(self, lines: list[str]) -> None:
        box = self.query_one("#progress", Static)
        box.update(plain("\n".join(lines)))
        box.set_class(not lines, "hidden")

    # actions ----------------------------------------------------------------------------------

    def action_continue(self) -> None:
        """Track the application with these notes and go on to drafting (checked in a worker)."""
        self.values = self.read()
        self.revision += 1  # any check in flight is older than this one
        self.run_worker(partial(self._continue, values_to_notes(self.values)), thread=True, group="track",
                        exclusive=True, exit_on_error=False)

    def _continue(self, data: dict[str, Any]) -> None:
        notes, issues = validate_values(notes_to_values(data))
        if notes is not None:
            self._track(notes)
        else:
            self.app.call_from_thread(self._incomplete, issues)

    def _incomplete(self, issues: list[Issue]) -> None:
        """Show every problem beside its field and say so."""
        self.issues, self.show_all = issues, True
        self.show_problems()
        first = issues[0] if issues else None
        self.notify(f"{first.message if first else 'Some fields need a look.'} Problems are shown "
                    "beside their fields.", title="Notes incomplete", severity="warning")
        self._focus_problem()

    def _focus_problem(self) -> None:
        boxes = [b for b in self.query(".has-problem")]
        if boxes:
            self.query_one("#form", VerticalScroll).scroll_to_widget(boxes[0])

    def _track(self, notes: Notes) -> None:
        try:
            app_id = self.services.store.upsert_application(notes)
        except Exception as exc:  # shown, never swallowed
            self.notify(error_text(exc), title="Not tracked", severity="error")
            return
        if self.app_id is None:
            (data_dir() / SCRATCH).unlink(missing_ok=True)
        self.app.call_from_thread(self.dismiss, (app_id, notes))

    def action_back(self) -> None:
        """Back without continuing (edits are autosaved)."""
        if self.query_one(NoticeArea).dismiss_errors():
            return
        self.values = self.read()
        self.autosave()
        self.dismiss((self.app_id, self.notes) if self.notes is not None and self.app_id else None)

    def action_explain(self) -> None:
        """The rule behind the first problem at the focused field."""
        from afterword.tui.screens.rule import RuleScreen

        key = self._key_of(self.focused)
        issue = next((i for i in self.issues if place_for(i.field, self.values).key == key), None)
        if issue is None:
            self.notify("No problem at this field.", severity="warning")
            return
        self.app.push_screen(RuleScreen(issue))
