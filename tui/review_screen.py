"""The review queue screen: the stories of a batch above the articles of one.

It lists the stories (``core.queue``) in review order above the articles of
the highlighted story. Enter opens a story (:class:`StoryScreen`); marks,
flags, notes and moves go straight to the marks file (``core.review.marks``), each
committed as it is made.

Loading and grouping run in a worker with a progress bar (Escape cancels and
stops watching the folder until Ctrl+R); comparing each story for its conflict
count runs in another and fills the queue in as it goes. Every
:data:`POLL_SECONDS` the folder is scanned (a ``stat`` per file, in a worker);
new or changed files are read and the queue rebuilt with the cursor kept on
the story the reviewer was on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from storydiff.core.review.inbox import Inbox, Refresh
from storydiff.core.review.marks import MarkNotSaved, Marks, MarksError
from storydiff.core.model import Article, Report
from storydiff.core.review.queue import (
    QueueRow,
    build_queue,
    conflict_count,
    conflict_counts,
)
from storydiff.core.report import compare_articles
from storydiff.core.review.stories import Story, find_stories, headline
from storydiff.core.review.terms import features, reported_text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from .footer import KeyFooter
from .queue_table import Layout, article_cells, conflict_cell, layout_for, matches, one_line, \
    story_cells
from .review_dialogs import ALONE, UNDO, MoveDialog, NoteDialog, ReviewHelp
from .story_screen import StoryScreen

POLL_SECONDS = 3.0  # how often the folder is scanned for new files: quick enough to feel live
PROGRESS_EVERY = 0.1  # seconds between progress-bar updates from a worker


class _Cancelled(Exception):
    """Raised inside a worker's progress callback when the user pressed Escape."""


class ReviewScreen(Screen[None]):
    """The queue of stories above the articles of the highlighted one."""

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

    def _poll(self) -> None:
        if not self.paused and not self._busy():
            self.load(full=False)

    def _busy(self) -> bool:
        return any(w.group == "load" and not w.is_finished for w in self.workers)

    @work(thread=True, exclusive=True, group="load")
    def load(self, full: bool) -> None:
        """Read new or changed files and regroup; ``full`` regroups even if nothing changed."""
        worker = get_current_worker()
        snapshot = self.inbox.scan()
        if not full and snapshot == self.inbox.snapshot:
            return
        self.app.call_from_thread(self._set_loading, True)
        try:
            change = self.inbox.refresh(snapshot, self._progress(worker, "Reading files"))
            articles = self.inbox.articles
            stories = find_stories(articles, moves=self.marks.moves(),
                                   progress=self._progress(worker, "Grouping into stories"))
        except _Cancelled:
            self.app.call_from_thread(self._cancelled)
            return
        except Exception as exc:  # a bug must not close the queue and lose the reviewer's place
            self.app.call_from_thread(self._set_loading, False)
            self.app.call_from_thread(self.notify, f"Reading the folder failed: {exc}",
                                      severity="error", markup=False, timeout=15)
            return
        self.app.call_from_thread(self._show_stories, articles, stories, change)

    def _progress(self, worker: object, stage: str) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            if getattr(worker, "is_cancelled", False):
                raise _Cancelled
            now = time.monotonic()
            if now - self._last_progress >= PROGRESS_EVERY or done >= total:
                self._last_progress = now
                self.app.call_from_thread(self._show_progress, stage, done, total)

        return report

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.query_one("#progress").display = loading

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#progress-label", Label).update(
            Content(f"{stage}… {done:,}/{total:,}  (Escape cancels)"))
        self.query_one("#progress-bar", ProgressBar).update(total=max(total, 1), progress=done)

    def _show_stories(self, articles: tuple[Article, ...], stories: tuple[Story, ...],
                      change: Refresh) -> None:
        self._set_loading(False)
        first_load = not self.articles
        self.articles = articles
        self.stories = stories
        self.save(lambda: self.marks.see((a.fingerprint, a.title, a.source, a.path)
                                         for a in articles))
        for error in self.inbox.errors if first_load else ():
            self.notify(str(error), title="Skipped", severity="warning", markup=False)
        if change and not first_load:
            self.notify(f"{len(change.added)} new, {len(change.changed)} changed, "
                        f"{len(change.removed)} removed file(s)", title="Folder changed")
        self.refresh_queue()
        self.compare_stories(stories)

    @work(thread=True, exclusive=True, group="compare")
    def compare_stories(self, stories: tuple[Story, ...]) -> None:
        """Compare each story (queue order) for its conflict count, filling the queue in."""
        worker = get_current_worker()
        queued = {row.key for row in self.rows}
        order = [row.story for row in self.rows if row.size > 1]
        order += [s for s in stories if len(s.articles) > 1 and s.key not in queued]
        todo = [s for s in order if s.members not in self.conflicts]
        members = {s.key: s.members for s in todo}
        last = time.monotonic()
        fresh: dict[str, int] = {}
        # In this process: Textual's captured stdio cannot be handed to worker processes.
        results = conflict_counts(todo, processes=1)
        try:
            for key, count in results:
                if worker.is_cancelled:
                    return
                self.conflicts[members[key]] = count
                fresh[key] = count
                if time.monotonic() - last > 0.5:
                    # Fill the counts in where they are; re-sorting under the reviewer's
                    # eyes every half second would make the rows jump as they read.
                    self.app.call_from_thread(self._fill_conflicts, dict(fresh))
                    last = time.monotonic()
                    fresh.clear()
        except Exception as exc:  # an engine failure on one story must not close the queue
            self.app.call_from_thread(self.notify, f"Comparing stories stopped: {exc}",
                                      severity="error", markup=False)
        finally:
            results.close()
        if todo:
            self.app.call_from_thread(self.refresh_queue)  # all known: sort by them now

    def _fill_conflicts(self, counts: dict[str, int]) -> None:
        queue = self.query_one("#queue", DataTable)
        for key, count in counts.items():
            if key in queue.rows and self.queue_layout and "confl" in self.queue_layout.keys:
                queue.update_cell(key, "confl", conflict_cell(count, size=2))

    def _cancelled(self) -> None:
        self._set_loading(False)
        self.paused = True
        self._update_status()
        self.notify("Loading cancelled. Files read so far are kept; Ctrl+R reads the rest.",
                    severity="warning")

    def action_cancel(self) -> None:
        """Stop loading (what was read so far is kept) and stop watching the folder;
        else clear the filter."""
        if self.loading:
            self.workers.cancel_group(self, "load")
        else:
            self._clear_filter()

    def action_reload(self) -> None:
        """Read what is new (or left unread after Escape) and watch the folder again."""
        self.paused = False
        if not self._busy():
            self.load(full=True)

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

    def action_open(self) -> None:
        """Open the highlighted story in the comparison screen."""
        row = self.current_row()
        if row is not None:
            self._compare_and_open(row.story)

    @work(thread=True, exclusive=True, group="open")
    def _compare_and_open(self, story: Story) -> None:
        try:
            report = compare_articles(story.articles)
        except Exception as exc:  # show the failure, keep the queue
            self.app.call_from_thread(self.notify, f"Could not compare this story: {exc}",
                                      severity="error", markup=False)
            return
        self.conflicts[story.members] = conflict_count(report)
        self.app.call_from_thread(self._push_story, story, report)

    def _push_story(self, story: Story, report: Report) -> None:
        queue = self.query_one("#queue", DataTable)
        keys = [row.key.value for row in queue.ordered_rows]
        here = keys.index(story.key) if story.key in keys else -1
        following = keys[here + 1:] + keys[:max(here, 0)]

        def closed(reviewed: bool | None) -> None:
            if not reviewed:
                return
            # R: on to the next story, not after the finished one to the bottom.
            self.refresh_queue()
            shown = [row.key.value for row in queue.ordered_rows]
            for key in following:
                row = self._by_key.get(key)
                if key in shown and row is not None and not row.done:
                    queue.move_cursor(row=shown.index(key))
                    break

        self.app.push_screen(StoryScreen(story, report, self.marks), closed)

    def on_screen_resume(self) -> None:
        """Back from a story or a dialog: marks may have changed there (R)."""
        if self.stories:
            self.refresh_queue()

    def action_reviewed(self) -> None:
        """Toggle reviewed: the highlighted article (lower table) or the whole story."""
        row = self.current_row()
        if row is None:
            return
        if self._article_focused():
            article = self.current_article()
            if article is not None:
                mark = row.article_marks.get(article.fingerprint)
                self.save(lambda: self.marks.set_reviewed(
                    [article.fingerprint], not (mark is not None and mark.reviewed)))
        else:
            self.save(lambda: self.marks.set_reviewed(row.story.fingerprints, row.unreviewed > 0))
        self.refresh_queue()

    def action_flag(self) -> None:
        """Toggle the flag of the highlighted article (lower table) or story."""
        row = self.current_row()
        if row is None:
            return
        if self._article_focused():
            article = self.current_article()
            if article is not None:
                mark = row.article_marks.get(article.fingerprint)
                self.save(lambda: self.marks.set_article_flag(
                    article.fingerprint, not (mark is not None and mark.flagged)))
        else:
            self.save(lambda: self.marks.set_story_flag(row.story.fingerprints,
                                                        not row.mark.flagged))
        self.refresh_queue()

    def action_note(self) -> None:
        """Write a note on the highlighted article (lower table) or story."""
        row = self.current_row()
        if row is None:
            return
        article = self.current_article() if self._article_focused() else None
        if article is not None:
            mark = row.article_marks.get(article.fingerprint)
            fingerprint = article.fingerprint

            def save_article(note: str | None) -> None:
                if note is not None:
                    self.save(lambda: self.marks.set_article_note(fingerprint, note))
                    self.refresh_queue()

            self.app.push_screen(NoteDialog(headline(article),
                                            mark.note if mark else ""), save_article)
            return
        members = row.story.fingerprints

        def save_story(note: str | None) -> None:
            if note is not None:
                self.save(lambda: self.marks.set_story_note(members, note))
                self.refresh_queue()

        self.app.push_screen(NoteDialog(f"the story “{row.story.title}”", row.note), save_story)

    def action_move(self) -> None:
        """Move the highlighted article (lower table) to another story, or alone."""
        row = self.current_row()
        article = self.current_article()
        if row is None or article is None:
            return
        if not self._article_focused():
            self.notify("Pick the article in the lower list first (Tab), then m.")
            return
        try:
            moves = self.marks.moves()
        except MarksError as error:
            self.notify(str(error), title="Marks file", severity="error", markup=False)
            return
        others = [(r.key, f"{r.size:>3}  {one_line(r.story.title)}")
                  for r in likely_targets(article, [r for r in self.rows if r.key != row.key])]
        fingerprint = article.fingerprint

        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            if answer == UNDO:
                saved = self.save(lambda: self.marks.move(fingerprint, None))
            elif answer == ALONE:
                saved = self.save(lambda: self.marks.move(fingerprint, fingerprint))
            else:
                target = next((r for r in self.rows if r.key == answer), None)
                if target is None:
                    return
                into = target.story.articles[0].fingerprint
                saved = self.save(lambda: self.marks.move(fingerprint, into))
            if saved:
                self.load(full=True)

        self.app.push_screen(MoveDialog(headline(article), others,
                                        moved=fingerprint in moves), chosen)

    def action_help(self) -> None:
        self.app.push_screen(ReviewHelp(self.BINDINGS))

    def action_hide(self) -> None:
        """Hide (or show again) stories whose articles are all reviewed."""
        self.hide_reviewed = not self.hide_reviewed
        self.refresh_queue()


def likely_targets(article: Article, rows: Sequence[QueueRow]) -> list[QueueRow]:
    """``rows`` with the stories sharing most of the article's names and words first
    (then in queue order): where a reviewer most likely wants to move it."""
    mine = _words(headline(article) + " " + reported_text(article)[:2000])

    def shared(row: QueueRow) -> int:
        return len(mine & _words(" ".join((row.story.title, *row.story.terms))))

    scored = [(-shared(r), n, r) for n, r in enumerate(rows)]
    scored.sort(key=lambda t: (t[0], t[1]))
    return [r for _, _, r in scored]


def _words(text: str) -> set[str]:
    return {value for kind, value in features(text) if kind in ("word", "name", "number")}
