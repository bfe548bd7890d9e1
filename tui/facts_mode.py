"""The comparison screen while the facts panel is open (f, enter, esc).

Part of :class:`~storydiff.tui.compare_screen.CompareScreen` (a mixin: the
screen holds the state). The panel (:mod:`storydiff.tui.facts_panel`) never
takes focus; while it is open the screen's j/k move its row, the panes follow
the highlighted fact, enter goes there and esc closes it.
"""

from __future__ import annotations

from dataclasses import replace

from .facts_panel import FactsPanel, panel_height
from .screen_state import ScreenState


class FactsMode(ScreenState):
    """Opening, driving and closing the facts panel."""


    def _facts_open(self) -> bool:
        """Whether the panel is up (then j/k, arrows, enter and esc drive it)."""
        return self.facts_panel is not None and self.facts_panel.has_class("-shown")

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
        """Build the facts matrix (and its first page of rows) before the next f needs it:
        once the panes are up, and after the kind filter changed."""
        panel = self.facts_panel
        if panel is not None and panel.filled_for is None and not panel.has_class("-shown"):
            panel.fill(self.focus_state.kind_filter, self.size.width)
            panel.draw_ahead(panel_height(self.size.height))

    def _close_facts(self) -> None:
        if self.facts_panel is not None:
            self.facts_panel.remove_class("-shown")
        fact = self.focus_state.fact
        self.say(f"fact: {fact.label or fact.kind}" if fact is not None else "")
        self.call_after_refresh(self._sync)

    def on_facts_panel_fact_chosen(self, message: FactsPanel.FactChosen) -> None:
        self._go_to_fact(message.fact)
        if message.go:
            self._close_facts()

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
