"""The issue list: by severity, each with its message, the GUIDANCE line it cites and suggestions."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from afterword.guidance import explain
from afterword.models import Issue
from afterword.tui.safe import plain

ORDER = {"error": 0, "warning": 1, "info": 2}
MARK = {"error": ("✗", "bold red"), "warning": ("!", "yellow"), "info": ("i", "cyan")}


def by_severity(issues: list[Issue]) -> list[Issue]:
    """Errors first, then warnings, then notes; in text order within each (the subject first)."""
    return sorted(issues, key=lambda i: (ORDER.get(i.severity, 3), i.field is None, i.offset))


def learnable(issue: Issue) -> bool:
    """A spelling issue on a word: one the user dictionary can learn (English drafts)."""
    return issue.source == "spelling" and issue.length > 0


def describe(issue: Issue, words: bool = False) -> Text:
    """The detail for one issue (its message is the list line above): the rule by name, the
    suggestions; `words` when the draft's checker reads the user dictionary."""
    text = Text()
    mark, style = MARK.get(issue.severity, ("·", ""))
    text.append(f"{mark} {issue.severity}", style=style)
    found = explain(issue.rule, issue.source, issue.message)
    text.append(" · rule: ", style="bold")
    text.append_text(plain(found.rule.name if found.rule else "afterword's own check", "italic"))
    text.append(" — f5 explains", style="dim")
    if issue.replacements:
        text.append("\nSuggestions: ", style="bold")
        choices = " · ".join(f"{n}) {r or '(remove)'}" for n, r in enumerate(issue.replacements, 1))
        text.append_text(plain(choices))
        text.append("\nf3 applies the first, f4 applies all fixable issues", style="dim")
    if words and learnable(issue):
        text.append("\nf8 adds the word to your dictionary", style="dim")
    return text


class IssuePanel(Vertical):
    """Checks summary, the issue list and the highlighted issue's details."""

    @dataclass
    class Chosen(Message):
        """An issue was picked (Enter): jump to it."""

        issue: Issue

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.issues: list[Issue] = []
        self.words = False
        """The draft is English: its spelling issues can go to the user dictionary."""

    def compose(self) -> ComposeResult:
        yield Static("Checks: none yet", id="checks-summary")
        yield OptionList(id="issue-list")
        yield Static("", id="issue-detail")

    @property
    def current(self) -> Issue | None:
        """The highlighted issue, if any."""
        index = self.query_one(OptionList).highlighted
        return self.issues[index] if index is not None and index < len(self.issues) else None

    def show(self, issues: list[Issue], checker: str | None, words: bool = False) -> None:
        """Replace the list (keeps the highlight position when it can); `words`: see `words`."""
        self.words = words
        options = self.query_one(OptionList)
        keep = options.highlighted
        self.issues = by_severity(issues)
        counts = {s: sum(i.severity == s for i in self.issues) for s in ORDER}
        summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
        ran = f" · grammar: {checker}" if checker else ""
        self.query_one("#checks-summary", Static).update(plain(f"Checks: {summary}{ran}"))
        options.clear_options()
        options.add_options(
            [Option(self._line(issue), id=str(n)) for n, issue in enumerate(self.issues)]
        )
        if self.issues:
            options.highlighted = min(keep or 0, len(self.issues) - 1)
        self._detail()
        self.screen.refresh_bindings()

    def step(self, delta: int = 1) -> Issue | None:
        """Highlight the next (or previous) issue and return it."""
        if not self.issues:
            return None
        options = self.query_one(OptionList)
        index = options.highlighted
        options.highlighted = 0 if index is None else (index + delta) % len(self.issues)
        return self.current

    @staticmethod
    def _line(issue: Issue) -> Text:
        mark, style = MARK.get(issue.severity, ("·", ""))
        line = Text(f"{mark} ", style=style)
        if issue.field is not None:  # the subject line's issues say so
            line.append(f"{issue.field.capitalize()}: ", style="bold")
        line.append_text(plain(issue.message))
        return line

    def _detail(self) -> None:
        issue = self.current
        detail = self.query_one("#issue-detail", Static)
        detail.update(describe(issue, self.words) if issue else plain("No issues."))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._detail()
        self.screen.refresh_bindings()  # some keys apply to some issues only ("Add word")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        issue = self.current
        if issue is not None:
            self.post_message(self.Chosen(issue))
