"""Draft and review: pick scenario/tone/channel/recipient/backend/model, stream drafts, review them."""

from __future__ import annotations

import threading
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Input, Select, Static, Tab, Tabs

from afterword.errors import AfterwordError
from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, TONES, Draft, Notes
from afterword.tui.generation import generate
from afterword.tui.messages import (
    DraftChunkReceived,
    DraftCompleted,
    DraftFailed,
    DraftRequested,
    DraftStarted,
    GenerationFinished,
    ModelsListed,
)
from afterword.tui.screens.draft_export import ExportActions
from afterword.tui.screens.draft_review import ReviewActions
from afterword.tui.widgets.editor import DraftEditor
from afterword.tui.widgets.issues import IssuePanel
from afterword.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from afterword.tui.services import Services

EVERYONE = "*"
FLUSH_EVERY = 1 / 30
"""Streamed text is painted at most this often (seconds)."""


class DraftScreen(ReviewActions, ExportActions, Screen[None]):
    """One application's drafting desk: generate, review, compare tones, approve."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "generate", "Generate", id="generate", priority=True,
                tooltip="Draft with the chosen scenario, tone, channel, recipient and backend"),
        Binding("ctrl+r", "variants", "Tone variants", id="variants", priority=True,
                tooltip="Draft the same note in several tones and compare them side by side"),
        Binding("ctrl+y", "approve", "Approve & copy", id="approve", priority=True,
                tooltip="Copy the draft (terminal + system clipboard) and record it as sent"),
        Binding("escape", "cancel", "Cancel / back", id="cancel",
                tooltip="Stop generating (keeps the text so far); otherwise go back"),
        Binding("f2", "next_issue", "Next issue", id="next_issue",
                tooltip="Select the next issue and jump to it in the draft"),
        Binding("f3", "apply_fix", "Apply fix", id="apply_fix",
                tooltip="Apply the first suggestion of the selected issue"),
        Binding("f4", "apply_all", "Apply all", id="apply_all",
                tooltip="Apply the first suggestion of every fixable issue"),
        Binding("ctrl+n", "edit_notes", "Edit notes", id="edit_notes",
                tooltip="Open these notes in the notes editor"),
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
        self.drafts: list[Draft | None] = []
        self.streams: list[str] = []
        self.current = 0
        self.run = 0
        self.generating = False
        self._stop = threading.Event()
        self._ignored_run = -1
        self._pending = ""
        self._flush_timer: Timer | None = None
        self._recorded: set[tuple[str, str]] = set()
        self.init_review()

    # layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        from afterword.pipeline import default_channel
        from afterword.scenarios import infer_scenario

        settings = self.services.settings
        scenarios = RECRUITER_SCENARIOS if self.notes.sender_role == "recruiter" else CANDIDATE_SCENARIOS
        scenario = infer_scenario(self.notes)
        yield Header()
        with Horizontal(id="pickers"):
            yield Select([(s, s) for s in scenarios], value=scenario, allow_blank=False,
                         compact=True, id="scenario", tooltip="Scenario")
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
            yield Select([], prompt="default model", compact=True, id="model",
                         tooltip="Installed Ollama models")
        with Horizontal(id="banner", classes="hidden"):
            yield Static("", id="banner-text")
            yield Button("Draft with the offline composer", id="use-offline", variant="warning",
                         compact=True)
        yield Tabs(id="draft-tabs")
        with Horizontal(id="work"):
            with Vertical(id="draft-pane"):
                yield Input(placeholder="Subject", id="subject", compact=True)
                yield DraftEditor(id="body")
            yield IssuePanel(id="issues")
        yield StatusLine(clock=self.services.clock, id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "afterword"
        self.sub_title = f"{self.notes.company.name} · {self.notes.position}"
        editor = self.query_one(DraftEditor)
        editor.read_only = True
        editor.text = "Press ctrl+g to draft, ctrl+r for tone variants, F1 for help."
        self.query_one(StatusLine).backend = self.query_one("#backend", Select).value  # type: ignore[assignment]
        self.call_after_refresh(self.run_worker, self._list_models, thread=True, group="models",
                                exit_on_error=False)

    def _recipient_options(self) -> list[tuple[str, str]]:
        people = [(p.name, p.name) for p in self.notes.recipients()]
        return ([("everyone (one each)", EVERYONE)] if len(people) > 1 else []) + people

    def _default_recipient(self, scenario: str) -> str:
        people = self.notes.recipients()
        return EVERYONE if len(people) > 1 and scenario == "thank-you" else people[0].name

    def pick(self, name: str) -> str:
        value = self.query_one(f"#{name}", Select).value
        return "" if value is Select.NULL else str(value)

    def refresh_notes(self, notes: Notes) -> None:
        """New notes from the editor: keep the pickers in step."""
        self.notes = notes
        self.sub_title = f"{notes.company.name} · {notes.position}"
        recipient = self.query_one("#recipient", Select)
        recipient.set_options(self._recipient_options())
        recipient.value = self._default_recipient(self.pick("scenario"))

    # models -----------------------------------------------------------------------------------

    def _list_models(self) -> None:
        try:
            models = self.services.list_models()
        except AfterwordError as exc:
            self.post_message(ModelsListed([], exc.message, exc.hint))
            return
        self.post_message(ModelsListed(models))

    def on_models_listed(self, event: ModelsListed) -> None:
        select = self.query_one("#model", Select)
        if event.models:
            select.set_options([(m, m) for m in event.models])
            wanted = self.services.settings.ollama.model
            if wanted in event.models:
                select.value = wanted
            return
        select.disabled = True
        if self.pick("backend") == "ollama":
            self.offer_offline(f"{event.error or 'No Ollama models'}", event.hint)
        elif self.pick("backend") == "auto":
            self.notify(f"{event.error} — {event.hint}. Drafting with the offline composer for now.",
                        title="Ollama not available", timeout=8)

    def offer_offline(self, message: str, hint: str) -> None:
        """Say what failed and how to fix it, and offer the offline composer at once."""
        text = f"{message} — {hint}" if hint else message
        self.query_one("#banner-text", Static).update(text)
        self.query_one("#banner").remove_class("hidden")
        self.query_one("#backend", Select).value = "offline"
        self.notify(text, title="Backend failed", severity="error", timeout=10)

    @on(Button.Pressed, "#use-offline")
    def _use_offline(self) -> None:
        self.query_one("#backend", Select).value = "offline"
        self.query_one("#banner").add_class("hidden")
        self.action_generate()

    @on(Select.Changed, "#backend")
    def _backend_changed(self, event: Select.Changed) -> None:
        self.query_one(StatusLine).backend = str(event.value)
        self.query_one("#model", Select).disabled = event.value not in ("auto", "ollama")

    # generation -------------------------------------------------------------------------------

    def action_generate(self) -> None:
        """Draft with the current picks (one draft per interviewer where that applies)."""
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
        if to == EVERYONE:
            jobs = [j for j in jobs if j.tone == self.pick("tone")]
        self.post_message(DraftRequested(jobs, self.pick("backend"), self.pick("model") or None))

    def on_draft_requested(self, event: DraftRequested) -> None:
        self.run += 1
        self.generating = True
        self._stop = threading.Event()
        self.query_one("#banner").add_class("hidden")
        self.drafts = [None] * len(event.jobs)
        self.streams = [""] * len(event.jobs)
        self.current = 0
        tabs = self.query_one(Tabs)
        tabs.clear()
        for n, job in enumerate(event.jobs):
            tabs.add_tab(Tab(f"{job.recipient.name} · {job.tone}", id=self.tab_id(n)))
        self._load(0)
        self.query_one(StatusLine).start(event.backend, event.model)
        self.run_worker(
            partial(generate, self, self.services, self.run, event.jobs, event.backend, event.model,
                    self._stop.is_set),
            thread=True, group="generate", exclusive=True, exit_on_error=False,
        )

    def tab_id(self, index: int) -> str:
        """Tab ids are unique per run (old tabs are removed asynchronously)."""
        return f"run{self.run}-{index}"

    def _live(self, run: int) -> bool:
        return run == self.run and run != self._ignored_run

    def on_draft_started(self, event: DraftStarted) -> None:
        if not self._live(event.run):
            return
        self.query_one(StatusLine).start(event.backend, event.model)
        if event.index != self.current:
            self.query_one(Tabs).active = self.tab_id(event.index)
            self._load(event.index)

    def on_draft_chunk_received(self, event: DraftChunkReceived) -> None:
        if not self._live(event.run):
            return
        self.streams[event.index] += event.chunk
        self.query_one(StatusLine).chunk()
        if event.index == self.current:
            self._pending += event.chunk
            if self._flush_timer is None:
                self._flush_timer = self.set_timer(FLUSH_EVERY, self._flush)

    def _flush(self) -> None:
        """Append the chunks that arrived since the last paint (one edit per frame, not per chunk)."""
        self._flush_timer = None
        if self._pending and self.drafts and self.drafts[self.current] is None:
            editor = self.query_one(DraftEditor)
            editor.insert(self._pending, editor.document.end)
        self._pending = ""

    def on_draft_completed(self, event: DraftCompleted) -> None:
        if not self._live(event.run):
            return
        self.drafts[event.index] = event.draft
        self.keep_version(event.draft)
        if event.index == self.current:
            self._load(event.index)
        rate = event.draft.timings.get("tokens_per_s")
        self.query_one(StatusLine).stop("done", float(rate) if rate else None)

    def on_draft_failed(self, event: DraftFailed) -> None:
        if not self._live(event.run):
            return
        kept = event.partial or self.streams[event.index]
        if kept.strip():
            self.drafts[event.index] = self.partial_draft(event.index, kept)
            if event.index == self.current:
                self._load(event.index)
        note = f" (kept {len(kept)} characters of partial text)" if kept.strip() else ""
        self.query_one(StatusLine).stop(f"failed{note}")
        self.offer_offline(event.message + note, event.hint)

    def on_generation_finished(self, event: GenerationFinished) -> None:
        if event.run != self.run:
            return
        self.generating = False
        if self.drafts and self.drafts[self.current] is None and self.streams[self.current]:
            self.drafts[self.current] = self.partial_draft(self.current, self.streams[self.current])
            self._load(self.current)
        if self.current and not event.cancelled and all(self.drafts):
            self.query_one(Tabs).active = self.tab_id(0)  # review starts with the first draft
            self._load(0)
        if any(self.drafts):
            self.query_one(DraftEditor).focus()  # keyboard users land in the text to review

    def partial_draft(self, index: int, raw: str) -> Draft:
        """A draft from text that arrived before a cancel or failure."""
        from afterword.pipeline import plan_jobs
        from afterword.postprocess import split_subject

        subject, body = split_subject(raw)
        tab = self.query_one(Tabs).get_tab(self.tab_id(index))
        name = str(tab.label).split(" · ")[0] if tab else self.notes.recipient().name
        job = plan_jobs(self.notes, scenario=self.pick("scenario"), tone=self.pick("tone"),
                        channel=self.pick("channel"), to=name)[0]
        return Draft(subject=subject, body=body.strip("\n"), scenario=job.scenario,  # type: ignore[arg-type]
                     tone=job.tone, language=self.notes.language,  # type: ignore[arg-type]
                     channel="phone" if job.channel == "phone" else "email",
                     backend=self.query_one(StatusLine).backend, recipient=name, partial=True)

    def action_cancel(self) -> None:
        """Esc: stop generating and keep what arrived; otherwise go back."""
        if self.generating:
            self._stop.set()
            self.workers.cancel_group(self, "generate")
            self._ignored_run = self.run
            self.generating = False
            kept = self.streams[self.current] if self.streams else ""
            if kept.strip():
                self.drafts[self.current] = self.partial_draft(self.current, kept)
            self._load(self.current)
            self.query_one(StatusLine).stop(f"cancelled — kept {len(kept)} characters")
            self.notify("Generation cancelled; the text so far is kept.", title="Cancelled")
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    # tabs -------------------------------------------------------------------------------------

    @on(Tabs.TabActivated, "#draft-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab.id != self.query_one(Tabs).active:
            return  # a stale activation: the tab changed again since
        index = int(event.tab.id.rsplit("-", 1)[1]) if event.tab.id else 0
        if index != self.current and index < len(self.drafts):
            self.store_edits()
            self._load(index)

    def _load(self, index: int) -> None:
        """Show draft `index` (or its stream so far) in the editor."""
        self.current = index
        self._pending = ""
        editor = self.query_one(DraftEditor)
        subject = self.query_one("#subject", Input)
        draft = self.drafts[index] if index < len(self.drafts) else None
        if draft is None:
            editor.read_only = True
            subject.value = ""
            editor.text = self.streams[index] if index < len(self.streams) else ""
            self.show_checks([], None)
            return
        subject.value = draft.subject
        editor.text = draft.body
        editor.read_only = False
        self.show_checks(draft.checks, draft.checker)
