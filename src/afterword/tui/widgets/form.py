"""The notes form's sections: label and field side by side (a problem shows under its label,
beside the field), lists as rows. A section for the other role (candidate / recruiter) is not
built until the role changes, and the sections below the first are built just after the form
is on screen — fewer widgets at once, a form that opens at once."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Select, Static, TextArea

from afterword.tui.notes_form import Field, FormValues, Rows, Section
from afterword.tui.safe import plain, safe
from afterword.tui.widgets.rows import RowList, slug
from afterword.tui.widgets.wrapline import WrapLine

Options = Callable[[Rows], dict[str, tuple[tuple[str, str], ...]]]


def widget_id(key: str) -> str:
    return "f-" + slug(key)


def label_id(key: str) -> str:
    return "e-" + widget_id(key)


def field_label(f: Field, problems: Text | None = None) -> Text:
    """A field's label (with its hint when the field has no placeholder), then its problems."""
    label = plain(f.label)
    if f.hint and f.kind != "input":
        label.append_text(plain(f"\n{f.hint}", "dim"))
    if problems:
        label.append("\n")
        label.append_text(problems)
    return label


class FormSection(Vertical):
    """One section of the notes form."""

    def __init__(self, section: Section, values: FormValues, options: Options, role: str,
                 now: bool = True) -> None:
        super().__init__(classes="form-section")
        self.section = section
        self.values = values
        self.options = options
        self.active = section.role in (None, role)
        self.set_class(not self.active, "hidden")
        self.built = now and self.active
        """Its widgets exist (else `read` and `show_problems` leave it alone)."""

    async def build(self) -> None:
        """Build a section that was left for later."""
        if self.active and not self.built:
            self.built = True
            await self.recompose()

    def compose(self) -> ComposeResult:
        if not self.built:
            return
        yield Static(plain(self.section.title), classes="section")
        fields: list[Field] = []
        for item in (*self.section.items, None):
            if isinstance(item, Field):
                fields.append(item)
                continue
            if fields:
                with Grid(classes="fields"):
                    for f in fields:
                        yield Static(field_label(f), id=label_id(f.key), classes="field-label")
                        yield self._widget(f)
                fields = []
            if isinstance(item, Rows):
                yield RowList(item, self.values.get(item.key, []), self.options(item))

    def _widget(self, f: Field) -> Widget:
        value = self.values.get(f.key, "")
        wid = widget_id(f.key)
        if f.kind == "check":
            return Checkbox("", bool(value), id=wid, compact=True)
        if f.kind == "area":
            return TextArea(safe(value), id=wid, soft_wrap=True, tab_behavior="focus", classes="field-area")
        if f.kind == "select":
            blank = f.key in ("outcome.result", "candidate_stance")
            current = str(value) if value in f.options else (Select.NULL if blank else f.options[0])
            return Select([(o, o) for o in f.options], value=current, allow_blank=blank, id=wid, compact=True)
        return WrapLine(safe(value), placeholder=f.hint or f.label, id=wid)

    def _fields(self) -> list[Field]:
        return [i for i in self.section.items if isinstance(i, Field)]

    def read(self) -> FormValues:
        """This section's values as typed (nothing while it is not built)."""
        if not self.built:
            return {}
        values: FormValues = {}
        for f in self._fields():
            widget = self.query_one(f"#{widget_id(f.key)}")
            if isinstance(widget, Checkbox):
                values[f.key] = widget.value
            elif isinstance(widget, TextArea):  # a WrapLine too
                values[f.key] = widget.text
            elif isinstance(widget, Select):
                values[f.key] = "" if widget.value is Select.NULL else str(widget.value)
        for rows in self.query(RowList):
            values[rows.spec.key] = rows.read()
        return values

    async def fill(self, values: FormValues) -> None:
        """Show these values."""
        self.values = values
        if self.built:
            await self.recompose()

    async def set_role(self, role: str, values: FormValues) -> None:
        """Build or drop this section when the sender's role changes."""
        active = self.section.role in (None, role)
        if active != self.active:
            self.active, self.values, self.built = active, values, active
            self.set_class(not active, "hidden")
            await self.recompose()

    def show_problems(self, problems: dict[str, dict[int | None, Text]]) -> None:
        """Each field's problems under its label; a list's in their row, or under the list
        (`problems`: form key → row, or None → what to say)."""
        if not self.built:
            return
        for f in self._fields():
            said = problems.get(f.key, {}).get(None)
            self.query_one(f"#{label_id(f.key)}", Static).update(field_label(f, said))
        for rows in self.query(RowList):
            rows.show_problems(problems.get(rows.spec.key, {}))

