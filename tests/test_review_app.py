"""The review queue in the terminal: marks, moves, new files, the reviewer's place kept."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from storydiff.core.review.marks import Marks
from storydiff.tui import review_screen, review_work
from storydiff.tui.review import ReviewApp
from storydiff.tui.review_screen import ReviewScreen
from storydiff.tui.story_screen import StoryScreen

QUAKE = """Title: {title}
Source: {source}
Date: 2024-09-1{day}

An earthquake of magnitude 6.1 struck near the mountain town of Belgora on Tuesday, killing
at least 23 people, the Meridia Seismic Institute said. Mayor Ilse Varga said 140 buildings
collapsed in the old town of Belgora and rescuers were searching the rubble.
"""
BUDGET = """Title: Lindqvist presents budget with 3.2 billion for railways
Source: Capital Review
Date: 2024-09-11

Finance minister Petra Lindqvist presented a budget on Wednesday that sets aside 3.2 billion
kronor for railways in Norrmark. Lindqvist said the Vastby line would be finished by 2029.
"""
CHESS = """Title: Okafor wins Halden chess open
Source: Board Weekly
Date: 2024-09-12

Grandmaster Chidi Okafor won the Halden chess open on Thursday with 7.5 points from 9
rounds, half a point ahead of Ana Ruiz. Okafor collects 15,000 euros in prize money.
"""


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n, source in enumerate(["Alpine Daily", "Quake Watch", "Wire Central"]):
        (folder / f"quake-{n}.txt").write_text(
            QUAKE.format(title=f"Deadly quake hits Belgora ({source})", source=source, day=n),
            encoding="utf-8")
    (folder / "budget.txt").write_text(BUDGET, encoding="utf-8")
    return folder


def _run(folder: Path, db: Path, script) -> None:  # noqa: ANN001 - an async test body
    async def main() -> None:
        app = ReviewApp([str(folder)], Marks.open(db))
        async with app.run_test(size=(140, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            await _settle(pilot, screen)
            await script(pilot, screen)
        app.marks.close()

    asyncio.run(main())


async def _settle(pilot, screen: ReviewScreen, until=None) -> None:  # noqa: ANN001
    """Wait until loading and comparing are done (and ``until()`` holds, if given)."""
    for _ in range(100):
        await pilot.pause(0.05)
        busy = any(not w.is_finished for w in screen.workers)
        if screen.rows and not busy and (until is None or until()):
            return
    raise AssertionError("the review screen did not settle")


def _titles(screen: ReviewScreen) -> list[str]:
    return [row.story.title for row in screen.rows]


def test_the_queue_shows_one_row_per_story_biggest_unreviewed_first(inbox, tmp_path):
    async def script(pilot, screen):
        assert [row.size for row in screen.rows] == [3, 1]
        assert screen.rows[0].story.title.startswith("Deadly quake hits Belgora")
        assert screen.rows[0].conflicts is not None  # compared in the background
        assert all(row.status == "new" for row in screen.rows)

    _run(inbox, tmp_path / "m.db", script)


def test_r_marks_the_story_reviewed_and_it_sinks_and_h_hides_it(inbox, tmp_path):
    db = tmp_path / "m.db"

    async def script(pilot, screen):
        await pilot.press("r")
        await pilot.pause()
        assert [row.status for row in screen.rows] == ["new", "reviewed"]
        await pilot.press("h")
        await pilot.pause()
        assert screen.query_one("#queue").row_count == 1

    _run(inbox, db, script)
    with Marks.open(db) as marks:
        assert sum(m.reviewed for m in marks.article_marks().values()) == 3


def test_marks_made_in_the_app_are_there_after_a_restart(inbox, tmp_path):
    db = tmp_path / "m.db"

    async def flag(pilot, screen):
        await pilot.press("f")
        await pilot.pause()

    async def check(pilot, screen):
        assert screen.rows[0].status == "flagged"
        assert screen.rows[0].new == 0  # seen in the first session: not new any more

    _run(inbox, db, flag)
    _run(inbox, db, check)


def test_a_note_typed_in_the_dialog_is_kept(inbox, tmp_path):
    db = tmp_path / "m.db"

    async def script(pilot, screen):
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"ask Meridia", "enter")
        await pilot.pause()
        assert screen.rows[0].note == "ask Meridia"

    _run(inbox, db, script)


def test_moving_an_article_to_a_story_of_its_own_splits_the_story(inbox, tmp_path):
    db = tmp_path / "m.db"

    async def script(pilot, screen):
        await pilot.press("tab")  # to the articles of the highlighted story
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # the first choice: a story of its own
        await _settle(pilot, screen, until=lambda: len(screen.rows) == 3)
        assert sorted(row.size for row in screen.rows) == [1, 1, 2]

    _run(inbox, db, script)
    with Marks.open(db) as marks:
        assert len(marks.moves()) == 1


def test_an_article_moved_to_another_story_stays_there_and_the_move_can_be_undone(inbox,
                                                                                tmp_path):
    db = tmp_path / "m.db"

    async def move(pilot, screen):
        await pilot.press("tab", "m")
        await pilot.pause()
        await pilot.press("down", "enter")  # past "a story of its own": the budget story
        await _settle(pilot, screen, until=lambda: sorted(r.size for r in screen.rows) == [2, 2])

    async def undo(pilot, screen):
        assert sorted(row.size for row in screen.rows) == [2, 2]  # kept across a restart
        moved = next(r for r in screen.rows
                     if any(a.path.endswith("budget.txt") for a in r.story.articles))
        screen.query_one("#queue").move_cursor(row=screen.rows.index(moved))
        await pilot.pause()
        await pilot.press("tab")
        moved_article = next(n for n, a in enumerate(moved.story.articles)
                             if "quake" in a.path)
        screen.query_one("#articles").move_cursor(row=moved_article)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "enter")  # "back to automatic grouping"
        await _settle(pilot, screen, until=lambda: sorted(r.size for r in screen.rows) == [1, 3])

    _run(inbox, db, move)
    _run(inbox, db, undo)
    with Marks.open(db) as marks:
        assert marks.moves() == {}


def test_a_file_dropped_in_appears_without_losing_the_reviewers_place(inbox, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setattr(review_screen, "POLL_SECONDS", 0.2)

    async def script(pilot, screen):
        await pilot.press("down")  # the reviewer is on the budget story
        await pilot.pause()
        assert screen.current_row().story.title.startswith("Lindqvist")
        (inbox / "chess.txt").write_text(CHESS, encoding="utf-8")
        await _settle(pilot, screen, until=lambda: len(screen.rows) == 3)
        assert screen.current_row().story.title.startswith("Lindqvist")
        chess = next(row for row in screen.rows if row.story.title.startswith("Okafor"))
        assert chess.new == 1

    _run(inbox, tmp_path / "m.db", script)


def test_enter_opens_the_story_and_q_comes_back_to_the_queue(inbox, tmp_path):
    async def script(pilot, screen):
        await pilot.press("enter")
        await _wait_for_story(pilot, screen)
        assert isinstance(pilot.app.screen, StoryScreen)
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.screen is screen

    _run(inbox, tmp_path / "m.db", script)


def test_R_in_a_story_marks_it_reviewed_and_comes_back(inbox, tmp_path):
    async def script(pilot, screen):
        await pilot.press("enter")
        await _wait_for_story(pilot, screen)
        await pilot.press("R")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert [row.status for row in screen.rows] == ["new", "reviewed"]
        assert screen.rows[-1].size == 3

    _run(inbox, tmp_path / "m.db", script)


async def _wait_for_story(pilot, screen) -> None:  # noqa: ANN001
    for _ in range(60):
        await pilot.pause(0.05)
        if pilot.app.screen is not screen:
            await pilot.pause(0.2)
            return
    raise AssertionError("the story did not open")


def test_escape_cancels_a_slow_load_and_the_folder_is_not_reread_until_g(inbox, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(review_screen, "POLL_SECONDS", 0.1)
    real_find_stories = review_work.find_stories

    def slow_find_stories(articles, *, moves=None, progress=None):  # noqa: ANN001, ANN202
        for step in range(200):  # a big batch: grouping takes a while
            time.sleep(0.02)
            if progress is not None:
                progress(step, 200)
        return real_find_stories(articles, moves=moves)

    monkeypatch.setattr(review_work, "find_stories", slow_find_stories)

    async def main() -> None:
        app = ReviewApp([str(inbox)], Marks.open(tmp_path / "m.db"))
        async with app.run_test(size=(140, 40)) as pilot:
            screen = app.screen
            for _ in range(40):
                await pilot.pause(0.05)
                if screen.loading:
                    break
            assert screen.loading and screen.query_one("#progress").display
            await pilot.press("escape")
            for _ in range(40):
                await pilot.pause(0.05)
                if not screen.loading:
                    break
            assert not screen.loading and screen.paused
            assert screen.rows == []  # nothing half-grouped is shown
            await pilot.pause(0.5)  # several poll periods: no reload while paused
            assert not screen.loading
            monkeypatch.setattr(review_work, "find_stories", real_find_stories)
            await pilot.press("ctrl+r")
            await _settle(pilot, screen)
            assert len(screen.rows) == 2 and not screen.paused
        app.marks.close()

    asyncio.run(main())


PROMPT = "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.\n"


def test_a_batch_where_articles_share_a_body_opens_and_a_mark_lands_on_one_article(inbox,
                                                                                  tmp_path):
    # Two scraped pages whose body is only a prompt, and a wire story re-run word for word:
    # each pair shares a fingerprint. Once this crashed (DuplicateKey) and shared marks.
    (inbox / "page-a.txt").write_text(PROMPT, encoding="utf-8")
    (inbox / "page-b.txt").write_text(PROMPT, encoding="utf-8")
    (inbox / "rerun.txt").write_text((inbox / "quake-0.txt").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    db = tmp_path / "m.db"

    async def script(pilot, screen):
        assert len({row.key for row in screen.rows}) == len(screen.rows)
        empty = [row for row in screen.rows if row.story.problem]
        assert [row.size for row in empty] == [1, 1]  # kept out of grouping, each alone
        assert screen.rows[0].size == 4  # the re-run joins its story
        await pilot.press("tab")  # the article list: r acts on one article
        await pilot.press("r")
        await pilot.pause()
        assert screen.rows[0].reviewed == 1

    _run(inbox, db, script)
    with Marks.open(db) as marks:
        assert sum(m.reviewed for m in marks.article_marks().values()) == 1


def _cursor_title(screen: ReviewScreen) -> str:
    row = screen.current_row()
    assert row is not None
    return row.story.title


def _with_chess(inbox: Path) -> Path:
    (inbox / "chess.txt").write_text(CHESS, encoding="utf-8")
    return inbox


def test_j_k_g_G_move_through_the_queue(inbox, tmp_path):
    async def script(pilot, screen):
        titles = [row.story.title for row in screen.rows]
        await pilot.press("j")
        assert _cursor_title(screen) == titles[1]
        await pilot.press("G")
        assert _cursor_title(screen) == titles[-1]
        await pilot.press("k")
        assert _cursor_title(screen) == titles[-2]
        await pilot.press("g")
        assert _cursor_title(screen) == titles[0]
        await pilot.press("end")
        assert _cursor_title(screen) == titles[-1]
        await pilot.press("home")
        assert _cursor_title(screen) == titles[0]

    _run(_with_chess(inbox), tmp_path / "m.db", script)


def test_slash_filters_by_title_and_outlet_words_and_escape_clears(inbox, tmp_path):
    async def script(pilot, screen):
        queue = screen.query_one("#queue")
        await pilot.press("slash", *"chess", "enter")
        await pilot.pause()
        assert queue.row_count == 1 and _cursor_title(screen).startswith("Okafor")
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"quake watch")  # an outlet
        await pilot.pause()
        assert queue.row_count == 1 and _cursor_title(screen).startswith("Deadly quake")
        await pilot.press("escape")
        await pilot.pause()
        assert queue.row_count == 3

    _run(_with_chess(inbox), tmp_path / "m.db", script)


def test_R_goes_on_to_the_next_story_not_with_the_finished_one_to_the_bottom(inbox, tmp_path):
    (inbox / "budget-2.txt").write_text(BUDGET.replace("Capital Review", "Norrmark Post"),
                                        encoding="utf-8")

    async def script(pilot, screen):
        first, second = screen.rows[0].story.title, screen.rows[1].story.title
        await pilot.press("enter")
        await _wait_for_story(pilot, screen)
        await pilot.press("R")
        await pilot.pause(0.2)
        assert pilot.app.screen is screen
        assert screen.rows[-1].story.title == first  # the finished story sank
        assert _cursor_title(screen) == second

    _run(_with_chess(inbox), tmp_path / "m.db", script)


def test_a_line_says_whether_keys_act_on_the_story_or_the_article_and_if_h_hides(inbox,
                                                                                tmp_path):
    async def script(pilot, screen):
        line = screen.query_one("#target")
        assert "on the story" in str(line.render()) and "shown (h hides)" in str(line.render())
        await pilot.press("tab")
        await pilot.pause()
        assert "on the article" in str(line.render())
        await pilot.press("h")
        await pilot.pause()
        assert "hidden (h shows)" in str(line.render())

    _run(inbox, tmp_path / "m.db", script)


def test_a_story_note_is_readable_in_its_row(inbox, tmp_path):
    async def script(pilot, screen):
        await pilot.press("n", *"ask the institute", "enter")
        await pilot.pause()
        queue = screen.query_one("#queue")
        cells = [str(cell) for cell in queue.get_row_at(queue.cursor_row)]
        assert any("ask the institute" in cell for cell in cells)

    _run(inbox, tmp_path / "m.db", script)


def test_a_skipped_file_is_listed_as_skipped_not_new(inbox, tmp_path):
    (inbox / "broken.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe" * 50)

    async def script(pilot, screen):
        status = str(screen.query_one("#status").render())
        assert "1 skipped" in status
        assert sum(row.new for row in screen.rows) == 4

    _run(inbox, tmp_path / "m.db", script)


def test_the_move_dialog_lists_the_likeliest_story_first(inbox, tmp_path):
    from storydiff.core.read.load import load_paths
    from storydiff.core.review.queue import build_queue
    from storydiff.core.review.stories import find_stories

    _with_chess(inbox)
    follow = tmp_path / "follow.txt"
    follow.write_text("Title: Railway money questioned\nSource: Norrmark Post\n\n"
                      "Critics said Lindqvist's 3.2 billion for the Vastby line in Norrmark "
                      "would not be enough to finish it by 2029.\n", encoding="utf-8")
    rows = build_queue(find_stories(load_paths([str(inbox)]).articles))
    article = load_paths([str(follow)]).articles[0]
    ranked = review_screen.likely_targets(article, rows)
    assert ranked[0].story.title.startswith("Lindqvist")
    assert [r.story.title for r in rows] != [r.story.title for r in ranked]  # not queue order


def test_a_story_reviewed_in_this_session_no_longer_counts_its_articles_as_new(inbox, tmp_path):
    async def script(pilot, screen):
        await pilot.press("r")
        await pilot.pause()
        done = next(row for row in screen.rows if row.size == 3)
        assert (done.status, done.new) == ("reviewed", 0)

    _run(inbox, tmp_path / "m.db", script)
