"""A footer that never cuts a key in half: the screen's own keys in the order it lists them
(its priority), then the app's, as many as fit the width; the palette key (every action) stays."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PALETTE_WIDTH = 16
"""Room kept on the right for the command palette key."""


class FitFooter(Footer):
    """`Footer`, dropping the lowest-priority keys that would not fit."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._width = 0

    def _ranked(self) -> list[tuple[Binding, bool, str, int]]:
        """Shown bindings, one per action, each with its place: the screen's in the order it
        lists them, then the app's (help right after the screen's first three)."""
        screen = self.screen
        rank = {b.action: n for n, (_key, b) in enumerate(screen._bindings)}
        out: dict[str, tuple[Binding, bool, str, int]] = {}
        for _ns, binding, enabled, tip in screen.active_bindings.values():
            if binding.show and binding.action not in out:
                place = rank.get(binding.action, 100 + len(out))
                out[binding.action] = (binding, enabled, tip, place)
        return sorted(out.values(), key=lambda b: b[3])

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        budget = (self.size.width or self.app.size.width) - PALETTE_WIDTH
        ranked = self._ranked()
        by_priority = sorted(ranked, key=lambda b: 2.5 if b[0].action == "app.help" or b[0].id == "help"
                             else b[3])
        chosen: set[int] = set()
        for n, (binding, _enabled, _tip, _place) in enumerate(by_priority):
            cost = cell_len(self.app.get_key_display(binding)) + 2 + cell_len(binding.description) + 1
            if cost <= budget:  # " key " + "description "; a shorter one further down may still fit
                budget -= cost
                chosen.add(id(by_priority[n]))
        for entry in ranked:
            if id(entry) in chosen:
                binding, enabled, tooltip, _place = entry
                yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                                binding.action, disabled=not enabled, tooltip=tooltip
                                ).data_bind(compact=Footer.compact)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            yield FooterKey(palette.binding.key, self.app.get_key_display(palette.binding), "all keys",
                            palette.binding.action, classes="-command-palette",
                            tooltip="Every action of this screen, searchable")

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)
