"""How a pane draws an article: its text cut into passages and notes, wrapped, styled, cached.

:class:`PaneDrawing` is the drawing half of :class:`~storydiff.tui.pane.ArticlePane`
(which keeps the focus, the rows and the scrolling): one screen line at a time
(Textual's line API), each passage's styled words rendered once and cut into its
wrapped lines, every drawn line cached by what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from storydiff.core.model import Article, FactStatus, GroupStatus, PassageKind, PassageRef
from textual.geometry import Region
from textual.strip import Strip

from .story import MARKS, kind_matches

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


class PaneDrawing:
    """The pane's drawing methods (a mixin of :class:`~storydiff.tui.pane.ArticlePane`)."""

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
