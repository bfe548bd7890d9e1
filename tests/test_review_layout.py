"""The review queue on a small terminal: every story's title stays on screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from storydiff.core.review.marks import Marks
from storydiff.tui.review import ReviewApp
from storydiff.tui.review_screen import ReviewScreen

TRIAL = """Title: Jury finds Harlow Metals guilty of dumping solvent into the Tessa River
Source: {source}
Date: 2024-05-0{day}

A jury in Corbin found Harlow Metals guilty on Thursday of dumping 4,000 litres of solvent
into the Tessa River over six years. Judge Maren Holt set sentencing for June 12 and said
the company faced fines of up to 2 million dollars.
"""
MARKET = """Title: Brennan Foods shares fall 12 percent after the grocer cuts its outlook
Source: Market Ledger
Date: 2024-05-02

Shares in Brennan Foods fell 12 percent on Wednesday after the grocer cut its yearly profit
forecast, blaming a price war with discount chains in the north of the country.
"""


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n, source in enumerate(["Corbin Courier", "Northern Wire Service International",
                                "Tessa Valley Gazette and Evening Herald"]):
        (folder / f"trial-{n}.txt").write_text(TRIAL.format(source=source, day=n + 1),
                                               encoding="utf-8")
    (folder / "market.txt").write_text(MARKET, encoding="utf-8")
    return folder


def _lines(app: ReviewApp) -> list[str]:
    return ["".join(segment.text for segment in strip)
            for strip in app.screen._compositor.render_strips()]


async def _settle(pilot, screen: ReviewScreen) -> None:  # noqa: ANN001
    for _ in range(100):
        await pilot.pause(0.05)
        if screen.rows and not any(not w.is_finished for w in screen.workers):
            await pilot.pause()
            return
    raise AssertionError("the review screen did not settle")


def _run(inbox: Path, db: Path, size: tuple[int, int], script) -> None:  # noqa: ANN001
    async def main() -> None:
        app = ReviewApp([str(inbox)], Marks.open(db))
        async with app.run_test(size=size) as pilot:
            await _settle(pilot, app.screen)
            await script(pilot, app)
        app.marks.close()

    asyncio.run(main())


def test_at_80x24_every_story_title_is_on_screen(inbox, tmp_path):
    async def script(pilot, app):
        screen = _lines(app)
        assert all(len(line) <= 80 for line in screen)
        queue = "\n".join(screen[:6])
        assert "Jury finds Harlow Metals guilty" in queue
        assert "Brennan Foods shares fall" in queue
        assert "Story" in queue and "Confl" in queue  # the count a reviewer sorts by stays

    _run(inbox, tmp_path / "m.db", (80, 24), script)


def test_a_wide_terminal_keeps_dates_and_outlets_and_narrowing_it_drops_them(inbox, tmp_path):
    async def script(pilot, app):
        header = _lines(app)[1]
        assert "Dates" in header and "Outlets" in header
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        queue = "\n".join(_lines(app)[:6])
        assert "Outlets" not in queue
        assert "Jury finds Harlow Metals guilty" in queue

    _run(inbox, tmp_path / "m.db", (160, 45), script)


def test_an_article_row_shows_the_outlet_by_name_and_no_control_characters():
    import datetime as dt

    from storydiff.core.model import Article
    from storydiff.core.review.marks import StoryMark
    from storydiff.core.review.queue import QueueRow
    from storydiff.core.review.stories import Story
    from storydiff.tui.queue_table import article_cells, layout_for

    article = Article(id="a", path="a.txt", text="Body.", title="Dam\x1b]0;PWNED\x07 bursts",
                      source="www.example-gazette.com", date=dt.date(2025, 5, 1),
                      outlet="The Example Gazette", fingerprint="f1")
    story = Story(key="k", articles=(article,), title="Dam bursts")
    row = QueueRow(story=story, conflicts=0, reviewed=0, new=1, flagged=False, note="",
                   mark=StoryMark(), article_marks={}, new_articles=frozenset({"f1"}))
    cells = [c.plain for c in article_cells(article, row, layout_for(160))]
    assert any(c.startswith("The Example Gazette") for c in cells)
    assert not any("\x1b" in c or "\x07" in c for c in cells)
