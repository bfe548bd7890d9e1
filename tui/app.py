"""The storydiff terminal app: one comparison screen over the articles given.

    storydiff seeds/            # or: python -m storydiff view seeds/

The app itself only holds the screen; everything a reader does is on
:class:`~storydiff.tui.compare_screen.CompareScreen`, whose key table also feeds
the command palette (``tui/commands.py``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from storydiff.core.model import Report
from textual.app import App
from textual.screen import Screen

from .compare_screen import CompareScreen
from .theme import COLOUR_BLIND_SAFE


class StorydiffApp(App[str | None]):
    """Compare news articles side by side."""

    TITLE = "storydiff"
    AUTO_FOCUS = None
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, paths: Sequence[str] = (), *, report: Report | None = None,
                 theme: str | None = None, stdin_text: str | None = None) -> None:
        super().__init__()
        self.paths = list(paths)
        self.initial_report = report
        self.stdin_text = stdin_text
        self.register_theme(COLOUR_BLIND_SAFE)
        self.theme = theme or COLOUR_BLIND_SAFE.name

    def story_svg(self, report: Report) -> str:
        """The whole story as SVG, drawn by a headless copy of this app (the export dialog's SVG)."""
        from .snapshot import render_svg

        return render_svg(report, lambda story: type(self)(report=story))

    def get_default_screen(self) -> Screen:
        return CompareScreen(self.paths, report=self.initial_report, stdin_text=self.stdin_text)


def run(paths: Sequence[str]) -> int:
    """Open the app on ``paths``; the exit code for the command line.

    ``-`` (standard input) is read before the app starts: once it runs, the
    terminal is the app's. Paths that do not exist at all are refused here in
    one line each, rather than opening an empty app.
    """
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    for path in missing:
        print(f"storydiff: {path}: no such file or folder", file=sys.stderr)
    if missing and len(missing) == len(paths):
        return 1
    stdin_text = None
    if "-" in paths:  # the readers (and their imports) only when there is a stream to read
        from storydiff.core.read import ArticleError, read_stdin

        try:  # bounded like any article: a stream that never ends must not fill memory
            stdin_text = read_stdin()
        except ArticleError as exc:
            print(f"storydiff: {exc}", file=sys.stderr)
            return 1
    if stdin_text is not None and not sys.stdin.isatty():
        _reopen_terminal()
    found = [p for p in paths if p not in missing]
    if StorydiffApp(found, stdin_text=stdin_text).run() == "review":  # R: several stories
        from storydiff.core.review.marks import Marks, MarksError

        from .review import run_review

        try:
            marks = Marks.open()
        except MarksError as error:
            print(f"storydiff: {error}", file=sys.stderr)
            return 1
        return run_review(found, marks)
    return 0


def _reopen_terminal() -> None:
    """After reading a pipe, give the app the terminal as its standard input."""
    try:
        tty = open("/dev/tty")  # noqa: SIM115 - stays open for the app's lifetime
    except OSError:
        return
    os.dup2(tty.fileno(), 0)
    sys.stdin = sys.__stdin__ = tty
