"""Past-tense messages: workers report what happened, each carrying the request it belongs to
(as harlequin's `QueriesExecuted` carries its limit), so no screen reads a request back from
its widgets after the fact."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.message import Message

from afterword.models import Draft, Issue

if TYPE_CHECKING:
    from afterword.pipeline import Job


@dataclass(frozen=True)
class GenerationRequest:
    """One press of ctrl+g (or a variants run): which jobs, into which slots, on which backend."""

    run: int
    jobs: tuple[Job, ...]
    slots: tuple[int, ...]
    """The draft slot each job fills (same length as `jobs`)."""
    backend: str
    model: str | None = None


@dataclass(eq=False)
class DraftStarted(Message):
    """A job began streaming into slot `index`."""

    request: GenerationRequest
    index: int
    job: Job
    backend: str
    model: str | None


@dataclass(eq=False)
class DraftChunkReceived(Message):
    """A chunk of text (terminal-safe) arrived for the job in slot `index`."""

    request: GenerationRequest
    index: int
    job: Job
    chunk: str


@dataclass(eq=False)
class DraftCompleted(Message):
    """The job in slot `index` finished (or stopped on Esc: `draft.partial`). The worker never
    touches `draft` after posting it."""

    request: GenerationRequest
    index: int
    job: Job
    draft: Draft


@dataclass(eq=False)
class DraftFailed(Message):
    """The backend failed on the job in slot `index`; `partial` keeps the text that had arrived."""

    request: GenerationRequest
    index: int
    job: Job
    message: str
    hint: str = ""
    partial: str = ""
    lasting: bool = False
    """A problem of the setup (a refused Ollama host, bad input), not of this one run: it is said
    as an error that stays until dismissed."""


@dataclass(eq=False)
class BackendNoticed(Message):
    """Something the backend wants the person to know (notes going to another machine, an empty
    OLLAMA_HOST, the fallback to the offline composer); said once, in the status bar."""

    text: str


@dataclass(eq=False)
class GenerationFinished(Message):
    """Every job of a request is done, failed or cancelled; `extra` holds the issues only the
    whole set shows (near-duplicate drafts), by slot."""

    request: GenerationRequest
    extra: dict[int, list[Issue]] = field(default_factory=dict)
    cancelled: bool = False


@dataclass(eq=False)
class ChecksUpdated(Message):
    """Checks re-ran on the text of slot `index` at edit `revision`."""

    index: int
    revision: int
    checker: str
    issues: list[Issue]


@dataclass(eq=False)
class ModelsListed(Message):
    """Installed Ollama models, or why there are none."""

    models: list[str]
    error: str | None = None
    hint: str = ""
    refused: bool = False
    """The Ollama host is one afterword may not send notes to (another machine, not allowed)."""


@dataclass(eq=False)
class NotesValidated(Message):
    """Notes validation ran on the form as typed (revision `revision`)."""

    revision: int
    valid: bool
    issues: list[Issue]
    warning: str = ""
    """One line naming the fields with instruction-like text (empty when there are none)."""


@dataclass(eq=False)
class ApplicationsLoaded(Message):
    """The dashboard's rows, or why the store could not be read."""

    rows: list[Any]
    error: str = ""


@dataclass(eq=False)
class ApplicationOpened(Message):
    """Notes for an application are ready to draft with (or to edit, as typed)."""

    app_id: str | None
    notes: Any
    edit: bool = False


@dataclass(eq=False)
class NoticePosted(Message):
    """A notice for the person (routed to the current screen's notice area)."""

    message: str
    title: str = ""
    severity: str = "information"
    timeout: float | None = None
