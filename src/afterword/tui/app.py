"""The Textual app: receives settings and services from the entry point; builds nothing at import."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel

from afterword.errors import AfterwordError
from afterword.tui.commands import ActionsProvider
from afterword.tui.messages import NoticePosted
from afterword.tui.safe import error_text, safe
from afterword.tui.state import UIState
from afterword.tui.tasks import Serial

if TYPE_CHECKING:
    from textual.theme import Theme

    from afterword.models import Notes
    from afterword.tui.services import Services


class AfterwordApp(App[None]):
    """Dashboard first; `open NOTES` goes straight to drafting with those notes."""

    CSS_PATH = "tui.tcss"
    TITLE = "afterword"
    COMMANDS: ClassVar = App.COMMANDS | {ActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="help", tooltip="How afterword works, and every key"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, tooltip="Leave afterword"),
    ]

    def __init__(self, services: Services, *, notes: Notes | None = None,
                 state: UIState | None = None) -> None:
        from afterword.tui.kinsoku import install

        super().__init__()
        install()
        self.services = services
        self.initial_notes = notes
        self.state = state or UIState()
        self.store_tasks = Serial(self)
        self.notices: list[tuple[str, str, str]] = []
        """Every notice shown this run: (severity, title, message)."""
        self.set_keymap(services.settings.ui.keymap)

    def on_mount(self) -> None:
        from afterword.tui.screens.dashboard import DashboardScreen

        remembered = self.state.load().get("theme") or self.services.settings.ui.theme
        if remembered in self.available_themes:
            self.theme = remembered
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(DashboardScreen(self.services, covered=self.initial_notes is not None))
        if self.initial_notes is not None:
            self.run_worker(self._open_initial, thread=True, group="open", exit_on_error=False)

    # notices ----------------------------------------------------------------------------------

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Show a notice in the current screen's notice area (thread-safe). Text is drawn as
        typed — never read as markup — with escape sequences made visible."""
        self.post_message(NoticePosted(safe(message), safe(title), severity, timeout))

    def on_notice_posted(self, event: NoticePosted) -> None:
        from afterword.tui.widgets.notices import NoticeArea

        self.notices.append((event.severity, event.title, event.message))
        areas = self.screen.query(NoticeArea)
        if areas:
            areas.first().add(event.title, event.message, event.severity, event.timeout)
        else:  # a dialog on top: a toast, as plain text
            super().notify(event.message, title=event.title, severity=event.severity,  # type: ignore[arg-type]
                           timeout=event.timeout, markup=False)

    # opening notes from the command line ------------------------------------------------------

    def _open_initial(self) -> None:
        """Track the notes given on the command line, then show the draft screen."""
        notes = self.initial_notes
        assert notes is not None
        app_id: str | None = None
        try:
            store = self.services.store
            app_id = store.upsert_application(notes)
            if store.get_application(app_id).saved_notes is not None:
                self.notify("Edits you typed earlier that differ from this file are kept; ctrl+n "
                            "shows the notes you typed.", title="Earlier edits kept", timeout=12)
        except Exception as exc:  # shown, never swallowed
            self.notify(f"{error_text(exc)} — drafting without tracking", title="Store unavailable",
                        severity="error")
        self.call_from_thread(self._show_draft, app_id, notes)

    def _show_draft(self, app_id: str | None, notes: Notes) -> None:
        from afterword.tui.screens.draft import DraftScreen

        self.push_screen(DraftScreen(self.services, notes, app_id))
        self.call_after_refresh(self.run_worker, self._warm, thread=True, group="warm",
                                exit_on_error=False)

    def _warm(self) -> None:
        """Build the grammar checker in the background so the first check does not wait."""
        notes = self.initial_notes
        if notes is not None:
            try:
                self.services.checker(notes.language)
            except AfterwordError as exc:
                self.notify(str(exc), title="Grammar checker", severity="warning")

    def _remember_theme(self, theme: Theme) -> None:
        try:
            self.state.save(theme=theme.name)
        except AfterwordError as exc:
            self.notify(str(exc), title="Theme not remembered", severity="warning")

    async def action_quit(self) -> None:
        """Leave — after every edit on a draft screen is kept as a version in the store."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_edits", None)
            if callable(keep):
                keep()
        await self.workers.wait_for_complete([w for w in self.workers if w.group == "store"])
        self.exit()

    def action_help(self) -> None:
        """Show how afterword works and the keys of this screen."""
        from afterword.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))
