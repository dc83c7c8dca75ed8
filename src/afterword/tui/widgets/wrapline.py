"""A one-line text field that wraps instead of scrolling sideways, so nothing typed is hidden:
Enter moves on (an IME confirms its text before Enter reaches us), pasted newlines become spaces."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class WrapLine(TextArea):
    """One line of text, shown wrapped over as many rows as it needs (up to its max-height)."""

    DEFAULT_CSS = """
    WrapLine { height: auto; max-height: 4; }
    """

    def __init__(self, text: str = "", *, placeholder: str = "", **kwargs: object) -> None:
        super().__init__(text.replace("\n", " "), soft_wrap=True, tab_behavior="focus", compact=True,
                         placeholder=placeholder, highlight_cursor_line=False, **kwargs)  # type: ignore[arg-type]

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.text = text.replace("\n", " ")

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.screen.focus_next()
            return
        await super()._on_key(event)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if "\n" in self.text:
            self.text = self.text.replace("\n", " ")
            self.move_cursor(self.document.end)
