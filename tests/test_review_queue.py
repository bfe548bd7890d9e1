"""The review queue: what needs a human comes first; the headless listing for scripts."""

from __future__ import annotations

import datetime as dt
import json

from storydiff.core.review.marks import Marks
from storydiff.core.model import Article
from storydiff.core.review.queue import build_queue
from storydiff.core.review.stories import Story

from storydiff.cli import main


def _story(name: str, size: int, day: int = 21) -> Story:
    articles = tuple(
        Article(id=f"{name}-{n}", path=f"{name}-{n}.txt", text=f"{name} report {n}",
                source=f"Outlet {n}", date=dt.date(2024, 1, day), fingerprint=f"{name}-{n}")
        for n in range(size))
    return Story(key=articles[0].fingerprint, articles=articles, title=f"{name} story")


def _order(rows) -> list[str]:
    return [row.story.title.split()[0] for row in rows]


def test_stories_with_more_conflicts_come_first(tmp_path):
    stories = [_story("calm", 3), _story("disputed", 3), _story("tense", 3)]
    rows = build_queue(stories, conflicts={"calm-0": 0, "disputed-0": 5, "tense-0": 2})
    assert _order(rows) == ["disputed", "tense", "calm"]


def test_a_lone_article_waits_behind_stories_with_something_to_compare():
    rows = build_queue([_story("lone", 1), _story("pair", 2)])
    assert _order(rows) == ["pair", "lone"]


def test_reviewed_stories_sink_and_flagged_ones_rise(tmp_path):
    stories = [_story("done", 4), _story("open", 2), _story("flagged", 2)]
    with Marks.open(tmp_path / "m.db") as marks:
        marks.set_reviewed(stories[0].fingerprints)
        marks.set_reviewed(stories[2].fingerprints)
        marks.set_story_flag(stories[2].fingerprints, True)
        rows = build_queue(stories, marks, conflicts={"done-0": 9})
    assert _order(rows) == ["flagged", "open", "done"]
    assert [row.status for row in rows] == ["flagged", "new", "reviewed"]


def test_a_story_with_one_new_unreviewed_article_needs_review_again(tmp_path):
    story = _story("flood", 3)
    with Marks.open(tmp_path / "m.db") as marks:
        marks.start_session()
        marks.see((fp, None, None, None) for fp in story.fingerprints[:2])
        marks.set_reviewed(story.fingerprints[:2])
        marks.close()
    with Marks.open(tmp_path / "m.db") as marks:
        marks.start_session()
        (row,) = build_queue([story], marks)
    assert (row.reviewed, row.unreviewed, row.new) == (2, 1, 1)
    assert row.status == "new" and not row.done


def test_among_equals_the_story_with_more_new_articles_comes_first(tmp_path):
    old, fresh = _story("old", 2), _story("fresh", 2)
    with Marks.open(tmp_path / "m.db") as marks:
        marks.start_session()
        marks.see((fp, None, None, None) for fp in old.fingerprints)
        marks.close()
    with Marks.open(tmp_path / "m.db") as marks:
        marks.start_session()
        rows = build_queue([old, fresh], marks)
    assert _order(rows) == ["fresh", "old"]


FIRE = """Title: Warehouse fire in Tarrow injures 12
Source: {source}
Date: 2024-05-0{day}

A fire at a furniture warehouse in Tarrow injured 12 workers on {weekday}, fire chief
Mara Quell said.
The blaze at the Holmfirth Logistics site burned for 6 hours before 40 firefighters put it out.
Quell said the cause of the Tarrow fire was being investigated.
"""
VOTE = """Title: Ostrava council approves new tram line
Source: City Desk
Date: 2024-05-03

Ostrava city council voted 31 to 14 on Friday to build a 7-kilometre tram line to the
Poruba district, mayor Jan Dvorak said. Construction is due to start in 2026.
"""


def _inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "fire-a.txt").write_text(FIRE.format(source="Tarrow Echo", day=2,
                                                   weekday="Thursday"), encoding="utf-8")
    (folder / "fire-b.txt").write_text(
        FIRE.format(source="Regional Wire", day=3, weekday="Thursday")
        .replace("injured 12 workers", "left 12 workers hurt"), encoding="utf-8")
    (folder / "vote.txt").write_text(VOTE, encoding="utf-8")
    return folder


def test_review_list_prints_one_line_per_story_with_its_status(tmp_path, capsys):
    folder = _inbox(tmp_path)
    assert main(["review", str(folder), "--db", str(tmp_path / "m.db"), "--list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["#", "STATUS", "ARTS"]
    assert len(out) == 3  # header + the fire story + the vote story
    assert "Warehouse fire in Tarrow" in out[1] and " 2 " in out[1]
    assert "Tarrow Echo" in out[1]
    assert "Ostrava council" in out[2]


def test_review_json_reports_marks_made_earlier(tmp_path, capsys):
    folder = _inbox(tmp_path)
    db = tmp_path / "m.db"
    assert main(["review", str(folder), "--db", str(db), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    fire = next(s for s in first["stories"] if s["size"] == 2)
    with Marks.open(db) as marks:
        marks.set_reviewed([a["fingerprint"] for a in fire["articles"]])
        marks.set_story_note([a["fingerprint"] for a in fire["articles"]], "toll confirmed")
    assert main(["review", str(folder), "--db", str(db), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["articles"] == 3
    fire = next(s for s in again["stories"] if s["size"] == 2)
    assert (fire["status"], fire["note"], fire["unreviewed"]) == ("reviewed", "toll confirmed", 0)
    assert again["stories"][-1] == fire  # reviewed stories sink to the bottom
    assert all(article["reviewed"] for article in fire["articles"])


def test_review_with_a_damaged_marks_file_says_so_and_carries_on(tmp_path, capsys):
    folder = _inbox(tmp_path)
    db = tmp_path / "m.db"
    db.write_bytes(b"\x00garbage" * 100)
    assert main(["review", str(folder), "--db", str(db), "--list"]) == 0
    err = capsys.readouterr().err
    assert "damaged" in err and "moved it to" in err


def test_review_of_a_missing_folder_is_one_clear_line(tmp_path, capsys):
    code = main(["review", str(tmp_path / "nowhere"), "--db", str(tmp_path / "m.db"), "--list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "nowhere: no such file or folder" in err
    assert "Traceback" not in err


def test_comparing_on_several_processes_counts_the_same_conflicts(tmp_path):
    from storydiff.core.read.load import load_paths
    from storydiff.core.review.queue import PARALLEL_MIN, conflict_counts
    from storydiff.core.review.stories import find_stories

    folder = _inbox(tmp_path)
    fire = find_stories(load_paths([str(folder)]).articles)[0]
    stories = [Story(key=f"copy-{n}", articles=fire.articles, title=fire.title)
               for n in range(PARALLEL_MIN)]
    here = dict(conflict_counts(stories, processes=1))
    there = dict(conflict_counts(stories, processes=2))
    assert here == there and len(here) == PARALLEL_MIN


def test_a_printed_queue_compares_only_the_first_stories_unless_asked_for_all(tmp_path,
                                                                              capsys):
    folder = _inbox(tmp_path)
    db = str(tmp_path / "m.db")
    assert main(["review", str(folder), "--db", db, "--json", "--conflicts", "0"]) == 0
    fire = next(s for s in json.loads(capsys.readouterr().out)["stories"] if s["size"] == 2)
    assert fire["conflicts"] is None  # not compared: shown as such, not as 0
    assert main(["review", str(folder), "--db", db, "--json", "--conflicts", "all"]) == 0
    fire = next(s for s in json.loads(capsys.readouterr().out)["stories"] if s["size"] == 2)
    assert isinstance(fire["conflicts"], int)
    assert main(["review", str(folder), "--db", db, "--json"]) == 0  # default: the top 50
    fire = next(s for s in json.loads(capsys.readouterr().out)["stories"] if s["size"] == 2)
    assert isinstance(fire["conflicts"], int)


def test_worth_comparing_takes_the_top_of_the_queue_and_skips_lone_and_huge_stories():
    from storydiff.core.review.queue import worth_comparing

    rows = build_queue([_story("huge", 50), _story("lone", 1), _story("pair", 2),
                        _story("trio", 3)])
    # queue order: huge, trio, pair, lone
    assert [s.title for s in worth_comparing(rows, limit=2, max_articles=40)] == ["trio story"]
    assert len(worth_comparing(rows, limit=None, max_articles=None)) == 3
