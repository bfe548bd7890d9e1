"""An article's column: a header saying who wrote it and what it alone says, over its pane."""

from __future__ import annotations

from rich.text import Text
from storydiff.core.model import Article
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from .pane import ArticlePane
from .story import Story, article_label, plural
from .wrap import defang


def header_text(story: Story, article: Article, number: int) -> Text:
    """Three lines: number, outlet and date; title; conflicts and only-here counts.

    Built from Text pieces, never markup: outlet and title come from the article.
    """
    outlet = defang(article_label(article))
    date = article.date.isoformat() if article.date else "no date"
    title = defang(article.title or "(no title)")
    conflicts = story.conflicts_in(article.id)
    only = story.counts().only_by_article.get(article.id, 0)
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{number} " if number <= 9 else "  ", style="bold reverse")
    text.append(" ")
    text.append(outlet, style="bold")
    text.append(f" · {date}\n")
    text.append(title.replace("\n", " "), style="italic" if article.title else "dim italic")
    text.append("\n")
    if conflicts:
        text.append(f"! differs on {plural(conflicts, 'conflict')}", style="bold")
    else:
        text.append("no conflicts")
    text.append(f"  + {only} only here")
    return text


class PaneHeader(Widget):
    """Who wrote the article and what it alone says; highlighted on the cursor's pane.

    Drawn by ``render`` and repainted (not re-laid-out) when the cursor comes or
    goes, so switching panes stays fast with many articles.
    """

    COMPONENT_CLASSES = {"header--current"}

    DEFAULT_CSS = """
    PaneHeader {
        height: 3;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        background: $panel;
        color: $text-muted;
        margin-right: 1;  /* lines up with the edge column the pane draws below it */
    }
    PaneHeader > .header--current {
        background: $accent 40%;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, text: Text) -> None:
        super().__init__(classes="column--header")
        self.text = text
        self.current = False

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self.refresh()

    def render(self) -> Text:
        text = self.text.copy()
        if self.current:
            # Padded to the full width so the whole header changes colour, and a
            # marker so the current pane shows without colour too.
            width = max(1, self.content_region.width)
            lines = text.split("\n")
            text = Text("\n").join(
                line + Text(" " * max(0, width - line.cell_len)) for line in lines)
            text.stylize(self.get_component_rich_style("header--current"))
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text


class ArticleColumn(Vertical):
    """One article: header above, text below.

    The screen keeps one column per pane that fits (at most four) and points
    them at other articles when the reader pages across, so a story of two
    hundred articles mounts four columns, not two hundred.
    """

    DEFAULT_CSS = """
    ArticleColumn {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(self, story: Story, article: Article, number: int) -> None:
        super().__init__()
        self.story = story
        self.article = article
        self.number = number
        self.header = PaneHeader(header_text(story, article, number))
        self.header.tooltip = article.path
        self.pane = ArticlePane(story, article)

    def set_article(self, article: Article, number: int) -> None:
        """Show another article here: paging reuses columns instead of mounting more."""
        if article.id == self.article.id:
            return
        self.article, self.number = article, number
        self.header.text = header_text(self.story, article, number)
        self.header.tooltip = article.path
        self.header.refresh()
        self.pane.set_article(article)

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.pane
