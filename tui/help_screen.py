"""The help screen (key ?): every key of the comparison screen, from its BINDINGS table.

Generated, so the help can never disagree with the keys; followed by what the
gutter marks and highlights mean.
"""

from __future__ import annotations

from rich.text import Text
from storydiff.core.model import GroupStatus
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from .story import MARKS, STATUS_WORDS

_KEY_NAMES = {"down": "↓", "up": "↑", "left": "←", "right": "→", "tab": "tab",
              "shift+tab": "shift+tab", "slash": "/", "question_mark": "?",
              "right_square_bracket": "]", "left_square_bracket": "[", "escape": "esc",
              "pagedown": "pgdn", "pageup": "pgup", "space": "space", "enter": "enter"}


def key_names(keys: str) -> str:
    """``"j,down"`` → ``"j ↓"``: how a binding's keys are written for a reader."""
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def help_text(bindings: list[BindingType]) -> Text:
    """The key table and the legend as one Text."""
    text = Text()
    text.append("Keys\n\n", style="bold underline")
    # Bindings sharing a description (the nine pane digits) are one line.
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            rows.setdefault(binding.description, []).append(key_names(binding.key))
    for description, keys in rows.items():
        shown = f"{keys[0]}–{keys[-1]}" if len(keys) > 2 else " ".join(keys)
        text.append(f"  {shown:<14}", style="bold")
        text.append(f"{description}\n")
    text.append("\nGutter marks (the same as the colours)\n\n", style="bold underline")
    for status in GroupStatus:
        text.append(f"  {MARKS[status]}  ", style="bold")
        text.append(f"{STATUS_WORDS[status]}\n")
    text.append("  ·  a caption, photo credit or teaser: kept in the text, never compared\n")
    text.append("  ▌  the cursor's passage;  │  the same passage in the other panes\n")
    text.append("  ┄  a placeholder where an article lacks the focused passage\n")
    text.append("\nIn the focused passage ", style="")
    text.append("underlined", style="underline")
    text.append(" words are that outlet's own wording; ")
    text.append("bold underlined", style="bold underline")
    text.append(" words are values that conflict with another outlet's; ")
    text.append("reversed", style="reverse")
    text.append(" words state the fact being looked at (n, facts panel).\n")
    text.append("\nPress ? or esc to close.", style="italic")
    return text


class HelpScreen(Screen[None]):
    """A scrollable card; a whole screen, so opening it need not repaint the panes beneath."""

    AUTO_FOCUS = "VerticalScroll"  # so arrows and page keys scroll a long help
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 1 2;
    }
    """

    def __init__(self, bindings: list[BindingType]) -> None:
        super().__init__()
        self._bindings_table = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(help_text(self._bindings_table), markup=False)
