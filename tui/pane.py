"""One article in one column: its whole text, wrapped, each passage marked by status.

The pane draws one screen line at a time (Textual's line API), so a long
article costs only the lines in view. Each passage starts on its own line
with a gutter mark that says its status without colour (``=`` agrees, ``~``
differs in wording, ``!`` conflicts, ``+`` only here); text outside passages
(datelines, bylines, boilerplate) is shown dimmed so nothing is hidden.

The pane holds no opinion of its own: the screen hands every pane the same
:class:`~storydiff.tui.story.Focus` and each pane draws what that means for
its article (the focused group's passage, its own words, the conflicting
values, search hits, or a placeholder where the article lacks the passage).

This module is the pane as a widget: what the focus means for it, its rows
(passages, gaps, the placeholder) and scrolling. How a line looks is
:mod:`storydiff.tui.pane_draw`'s, whose drawings the story's panes share.
"""

from __future__ import annotations

from rich.segment import Segment
from storydiff.core.model import Article
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .pane_draw import (
    _BLANK,
    _PLACEHOLDER,
    COMPONENTS,
    EDGE,
    GUTTER,
    OVERLAYS,
    Looks,
    drawings_of,
    thumb_rows,
)
from .story import Focus, Story


class ArticlePane(ScrollView, can_focus=False, inherit_bindings=False):
    """A scrollable, word-wrapped view of one article's text.

    Panes never take keyboard focus: every key goes to the screen's one key
    table, and moving between panes costs no focus change (which would
    restyle and re-lay-out the whole screen).
    """

    COMPONENT_CLASSES = set(COMPONENTS)

    DEFAULT_CSS = """
    ArticlePane {
        height: 1fr;
        width: 1fr;
        scrollbar-size-vertical: 0;  /* the edge column shows the position instead */
        overflow-x: hidden;
    }
    ArticlePane > .pane--agree { background: $success 12%; }
    ArticlePane > .pane--wording { }
    ArticlePane > .pane--facts { background: $error 18%; }
    ArticlePane > .pane--only { background: $warning 10%; }
    ArticlePane > .pane--member { background: $accent 28%; }
    ArticlePane > .pane--cursor { background: $accent 45%; text-style: bold; }
    ArticlePane > .pane--own { text-style: underline; }
    ArticlePane > .pane--conflict { background: $error 55%; text-style: bold underline; }
    ArticlePane > .pane--fact { text-style: bold reverse; }
    ArticlePane > .pane--search { background: $secondary 60%; text-style: bold reverse; }
    ArticlePane > .pane--note { color: $text-muted; text-style: italic; }
    ArticlePane > .pane--heading { text-style: bold; }
    ArticlePane > .pane--placeholder { color: $text-muted; }
    ArticlePane > .mark--agree { color: $success; text-style: bold; }
    ArticlePane > .mark--wording { color: $text-muted; }
    ArticlePane > .mark--facts { color: $error; text-style: bold; }
    ArticlePane > .mark--only { color: $warning; text-style: bold; }
    ArticlePane > .pane--edge { color: $panel; }
    ArticlePane > .pane--thumb { color: $scrollbar; }
    """

    class PassageClicked(Message):
        """The reader clicked a passage: focus its group."""

        def __init__(self, pane: ArticlePane, passage: int) -> None:
            super().__init__()
            self.pane = pane
            self.passage = passage

    def __init__(self, story: Story, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.story = story
        self._drawings = drawings_of(story)  # shared with the story's other panes
        self._looks: Looks | None = None
        self._paint_width = 0
        self._width = 0  # the text's width (wrapped for it); 0 until the pane has one
        self._lines: list[list[tuple[int, int]]] = []
        self._edges: tuple[Strip, Strip] | None = None  # track and thumb, per theme
        self._thumb = range(0)
        self.set_article(article)

    def set_article(self, article: Article) -> None:
        """Show another article in this pane (the screen reuses panes when paging)."""
        self.article = article
        self._drawing = drawing = self._drawings[article.id]
        self._items = drawing.items
        self._lines = drawing.lines(self._width) if self._width else []
        self._focus = Focus()
        self._placeholder_after: int | None = None  # passage index; -1 before the first
        self._rows: list[tuple[int, int]] = []
        self._first_row: dict[int, int] = {}
        self._placeholder_row: int | None = None
        if self._lines:
            self._layout_rows()
        if self.is_mounted:
            self._ensure_layout()
            self.scroll_to(y=0, animate=False, immediate=True)
            self.refresh()

    # --- what the screen tells the pane ---------------------------------------------

    @property
    def focus_state(self) -> Focus:
        return self._focus

    def show(self, focus: Focus) -> None:
        """Draw ``focus``: highlight this article's share of it, or a placeholder.

        Only the lines of passages whose look changed are redrawn; a key that
        moves the cursor one passage repaints a few lines, not the pane.
        """
        old = self._focus
        old_touched = self._touched()
        self._focus = focus
        placeholder: int | None = None
        if focus.ref is not None and self.target_passage() is None:
            placeholder = self.story.anchor(self.article.id, focus.ref)
        if not self._rows:  # hidden, never drawn: nothing on screen to update
            self._placeholder_after = placeholder
            return
        if placeholder != self._placeholder_after or old.search != focus.search:
            if placeholder != self._placeholder_after:
                self._placeholder_after = placeholder
                self._layout_rows()
            self.refresh()
            return
        changed = old_touched | self._touched()
        if old.kind_filter != focus.kind_filter:
            changed |= self._drawing.filtered
        for passage in changed:
            first, last = self.rows_of(passage)
            self.refresh_lines(first, last - first + 1)

    def _touched(self) -> set[int]:
        """Passages of this article drawn differently because of the current focus."""
        focus = self._focus
        touched: set[int] = set()
        if focus.ref is not None and focus.ref.article == self.article.id:
            touched.add(focus.ref.passage)
        member = focus.member_in(self.article.id)
        if member is not None:
            touched.add(member.passage)
        if focus.fact is not None:
            touched.update(m.passage for m in focus.fact.mentions
                           if m.article == self.article.id)
        return touched

    def target_passage(self) -> int | None:
        """The passage of this article the focus is about, if it has one."""
        focus = self._focus
        if focus.fact is not None:
            # A differing value first: it is what this pane is shown for.
            mentions = self.story.differing(focus.fact) + list(focus.fact.mentions)
            for mention in mentions:
                if mention.article == self.article.id:
                    if focus.ref is not None and focus.ref.article == self.article.id:
                        return focus.ref.passage
                    return mention.passage
        member = focus.member_in(self.article.id)
        return None if member is None else member.passage

    def target_row(self) -> int | None:
        """The first screen row of the focus in this pane (passage or placeholder)."""
        self._ensure_layout()
        passage = self.target_passage()
        if passage is not None:
            return self._first_row.get(passage)
        return self._placeholder_row

    def rows_of(self, passage: int) -> tuple[int, int]:
        """First and last row of a passage (for keeping it in view)."""
        self._ensure_layout()
        first = self._first_row.get(passage, 0)
        item = self._drawing.item_of_passage.get(passage)
        count = len(self._lines[item]) if item is not None and self._lines else 1
        return first, first + count - 1

    def passage_at_row(self, row: int) -> int | None:
        """The passage drawn on ``row`` (nearest following one for gaps)."""
        self._ensure_layout()
        if not 0 <= row < len(self._rows):
            return None
        item = self._rows[row][0]
        if item >= 0:
            return self._items[item].passage
        return None

    def first_visible_passage(self) -> int | None:
        """The first passage whose text is on screen (where tab lands in a pane)."""
        self._ensure_layout()
        top = int(self.scroll_offset.y)
        for row in range(top, min(len(self._rows), top + max(1, self.size.height))):
            passage = self.passage_at_row(row)
            if passage is not None:
                return passage
        return 0 if self._drawing.passages else None

    @property
    def placeholder_row(self) -> int | None:
        self._ensure_layout()
        return self._placeholder_row

    @property
    def row_count(self) -> int:
        self._ensure_layout()
        return len(self._rows)

    # --- layout ------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(GUTTER + 8, self.scrollable_content_region.width - EDGE)

    def _ensure_layout(self) -> None:
        if not self.scrollable_content_region.width:
            return  # hidden (another pane's turn): wrap when shown, at the real width
        width = self._content_width()
        if width != self._width or not self._lines:
            self._width = width
            self._lines = self._drawing.lines(width)
            self._layout_rows()

    def _layout_rows(self) -> None:
        if not self._lines:
            return
        rows: list[tuple[int, int]] = []
        first: dict[int, int] = {}
        placeholder_row: int | None = None

        def add_placeholder() -> None:
            nonlocal placeholder_row
            placeholder_row = len(rows)
            rows.append((_PLACEHOLDER, 0))

        if self._placeholder_after == -1:
            add_placeholder()
        for n, item in enumerate(self._items):
            if item.gap_before and rows:
                rows.append((_BLANK, 0))
            if item.passage is not None:
                first[item.passage] = len(rows)
            rows.extend((n, line) for line in range(len(self._lines[n])))
            if item.passage is not None and item.passage == self._placeholder_after:
                add_placeholder()
        if self._placeholder_after is not None and placeholder_row is None:
            add_placeholder()
        if placeholder_row is None:
            # Keep the row count the same with or without a placeholder: a change of
            # virtual size makes Textual lay out the whole screen again (slow with 20 panes).
            rows.append((_BLANK, 0))
        self._rows, self._first_row, self._placeholder_row = rows, first, placeholder_row
        size = Size(self._width, len(rows))
        if size != self.virtual_size:
            # Set without the reactive's layout: a pane is 1fr x 1fr, its rows never move a
            # widget, and a layout of the whole screen cost every page turn (tab, 1-9, n/N
            # bringing sides into view) 7-13 ms plus the repaint of what it touched.
            self.set_reactive(ArticlePane.virtual_size, size)
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()

    @property
    def allow_vertical_scroll(self) -> bool:
        """The wheel scrolls when the article is longer than the pane.

        Textual decides this from the (hidden) scrollbar, which follows the rows only
        after a layout; the pane sets its rows without one (see :meth:`_layout_rows`).
        """
        return self.max_scroll_y > 0

    def notify_style_update(self) -> None:
        """The styles may have changed (a theme): look them up again before drawing."""
        super().notify_style_update()
        self._edges = None
        self._looks = None

    # --- drawing -----------------------------------------------------------------

    @property
    def looks(self) -> Looks:
        """The pane's styles; the story's drawings drop lines drawn in other looks."""
        if self._looks is None:
            names = sorted(self.COMPONENT_CLASSES)
            self._looks = Looks(self.rich_style, {
                name: self.get_component_rich_style(name, partial=name in OVERLAYS)
                for name in names})
            self._drawings.use(self._looks)
        return self._looks

    def render_lines(self, crop: Region) -> list[Strip]:
        """Wrap (if the width changed) once per paint, not once per line."""
        self._ensure_layout()
        self._paint_width = max(0, self.scrollable_content_region.width - EDGE)
        self._thumb = thumb_rows(int(self.scroll_offset.y), self.size.height, len(self._rows))
        self._drawings.use(self.looks)  # another pane may have seen a new theme first
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        looks = self.looks
        if self._edges is None:
            self._edges = (Strip([Segment("│", looks.base + looks["pane--edge"])]),
                           Strip([Segment("┃", looks.base + looks["pane--thumb"])]))
        edge = self._edges[y in self._thumb]
        return Strip.join([self._text_line(y), edge])

    def _text_line(self, y: int) -> Strip:
        width = self._paint_width or max(0, self.scrollable_content_region.width - EDGE)
        row = int(self.scroll_offset.y) + y
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, self.looks.base)
        item_index, line = self._rows[row]
        return self._drawing.line(item_index, line, width, self._width, self._focus,
                                  self.looks, self.app.console)

    # --- mouse -------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        passage = self.passage_at_row(int(self.scroll_offset.y) + offset.y)
        if passage is not None:
            self.post_message(self.PassageClicked(self, passage))
