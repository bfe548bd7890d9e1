"""The comparison screen's state, declared once for the mixins that act on it.

:class:`~storydiff.tui.compare_screen.CompareScreen` keeps these attributes
(see its ``__init__``); :mod:`paging`, :mod:`navigation`, :mod:`facts_mode`
and :mod:`search` read and change them. Declaring them here gives every mixin
the same types without repeating the list.
"""

from __future__ import annotations

from storydiff.core.model import PassageRef

from .column import ArticleColumn
from .facts_panel import FactsPanel
from .story import Focus, Story


class ScreenState:
    """Attributes only: no behaviour, no initialisation (the screen does that)."""

    story: Story | None
    columns: list[ArticleColumn]
    shown: list[str]
    first_shown: int
    pane_index: int
    focus_state: Focus
    facts_panel: FactsPanel | None
    _matches: list[PassageRef]  # search hits, in reading order
    _match_at: int
    _conflict_at: int
    _pinned: list[str] | None  # the panes a conflict brought into view
