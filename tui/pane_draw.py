"""How a pane draws an article: its text cut into passages and notes, wrapped, styled, cached.

:class:`ArticleDrawing` is the drawing half of :class:`~storydiff.tui.pane.ArticlePane`
(which keeps the focus, the rows and the scrolling): one screen line at a time
(Textual's line API), each passage's styled words rendered once and cut into its
wrapped lines, every drawn line cached by what it shows.

One drawing per article of a story (:func:`drawings_of`), shared by every pane:
an article that comes into any pane again (tab, 1-9, n/N bringing a conflict's
sides into view, the facts panel's rows) is neither wrapped nor drawn again.
The drawing holds no focus of its own; each call says what the pane shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from storydiff.core.model import Article, FactStatus, GroupStatus, PassageKind, PassageRef
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
# The styles a drawing uses: the pane's component classes (its CSS gives each a look).
COMPONENTS = frozenset({
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
})
# Text-style-only component styles: drawn as partial styles over the tint.
OVERLAYS = frozenset({"pane--own", "pane--heading", "pane--fact"})


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


class Looks:
    """A pane's styles, looked up once per theme (Textual computes them from CSS).

    ``base`` is the pane's own style; ``looks[name]`` a component style (the
    text-style-only overlays partial, so they keep the tint under them).
    """

    __slots__ = ("base", "_styles")

    def __init__(self, base: Style, styles: dict[str, Style]) -> None:
        self.base = base
        self._styles = styles

    def __getitem__(self, name: str) -> Style:
        return self._styles[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Looks) and (self.base, self._styles) == (other.base, other._styles)

    __hash__ = None  # type: ignore[assignment]


class ArticleDrawing:
    """One article as the panes draw it: items, wrapped lines per width, drawn lines."""

    def __init__(self, story: Story, article: Article) -> None:
        self.story = story
        self.article = article
        self.passages = story.report.passages.get(article.id, ())
        self.text = defang(article.text)
        self.lower = self.text.lower()
        self.items = _items(article, self.passages)
        self.item_of_passage = {item.passage: n for n, item in enumerate(self.items)
                                if item.passage is not None}
        # Only ``filtered`` passages look different under another kind filter
        # (their conflicting values are marked or not): the a key repaints just them.
        self.filtered = frozenset(
            p.index for p in self.passages
            if any(fact.status == FactStatus.CONFLICT
                   for fact, _ in story.mentions_in(PassageRef(article.id, p.index))))
        self._wrapped: dict[int, list[list[tuple[int, int]]]] = {}  # by content width
        self._strips: dict[tuple, Strip] = {}
        # A passage's styled words cut into screen lines, per (look, width).
        self._texts: dict[tuple, list[list[Segment]]] = {}

    def lines(self, width: int) -> list[list[tuple[int, int]]]:
        """Each item's screen lines (as text offsets) in a pane ``width`` columns wide."""
        lines = self._wrapped.get(width)
        if lines is None:
            text_width = width - GUTTER
            lines = self._wrapped[width] = [
                [(item.start + s, item.start + e)
                 for s, e in wrap(self.text[item.start:item.end], text_width)]
                for item in self.items
            ]
        return lines

    def forget_looks(self) -> None:
        """The theme changed: drawn lines are stale (wrapping is not)."""
        self._strips.clear()
        self._texts.clear()

    def state_key(self, item_index: int, focus: Focus) -> tuple:
        """What decides how an item looks under ``focus`` (the drawn lines' cache key)."""
        if item_index < 0:
            return ()
        item = self.items[item_index]
        if item.passage is None:
            return (focus.search,)
        aid = self.article.id
        passage = item.passage
        member = focus.member_in(aid)
        is_member = member is not None and member.passage == passage
        is_cursor = focus.ref is not None and focus.ref == PassageRef(aid, passage)
        fact_here = focus.fact.id if focus.fact is not None and any(
            m.article == aid and m.passage == passage
            for m in focus.fact.mentions) else None
        kind = focus.kind_filter if passage in self.filtered else None
        return (is_member, is_cursor, fact_here, kind, focus.search)

    def line(self, item_index: int, line: int, width: int, text_width: int, focus: Focus,
             looks: Looks, console: Console) -> Strip:
        """Screen line ``line`` of item ``item_index`` (or a blank / placeholder row),
        ``width`` cells, for text wrapped at ``text_width``."""
        key = (item_index, line, self.state_key(item_index, focus), width, text_width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > _STRIP_CACHE_LIMIT:
                self._strips.clear()
            strip = self._strips[key] = self._draw(item_index, line, width, text_width, focus,
                                                   looks, console)
        return strip

    def _draw(self, item_index: int, line: int, width: int, text_width: int, focus: Focus,
              looks: Looks, console: Console) -> Strip:
        base = looks.base
        if item_index == _BLANK:
            return Strip.blank(width, base)
        if item_index == _PLACEHOLDER:
            style = base + looks["pane--placeholder"]
            label = PLACEHOLDER_TEXT if width - GUTTER >= len(PLACEHOLDER_TEXT) else "┄ absent"
            segments = [Segment(" · ", style), Segment(label, style)]
            return Strip(segments).crop_extend(0, width, base)
        item = self.items[item_index]
        aid = self.article.id
        if item.passage is None:
            gutter = [Segment(" " * GUTTER, base)]
            key: tuple = (None, item_index, focus.search)
        else:
            status = self.story.status(PassageRef(aid, item.passage))
            is_cursor = focus.ref is not None and focus.ref == PassageRef(aid, item.passage)
            member = focus.member_in(aid)
            bar = "▌" if is_cursor else ("│" if member and member.passage == item.passage
                                         else " ")
            bar_style = base + looks["pane--cursor" if is_cursor else "pane--member"] \
                if bar != " " else base
            caption = not self.passages[item.passage].reporting
            # A caption, credit or teaser: "·" and dimmed, never "+ only here".
            mark = Segment("·", base + looks["pane--note"]) if caption else \
                Segment(MARKS[status], base + looks[f"mark--{status.value}"])
            gutter = [Segment(bar, bar_style), mark, Segment(" ", base)]
            key = (item.passage, self.state_key(item_index, focus))
        lines = self._texts.get((key, text_width))
        if lines is None:
            if len(self._texts) > _STRIP_CACHE_LIMIT:
                self._texts.clear()
            text = self._note_text(item, focus, looks) if item.passage is None else \
                self._passage_text(item.passage, focus, looks)
            lines = self._texts[(key, text_width)] = self._split(item_index, text, text_width,
                                                                 console)
        return Strip(gutter + lines[line]).crop_extend(0, width, base)

    def _split(self, item_index: int, text: Text, text_width: int,
               console: Console) -> list[list[Segment]]:
        """The styled text rendered once and cut into its wrapped lines.

        Cutting rendered segments is much cheaper than slicing and rendering a
        Text per line (which a full repaint of four panes would do 160 times).
        """
        item = self.items[item_index]
        plain = self.text[item.start:item.end]
        ascii_only = plain.isascii()

        def cells(offset: int) -> int:
            return offset if ascii_only else cell_len(plain[:offset])

        cuts: list[int] = []
        for start, end in self.lines(text_width)[item_index]:
            cuts += [cells(start - item.start), cells(end - item.start)]
        segments = list(text.render(console))
        pieces = list(Segment.divide(segments, cuts + [cell_len(plain) + 1]))
        return [pieces[n] for n in range(1, len(cuts), 2)]

    def _note_text(self, item: _Item, focus: Focus, looks: Looks) -> Text:
        text = Text(self.text[item.start:item.end], no_wrap=True)
        # The look is a span, not Text.style: a line cut from a Text without spans
        # renders with no style at all.
        text.stylize(looks.base + looks["pane--note"])
        self._mark_search(text, item.start, focus, looks)
        return text

    def _passage_text(self, index: int, focus: Focus, looks: Looks) -> Text:
        """The passage's words with every highlight that applies to them now."""
        passage = self.passages[index]
        aid = self.article.id
        ref = PassageRef(aid, index)
        status = self.story.status(ref)
        style = looks.base + looks["pane--note" if not passage.reporting else f"pane--{status.value}"]
        if passage.kind == PassageKind.HEADING:
            style += looks["pane--heading"]
        member = focus.member_in(aid)
        in_group = member is not None and member.passage == index
        if in_group:
            style += looks["pane--cursor" if focus.ref == ref else "pane--member"]
        text = Text(self.text[passage.start:passage.end], no_wrap=True)
        text.stylize(style)  # a span (see _note_text), under every highlight added below
        length = len(text)
        if in_group and status != GroupStatus.ONLY:
            group = self.story.report.group_of.get(ref)
            diff = None if group is None else self.story.report.groups[group].diff_of(ref)
            if diff is not None:
                own = looks["pane--own"]
                for s, e in diff.own:
                    text.stylize(own, max(0, s), min(length, e))
        conflict = looks["pane--conflict"]
        chosen = looks["pane--fact"]
        for fact, mention in self.story.mentions_in(ref):
            s, e = mention.start - passage.start, mention.end - passage.start
            if focus.fact is not None and fact.id == focus.fact.id:
                text.stylize(chosen, max(0, s), min(length, e))
            elif fact.status == FactStatus.CONFLICT and kind_matches(fact.kind,
                                                                     focus.kind_filter):
                text.stylize(conflict, max(0, s), min(length, e))
        self._mark_search(text, passage.start, focus, looks)
        return text

    def _mark_search(self, text: Text, offset: int, focus: Focus, looks: Looks) -> None:
        query = focus.search.lower()
        if not query:
            return
        haystack = self.lower[offset:offset + len(text)]
        style = looks["pane--search"]
        at = haystack.find(query)
        while at != -1:
            text.stylize(style, at, at + len(query))
            at = haystack.find(query, at + len(query))


class Drawings:
    """Every article's drawing for one story, made when a pane first shows it."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self._drawings: dict[str, ArticleDrawing] = {}
        self.looks: Looks | None = None

    def __getitem__(self, article_id: str) -> ArticleDrawing:
        drawing = self._drawings.get(article_id)
        if drawing is None:
            article = self.story.report.article(article_id)
            drawing = self._drawings[article_id] = ArticleDrawing(self.story, article)
        return drawing

    def use(self, looks: Looks) -> None:
        """Draw with ``looks`` from now on; lines drawn with other looks are dropped."""
        if looks != self.looks:
            if self.looks is not None:
                for drawing in self._drawings.values():
                    drawing.forget_looks()
            self.looks = looks


_DRAWINGS: WeakKeyDictionary[Story, Drawings] = WeakKeyDictionary()


def drawings_of(story: Story) -> Drawings:
    """The drawings of ``story``'s articles, shared by all its panes (they go with the story)."""
    drawings = _DRAWINGS.get(story)
    if drawings is None:
        drawings = _DRAWINGS[story] = Drawings(story)
    return drawings
