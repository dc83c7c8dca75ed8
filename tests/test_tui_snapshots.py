"""Every screen at 80×24 and 120×36 (pytest-textual-snapshot; no network, frozen clock and cursors)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select, TextArea
from tui_support import TODAY, ScriptedBackend, frozen_clock, make_services, notes_of, settle

from afterword.models import Draft
from afterword.store import Store, StoredDraft
from afterword.tui.app import AfterwordApp
from afterword.tui.state import UIState

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
Steps = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path))
    return tmp_path


def _app(home: Path, sample: str | None = "en_thank_you.json") -> AfterwordApp:
    services = make_services(home, scripted=ScriptedBackend(), backend="offline")
    services.clock = frozen_clock
    return AfterwordApp(services, notes=notes_of(sample) if sample else None, state=UIState(home / "ui.json"))


async def _still(pilot: Pilot[None]) -> None:
    """Settle, then freeze every cursor so the picture does not depend on the blink."""
    await settle(pilot.app, pilot)  # type: ignore[arg-type]
    for screen in pilot.app.screen_stack:
        for area in screen.query(TextArea):
            area.cursor_blink = False
            # Textual 8.2's line cache key leaves the cursor out when blink is off, so a line drawn in
            # the blink's "off" phase would be reused: draw the cursor lines afresh.
            area._line_cache.clear()
            area.refresh()
    await pilot.pause()


def _run(*steps: str | Steps) -> Steps:
    async def run(pilot: Pilot[None]) -> None:
        await _still(pilot)
        for step in steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                await step(pilot)
            await _still(pilot)
    return run


async def _one_person(pilot: Pilot[None]) -> None:
    pilot.app.screen.query_one("#recipient", Select).value = "Priya Raman"
    pilot.app.screen.query_one("#backend", Select).value = "scripted"


async def _rows(pilot: Pilot[None]) -> None:
    pilot.app.screen.query_one("#rows-interviewers").scroll_visible(top=True, animate=False)


async def _news(pilot: Pilot[None]) -> None:
    pilot.app.screen.query_one("#rows-company-news").scroll_visible(top=True, animate=False)


async def _versions(pilot: Pilot[None]) -> None:
    from afterword.tui.screens.versions import VersionsScreen

    when = dt.datetime(2026, 11, 21, 9, 30).astimezone()
    base = Draft(subject="Thank you for the conversation",
                 body="Dear Priya,\n\nThank you for your time.\n\nMaya",
                 scenario="thank-you", tone="warm", language="en", backend="offline", recipient="Priya Raman")
    versions = [
        StoredDraft(**base.model_dump(), id="1.1", app_id="1", version=1, created=when),
        StoredDraft(**{**base.model_dump(), "body": base.body.replace("your time", "your time today")},
                    id="1.2", app_id="1", version=2, created=when + dt.timedelta(minutes=4), edited=True),
        StoredDraft(**{**base.model_dump(), "tone": "formal"}, id="1.3", app_id="1", version=3,
                    created=when + dt.timedelta(minutes=9), approved=True),
    ]
    pilot.app.push_screen(VersionsScreen("Versions of the thank-you to Priya Raman (newest first)", versions,
                                         sent={"1.3"}))


def _seed(home: Path) -> None:
    store = Store(home / "afterword.json")
    for sample in ("en_thank_you.json", "en_status_check.json", "ja_recruiter_casual.json"):
        store.upsert_application(notes_of(sample))
    app_id = store.find_application(notes_of("en_thank_you.json"))
    assert app_id is not None
    store.record_sent(app_id, "thank-you", TODAY, to="Priya Raman")


SCREENS: dict[str, tuple[str | None, Steps]] = {
    "dashboard": (None, _run()),
    "draft": ("en_thank_you.json", _run("ctrl+g")),
    "draft_issues": ("en_thank_you.json", _run(_one_person, "ctrl+g", "f2")),
    "draft_ja": ("ja_thank_you.json", _run("ctrl+g")),
    "variants": ("en_thank_you.json", _run(_one_person, "ctrl+g", "ctrl+r")),
    "approve": ("en_thank_you.json", _run("ctrl+g", "ctrl+y")),
    "keep_mine": ("en_thank_you.json", _run("ctrl+g", "x", "ctrl+g")),
    "rule": ("en_thank_you.json", _run(_one_person, "ctrl+g", "f2", "f5")),
    "versions": ("en_thank_you.json", _run(_versions)),
    "notes_new": (None, _run("n")),
    "notes_tracked": (None, _run("e")),
    "notes_rows": (None, _run("e", _rows)),
    "notes_news": ("en_thank_you.json", _run("ctrl+n", _news)),
    "reply": (None, _run("r")),
    "delete": (None, _run("d")),
    "help": ("en_thank_you.json", _run("f1")),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_snapshot(home: Path, snap_compare, name: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    sample, steps = SCREENS[name]
    if sample is None:
        _seed(home)
    assert snap_compare(_app(home, sample), terminal_size=size, run_before=steps)
