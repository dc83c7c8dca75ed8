"""Draft and review: pick scenario/tone/channel/recipient/backend/model, stream drafts, review them.

The desk (`tui/desk.py`) holds one slot per draft on show; every generation message carries its
request and job, so nothing here rebuilds a request from the pickers after the fact."""

from __future__ import annotations

import threading
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Button, Header, Select, Static, Tabs

from afterword.errors import AfterwordError, InputError
from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, TONES, Notes
from afterword.tui.desk import EVERYONE, SCENARIO_LABELS, Choice, Desk, Plan
from afterword.tui.generation import backend_notice, generate, partial_draft
from afterword.tui.messages import (
    BackendNoticed,
    DraftChunkReceived,
    DraftCompleted,
    DraftFailed,
    DraftStarted,
    GenerationFinished,
    GenerationRequest,
    ModelsListed,
)
from afterword.tui.safe import app_line, plain, safe
from afterword.tui.screens.draft_export import ExportActions
from afterword.tui.screens.draft_review import ReviewActions
from afterword.tui.screens.draft_tabs import DeskTabs
from afterword.tui.streaming import StreamBuffer
from afterword.tui.widgets.editor import DraftEditor
from afterword.tui.widgets.footer import FitFooter
from afterword.tui.widgets.issues import IssuePanel
from afterword.tui.widgets.notices import NoticeArea
from afterword.tui.widgets.status import StatusLine
from afterword.tui.widgets.wrapline import WrapLine

if TYPE_CHECKING:
    from rich.console import RenderableType

    from afterword.tui.services import Services

NARROW = 110
"""Below this many columns the pickers take two rows."""


class DraftScreen(DeskTabs, ReviewActions, ExportActions, Screen[None]):
    """One application's drafting desk: generate, review, compare tones, approve."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "generate", "Generate", id="generate", priority=True,
                tooltip="Draft with the chosen scenario, tone, channel, recipient and backend"),
        Binding("ctrl+y", "approve", "Approve", id="approve", priority=True,
                tooltip="See the final text, then copy it and record it as sent to this person"),
        Binding("f2", "next_issue", "Issue", id="next_issue",
                tooltip="Select the next issue and jump to it in the draft"),
        Binding("f3", "apply_fix", "Fix", id="apply_fix",
                tooltip="Apply the first suggestion of the selected issue"),
        Binding("f8", "add_word", "Add word", id="add_word",
                tooltip="Add the word of the selected spelling issue to your dictionary, then check again"),
        Binding("f6", "next_person", "Person", id="next_person", priority=True,
                tooltip="Show the next person's draft (shift+f6: the previous one)"),
        Binding("escape", "cancel", "Back", id="cancel",
                tooltip="Stop generating (keeps the text so far); dismiss errors; otherwise go back"),
        Binding("f5", "explain", "Why?", id="explain",
                tooltip="The selected issue's rule in plain words: what, why, and its source"),
        Binding("ctrl+r", "variants", "Tones", id="variants", priority=True,
                tooltip="Draft the same note in several tones and compare them side by side"),
        Binding("f7", "versions", "Versions", id="versions", priority=True,
                tooltip="Every kept version of this person's draft; restore one"),
        Binding("f4", "apply_all", "Fix all", id="apply_all",
                tooltip="Apply the first suggestion of every fixable issue"),
        Binding("ctrl+n", "edit_notes", "Notes", id="edit_notes",
                tooltip="Open these notes in the notes editor"),
        Binding("shift+f6", "previous_person", "Previous person", id="previous_person", show=False,
                priority=True,
                tooltip="Show the previous person's draft"),
        Binding("ctrl+s", "save_eml", "Save .eml", id="save_eml", show=False,
                tooltip="Save the draft as an .eml file a mail client opens"),
        Binding("ctrl+t", "save_txt", "Save .txt", id="save_txt", show=False,
                tooltip="Save the draft as a plain text file"),
        Binding("ctrl+l", "mailto", "Open mailto:", id="mailto", show=False,
                tooltip="Open the draft in your mail program through a mailto: link"),
    ]

    def __init__(self, services: Services, notes: Notes, app_id: str | None) -> None:
        super().__init__()
        self.services = services
        self.notes = notes
        self.app_id = app_id
        self.desk = Desk()
        self.request: GenerationRequest | None = None
        self._stop = threading.Event()
        self._tabs_made = 0
        self.stream = StreamBuffer(self, self._paint)
        self.init_review()
        self.init_export()

    # layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        from afterword.pipeline import default_channel
        from afterword.scenarios import infer_scenario

        settings = self.services.settings
        scenarios = RECRUITER_SCENARIOS if self.notes.sender_role == "recruiter" else CANDIDATE_SCENARIOS
        scenario = infer_scenario(self.notes)
        yield Header()
        with Horizontal(id="pickers"):
            yield Select([(SCENARIO_LABELS[s], s) for s in scenarios], value=scenario,
                         allow_blank=False, compact=True, id="scenario", tooltip="Scenario")
            yield Select([(t, t) for t in TONES], value=settings.tone, allow_blank=False,
                         compact=True, id="tone", tooltip="Tone")
            yield Select([("email", "email"), ("phone script", "phone")],
                         value=default_channel(self.notes), allow_blank=False, compact=True,
                         id="channel", tooltip="Channel (C9)")
            yield Select(self._recipient_options(), value=self._default_recipient(scenario),
                         allow_blank=False, compact=True, id="recipient", tooltip="Recipient")
            yield Select([(b, b) for b in ("auto", *self.services.backend_names)],
                         value=settings.backend, allow_blank=False, compact=True, id="backend",
                         tooltip="Backend")
            yield Select([], prompt="model", compact=True, id="model",
                         tooltip="Installed Ollama models")
        with Horizontal(id="banner", classes="hidden"):
            yield Static("", id="banner-text")
            yield Button("Draft offline", id="use-offline", variant="warning", compact=True)
        yield Tabs(id="draft-tabs")
        with Horizontal(id="work"):
            with Vertical(id="draft-pane"):
                with Horizontal(id="subject-row"):
                    yield Static("Subject", id="subject-label")
                    yield WrapLine(placeholder="Subject", id="subject")
                yield DraftEditor(id="body")
            yield IssuePanel(id="issues")
        yield NoticeArea()
        yield StatusLine(clock=self.services.clock, id="status")
        yield FitFooter()

    def on_mount(self) -> None:
        self.title = "afterword"
        self.sub_title = safe(f"{self.notes.company.name} · {self.notes.position}")
        editor = self.query_one(DraftEditor)
        editor.read_only = True
        editor.text = "Press ctrl+g to draft, ctrl+r for tone variants, F1 for help."
        self.query_one(StatusLine).backend = self.pick("backend")
        self.query_one("#pickers").set_class(self.app.size.width < NARROW, "-narrow")
        self.call_after_refresh(self.run_worker, partial(self._list_models, self.pick("backend")),
                                thread=True, group="models", exit_on_error=False)
        self.run_worker(self._check_notes, thread=True, group="notes-lint", exit_on_error=False)
        self.load_progress()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """"Add word" only while a spelling issue is selected."""
        if action == "add_word":
            return self.is_mounted and self.spelling_issue() is not None
        return True

    def on_resize(self, event: Resize) -> None:
        self.query_one("#pickers").set_class(event.size.width < NARROW, "-narrow")

    def _recipient_options(self) -> list[tuple[RenderableType, str]]:
        people: list[tuple[RenderableType, str]] = [(plain(p.name), p.name) for p in self.notes.recipients()]
        return ([("everyone", EVERYONE)] if len(people) > 1 else []) + people

    def _default_recipient(self, scenario: str) -> str:
        people = self.notes.recipients()
        return EVERYONE if len(people) > 1 and scenario == "thank-you" else people[0].name

    def pick(self, name: str) -> str:
        """A picker's value (read only to build a new request)."""
        value = self.query_one(f"#{name}", Select).value
        return "" if value is Select.NULL else str(value)

    def refresh_notes(self, notes: Notes) -> None:
        """New notes from the editor: keep the pickers in step."""
        self.notes = notes
        self.sub_title = safe(f"{notes.company.name} · {notes.position}")
        recipient = self.query_one("#recipient", Select)
        recipient.set_options(self._recipient_options())
        recipient.value = self._default_recipient(self.pick("scenario"))
        self.load_progress()
        self.run_worker(self._check_notes, thread=True, group="notes-lint", exit_on_error=False)

    # models and backend state -------------------------------------------------------------------

    def _list_models(self, backend: str) -> None:
        """(worker) Installed models; for Ollama, what its host means for the notes (another
        machine, an empty OLLAMA_HOST) before anything is sent, or that afterword may not use it."""
        if backend in ("auto", "ollama"):
            try:  # builds the backend only: nothing is sent
                self.services.make_backend("ollama", None, backend_notice(self))
            except InputError as exc:
                self.post_message(ModelsListed([], exc.message, exc.hint, refused=True))
                return
        try:
            models = self.services.list_models()
        except AfterwordError as exc:
            self.post_message(ModelsListed([], exc.message, exc.hint))
            return
        self.post_message(ModelsListed(models))

    def _check_notes(self) -> None:
        """(worker) Say in the status bar when the notes hold instruction-like text (and where)."""
        from afterword.checks.injection import instruction_warning

        said = instruction_warning(self.notes)
        self.app.call_from_thread(self._warn, app_line(said) if said else "")

    def _warn(self, said: str) -> None:
        self.query_one(StatusLine).warning = said

    def on_backend_noticed(self, event: BackendNoticed) -> None:
        self.query_one(StatusLine).say(event.text)

    def on_models_listed(self, event: ModelsListed) -> None:
        select = self.query_one("#model", Select)
        if event.models:
            select.set_options([(plain(m), m) for m in event.models])
            wanted = self.services.settings.ollama.model
            if wanted in event.models:
                select.value = wanted
            return
        select.disabled = True
        status = self.query_one(StatusLine)
        if self.pick("backend") not in ("auto", "ollama"):
            return
        if event.refused:  # said once, quietly, in the status bar; generate says how to allow it
            status.note = f"not used: {event.error}"
        elif not status.notices:
            status.note = "Ollama not running"

    def offer_offline(self, message: str, hint: str) -> None:
        """Say what failed and how to fix it (in the banner, once), and offer the offline composer."""
        from afterword.tui.safe import app_hint

        hint = app_hint(hint)
        self.query_one("#banner-text", Static).update(plain(f"{message} — {hint}" if hint else message))
        self.query_one("#banner").remove_class("hidden")
        self.query_one("#backend", Select).value = "offline"

    @on(Button.Pressed, "#use-offline")
    def _use_offline(self) -> None:
        self.query_one("#backend", Select).value = "offline"
        self.query_one("#banner").add_class("hidden")
        self.action_generate()

    @on(Select.Changed, "#backend")
    def _backend_changed(self, event: Select.Changed) -> None:
        status = self.query_one(StatusLine)
        status.backend = str(event.value)
        if event.value == "offline":
            status.note, status.notices = "", ()
        self.query_one("#model", Select).disabled = event.value not in ("auto", "ollama")

    # generation -------------------------------------------------------------------------------

    @property
    def generating(self) -> bool:
        return self.request is not None

    def action_generate(self) -> None:
        """Draft with the current picks (one draft per interviewer where that applies); asks
        first when that would replace text you edited."""
        from afterword.pipeline import plan_jobs

        if self.generating:
            self.notify("Already generating — Esc cancels.", severity="warning")
            return
        to = self.pick("recipient")
        try:
            jobs = plan_jobs(self.notes, scenario=self.pick("scenario"), tone=self.pick("tone"),
                             channel=self.pick("channel"), to=None if to == EVERYONE else to)
        except AfterwordError as exc:
            self.notify(str(exc), title="Cannot draft", severity="error")
            return
        self.keep_edits()
        plan = self.desk.plan(jobs)
        if not plan.edited:
            self._start(plan, None)
            return
        names = " and ".join(self.desk.slots[n].recipient for n in plan.edited)
        others = [job.recipient.name for job, t in zip(plan.jobs, plan.targets, strict=True)
                  if t not in plan.edited]
        also = (f" The draft for {' and '.join(others)} (not edited) is drafted again whichever you "
                "pick.") if others else ""
        self.ask_keep(f"You edited the draft for {names}.{also}", partial(self._start, plan))

    def _start(self, plan: Plan, choice: Choice | None) -> None:
        if plan.edited and choice is None:
            return  # Esc on the question: nothing changes
        jobs, slots = self.desk.apply(plan, choice)
        if not jobs:
            self.notify("Your edits stay; there was nothing else to draft.", title="Kept yours")
            return
        self.desk.run += 1
        self.request = GenerationRequest(self.desk.run, tuple(jobs), tuple(slots), self.pick("backend"),
                                         self.pick("model") or None)
        self._stop = threading.Event()
        self.query_one("#banner").add_class("hidden")
        mine = choice == "keep-mine" and self.desk.current in plan.edited
        self.rebuild_tabs(self.desk.current if mine else slots[0])  # keep mine: stay on yours
        self.query_one(StatusLine).start(self.request.backend, self.request.model)
        self.run_worker(partial(generate, self, self.services, self.request, self._stop.is_set),
                        thread=True, group="generate", exclusive=True, exit_on_error=False)

    def _live(self, request: GenerationRequest) -> bool:
        return request is self.request

    def on_draft_started(self, event: DraftStarted) -> None:
        if self._live(event.request):
            done = event.request.slots.index(event.index) + 1
            whose = f"{event.job.recipient.name} ({done} of {len(event.request.jobs)})"
            self.query_one(StatusLine).start(event.backend, event.model, whose)

    def on_draft_chunk_received(self, event: DraftChunkReceived) -> None:
        if not self._live(event.request):
            return
        self.desk.slots[event.index].stream += event.chunk
        self.query_one(StatusLine).chunk()
        if event.index == self.desk.current:
            self.stream.add(event.index, event.chunk)

    def _paint(self, pending: dict[int, str]) -> None:
        """Append what streamed since the last frame to the slot on show, while it streams."""
        slot = self.desk.slot
        text = pending.get(self.desk.current)
        if text and slot is not None and slot.draft is None:
            editor = self.query_one(DraftEditor)
            editor.insert(text, editor.document.end)

    def on_draft_completed(self, event: DraftCompleted) -> None:
        if not self._live(event.request):
            return
        slot = self.desk.slots[event.index]
        slot.settle(event.draft)
        self.keep_version(event.index)
        self.label_tabs()
        if event.index == self.desk.current:
            self.load(event.index)
        rate = event.draft.timings.get("tokens_per_s")
        self.query_one(StatusLine).stop("done", float(rate) if rate else None)

    def on_draft_failed(self, event: DraftFailed) -> None:
        if not self._live(event.request):
            return
        if event.lasting:  # the setup is wrong (a refused host): said until dismissed, with the fix
            self.query_one(StatusLine).stop("failed")
            self.notify(f"{event.message} — {event.hint}" if event.hint else event.message,
                        title="Cannot draft", severity="error")
            return
        slot = self.desk.slots[event.index]
        kept = event.partial or slot.stream
        if kept.strip():
            slot.settle(partial_draft(event.job, kept, event.request.backend, event.request.model))
            self.keep_version(event.index)
            if event.index == self.desk.current:
                self.load(event.index)
        note = f" (kept {len(kept)} characters of partial text)" if kept.strip() else ""
        self.query_one(StatusLine).stop(f"failed{note}")
        self.offer_offline(event.message + note, event.hint)

    def on_generation_finished(self, event: GenerationFinished) -> None:
        if not self._live(event.request):
            return
        self.request = None
        for index, issues in event.extra.items():
            draft = self.desk.slots[index].draft
            if draft is not None:
                draft.checks.extend(issues)
                if index == self.desk.current:
                    self.show_checks(draft.checks, draft.checker)
        self.label_tabs()
        if self.desk.slot is not None and self.desk.slot.draft is not None:
            self.query_one(DraftEditor).focus()  # keyboard users land in the text to review

    def action_cancel(self) -> None:
        """Esc: stop generating and keep what arrived (as the job asked for it); else dismiss
        the errors shown; else go back."""
        request = self.request
        if request is not None:
            self._stop.set()
            self.workers.cancel_group(self, "generate")
            self.request = None
            kept = 0
            for index, job in zip(request.slots, request.jobs, strict=True):
                slot = self.desk.slots[index]
                if slot.draft is None and slot.stream.strip():
                    slot.settle(partial_draft(job, slot.stream, request.backend, request.model))
                    self.keep_version(index)
                    kept += len(slot.stream) if index == self.desk.current else 0
            self.label_tabs()
            self.load(self.desk.current)
            self.query_one(StatusLine).stop(f"cancelled — kept {kept} characters")
            return
        if self.query_one(NoticeArea).dismiss_errors():
            return
        self.keep_edits()
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
