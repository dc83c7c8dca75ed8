"""Work done in thread workers: drafting and checking. Results go back as messages carrying their
request; a worker finishes every change to a draft before it posts it, and never touches widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message_pump import MessagePump

from afterword.errors import AfterwordError, BackendError, InputError
from afterword.models import Draft
from afterword.sanitize import has_control, terminal_safe
from afterword.tui.messages import (
    BackendNoticed,
    ChecksUpdated,
    DraftChunkReceived,
    DraftCompleted,
    DraftFailed,
    DraftStarted,
    GenerationFinished,
    GenerationRequest,
)
from afterword.tui.safe import app_hint, app_line, error_text

if TYPE_CHECKING:
    from afterword.checks.grammar import GrammarChecker
    from afterword.models import Issue
    from afterword.pipeline import Job
    from afterword.tui.services import Services


def partial_draft(job: Job, raw: str, backend: str, model: str | None = None) -> Draft:
    """A draft from the text that arrived before a cancel or a failure, for that job."""
    from afterword.postprocess import split_subject

    subject, body = split_subject(terminal_safe(raw))
    return Draft(subject=subject, body=body.strip("\n"), scenario=job.scenario,  # type: ignore[arg-type]
                 tone=job.tone, language=job.notes.language,  # type: ignore[arg-type]
                 channel="phone" if job.channel == "phone" else "email", backend=backend, model=model,
                 recipient=job.recipient.name, partial=True)


def run_checks(draft: Draft, job_notes: object, grammar: GrammarChecker | None) -> tuple[str, list[Issue]]:
    """Checker name and issues for a draft's current text."""
    from afterword.checks import check_draft

    report = check_draft(draft.subject, draft.body, language=draft.language, notes=job_notes,  # type: ignore[arg-type]
                         scenario=draft.scenario, channel=draft.channel, grammar=grammar,
                         recipient=draft.recipient)
    return report.checker, report.issues


def _terminal_safe_draft(draft: Draft, job: Job, grammar: GrammarChecker | None) -> Draft:
    """The draft with escape sequences and control characters made visible (checks redone then,
    since their offsets moved)."""
    if not (has_control(draft.subject) or has_control(draft.body)):
        return draft
    safe = draft.model_copy(update={"subject": terminal_safe(draft.subject),
                                    "body": terminal_safe(draft.body)})
    safe.checker, safe.checks = run_checks(safe, job.notes, grammar)
    return safe


def backend_notice(target: MessagePump) -> Callable[[str], None]:
    """A backend's notice callback that posts what it says to `target` (from any thread)."""
    def notice(text: str) -> None:
        target.post_message(BackendNoticed(terminal_safe(app_line(text))))

    return notice


def generate(target: MessagePump, services: Services, request: GenerationRequest,
             cancelled: Callable[[], bool]) -> None:
    """Run each job of the request through the pipeline, posting started / chunk / completed /
    failed, then finished with the issues only the whole set shows."""
    from afterword.pipeline import Hooks, Pipeline, flag_duplicates

    finished: list[tuple[int, Draft]] = []
    slot, job = request.slots[0], request.jobs[0]
    try:
        backend = services.make_backend(request.backend, request.model, backend_notice(target))
        model_name = backend.model_name()
        grammar = services.checker(job.notes.language)
        pipeline = Pipeline(backend, services.settings, grammar)
        for slot, job in zip(request.slots, request.jobs, strict=True):
            if cancelled():
                break
            target.post_message(DraftStarted(request, slot, job, backend.name, model_name))

            def on_chunk(chunk: str, slot: int = slot, job: Job = job) -> None:
                target.post_message(DraftChunkReceived(request, slot, job, terminal_safe(chunk)))

            draft = _terminal_safe_draft(pipeline.run(job, Hooks(on_chunk=on_chunk, should_stop=cancelled)),
                                         job, grammar)
            finished.append((slot, draft.model_copy(deep=True)))
            target.post_message(DraftCompleted(request, slot, job, draft))
    except BackendError as exc:
        target.post_message(DraftFailed(request, slot, job, terminal_safe(exc.message),
                                        terminal_safe(app_hint(exc.hint)), terminal_safe(exc.partial)))
    except AfterwordError as exc:
        target.post_message(DraftFailed(request, slot, job, terminal_safe(exc.message),
                                        terminal_safe(app_hint(exc.hint)),
                                        lasting=isinstance(exc, InputError)))
    except Exception as exc:  # a bug must not leave the screen streaming forever
        target.post_message(DraftFailed(request, slot, job, terminal_safe(f"unexpected error: {exc!r}")))
    copies = [d for _, d in finished]
    known = [len(d.checks) for d in copies]
    flag_duplicates(copies)
    extra = {s: d.checks[n:] for (s, d), n in zip(finished, known, strict=True) if d.checks[n:]}
    target.post_message(GenerationFinished(request, extra, cancelled()))


def check(target: MessagePump, services: Services, index: int, revision: int, draft: Draft,
          notes: object) -> None:
    """Re-run the checks on slot `index`'s edited text and post `ChecksUpdated`."""
    try:
        checker, issues = run_checks(draft, notes, services.checker(draft.language))
    except Exception as exc:  # shown, never swallowed
        said = terminal_safe(f"checks failed: {error_text(exc)}")
        target.post_message(ChecksUpdated(index, revision, said, []))
        return
    target.post_message(ChecksUpdated(index, revision, checker, issues))
