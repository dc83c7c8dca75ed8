"""A small choice field that cycles through its options (Enter, space, ←/→ or a click): the
form's rows use it where a drop-down would cost a dozen widgets per row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from afterword.tui.safe import plain

Options = tuple[tuple[str, str], ...]


class CycleField(Static, can_focus=True):
    """`◂ label ▸`; its `value` is the option's value."""

    DEFAULT_CSS = """
    CycleField { height: 1; background: $boost; padding: 0 1; }
    CycleField:focus { background: $accent 30%; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space,right", "step(1)", "Next choice", show=False),
        Binding("left", "step(-1)", "Previous choice", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The choice changed."""

        cycle: CycleField
        value: str

    def __init__(self, options: Options, value: str = "", *, tooltip: str = "", **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.tooltip = tooltip or None
        self.options = options
        self.value = value if value in {v for _label, v in options} else options[0][1]

    def render(self) -> Text:
        label = next((label for label, v in self.options if v == self.value), self.value)
        text = Text("◂ ", style="dim")
        text.append_text(plain(label))
        text.append(" ▸", style="dim")
        return text

    def action_step(self, delta: int) -> None:
        """Move to the next (or previous) choice."""
        values = [v for _label, v in self.options]
        self.value = values[(values.index(self.value) + delta) % len(values)]
        self.refresh()
        self.post_message(self.Changed(self, self.value))

    def on_click(self) -> None:
        self.action_step(1)

    def set_options(self, options: Options) -> None:
        """New choices (keeps the value when it is still one of them)."""
        self.options = options
        if self.value not in {v for _label, v in options}:
            self.value = options[0][1]
        self.refresh()
