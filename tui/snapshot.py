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
import re
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
        screen = app.screen
        shown = list(getattr(screen, "shown", None) or [])
        count = screen.visible_count() if shown and hasattr(screen, "visible_count") else 0
        if not count or len(shown) <= count:
            return offline(app.export_screenshot(title=title))
        # More articles than panes: one picture per page of panes, stacked, so the
        # whole story is in the file (the last page ends with the last articles).
        pages = []
        for start in range(0, len(shown), count):
            ids = shown[start:start + count]
            if len(ids) < count:
                ids = shown[-count:]
            screen.pin(ids)  # type: ignore[attr-defined]
            screen.pane_index = shown.index(ids[0])  # type: ignore[attr-defined]
            screen._arrange()  # type: ignore[attr-defined]
            await pilot.pause()
            screen._settle()  # type: ignore[attr-defined]
            await pilot.pause()
            pages.append(app.export_screenshot(title=title))
        return offline(tile(pages))


def tile(pages: list[str]) -> str:
    """Several SVG screenshots stacked top to bottom in one SVG."""
    sizes = []
    for page in pages:
        box = _VIEWBOX.search(page)
        width, height = (float(box.group(1)), float(box.group(2))) if box else (0.0, 0.0)
        sizes.append((width, height))
    total = sum(h for _, h in sizes)
    widest = max((w for w, _ in sizes), default=0)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {widest:g} {total:g}">']
    y = 0.0
    for page, (width, height) in zip(pages, sizes, strict=True):
        body = _XML_DECL.sub("", page, count=1)
        body = body.replace("<svg ", f'<svg x="0" y="{y:g}" width="{width:g}" '
                                     f'height="{height:g}" ', 1)
        out.append(body)
        y += height
    out.append("</svg>")
    return "\n".join(out)


# Rich links its font from a CDN; an export must open offline, so the picture
# uses the reader's own monospace fonts instead.
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.S)
_FONT_FAMILY = re.compile(r'font-family:\s*"?Fira Code"?(?:,\s*monospace)?;')
_SYSTEM_MONO = ('font-family: "Fira Code", "DejaVu Sans Mono", Menlo, Consolas, '
                '"Liberation Mono", monospace;')
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# Characters XML 1.0 does not allow (U+FFFE, U+FFFF, C0 controls but tab/newline/CR,
# lone surrogates): an SVG holding one is not a valid file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def offline(svg: str) -> str:
    """``svg`` with no web fonts (system monospace fonts) and only characters XML allows."""
    svg = _FONT_FACE.sub("", svg)
    svg = _FONT_FAMILY.sub(_SYSTEM_MONO, svg)
    return _NOT_XML.sub("\ufffd", svg)


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

