"""The review screen's marks: reviewed, flag, note, move, hide reviewed.

Part of :class:`~storydiff.tui.review_screen.ReviewScreen` (a mixin: the screen
holds the state). Each key acts on the highlighted article when the lower table
has focus, else on the whole story, and goes straight to the marks file
(``core.review.marks``) through the screen's ``save``.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.core.model import Article
from storydiff.core.review.marks import MarksError
from storydiff.core.review.queue import QueueRow
from storydiff.core.review.stories import headline
from storydiff.core.review.terms import features, reported_text

from .queue_table import one_line
from .review_dialogs import ALONE, UNDO, MoveDialog, NoteDialog


class MarkActions:
    """r, f, n, m and h on the queue."""

    def action_reviewed(self) -> None:
        """Toggle reviewed: the highlighted article (lower table) or the whole story."""
        row = self.current_row()
        if row is None:
            return
        if self._article_focused():
            article = self.current_article()
            if article is not None:
                mark = row.article_marks.get(article.fingerprint)
                self.save(lambda: self.marks.set_reviewed(
                    [article.fingerprint], not (mark is not None and mark.reviewed)))
        else:
            self.save(lambda: self.marks.set_reviewed(row.story.fingerprints, row.unreviewed > 0))
        self.refresh_queue()

    def action_flag(self) -> None:
        """Toggle the flag of the highlighted article (lower table) or story."""
        row = self.current_row()
        if row is None:
            return
        if self._article_focused():
            article = self.current_article()
            if article is not None:
                mark = row.article_marks.get(article.fingerprint)
                self.save(lambda: self.marks.set_article_flag(
                    article.fingerprint, not (mark is not None and mark.flagged)))
        else:
            self.save(lambda: self.marks.set_story_flag(row.story.fingerprints,
                                                        not row.mark.flagged))
        self.refresh_queue()

    def action_note(self) -> None:
        """Write a note on the highlighted article (lower table) or story."""
        row = self.current_row()
        if row is None:
            return
        article = self.current_article() if self._article_focused() else None
        if article is not None:
            mark = row.article_marks.get(article.fingerprint)
            fingerprint = article.fingerprint

            def save_article(note: str | None) -> None:
                if note is not None:
                    self.save(lambda: self.marks.set_article_note(fingerprint, note))
                    self.refresh_queue()

            self.app.push_screen(NoteDialog(headline(article),
                                            mark.note if mark else ""), save_article)
            return
        members = row.story.fingerprints

        def save_story(note: str | None) -> None:
            if note is not None:
                self.save(lambda: self.marks.set_story_note(members, note))
                self.refresh_queue()

        self.app.push_screen(NoteDialog(f"the story “{row.story.title}”", row.note), save_story)

    def action_move(self) -> None:
        """Move the highlighted article (lower table) to another story, or alone."""
        row = self.current_row()
        article = self.current_article()
        if row is None or article is None:
            return
        if not self._article_focused():
            self.notify("Pick the article in the lower list first (Tab), then m.")
            return
        try:
            moves = self.marks.moves()
        except MarksError as error:
            self.notify(str(error), title="Marks file", severity="error", markup=False)
            return
        others = [(r.key, f"{r.size:>3}  {one_line(r.story.title)}")
                  for r in likely_targets(article, [r for r in self.rows if r.key != row.key])]
        fingerprint = article.fingerprint

        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            if answer == UNDO:
                saved = self.save(lambda: self.marks.move(fingerprint, None))
            elif answer == ALONE:
                saved = self.save(lambda: self.marks.move(fingerprint, fingerprint))
            else:
                target = next((r for r in self.rows if r.key == answer), None)
                if target is None:
                    return
                into = target.story.articles[0].fingerprint
                saved = self.save(lambda: self.marks.move(fingerprint, into))
            if saved:
                self.load(full=True)

        self.app.push_screen(MoveDialog(headline(article), others,
                                        moved=fingerprint in moves), chosen)

    def action_hide(self) -> None:
        """Hide (or show again) stories whose articles are all reviewed."""
        self.hide_reviewed = not self.hide_reviewed
        self.refresh_queue()


def likely_targets(article: Article, rows: Sequence[QueueRow]) -> list[QueueRow]:
    """``rows`` with the stories sharing most of the article's names and words first
    (then in queue order): where a reviewer most likely wants to move it."""
    mine = _words(headline(article) + " " + reported_text(article)[:2000])

    def shared(row: QueueRow) -> int:
        return len(mine & _words(" ".join((row.story.title, *row.story.terms))))

    scored = [(-shared(r), n, r) for n, r in enumerate(rows)]
    scored.sort(key=lambda t: (t[0], t[1]))
    return [r for _, _, r in scored]


def _words(text: str) -> set[str]:
    return {value for kind, value in features(text) if kind in ("word", "name", "number")}
