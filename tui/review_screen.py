"""The review queue screen: the stories of a batch above the articles of one.

It lists the stories (``core.queue``) in review order above the articles of
the highlighted story. Enter opens a story (:class:`StoryScreen`); marks,
flags, notes and moves go straight to the marks file (``core.review.marks``), each
committed as it is made.

Loading and grouping run in a worker with a progress bar (Escape cancels and
stops watching the folder until Ctrl+R); comparing each story for its conflict
count runs in another and fills the queue in as it goes (both in
:mod:`storydiff.tui.review_work`). Every
:data:`POLL_SECONDS` the folder is scanned (a ``stat`` per file, in a worker);
new or changed files are read and the queue rebuilt with the cursor kept on
the story the reviewer was on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storydiff.core.model import Article
from storydiff.core.review.inbox import Inbox
from storydiff.core.review.marks import MarkNotSaved, Marks, MarksError
from storydiff.core.review.queue import QueueRow, build_queue
from storydiff.core.review.stories import Story, headline
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, ProgressBar, Static

from .footer import KeyFooter
from .queue_table import Layout, article_cells, layout_for, matches, one_line, story_cells
from .review_dialogs import ReviewHelp
from .review_marks import MarkActions, likely_targets  # noqa: F401 - likely_targets: tests
from .review_work import QueueWork

POLL_SECONDS = 3.0  # how often the folder is scanned for new files: quick enough to feel live


class ReviewScreen(QueueWork, MarkActions, Screen[None]):
    """The queue of stories above the articles of the highlighted one.

    The workers live in :mod:`~storydiff.tui.review_work`, the marking keys in
    :mod:`~storydiff.tui.review_marks`; this class builds the screen, the queue
    and the filter.
    """

    AUTO_FOCUS = None  # focus is set on mount: the queue, whose keys are all single letters
    BINDINGS: list[BindingType] = [
        Binding("o", "open", "Open story", key_display="⏎/o"),
        Binding("r", "reviewed", "Reviewed"),
        Binding("f", "flag", "Flag"),
        Binding("n", "note", "Note"),
        Binding("m", "move", "Move article"),
        Binding("h", "hide", "Hide reviewed"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("j", "down", "Down", show=False),
        Binding("k", "up", "Up", show=False),
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
        # DataTable's own Home/End only scroll; these move the cursor (in the filter line,
        # the text cursor).
        Binding("home", "top", "Top", show=False, priority=True),
        Binding("end", "bottom", "Bottom", show=False, priority=True),
        Binding("ctrl+r", "reload", "Reload", show=False),
        Binding("escape", "cancel", "Cancel loading", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]
    DEFAULT_CSS = """
    ReviewScreen #status { height: 1; padding: 0 1; background: $panel; }
    ReviewScreen #target { height: 1; padding: 0 1; background: $boost; }
    ReviewScreen #filter { display: none; height: 1; border: none; padding: 0 1; }
    ReviewScreen #progress { height: 1; display: none; padding: 0 1; }
    ReviewScreen #progress Label { width: auto; margin-right: 2; }
    ReviewScreen #queue { height: 2fr; }
    ReviewScreen #articles { height: 1fr; min-height: 5; border-top: solid $primary-muted; }
    """

    def __init__(self, paths: Sequence[str], marks: Marks) -> None:
        super().__init__()
        self.paths = list(paths)
        self.marks = marks
        self.inbox = Inbox(self.paths)
        self.articles: tuple[Article, ...] = ()
        self.stories: tuple[Story, ...] = ()
        self.rows: list[QueueRow] = []
        self.hide_reviewed = False
        self.filter_words: tuple[str, ...] = ()  # "/" filter: every word in title or outlets
        self.loading = False
        self.paused = False  # after Escape: no polling until the reviewer reloads (Ctrl+R)
        # Conflict counts by story membership: a story that did not change is not re-compared.
        self.conflicts: dict[frozenset[str], int] = {}
        self._last_progress = 0.0
        self._by_key: dict[str, QueueRow] = {}
        self.queue_layout: Layout | None = None  # the queue's columns for the screen's width

    # --- building ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Input(placeholder="filter: words in titles and outlets (Enter keeps, Escape clears)",
                    id="filter")
        with Horizontal(id="progress"):
            yield Label(id="progress-label")
            yield ProgressBar(id="progress-bar", show_eta=False)
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        articles = DataTable(id="articles", cursor_type="row")
        articles.add_columns("Mark", "Outlet", "Date", "Article", "Note")
        yield articles
        yield Static(id="target")
        yield KeyFooter()

    def _set_columns(self) -> bool:
        """Lay the queue's columns out for the screen's width; True when they changed."""
        layout = layout_for(self.size.width or self.app.size.width)
        if layout == self.queue_layout:
            return False
        self.queue_layout = layout
        queue = self.query_one("#queue", DataTable)
        queue.clear(columns=True)
        for column in layout.columns:
            queue.add_column(column.label, key=column.key)
        queue.add_column("Story", key="story")
        return True

    def on_resize(self) -> None:
        if self._set_columns() and self.stories:
            self.refresh_queue()

    def on_mount(self) -> None:
        self._set_columns()
        self.save(lambda: self.marks.start_session(", ".join(self.paths)))
        if self.marks.notice:
            self.notify(self.marks.notice, title="Marks file", severity="warning",
                        timeout=15, markup=False)
        self.query_one("#queue").focus()
        self._update_status()
        self.load(full=True)
        self.set_interval(POLL_SECONDS, self._poll)

    # --- loading (worker) --------------------------------------------------------------------

    # --- the queue ---------------------------------------------------------------------------

    def save(self, write: Callable[[], object]) -> bool:
        """Make one change to the marks file; a failure is one line on screen, not a traceback."""
        try:
            write()
        except MarkNotSaved as error:
            self.app.not_saved(str(error))  # type: ignore[attr-defined] - a ReviewApp
            return False
        return True

    def refresh_queue(self) -> None:
        """Rebuild the queue from stories and marks, keeping the cursor on the same story."""
        try:
            self._rebuild_queue()
        except MarksError as error:  # the queue stays as it was; the reviewer is told why
            self.notify(str(error), title="Marks file", severity="error", timeout=10,
                        markup=False)

    def _rebuild_queue(self) -> None:
        queue = self.query_one("#queue", DataTable)
        current = self.current_row()
        keep = set(current.story.fingerprints) if current else set()
        counts = {s.key: self.conflicts[s.members] for s in self.stories
                  if s.members in self.conflicts}
        self.rows = build_queue(self.stories, self.marks, counts)
        self._by_key = {r.key: r for r in self.rows}
        shown = [r for r in self.rows if not (self.hide_reviewed and r.done)
                 and matches(r, self.filter_words)]
        scroll = queue.scroll_y
        queue.clear()
        layout = self.queue_layout or layout_for(self.size.width)
        for row in shown:
            queue.add_row(*story_cells(row, layout), key=row.key)
        target = 0
        if keep:
            overlap = [len(keep & set(r.story.fingerprints)) for r in shown]
            if overlap and max(overlap) > 0:
                target = overlap.index(max(overlap))
        queue.scroll_y = scroll
        if shown:
            queue.move_cursor(row=target)
        self._show_articles()
        self._update_status()

    def current_row(self) -> QueueRow | None:
        queue = self.query_one("#queue", DataTable)
        if not queue.row_count:
            return None
        key = queue.coordinate_to_cell_key(queue.cursor_coordinate).row_key.value
        return self._by_key.get(key) if self._by_key else None

    def current_article(self) -> Article | None:
        row = self.current_row()
        table = self.query_one("#articles", DataTable)
        if row is None or not table.row_count:
            return None
        return row.story.articles[min(table.cursor_row, len(row.story.articles) - 1)]

    @on(DataTable.RowHighlighted, "#queue")
    def _highlighted(self) -> None:
        self._show_articles()
        self._update_target()

    @on(DataTable.RowHighlighted, "#articles")
    def _article_highlighted(self) -> None:
        self._update_target()

    def on_descendant_focus(self) -> None:
        self._update_target()

    # --- moving and filtering ------------------------------------------------------------------

    def _table(self) -> DataTable:
        return self.query_one("#articles" if self._article_focused() else "#queue", DataTable)

    def action_down(self) -> None:
        self._table().action_cursor_down()

    def action_up(self) -> None:
        self._table().action_cursor_up()

    def action_top(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.action_home()
            return
        table = self._table()
        if table.row_count:
            table.move_cursor(row=0)

    def action_bottom(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.action_end()
            return
        table = self._table()
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)

    def action_filter(self) -> None:
        """Show the filter line: only stories whose title or outlets hold every word typed."""
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_words = tuple(event.value.lower().split())
        self.refresh_queue()

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = bool(self.filter_words)
        self.query_one("#queue").focus()

    def _clear_filter(self) -> bool:
        box = self.query_one("#filter", Input)
        if not (box.display or self.filter_words):
            return False
        box.value = ""
        box.display = False
        self.filter_words = ()
        self.query_one("#queue").focus()
        self.refresh_queue()
        return True

    def _show_articles(self) -> None:
        table = self.query_one("#articles", DataTable)
        keep = table.cursor_row
        table.clear()
        row = self.current_row()
        if row is None:
            return
        for article in row.story.articles:
            table.add_row(*article_cells(article, row, self.queue_layout or layout_for(self.size.width)),
                          key=article.fingerprint + article.id)
        table.move_cursor(row=min(keep, len(row.story.articles) - 1))

    def _update_status(self) -> None:
        todo = sum(1 for r in self.rows if not r.done)
        new = sum(r.new for r in self.rows)
        hidden = sum(1 for r in self.rows if r.done) if self.hide_reviewed else 0
        parts = [", ".join(self.paths), f"{len(self.articles):,} articles",
                 f"{len(self.rows):,} stories", f"{todo:,} to review", f"{new:,} new"]
        if hidden:
            parts.append(f"{hidden:,} reviewed hidden (h shows)")
        if self.inbox.errors:
            parts.append(f"{len(self.inbox.errors):,} skipped (not readable)")
        if self.filter_words:
            parts.append(f"filter: {' '.join(self.filter_words)}")
        if self.paused:
            parts.append("folder not watched (Ctrl+R reloads)")
        parts.append(f"marks: {self.marks.path}")
        self.query_one("#status", Static).update(Content(" · ".join(parts)))
        self._update_target()

    def _update_target(self) -> None:
        """The line saying what r, f, n and m act on, and whether reviewed stories are hidden."""
        if self._article_focused():
            article = self.current_article()
            what = f"the article “{one_line(headline(article))[:60]}”" if article else "an article"
            acts = f"r f n m act on {what} (Tab: the story)"
        else:
            acts = "r f n act on the story (Tab: its articles)"
        hide = "reviewed stories hidden (h shows)" if self.hide_reviewed \
            else "reviewed stories shown (h hides)"
        self.query_one("#target", Static).update(Content(f"{acts} · {hide}"))

    # --- actions -----------------------------------------------------------------------------

    def _article_focused(self) -> bool:
        return self.focused is self.query_one("#articles")

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def on_screen_resume(self) -> None:
        """Back from a story or a dialog: marks may have changed there (R)."""
        if self.stories:
            self.refresh_queue()

    def action_help(self) -> None:
        self.app.push_screen(ReviewHelp(self.BINDINGS))
