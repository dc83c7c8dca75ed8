"""Pilot tests of the dashboard, the notes editor and the app's conventions (palette, keys, theme)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, TextArea
from tui_support import SAMPLES, TODAY, make_services

from afterword.models import load_notes
from afterword.store import Store
from afterword.tui.app import AfterwordApp
from afterword.tui.screens.dashboard import DashboardScreen
from afterword.tui.screens.draft import DraftScreen
from afterword.tui.screens.help import HelpScreen
from afterword.tui.screens.notes import NotesScreen, widget_id
from afterword.tui.state import UIState

SIZE = (100, 32)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path))
    return tmp_path


async def _settle(app: AfterwordApp, pilot: object) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]


def _seed(home: Path) -> None:
    store = Store(home / "afterword.json")
    store.upsert_application(load_notes(SAMPLES / "en_thank_you.json"))
    store.upsert_application(load_notes(SAMPLES / "en_status_check.json"))


async def test_dashboard_lists_applications_and_highlights_overdue(home: Path) -> None:
    _seed(home)
    services = make_services(home, backend="offline")
    services.today = lambda: TODAY + dt.timedelta(days=60)
    app = AfterwordApp(services, state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert {r["Company"] for r in screen.rows} >= {"Northwind Health"}
        assert all(r["overdue"] for r in screen.rows)
        summary = screen.query_one("#dash-summary").render().plain
        assert f"{len(screen.rows)} overdue" in summary
        table = screen.query_one(DataTable)
        assert table.get_row_at(0)[3].plain.endswith("overdue")
        await pilot.press("enter")
        await _settle(app, pilot)
        assert isinstance(app.screen, DraftScreen)


async def test_notes_editor_validates_inline_enter_is_newline_and_autosaves(home: Path) -> None:
    app = AfterwordApp(make_services(home, backend="offline"), state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("n")
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        await pilot.pause(0.4)
        await _settle(app, pilot)
        assert "required" in screen.query_one(f"#e-{widget_id('sender.name')}").render().plain

        # Enter in a multi-line field inserts a newline (IME users confirm with Enter)
        news = screen.query_one(f"#{widget_id('company.news')}", TextArea)
        news.focus()
        await pilot.press(*"Acme opened a Denver office")
        await pilot.press("enter")
        await pilot.press(*"Acme faces a lawsuit over a data breach")
        assert news.text.count("\n") == 1
        assert isinstance(app.screen, NotesScreen)

        for key, value in (("sender.name", "Maya Chen"), ("company.name", "Acme"),
                           ("position", "Data Engineer")):
            field = screen.query_one(f"#{widget_id(key)}", Input)
            field.value = value
        screen.query_one(f"#{widget_id('interviewers')}", TextArea).text = "Priya Raman | Director"
        await pilot.pause(1.2)
        await _settle(app, pilot)
        problem = screen.query_one(f"#e-{widget_id('company.news')}").render().plain
        assert "negative news" in problem and "lawsuit" in problem
        assert screen.query_one(f"#e-{widget_id('sender.name')}").render().plain == ""
        scratch = json.loads((home / "notes-autosave.json").read_text(encoding="utf-8"))
        assert scratch["company"]["name"] == "Acme"

        await pilot.press("ctrl+g")
        await _settle(app, pilot)
        assert isinstance(app.screen, DraftScreen)
        assert app.screen.notes.company.name == "Acme"
        assert [a.company for a in Store(home / "afterword.json").applications()] == ["Acme"]


async def test_palette_lists_screen_actions_and_runs_them(home: Path) -> None:
    app = AfterwordApp(make_services(home, backend="offline"),
                       notes=load_notes(SAMPLES / "en_thank_you.json"), state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Tone variants")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "VariantsScreen"


async def test_user_keymap_remaps_generate(home: Path) -> None:
    services = make_services(home, backend="offline")
    services.settings.ui.keymap = {"generate": "f5"}
    app = AfterwordApp(services, notes=load_notes(SAMPLES / "en_rejection.json"),
                       state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        await pilot.press("f5")
        await _settle(app, pilot)
        assert screen.drafts and screen.drafts[0] is not None
        assert screen.drafts[0].scenario == "rejection-reply"


async def test_theme_is_remembered_between_runs(home: Path) -> None:
    state = UIState(home / "ui.json")
    app = AfterwordApp(make_services(home), state=state)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert state.load()["theme"] == "nord"
    again = AfterwordApp(make_services(home), state=state)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_f1_explains_the_flow_and_lists_keys(home: Path) -> None:
    app = AfterwordApp(make_services(home, backend="offline"),
                       notes=load_notes(SAMPLES / "en_thank_you.json"), state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen._keys()
        for words in ("Generate", "Tone variants", "Approve & copy", "Cancel / back"):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)


async def test_japanese_notes_draft_offline(home: Path) -> None:
    app = AfterwordApp(make_services(home, backend="offline"),
                       notes=load_notes(SAMPLES / "ja_thank_you.json"), state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        await pilot.press("ctrl+g")
        await _settle(app, pilot)
        draft = screen.drafts[0]
        assert draft is not None and draft.language == "ja"
        assert "お世話になっております" in draft.body or "様" in draft.body
