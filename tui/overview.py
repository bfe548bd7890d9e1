"""The story overview line: how many groups agree, differ, conflict; what each outlet alone says."""

from __future__ import annotations

from rich.text import Text
from storydiff.core.model import GroupStatus
from textual.widgets import Static

from .story import MARKS, Story, article_label
from .wrap import defang


def overview_text(story: Story, kind_filter: str, where: str = "") -> Text:
    """One line of counts, each with its gutter mark so it reads without colour."""
    counts = story.counts()
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{len(story.article_ids)} articles · {len(story.report.groups)} groups: ")
    text.append(f"{MARKS[GroupStatus.AGREE]} {counts.agree} agree", style="bold")
    text.append(f"  {MARKS[GroupStatus.WORDING]} {counts.wording} differ in wording  ")
    text.append(f"{MARKS[GroupStatus.FACTS]} {counts.facts} conflicting",
                style="bold" if counts.facts else "")
    if counts.conflicts:
        text.append(f" ({counts.conflicts} facts)", style="bold")
    text.append(f"  {MARKS[GroupStatus.ONLY]} only here: ")
    text.append(" ".join(f"{defang(article_label(story.report.article(aid), 14))} "
                         f"{counts.only_by_article[aid]}" for aid in story.article_ids))
    text.append(f"  │ filter: {kind_filter}")
    if where:
        text.append(f"  │ {where}")
    return text


class OverviewBar(Static):
    """The line at the top of the comparison screen."""

    DEFAULT_CSS = """
    OverviewBar {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text;
    }
    """
