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
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from storydiff.core.model import Article, FactStatus, GroupStatus, PassageKind, PassageRef
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .story import MARKS, Focus, Story, kind_matches
from .wrap import defang, wrap

GUTTER = 3  # cursor bar, status mark, space
# The pane's right edge: one column that is both the line between panes and the
# scroll position ("┃" where the view sits in the article). Drawn with the text,
# rather than as Textual's ScrollBar plus a column border: those two widgets were
# half the cost of every repaint of four panes.
EDGE = 1
_BLANK = -1
_PLACEHOLDER = -2
PLACEHOLDER_TEXT = "┄ not in this article ┄"
_STRIP_CACHE_LIMIT = 4000
_OVERLAYS = frozenset({"pane--own", "pane--heading", "pane--fact"})
# Articles whose wrapped and drawn lines a pane keeps after showing another one:
# turning back to a page of panes (tab, 1-9, n/N) then costs no re-wrap or re-draw.
KEPT_ARTICLES = 12


@dataclass(frozen=True, slots=True)
class _Item:
    """A run of the article's text drawn as a block: a passage, or a line outside passages."""

    start: int
    end: int
    passage: int | None  # None: a dateline, byline or boilerplate line
    gap_before: bool  # a blank line before it (the text starts a new line here)


def thumb_rows(top: int, height: int, rows: int) -> range:
    """The rows of a ``height``-row view that show "you are here" in ``rows`` rows of text.

        >>> thumb_rows(0, 10, 40), thumb_rows(30, 10, 40), thumb_rows(0, 10, 8)
        (range(0, 2), range(8, 10), range(0, 0))
    """
    if rows <= height or height <= 0:
        return range(0)  # all of it is in view: nothing to show
    size = max(1, round(height * height / rows))
    start = min(height - size, round(top * height / rows))
    return range(start, start + size)


def _items(article: Article, passages: tuple) -> list[_Item]:
    """The lines a pane draws: passages, and the notes between them (a byline, a caption).

    Header lines (``title:``, ``source:``, ``date:``, ``url:``) before ``body_start`` are the
    article's metadata, shown in the pane's header, not read as text."""
    text = article.text
    items: list[_Item] = []
    pos = min(article.body_start, min((p.start for p in passages), default=article.body_start))

    def add_notes(end: int) -> None:
        nonlocal pos
        offset = pos
        for line in text[pos:end].split("\n"):
            stripped = line.strip()
            if stripped:
                start = offset + line.index(stripped[0])
                items.append(_Item(start, start + len(stripped), None,
                                   bool(items) and "\n" in text[items[-1].end:start]))
            offset += len(line) + 1
        pos = end

    for passage in sorted(passages, key=lambda p: p.start):
        add_notes(passage.start)
        gap = bool(items) and "\n" in text[items[-1].end:passage.start]
        items.append(_Item(passage.start, passage.end, passage.index, gap))
        pos = passage.end
    add_notes(len(text))
    return items


@dataclass(frozen=True, slots=True)
class _Drawn:
    """What a pane worked out for one article, kept for when it shows that article again."""

    text: str
    items: list[_Item]
    filtered: frozenset[int]
    width: int
    lines: list[list[tuple[int, int]]]
    strips: dict[tuple, Strip]
    texts: dict[tuple, list[list[Segment]]]


class ArticlePane(ScrollView, can_focus=False, inherit_bindings=False):
    """A scrollable, word-wrapped view of one article's text.

    Panes never take keyboard focus: every key goes to the screen's one key
    table, and moving between panes costs no focus change (which would
    restyle and re-lay-out the whole screen).
    """

    COMPONENT_CLASSES = {
        "pane--agree",
        "pane--wording",
        "pane--facts",
        "pane--only",
        "pane--member",
        "pane--cursor",
        "pane--own",
        "pane--conflict",
        "pane--fact",
        "pane--search",
        "pane--note",
        "pane--heading",
        "pane--placeholder",
        "mark--agree",
        "mark--wording",
        "mark--facts",
        "mark--only",
        "pane--edge",
        "pane--thumb",
    }

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
        self._base: Style | None = None
        self._paint_width = 0
        self._edges: tuple[Strip, Strip] | None = None  # track and thumb, per theme
        self._thumb = range(0)
        self._kept: dict[str, _Drawn] = {}
        self.set_article(article)

    def set_article(self, article: Article) -> None:
        """Show another article in this pane (the screen reuses panes when paging)."""
        if getattr(self, "article", None) is not None and self._lines:
            self._kept.pop(self.article.id, None)
            if len(self._kept) >= KEPT_ARTICLES:
                self._kept.pop(next(iter(self._kept)))
            self._kept[self.article.id] = _Drawn(self._text, self._items, self._filtered,
                                                 self._width, self._lines, self._strips,
                                                 self._texts)
        self.article = article
        self._passages = self.story.report.passages.get(article.id, ())
        drawn = self._kept.pop(article.id, None) or self._draft(article)
        self._text, self._items, self._filtered = drawn.text, drawn.items, drawn.filtered
        self._width, self._lines = drawn.width, drawn.lines
        self._strips = drawn.strips
        # A passage's styled words cut into screen lines, per (look, width).
        self._texts = drawn.texts
        self._lower = self._text.lower()
        self._item_of_passage = {item.passage: n for n, item in enumerate(self._items)
                                 if item.passage is not None}
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

    def _draft(self, article: Article) -> _Drawn:
        """A first look at an article: its text cut into passages and notes, not yet wrapped."""
        # Only ``filtered`` passages look different under another kind filter
        # (their conflicting values are marked or not): the a key repaints just them.
        filtered = frozenset(
            p.index for p in self._passages
            if any(fact.status == FactStatus.CONFLICT
                   for fact, _ in self.story.mentions_in(PassageRef(article.id, p.index))))
        return _Drawn(defang(article.text), _items(article, self._passages), filtered, 0, [],
                      {}, {})

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
            changed |= self._filtered
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
        item = self._item_of_passage.get(passage)
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
        return 0 if self._passages else None

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
        if width != self._width:
            self._width = width
            text_width = width - GUTTER
            self._lines = [
                [(item.start + s, item.start + e)
                 for s, e in wrap(self._text[item.start:item.end], text_width)]
                for item in self._items
            ]
            self._strips.clear()
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
        """The theme changed: forget drawn lines."""
        super().notify_style_update()
        self._kept.clear()
        self._edges = None
        self._strips.clear()
        self._texts.clear()
        self._base = None

    @property
    def _base_style(self) -> Style:
        """The pane's own style, looked up once per theme (Textual computes it from CSS)."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    # --- drawing -----------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Wrap (if the width changed) once per paint, not once per line."""
        self._ensure_layout()
        self._paint_width = max(0, self.scrollable_content_region.width - EDGE)
        self._thumb = thumb_rows(int(self.scroll_offset.y), self.size.height, len(self._rows))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if self._edges is None:
            self._edges = (Strip([Segment("│", self._base_style + self._style("pane--edge"))]),
                           Strip([Segment("┃", self._base_style + self._style("pane--thumb"))]))
        edge = self._edges[y in self._thumb]
        return Strip.join([self._text_line(y), edge])

    def _text_line(self, y: int) -> Strip:
        width = self._paint_width or max(0, self.scrollable_content_region.width - EDGE)
        row = int(self.scroll_offset.y) + y
        base = self._base_style
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, base)
        item_index, line = self._rows[row]
        key = (item_index, line, self._state_key(item_index), width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > _STRIP_CACHE_LIMIT:
                self._strips.clear()
            strip = self._draw(item_index, line, width, base)
            self._strips[key] = strip
        return strip

    def _state_key(self, item_index: int) -> tuple:
        if item_index < 0:
            return ()
        item = self._items[item_index]
        if item.passage is None:
            return (self._focus.search,)
        focus = self._focus
        passage = item.passage
        member = focus.member_in(self.article.id)
        is_member = member is not None and member.passage == passage
        is_cursor = focus.ref is not None and focus.ref == PassageRef(self.article.id, passage)
        fact_here = focus.fact.id if focus.fact is not None and any(
            m.article == self.article.id and m.passage == passage
            for m in focus.fact.mentions) else None
        kind = focus.kind_filter if passage in self._filtered else None
        return (is_member, is_cursor, fact_here, kind, focus.search)

    def _style(self, name: str) -> Style:
        """A component style; text-style-only overlays are partial so they keep the tint."""
        return self.get_component_rich_style(name, partial=name in _OVERLAYS)

    def _draw(self, item_index: int, line: int, width: int, base: Style) -> Strip:
        if item_index == _BLANK:
            return Strip.blank(width, base)
        if item_index == _PLACEHOLDER:
            style = base + self._style("pane--placeholder")
            label = PLACEHOLDER_TEXT if width - GUTTER >= len(PLACEHOLDER_TEXT) else "┄ absent"
            segments = [Segment(" · ", style), Segment(label, style)]
            return Strip(segments).crop_extend(0, width, base)
        item = self._items[item_index]
        if item.passage is None:
            gutter = [Segment(" " * GUTTER, base)]
            key: tuple = (None, item_index, self._focus.search)
        else:
            status = self.story.status(PassageRef(self.article.id, item.passage))
            focus = self._focus
            is_cursor = focus.ref is not None and focus.ref == PassageRef(self.article.id,
                                                                          item.passage)
            member = focus.member_in(self.article.id)
            bar = "▌" if is_cursor else ("│" if member and member.passage == item.passage
                                         else " ")
            bar_style = base + self._style("pane--cursor" if is_cursor else "pane--member") \
                if bar != " " else base
            gutter = [Segment(bar, bar_style),
                      Segment(MARKS[status], base + self._style(f"mark--{status.value}")),
                      Segment(" ", base)]
            key = (item.passage, self._state_key(item_index))
        lines = self._texts.get((key, self._width))
        if lines is None:
            if len(self._texts) > _STRIP_CACHE_LIMIT:
                self._texts.clear()
            text = self._note_text(item) if item.passage is None else \
                self._passage_text(item.passage)
            lines = self._texts[(key, self._width)] = self._split(item_index, text)
        return Strip(gutter + lines[line]).crop_extend(0, width, base)

    def _split(self, item_index: int, text: Text) -> list[list[Segment]]:
        """The styled text rendered once and cut into its wrapped lines.

        Cutting rendered segments is much cheaper than slicing and rendering a
        Text per line (which a full repaint of four panes would do 160 times).
        """
        item = self._items[item_index]
        plain = self._text[item.start:item.end]
        ascii_only = plain.isascii()

        def cells(offset: int) -> int:
            return offset if ascii_only else cell_len(plain[:offset])

        cuts: list[int] = []
        for start, end in self._lines[item_index]:
            cuts += [cells(start - item.start), cells(end - item.start)]
        segments = list(text.render(self.app.console))
        pieces = list(Segment.divide(segments, cuts + [cell_len(plain) + 1]))
        return [pieces[n] for n in range(1, len(cuts), 2)]

    def _note_text(self, item: _Item) -> Text:
        text = Text(self._text[item.start:item.end], no_wrap=True)
        # The look is a span, not Text.style: a line cut from a Text without spans
        # renders with no style at all.
        text.stylize(self._base_style + self._style("pane--note"))
        self._mark_search(text, item.start)
        return text

    def _passage_text(self, index: int) -> Text:
        """The passage's words with every highlight that applies to them now."""
        passage = self._passages[index]
        ref = PassageRef(self.article.id, index)
        status = self.story.status(ref)
        focus = self._focus
        style = self._base_style + self._style(f"pane--{status.value}")
        if passage.kind == PassageKind.HEADING:
            style += self._style("pane--heading")
        member = focus.member_in(self.article.id)
        in_group = member is not None and member.passage == index
        if in_group:
            style += self._style("pane--cursor" if focus.ref == ref else "pane--member")
        text = Text(self._text[passage.start:passage.end], no_wrap=True)
        text.stylize(style)  # a span (see _note_text), under every highlight added below
        length = len(text)
        if in_group and status != GroupStatus.ONLY:
            group = self.story.report.group_of.get(ref)
            diff = None if group is None else self.story.report.groups[group].diff_of(ref)
            if diff is not None:
                own = self._style("pane--own")
                for s, e in diff.own:
                    text.stylize(own, max(0, s), min(length, e))
        conflict = self._style("pane--conflict")
        chosen = self._style("pane--fact")
        for fact, mention in self.story.mentions_in(ref):
            s, e = mention.start - passage.start, mention.end - passage.start
            if focus.fact is not None and fact.id == focus.fact.id:
                text.stylize(chosen, max(0, s), min(length, e))
            elif fact.status == FactStatus.CONFLICT and kind_matches(fact.kind,
                                                                     focus.kind_filter):
                text.stylize(conflict, max(0, s), min(length, e))
        self._mark_search(text, passage.start)
        return text

    def _mark_search(self, text: Text, offset: int) -> None:
        query = self._focus.search.lower()
        if not query:
            return
        haystack = self._lower[offset:offset + len(text)]
        style = self._style("pane--search")
        at = haystack.find(query)
        while at != -1:
            text.stylize(style, at, at + len(query))
            at = haystack.find(query, at + len(query))

    # --- mouse -------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        passage = self.passage_at_row(int(self.scroll_offset.y) + offset.y)
        if passage is not None:
            self.post_message(self.PassageClicked(self, passage))
