"""A story opened from the review queue: the comparison screen, plus the way back.

The comparison itself is :class:`~storydiff.tui.compare_screen.CompareScreen`
unchanged; this subclass only changes what leaving means (q goes back to the
queue, not out of storydiff) and adds R, "reviewed, back to the queue".
"""

from __future__ import annotations

from storydiff.core.review.marks import MarkNotSaved, Marks
from storydiff.core.model import Report
from storydiff.core.review.stories import Story
from textual.binding import Binding, BindingType

from .compare_screen import CompareScreen


class StoryScreen(CompareScreen):
    """One story of the queue, compared."""

    # Only the keys that differ from the comparison's table: q takes the place
    # of "Quit" there (footer, help and palette alike, see key_table), R is new.
    BINDINGS: list[BindingType] = [
        Binding("q,backspace", "quit", "Back to queue", key_display="q"),
        Binding("R", "reviewed", "Reviewed, back to queue"),
    ]

    def __init__(self, story: Story, report: Report, marks: Marks) -> None:
        super().__init__(report=report)
        self.review_story = story
        self.marks = marks

    def action_quit(self) -> None:
        """Back to the queue (the queue redraws itself with any new marks)."""
        self.app.pop_screen()

    def action_reviewed(self) -> None:
        """Mark every article of this story reviewed and go back to the queue."""
        try:
            self.marks.set_reviewed(self.review_story.fingerprints)
        except MarkNotSaved as error:  # stay here, say so; R again retries
            self.app.not_saved(str(error))  # type: ignore[attr-defined] - a ReviewApp
            return
        self.dismiss(True)
