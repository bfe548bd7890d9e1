"""Choosing which articles get a pane (key p), for stories with more than fit."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.strip import Strip
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from .story import Story, article_label
from .wrap import defang


class CheckList(SelectionList[str]):
    """A selection list whose rows read "[x]" or "[ ]": checked shows without colour too."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        try:
            selection = self.get_option_at_index(int(self.scroll_offset.y) + y)
        except OptionDoesNotExist:
            return line
        if len(segments) < 3:
            return line
        checked = selection.value in self._selected
        left, inner, right = segments[:3]
        style = inner.style
        return Strip([Segment("[", style), Segment("x" if checked else " ", style),
                      Segment("]", style), *segments[3:]])


class PickScreen(ModalScreen[list[str] | None]):
    """A checklist of articles; returns the chosen ids in story order (None: cancelled)."""

    AUTO_FOCUS = "CheckList"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "done", "Show these", priority=True),
    ]

    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    PickScreen > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    PickScreen SelectionList { height: auto; max-height: 30; }
    """

    def __init__(self, story: Story, shown: list[str]) -> None:
        super().__init__()
        self.story = story
        self.shown = set(shown)

    def compose(self) -> ComposeResult:
        selections = []
        for aid in self.story.article_ids:
            article = self.story.report.article(aid)
            prompt = Text(f"{defang(article_label(article, 24))}  ")
            prompt.append(defang(article.title or aid), style="italic")
            selections.append(Selection(prompt, aid, aid in self.shown))
        with Vertical():
            yield Label(Text("Articles shown (space toggles, enter applies, esc cancels)"))
            yield CheckList(*selections)

    def on_screen_resume(self) -> None:
        """Shown again (the list is kept between presses of p): tick what is shown now."""
        checklist = self.query(CheckList)
        if not checklist:
            return  # the first showing: compose ticked them
        rows = checklist.first()
        for aid in self.story.article_ids:
            if aid in self.shown:
                rows.select(aid)
            else:
                rows.deselect(aid)
        rows.highlighted = 0  # from the top, as when it was new

    def action_done(self) -> None:
        chosen = set(self.query_one(CheckList).selected)
        self.dismiss([aid for aid in self.story.article_ids if aid in chosen] or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
