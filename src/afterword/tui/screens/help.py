"""F1: how afterword works, and every key on the screen you came from."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

FLOW = """\
# afterword — from notes to a follow-up you are proud to send

1. **Dashboard** lists every application: its stage, last contact, the next follow-up and when
   it is due (overdue ones in red). *Enter* opens one, *n* starts a new one, *o* opens a notes file.
2. **Notes** — what you remember from the interview. Multi-line fields take one item per line;
   Enter always inserts a newline (safe for Japanese input). Problems show under each field as you
   type, and everything is autosaved.
3. **Draft** — pick scenario, tone, channel, recipient, backend and model; *ctrl+g* streams a draft
   (one per interviewer for a thank-you). *Esc* stops and keeps what arrived. If Ollama is not
   running, the offline composer is offered at once.
4. **Review** — issues are underlined in the text and listed by severity with the GUIDANCE rule
   they cite. *F2* visits them, *F3* applies a suggestion, *F4* applies all; checks re-run as you
   edit.
5. **Tone variants** — *ctrl+r* drafts the note in several tones side by side, differences
   highlighted; pick one to continue.
6. **Approve** — *ctrl+y* copies the text through your terminal (OSC 52, works over SSH and tmux)
   and the system clipboard when there is one, and records the follow-up as sent so the dashboard
   plans the next one. *ctrl+s* / *ctrl+t* save .eml / .txt, *ctrl+l* opens a mailto: link.

*ctrl+p* opens the command palette with every action; keys can be remapped in the config file
under `[ui.keymap]` (binding id = "keys"), e.g. `generate = "f5"`.
"""


class HelpScreen(ModalScreen[None]):
    """The flow, and the keys of the screen underneath."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "Close", id="help_close")]

    def __init__(self, under: Screen[object] | None = None) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(FLOW + self._keys())

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
