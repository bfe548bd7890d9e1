"""SVG snapshots of the app without a terminal: ``storydiff compare --format svg``.

The SVG is the screen exactly as a reader would see it, drawn by Textual's own
screenshot support: the app runs headless at a chosen size (``App.run_test``),
waits until the comparison is on screen, and ``App.export_screenshot`` turns
the screen into SVG. Rich writes the text into ``<text>`` elements with XML
escaping, so article text can not inject markup into the file.

    >>> svg = render_svg(report, size=(160, 48))   # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

from storydiff.core.model import Report
from textual.app import App

from .window import MAX_PANES  # the app shows at most this many articles at once

# A wide terminal shows four article panes of readable width (the app's cap).
DEFAULT_SIZE = (200, 50)
# A "whole story" snapshot grows tall enough for the longest article, up to this
# many rows: past it an SVG is megabytes and slow for browsers and viewers.
MAX_ROWS = 600
# Rows the app spends outside the panes (overview, pane headers, footer) and
# columns a pane spends on borders and padding; generous, so text is not cut.
CHROME_ROWS = 8
PANE_MARGIN = 4
# How long to wait for the app to show the comparison before giving up.
READY_TIMEOUT = 30.0

AppFactory = Callable[[Report], App]


class SnapshotError(Exception):
    """The app could not be drawn (not installed, or it never became ready)."""


def render_svg(report: Report, app_factory: AppFactory, *, size: tuple[int, int] | None = None,
               title: str | None = None) -> str:
    """``app_factory(report)`` drawn headless, as SVG text; ``size`` defaults to fit the whole story.

    The app is passed in (the CLI and the app's export dialog pass ``StorydiffApp``) so that this
    module never imports the app that imports it.
    """
    return asyncio.run(snapshot(app_factory(report), size or story_size(report), title=title))


async def snapshot(app: App, size: tuple[int, int], *, title: str | None = None) -> str:
    """Run ``app`` headless at ``size`` (columns, rows) and export its screen as SVG."""
    async with app.run_test(size=size) as pilot:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + READY_TIMEOUT
        await pilot.pause()
        while not _ready(app):
            if loop.time() > deadline:
                raise SnapshotError("the app did not finish drawing the comparison")
            await pilot.pause(0.05)
        await pilot.pause()
        return app.export_screenshot(title=title)


def story_size(report: Report, width: int = DEFAULT_SIZE[0]) -> tuple[int, int]:
    """A terminal size whose panes hold the longest article without scrolling.

    The app shows at most ``MAX_PANES`` articles side by side, so a whole-story
    picture of a bigger story shows the first ones in full. An estimate: wrapped
    lines per block at the pane's width, plus a blank line between blocks; never
    below the default height nor above :data:`MAX_ROWS`.
    """
    panes = max(1, min(len(report.articles), MAX_PANES))
    text_width = max(20, width // panes - PANE_MARGIN)
    longest = 0
    for article in report.articles:
        spans = [(b.start, b.end) for b in article.blocks] or [(0, len(article.text))]
        lines = 0
        for start, end in spans:
            chunk = " ".join(article.text[start:end].split())
            if chunk:
                lines += math.ceil(len(chunk) / text_width) + 1
        longest = max(longest, lines)
    return width, max(DEFAULT_SIZE[1], min(MAX_ROWS, longest + CHROME_ROWS))


def _ready(app: App) -> bool:
    """The comparison is on screen: no loading indicator, no pending work."""
    screen = app.screen
    if screen.query("LoadingIndicator"):
        return False
    return all(worker.is_finished for worker in app.workers)

