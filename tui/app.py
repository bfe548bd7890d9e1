"""The storydiff terminal app: one comparison screen over the articles given.

    storydiff seeds/            # or: python -m storydiff view seeds/

The app itself only holds the screen; everything a reader does is on
:class:`~storydiff.tui.compare_screen.CompareScreen`, whose key table also feeds
the command palette here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from storydiff.core.model import Report
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .compare_screen import CompareScreen
from .theme import COLOUR_BLIND_SAFE


class StorydiffApp(App[None]):
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

    def get_default_screen(self) -> Screen:
        return CompareScreen(self.paths, report=self.initial_report, stdin_text=self.stdin_text)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every described key of the comparison screen, then Textual's."""
        if isinstance(screen, CompareScreen):
            for binding in screen.BINDINGS:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                if binding.action.startswith("app.") or binding.action.startswith("pane("):
                    continue
                keys = binding.key.replace(",", " / ")
                yield SystemCommand(binding.description, f"key: {keys}",
                                    _runner(screen, binding.action))
        yield from super().get_system_commands(screen)


def _runner(screen: Screen, action: str):  # noqa: ANN202 - a zero-argument callback
    async def run() -> None:
        await screen.run_action(action)

    return run


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
    stdin_text = sys.stdin.read() if "-" in paths else None
    if stdin_text is not None and not sys.stdin.isatty():
        _reopen_terminal()
    StorydiffApp([p for p in paths if p not in missing], stdin_text=stdin_text).run()
    return 0


def _reopen_terminal() -> None:
    """After reading a pipe, give the app the terminal as its standard input."""
    try:
        tty = open("/dev/tty")  # noqa: SIM115 - stays open for the app's lifetime
    except OSError:
        return
    os.dup2(tty.fileno(), 0)
    sys.stdin = sys.__stdin__ = tty
