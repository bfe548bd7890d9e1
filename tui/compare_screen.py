"""The comparison screen: articles side by side, moving together.

``CompareScreen(paths=[...])`` loads and compares in a worker thread (the first
frame paints at once, with a progress indicator); ``CompareScreen(report=...)``
shows a report already computed (review mode opens a story this way). Either
way the screen renders :func:`storydiff.core.report.compare`'s ``Report`` and
never recomputes alignment or facts.

All keys live in :attr:`CompareScreen.BINDINGS`; the footer, the help screen
and the command palette are generated from that table (with a subclass's
overrides in place: see :meth:`CompareScreen.key_table`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from contextlib import suppress
from importlib.util import find_spec

from storydiff.core.model import PassageRef, Report
from textual import work
from textual.app import ComposeResult, ScreenStackError
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Middle
from textual.screen import Screen
from textual.widgets import Footer, Label, LoadingIndicator

from .column import ArticleColumn
from .commands import ScreenKeys
from .conflict_bar import ConflictBar
from .facts_mode import FactsMode
from .facts_panel import FactsPanel
from .footer import KeyFooter
from .help_screen import HelpScreen
from .navigation import Navigation
from .overview import OverviewBar
from .paging import Paging
from .search import Search
from .story import Focus, Story, article_label, plural
from .window import MAX_PANES

REFREEZE_SECONDS = 2.0  # how often what the keys built is frozen out of the collector's walk


class CompareScreen(Paging, Navigation, FactsMode, Search, Screen[None]):
    """Side-by-side panes, overview, facts panel, search.

    The screen holds the state and the key table; what the keys do lives in
    one module per job: :mod:`~storydiff.tui.paging` (which panes, which one
    has the cursor), :mod:`~storydiff.tui.navigation` (moving the cursor, the
    panes' sync), :mod:`~storydiff.tui.facts_mode` (the facts panel) and
    :mod:`~storydiff.tui.search`.
    """

    AUTO_FOCUS = None  # single-letter keys must reach the screen, not an input
    COMMANDS = {ScreenKeys}  # the palette lists this table's keys

    # The one key table: footer, help screen and command palette read it.
    BINDINGS: list[BindingType] = [
        Binding("j,down", "next_passage", "Next passage"),
        Binding("k,up", "prev_passage", "Prev passage", show=False),
        Binding("n,right_square_bracket", "next_conflict", "Next conflict"),
        Binding("N,left_square_bracket", "prev_conflict", "Prev conflict", show=False),
        Binding("u", "next_only", "Next only-here"),
        Binding("a", "cycle_filter", "Filter kind"),
        Binding("tab", "next_pane", "Next pane", show=False),
        Binding("shift+tab", "prev_pane", "Prev pane", show=False),
        Binding("right", "sideways(1)", "Next pane (facts open: scroll them)", show=False),
        Binding("left", "sideways(-1)", "Prev pane (facts open: scroll them)", show=False),
        *[Binding(str(n), f"pane({n})", "Go to the pane numbered 1-9", show=False) for n in range(1, 10)],
        Binding("slash", "search", "Search"),
        Binding("s", "next_match", "Next search hit", show=False),
        Binding("S", "prev_match", "Prev search hit", show=False),
        Binding("f", "facts", "Facts"),
        Binding("p", "pick", "Pick articles", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "choose", "Go to fact (facts panel)", show=False),
        Binding("escape", "clear", "Close panel / clear marks", show=False),
        Binding("e", "export", "Export"),
        Binding("R", "review", "Review as stories", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+p", "app.command_palette", "Commands", show=False),
        Binding("q", "quit", "Quit"),
    ]

    @classmethod
    def key_table(cls) -> list[Binding]:
        """The keys of this screen as one table, for the help screen and the palette.

        A subclass lists only the keys it changes (review mode's story screen
        says "Back to queue" for q): a binding for an action already in the
        table takes that row's place, any other is added at the end. Textual
        merges the footer's keys the same way.
        """
        table = [b for b in CompareScreen.BINDINGS if isinstance(b, Binding)]
        for klass in reversed(cls.__mro__[:cls.__mro__.index(CompareScreen)]):
            for binding in klass.__dict__.get("BINDINGS", []):
                if not isinstance(binding, Binding):
                    continue
                rows = [n for n, old in enumerate(table) if old.action == binding.action]
                if rows:
                    table[rows[0]] = binding
                else:
                    table.append(binding)
        return table

    DEFAULT_CSS = """
    CompareScreen { layers: default facts; }  /* the facts panel floats over the panes */
    CompareScreen #columns { height: 1fr; }
    CompareScreen #loading { height: 1fr; }
    CompareScreen #loading Label { width: auto; }
    CompareScreen #empty { width: 1fr; height: 1fr; content-align: center middle; }
    """

    def __init__(self, paths: Sequence[str] | None = None, *,
                 report: Report | None = None, stdin_text: str | None = None) -> None:
        super().__init__()
        self.paths = list(paths or [])
        self.stdin_text = stdin_text  # what '-' stands for, read before the app started
        self.report: Report | None = None
        self.story: Story | None = None
        self.columns: list[ArticleColumn] = []
        self.shown: list[str] = []  # article ids with a pane, in story order
        self.first_shown = 0  # the leftmost visible pane, as an index into ``shown``
        self.pane_index = 0  # the focused pane, as an index into ``shown``
        self.focus_state = Focus()
        self._initial_report = report
        self.facts_panel: FactsPanel | None = None
        self._conflict_at = -1
        self._pinned: list[str] | None = None
        self._matches: list[PassageRef] = []
        self._match_at = -1
        self._typed: str | None = None  # the search being typed, None when not typing
        self.stories_found = 0  # how many stories the batch looks like (0: not checked)
        self._painted = threading.Event()  # set once the first frame is on screen

    # --- building ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield OverviewBar(id="overview")
        with Middle(id="loading"), Center():
            yield Label(f"Reading and comparing {plural(len(self.paths), 'path')}…")
            yield LoadingIndicator()
        yield Horizontal(id="columns")
        yield ConflictBar(id="tally")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self._initial_report is not None:
            self.call_after_refresh(self.show_report, self._initial_report)
        else:
            self.call_after_refresh(self._painted.set)
            self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """Load and compare away from the UI thread; the report comes back to show_report."""
        # The first frame first: the engine's imports and work would hold it back.
        self._painted.wait(timeout=1.0)
        from storydiff.core.report import compare

        try:
            report = compare(self.paths, stdin_text=self.stdin_text)
        except Exception as error:  # noqa: BLE001 - one line on screen, never a traceback
            self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}")
            return
        gc.collect()  # the engine's leftovers, now rather than in the middle of a key press
        self.app.call_from_thread(self.show_report, report)

    async def _failed(self, reason: str) -> None:
        self.notify(f"could not compare: {reason}", title="storydiff", severity="error",
                    timeout=30, markup=False)
        await self.show_report(Report(articles=(), passages={}, groups=()))

    async def show_report(self, report: Report) -> None:
        """Put a computed report on screen (also the entry point for review mode)."""
        self.report = report
        self.story = story = Story(report)
        for error in report.errors:
            self.notify(str(error), title="Skipped", severity="warning", timeout=8,
                        markup=False)
        for note in report.notes:  # a batch too large to compare whole (core/budget.py)
            self.notify(note, title="Compared in part", severity="warning", timeout=15,
                        markup=False)
        await self.query_one("#loading").remove()
        holder = self.query_one("#columns", Horizontal)
        if not report.articles:
            await holder.mount(Label("No articles could be read.", id="empty"))
            return
        self.shown = [a.id for a in report.articles]
        self.columns = [ArticleColumn(story, article, n + 1)
                        for n, article in enumerate(report.articles[:MAX_PANES])]
        for column in self.columns[self.visible_count():]:
            column.display = False  # the first frame shows only the panes that fit
        await holder.mount_all(self.columns)
        self.facts_panel = FactsPanel(story)
        await self.mount(self.facts_panel, before=self.query_one(Footer))
        self._arrange()
        if self.focus_state.ref is None:  # a key pressed while mounting has moved already
            self._move(self._start(), sync=False, align=True)
        self.call_after_refresh(self._settle)
        self.set_timer(0.5, self._prefill_facts)
        if self.paths and len(report.articles) > 2:
            self.set_timer(0.3, self._check_stories)

    def _check_stories(self) -> None:
        """Warn when the batch looks like several stories (their facts would be mixed)."""
        if self.report is None:
            return
        from storydiff.core.review.stories import find_stories

        stories = find_stories(self.report.articles)
        self.stories_found = len(stories)
        # A lone article the grouping set apart is common within one event (a short
        # brief, an odd headline): warn only when two stories of several articles each
        # would be compared as one.
        if sum(1 for story in stories if len(story.articles) > 1) > 1:
            sizes = ", ".join(str(len(s.articles)) for s in stories)
            self.notify(f"These {len(self.report.articles)} articles look like {len(stories)} "
                        f"stories ({sizes} articles): facts from different events may be "
                        "compared. Press R to review them one story at a time.",
                        title="Several stories?", severity="warning", timeout=20, markup=False)

    def action_review(self) -> None:
        """Leave this comparison for the review queue on the same paths (one story at a time)."""
        if not self.paths or "-" in self.paths:
            self.say("review needs files or folders, not standard input")
            return
        self.app.exit("review")


    def _start(self) -> PassageRef | None:
        """Where the cursor starts: the first article's first passage (every start the same)."""
        if self.story is None or not self.shown:
            return None
        first = self.shown[0]
        return PassageRef(first, 0) if self.story.passage_count(first) else None

    def _settle(self, tries: int = 10) -> None:
        """Line the panes up once every visible one has its width (the first frame's sync).

        A pane laid out after the sync would stay at its top: wait for all of them, so
        every start shows the focused group's members in every pane.
        """
        panes = [column.pane for column in self.columns if column.display]
        if tries and any(not pane.scrollable_content_region.width
                         or pane.target_row() is None and pane.placeholder_row is None
                         or pane.row_count > pane.size.height and not pane.allow_vertical_scroll
                         for pane in panes):
            self.call_after_refresh(self._settle, tries - 1)
            return
        self._sync(align=True)
        if self.paths:
            # One comparison per run: what is alive now (report, panes) lives until the end.
            # Frozen, the collector no longer walks it: a full collection took 90-110 ms
            # in the middle of a key press (20 articles), after the freeze a few ms.
            # (Review mode opens many stories with report=, and is left alone.)
            gc.freeze()
            self.set_interval(REFREEZE_SECONDS, self._refreeze)
        self.set_timer(1.0, self._warm_up)

    def _refreeze(self) -> None:
        """Freeze again what the reader's keys have built since (drawn lines, facts rows).

        Left unfrozen, those caches made every full collection walk them: 20-26 ms,
        landing inside a key press every few keys. ``gc.freeze`` itself costs nothing;
        collecting the young generations first keeps short-lived cycles out of it.
        """
        gc.collect(1)
        gc.freeze()

    def _warm_up(self) -> None:
        """Import what the first e needs while the reader is reading (20 ms of its budget)."""
        with suppress(ImportError):
            from . import export_screen  # noqa: F401

    # --- other screens ---------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key and what the marks mean."""
        # Built once per app and kept (installed): laying the help out is most of its cost.
        name = f"help-{type(self).__name__}"
        if not self.app.is_screen_installed(name):
            self.app.install_screen(HelpScreen(self.key_table()), name)
        self.app.push_screen(name)

    def action_export(self) -> None:
        """Export this comparison (SVG, HTML, Markdown, JSON, CSV).

        The seam for the exports work: ``storydiff.tui.export_screen.ExportScreen``
        is pushed with the report and this screen (for an SVG of what the reader sees).
        """
        if self.report is None:
            return
        if find_spec("storydiff.tui.export_screen") is None:
            self.notify("export not available", severity="warning", timeout=3)
            return
        from .export_screen import ExportScreen  # optional: built by the exports work

        # Built once per comparison and kept: composing the dialog cost 400 ms a press.
        name = f"export-{id(self)}"
        if not self.app.is_screen_installed(name):
            self.app.install_screen(ExportScreen(self.report, self), name)
        self.app.push_screen(name)

    def on_unmount(self) -> None:
        """Let the kept export dialog and picker go with this comparison (review opens many)."""
        for name in (f"export-{id(self)}", f"pick-{id(self)}"):
            if self.app.is_screen_installed(name):
                with suppress(ScreenStackError):  # still open as the app closes: it goes too
                    self.app.uninstall_screen(name)

    async def action_quit(self) -> None:
        """Leave (the app decides what leaving means: review mode goes back to its queue).

        A screen action rather than ``app.quit`` in the table so that typing a
        search can switch it off like every other key (see ``check_action``).
        """
        await self.app.action_quit()

    def say(self, message: str) -> None:
        """A short message at the right of the overview line (cheaper than a toast)."""
        self.query_one(OverviewBar).show(status=message)

    @property
    def message(self) -> str:
        """The message the overview line shows now."""
        return self.query_one(OverviewBar).status.plain

    def describe_cursor(self) -> str:
        """Where the cursor is, in words (for status and tests)."""
        ref = self._cursor()
        if ref is None or self.story is None:
            return "nothing"
        article = self.story.report.article(ref.article)
        return f"{article_label(article)} passage {ref.passage + 1}"


