"""The conflict strip under the panes: the focused fact's every value, and who states it.

"day of the attack: Sat 20 Jan 2024 — AFP, UPI · Sun 21 Jan 2024 — AiBot" — the
tally of :func:`storydiff.core.export.tally.tally`, so the strip, the ``!``
marks and the panes' counts say the same thing. A differing value is drawn in
the conflict style and marked ``!``, a compatible one ``≈``; the strip wraps
(up to four rows) rather than cut a value off.
"""

from __future__ import annotations

from rich.text import Text
from storydiff.core.model import Fact
from textual.widget import Widget

from .story import Story
from .wrap import defang


def tally_text(story: Story, fact: Fact, prefix: str = "") -> Text:
    """The strip's words: ``prefix``, the fact's label, then each value with its outlets."""
    text = Text(end="")
    if prefix:
        text.append(prefix + " ", style="bold")
    text.append(defang(fact.label or fact.kind), style="bold")
    text.append(": ")
    for n, row in enumerate(story.tally(fact)):
        if n:
            text.append(" · ")
        mark = "! " if row.differs else "≈ " if row.compatible else ""
        text.append(mark + defang(row.value), style="bold reverse" if row.differs else "bold")
        if row.compatible:
            text.append(" (compatible)")
        text.append(" — " + ", ".join(defang(story.names.get(a, a)) for a in row.articles))
    if fact.updated:
        text.append(" · rose from " + " to ".join(defang(v) for v in fact.updated) + " as the story went on",
                    style="italic")
    return text


class ConflictBar(Widget):
    """One to four rows under the panes, shown while a fact is focused."""

    # On the facts panel's layer, docked above the footer: showing, hiding or
    # changing it never re-lays-out the panes (that would cost every n/N 50 ms).
    DEFAULT_CSS = """
    ConflictBar {
        layer: facts;
        dock: bottom;
        margin-bottom: 1;
        height: 1;
        padding: 0 1;
        background: $error 25%;
        color: $foreground;
        display: none;
    }
    ConflictBar.-shown { display: block; }
    """
    MAX_ROWS = 4

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def show_fact(self, story: Story | None, fact: Fact | None, prefix: str = "") -> None:
        """Show ``fact``'s tally (hide the strip when ``fact`` is None)."""
        if story is None or fact is None:
            self.text = Text()
            self.set_class(False, "-shown")
            return
        text = tally_text(story, fact, prefix)
        if text != self.text:
            self.text = text
            width = max(1, (self.app.size.width or 80) - 2)
            rows = min(self.MAX_ROWS, len(text.wrap(self.app.console, width)))
            if self.styles.height is None or self.styles.height.value != rows:
                self.styles.height = rows
            self.refresh()
        self.set_class(True, "-shown")

    def render(self) -> Text:
        return self.text
