"""``storydiff review``: the review app — a queue of stories, each opened for comparison.

:class:`ReviewApp` is the comparison app (theme, palette, comparison screen)
with the review queue (:mod:`storydiff.tui.review_screen`) as its first
screen; :func:`run_review` is what the command line calls.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from storydiff.core.review.marks import Marks
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .app import StorydiffApp
from .review_screen import ReviewScreen


class ReviewApp(StorydiffApp):
    """The review queue, and stories opened from it."""

    TITLE = "storydiff review"

    def __init__(self, paths: Sequence[str], marks: Marks) -> None:
        super().__init__(paths)
        self.marks = marks
        self.unsaved: list[str] = []  # every change the marks file refused, for the exit status

    def not_saved(self, message: str) -> None:
        """A change to the marks file failed (disk full, locked): one line, and remembered."""
        self.unsaved.append(message)
        self.notify(f"{message}. Press the key again to retry.", title="Not saved",
                    severity="error", timeout=15, markup=False)

    def get_default_screen(self) -> Screen:
        return ReviewScreen(self.paths, self.marks)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers the queue's keys too (the comparison's come from the base)."""
        if isinstance(screen, ReviewScreen):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding) and binding.description \
                        and not binding.action.startswith("app."):
                    yield SystemCommand(binding.description,
                                        f"key: {binding.key_display or binding.key}",
                                        partial(screen.run_action, binding.action))
        yield from super().get_system_commands(screen)


def run_review(paths: Sequence[str], marks: Marks) -> int:
    """Open the review app on ``paths``; the exit code for the command line."""
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"storydiff: {missing[0]}: no such file or folder", file=sys.stderr)
        return 1
    app = ReviewApp(paths, marks)
    with marks:
        app.run()
    if app.unsaved:
        count = len(app.unsaved)
        print(f"storydiff: {count} change{'s' if count > 1 else ''} to the marks could not be "
              f"saved (last: {app.unsaved[-1]})", file=sys.stderr)
        return 1
    return app.return_code or 0
