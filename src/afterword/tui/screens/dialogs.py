"""Small modal dialogs: a path, a choice between a few answers, a reply or outcome."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from afterword.tui.safe import plain


class PathDialog(ModalScreen[str | None]):
    """Ask for a file path; Enter accepts, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog_cancel")]

    def __init__(self, prompt: str, default: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.prompt))
            yield Input(value=self.default, id="path")
            yield Static("Enter to confirm · Esc to cancel", classes="dim")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """A question with a few answers, each a button with its own key; Esc answers None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice_cancel"),
        Binding("up", "scroll(-1)", "Scroll up", show=False),
        Binding("down", "scroll(1)", "Scroll down", show=False),
        Binding("pageup", "scroll(-10)", "Page up", show=False),
        Binding("pagedown", "scroll(10)", "Page down", show=False),
    ]

    def __init__(self, title: str, body: Text | str, choices: list[tuple[str, str, str]],
                 long: bool = False) -> None:
        """`choices`: (answer, key, label) — the key answers it too, e.g. ("replace", "r", "Replace");
        `long`: the body may need scrolling (say so)."""
        super().__init__()
        self.heading = title
        self.body = body
        self.choices = choices
        self.long = long

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.heading, "bold"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(self.body if isinstance(self.body, Text) else plain(self.body))
            with Horizontal(classes="dialog-buttons"):
                for n, (answer, key, label) in enumerate(self.choices):
                    yield Button(f"{label} ({key})", id=f"choice-{answer}", compact=True,
                                 variant="primary" if n == 0 else "default")
            hint = "Esc cancels" + (" · the text above scrolls: ↑↓, PgUp/PgDn, wheel" if self.long else "")
            yield Static(hint, classes="dim")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_key(self, event: events.Key) -> None:
        for answer, key, _label in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(answer)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id).removeprefix("choice-"))

    def action_scroll(self, lines: int) -> None:
        """Scroll the text (the buttons keep the focus)."""
        self.query_one(".dialog-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)


OUTCOME_LABELS = {
    "replied": "They replied (no decision yet)",
    "next-round": "Invited to the next round",
    "rejected": "Rejected",
    "offer": "Offer",
    "withdrawn": "I withdrew",
}


class ReplyDialog(ModalScreen[tuple[str, dt.date, bool] | None]):
    """Record a reply or an outcome: which one, when, and (for a rejection) whether they were warm."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="reply_cancel")]

    def __init__(self, company: str, today: dt.date) -> None:
        super().__init__()
        self.company = company
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain(f"What did {self.company} say?", "bold"), classes="dialog-title")
            yield OptionList(*[Option(label, id=key) for key, label in OUTCOME_LABELS.items()],
                             id="outcome")
            yield Label("When (YYYY-MM-DD)")
            yield Input(self.today.isoformat(), id="reply-date", compact=True)
            yield Checkbox("They were warm about me", id="reply-warm", compact=True)
            yield Static("A warm rejection gets a short thank-you reply (C10).", classes="dim")
            yield Static("", id="reply-problem", classes="field-problem")
            yield Static("Enter on an answer records it · Esc cancels", classes="dim")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        text = self.query_one("#reply-date", Input).value.strip()
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            self.query_one("#reply-problem", Static).update(
                plain(f"“{text}” is not a date — write it as YYYY-MM-DD, e.g. {self.today.isoformat()}."))
            self.query_one("#reply-date", Input).focus()
            return
        self.dismiss((str(event.option.id), day, self.query_one("#reply-warm", Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
