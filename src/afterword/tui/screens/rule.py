"""An issue's rule in plain words: what it asks, why, and the article it comes from."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from afterword.guidance import Explanation, explain
from afterword.models import Issue
from afterword.tui.safe import plain


def rule_text(issue: Issue) -> Text:
    """The explanation of one issue, ready to draw."""
    found: Explanation = explain(issue.rule, issue.source, issue.message)
    text = Text()
    name = found.rule.name if found.rule else "afterword's own check"
    text.append_text(plain(name, "bold"))
    text.append("\n\n")
    text.append_text(plain(issue.message, "italic"))
    text.append("\n\nWhat it asks  ", style="bold")
    text.append_text(plain(found.what))
    text.append("\nWhy           ", style="bold")
    text.append_text(plain(found.why))
    if found.articles:
        text.append("\nFrom          ", style="bold")
        for n, article in enumerate(found.articles):
            text.append("\n              " if n else "")
            text.append_text(plain(f"「{article.title}」 — {article.english}"))
    else:
        text.append("\nFrom          ", style="bold")
        text.append("afterword's own checks (not from the articles)")
    return text


class RuleScreen(ModalScreen[None]):
    """Shows `rule_text` for an issue; Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f5,q", "close", "Close", id="rule_close")]

    def __init__(self, issue: Issue) -> None:
        super().__init__()
        self.issue = issue

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="rule"):
            yield Static(rule_text(self.issue))
            yield Static("Esc closes · the rules live in src/afterword/guidance.toml", classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)
