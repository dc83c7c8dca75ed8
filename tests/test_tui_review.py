"""Pilot tests of reviewing a draft: issues in the Subject line are found, shown and fixed in the
Subject line (never underlined in the body); a spelling issue's word can join the user dictionary."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Select
from textual.widgets._footer import FooterKey
from tui_support import ScriptedBackend, make_services, notes_of, settle

from afterword.dictionary import list_words
from afterword.models import Issue
from afterword.tui.app import AfterwordApp
from afterword.tui.screens.draft import DraftScreen
from afterword.tui.state import UIState
from afterword.tui.widgets.editor import DraftEditor
from afterword.tui.widgets.issues import IssuePanel
from afterword.tui.widgets.wrapline import WrapLine

SIZE = (120, 36)
LETTER = (
    "Subject: Thank you for the converstion and you're time\n\n"
    "Dear {name},\n\n"
    "Thank you for talking with me about the Senior Data Engineer role at Northwind Health. "
    "I enjoyed the blorptastic discussion about streaming.\n\n"
    "I would welcome the chance to help the team.\n\n"
    "Thank you again,\nMaya Chen\n"
)


async def _drafted(home: Path, pilot: Pilot[None]) -> DraftScreen:
    app = pilot.app
    await settle(app, pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, DraftScreen)
    screen.query_one("#recipient", Select).value = "Priya Raman"
    screen.query_one("#backend", Select).value = "scripted"
    await pilot.press("ctrl+g")
    await settle(app, pilot)  # type: ignore[arg-type]
    return screen


def _app(home: Path) -> AfterwordApp:
    services = make_services(home, scripted=ScriptedBackend(LETTER), backend="offline")
    return AfterwordApp(services, notes=notes_of("en_thank_you.json"), state=UIState(home / "ui.json"))


async def _visit(pilot: Pilot[None], panel: IssuePanel, wanted: str) -> Issue:
    """F2 until the selected issue's message has `wanted` in it."""
    for _ in range(len(panel.issues) + 1):
        await pilot.press("f2")
        if panel.current is not None and wanted in panel.current.message:
            return panel.current
    raise AssertionError(f"no issue about {wanted!r}: {[i.message for i in panel.issues]}")


def _underlined(editor: DraftEditor) -> set[str]:
    """The words drawn underlined in the body."""
    out = set()
    for row in range(editor.document.line_count):
        line = editor.get_line(row)
        for span in line.spans:
            if isinstance(span.style, Style) and span.style.underline:
                out.add(line.plain[span.start : span.end])
    return out


async def test_subject_issues_are_shown_jumped_to_and_fixed_in_the_subject(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _drafted(tmp_path, pilot)
        subject = screen.query_one("#subject", WrapLine)
        editor = screen.query_one(DraftEditor)
        body = editor.text
        panel = screen.query_one(IssuePanel)
        assert {i.field for i in panel.issues} == {None, "subject"}
        assert "converstion" not in _underlined(editor) and "blorptastic" in _underlined(editor)
        # the Subject's words are never underlined in the body at the subject's offsets
        assert all(w.strip() for w in _underlined(editor))

        issue = await _visit(pilot, panel, "converstion")
        assert issue.field == "subject"
        assert app.focused is subject and subject.selected_text == "converstion"
        assert "Subject: " in str(panel.query_one("#issue-list").get_option_at_index(
            panel.issues.index(issue)).prompt)

        await pilot.press("f3")
        assert subject.value == "Thank you for the conversation and you're time"
        assert editor.text == body
        still = [i for i in screen.current_draft().checks if i.field == "subject"]  # type: ignore[union-attr]
        assert [(subject.value[i.offset : i.offset + i.length]) for i in still] == ["you're"]
        assert not [n for _s, t, n in app.notices if "changed under this issue" in n]
        await settle(app, pilot)

        await pilot.press("f4")  # every fixable issue, in the subject and in the body
        await settle(app, pilot)
        assert subject.value == "Thank you for the conversation and your time"
        assert "blorptastic" not in editor.text and "discussion about streaming" in editor.text
        assert not [i for i in panel.issues if i.field == "subject" and i.replacements]


async def test_add_word_is_offered_on_a_spelling_issue_and_the_issue_goes(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _drafted(tmp_path, pilot)
        panel = screen.query_one(IssuePanel)

        def footer() -> list[str]:
            return [k.description for k in screen.query(FooterKey)]

        await _visit(pilot, panel, "paragraph")  # a guidance issue: nothing to add
        await pilot.pause()
        assert "Add word" not in footer()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"add word")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette) and list_words() == []  # nothing matched
        await pilot.press("escape")
        await pilot.pause()

        issue = await _visit(pilot, panel, "blorptastic")
        assert issue.source == "spelling"
        await pilot.pause()
        assert "Add word" in footer()
        assert "f8 adds the word to your dictionary" in str(panel.query_one("#issue-detail").render())
        await pilot.press("f8")
        await settle(app, pilot)
        assert list_words() == ["blorptastic"]
        assert not [i for i in panel.issues if "blorptastic" in i.message]
        assert "blorptastic" not in _underlined(screen.query_one(DraftEditor))

        await _visit(pilot, panel, "converstion")  # the palette offers it on a spelling issue too
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"add word")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await settle(app, pilot)
        assert list_words() == ["blorptastic", "converstion"]
        assert not [i for i in panel.issues if "converstion" in i.message]
