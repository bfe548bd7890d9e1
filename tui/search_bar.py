"""The search box (key /): text to find across every pane, case-insensitively."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An input docked at the bottom; Enter searches, Esc gives up."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    DEFAULT_CSS = """
    SearchBar { dock: bottom; display: none; border: tall $accent; }
    SearchBar.-shown { display: block; }
    """

    class Cancelled(Message):
        """The reader left the search box without searching."""

    def __init__(self) -> None:
        super().__init__(placeholder="search all panes (enter: find, esc: cancel)")

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
