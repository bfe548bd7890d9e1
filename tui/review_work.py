"""The review screen's workers: reading the folder, counting conflicts, opening a story.

Part of :class:`~storydiff.tui.review_screen.ReviewScreen` (a mixin: the screen
holds the state). Loading and grouping run in a worker with a progress bar
(Escape cancels and stops watching the folder until Ctrl+R); comparing each
story for its conflict count runs in another and fills the queue in as it goes;
Enter compares the highlighted story in a third and opens it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from storydiff.core.model import Article, Report
from storydiff.core.report import compare_articles
from storydiff.core.review.inbox import Refresh
from storydiff.core.review.queue import conflict_count, conflict_counts
from storydiff.core.review.stories import Story, find_stories
from textual import work
from textual.content import Content
from textual.widgets import DataTable, Label, ProgressBar
from textual.worker import get_current_worker

from .queue_table import conflict_cell
from .story_screen import StoryScreen

PROGRESS_EVERY = 0.1  # seconds between progress-bar updates from a worker


class _Cancelled(Exception):
    """Raised inside a worker's progress callback when the user pressed Escape."""


class QueueWork:
    """Loading the folder, counting each story's conflicts, comparing a story to open it."""

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
