"""One snapshot per screen at a fixed 100×32 terminal (pytest-textual-snapshot; no network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select
from tui_support import SAMPLES, ScriptedBackend, frozen_clock, make_services

from afterword.models import load_notes
from afterword.store import Store
from afterword.tui.app import AfterwordApp
from afterword.tui.state import UIState
from afterword.tui.widgets.editor import DraftEditor

SIZE = (100, 32)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path))
    return tmp_path


def _app(home: Path, sample: str | None = "en_thank_you.json") -> AfterwordApp:
    services = make_services(home, scripted=ScriptedBackend(), backend="offline")
    services.clock = frozen_clock
    notes = load_notes(SAMPLES / sample) if sample else None
    return AfterwordApp(services, notes=notes, state=UIState(home / "ui.json"))


async def _settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_dashboard_snapshot(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    store = Store(home / "afterword.json")
    for sample in ("en_thank_you.json", "en_status_check.json", "ja_recruiter_casual.json"):
        store.upsert_application(load_notes(SAMPLES / sample))
    assert snap_compare(_app(home, None), terminal_size=SIZE, run_before=_settle)


def test_draft_review_snapshot(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def generate(pilot: Pilot[None]) -> None:
        await _settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#backend", Select).value = "scripted"
        screen.query_one("#recipient", Select).value = "Priya Raman"
        await pilot.press("ctrl+g")
        await _settle(pilot)
        screen.query_one(DraftEditor).cursor_blink = False
        screen.set_focus(None)  # no blinking cursor in the picture, whenever focus landed
        await pilot.pause()

    assert snap_compare(_app(home), terminal_size=SIZE, run_before=generate)


def test_variants_snapshot(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def variants(pilot: Pilot[None]) -> None:
        await _settle(pilot)
        pilot.app.screen.query_one("#recipient", Select).value = "Priya Raman"
        await pilot.press("ctrl+g")
        await _settle(pilot)
        await pilot.press("ctrl+r")
        await _settle(pilot)

    assert snap_compare(_app(home), terminal_size=SIZE, run_before=variants)


def test_notes_editor_snapshot(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def edit(pilot: Pilot[None]) -> None:
        await _settle(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause(0.5)
        await _settle(pilot)

    assert snap_compare(_app(home), terminal_size=SIZE, run_before=edit)


def test_help_snapshot(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def help_screen(pilot: Pilot[None]) -> None:
        await _settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(_app(home), terminal_size=SIZE, run_before=help_screen)
