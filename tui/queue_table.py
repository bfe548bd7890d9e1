"""The review queue's two tables, laid out for the terminal's width.

A story row reads Status · Size · New · To do · Confl · Dates · Outlets ·
Story. On a narrow terminal the story's title must still be readable, so the
columns a reviewer needs least are left out first (Outlets, then Dates, then
To do and New) until the title has :data:`TITLE_MIN` cells, and the title
takes whatever width is left rather than running off the screen. The article
rows below shrink their outlet column the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from storydiff.core.model import Article
from storydiff.core.review.queue import QueueRow, date_span
from storydiff.core.review.stories import headline
from storydiff.core.text import one_line as _safe_line

TITLE_MIN = 36  # cells: enough for most headlines' first words
PADDING = 2  # DataTable's cell padding: one cell each side
SCROLLBAR = 2  # the queue's vertical scrollbar, shown once rows outnumber the height


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int  # cells, without padding
    drop: int  # 0: always shown; otherwise left out first when the number is highest


STORY_COLUMNS = (
    Column("status", "Status", 9, 0),
    Column("size", "Size", 4, 0),
    Column("new", "New", 3, 2),
    Column("todo", "To do", 5, 3),
    Column("confl", "Confl", 5, 0),
    Column("dates", "Dates", 23, 4),
    Column("outlets", "Outlets", 29, 5),
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Which story columns fit a width, and how wide the title and outlet cells may be."""

    columns: tuple[Column, ...]
    title_width: int
    outlet_width: int  # the article table's Outlet column

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns)


def layout_for(width: int) -> Layout:
    """The story columns that leave the title at least :data:`TITLE_MIN` cells of ``width``."""
    columns = list(STORY_COLUMNS)
    room = width - SCROLLBAR - PADDING

    def left() -> int:
        return room - sum(c.width + PADDING for c in columns)

    for column in sorted(STORY_COLUMNS, key=lambda c: -c.drop):
        if left() >= TITLE_MIN or not column.drop:
            break
        columns.remove(column)
    outlet = 22 if width >= 100 else 14
    return Layout(tuple(columns), max(left(), 12), outlet)


def story_cells(row: QueueRow, layout: Layout) -> list[Text]:
    """One story row's cells, in the layout's columns, the title last."""
    status_style = {"flagged": "bold red", "new": "bold cyan", "reviewed": "dim",
                    "partly": "yellow", "open": ""}[row.status]
    badge = {"flagged": "⚑ flagged", "new": "● new", "reviewed": "✓ done",
             "partly": "◐ partly", "open": "○ open"}[row.status]
    outlets = ", ".join(row.story.outlets) or "-"
    title = one_line(row.story.title)
    if row.story.problem:
        title = f"({row.story.problem}) {title}"
    if row.note:  # the note stays readable: the title gives way to it
        note = f"  ✎ {_cut(one_line(row.note), min(40, layout.title_width // 2))}"
        title = _cut(title, layout.title_width - len(note)) + note
    cells = {
        "status": Text(badge, style=status_style),
        "size": Text(str(row.size), justify="right"),
        "new": Text(str(row.new) if row.new else "", justify="right", style="cyan"),
        "todo": Text(str(row.unreviewed) if row.unreviewed else "", justify="right"),
        "confl": conflict_cell(row.conflicts, row.size),
        "dates": Text(date_span(row.story)),
        "outlets": Text(_cut(outlets, 29)),
    }
    return [cells[key] for key in layout.keys] + [
        Text(_cut(title, layout.title_width), style="dim" if row.done else "")]


def conflict_cell(count: int | None, size: int) -> Text:
    """A story's conflict count: "…" while it is being compared, "-" for a lone article."""
    if count is None:
        return Text("-" if size == 1 else "…", justify="right")
    return Text(str(count), justify="right", style="bold red" if count else "")


def article_cells(article: Article, row: QueueRow, layout: Layout) -> list[Text]:
    """One article row: marks, outlet, date, headline, note."""
    mark = row.article_marks.get(article.fingerprint)
    badges = []
    if mark is not None and mark.reviewed:
        badges.append("✓")
    if mark is not None and mark.flagged:
        badges.append("⚑")
    if article.fingerprint in row.new_articles:
        badges.append("new")
    return [
        Text(" ".join(badges), style="bold red" if mark and mark.flagged else "cyan"),
        Text(_cut(one_line(article.outlet or article.source or "-"), layout.outlet_width)),
        Text(article.date.isoformat() if article.date else ""),
        Text(_cut(one_line(headline(article)), 100)),
        Text(one_line(mark.note)[:60] if mark else "", style="italic"),
    ]


def matches(row: QueueRow, words: Sequence[str]) -> bool:
    """Whether every word of the "/" filter is in the story's title or outlets."""
    if not words:
        return True
    text = " ".join((row.story.title, *row.story.outlets)).lower()
    return all(word in text for word in words)


def one_line(text: str) -> str:
    """A title, outlet or note on one line, with no control characters or bidi overrides."""
    return " ".join(_safe_line(text).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
