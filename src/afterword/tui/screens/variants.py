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
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from afterword.models import Draft, Notes
from afterword.tui.diffing import similarity, word_diff
from afterword.tui.generation import generate
from afterword.tui.messages import (
    DraftChunkReceived,
    DraftCompleted,
    DraftFailed,
    DraftStarted,
    GenerationFinished,
)
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
            text.append(chunk)
        elif kind == "added":
            text.append(chunk, style="bold black on green")
    return text


class VariantColumn(VerticalScroll, can_focus=True):
    """One variant: a heading and its text."""

    def __init__(self, heading: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.heading = heading
        self.raw = ""

    def compose(self) -> ComposeResult:
        yield Static(self.heading, classes="variant-heading")
        yield Static("", classes="variant-body")

    def set_heading(self, heading: str) -> None:
        self.query_one(".variant-heading", Static).update(heading)

    def set_body(self, body: Text | str) -> None:
        self.query_one(".variant-body", Static).update(body)


class VariantsScreen(Screen[Draft | None]):
    """Generate tone variants, compare them, and pick one to continue with."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel / back", id="variants_cancel",
                tooltip="Stop generating; otherwise go back without choosing"),
        Binding("enter", "choose", "Use this one", id="variants_choose",
                tooltip="Continue with the focused variant"),
        Binding("1", "choose(0)", "Pick 1", id="variants_pick_1", show=False),
        Binding("2", "choose(1)", "Pick 2", id="variants_pick_2", show=False),
        Binding("3", "choose(2)", "Pick 3", id="variants_pick_3", show=False),
        Binding("left", "app.focus_previous", "Previous", id="variants_left", show=False),
        Binding("right", "app.focus_next", "Next", id="variants_right", show=False),
    ]

    def __init__(self, services: Services, notes: Notes, *, base: Draft | None, scenario: str,
                 tone: str, channel: str, recipient: str, backend: str, model: str | None) -> None:
        super().__init__()
        self.services = services
        self.notes = notes
        self.base = base
        self.settings = dict(scenario=scenario, tone=tone, channel=channel, recipient=recipient)
        self.backend, self.model = backend, model
        self.jobs = self._plan()
        self.drafts: list[Draft | None] = ([base] if base else []) + [None] * len(self.jobs)
        self._shift = 1 if base else 0
        self.generating = False
        self._stop = threading.Event()
        self._dirty: set[int] = set()
        self._flush_timer: Timer | None = None

    def _plan(self) -> list[Job]:
        from afterword.pipeline import plan_jobs

        s = self.settings
        jobs = plan_jobs(self.notes, scenario=s["scenario"], tone=s["tone"], channel=s["channel"],
                         to=s["recipient"], variants=COLUMNS + 1)
        if self.base is not None:
            jobs = [j for j in jobs if j.tone != self.base.tone]
        return jobs[: COLUMNS - (1 if self.base else 0)]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="variants"):
            if self.base is not None:
                yield VariantColumn(f"1 · {self.base.tone} (current)", id="v0")
            for n, job in enumerate(self.jobs, start=self._shift):
                yield VariantColumn(f"{n + 1} · {job.tone} — drafting…", id=f"v{n}")
        yield StatusLine(clock=self.services.clock, id="variants-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Tone variants for {self.settings['recipient']}"
        if self.base is not None:
            self.query_one("#v0", VariantColumn).set_body(self.base.body)
        self.query_one("#v0", VariantColumn).focus()
        self.generating = True
        self.query_one(StatusLine).start(self.backend, self.model)
        self.run_worker(
            partial(generate, self, self.services, 1, self.jobs, self.backend, self.model,
                    self._stop.is_set),
            thread=True, group="variants", exclusive=True, exit_on_error=False,
        )

    def _column(self, index: int) -> VariantColumn:
        return self.query_one(f"#v{index + self._shift}", VariantColumn)

    def on_draft_started(self, event: DraftStarted) -> None:
        self.query_one(StatusLine).start(event.backend, event.model)

    def on_draft_chunk_received(self, event: DraftChunkReceived) -> None:
        column = self._column(event.index)
        column.raw += event.chunk
        self._dirty.add(event.index)
        self.query_one(StatusLine).chunk()
        if self._flush_timer is None:
            self._flush_timer = self.set_timer(1 / 30, self._flush)

    def _flush(self) -> None:
        """Repaint the columns that streamed since the last frame."""
        self._flush_timer = None
        for index in self._dirty:
            if self.drafts[index + self._shift] is None:
                column = self._column(index)
                column.set_body(column.raw)
        self._dirty.clear()

    def on_draft_completed(self, event: DraftCompleted) -> None:
        self.drafts[event.index + self._shift] = event.draft
        self._show_variants()

    def on_draft_failed(self, event: DraftFailed) -> None:
        self.notify(f"{event.message} — {event.hint}" if event.hint else event.message,
                    title="Variant failed", severity="error", timeout=10)

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
                column.set_body(f"{draft.subject}\n\n{draft.body}")
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
        self.dismiss(self.drafts[index])

    def action_cancel(self) -> None:
        """Esc: stop generating (keeps finished variants); otherwise go back without choosing."""
        if self.generating:
            self._stop.set()
            self.workers.cancel_group(self, "variants")
            self.generating = False
            self.query_one(StatusLine).stop("cancelled — finished variants are kept")
            return
        self.dismiss(None)
