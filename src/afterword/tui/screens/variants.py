"""Tone variants side by side, word differences against the current draft highlighted; pick one."""

from __future__ import annotations

import threading
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from afterword.models import Draft
from afterword.tui.diffing import similarity, word_diff
from afterword.tui.generation import generate
from afterword.tui.messages import (
    BackendNoticed,
    DraftChunkReceived,
    DraftCompleted,
    DraftFailed,
    DraftStarted,
    GenerationFinished,
    GenerationRequest,
)
from afterword.tui.safe import plain, safe
from afterword.tui.streaming import StreamBuffer
from afterword.tui.widgets.footer import FitFooter
from afterword.tui.widgets.notices import NoticeArea
from afterword.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from afterword.pipeline import Job
    from afterword.tui.services import Services

COLUMNS = 3
"""Drafts shown side by side: the current one and two other tones (or three tones)."""


def render_diff(base: str, other: str) -> Text:
    """`other`, with the words that differ from `base` highlighted (the base is in column 1)."""
    text = Text()
    for kind, chunk in word_diff(base, other):
        if kind == "same":
            text.append_text(plain(chunk))
        elif kind == "added":
            text.append_text(plain(chunk, "bold black on green"))
    return text


class VariantColumn(VerticalScroll, can_focus=True):
    """One variant: a heading and its text."""

    def __init__(self, heading: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.heading = heading
        self.raw = ""

    def compose(self) -> ComposeResult:
        yield Static(plain(self.heading), classes="variant-heading")
        yield Static("", classes="variant-body")

    def set_heading(self, heading: str) -> None:
        self.query_one(".variant-heading", Static).update(plain(heading))

    def set_body(self, body: Text) -> None:
        self.query_one(".variant-body", Static).update(body)


class VariantsScreen(Screen["tuple[Job, Draft] | None"]):
    """Generate tone variants of one job, compare them, and pick one to continue with."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Use this one", id="variants_choose",
                tooltip="Continue with the focused variant"),
        Binding("escape", "cancel", "Back", id="variants_cancel",
                tooltip="Stop generating; otherwise go back without choosing"),
        Binding("1", "choose(0)", "Pick 1", id="variants_pick_1", show=False),
        Binding("2", "choose(1)", "Pick 2", id="variants_pick_2", show=False),
        Binding("3", "choose(2)", "Pick 3", id="variants_pick_3", show=False),
        Binding("left", "app.focus_previous", "Previous", id="variants_left", show=False),
        Binding("right", "app.focus_next", "Next", id="variants_right", show=False),
    ]

    def __init__(self, services: Services, job: Job, *, base: Draft | None, backend: str,
                 model: str | None) -> None:
        super().__init__()
        self.services = services
        self.job = job
        self.base = base
        jobs = self._plan()
        first = 1 if base else 0
        slots = tuple(range(first, first + len(jobs)))
        self.request = GenerationRequest(1, tuple(jobs), slots, backend, model)
        self.jobs: list[Job] = ([job] if base else []) + list(self.request.jobs)
        self.drafts: list[Draft | None] = ([base] if base else []) + [None] * len(self.request.jobs)
        self.raw: list[str] = [""] * len(self.drafts)
        self.generating = False
        self._stop = threading.Event()
        self.stream = StreamBuffer(self, self._paint)

    def _plan(self) -> list[Job]:
        from afterword.pipeline import plan_jobs

        job = self.job
        jobs = plan_jobs(job.notes, scenario=job.scenario, tone=job.tone, channel=job.channel,
                         to=job.recipient.name, variants=COLUMNS + 1)
        if self.base is not None:
            jobs = [j for j in jobs if j.tone != self.base.tone]
        return jobs[: COLUMNS - (1 if self.base else 0)]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="variants"):
            for n, job in enumerate(self.jobs):
                current = " (current)" if n == 0 and self.base else " — drafting…"
                yield VariantColumn(f"{n + 1} · {job.tone}{current}", id=f"v{n}")
        yield NoticeArea()
        yield StatusLine(clock=self.services.clock, id="variants-status")
        yield FitFooter()

    def on_mount(self) -> None:
        self.sub_title = safe(f"Tone variants for {self.job.recipient.name}")
        if self.base is not None:
            self.query_one("#v0", VariantColumn).set_body(plain(self.base.body))
        self.query_one("#v0", VariantColumn).focus()
        self.generating = True
        self.query_one(StatusLine).start(self.request.backend, self.request.model)
        self.run_worker(partial(generate, self, self.services, self.request, self._stop.is_set),
                        thread=True, group="variants", exclusive=True, exit_on_error=False)

    def on_draft_started(self, event: DraftStarted) -> None:
        self.query_one(StatusLine).start(event.backend, event.model, event.job.tone)

    def on_draft_chunk_received(self, event: DraftChunkReceived) -> None:
        self.raw[event.index] += event.chunk
        self.query_one(StatusLine).chunk()
        self.stream.add(event.index, event.chunk)

    def _paint(self, pending: dict[int, str]) -> None:
        """Repaint the columns that streamed since the last frame."""
        for index in pending:
            if self.drafts[index] is None:
                self.query_one(f"#v{index}", VariantColumn).set_body(plain(self.raw[index]))

    def on_draft_completed(self, event: DraftCompleted) -> None:
        self.drafts[event.index] = event.draft
        self._show_variants()

    def on_backend_noticed(self, event: BackendNoticed) -> None:
        self.query_one(StatusLine).say(event.text)

    def on_draft_failed(self, event: DraftFailed) -> None:
        self.notify(f"{event.message} — {event.hint}" if event.hint else event.message,
                    title="Variant failed", severity="error")

    def on_generation_finished(self, event: GenerationFinished) -> None:
        self.generating = False
        done = sum(d is not None for d in self.drafts)
        self.query_one(StatusLine).stop(f"{done} variants — 1–{len(self.drafts)} or Enter picks")

    def _show_variants(self) -> None:
        """Headings with checks and likeness; bodies with differences against the first."""
        first = next((d for d in self.drafts if d is not None), None)
        for n, draft in enumerate(self.drafts):
            if draft is None or first is None:
                continue
            column = self.query_one(f"#v{n}", VariantColumn)
            errors = sum(i.severity == "error" for i in draft.checks)
            warnings = sum(i.severity == "warning" for i in draft.checks)
            label = f"{n + 1} · {draft.tone}{' (current)' if n == 0 and self.base else ''}"
            if draft is first:
                column.set_heading(f"{label} · {errors}E {warnings}W")
                column.set_body(plain(f"{draft.subject}\n\n{draft.body}"))
                continue
            same = similarity(first.body, draft.body)
            column.set_heading(f"{label} · {errors}E {warnings}W · {same:.0%} alike")
            column.set_body(render_diff(f"{first.subject}\n\n{first.body}",
                                        f"{draft.subject}\n\n{draft.body}"))

    def action_choose(self, index: int | None = None) -> None:
        """Continue with a variant (the focused one without an index)."""
        if index is None:
            focused = self.focused
            index = int(focused.id[1:]) if isinstance(focused, VariantColumn) and focused.id else 0
        if not 0 <= index < len(self.drafts) or self.drafts[index] is None:
            self.notify("That variant is not ready yet.", severity="warning")
            return
        self._stop.set()
        self.workers.cancel_group(self, "variants")
        draft = self.drafts[index]
        assert draft is not None
        self.dismiss((self.jobs[index], draft))

    def action_cancel(self) -> None:
        """Esc: stop generating (keeps finished variants); otherwise go back without choosing."""
        if self.generating:
            self._stop.set()
            self.workers.cancel_group(self, "variants")
            self.generating = False
            self.query_one(StatusLine).stop("cancelled — finished variants are kept")
            return
        if self.query_one(NoticeArea).dismiss_errors():
            return
        self.dismiss(None)
