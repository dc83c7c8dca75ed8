"""Past-tense messages: workers report what happened; screens render it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from afterword.models import Draft, Issue

if TYPE_CHECKING:
    from afterword.pipeline import Job



@dataclass(eq=False)
class DraftRequested(Message):
    """The person asked for drafts (generate, or tone variants)."""

    jobs: list[Job]
    backend: str
    model: str | None = None


@dataclass(eq=False)
class DraftStarted(Message):
    """A job began streaming; `index` is its place in the request."""

    run: int
    index: int
    job: Job
    backend: str
    model: str | None


@dataclass(eq=False)
class DraftChunkReceived(Message):
    """A chunk of text arrived for job `index`."""

    run: int
    index: int
    chunk: str


@dataclass(eq=False)
class DraftCompleted(Message):
    """Job `index` finished (or stopped on Esc: `draft.partial`)."""

    run: int
    index: int
    draft: Draft


@dataclass(eq=False)
class DraftFailed(Message):
    """The backend failed; `partial` keeps whatever text had arrived."""

    run: int
    index: int
    message: str
    hint: str = ""
    partial: str = ""


@dataclass(eq=False)
class GenerationFinished(Message):
    """Every job of a request is done, failed or cancelled."""

    run: int
    drafts: list[Draft] = field(default_factory=list)
    cancelled: bool = False


@dataclass(eq=False)
class ChecksUpdated(Message):
    """Checks re-ran on edited text; `revision` says which edit they belong to."""

    revision: int
    checker: str
    issues: list[Issue]


@dataclass(eq=False)
class ModelsListed(Message):
    """Installed Ollama models, or why there are none."""

    models: list[str]
    error: str | None = None
    hint: str = ""


@dataclass(eq=False)
class NotesValidated(Message):
    """Notes validation ran on the form as typed."""

    revision: int
    valid: bool
    issues: list[Issue]


@dataclass(eq=False)
class DraftApproved(Message):
    """An approved draft was copied and recorded; each part says whether it worked."""

    recipient: str
    system_copied: bool
    system_message: str
    recorded: str = ""
    error: str = ""


@dataclass(eq=False)
class ApplicationsLoaded(Message):
    """The dashboard's rows, or why the store could not be read."""

    rows: list[dict[str, str | bool]]
    error: str = ""


@dataclass(eq=False)
class ApplicationOpened(Message):
    """Notes for an application are ready to draft with (or edit)."""

    app_id: str | None
    notes: object
    edit: bool = False
