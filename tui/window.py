"""Which articles get a pane: as many as fit, turned a page at a time.

    >>> panes_that_fit(160, 20), panes_that_fit(60, 20), panes_that_fit(160, 2)
    (4, 1, 2)
    >>> window_start(0, 4, 4, 20)   # the cursor leaves the window to the right
    4
    >>> window_start(4, 3, 4, 20)   # ... and to the left
    0
"""

from __future__ import annotations

MIN_PANE_WIDTH = 36  # columns a pane needs to read prose comfortably (≈ 30 chars of text)
MAX_PANES = 4  # more than four columns of prose stop being readable side by side


def panes_that_fit(width: int, articles: int) -> int:
    """How many panes to show side by side on a screen ``width`` columns wide."""
    return max(1, min(articles, MAX_PANES, width // MIN_PANE_WIDTH))


def window_start(first: int, index: int, count: int, total: int) -> int:
    """The first pane shown so that pane ``index`` is in a window of ``count``.

    Leaving the window turns a whole page rather than one pane: showing and
    hiding columns re-lays-out the screen, so it happens once per ``count``
    panes, and the reader keeps their bearings (pages, not a conveyor belt).
    """
    if index < first:
        first = index - count + 1
    elif index >= first + count:
        first = index
    return max(0, min(first, total - count))
