"""The footer: Textual's, redrawn only when the keys it shows change.

Textual's :class:`~textual.widgets.Footer` composes its key widgets again
whenever the screen's bindings are refreshed, which happens on every focus
change and every return from a dialog (``?``, ``e``, Escape): about ten
widgets mounted and styled, 30-50 ms of a key's budget, for the same keys.
This one remembers what it drew and skips the rebuild when nothing differs.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A footer that recomposes only when its keys (or their enabled state) change."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._drawn: Hashable | None = None

    def compose(self) -> ComposeResult:
        self._drawn = _shown_keys(self.screen) if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if (self._drawn is not None and self.is_attached and screen is self.screen
                and _shown_keys(screen) == self._drawn):
            return
        super().bindings_changed(screen)


def _shown_keys(screen: Screen) -> Hashable:
    return tuple((key, binding.action, binding.description, binding.key_display, enabled,
                  tooltip, binding.show)
                 for key, (_, binding, enabled, tooltip) in screen.active_bindings.items())
