"""The drafting desk's tabs: one per draft slot, F6 / shift+F6 between people, the slot on show
in the editor. Mixed into `DraftScreen`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.widgets import Tab, Tabs

from afterword.tui.safe import plain
from afterword.tui.widgets.editor import DraftEditor
from afterword.tui.widgets.wrapline import WrapLine

if TYPE_CHECKING:
    from afterword.tui.desk import Desk
    from afterword.tui.streaming import StreamBuffer


class DeskTabs:
    """Tabs over `desk.slots`; `sent` marks the people already sent to."""

    desk: Desk
    sent: set[tuple[str, str]]
    stream: StreamBuffer
    _tabs_made: int
    query_one: Any
    notify: Any
    keep_edits: Any
    show_checks: Any

    def tab_id(self, index: int) -> str:
        """Tab ids are unique per rebuild (old tabs are removed asynchronously)."""
        return f"t{self._tabs_made}-{index}"

    def rebuild_tabs(self, show: int) -> None:
        """One tab per slot; show slot `show`."""
        self._tabs_made += 1
        tabs = self.query_one(Tabs)
        tabs.clear()
        for n, label in enumerate(self.desk.labels(self.sent)):
            tabs.add_tab(Tab(plain(label), id=self.tab_id(n)))
        tabs.active = self.tab_id(show)
        self.load(show)

    def label_tabs(self) -> None:
        tabs = self.query_one(Tabs)
        for n, label in enumerate(self.desk.labels(self.sent)):
            tab = tabs.get_tab(self.tab_id(n))
            if tab is not None:
                tab.label = plain(label)

    @on(Tabs.TabActivated, "#draft-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab.id != self.query_one(Tabs).active or not event.tab.id:
            return  # a stale activation: the tab changed again since
        gen, index = event.tab.id[1:].split("-")
        if int(gen) == self._tabs_made and int(index) != self.desk.current:
            self.keep_edits()
            self.load(int(index))

    def action_next_person(self, step: int = 1) -> None:
        """Show the next (or previous) draft on the desk."""
        if len(self.desk.slots) < 2:
            self.notify("Only one draft on show — choose “everyone” and ctrl+g for one each.")
            return
        index = (self.desk.current + step) % len(self.desk.slots)
        self.keep_edits()
        self.load(index)
        self.query_one(Tabs).active = self.tab_id(index)

    def action_previous_person(self) -> None:
        """Show the previous draft on the desk."""
        self.action_next_person(-1)

    def load(self, index: int) -> None:
        """Show slot `index` (its draft, or its stream so far) in the editor."""
        self.desk.current = index
        self.stream.drop()
        editor = self.query_one(DraftEditor)
        subject = self.query_one("#subject", WrapLine)
        slot = self.desk.slot
        draft = slot.draft if slot is not None else None
        if draft is None:
            editor.read_only = True
            subject.value = ""
            editor.text = slot.stream if slot is not None else ""
            self.show_checks([], None)
            return
        subject.value = draft.subject
        editor.text = draft.body
        editor.read_only = False
        self.show_checks(draft.checks, draft.checker)
