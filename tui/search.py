"""Search across all panes (/, then s / S for the next and previous hit).

Part of :class:`~storydiff.tui.compare_screen.CompareScreen` (a mixin: the
screen holds the state).

The query is typed into the overview line rather than an Input: an Input
takes focus, and a focus change makes the footer rebuild itself and the
screen lay out again several times (half a second with 20 panes). While
typing, ``check_action`` turns every binding off so letters reach
``on_key``.
"""

from __future__ import annotations

from dataclasses import replace

from textual import events

from .screen_state import ScreenState


class Search(ScreenState):
    """Typing a query, marking it in every pane, and walking its hits."""

    _typed: str | None  # the search being typed, None when not typing

    def action_search(self) -> None:
        """Search every pane for some words."""
        if self.story is None:
            return
        self._typed = self.focus_state.search
        self._show_typed()

    def _show_typed(self) -> None:
        self.say(f"/{self._typed}▏  enter: find  esc: cancel")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._typed is None

    def on_key(self, event: events.Key) -> None:
        if self._typed is None:
            if event.key == "slash" and self.story is not None:
                # Start typing here, not through the binding: a binding runs only
                # after the key has bubbled up to the app, by which time the next
                # letters (typed fast, or pasted by tmux) have gone past on_key.
                event.stop()
                event.prevent_default()
                self.action_search()
            return
        event.stop()
        event.prevent_default()
        if event.key == "escape":
            self._typed = None
            self.say("")
        elif event.key == "enter":
            query, self._typed = self._typed.strip(), None
            self._search(query)
        elif event.key == "backspace":
            self._typed = self._typed[:-1]
            self._show_typed()
        elif event.character and event.character.isprintable():
            self._typed += event.character
            self._show_typed()

    def _search(self, query: str) -> None:
        self._set_search(query)
        self._matches = []
        if not query or self.story is None:
            self.say("")
            return
        self._matches = self.story.find(query, self.shown)
        if not self._matches:
            self.say(f"no passage says {query!r}")
            return
        articles = len({m.article for m in self._matches})
        self._match_at = -1
        self._next_match(1)
        self.say(f"{_count(len(self._matches), 'passage')} in {_count(articles, 'article')} "
                 f"say {query!r} (s / S: next / previous)")

    def _set_search(self, query: str) -> None:
        self.focus_state = replace(self.focus_state, search=query)
        for column in self.columns:
            column.pane.show(self.focus_state)

    def action_next_match(self) -> None:
        """Go to the next passage the search found."""
        self._next_match(1)

    def action_prev_match(self) -> None:
        """Go to the previous passage the search found."""
        self._next_match(-1)

    def _next_match(self, delta: int) -> None:
        if not self._matches:
            self.say("no search (press /)")
            return
        self._match_at = (self._match_at + delta) % len(self._matches)
        self._move(self._matches[self._match_at])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
