"""The command palette's entries for the comparison screen, from its key table.

A provider on the screen (``CompareScreen.COMMANDS``) rather than on the app,
so any app that shows the comparison (``storydiff``, review mode) offers them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from .help_screen import key_names


def binding_commands(screen: Screen) -> list[tuple[str, str, Callable[[], Awaitable[None]]]]:
    """(title, help, callback) for each described binding of ``screen``'s table."""
    commands = []
    seen: set[str] = set()
    # The comparison screen's whole table, a subclass's overrides in place.
    table = screen.key_table() if hasattr(screen, "key_table") else screen.BINDINGS
    for binding in table:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        if binding.description in seen or binding.action.startswith("app."):
            continue
        seen.add(binding.description)
        keys = key_names(binding.key).replace(" ", " / ")
        commands.append((binding.description, f"key: {keys}", _runner(screen, binding.action)))
    return commands


def _runner(screen: Screen, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await screen.run_action(action)

    return run


class ScreenKeys(Provider):
    """Every key of the screen the palette was opened from, by its description."""

    async def discover(self) -> Hits:
        for title, help_text, callback in binding_commands(self.screen):
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in binding_commands(self.screen):
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
