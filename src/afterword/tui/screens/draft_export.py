"""Keep, approve and export on the draft screen: every generated or edited text becomes a version;
ctrl+y shows the final text and what will be recorded, then copies (and records); versions;
.eml/.txt and mailto — each failure shown, the editor left as it was."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from afterword.errors import AfterwordError
from afterword.models import Draft, Notes
from afterword.sanitize import terminal_safe
from afterword.tui.desk import EVERYONE, SCENARIO_LABELS
from afterword.tui.safe import plain
from afterword.tui.tasks import Serial, tasks_of

if TYPE_CHECKING:
    from afterword.planner import NextStep
    from afterword.store import StoredDraft
    from afterword.tui.desk import Desk, Slot
    from afterword.tui.services import Services


NO_CLIPBOARD = "Copied through the terminal only (no clipboard here; ctrl+s saves a file)."
"""Said once when the system clipboard is missing (one line at 80 columns, no tool names)."""


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-").lower() or "draft"


def approval_text(draft: Draft, notes: Notes, day: dt.date, tracked: bool,
                  thanked: Collection[str] = ()) -> Text:
    """What ctrl+y shows: to whom, what Enter will record (and whose thank-you stays due — the
    others not in `thanked`), then the final text."""
    person = notes.recipient(draft.recipient)
    text = Text()
    text.append("To: ", style="bold")
    text.append_text(plain(person.name + (f" <{person.email}>" if person.email else "")))
    text.append("\nEnter ", style="bold")
    if tracked:
        text.append_text(plain(f"copies it and records: {draft.scenario} sent to {person.name} on "
                               f"{day.isoformat()}."))
        others = [p.name for p in notes.recipients() if p.name != person.name and p.name not in thanked]
        if others and draft.scenario == "thank-you":
            whose = " and ".join(f"{name}'s" for name in others)
            text.append_text(plain(f" {whose} thank-you{'s stay' if len(others) > 1 else ' stays'} due."))
    else:
        text.append("copies it (these notes are not tracked, so nothing is recorded).")
    text.append("\nc ", style="bold")
    text.append("copies only; nothing is recorded. Esc goes back to editing.")
    errors = sum(i.severity == "error" for i in draft.checks)
    if errors:
        text.append(f"\n✗ {errors} error{'s' * (errors != 1)} still in the text (C8: fix before sending).",
                    style="bold red")
    text.append("\n" + "─" * 40 + "\n", style="dim")
    text.append_text(plain(draft.text))
    return text


class ExportActions:
    """Mixed into `DraftScreen`."""

    desk: Desk
    notes: Notes
    services: Services
    app_id: str | None
    request: Any
    current_draft: Any
    store_edits: Any
    label_tabs: Any
    rebuild_tabs: Any
    pick: Any
    query_one: Any
    notify: Any
    run_worker: Any
    post_message: Any
    app: Any

    def init_export(self) -> None:
        self.sent: set[tuple[str, str]] = set()
        """(scenario, person) pairs recorded as sent this round, from the store."""
        self._followed = False
        self._clipboard_said = False

    @property
    def tasks(self) -> Serial:
        return tasks_of(self.app)

    # versions ---------------------------------------------------------------------------------

    def keep_version(self, index: int) -> None:
        """Keep slot `index`'s text as a version in the store, unless it already is one."""
        slot: Slot = self.desk.slots[index]
        if self.app_id is None or not slot.unstored or slot.draft is None:
            return
        text, draft, edited = slot.text, slot.draft.model_copy(deep=True), slot.edited
        slot.stored = text

        def forget(_message: str) -> None:
            if slot.stored == text:
                slot.stored = None

        app_id = self.app_id
        self.tasks.submit(lambda: self.services.store.add_draft(app_id, draft, edited=edited),
                          failed="Version not kept", on_error=forget)

    def keep_edits(self) -> None:
        """Take the editor's text into the draft, and keep every edited slot as a version."""
        self.store_edits()
        for n, slot in enumerate(self.desk.slots):
            if slot.edited:
                self.keep_version(n)

    def _ready(self) -> Draft | None:
        if self.request is not None:
            self.notify("Still generating — wait, or Esc to stop and keep the text.", severity="warning")
            return None
        draft = self.current_draft()
        if draft is None or not draft.body.strip():
            self.notify("Nothing here yet — ctrl+g drafts one.", severity="warning")
            return None
        self.keep_edits()  # edits are stored before anything leaves the editor
        return draft

    def action_versions(self) -> None:
        """List every kept version of this person's draft; Enter restores one. Before anything is
        drafted on this screen: the kept versions of the picked scenario and person (or everyone)."""

        slot = self.desk.slot
        if self.app_id is None:
            self.notify("These notes are not tracked, so no versions are kept.", severity="warning")
            return
        self.keep_edits()
        app_id = self.app_id
        if slot is None:
            to = self.pick("recipient")
            person, scenario = (None if to == EVERYONE else to), self.pick("scenario")
        else:
            person, scenario = slot.recipient, slot.job.scenario
        title = f"Versions of the {scenario} to {person or 'everyone'} (newest first)"

        def read() -> tuple[list[StoredDraft], set[str]]:
            """(worker) The versions, and which of them were recorded as sent (an undone send is not)."""
            store = self.services.store
            sent = {e.draft for e in store.get_application(app_id).events if e.kind == "sent" and e.draft}
            return store.drafts(app_id, recipient=person, scenario=scenario), sent

        self.tasks.submit(read, partial(self._show_versions, slot, title), failed="Versions not read")

    def _show_versions(self, slot: Slot | None, title: str,
                       found: tuple[list[StoredDraft], set[str]]) -> None:
        from afterword.tui.screens.versions import VersionsScreen

        versions, sent = found
        if not versions:
            self.notify("No versions yet — ctrl+g drafts one.", severity="warning")
            return
        self.app.push_screen(VersionsScreen(title, versions, sent), partial(self._restore, slot))

    def _restore(self, slot: Slot | None, version: StoredDraft | None) -> None:
        if version is None or self.app_id is None:
            return
        self.tasks.submit(lambda: self.services.store.restore_draft(version.id),
                          partial(self._restored, slot), failed="Not restored")

    def _restored(self, slot: Slot | None, stored: StoredDraft) -> None:
        from afterword.pipeline import plan_jobs

        draft = Draft.model_validate(stored.model_dump(include=set(Draft.model_fields)))
        draft.subject, draft.body = terminal_safe(draft.subject), terminal_safe(draft.body)
        if slot is None:  # nothing drafted yet on this screen: the version opens in a tab of its own
            try:
                job = plan_jobs(self.notes, scenario=draft.scenario, tone=draft.tone, channel=draft.channel,
                                to=draft.recipient)[0]
            except AfterwordError as exc:  # the person or scenario is no longer in the notes
                self.notify(str(exc), title="Not restored", severity="error")
                return
            self.desk.current = len(self.desk.slots)
        elif slot in self.desk.slots:
            job = slot.job
            self.desk.current = self.desk.slots.index(slot)
        else:
            return
        index = self.desk.place(draft, job, "replace")
        self.desk.slots[index].stored = self.desk.slots[index].text
        self.rebuild_tabs(index)
        self.notify(f"Version {stored.restored_from or stored.version} is back on show.", title="Restored")

    # approve ----------------------------------------------------------------------------------

    def action_approve(self) -> None:
        """Show the final text and what will be recorded; Enter copies and records, c copies only."""
        from afterword.tui.screens.dialogs import ChoiceDialog

        draft = self._ready()
        if draft is None:
            return
        today = self.services.today()
        tracked = self.app_id is not None
        thanked = {person for scenario, person in self.sent if scenario == "thank-you"}
        body = approval_text(draft, self.notes, today, tracked, thanked)
        choices = [("record", "enter", "Copy and record" if tracked else "Copy"), ("copy", "c", "Copy only")]
        title = f"Approve the {draft.scenario} to {draft.recipient}"
        self.app.push_screen(ChoiceDialog(title, body, choices, long=True),
                             partial(self._approved, draft.model_copy(deep=True), today))

    def _approved(self, draft: Draft, day: dt.date, answer: str | None) -> None:
        if answer is None:
            return
        self.app.copy_to_clipboard(draft.text)  # OSC 52: works over SSH and tmux
        record = answer == "record" and self.app_id is not None
        app_id = self.app_id
        self.tasks.submit(partial(self._copy_and_record, app_id, draft, day, record),
                          partial(self._recorded, draft), failed="Not recorded")

    def _copy_and_record(self, app_id: str | None, draft: Draft, day: dt.date,
                         record: bool) -> tuple[bool, str]:
        """(worker) System clipboard, then the version approved and the send recorded:
        (copied to the system clipboard, what was recorded)."""
        ok, _why = self.services.system_copy(draft.text)
        if not record or app_id is None:
            return ok, ""
        store = self.services.store
        draft_id = store.add_draft(app_id, draft, edited=False)
        store.approve_draft(draft_id)
        store.record_sent(app_id, draft.scenario, day, to=draft.recipient, draft_id=draft_id)
        return ok, f"{draft.scenario} to {draft.recipient} on {day.isoformat()}"

    def _recorded(self, draft: Draft, result: tuple[bool, str]) -> None:
        ok, recorded = result
        copied = "Copied." if ok else ("Copied through the terminal." if self._clipboard_said
                                       else NO_CLIPBOARD)
        self._clipboard_said = self._clipboard_said or not ok  # the missing clipboard is said once
        said = f"{copied} Recorded: {recorded} — u on the dashboard undoes it." if recorded else (
            f"{copied} Nothing recorded.")
        self.notify(said, title=f"Approved — {draft.recipient}", timeout=8)
        self.load_progress()

    def load_progress(self) -> None:
        """Ask the domain what was sent to whom and what comes next (tab marks follow; on the
        first answer, so do the scenario and recipient pickers)."""
        from afterword.tui.progress import next_for

        if self.app_id is None:
            return
        app_id, services = self.app_id, self.services
        self.tasks.submit(lambda: next_for(services, app_id), self._progress, failed="Store not read")

    def _progress(self, result: tuple[NextStep, set[tuple[str, str]]]) -> None:
        from textual.widgets import Select
        from textual.widgets.select import InvalidSelectValueError

        from afterword.tui.widgets.editor import DraftEditor

        step, self.sent = result
        scenario, recipients = step.scenario, step.recipients
        self.label_tabs()
        if self._followed or self.desk.slots:
            return
        self._followed = True
        if scenario is None:  # say so, rather than let the picked scenario look due
            picked = SCENARIO_LABELS.get(self.pick("scenario"), self.pick("scenario"))
            self.query_one(DraftEditor).text = (
                f"Nothing is due now: {step.reason}.\n\n{picked} is picked; ctrl+g drafts it anyway, "
                "or pick another scenario above. ctrl+r for tone variants, F1 for help.")
            return
        everyone = [p.name for p in self.notes.recipients()]
        who = "*" if len(everyone) > 1 and sorted(recipients) == sorted(everyone) else (recipients or [""])[0]
        for name, value in (("scenario", scenario), ("recipient", who)):
            with suppress(InvalidSelectValueError):  # the notes on show may name other people
                self.query_one(f"#{name}", Select).value = value

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
                             partial(self._write, draft.model_copy(deep=True), ext))

    def _write(self, draft: Draft, ext: str, path: str | None) -> None:
        from afterword.export import write_eml, write_txt

        if not path:
            return
        notes = self.notes
        self.tasks.submit(lambda: write_eml(draft, notes, path) if ext == "eml" else write_txt(draft, path),
                          lambda written: self.notify(f"Saved {written}", title="Saved"), failed="Not saved")

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
        try:
            url = mailto_url(draft, self.notes)
        except (ValueError, LookupError) as exc:
            self.notify(str(exc), title="mailto: not opened", severity="error")
            return
        self.tasks.submit(lambda: self.services.open_url(url), self._opened, failed="mailto: not opened")

    def _opened(self, result: tuple[bool, str]) -> None:
        ok, message = result
        self.notify(message, title="mailto:", severity="information" if ok else "warning")
