"""A footer that never cuts a key in half: the screen's own keys in the order it lists them
(its priority), then the app's, as many as fit the width; the palette key (every action) stays."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PALETTE_WIDTH = 14
"""Room kept on the right for the command palette key."""


class FitFooter(Footer):
    """`Footer`, compact, dropping the lowest-priority keys that would not fit."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(compact=True, **kwargs)  # type: ignore[arg-type]
        self._width = 0

    def _ranked(self) -> Iterator[tuple[Binding, bool, str]]:
        screen = self.screen
        rank = {b.action: n for n, (_key, b) in enumerate(screen._bindings)}
        seen: set[str] = set()
        active = [(b, enabled, tip) for (_ns, b, enabled, tip) in screen.active_bindings.values() if b.show]
        for binding, enabled, tip in sorted(active, key=lambda a: rank.get(a[0].action, len(rank))):
            if binding.action not in seen:
                seen.add(binding.action)
                yield binding, enabled, tip

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        budget = (self.size.width or self.app.size.width) - PALETTE_WIDTH
        for binding, enabled, tooltip in self._ranked():
            key = self.app.get_key_display(binding)
            cost = cell_len(key) + 1 + cell_len(binding.description) + 1
            if cost > budget:
                continue  # a shorter one further down may still fit
            budget -= cost
            yield FooterKey(binding.key, key, binding.description, binding.action, disabled=not enabled,
                            tooltip=tooltip).data_bind(compact=Footer.compact)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            yield FooterKey(palette.binding.key, self.app.get_key_display(palette.binding), "all keys",
                            palette.binding.action, classes="-command-palette",
                            tooltip="Every action of this screen, searchable")

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)
