"""Command palette: every action of the current screen and the app, calling the same `action_*`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Provider
from textual.dom import DOMNode


class ActionsProvider(Provider):
    """Lists each binding (with its keys) of the screen you opened the palette from, and the app's;
    a search matches the description first, then the tooltip ("reply" finds "Reply")."""

    def _actions(self) -> Iterator[tuple[str, str, DOMNode, Binding]]:
        seen: set[str] = set()
        for node in (self.screen, self.app):
            for _key, binding in node._bindings:
                if not binding.description or binding.action in seen:
                    continue
                if node.check_action(binding.action, ()) is False:
                    continue  # it does not apply now ("Add word" without a spelling issue)
                seen.add(binding.action)
                keys = self.app.get_key_display(binding)
                yield f"{binding.description} ({keys})", binding.tooltip, node, binding

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for title, help_text, node, binding in self._actions():
            yield DiscoveryHit(title, partial(self.app.run_action, binding.action, node), help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for title, help_text, node, binding in self._actions():
            score = max(matcher.match(title), matcher.match(f"{title} {help_text}") * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, binding.action, node),
                          help=help_text)
