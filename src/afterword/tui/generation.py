"""Work done in thread workers: drafting and checking. Results go back as messages, never widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message_pump import MessagePump

from afterword.errors import AfterwordError, BackendError
from afterword.tui.messages import (
    ChecksUpdated,
    DraftChunkReceived,
    DraftCompleted,
    DraftFailed,
    DraftStarted,
    GenerationFinished,
)

if TYPE_CHECKING:
    from afterword.models import Draft, Notes
    from afterword.pipeline import Job
    from afterword.tui.services import Services


def generate(
    target: MessagePump,
    services: Services,
    run: int,
    jobs: list[Job],
    backend_name: str,
    model: str | None,
    cancelled: Callable[[], bool],
) -> None:
    """Run each job through the pipeline, posting start / chunk / completed / failed messages."""
    from afterword.pipeline import Hooks, Pipeline, flag_duplicates

    drafts: list[Draft] = []
    index = 0
    try:
        backend = services.make_backend(backend_name, model)
        model_name = backend.model_name()
        grammar = services.checker(jobs[0].notes.language) if jobs else None
        pipeline = Pipeline(backend, services.settings, grammar)
        for index, job in enumerate(jobs):
            if cancelled():
                break
            target.post_message(DraftStarted(run, index, job, backend.name, model_name))

            def on_chunk(chunk: str, i: int = index) -> None:
                target.post_message(DraftChunkReceived(run, i, chunk))

            draft = pipeline.run(job, Hooks(on_chunk=on_chunk, should_stop=cancelled))
            drafts.append(draft)
            target.post_message(DraftCompleted(run, index, draft))
    except BackendError as exc:
        target.post_message(DraftFailed(run, index, exc.message, exc.hint, exc.partial))
    except AfterwordError as exc:
        target.post_message(DraftFailed(run, index, exc.message, exc.hint))
    flag_duplicates(drafts)
    target.post_message(GenerationFinished(run, drafts, cancelled()))


def check(
    target: MessagePump,
    services: Services,
    revision: int,
    subject: str,
    body: str,
    notes: Notes,
    scenario: str,
    channel: str,
    recipient: str,
) -> None:
    """Re-run the checks on edited text and post `ChecksUpdated`."""
    from afterword.checks import check_draft

    try:
        grammar = services.checker(notes.language)
        report = check_draft(
            subject,
            body,
            language=notes.language,
            notes=notes,
            scenario=scenario,
            channel=channel,
            grammar=grammar,
            recipient=recipient,
        )
    except AfterwordError as exc:
        target.post_message(ChecksUpdated(revision, f"checks failed: {exc}", []))
        return
    target.post_message(ChecksUpdated(revision, report.checker, report.issues))
