"""Small dialogs of the review queue: a note, a move to another story, the help card."""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.core.review.marks import NOTE_MAX
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

# The answers of MoveDialog besides a story key.
ALONE = "\x00alone"  # put the article in a story of its own
UNDO = "\x00undo"  # forget the reviewer's move: back to automatic grouping


class NoteDialog(ModalScreen[str | None]):
    """One line of text: the note of a story or an article. Enter saves, Escape cancels."""

    AUTO_FOCUS = "Input"  # the app turns auto-focus off; a dialog wants it
    BINDINGS: list[BindingType] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical { width: 80%; max-width: 100; height: auto; border: round $accent;
                            background: $surface; padding: 0 1; }
    NoteDialog Label { width: 1fr; color: $text-muted; }
    """

    def __init__(self, what: str, note: str) -> None:
        super().__init__()
        self.what = what
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Note on {self.what}"))
            yield Input(self.note, placeholder="what to check, who to ask…", max_length=NOTE_MAX)
            yield Label(Content("Enter saves · an empty note removes it · Escape cancels"))

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MoveDialog(ModalScreen[str | None]):
    """Pick the story an article belongs to; answers a story key, ALONE, UNDO or None."""

    AUTO_FOCUS = "OptionList"
    BINDINGS: list[BindingType] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    MoveDialog { align: center middle; }
    MoveDialog > Vertical { width: 90%; max-width: 120; height: 80%; border: round $accent;
                            background: $surface; padding: 0 1; }
    MoveDialog OptionList { height: 1fr; }
    MoveDialog Label { width: 1fr; color: $text-muted; }
    """

    def __init__(self, article: str, stories: Sequence[tuple[str, str]], *,
                 moved: bool) -> None:
        """``stories``: (key, label) of every other story, in queue order."""
        super().__init__()
        self.article = article
        self.stories = list(stories)
        self.moved = moved

    def compose(self) -> ComposeResult:
        options = [Option(Content("➜ a story of its own"), id=ALONE)]
        if self.moved:
            options.append(Option(Content("↺ back to automatic grouping"), id=UNDO))
        options.extend(Option(Content(label), id=key) for key, label in self.stories)
        with Vertical():
            yield Label(Content(f"Move “{self.article}” to…"))
            yield OptionList(*options)
            yield Label(Content("Enter moves · Escape cancels"))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReviewHelp(ModalScreen[None]):
    """Every key of the review queue (from its BINDINGS) and what the statuses mean."""

    AUTO_FOCUS = "VerticalScroll"
    BINDINGS: list[BindingType] = [Binding("escape,question_mark,q", "dismiss", "Close help")]
    DEFAULT_CSS = """
    ReviewHelp { align: center middle; }
    ReviewHelp > VerticalScroll { width: 80%; max-width: 90; height: 80%;
                                  border: round $accent; background: $surface; padding: 0 1; }
    """
    STATUSES = (
        ("⚑ flagged", "someone asked for a second look (the story or one of its articles)"),
        ("● new", "has articles this session is the first to see"),
        ("◐ partly", "some articles reviewed, some not"),
        ("○ open", "nothing reviewed yet"),
        ("✓ done", "every article reviewed; h hides these"),
    )

    def __init__(self, bindings: Sequence[BindingType]) -> None:
        super().__init__()
        self._keys = list(bindings)

    def compose(self) -> ComposeResult:
        lines = ["Keys", ""]
        for binding in self._keys:
            if isinstance(binding, Binding) and binding.description:
                keys = binding.key_display or binding.key
                lines.append(f"  {keys:<12}{binding.description}")
        lines += ["", "r, f, n and m act on the story in the upper list, or on the article",
                  "in the lower list when it has the focus (Tab switches); the line",
                  "above the footer says which.",
                  "j/k or arrows move; g/G or Home/End jump to the top/bottom.",
                  "/ filters by words in titles and outlets; Escape clears it.",
                  "In a story: R marks it reviewed and goes on to the next; q comes back.", "",
                  "Status", ""]
        lines += [f"  {badge:<12}{meaning}" for badge, meaning in self.STATUSES]
        lines += ["", "Queue order: flagged, then stories to review (most conflicts first, "
                  "stories of several articles before lone ones, most new first), "
                  "then reviewed ones.", "", "Press ? or Escape to close."]
        with VerticalScroll():
            yield Static(Content("\n".join(lines)))
