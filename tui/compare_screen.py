"""The comparison screen: articles side by side, moving together.

``CompareScreen(paths=[...])`` loads and compares in a worker thread (the first
frame paints at once, with a progress indicator); ``CompareScreen(report=...)``
shows a report already computed (review mode opens a story this way). Either
way the screen renders :func:`storydiff.core.report.compare`'s ``Report`` and
never recomputes alignment or facts.

All keys live in :attr:`CompareScreen.BINDINGS`; the footer, the help screen
and the command palette are generated from that table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from importlib.util import find_spec

from storydiff.core.model import Fact, PassageRef, Report
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Middle
from textual.screen import Screen
from textual.widgets import Footer, Label, LoadingIndicator

from .column import ArticleColumn
from .commands import ScreenKeys
from .facts_panel import FactsPanel, panel_height
from .help_screen import HelpScreen
from .overview import OverviewBar, overview_text
from .pane import ArticlePane
from .pick_screen import PickScreen
from .story import KIND_FILTERS, Focus, Story, article_label
from .window import MAX_PANES, panes_that_fit, window_start

SYNC_ROW = 3  # the focused passage sits this many rows below a pane's top when it moves


class CompareScreen(Screen[None]):
    """Side-by-side panes, overview, facts panel, search."""

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
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+p", "app.command_palette", "Commands", show=False),
        Binding("q", "quit", "Quit"),
    ]

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
        self._matches: list[PassageRef] = []
        self._match_at = -1
        self._typed: str | None = None  # the search being typed, None when not typing

    # --- building ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield OverviewBar(id="overview")
        with Middle(id="loading"), Center():
            yield Label(f"Reading and comparing {len(self.paths)} path(s)…")
            yield LoadingIndicator()
        yield Horizontal(id="columns")
        yield Footer()

    def on_mount(self) -> None:
        if self._initial_report is not None:
            self.call_after_refresh(self.show_report, self._initial_report)
        else:
            self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """Load and compare away from the UI thread; the report comes back to show_report."""
        from storydiff.core.report import compare

        try:
            report = compare(self.paths, stdin_text=self.stdin_text)
        except Exception as error:  # noqa: BLE001 - one line on screen, never a traceback
            self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}")
            return
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
        first = self.shown[0]
        start = PassageRef(first, 0) if story.passage_count(first) else None
        self._move(start, sync=False, align=True)
        self.set_timer(0.5, self._prefill_facts)

    # --- layout --------------------------------------------------------------------

    def visible_count(self) -> int:
        """How many panes fit side by side now."""
        return panes_that_fit(self.size.width, len(self.shown))

    def visible_ids(self) -> list[str]:
        count = self.visible_count()
        return self.shown[self.first_shown:self.first_shown + count]

    def _arrange(self) -> bool:
        """Show the window of panes that holds the focused one; hide the rest.

        True when panes changed article or were shown or hidden: their new rows
        are known only after the next layout, so syncing them waits for it.
        """
        if not self.shown:
            return False
        turned = False
        self.pane_index = min(self.pane_index, len(self.shown) - 1)
        self.first_shown = window_start(self.first_shown, self.pane_index,
                                        self.visible_count(), len(self.shown))
        visible = self.visible_ids()
        current = self.shown[self.pane_index]
        story = self.story
        for n, column in enumerate(self.columns):
            show = n < len(visible)
            if show and story is not None and column.article.id != visible[n]:
                aid = visible[n]
                column.set_article(story.report.article(aid), story.article_ids.index(aid) + 1)
                column.pane.show(self.focus_state)
                turned = True
            if column.display != show:  # setting it at all costs a full layout
                column.display = show
                turned = True
            column.header.set_current(show and column.article.id == current)
        self._update_overview()
        return turned

    def on_resize(self) -> None:
        if self.columns:
            self._arrange()
            self.call_after_refresh(self._sync)

    def _column(self, article_id: str) -> ArticleColumn:
        """The column showing ``article_id`` (it must be in the visible window)."""
        for column in self.columns:
            if column.article.id == article_id and column.display:
                return column
        raise KeyError(article_id)

    @property
    def current_article(self) -> str | None:
        """The article whose pane has the cursor (its header is highlighted)."""
        return self.shown[self.pane_index] if self.shown else None

    def _focused_column(self) -> ArticleColumn:
        return self._column(self.shown[self.pane_index])

    def _update_overview(self) -> None:
        if self.story is None:
            return
        where = ""
        if len(self.shown) > self.visible_count():
            first = self.first_shown + 1
            last = self.first_shown + self.visible_count()
            where = f"panes {first}-{last} of {len(self.shown)} (tab, p)"
        self.query_one(OverviewBar).show(
            overview_text(self.story, self.focus_state.kind_filter, where))

    # --- moving ----------------------------------------------------------------------

    def _move(self, ref: PassageRef | None, *, fact: Fact | None = None,
              sync: bool = True, align: bool = False) -> None:
        """Put the cursor on ``ref`` (its article's pane gets focus) and redraw every pane.

        Other panes scroll only when their passage is out of view (then they line
        up with the cursor's row); ``align`` lines them all up regardless. A pane
        that stays still costs no repaint, which keeps keys fast with many panes.
        """
        story = self.story
        if story is None:
            return
        members: tuple[tuple[str, PassageRef], ...] = ()
        if ref is not None:
            members = tuple(story.group_members(ref).items())
            if ref.article in self.shown:
                self.pane_index = self.shown.index(ref.article)
                self._arrange()
        if fact is None and self.message:
            self.say("")
        self.focus_state = replace(self.focus_state, ref=ref, members=members, fact=fact)
        for column in self.columns:
            column.pane.show(self.focus_state)
        if sync:
            self._sync(align)
        else:
            self.call_after_refresh(self._sync, align)

    def _sync(self, align: bool = False) -> None:
        """Scroll the focused pane to the cursor, and every other pane to the same height."""
        if not self.columns or self.focus_state.ref is None:
            return
        focused = self._focused_column().pane
        first, last = focused.rows_of(self.focus_state.ref.passage)
        target = focused.target_row()
        if target is not None and focused.target_passage() != self.focus_state.ref.passage:
            first, last = target, target
        height = self._rows_in_view(focused)
        top = int(focused.scroll_offset.y)
        moved = first < top or last >= top + height
        if moved:
            top = max(0, first - min(SYNC_ROW, height // 3))
            if last - top >= height:
                top = first
            focused.scroll_to(y=top, animate=False, immediate=True)
        screen_row = first - top
        for aid in self.visible_ids():
            pane = self._column(aid).pane
            if pane is focused:
                continue
            row = pane.target_row()
            if row is None:
                continue
            pane_top = int(pane.scroll_offset.y)
            in_view = pane_top <= row < pane_top + self._rows_in_view(pane) - 1
            if align or moved or not in_view:
                # Line it up with the cursor's row so the eye reads straight across;
                # a pane whose passage is already in view stays still (no repaint).
                pane.scroll_to(y=max(0, row - screen_row), animate=False, immediate=True)

    def _rows_in_view(self, pane: ArticlePane) -> int:
        """Rows of ``pane`` the reader can see: the open facts panel covers its bottom."""
        height = max(1, pane.size.height)
        if self._facts_open():
            panel_top = self.size.height - 1 - panel_height(self.size.height)  # footer: 1 row
            height = max(1, min(height, panel_top - pane.region.y))
        return height

    def _cursor(self) -> PassageRef | None:
        return self.focus_state.ref

    def action_next_passage(self) -> None:
        """Move to the next passage of the focused article."""
        self._step(1)

    def action_prev_passage(self) -> None:
        """Move to the previous passage of the focused article."""
        self._step(-1)

    def _facts_open(self) -> bool:
        return self.facts_panel is not None and self.facts_panel.has_class("-shown")

    def _step(self, delta: int) -> None:
        if self._facts_open() and self.facts_panel is not None:
            self.facts_panel.step(delta)  # j/k choose a fact while the panel is open
            return
        if self.story is None or not self.shown:
            return
        aid = self.shown[self.pane_index]
        count = self.story.passage_count(aid)
        if not count:
            return
        ref = self._cursor()
        if ref is None or ref.article != aid:
            index = self._column(aid).pane.first_visible_passage() or 0
        else:
            index = ref.passage + delta
            if not 0 <= index < count:
                self.say("last passage" if delta > 0 else "first passage")
                return
        self._move(PassageRef(aid, index))

    def action_next_conflict(self) -> None:
        """Go to the next conflicting fact (of the kind filter), marking it in every pane."""
        self._conflict(1)

    def action_prev_conflict(self) -> None:
        """Go to the previous conflicting fact."""
        self._conflict(-1)

    def _conflict(self, delta: int) -> None:
        story = self.story
        if story is None:
            return
        facts = story.conflict_stops(self.focus_state.kind_filter)
        if facts:
            self._conflict_at = (self._conflict_at + delta) % len(facts)
            fact = facts[self._conflict_at]
            self._go_to_fact(fact)
            self.say(f"conflict {self._conflict_at + 1}/{len(facts)}: "
                     f"{fact.label or fact.kind}")
            return
        groups = [] if story.report.facts else story.conflict_groups()
        if not groups:
            kind = self.focus_state.kind_filter
            self.say("No conflicts" + ("" if kind == "all" else f" of kind {kind}"))
            return
        self._conflict_at = (self._conflict_at + delta) % len(groups)
        self._move(groups[self._conflict_at])
        self.say(f"conflicting passage {self._conflict_at + 1}/{len(groups)}")

    def _go_to_fact(self, fact: Fact) -> None:
        """Cursor on the fact's mention in the focused article, else one on screen."""
        if not fact.mentions:
            return
        current = self.shown[self.pane_index] if self.shown else None
        visible = set(self.visible_ids())
        # Prefer the cursor's article, then one on screen: turning the page of panes
        # is the slowest thing the screen does, and it loses the reader's place.
        mentions = sorted(fact.mentions, key=lambda m: (m.article != current,
                                                        m.article not in visible,
                                                        m.article not in self.shown))
        mention = mentions[0]
        self._move(PassageRef(mention.article, mention.passage), fact=fact)

    def action_next_only(self) -> None:
        """Go to the next passage that only the focused article has."""
        story = self.story
        if story is None or not self.shown:
            return
        aid = self.shown[self.pane_index]
        ref = self._cursor()
        start = ref.passage if ref is not None and ref.article == aid else -1
        index = story.next_only(aid, start)
        if index is None:
            self.say("every passage here is also in another article")
            return
        self._move(PassageRef(aid, index))
        self.say("only here: wrapped to the top" if index <= start else "only in this article")

    def action_cycle_filter(self) -> None:
        """Cycle the kind of fact that n/N walk and that is marked: all, numbers, dates, names."""
        names = list(KIND_FILTERS)
        current = names.index(self.focus_state.kind_filter)
        kind = names[(current + 1) % len(names)]
        self.focus_state = replace(self.focus_state, fact=None, kind_filter=kind)
        self._conflict_at = -1
        for column in self.columns:
            column.pane.show(self.focus_state)
        if self.story is not None and self.facts_panel is not None:
            self.facts_panel.filled_for = None  # refilled when next shown
            count = len(self.story.conflict_stops(kind))
            self.say(f"filter {kind}: {count} conflicts")
        self._update_overview()

    # --- panes -------------------------------------------------------------------------

    def action_next_pane(self) -> None:
        """Focus the pane to the right (scrolls across when more articles than fit)."""
        self._switch((self.pane_index + 1) % max(1, len(self.shown)))

    def action_prev_pane(self) -> None:
        """Focus the pane to the left."""
        self._switch((self.pane_index - 1) % max(1, len(self.shown)))

    def action_sideways(self, direction: int) -> None:
        """Arrows: the next pane, or while the facts panel is open, its other columns."""
        if self._facts_open() and self.facts_panel is not None:
            panel = self.facts_panel
            panel.scroll_to(x=panel.scroll_offset.x + direction * max(8, panel.size.width // 3),
                            animate=False)
        elif direction > 0:
            self.action_next_pane()
        else:
            self.action_prev_pane()

    def action_pane(self, number: int) -> None:
        """Focus the pane whose header shows ``number`` (the article's place in the story)."""
        if self.story is None or not 0 < number <= len(self.story.article_ids):
            return
        aid = self.story.article_ids[number - 1]
        if aid in self.shown:
            self._switch(self.shown.index(aid))
        else:
            self.say(f"article {number} is not shown (p picks articles)")

    def _switch(self, index: int) -> None:
        if self.story is None or not self.shown:
            return
        self.pane_index = index
        turned = self._arrange()
        aid = self.shown[index]
        column = self._column(aid)
        ref = self._cursor()
        member = self.focus_state.member_in(aid)
        if member is not None:
            target: PassageRef | None = member
        elif self.focus_state.fact is not None and column.pane.target_passage() is not None:
            target = PassageRef(aid, column.pane.target_passage() or 0)
        else:
            first = column.pane.first_visible_passage()
            target = None if first is None else PassageRef(aid, first)
        if target is None:
            self._move(ref)
            return
        # On the same page of panes, sync at once: one frame, not two.
        self._move(target, fact=self.focus_state.fact, sync=not turned)

    def action_page(self, direction: int) -> None:
        """Scroll the focused pane by a page (the cursor stays where it is)."""
        if self.columns:
            pane = self._focused_column().pane
            pane.scroll_to(y=pane.scroll_offset.y + direction * max(1, pane.size.height - 2),
                           animate=False)

    def action_pick(self) -> None:
        """Choose which articles get a pane."""
        if self.story is None:
            return

        def chosen(ids: list[str] | None) -> None:
            if not ids:
                return
            current = self.shown[self.pane_index] if self.shown else None
            self.shown = ids
            self.pane_index = ids.index(current) if current in ids else 0
            self.first_shown = 0
            self._arrange()
            cursor = self._cursor()
            if cursor is None or cursor.article not in ids:
                first = ids[self.pane_index]
                cursor = PassageRef(first, 0) if self.story and \
                    self.story.passage_count(first) else None
            self._move(cursor, sync=False)

        self.app.push_screen(PickScreen(self.story, self.shown), chosen)

    def on_article_pane_passage_clicked(self, message: ArticlePane.PassageClicked) -> None:
        aid = message.pane.article.id
        if aid in self.shown:
            self.pane_index = self.shown.index(aid)
        self._move(PassageRef(aid, message.passage))

    # --- facts panel -----------------------------------------------------------------------

    def action_facts(self) -> None:
        """Show or hide the claim × source matrix."""
        panel = self.facts_panel
        if self.story is None or panel is None:
            return
        if panel.has_class("-shown"):
            self._close_facts()
            return
        if panel.filled_for != self.focus_state.kind_filter:
            panel.fill(self.focus_state.kind_filter, self.size.width)
        rows = panel_height(self.size.height)
        if panel.styles.height is None or panel.styles.height.value != rows:
            panel.styles.height = rows
        panel.add_class("-shown")
        if 0 <= panel.cursor_row < len(panel.facts):
            self._go_to_fact(panel.facts[panel.cursor_row])  # the panes follow the row
        self.say("facts: j/k row, enter go there, ←/→ columns, esc close")
        self.call_after_refresh(self._sync)

    def _prefill_facts(self) -> None:
        """Build the facts matrix once the panes are up, so the first f opens quickly."""
        if self.facts_panel is not None and self.facts_panel.filled_for is None:
            self.facts_panel.fill(self.focus_state.kind_filter, self.size.width)

    def _close_facts(self) -> None:
        if self.facts_panel is not None:
            self.facts_panel.remove_class("-shown")
        fact = self.focus_state.fact
        self.say(f"fact: {fact.label or fact.kind}" if fact is not None else "")
        self.call_after_refresh(self._sync)

    @on(FactsPanel.FactChosen)
    def _fact_chosen(self, message: FactsPanel.FactChosen) -> None:
        self._go_to_fact(message.fact)
        if message.go:
            self._close_facts()

    # --- search ------------------------------------------------------------------------------
    #
    # The query is typed into the overview line rather than an Input: an Input
    # takes focus, and a focus change makes the footer rebuild itself and the
    # screen lay out again several times (half a second with 20 panes). While
    # typing, ``check_action`` turns every binding off so letters reach
    # ``on_key``.

    def action_search(self) -> None:
        """Search every pane for some words."""
        if self.story is None:
            return
        self._typed = self.focus_state.search
        self._show_typed()

    def _show_typed(self) -> None:
        self.say(f"/{self._typed}▏  enter: find  esc: cancel")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._typed is None

    def on_key(self, event: events.Key) -> None:
        if self._typed is None:
            if event.key == "slash" and self.story is not None:
                # Start typing here, not through the binding: a binding runs only
                # after the key has bubbled up to the app, by which time the next
                # letters (typed fast, or pasted by tmux) have gone past on_key.
                event.stop()
                event.prevent_default()
                self.action_search()
            return
        event.stop()
        event.prevent_default()
        if event.key == "escape":
            self._typed = None
            self.say("")
        elif event.key == "enter":
            query, self._typed = self._typed.strip(), None
            self._search(query)
        elif event.key == "backspace":
            self._typed = self._typed[:-1]
            self._show_typed()
        elif event.character and event.character.isprintable():
            self._typed += event.character
            self._show_typed()

    def _search(self, query: str) -> None:
        self._set_search(query)
        self._matches = []
        if not query or self.story is None:
            self.say("")
            return
        self._matches = self.story.find(query, self.shown)
        if not self._matches:
            self.say(f"no passage says {query!r}")
            return
        articles = len({m.article for m in self._matches})
        self._match_at = -1
        self._next_match(1)
        self.say(f"{_count(len(self._matches), 'passage')} in {_count(articles, 'article')} "
                 f"say {query!r} (s / S: next / previous)")

    def _set_search(self, query: str) -> None:
        self.focus_state = replace(self.focus_state, search=query)
        for column in self.columns:
            column.pane.show(self.focus_state)

    def action_next_match(self) -> None:
        """Go to the next passage the search found."""
        self._next_match(1)

    def action_prev_match(self) -> None:
        """Go to the previous passage the search found."""
        self._next_match(-1)

    def _next_match(self, delta: int) -> None:
        if not self._matches:
            self.say("no search (press /)")
            return
        self._match_at = (self._match_at + delta) % len(self._matches)
        self._move(self._matches[self._match_at])

    def action_choose(self) -> None:
        """In the facts panel: go to the chosen fact and close the panel."""
        if self._facts_open() and self.facts_panel is not None:
            self.facts_panel.choose()

    def action_clear(self) -> None:
        """Close the facts panel, else clear the search and the fact being looked at."""
        if self._facts_open():
            self._close_facts()
            return
        self._matches = []
        self.focus_state = replace(self.focus_state, fact=None, search="")
        for column in self.columns:
            column.pane.show(self.focus_state)

    # --- other screens ---------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key and what the marks mean."""
        self.app.push_screen(HelpScreen(self.BINDINGS))

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

        self.app.push_screen(ExportScreen(self.report, self))

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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
