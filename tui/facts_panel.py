"""The facts panel (key f): the claim × source matrix, conflicts first.

Each row is one fact; each article column holds that article's words for it
(or "—" when it does not say). Moving onto a row brings the panes to its
mentions; Enter goes back to the panes there.
"""

from __future__ import annotations

from rich.text import Text
from storydiff.core.model import Fact, FactStatus
from textual.message import Message
from textual.widgets import DataTable

from .story import Story, article_label, kind_matches
from .wrap import defang

# Rows are sorted by status in this order: what needs a human first.
STATUS_ORDER = {FactStatus.CONFLICT: 0, FactStatus.COMPATIBLE: 1, FactStatus.AGREE: 2,
                FactStatus.SINGLE: 3}
STATUS_LABELS = {FactStatus.CONFLICT: "! conflict", FactStatus.COMPATIBLE: "≈ compatible",
                 FactStatus.AGREE: "= agree", FactStatus.SINGLE: "+ single"}
# An article's words for a fact are cut to fit the screen, between these widths
# (12 keeps "at least 140 attacks" legible; 28 holds most value phrases whole).
MIN_CELL, MAX_CELL = 12, 28
FIXED_COLUMNS = 56  # status, kind and fact columns with their padding


def matrix_rows(story: Story, kind_filter: str) -> list[Fact]:
    """The facts shown, in the panel's order: conflicts first, then by reading order."""
    order = {f.id: n for n, f in enumerate(story.report.facts)}
    facts = [f for f in story.report.facts if kind_matches(f.kind, kind_filter)]
    return sorted(facts, key=lambda f: (STATUS_ORDER.get(f.status, 9), order[f.id]))


class FactsPanel(DataTable, can_focus=False):
    """A DataTable of facts × articles; every cell is a Text (article words are not markup).

    It never takes focus (a focus change rebuilds the footer and re-lays-out
    the screen): the comparison screen's j/k, enter and esc drive it while open.
    """

    DEFAULT_CSS = """
    FactsPanel {
        dock: bottom;
        height: 40%;
        min-height: 6;
        border-top: solid $accent;
        display: none;
    }
    FactsPanel.-shown { display: block; }
    """

    class FactChosen(Message):
        """A row was highlighted (``go`` False) or selected with Enter (``go`` True)."""

        def __init__(self, fact: Fact, go: bool) -> None:
            super().__init__()
            self.fact = fact
            self.go = go

    def __init__(self, story: Story) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True)
        self.story = story
        self.facts: list[Fact] = []
        self.filled_for: str | None = None  # the kind filter the rows were built for

    def fill(self, kind_filter: str, width: int = 160) -> None:
        """(Re)build the matrix for the kind filter, its cells sized for ``width`` columns."""
        self.filled_for = kind_filter
        articles = max(1, len(self.story.article_ids))
        cell = max(MIN_CELL, min(MAX_CELL, (width - FIXED_COLUMNS) // articles - 2))
        self.clear(columns=True)
        self.add_column(Text("status"), key="status")
        self.add_column(Text("kind"), key="kind")
        self.add_column(Text("fact"), key="fact", width=30)
        for aid in self.story.article_ids:
            label = defang(article_label(self.story.report.article(aid), cell))
            self.add_column(Text(label), key=aid)
        self.facts = matrix_rows(self.story, kind_filter)
        if not self.facts:
            note = ("no facts reported for this story" if not self.story.report.facts
                    else f"no facts of kind '{kind_filter}'")
            self.add_row(Text(""), Text(""), Text(note, style="italic"),
                         *[Text("") for _ in self.story.article_ids])
            return
        for fact in self.facts:
            by_article = fact.values_by_article()
            status_style = "bold" if fact.status == FactStatus.CONFLICT else ""
            cells = [Text(STATUS_LABELS.get(fact.status, str(fact.status)), style=status_style),
                     Text(defang(fact.kind)),
                     Text(defang(fact.label or fact.kind), overflow="ellipsis", no_wrap=True)]
            for aid in self.story.article_ids:
                mentions = by_article.get(aid)
                words = "; ".join(defang(m.text) for m in mentions) if mentions else "—"
                if len(words) > cell:
                    words = words[: cell - 1] + "…"
                cells.append(Text(words, style=status_style if mentions else "dim"))
            self.add_row(*cells, key=str(fact.id))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.facts) and self.has_class("-shown"):
            self.post_message(self.FactChosen(self.facts[event.cursor_row], go=False))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.facts):
            self.post_message(self.FactChosen(self.facts[event.cursor_row], go=True))

    def step(self, delta: int) -> None:
        """Move the row cursor (the panes follow the highlighted fact)."""
        if self.facts:
            self.move_cursor(row=max(0, min(len(self.facts) - 1, self.cursor_row + delta)))

    def choose(self) -> None:
        """Go to the highlighted fact."""
        if 0 <= self.cursor_row < len(self.facts):
            self.post_message(self.FactChosen(self.facts[self.cursor_row], go=True))
