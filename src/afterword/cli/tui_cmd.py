"""`afterword` (the dashboard) and `afterword open [NOTES.json]` (drafting with those notes)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("open", help="open the terminal app, with a notes file loaded for drafting")
    p.add_argument("notes", nargs="?", metavar="NOTES.json", help="interview notes (see sample_data/)")
    p.set_defaults(handler=run_open)


def _run(notes_path: str | None) -> int:
    from afterword.config import load_settings
    from afterword.models import load_notes

    notes = load_notes(notes_path) if notes_path else None  # bad notes: InputError, exit 2
    settings = load_settings()

    from afterword.tui.app import AfterwordApp
    from afterword.tui.services import Services

    AfterwordApp(Services.default(settings), notes=notes).run()
    return 0


def run_dashboard(args: argparse.Namespace) -> int:
    """`afterword` with no command: the dashboard."""
    return _run(None)


def run_open(args: argparse.Namespace) -> int:
    """`afterword open [NOTES.json]`."""
    return _run(args.notes)
