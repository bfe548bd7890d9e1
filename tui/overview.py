"""The story overview line: how many groups agree, differ, conflict; what each outlet alone says."""

from __future__ import annotations

from rich.text import Text
from storydiff.core.model import GroupStatus
from textual.widget import Widget

from .story import MARKS, Story, article_label, plural
from .wrap import defang


def overview_text(story: Story, kind_filter: str, where: str = "") -> Text:
    """One line of counts, each with its gutter mark so it reads without colour."""
    counts = story.counts()
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{len(story.article_ids)} articles · {len(story.report.groups)} groups: ")
    text.append(f"{MARKS[GroupStatus.AGREE]} {counts.agree} agree", style="bold")
    text.append(f"  {MARKS[GroupStatus.WORDING]} {counts.wording} differ in wording  ")
    if counts.conflicts:
        text.append(f"{MARKS[GroupStatus.FACTS]} {plural(counts.conflicts, 'conflicting fact')}",
                    style="bold")
    elif counts.facts:  # a report with conflicting groups but no facts listed
        text.append(f"{MARKS[GroupStatus.FACTS]} {plural(counts.facts, 'conflicting group')}",
                    style="bold")
    else:
        text.append("no conflicts")
    if kind_filter != "all":
        text.append(f"  │ filter: {kind_filter}", style="bold")
    if where:
        text.append(f"  │ {where}")
    # Last, because it is the longest and the first thing to cut on a narrow screen.
    text.append(f"  │ {MARKS[GroupStatus.ONLY]} only here: ")
    text.append(" ".join(f"{defang(article_label(story.report.article(aid), 14))} "
                         f"{counts.only_by_article[aid]}" for aid in story.article_ids))
    return text


class OverviewBar(Widget):
    """The line at the top: story counts on the left, the latest message on the right.

    Messages from navigation ("conflict 2/4: …", "no conflicts") go here rather
    than into toasts: a toast mounts a widget and re-lays-out the screen, which
    a key that must answer in 50 ms cannot afford. Updating this line only
    repaints it.
    """

    DEFAULT_CSS = """
    OverviewBar {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.overview = Text()
        self.status = Text()

    def show(self, overview: Text | None = None, status: str | Text | None = None) -> None:
        """Replace the counts and/or the message; repaint only if something changed."""
        changed = False
        if overview is not None and overview != self.overview:
            self.overview, changed = overview, True
        if status is not None:
            status_text = status if isinstance(status, Text) else Text(status, style="bold")
            if status_text != self.status:
                self.status, changed = status_text, True
        if changed:
            self.refresh()

    def render(self) -> Text:
        width = max(1, self.content_region.width or self.size.width)
        status = self.status.copy()
        status.truncate(max(0, width // 2), overflow="ellipsis")
        room = max(0, width - status.cell_len - (2 if status.plain else 0))
        left = self.overview.copy()
        left.truncate(room, overflow="ellipsis")
        line = Text(no_wrap=True, end="")
        line.append_text(left)
        line.append(" " * max(0, width - left.cell_len - status.cell_len))
        line.append_text(status)
        return line
