"""The review app when the marks file fails under it: locked by another program, disk full.

A failed mark is one line on screen (never a traceback), nothing half-saved, the key can
be pressed again, and the command's exit status says marks were lost.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from storydiff.core.review.marks import MarkNotSaved, Marks
from storydiff.tui import review
from storydiff.tui.review import ReviewApp, run_review
from storydiff.tui.review_screen import ReviewScreen

MATCH = """Title: {title}
Source: {source}
Date: 2024-03-0{day}

Riverton beat Hallam 3-1 in the county cup final on Saturday in front of 8,200 fans.
Striker Jo Amadi scored twice and coach Len Brisk said the club would celebrate on Sunday.
"""
WEATHER = """Title: Storm warning for the coast
Source: Met Desk
Date: 2024-03-02

Forecasters issued an amber warning for gusts of 70 mph along the Ardmore coast on Tuesday,
with ferries between Port Lane and Kells cancelled until Wednesday.
"""


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n, source in enumerate(["County Sport", "Cup Weekly"]):
        (folder / f"cup-{n}.txt").write_text(
            MATCH.format(title=f"Riverton win the county cup ({source})", source=source, day=n + 1),
            encoding="utf-8")
    (folder / "storm.txt").write_text(WEATHER, encoding="utf-8")
    return folder


async def _settle(pilot, screen: ReviewScreen) -> None:  # noqa: ANN001
    for _ in range(100):
        await pilot.pause(0.05)
        if screen.rows and not any(not w.is_finished for w in screen.workers):
            return
    raise AssertionError("the review screen did not settle")


def _notices(app: ReviewApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _reviewed(db: Path) -> int:
    with Marks.open(db) as marks:
        return sum(m.reviewed for m in marks.article_marks().values())


def test_a_mark_made_while_another_program_holds_the_lock_is_reported_and_can_be_retried(
        inbox, tmp_path):
    db = tmp_path / "m.db"

    async def main() -> None:
        app = ReviewApp([str(inbox)], Marks.open(db, wait=0.3))
        async with app.run_test(size=(120, 30)) as pilot:
            screen = app.screen
            await _settle(pilot, screen)
            other = sqlite3.connect(db, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than the wait
            await pilot.press("r")
            await pilot.pause()
            assert app.screen is screen and app.return_code is None  # still running
            notice = [n for n in _notices(app) if "not saved" in n]
            assert len(notice) == 1 and "locked" in notice[0] and "\n" not in notice[0]
            assert screen.rows[0].status == "new"  # the queue does not pretend it was saved
            other.execute("ROLLBACK")
            other.close()
            await pilot.press("r")  # the retry
            await pilot.pause()
            assert screen.rows[-1].status == "reviewed"
        app.marks.close()

    asyncio.run(main())
    assert _reviewed(db) == 2


def test_a_full_disk_loses_the_mark_in_one_line_and_saves_nothing_half_way(inbox, tmp_path):
    db = tmp_path / "m.db"

    async def main() -> None:
        marks = Marks.open(db)
        app = ReviewApp([str(inbox)], marks)
        async with app.run_test(size=(120, 30)) as pilot:
            screen = app.screen
            await _settle(pilot, screen)
            # SQLite's own way to make a file full: it may not grow by a single page,
            # and the room left in its pages is taken by other notes.
            pages = marks._db.execute("PRAGMA page_count").fetchone()[0]
            marks._db.execute(f"PRAGMA max_page_count = {pages}")
            for size in (1500, 100, 5):
                _fill(lambda n: marks.set_story_note([f"other-{size}-{n}"], "x" * size))
            await pilot.press("n", *"the final score needs checking", "enter")
            await pilot.pause()
            assert app.screen is screen
            notice = [n for n in _notices(app) if "not saved" in n]
            assert len(notice) == 1 and "disk is full" in notice[0]
            assert app.unsaved and screen.rows[0].note == ""
        marks.close()

    asyncio.run(main())
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT count(*) FROM story_marks WHERE note LIKE 'the final%'"
                       ).fetchone() == (0,)
    raw.close()


def _fill(write) -> None:  # noqa: ANN001
    for n in range(5000):
        try:
            write(n)
        except MarkNotSaved:
            return
    raise AssertionError("the marks file never filled up")


def test_the_exit_status_says_when_marks_were_not_saved(inbox, tmp_path, monkeypatch, capsys):
    db = tmp_path / "m.db"
    run = ReviewApp.run

    def headless(self: ReviewApp, **_: object) -> object:
        async def reviewer(pilot) -> None:  # noqa: ANN001 - holds the lock, presses r, quits
            await _settle(pilot, pilot.app.screen)
            other = sqlite3.connect(db, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            await pilot.press("r")
            await pilot.pause()
            other.execute("ROLLBACK")
            other.close()
            await pilot.press("q")

        return run(self, headless=True, size=(120, 30), auto_pilot=reviewer)

    monkeypatch.setattr(ReviewApp, "run", headless)
    assert run_review([str(inbox)], Marks.open(db, wait=0.3)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "could not be saved" in err[0] and "locked" in err[0]
    assert _reviewed(db) == 0

    async def quits(pilot) -> None:  # noqa: ANN001 - nothing fails: status 0
        await _settle(pilot, pilot.app.screen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("q")

    monkeypatch.setattr(ReviewApp, "run", lambda self, **_: run(self, headless=True,
                                                               size=(120, 30),
                                                               auto_pilot=quits))
    assert review.run_review([str(inbox)], Marks.open(db)) == 0
    assert _reviewed(db) == 2
