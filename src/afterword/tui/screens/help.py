"""F1: how afterword works, and every key on the screen you came from (it scrolls)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

FLOW = """\
# afterword — from notes to a follow-up you are proud to send

1. **Dashboard** lists every application with each person's state (“thank-you: Priya ✓ · Tom due
   today”), when the next step is due (overdue ones in red), its status and last contact. *Enter*
   drafts the next step, *n* starts a new application, *r* records a reply or an outcome, *u* undoes
   the last send, *a* archives, *d* deletes (it asks first).
2. **Notes** — what you remember from the interview, in fields and rows (add, move, remove
   interviewers, topics, skills, news). A missing value shows beside its field once you have been
   there, or when you try to go on; the notes lint (negative news, typos, a shape that will read
   badly, with the rewrite it suggests) shows as you type; everything is autosaved as you type.
3. **Draft** — pick scenario, tone, channel, recipient and backend; *ctrl+g* streams a draft (one
   per interviewer for a thank-you; *f6* moves between them). *Esc* stops and keeps what arrived.
   If you edited a draft, *ctrl+g* first asks: keep mine, replace, or keep both. Every generated or
   edited text is kept as a version (*f7*), and any version can be restored.
4. **Review** — issues are underlined in the text and listed by severity (the Subject line's say
   so). *F2* visits them, *F3* applies a suggestion, *F4* applies all, *F5* explains the rule behind
   one: what it asks, why, and the article it comes from; on a spelling issue *f8* adds the word to
   your dictionary. Checks re-run as you edit.
5. **Tone variants** — *ctrl+r* drafts the note in several tones side by side, differences
   highlighted; pick one to continue.
6. **Approve** — *ctrl+y* shows the final text, who it goes to and what will be recorded. *Enter*
   copies it (through your terminal, OSC 52 — works over SSH and tmux — and the system clipboard)
   and records it as sent to that person; *c* copies only. The dashboard then plans the next step.
   *ctrl+s* / *ctrl+t* save .eml / .txt, *ctrl+l* opens a mailto: link.

*ctrl+p* lists every action of the screen, keys the footer has no room for included; keys can be
remapped in the config file under `[ui.keymap]` (binding id = "keys"), e.g. `generate = "f5"`.
The rules the checks follow live in `src/afterword/guidance.toml`.
"""


class HelpScreen(ModalScreen[None]):
    """The flow, and the keys of the screen underneath."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "Close", id="help_close")]

    def __init__(self, under: Screen[object] | None = None) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("This help scrolls: ↑↓, PgUp/PgDn or the wheel · Esc closes", classes="dim")
            yield Markdown(FLOW + self._keys())

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def _keys(self) -> str:
        rows = ["", "## Keys here", "", "| key | action |", "|---|---|"]
        seen = set()
        nodes = [self.under, self.app] if self.under is not None else [self.app]
        for node in nodes:
            for _key, binding in node._bindings:  # type: ignore[union-attr]
                if not binding.description or binding.action in seen:
                    continue
                seen.add(binding.action)
                keys = self.app.get_key_display(binding)
                tip = f" — {binding.tooltip}" if binding.tooltip else ""
                rows.append(f"| {keys} | {binding.description}{tip} |")
        return "\n".join(rows) + "\n"

    def action_close(self) -> None:
        self.dismiss(None)
