"""Pilot tests of the dashboard (per-person states, reply, undo, archive, delete), the notes form
(rows, focus, plain-word problems once touched) and the app's conventions (palette, keys, themes)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rich.color import ColorSystem
from textual.command import CommandPalette
from textual.widgets import Button, DataTable, OptionList, Select, TextArea
from tui_support import TODAY, make_services, notes_of, settle

from afterword.planner import next_step
from afterword.store import Store
from afterword.tui.app import AfterwordApp
from afterword.tui.desk import SCENARIO_LABELS
from afterword.tui.screens.dashboard import DashboardScreen
from afterword.tui.screens.dialogs import ChoiceDialog, ReplyDialog
from afterword.tui.screens.draft import DraftScreen
from afterword.tui.screens.help import HelpScreen
from afterword.tui.screens.notes import NotesScreen, widget_id
from afterword.tui.state import UIState
from afterword.tui.widgets.rows import RowList
from afterword.tui.widgets.wrapline import WrapLine

SIZE = (100, 32)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path))
    return tmp_path


def _seed(home: Path, *samples: str) -> Store:
    store = Store(home / "afterword.json")
    for sample in samples or ("en_thank_you.json", "en_status_check.json"):
        store.upsert_application(notes_of(sample))
    return store


def _dashboard(home: Path, today: dt.date = TODAY) -> AfterwordApp:
    services = make_services(home, backend="offline")
    services.today = lambda: today
    return AfterwordApp(services, state=UIState(home / "ui.json"))


def _row(screen: DashboardScreen, company: str) -> int:
    return next(n for n, r in enumerate(screen.rows) if r.company == company)


async def test_dashboard_shows_each_persons_state_and_overdue(home: Path) -> None:
    store = _seed(home)
    app_id = store.find_application(notes_of("en_thank_you.json"))
    assert app_id is not None
    store.record_sent(app_id, "thank-you", TODAY, to="Priya Raman")
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        north = screen.rows[_row(screen, "Northwind Health")]
        assert north.next_step == "thank-you: Priya ✓ · Tom due today"
        lumen = screen.rows[_row(screen, "Lumen Robotics")]
        assert lumen.overdue and "overdue" in lumen.next_step
        assert "1 overdue" in str(screen.query_one("#dash-summary").render())
        cells = screen.query_one(DataTable).get_row_at(_row(screen, "Lumen Robotics"))
        assert str(cells[2]).endswith("overdue")
        screen.query_one(DataTable).move_cursor(row=_row(screen, "Northwind Health"))
        await pilot.press("enter")
        await settle(app, pilot)
        draft = app.screen
        assert isinstance(draft, DraftScreen)
        # the draft screen asks the same next step: Tom's thank-you
        assert draft.query_one("#scenario", Select).value == "thank-you"
        assert draft.query_one("#recipient", Select).value == "Tom Okafor"


async def test_opening_an_application_with_nothing_due_says_so_on_the_draft_screen(home: Path) -> None:
    store = _seed(home, "en_thank_you.json")
    app_id = store.find_application(notes_of("en_thank_you.json"))
    assert app_id is not None
    store.record_sent(app_id, "thank-you", TODAY)
    store.record_reply(app_id, "replied", TODAY)
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        draft = app.screen
        assert isinstance(draft, DraftScreen)
        text = draft.query_one("#body", TextArea).text
        assert text.startswith("Nothing is due now: They replied on 2026-11-21")
        picked = draft.query_one("#scenario", Select).value
        assert f"{SCENARIO_LABELS[str(picked)]} is picked; ctrl+g drafts it anyway" in text


async def test_reply_undo_archive_and_delete_from_the_dashboard(home: Path) -> None:
    store = _seed(home)
    app_id = store.find_application(notes_of("en_thank_you.json"))
    assert app_id is not None
    store.record_sent(app_id, "thank-you", TODAY)
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        table = screen.query_one(DataTable)
        table.move_cursor(row=_row(screen, "Northwind Health"))

        # undo the send: both thank-yous (recorded together) are due again
        await pilot.press("u")
        await settle(app, pilot)
        assert [e for e in store.get_application(app_id).events if e.kind == "sent"] == []
        assert screen.rows[_row(screen, "Northwind Health")].next_step == \
            "thank-you: Priya due today · Tom due today"

        # record a reply: next round
        table.move_cursor(row=_row(screen, "Northwind Health"))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyDialog)
        options = app.screen.query_one(OptionList)
        options.highlighted = [o.id for o in options._options].index("next-round")
        await pilot.press("enter")
        await settle(app, pilot)
        application = store.get_application(app_id)
        assert application.status == "next-round"
        assert next_step(application, TODAY, 7).action == "thank-you"  # unsent thanks stay due
        assert screen.rows[_row(screen, "Northwind Health")].status == "next-round"

        # archive: gone from the list; v shows it again; a brings it back
        table.move_cursor(row=_row(screen, "Northwind Health"))
        await pilot.press("a")
        await settle(app, pilot)
        assert "Northwind Health" not in [r.company for r in screen.rows]
        await pilot.press("v")
        await settle(app, pilot)
        assert screen.rows[_row(screen, "Northwind Health")].archived
        table.move_cursor(row=_row(screen, "Northwind Health"))
        await pilot.press("a")
        await settle(app, pilot)
        assert store.get_application(app_id).archived is None

        # delete asks first; Esc keeps it, y deletes it
        table.move_cursor(row=_row(screen, "Northwind Health"))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Northwind Health" in [r.company for r in screen.rows]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert "Northwind Health" not in [r.company for r in screen.rows]
        assert [a.company for a in store.applications(include_archived=True)] == ["Lumen Robotics"]


async def test_undo_takes_back_the_last_reply_then_the_last_send_and_the_row_shows_it(home: Path) -> None:
    store = _seed(home, "en_thank_you.json")
    app_id = store.find_application(notes_of("en_thank_you.json"))
    assert app_id is not None
    store.record_sent(app_id, "thank-you", TODAY, to="Priya Raman")
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        table = screen.query_one(DataTable)

        def shown() -> str:
            return " ".join(str(cell) for cell in table.get_row_at(0))

        # a stray Enter in the reply dialog records nothing; ↓ then Enter records the first answer
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplyDialog) and store.get_application(app_id).status == "active"
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert store.get_application(app_id).status == "replied"
        assert "replied" in shown() and "Tom due today" in shown()  # Tom's thanks stay due

        # u undoes the reply (the last thing recorded), and the row says so
        await pilot.press("u")
        await settle(app, pilot)
        assert store.get_application(app_id).status == "active"
        assert "replied" not in shown() and "Priya ✓ · Tom due today" in shown()
        assert any("Undid the reply" in message for _s, _t, message in app.notices)
        # then the send before it
        await pilot.press("u")
        await settle(app, pilot)
        assert "Priya due today · Tom due today" in shown()
        # nothing left: a quiet notice, no error, no command-line advice
        await pilot.press("u")
        await settle(app, pilot)
        severity, _title, message = app.notices[-1]
        assert severity == "information" and message.startswith("Nothing to undo")
        assert not [n for n in app.notices if n[0] == "error"]
        assert "afterword" not in message


async def test_an_error_in_the_app_gives_no_command_line_advice(home: Path) -> None:
    store = _seed(home, "en_thank_you.json")
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store.delete("1")  # gone meanwhile (another window, the CLI)
        await pilot.press("u")
        await settle(app, pilot)
        severity, _title, message = app.notices[-1]
        assert severity == "error" and "no application with id '1'" in message
        assert "afterword apps" not in message


async def test_palette_finds_reply_and_undo(home: Path) -> None:
    store = _seed(home, "en_thank_you.json")
    app_id = store.find_application(notes_of("en_thank_you.json"))
    assert app_id is not None
    store.record_sent(app_id, "thank-you", TODAY, to="Tom Okafor")
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"undo")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await settle(app, pilot)
        assert [e for e in store.get_application(app_id).events if e.kind == "sent"] == []
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"outcome")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplyDialog)


async def test_new_notes_form_focuses_the_first_field_and_rows_need_no_syntax(home: Path) -> None:
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert screen.focused is screen.query_one(f"#{widget_id('company.name')}")
        await pilot.press(*"Acme Corp")
        await pilot.pause(0.5)
        await settle(app, pilot)
        # nothing left yet says "needed"
        assert not [lb for lb in screen.query(".field-label") if "needed" in str(lb.render())]
        await pilot.press("tab")  # Position: leave it empty; its message appears once left
        await pilot.press("tab")
        await settle(app, pilot)
        problem = str(screen.query_one(f"#e-{widget_id('position')}").render())
        assert problem == "Position\nPosition is needed — the role you talked about."
        assert str(screen.query_one(f"#e-{widget_id('sender.name')}").render()) == "Your name"

        screen.query_one(f"#{widget_id('position')}", WrapLine).value = "Data Engineer"
        screen.query_one(f"#{widget_id('sender.name')}", WrapLine).value = "Maya Chen"
        # an interviewer and a news item as rows with their own fields
        screen.query_one("#add-interviewers", Button).press()  # below the fold: as Enter on it would
        await settle(app, pilot)
        interviewers = screen.query_one("#rows-interviewers", RowList)
        assert screen.focused is screen.query_one(f"#{interviewers.wid(0, 'name')}")
        await pilot.press(*"Priya Raman")
        screen.query_one(f"#{interviewers.wid(0, 'greet_as')}", WrapLine).value = "Priya"
        screen.query_one("#add-company-news", Button).press()
        await settle(app, pilot)
        news = screen.query_one("#rows-company-news", RowList)
        news_text = screen.query_one(f"#{news.wid(0, 'text')}", WrapLine)
        news_text.value = "Acme faces a lawsuit over a data breach"
        await pilot.pause(1.2)
        await settle(app, pilot)
        warning = str(screen.query_one(f"#{news.wid(0, 'problem')}").render())
        assert warning.startswith("Negative news (lawsuit)")  # the input lint in its row, as it is typed
        scratch = json.loads((home / "notes-autosave.json").read_text(encoding="utf-8"))
        assert scratch["interviewers"] == [{"name": "Priya Raman", "greet_as": "Priya"}]

        await pilot.press("ctrl+g")
        await settle(app, pilot)
        assert isinstance(app.screen, DraftScreen)
        notes = app.screen.notes
        assert notes.company.name == "Acme Corp" and notes.interviewers[0].greet_as == "Priya"
        assert [a.company for a in Store(home / "afterword.json").applications()] == ["Acme Corp"]


async def test_an_added_row_shows_whole_and_the_add_one_message_goes(home: Path) -> None:
    app = _dashboard(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        for key, value in (("company.name", "Acme"), ("position", "Data Engineer"), ("sender.name", "Maya")):
            screen.query_one(f"#{widget_id(key)}", WrapLine).value = value
        await pilot.pause(0.5)
        await settle(app, pilot)
        screen.query_one("#add-interviewers", Button).press()
        await pilot.pause(0.5)
        await settle(app, pilot)
        interviewers = screen.query_one("#rows-interviewers", RowList)
        assert screen.focused is screen.query_one(f"#{interviewers.wid(0, 'name')}")
        # the new row, Email and Greet as included, is on screen; no "add at least one" under it
        assert str(screen.query_one(f"#{interviewers.problem_id()}").render()) == ""
        row = interviewers.query(".row")[0]
        assert screen.query_one("#form").content_region.contains_region(row.region)
        await pilot.press(*"Priya")
        await pilot.pause(0.5)
        await settle(app, pilot)
        assert str(screen.query_one(f"#{interviewers.problem_id()}").render()) == ""


async def test_draft_with_these_shows_every_problem_beside_its_field(home: Path) -> None:
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        assert isinstance(app.screen, NotesScreen)
        for key in ("company.name", "position", "sender.name"):
            text = str(screen.query_one(f"#e-{widget_id(key)}").render())
            assert text.endswith(" is needed — " + {"company.name": "the note names the company.",
                                                   "position": "the role you talked about.",
                                                   "sender.name": "you sign the note with it."}[key])
        assert all("Value error" not in m and "[{" not in m for _s, _t, m in app.notices)


async def test_notes_screen_shows_the_stores_sends_and_the_same_next_step(home: Path) -> None:
    store = _seed(home, "en_thank_you.json")
    app_id = store.find_application(notes_of("en_thank_you.json"))
    assert app_id is not None
    store.record_sent(app_id, "thank-you", TODAY, to="Priya Raman")
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        progress = str(screen.query_one("#progress").render())
        assert "Recorded: thank-you to Priya Raman on 2026-11-21" in progress
        assert "Next: thank-you: Priya ✓ · Tom due today" in progress


async def test_focus_ring_shows_in_every_theme_at_256_colours(home: Path) -> None:
    app = _dashboard(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        screen = app.screen
        field = screen.query_one(f"#{widget_id('company.name')}", WrapLine)
        other = screen.query_one(f"#{widget_id('position')}", WrapLine)

        def edge(widget: WrapLine) -> tuple[object, ...]:
            cell = next(iter(widget.render_line(0)))  # the left edge cell
            style = cell.style
            assert style is not None
            down = [c.downgrade(ColorSystem.EIGHT_BIT) if c else None for c in (style.color, style.bgcolor)]
            return (cell.text, *down)

        for theme in sorted(app.available_themes):
            app.theme = theme
            field.focus()
            await pilot.pause()
            assert edge(field) != edge(other), theme


async def test_user_keymap_remaps_generate(home: Path) -> None:
    services = make_services(home, backend="offline")
    services.settings.ui.keymap = {"generate": "f9"}
    app = AfterwordApp(services, notes=notes_of("en_rejection.json"), state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        await pilot.press("f9")
        await settle(app, pilot)
        assert screen.desk.slots and screen.desk.slots[0].draft is not None
        assert screen.desk.slots[0].draft.scenario == "rejection-reply"


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


async def test_f1_explains_the_flow_lists_keys_and_says_it_scrolls(home: Path) -> None:
    app = AfterwordApp(make_services(home, backend="offline"), notes=notes_of("en_thank_you.json"),
                       state=UIState(home / "ui.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "scrolls" in str(app.screen.query_one(".dim").render())
        text = app.screen._keys()
        for words in ("Generate", "Tones", "Approve", "Versions", "Person", "Why?"):
            assert words in text
        scroller = app.screen.query_one("#help")
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroller.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)


async def test_footer_keys_fit_at_80_columns_in_priority_order(home: Path) -> None:
    from textual.widgets._footer import FooterKey

    app = AfterwordApp(make_services(home, backend="offline"), notes=notes_of("en_thank_you.json"),
                       state=UIState(home / "ui.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        keys = [k for k in app.screen.query(FooterKey)]
        shown = [k.description for k in keys]
        assert shown[:5] == ["Generate", "Approve", "Issue", "Fix", "Person"]
        assert "Help" in shown and shown[-1] == "all keys"
        assert sum(k.outer_size.width for k in keys) <= 80


async def test_dates_on_the_dashboard_follow_today(home: Path) -> None:
    _seed(home, "en_thank_you.json")
    app = _dashboard(home, TODAY + dt.timedelta(days=3))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        row = app.screen.rows[0]  # type: ignore[attr-defined]
        assert row.overdue and row.next_step == "thank-you: Priya 3 days overdue · Tom 3 days overdue"

