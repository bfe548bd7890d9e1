"""The facts panel (key f): the claim × source matrix, conflicts first.

Each row is one fact; each article column holds that article's words for it
(or "—" when it does not say). Moving onto a row brings the panes to its
mentions; Enter goes back to the panes there.

The matrix is drawn a line at a time (Textual's line API), like the panes:
every row is rendered once per report, kind filter and theme, and moving the
cursor repaints two lines. (A ``DataTable`` re-renders every visible cell of
every column whenever its cursor moves or it is shown: 20 articles made that
a third of a second per key.) The panel floats on its own layer over the
bottom of the panes, so opening and closing it never re-lays-out or repaints
them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from storydiff.core.model import Fact, FactStatus
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

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
FACT_CELL = 40  # the fact's label; longer labels end in "…"
FIXED_COLUMNS = 66  # status, kind and fact columns with their padding
# The panel's share of the screen: enough rows to compare several facts, while
# the panes above keep the focused passage in view.
HEIGHT_SHARE, MIN_HEIGHT = 0.4, 6
STRIPS_KEPT = 2000  # finished lines kept per matrix (a few screens' worth of scrolling)


@dataclass(slots=True)
class _Matrix:
    """The panel's rows for one kind filter and cell width."""

    facts: list[Fact]
    header: list[Segment]
    body: list[list[Text]]  # each row's cells
    widths: list[int]
    # Rows are rendered when first shown: building all of them (152 facts x 23
    # columns) took 80 ms, where the dozen rows in view take a few.
    drawn: dict[int, list[Segment]] = field(default_factory=dict)
    strips: dict[tuple, Strip] = field(default_factory=dict)  # finished lines, by look


def matrix_rows(story: Story, kind_filter: str) -> list[Fact]:
    """The facts shown, in the panel's order: conflicts first, then by reading order."""
    order = {f.id: n for n, f in enumerate(story.report.facts)}
    facts = [f for f in story.report.facts if kind_matches(f.kind, kind_filter)]
    return sorted(facts, key=lambda f: (STATUS_ORDER.get(f.status, 9), order[f.id]))


def panel_height(screen_height: int) -> int:
    """Rows the open panel takes (border included) on a screen ``screen_height`` rows tall."""
    return max(MIN_HEIGHT, int(screen_height * HEIGHT_SHARE))


class FactsPanel(ScrollView, can_focus=False):
    """The facts × articles matrix; every cell is a Text (article words are not markup).

    It never takes focus (a focus change rebuilds the footer and re-lays-out
    the screen): the comparison screen's j/k, enter and esc drive it while open.
    """

    COMPONENT_CLASSES = {"facts--header", "facts--cursor", "facts--even"}

    DEFAULT_CSS = """
    FactsPanel {
        layer: facts;
        dock: bottom;
        margin-bottom: 1;  /* the footer stays visible below it */
        height: 40%;  /* the screen sets panel_height() rows when it opens the panel */
        border-top: solid $accent;
        background: $surface;
        color: $foreground;
        scrollbar-size-vertical: 1;
        display: none;
    }
    FactsPanel.-shown { display: block; }
    FactsPanel > .facts--header { text-style: bold; background: $panel; color: $foreground; }
    FactsPanel > .facts--even { background: $surface-lighten-1 50%; }
    FactsPanel:dark > .facts--even { background: $surface-darken-1 40%; }
    FactsPanel > .facts--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    """

    class FactChosen(Message):
        """A row was highlighted (``go`` False) or selected with Enter (``go`` True)."""

        def __init__(self, fact: Fact, go: bool) -> None:
            super().__init__()
            self.fact = fact
            self.go = go

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story
        self.facts: list[Fact] = []
        self.filled_for: str | None = None  # the kind filter the rows were built for
        self.cursor_row = 0
        self._matrix = _Matrix([], [], [], [])
        # One matrix per kind filter and cell width, kept: the a key changes the filter,
        # and building the rows again (cells, tallies, widths) took 10-25 ms of the next f.
        self._matrices: dict[tuple[str, int], _Matrix] = {}
        self._cells_of: dict[int, list[Text]] = {}  # a fact's row, the same under any filter
        self._looks: dict[str, Style] = {}

    # --- building ----------------------------------------------------------------

    def fill(self, kind_filter: str, width: int = 160) -> None:
        """(Re)build the matrix for the kind filter, its cells sized for ``width`` columns."""
        self.filled_for = kind_filter
        ids = self.story.article_ids
        cell = max(MIN_CELL, min(MAX_CELL, (width - FIXED_COLUMNS) // max(1, len(ids)) - 2))
        matrix = self._matrices.get((kind_filter, cell))
        if matrix is None:
            matrix = self._matrices[(kind_filter, cell)] = self._build(kind_filter, cell)
        self._matrix = matrix
        self.facts = matrix.facts
        self.cursor_row = 0
        size = Size(sum(matrix.widths) + 2 * len(matrix.widths), len(matrix.body) + 1)
        if self.display:
            self.virtual_size = size
        else:
            # Hidden (filled ahead of f): no layout now, showing the panel lays it out.
            self.set_reactive(FactsPanel.virtual_size, size)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def draw_ahead(self, rows: int) -> None:
        """Render the first ``rows`` rows now (while the reader reads), not on the next f."""
        matrix = self._matrix
        for row in range(min(rows, len(matrix.body))):
            if row not in matrix.drawn:
                matrix.drawn[row] = _line(matrix.body[row], matrix.widths, self.app.console)

    def _build(self, kind_filter: str, cell: int) -> _Matrix:
        ids = self.story.article_ids
        facts = matrix_rows(self.story, kind_filter)
        header = [Text("status"), Text("kind"), Text("fact"), Text("values — who states each")]
        header += [Text(f"{n + 1} " + defang(article_label(self.story.report.article(aid), cell)))
                   for n, aid in enumerate(ids)]
        body = []
        for fact in facts:
            cells = self._cells_of.get(fact.id)
            if cells is None:
                cells = self._cells_of[fact.id] = self._cells(fact)
            body.append(cells)
        if not facts:
            note = ("no facts reported for this story" if not self.story.report.facts
                    else f"no facts of kind '{kind_filter}'")
            body = [[Text(""), Text(""), Text(note, style="italic"), Text(""),
                     *[Text("") for _ in ids]]]
        widths = [max(t.cell_len for t in column) for column in zip(header, *body, strict=True)]
        widths[2] = min(widths[2], FACT_CELL)
        return _Matrix(facts, _line(header, widths, self.app.console), body, widths)

    def _cells(self, fact: Fact) -> list[Text]:
        by_article = fact.values_by_article()
        style = "bold" if fact.status == FactStatus.CONFLICT else ""
        cells = [Text(STATUS_LABELS.get(fact.status, str(fact.status)), style=style),
                 Text(defang(fact.kind)), Text(defang(fact.label or fact.kind)),
                 Text(defang(self._values(fact)), style=style)]
        for aid in self.story.article_ids:
            mentions = by_article.get(aid)
            # Whole words, never cut: the panel scrolls sideways (←/→) to show them.
            words = "; ".join(dict.fromkeys(defang(" ".join(m.text.split())) for m in mentions)) \
                if mentions else "—"
            cells.append(Text(words, style=style if mentions else "dim"))
        return cells

    def _values(self, fact: Fact) -> str:
        """Each resolved value, how many sources state it and which: "! 17 ×1 (4)".

        Sources by their number, as in the column headers and the panes'.
        """
        number = {aid: str(n + 1) for n, aid in enumerate(self.story.article_ids)}
        parts = []
        for row in self.story.tally(fact):
            who = ",".join(number[a] for a in row.articles)
            mark = "! " if row.differs else "≈ " if row.compatible else ""
            parts.append(f"{mark}{row.value} ×{len(row.articles)} ({who})")
        return " · ".join(parts)

    # --- drawing -----------------------------------------------------------------

    def notify_style_update(self) -> None:
        """The theme changed: look the row styles up again."""
        super().notify_style_update()
        self._looks.clear()
        for matrix in self._matrices.values():
            matrix.strips.clear()

    def _look(self, name: str) -> Style:
        if name not in self._looks:
            self._looks[name] = self.rich_style + self.get_component_rich_style(name) \
                if name else self.rich_style
        return self._looks[name]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        x = int(self.scroll_offset.x)
        matrix = self._matrix
        if y == 0:
            row, look = -1, "facts--header"
        else:
            row = int(self.scroll_offset.y) + y - 1
            if not 0 <= row < len(matrix.body):
                return Strip.blank(width, self._look(""))
            look = ("facts--cursor" if row == self.cursor_row and self.facts
                    else "facts--even" if row % 2 else "")
        # Each row is hundreds of cells wide: styling and cropping it took most of a
        # line's time, so the finished line is kept for the next time it is shown.
        key = (row, look, x, width)
        strip = matrix.strips.get(key)
        if strip is None:
            if row < 0:
                segments = matrix.header
            else:
                segments = matrix.drawn.get(row)
                if segments is None:
                    segments = matrix.drawn[row] = _line(matrix.body[row], matrix.widths,
                                                         self.app.console)
            style = self._look(look)
            if len(matrix.strips) > STRIPS_KEPT:
                matrix.strips.clear()
            strip = matrix.strips[key] = Strip(segments).crop_extend(x, x + width, style) \
                .apply_style(style)
        return strip

    # --- the cursor --------------------------------------------------------------

    def step(self, delta: int) -> Fact | None:
        """Move the row cursor; the fact it moved to, for the caller to follow.

        The screen's j/k call this and move the panes in the same frame (a
        message would reach the screen one frame later).
        """
        row = max(0, min(len(self.facts) - 1, self.cursor_row + delta))
        if not self.facts or row == self.cursor_row:
            return None  # no facts, or already on the first / last row
        self.move_to(row, tell=False)
        return self.facts[row]

    def move_to(self, row: int, *, tell: bool = True) -> None:
        """Highlight ``row`` (repainting two lines); ``tell`` the screen which fact it is."""
        if not self.facts or not 0 <= row < len(self.facts):
            return
        old, self.cursor_row = self.cursor_row, row
        top = int(self.scroll_offset.y)
        rows_shown = max(1, self.scrollable_content_region.height - 1)  # below the header
        if row < top or row >= top + rows_shown:
            self.scroll_to(y=row if row < top else row - rows_shown + 1, animate=False,
                           immediate=True)
            self.refresh()
        else:
            for changed in (old, row):
                self.refresh_lines(changed + 1)
        if tell and self.has_class("-shown"):
            self.post_message(self.FactChosen(self.facts[row], go=False))

    def choose(self) -> None:
        """Go to the highlighted fact."""
        if 0 <= self.cursor_row < len(self.facts):
            self.post_message(self.FactChosen(self.facts[self.cursor_row], go=True))

    def on_click(self, event: events.Click) -> None:
        """A click highlights a row; a click on the highlighted row goes there."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = int(self.scroll_offset.y) + offset.y - 1
        if row == self.cursor_row:
            self.choose()
        else:
            self.move_to(row)


def _line(cells: list[Text], widths: list[int], console: object) -> list[Segment]:
    """Cells padded to their column widths (one space either side) as one line of segments."""
    line = Text(no_wrap=True, end="")
    for text, width in zip(cells, widths, strict=True):
        cell = text.copy()
        cell.truncate(width, overflow="ellipsis", pad=True)
        line.append(" ")
        line.append_text(cell)
        line.append(" ")
    return list(line.render(console))  # type: ignore[arg-type]
