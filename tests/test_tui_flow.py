"""Pilot tests of the whole flow: open notes → generate → fix → variants → approve → recorded."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select, Tabs
from tui_support import SAMPLES, TODAY, ScriptedBackend, make_services

from afterword.models import load_notes
from afterword.planner import next_action
from afterword.tui.app import AfterwordApp
from afterword.tui.screens.dashboard import DashboardScreen
from afterword.tui.screens.draft import DraftScreen
from afterword.tui.screens.variants import VariantsScreen
from afterword.tui.state import UIState
from afterword.tui.widgets.editor import DraftEditor
from afterword.tui.widgets.issues import IssuePanel

SIZE = (100, 32)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path))
    return tmp_path


def _app(home: Path, sample: str = "en_thank_you.json", **kw: object) -> AfterwordApp:
    services = make_services(home, **kw)  # type: ignore[arg-type]
    return AfterwordApp(services, notes=load_notes(SAMPLES / sample), state=UIState(home / "ui.json"))


async def _draft_screen(app: AfterwordApp, pilot: Pilot[None]) -> DraftScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, DraftScreen)
    return app.screen


async def _settle(app: AfterwordApp, pilot: Pilot[None]) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_offline_flow_generate_fix_variants_approve_records_send(home: Path) -> None:
    app = _app(home, backend="offline")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _draft_screen(app, pilot)
        await pilot.press("ctrl+g")
        await _settle(app, pilot)
        # one draft per interviewer, each naming its person
        assert [d.recipient for d in screen.drafts if d] == ["Priya Raman", "Tom Okafor"]
        editor = screen.query_one(DraftEditor)
        assert "Priya" in editor.text
        assert screen.query_one(Tabs).tab_count == 2
        assert screen.query_one("#checks-summary").render().plain.startswith("Checks:")

        # an edit brings a stock phrase: checks re-run and flag it; F2 jumps, F3 fixes it
        editor.focus()
        editor.move_cursor((0, 0))
        editor.insert("I hope this email finds you well. ")
        await pilot.pause(0.6)
        await _settle(app, pilot)
        panel = screen.query_one(IssuePanel)
        stock = [i for i in panel.issues if i.rule == "stock-phrase"]
        assert stock, panel.issues
        while panel.current is None or panel.current.rule != "stock-phrase":
            await pilot.press("f2")
        assert editor.selected_text.lower().startswith("i hope this email finds you well")
        await pilot.press("f3")
        await _settle(app, pilot)
        assert "finds you well" not in editor.text
        assert not [i for i in screen.drafts[0].checks if i.rule == "stock-phrase"]

        # tone variants side by side; pick the second to continue with
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        assert isinstance(app.screen, VariantsScreen)
        variants = app.screen
        assert all(d is not None for d in variants.drafts)
        chosen = variants.drafts[1]
        assert chosen is not None and chosen.tone != "warm"
        await pilot.press("2")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#tone", Select).value == chosen.tone
        assert editor.text == chosen.body

        # approve: copied through the terminal (OSC 52), stored, approved and recorded as sent
        await pilot.press("ctrl+y")
        await _settle(app, pilot)
        assert app.clipboard == chosen.text
        messages = [n.message for n in app._notifications]
        assert any("System clipboard" in m for m in messages)
        assert any("Recorded thank-you as sent on 2026-11-21" in m for m in messages)
        store = app.services.store
        app_id = screen.app_id
        assert app_id is not None
        approved = [d for d in store.drafts(app_id) if d.approved]
        assert [d.body for d in approved] == [chosen.body]
        application = store.get_application(app_id)
        assert application.sent() == {"thank-you": TODAY}
        nxt = next_action(application, TODAY, 7)
        assert nxt is not None and nxt.action == "status-check"

        # back on the dashboard, the follow-up shows as sent with the next one planned
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        row = app.screen.rows[0]
        assert "thank-you sent" in str(row["Stage"])
        assert row["Next action"] == "status-check"


async def test_streaming_chunks_arrive_and_esc_keeps_partial_text(home: Path) -> None:
    gate = threading.Event()
    backend = ScriptedBackend(delay=0.02, gate=gate)
    app = _app(home, scripted=backend, backend="offline")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _draft_screen(app, pilot)
        screen.query_one("#backend", Select).value = "scripted"
        screen.query_one("#recipient", Select).value = "Priya Raman"
        await pilot.pause()
        await pilot.press("ctrl+g")
        for _ in range(100):
            await pilot.pause(0.02)
            if screen.streams and screen.streams[0].count(" ") >= 3:
                break
        streamed = screen.streams[0]
        assert streamed.startswith("Subject: Thank you")
        await pilot.press("escape")
        gate.set()
        await _settle(app, pilot)
        assert not screen.generating
        assert isinstance(app.screen, DraftScreen)  # Esc cancelled; it did not leave the screen
        draft = screen.drafts[0]
        assert draft is not None and draft.partial
        assert draft.subject.startswith("Thank you")
        assert "cancelled — kept" in screen.query_one("#status").render().plain
        assert not screen.query_one(DraftEditor).read_only


async def test_backend_failure_keeps_partial_and_offers_offline(home: Path) -> None:
    backend = ScriptedBackend(fail_after=12)
    app = _app(home, scripted=backend, backend="offline")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _draft_screen(app, pilot)
        screen.query_one("#backend", Select).value = "scripted"
        screen.query_one("#recipient", Select).value = "Priya Raman"
        await pilot.press("ctrl+g")
        await _settle(app, pilot)
        banner = screen.query_one("#banner")
        assert not banner.has_class("hidden")
        text = screen.query_one("#banner-text").render().plain
        assert "closed the stream" in text and "ollama serve" in text
        assert screen.query_one("#backend", Select).value == "offline"
        kept = screen.drafts[0]
        assert kept is not None and kept.partial and kept.subject.startswith("Thank you")
        # the offer: one press drafts with the offline composer
        await pilot.click("#use-offline")
        await _settle(app, pilot)
        assert screen.drafts[0] is not None and not screen.drafts[0].partial
        assert screen.drafts[0].backend == "offline"
        assert banner.has_class("hidden")


async def test_ollama_not_running_says_how_to_start_it(home: Path) -> None:
    app = _app(home, backend="ollama")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _draft_screen(app, pilot)
        await _settle(app, pilot)
        text = screen.query_one("#banner-text").render().plain
        assert "not running" in text and "ollama serve" in text
        assert screen.query_one("#backend", Select).value == "offline"
        await pilot.press("ctrl+g")
        await _settle(app, pilot)
        assert all(d is not None and d.backend == "offline" for d in screen.drafts)


async def test_esc_without_generation_goes_back_to_dashboard(home: Path) -> None:
    app = _app(home, backend="offline")
    async with app.run_test(size=SIZE) as pilot:
        await _draft_screen(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.rows[0]["Company"] == "Northwind Health"
        assert app.screen.rows[0]["Next action"] == "thank-you"
