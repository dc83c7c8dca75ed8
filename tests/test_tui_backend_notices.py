"""Pilot tests: what the backend says about where the notes go (a remote Ollama host, an empty
OLLAMA_HOST) lands in the status bar once; a host afterword may not use is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select
from tui_support import make_services, notes_of, settle

from afterword.config import OllamaSettings
from afterword.tui.app import AfterwordApp
from afterword.tui.screens.draft import DraftScreen
from afterword.tui.state import UIState
from afterword.tui.widgets.notices import NoticeArea
from afterword.tui.widgets.status import StatusLine

SIZE = (100, 32)
REMOTE = "http://192.0.2.1:11434"
"""A documentation address (TEST-NET-1): another machine, and one that never answers."""


def _app(home: Path, ollama: OllamaSettings, backend: str) -> AfterwordApp:
    services = make_services(home, ollama=ollama, backend=backend)
    return AfterwordApp(services, notes=notes_of("en_thank_you.json"), state=UIState(home / "ui.json"))


def _status(screen: DraftScreen) -> str:
    return " ".join(str(screen.query_one("#status").render()).split())


async def test_notes_going_to_a_remote_host_are_said_once_in_the_status_bar(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", REMOTE)
    app = _app(tmp_path, OllamaSettings(allow_remote=True, connect_timeout=0.3), "ollama")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        said = f"your notes will be sent to the Ollama server at {REMOTE} (allow_remote is on)"
        assert said in _status(screen)  # before anything is sent
        assert "afterword:" not in _status(screen) and app.notices == []
        status = screen.query_one(StatusLine)
        shown: list[tuple[str, ...]] = []

        def record(notices: tuple[str, ...]) -> None:
            shown.append(notices)

        screen.watch(status, "notices", record)
        for _ in range(2):  # each generate builds the backend again, which says it again
            screen.query_one("#backend", Select).value = "ollama"
            await pilot.press("ctrl+g")  # the host never answers: that failure is the banner's
            await settle(app, pilot)
        assert any(said in notices for notices in shown)
        assert all(notices.count(said) <= 1 for notices in shown)
        assert not any(said in message for _s, _t, message in app.notices)


async def test_an_empty_ollama_host_says_the_default_is_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "")
    app = _app(tmp_path, OllamaSettings(connect_timeout=0.3), "auto")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DraftScreen)
        said = "OLLAMA_HOST is set but empty, so the default http://127.0.0.1:11434 is used"
        assert said in _status(app.screen)


async def test_a_refused_remote_host_is_an_error_that_stays_not_a_crash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", REMOTE)
    app = _app(tmp_path, OllamaSettings(connect_timeout=0.3), "auto")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        assert f"not used: Ollama host {REMOTE} is not this machine" in _status(screen)
        assert app.notices == []  # nothing pops up before the first generate
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        assert app.screen is screen and app.is_running
        [(severity, title, message)] = app.notices
        assert severity == "error" and title == "Cannot draft"
        assert REMOTE in message and "allow_remote = true" in message and "--backend" not in message
        area = screen.query_one(NoticeArea)
        assert any("allow_remote" in t for t in area.texts())
        await pilot.press("escape")
        assert area.texts() == []
