"""Review on the draft screen: checks re-run as you edit, jump to issues, apply fixes, tone variants."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widgets import Input, TextArea

from afterword.models import Draft, Issue, Notes
from afterword.tui.generation import check
from afterword.tui.messages import ChecksUpdated
from afterword.tui.widgets.editor import DraftEditor
from afterword.tui.widgets.issues import IssuePanel

if TYPE_CHECKING:
    from afterword.tui.services import Services

CHECK_DELAY = 0.4
"""Seconds of quiet typing before the checks re-run."""


class ReviewActions:
    """Mixed into `DraftScreen`; uses its `drafts`, `current`, `notes` and `services`."""

    drafts: list[Draft | None]
    current: int
    notes: Notes
    services: Services
    generating: bool
    query_one: Any
    set_timer: Any
    run_worker: Any
    notify: Any
    app: Any

    def init_review(self) -> None:
        self.revision = 0
        self._check_timer: Timer | None = None

    def show_checks(self, issues: list[Issue], checker: str | None) -> None:
        self.query_one(IssuePanel).show(issues, checker)
        self.query_one(DraftEditor).show_issues(issues)

    def current_draft(self) -> Draft | None:
        """The draft on show, with the person's edits."""
        self.store_edits()
        return self.drafts[self.current] if self.current < len(self.drafts) else None

    def store_edits(self) -> None:
        """Copy the editor's subject and body into the current draft."""
        draft = self.drafts[self.current] if self.current < len(self.drafts) else None
        if draft is None:
            return
        body = self.query_one(DraftEditor).text
        subject = self.query_one("#subject", Input).value
        if draft.body != body or draft.subject != subject:
            draft.body, draft.subject = body, subject

    # checks as you edit -----------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "body":
            self._edited()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "subject":
            self._edited()

    def _edited(self) -> None:
        draft = self.drafts[self.current] if self.current < len(self.drafts) else None
        if draft is None:
            return
        editor = self.query_one(DraftEditor)
        subject = self.query_one("#subject", Input).value
        if draft.body == editor.text and draft.subject == subject:
            return  # a programmatic load, not an edit
        self.store_edits()
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self.run_checks)

    def run_checks(self) -> None:
        """Re-check the current draft in a worker (the newest edit wins)."""
        draft = self.drafts[self.current] if self.current < len(self.drafts) else None
        if draft is None:
            return
        self.revision += 1
        self.run_worker(
            partial(
                check, cast(MessagePump, self), self.services, self.revision, draft.subject,
                draft.body, self.notes, draft.scenario, draft.channel, draft.recipient,
            ),
            thread=True, group="checks", exclusive=True, exit_on_error=False,
        )

    def on_checks_updated(self, event: ChecksUpdated) -> None:
        draft = self.drafts[self.current] if self.current < len(self.drafts) else None
        if event.revision != self.revision or draft is None:
            return
        draft.checks, draft.checker = event.issues, event.checker
        self.show_checks(event.issues, event.checker)

    # issues -----------------------------------------------------------------------------------

    def jump(self, issue: Issue) -> None:
        editor = self.query_one(DraftEditor)
        editor.select_span(issue.offset, issue.length)
        editor.focus()

    def on_issue_panel_chosen(self, event: IssuePanel.Chosen) -> None:
        self.jump(event.issue)

    def action_next_issue(self) -> None:
        """Select the next issue and jump to it."""
        issue = self.query_one(IssuePanel).step()
        if issue is None:
            self.notify("No issues to visit.")
            return
        self.jump(issue)

    def _replace_body(self, body: str, issues: list[Issue]) -> None:
        draft = self.drafts[self.current]
        assert draft is not None
        editor = self.query_one(DraftEditor)
        draft.body = body
        draft.checks = issues
        editor.replace(body, (0, 0), editor.document.end)  # one undoable edit
        self.show_checks(issues, draft.checker)
        self.run_checks()

    def action_apply_fix(self) -> None:
        """Apply the first suggestion of the selected issue."""
        from afterword.checks.fixes import apply_fix, shift_issues

        draft = self.current_draft()
        issue = self.query_one(IssuePanel).current
        if draft is None or issue is None:
            self.notify("Select an issue first (F2 visits them).", severity="warning")
            return
        if not issue.replacements:
            self.notify("This issue has no suggestion; edit the text by hand.", severity="warning")
            return
        try:
            body = apply_fix(draft.body, issue)
        except (IndexError, ValueError):
            self.notify("The text changed under this issue; checks are re-running.", severity="warning")
            self.run_checks()
            return
        rest = [i for i in draft.checks if i is not issue]
        delta = len(issue.replacements[0]) - issue.length
        self._replace_body(body, shift_issues(rest, issue.offset, delta, issue.length))
        self.notify(f"Applied: “{issue.replacements[0] or '(removed)'}”.", title="Fixed")

    def action_apply_all(self) -> None:
        """Apply the first suggestion of every fixable issue."""
        from afterword.checks.fixes import apply_all

        draft = self.current_draft()
        if draft is None:
            return
        fixable = [i for i in draft.checks if i.replacements]
        if not fixable:
            self.notify("No issue has a suggestion to apply.", severity="warning")
            return
        body = apply_all(draft.body, draft.checks)
        self._replace_body(body, [i for i in draft.checks if not i.replacements])
        self.notify(f"Applied {len(fixable)} suggestion{'s' * (len(fixable) != 1)}.", title="Fixed")

    # variants and notes -----------------------------------------------------------------------

    def action_variants(self) -> None:
        """Draft the note in every tone and compare them side by side."""
        from afterword.tui.screens.variants import VariantsScreen

        if self.generating:
            self.notify("Already generating — Esc cancels.", severity="warning")
            return
        base = self.current_draft()
        recipient = base.recipient if base else self.notes.recipient().name
        screen = VariantsScreen(
            self.services, self.notes, base=base, scenario=self.pick("scenario"),
            tone=self.pick("tone"), channel=self.pick("channel"), recipient=recipient,
            backend=self.pick("backend"), model=self.pick("model") or None,
        )
        self.app.push_screen(screen, self._variant_chosen)

    def _variant_chosen(self, draft: Draft | None) -> None:
        if draft is None:
            return
        from textual.widgets import Select, Tab, Tabs

        if not self.drafts:
            self.drafts, self.streams = [draft], [""]
            self.query_one(Tabs).add_tab(Tab(f"{draft.recipient} · {draft.tone}", id=self.tab_id(0)))
        else:
            self.drafts[self.current] = draft
            tab = self.query_one(Tabs).get_tab(self.tab_id(self.current))
            if tab is not None:
                tab.label = f"{draft.recipient} · {draft.tone}"
        self.query_one("#tone", Select).value = draft.tone
        self._load(self.current)
        self.notify(f"Continuing with the {draft.tone} variant.", title="Tone switched")

    def action_edit_notes(self) -> None:
        """Edit these notes; the pickers follow the saved notes."""
        from afterword.tui.screens.notes import NotesScreen

        data = self.notes.model_dump(mode="json", exclude_none=True)
        self.app.push_screen(NotesScreen(self.services, app_id=self.app_id, data=data), self._notes_back)

    def _notes_back(self, result: tuple[str | None, Notes] | None) -> None:
        if result is not None:
            self.app_id = result[0] or self.app_id
            self.refresh_notes(result[1])

    # provided by DraftScreen
    tab_id: Any
    app_id: str | None
    pick: Any
    _load: Any
    refresh_notes: Any
    streams: list[str]
