"""The draft body editor: a TextArea that underlines the spans checks flagged."""

from __future__ import annotations

from collections import defaultdict

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea
from textual.widgets.text_area import Document, Selection

from afterword.models import Issue

SEVERITY_STYLES = {
    "error": Style(underline=True, color="red", bold=True),
    "warning": Style(underline=True, color="yellow"),
    "info": Style(underline=True, color="cyan"),
}


def select_span(area: TextArea, offset: int, length: int) -> None:
    """Select `length` characters of `area`'s text from `offset` and scroll them into view."""
    document = area.document
    assert isinstance(document, Document)
    size = len(area.text)
    start = document.get_location_from_index(min(offset, size))
    end = document.get_location_from_index(min(offset + length, size))
    area.selection = Selection(start, end)
    area.scroll_cursor_visible()


class DraftEditor(TextArea):
    """Editable draft body; Enter inserts a newline (IME-safe), issues are underlined in place."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)  # type: ignore[arg-type]
        self._spans: dict[int, list[tuple[int, int, Style]]] = {}

    def show_issues(self, issues: list[Issue]) -> None:
        """Underline each body issue's span (the subject's issues index the subject: not here)."""
        spans: dict[int, list[tuple[int, int, Style]]] = defaultdict(list)
        size = len(self.text)
        order = {"info": 0, "warning": 1, "error": 2}
        for issue in sorted(issues, key=lambda i: order.get(i.severity, 0)):
            if issue.field is not None or issue.length <= 0 or issue.offset + issue.length > size:
                continue
            (r1, c1) = self._location(issue.offset)
            (r2, c2) = self._location(issue.offset + issue.length)
            style = SEVERITY_STYLES.get(issue.severity, SEVERITY_STYLES["info"])
            for row in range(r1, r2 + 1):
                start = c1 if row == r1 else 0
                end = c2 if row == r2 else len(self.document.get_line(row))
                if end > start:
                    spans[row].append((start, end, style))
        self._spans = dict(spans)
        self._line_cache.clear()
        self.refresh()

    def _location(self, index: int) -> tuple[int, int]:
        document = self.document
        assert isinstance(document, Document)
        return document.get_location_from_index(index)

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, style in self._spans.get(line_index, ()):
            line.stylize(style, start, end)
        return line
