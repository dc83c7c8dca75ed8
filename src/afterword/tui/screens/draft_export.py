"""Approve and export on the draft screen: clipboard (OSC 52 + system), store, .eml/.txt, mailto."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afterword.errors import AfterwordError
from afterword.models import Draft, Notes
from afterword.tui.messages import DraftApproved

if TYPE_CHECKING:
    from afterword.tui.services import Services


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-").lower() or "draft"


class ExportActions:
    """Mixed into `DraftScreen`."""

    notes: Notes
    services: Services
    app_id: str | None
    generating: bool
    current_draft: Any
    notify: Any
    run_worker: Any
    post_message: Any
    app: Any
    _recorded: set[tuple[str, str]]

    def _ready(self) -> Draft | None:
        if self.generating:
            self.notify("Still generating — wait, or Esc to stop and keep the text.", severity="warning")
            return None
        draft = self.current_draft()
        if draft is None or not draft.body.strip():
            self.notify("Nothing to approve yet — ctrl+g drafts one.", severity="warning")
            return None
        return draft

    def keep_version(self, draft: Draft) -> None:
        """Store every generated version (in a worker)."""
        if self.app_id is None:
            return
        self.run_worker(partial(self._keep, self.app_id, draft.model_copy(deep=True)),
                        thread=True, group="store", exit_on_error=False)

    def _keep(self, app_id: str, draft: Draft) -> None:
        try:
            self.services.store.add_draft(app_id, draft)
        except AfterwordError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Not stored", severity="error")

    # approve ----------------------------------------------------------------------------------

    def action_approve(self) -> None:
        """Copy the draft through the terminal and the system clipboard, and record it as sent."""
        draft = self._ready()
        if draft is None:
            return
        errors = sum(i.severity == "error" for i in draft.checks)
        if errors:
            self.notify(f"Approved with {errors} unresolved error{'s' * (errors != 1)} — check before "
                        "sending (C8).", severity="warning")
        self.app.copy_to_clipboard(draft.text)  # OSC 52: works over SSH and tmux
        today = self.services.today()
        key = (draft.scenario, today.isoformat())
        record = key not in self._recorded
        self._recorded.add(key)
        self.run_worker(partial(self._approve, draft.model_copy(deep=True), record),
                        thread=True, group="approve", exit_on_error=False)

    def _approve(self, draft: Draft, record: bool) -> None:
        from afterword.planner import next_action

        ok, message = self.services.system_copy(draft.text)
        recorded, error = "", ""
        if self.app_id is not None:
            try:
                store = self.services.store
                draft_id = store.add_draft(self.app_id, draft)
                store.approve_draft(draft_id)
                today = self.services.today()
                if record:
                    store.record_sent(self.app_id, draft.scenario, today)
                nxt = next_action(store.get_application(self.app_id), today,
                                  self.services.settings.planner.grace_days)
                recorded = f"Recorded {draft.scenario} as sent on {today.isoformat()}. " + (
                    f"Next: {nxt.action} due {nxt.due.isoformat()} ({nxt.rule})." if nxt
                    else "Nothing more is planned.")
            except AfterwordError as exc:
                error = str(exc)
        self.post_message(DraftApproved(draft.recipient, ok, message, recorded, error))

    def on_draft_approved(self, event: DraftApproved) -> None:
        system = event.system_message if event.system_copied else f"not copied: {event.system_message}"
        self.notify(f"Sent to the terminal clipboard (OSC 52; your terminal must allow it). "
                    f"System clipboard: {system}.", title=f"Approved — {event.recipient}",
                    severity="information" if event.system_copied else "warning", timeout=8)
        if event.recorded:
            self.notify(event.recorded, title="Follow-up recorded", timeout=8)
        if event.error:
            self.notify(event.error, title="Not recorded", severity="error", timeout=10)

    # files and mailto -------------------------------------------------------------------------

    def _default_path(self, draft: Draft, ext: str) -> str:
        return str(Path.cwd() / f"{_slug(self.notes.company.name)}-{_slug(draft.recipient)}.{ext}")

    def _save(self, ext: str) -> None:
        from afterword.tui.screens.dialogs import PathDialog

        draft = self._ready()
        if draft is None:
            return
        prompt = f"Save the draft for {draft.recipient} as .{ext}"
        self.app.push_screen(PathDialog(prompt, self._default_path(draft, ext)),
                             partial(self._write, draft, ext))

    def _write(self, draft: Draft, ext: str, path: str | None) -> None:
        from afterword.export import write_eml, write_txt

        if not path:
            return
        try:
            written = write_eml(draft, self.notes, path) if ext == "eml" else write_txt(draft, path)
        except AfterwordError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return
        self.notify(f"Saved {written}", title="Saved")

    def action_save_eml(self) -> None:
        """Save the draft as an .eml file."""
        self._save("eml")

    def action_save_txt(self) -> None:
        """Save the draft as a .txt file."""
        self._save("txt")

    def action_mailto(self) -> None:
        """Open the draft in the mail program through a mailto: link."""
        from afterword.export import mailto_url

        draft = self._ready()
        if draft is None:
            return
        url = mailto_url(draft, self.notes)
        self.run_worker(partial(self._open_url, url), thread=True, group="mailto", exit_on_error=False)

    def _open_url(self, url: str) -> None:
        ok, message = self.services.open_url(url)
        self.app.call_from_thread(self.notify, message, title="mailto:",
                                  severity="information" if ok else "warning")
