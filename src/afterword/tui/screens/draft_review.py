"""Review on the draft screen: checks re-run as you edit, jump to issues, apply fixes, explain a
rule, tone variants, and the keep mine / replace / keep both question."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widgets import Select, TextArea

from afterword.models import Draft, Issue, Notes
from afterword.tui.generation import check
from afterword.tui.messages import ChecksUpdated
from afterword.tui.widgets.editor import DraftEditor, select_span
from afterword.tui.widgets.issues import IssuePanel, learnable
from afterword.tui.widgets.wrapline import WrapLine

if TYPE_CHECKING:
    from afterword.pipeline import Job
    from afterword.tui.desk import Choice, Desk
    from afterword.tui.services import Services

CHECK_DELAY = 0.4
"""Seconds of quiet typing before the checks re-run."""
KEEP_CHOICES = [("keep-mine", "k", "Keep mine"), ("replace", "r", "Replace"), ("keep-both", "b", "Keep both")]


class ReviewActions:
    """Mixed into `DraftScreen`; uses its `desk`, `notes` and `services`."""

    desk: Desk
    notes: Notes
    services: Services
    request: Any
    app_id: str | None
    query_one: Any
    set_timer: Any
    run_worker: Any
    notify: Any
    app: Any
    pick: Any
    load: Any
    label_tabs: Any
    refresh_notes: Any
    keep_edits: Any
    rebuild_tabs: Any
    keep_version: Any

    def init_review(self) -> None:
        self.revision = 0
        self._check_timer: Timer | None = None

    def show_checks(self, issues: list[Issue], checker: str | None) -> None:
        slot = self.desk.slot
        english = slot is not None and slot.job.notes.language == "en"
        self.query_one(IssuePanel).show(issues, checker, words=english)
        self.query_one(DraftEditor).show_issues(issues)

    def current_draft(self) -> Draft | None:
        """The draft on show, with the person's edits."""
        self.store_edits()
        slot = self.desk.slot
        return slot.draft if slot is not None else None

    def store_edits(self) -> None:
        """Copy the editor's subject and body into the draft on show."""
        slot = self.desk.slot
        if slot is None or slot.draft is None:
            return
        body = self.query_one(DraftEditor).text
        subject = self.query_one("#subject", WrapLine).value
        if slot.draft.body != body or slot.draft.subject != subject:
            slot.draft.body, slot.draft.subject = body, subject

    def ask_keep(self, question: str, then: Callable[[Choice | None], None]) -> None:
        """Ask whether new text replaces the person's edits, sits beside them, or is dropped."""
        from afterword.tui.screens.dialogs import ChoiceDialog

        body = (f"{question}\n\nKeep mine: your text stays, nothing replaces it.\n"
                "Replace: the new text takes its place (yours stays in Versions, f7).\n"
                "Keep both: the new text opens in a tab of its own beside yours.")
        self.app.push_screen(ChoiceDialog("Keep your edits?", body, KEEP_CHOICES), then)

    # checks as you edit -----------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id in ("body", "subject"):
            self._edited()

    def _edited(self) -> None:
        slot = self.desk.slot
        if slot is None or slot.draft is None:
            return
        text = (self.query_one("#subject", WrapLine).value, self.query_one(DraftEditor).text)
        if slot.text == text:
            return  # a programmatic load, not an edit
        was_edited = slot.edited
        self.store_edits()
        if slot.edited != was_edited:
            self.label_tabs()
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self.run_checks)

    def run_checks(self) -> None:
        """Re-check the draft on show in a worker (the newest edit wins)."""
        slot = self.desk.slot
        if slot is None or slot.draft is None:
            return
        self.revision += 1
        self.run_worker(
            partial(check, cast(MessagePump, self), self.services, self.desk.current, self.revision,
                    slot.draft.model_copy(deep=True), slot.job.notes),
            thread=True, group="checks", exclusive=True, exit_on_error=False,
        )

    def on_checks_updated(self, event: ChecksUpdated) -> None:
        slot = self.desk.slots[event.index] if event.index < len(self.desk.slots) else None
        if event.revision != self.revision or slot is None or slot.draft is None:
            return
        slot.draft.checks, slot.draft.checker = event.issues, event.checker
        if event.index == self.desk.current:
            self.show_checks(event.issues, event.checker)

    # issues -----------------------------------------------------------------------------------

    def jump(self, issue: Issue) -> None:
        """Select the issue's words: in the body, or in the subject line for a subject issue."""
        area = self.query_one(DraftEditor) if issue.field is None else self.query_one("#subject", WrapLine)
        area.focus()
        select_span(area, issue.offset, issue.length)

    def on_issue_panel_chosen(self, event: IssuePanel.Chosen) -> None:
        self.jump(event.issue)

    def action_next_issue(self) -> None:
        """Select the next issue and jump to it."""
        issue = self.query_one(IssuePanel).step()
        if issue is None:
            self.notify("No issues to visit.")
            return
        self.jump(issue)

    def action_explain(self) -> None:
        """Open the selected issue's rule: what it asks, why, and the article it comes from."""
        from afterword.tui.screens.rule import RuleScreen

        issue = self.query_one(IssuePanel).current
        if issue is None:
            self.notify("No issue selected — F2 visits them.", severity="warning")
            return
        self.app.push_screen(RuleScreen(issue))

    def spelling_issue(self) -> Issue | None:
        """The selected issue when it is an English spelling one (a word the dictionary may learn)."""
        panel = self.query_one(IssuePanel)
        issue = panel.current
        return issue if issue is not None and panel.words and learnable(issue) else None

    def action_add_word(self) -> None:
        """Add the selected spelling issue's word to your dictionary, then check again."""
        draft = self.current_draft()
        issue = self.spelling_issue()
        if draft is None or issue is None:
            self.notify("Select a spelling issue first (F2 visits them).", severity="warning")
            return
        text = draft.body if issue.field is None else draft.subject
        word = text[issue.offset : issue.offset + issue.length]
        self.run_worker(partial(self._add_word, word), thread=True, group="dictionary",
                        exit_on_error=False)

    def _add_word(self, word: str) -> None:
        """(worker) Add `word` to the user dictionary; the checks then run again."""
        from afterword.dictionary import add_word
        from afterword.errors import AfterwordError

        try:
            added = add_word(word)
        except AfterwordError as exc:
            self.notify(str(exc), title="Not added", severity="warning")
            return
        said = "is in your dictionary now" if added else "was already in your dictionary"
        self.notify(f"“{word}” {said}.", title="Dictionary")
        self.app.call_from_thread(self.run_checks)

    def _replace_text(self, issues: list[Issue], *, subject: str | None = None,
                      body: str | None = None) -> None:
        """Put fixed text in the subject line and/or the body (each one undoable edit), with the
        issues that still stand; then check again."""
        draft = self.current_draft()
        assert draft is not None
        draft.checks = issues
        if subject is not None:
            draft.subject = subject
            line = self.query_one("#subject", WrapLine)
            line.replace(subject, (0, 0), line.document.end)
        if body is not None:
            draft.body = body
            editor = self.query_one(DraftEditor)
            editor.replace(body, (0, 0), editor.document.end)
        self.show_checks(issues, draft.checker)
        self.label_tabs()
        self.run_checks()

    def action_apply_fix(self) -> None:
        """Apply the first suggestion of the selected issue (in the subject line or the body)."""
        from afterword.checks.fixes import apply_fix, shift_issues

        draft = self.current_draft()
        issue = self.query_one(IssuePanel).current
        if draft is None or issue is None:
            self.notify("Select an issue first (F2 visits them).", severity="warning")
            return
        if not issue.replacements:
            self.notify("This issue has no suggestion; edit the text by hand.", severity="warning")
            return
        part = issue.field
        try:
            fixed = apply_fix(draft.body if part is None else draft.subject, issue, part=part)
        except (IndexError, ValueError):
            self.notify("The text changed under this issue; checks are re-running.", severity="warning")
            self.run_checks()
            return
        rest = [i for i in draft.checks if i is not issue]
        delta = len(issue.replacements[0]) - issue.length
        issues = shift_issues(rest, issue.offset, delta, issue.length, part=part)
        if part is None:
            self._replace_text(issues, body=fixed)
        else:
            self._replace_text(issues, subject=fixed)
        self.notify(f"Applied: “{issue.replacements[0] or '(removed)'}”.", title="Fixed")

    def action_apply_all(self) -> None:
        """Apply the first suggestion of every fixable issue, in the subject line and the body."""
        from afterword.checks import SUBJECT
        from afterword.checks.fixes import apply_all

        draft = self.current_draft()
        if draft is None:
            return
        fixable = [i for i in draft.checks if i.replacements]
        if not fixable:
            self.notify("No issue has a suggestion to apply.", severity="warning")
            return
        self._replace_text([i for i in draft.checks if not i.replacements],
                           subject=apply_all(draft.subject, draft.checks, part=SUBJECT),
                           body=apply_all(draft.body, draft.checks))
        self.notify(f"Applied {len(fixable)} suggestion{'s' * (len(fixable) != 1)}.", title="Fixed")

    # variants and notes -----------------------------------------------------------------------

    def _job_on_show(self) -> Job:
        """The job of the draft on show, or one from the pickers when the desk is empty."""
        from afterword.pipeline import plan_jobs

        if self.desk.slot is not None:
            return self.desk.slot.job
        to = self.pick("recipient")
        return plan_jobs(self.notes, scenario=self.pick("scenario"), tone=self.pick("tone"),
                         channel=self.pick("channel"), to=None if to == "*" else to)[0]

    def action_variants(self) -> None:
        """Draft the note in every tone and compare them side by side."""
        from afterword.errors import AfterwordError
        from afterword.tui.screens.variants import VariantsScreen

        if self.request is not None:
            self.notify("Already generating — Esc cancels.", severity="warning")
            return
        try:
            job = self._job_on_show()
        except AfterwordError as exc:
            self.notify(str(exc), title="Cannot draft", severity="error")
            return
        self.keep_edits()
        screen = VariantsScreen(self.services, job, base=self.current_draft(),
                                backend=self.pick("backend"), model=self.pick("model") or None)
        self.app.push_screen(screen, self._variant_chosen)

    def _variant_chosen(self, chosen: tuple[Job, Draft] | None) -> None:
        slot = self.desk.slot
        if chosen is None or (slot is not None and chosen[1] is slot.draft):
            return
        if slot is not None and slot.edited:
            self.ask_keep("You edited the draft on show.", partial(self._place, chosen))
        else:
            self._place(chosen, "replace")

    def _place(self, chosen: tuple[Job, Draft], choice: Choice | None) -> None:
        job, draft = chosen
        if choice is None or choice == "keep-mine":
            return
        index = self.desk.place(draft, job, choice)
        self.query_one("#tone", Select).value = draft.tone
        self.rebuild_tabs(index)
        self.keep_version(index)
        self.notify(f"Continuing with the {draft.tone} variant.", title="Tone switched")

    def action_edit_notes(self) -> None:
        """Edit these notes (as you last typed them); the pickers follow the saved notes."""
        self.keep_edits()
        self.run_worker(self._open_notes, thread=True, group="notes", exit_on_error=False)

    def _open_notes(self) -> None:
        from afterword.tui.screens.notes import NotesScreen, editable_notes

        data = editable_notes(self.services, self.app_id, self.notes)
        self.app.call_from_thread(self.app.push_screen,
                                  NotesScreen(self.services, app_id=self.app_id, data=data), self._notes_back)

    def _notes_back(self, result: tuple[str | None, Notes] | None) -> None:
        if result is not None:
            self.app_id = result[0] or self.app_id
            self.refresh_notes(result[1])
