"""Which articles have a pane and which pane has the cursor: tab, 1-9, p, resizing.

Part of :class:`~storydiff.tui.compare_screen.CompareScreen` (a mixin: the
screen holds the state). At most four columns are mounted; paging across more
articles points them at other articles (:mod:`storydiff.tui.window` says which),
because showing or hiding a column re-lays-out the whole screen.
"""

from __future__ import annotations

from storydiff.core.model import PassageRef

from .column import ArticleColumn
from .overview import OverviewBar, overview_text
from .pane import ArticlePane
from .pick_screen import PickScreen
from .screen_state import ScreenState
from .window import panes_that_fit, window_start


class Paging(ScreenState):
    """The window of panes over the story's articles, and moving the cursor between panes."""


    # --- the window of panes -------------------------------------------------------

    def visible_count(self) -> int:
        """How many panes fit side by side now."""
        return panes_that_fit(self.size.width, len(self.shown))

    def visible_ids(self) -> list[str]:
        """The articles with a pane now: a page of ``shown``, or the sides of a conflict."""
        count = self.visible_count()
        pinned = self._pinned
        if pinned:
            ids = [aid for aid in self.shown if aid in pinned][:count]
            current = self.shown[self.pane_index] if self.shown else None
            if current in ids and len(ids) == min(count, len(self.shown)):
                return ids
            self._pinned = None  # the cursor left the conflict's panes: back to pages
        return self.shown[self.first_shown:self.first_shown + count]

    def pin(self, article_ids: list[str] | None) -> None:
        """Show exactly these articles (in story order) until the cursor leaves them."""
        self._pinned = list(article_ids) if article_ids else None

    def _arrange(self) -> bool:
        """Show the window of panes that holds the focused one; hide the rest.

        True when panes were shown or hidden: their width, and so their rows, are
        known only after the next layout, so syncing them waits for it. A pane
        that only changes article keeps its width and is ready at once.
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
            numbers = [self.shown.index(aid) + 1 for aid in self.visible_ids()]
            if numbers == list(range(numbers[0], numbers[-1] + 1)):
                where = f"panes {numbers[0]}-{numbers[-1]} of {len(self.shown)} (tab, p)"
            else:
                where = f"panes {','.join(map(str, numbers))} of {len(self.shown)} (tab, p)"
        self.query_one(OverviewBar).show(
            overview_text(self.story, self.focus_state.kind_filter, where))

    # --- switching panes ---------------------------------------------------------------

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
            self.pin(None)
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

        # Built once per comparison and kept, like the export dialog: composing and
        # styling a row per article cost 75-90 ms a press on a 20-article story.
        name = f"pick-{id(self)}"
        if not self.app.is_screen_installed(name):
            self.app.install_screen(PickScreen(self.story, self.shown), name)
        picker = self.app.get_screen(name)
        assert isinstance(picker, PickScreen)
        picker.shown = set(self.shown)
        self.app.push_screen(name, chosen)

    def on_article_pane_passage_clicked(self, message: ArticlePane.PassageClicked) -> None:
        aid = message.pane.article.id
        if aid in self.shown:
            self.pane_index = self.shown.index(aid)
        self._move(PassageRef(aid, message.passage))
