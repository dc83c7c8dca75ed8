"""The notes screen's JSON files: save the notes as typed, load a notes file into the form.
Mixed into `NotesScreen`."""

from __future__ import annotations

from typing import Any

from afterword.errors import AfterwordError
from afterword.tui.notes_form import values_to_notes
from afterword.tui.tasks import tasks_of


class NotesFiles:
    """ctrl+s / ctrl+o on the notes screen."""

    path: str | None
    app: Any
    notify: Any
    read: Any
    fill: Any

    def action_save_json(self) -> None:
        """Save the notes as JSON."""
        from afterword.tui.screens.dialogs import PathDialog

        self.app.push_screen(PathDialog("Save notes as JSON", self.path or "notes.json"), self._save)

    def _save(self, path: str | None) -> None:
        from afterword.export import write_notes_json

        if not path:
            return
        data = values_to_notes(self.read())

        def written(where: object) -> None:
            self.path = str(where)
            self.notify(f"Saved {where}", title="Saved")

        tasks_of(self.app).submit(lambda: write_notes_json(data, path), written, failed="Not saved")

    def action_load_json(self) -> None:
        """Load notes from a JSON file."""
        from afterword.tui.screens.dialogs import PathDialog

        self.app.push_screen(PathDialog("Load notes from JSON", self.path or ""), self._load)

    async def _load(self, path: str | None) -> None:
        from afterword.models import load_notes

        if not path:
            return
        try:
            notes = load_notes(path)
        except AfterwordError as exc:
            self.notify(str(exc), title="Not loaded", severity="error")
            return
        self.path = path
        await self.fill(notes.model_dump(mode="json", exclude_none=True))
        self.notify(f"Loaded {path}", title="Loaded")

