"""Moving the cursor through the story and keeping every pane in step with it.

Part of :class:`~storydiff.tui.compare_screen.CompareScreen` (a mixin: the
screen holds the state): j/k, n/N, u and a move the cursor; :meth:`_move`
hands every pane the new :class:`~storydiff.tui.story.Focus` and :meth:`_sync`
scrolls the panes so the aligned passages read straight across.
"""

from __future__ import annotations

from dataclasses import replace

from storydiff.core.model import Fact, PassageRef

from .conflict_bar import ConflictBar
from .facts_panel import panel_height
from .pane import ArticlePane
from .screen_state import ScreenState
from .story import KIND_FILTERS, plural

SYNC_ROW = 3  # the focused passage sits this many rows below a pane's top when it moves


class Navigation(ScreenState):
    """The cursor's moves (passage, conflict, only-here, kind filter) and the panes' sync."""


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
        self.query_one(ConflictBar).show_fact(story, fact)
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
            focused.scroll_to(y=top, animate=False, immediate=True, force=True)
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
                pane.scroll_to(y=max(0, row - screen_row), animate=False, immediate=True,
                               force=True)  # force: a pane laid out this frame scrolls too

    def _rows_in_view(self, pane: ArticlePane) -> int:
        """Rows of ``pane`` the reader can see: the open facts panel covers its bottom."""
        height = max(1, pane.size.height)
        bar = self.query_one(ConflictBar)
        covered = 1 + (bar.size.height if bar.display else 0)  # footer, conflict strip
        if self._facts_open():
            covered += panel_height(self.size.height)
        if covered > 1:
            height = max(1, min(height, self.size.height - covered - pane.region.y))
        return height

    def _cursor(self) -> PassageRef | None:
        return self.focus_state.ref

    def action_next_passage(self) -> None:
        """Move to the next passage of the focused article."""
        self._step(1)

    def action_prev_passage(self) -> None:
        """Move to the previous passage of the focused article."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self._facts_open() and self.facts_panel is not None:
            fact = self.facts_panel.step(delta)  # j/k choose a fact while the panel is open
            if fact is not None:
                self._go_to_fact(fact)
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
            where = f"conflict {self._conflict_at + 1}/{len(facts)}"
            self.query_one(ConflictBar).show_fact(story, fact, where + ":")
            self.say(f"{where}: {fact.label or fact.kind}")
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
        """Cursor on the fact's mention in the focused article, else one on screen.

        Every value of the fact gets a pane: when the page of panes lacks an
        article stating one, the panes show one article per value instead
        (the rest of the page fills the other panes).
        """
        if not fact.mentions or self.story is None:
            return
        self._bring_sides(fact)
        current = self.shown[self.pane_index] if self.shown else None
        visible = set(self.visible_ids())
        differing = {(m.article, m.passage) for m in self.story.differing(fact)}
        # Prefer the cursor's article, then one on screen: turning the page of panes
        # is the slowest thing the screen does, and it loses the reader's place.
        mentions = sorted(fact.mentions, key=lambda m: (m.article not in visible,
                                                        m.article != current,
                                                        (m.article, m.passage) not in differing,
                                                        m.article not in self.shown))
        mention = mentions[0]
        self._move(PassageRef(mention.article, mention.passage), fact=fact)
        self.call_after_refresh(self._sync)

    def _bring_sides(self, fact: Fact) -> None:
        """Pin panes so that each value of ``fact`` (sides first) is stated in one of them."""
        story = self.story
        if story is None:
            return
        count = self.visible_count()
        visible = self.visible_ids()
        need: list[str] = []
        for row in sorted(story.tally(fact), key=lambda r: r.compatible):  # majority first
            ids = [aid for aid in row.articles if aid in self.shown]
            if not ids or any(aid in need for aid in ids):
                continue
            need.append(next((aid for aid in ids if aid in visible), ids[0]))
        need = need[:count]
        if all(aid in visible for aid in need):
            return
        keep = list(need)
        for aid in visible + self.shown:
            if len(keep) >= count:
                break
            if aid not in keep:
                keep.append(aid)
        self.pin(keep)
        if self.shown[self.pane_index] not in keep:  # the cursor moves onto a side's pane
            self.pane_index = self.shown.index(next(a for a in self.shown if a in keep))

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
        """Cycle the kind of fact that n/N walk and mark: all, numbers, dates, names, quotes."""
        names = list(KIND_FILTERS)
        current = names.index(self.focus_state.kind_filter)
        kind = names[(current + 1) % len(names)]
        self.focus_state = replace(self.focus_state, fact=None, kind_filter=kind)
        self._conflict_at = -1
        for column in self.columns:
            column.pane.show(self.focus_state)
        if self.story is not None and self.facts_panel is not None:
            self.facts_panel.filled_for = None  # refilled when next shown
            self.set_timer(0.2, self._prefill_facts)  # or as soon as the reader pauses
            count = len(self.story.conflict_stops(kind))
            self.say(f"filter {kind}: {plural(count, 'conflict')}")
        self._update_overview()
