"""A list in the notes as editable rows: each row has fields of its own, and buttons to move it up
or down and remove it; a button adds a row. The screen owns the values (`notes_form`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Label, Static

from afterword.tui.notes_form import Part, Row, Rows
from afterword.tui.safe import plain, safe
from afterword.tui.widgets.cycle import CycleField, Options
from afterword.tui.widgets.wrapline import WrapLine


def slug(key: str) -> str:
    return key.replace(".", "-").replace("_", "-")


class RowList(Vertical):
    """The rows of one list (interviewers, topics, …)."""

    @dataclass
    class Edit(Message):
        """Add (index None), remove, or move a row (`to` is where it goes)."""

        rows: RowList
        op: str
        index: int | None = None
        to: int | None = None

    def __init__(self, spec: Rows, rows: list[Row], options: dict[str, Options] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(id=f"rows-{slug(spec.key)}", classes="row-list", **kwargs)
        self.spec = spec
        self.rows = [dict(r) for r in rows]
        self.options = options or {}

    def wid(self, index: int, part: str) -> str:
        return f"r-{slug(self.spec.key)}-{index}-{slug(part)}"

    def problem_id(self) -> str:
        return f"e-{slug(self.spec.key)}"

    def _problem_cell(self) -> str:
        """Where a row's problems go: beside its last field when two grid cells are left there
        (a news item's reason beside its “Use anyway” toggle), else a line of their own."""
        cells = sum(4 if p.wide else 2 for p in self.spec.parts) % 4
        return "-beside" if cells == 2 else "-line"

    def compose(self) -> ComposeResult:
        spec = self.spec
        yield Static(plain(spec.label, "bold"), classes="rows-heading")
        if spec.hint:
            yield Static(plain(spec.hint, "dim"), classes="rows-hint")
        for n, row in enumerate(self.rows):
            with Horizontal(classes="row"):
                yield Label(plain(f"{n + 1}."), classes="row-number")
                with Grid(classes="row-fields"):
                    for part in spec.parts:
                        yield Label(plain(part.label), classes="cell-label")
                        field = self._field(n, part, row.get(part.name, ""))
                        field.add_class("cell-field", "-wide" if part.wide else "-half")
                        yield field
                    yield Static("", id=self.wid(n, "problem"),
                                 classes=f"field-problem row-problem {self._problem_cell()}")
                with Horizontal(classes="row-buttons"):
                    yield Button("↑", id=self.wid(n, "up"), compact=True, tooltip="Move up")
                    yield Button("↓", id=self.wid(n, "down"), compact=True, tooltip="Move down")
                    yield Button("✕", id=self.wid(n, "remove"), compact=True, tooltip="Remove")
        yield Static("", id=self.problem_id(), classes="field-problem")
        yield Button(f"+ Add {spec.item}", id=f"add-{slug(spec.key)}", compact=True, classes="add-row")

    def show_problems(self, problems: dict[int | None, Text]) -> None:
        """Each row's problems in that row; the list's own (and any of a row not on show,
        numbered) under the list."""
        below = Text()
        for n in range(len(self.rows)):
            said = problems.get(n)
            box = self.query_one(f"#{self.wid(n, 'problem')}", Static)
            box.update(said or "")
            box.set_class(bool(said), "has-problem")
        for row, said in sorted(problems.items(), key=lambda kv: -1 if kv[0] is None else kv[0]):
            if row is None or row >= len(self.rows):
                below.append("\n" if below else "")
                below.append_text(said if row is None else Text(f"{row + 1}. ").append_text(said))
        box = self.query_one(f"#{self.problem_id()}", Static)
        box.update(below)
        box.set_class(bool(below), "has-problem")

    def _field(self, n: int, part: Part, value: object) -> Widget:
        wid = self.wid(n, part.name)
        if part.kind == "check":
            return Checkbox("", bool(value), id=wid, compact=True, tooltip=part.label)
        if part.kind == "select":
            return CycleField(self.options.get(part.name, part.options), str(value or ""), id=wid,
                              tooltip=f"{part.label}: Enter or ←/→ changes it")
        return WrapLine(safe(value or ""), placeholder=part.label, id=wid)

    def read(self) -> list[Row]:
        """The rows as typed."""
        out: list[Row] = []
        for n in range(len(self.rows)):
            row: Row = {}
            for part in self.spec.parts:
                widget = self.query_one(f"#{self.wid(n, part.name)}")
                if isinstance(widget, (Checkbox, CycleField)):
                    row[part.name] = widget.value
                elif isinstance(widget, WrapLine):
                    row[part.name] = widget.text
            out.append(row)
        self.rows = out
        return out

    async def show(self, rows: list[Row], options: dict[str, Options] | None = None) -> None:
        """Replace the rows (after an add, remove or move)."""
        self.rows = [dict(r) for r in rows]
        if options is not None:
            self.options = options
        await self.recompose()

    def set_choices(self, part: str, options: tuple[tuple[str, str], ...]) -> None:
        """New choices for one choice part in every row (keeps each row's value when it can)."""
        self.options[part] = options
        for n in range(len(self.rows)):
            self.query_one(f"#{self.wid(n, part)}", CycleField).set_options(options)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        wid = str(event.button.id)
        if wid.startswith("add-"):
            self.post_message(self.Edit(self, "add"))
            return
        *_, index, op = wid.rsplit("-", 2)
        n = int(index)
        if op == "remove":
            self.post_message(self.Edit(self, "remove", n))
        else:
            self.post_message(self.Edit(self, "move", n, n - 1 if op == "up" else n + 1))
