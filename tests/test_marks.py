"""Review marks last: across restarts, a kill -9, old files, damaged files."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from storydiff.core.review.marks import MIGRATIONS, SCHEMA_VERSION, Marks, MarksError


def test_marks_flags_and_notes_survive_a_restart(tmp_path):
    db = tmp_path / "marks.sqlite3"
    with Marks.open(db) as marks:
        marks.set_reviewed(["aaa", "bbb"])
        marks.set_article_flag("bbb", True)
        marks.set_article_note("bbb", "  casualty figure differs from the agency's  ")
        marks.set_story_flag(["aaa", "bbb"], True)
        marks.set_story_note(["aaa", "bbb"], "check with the desk")
        marks.move("ccc", "aaa")
    with Marks.open(db) as marks:
        got = marks.article_marks(["aaa", "bbb", "zzz"])
        assert got["aaa"].reviewed and not got["aaa"].flagged
        assert got["bbb"].flagged and got["bbb"].note == "casualty figure differs from the agency's"
        assert "zzz" not in got
        story = marks.story_mark(["aaa", "bbb"])
        assert story.flagged and story.note == "check with the desk"
        assert marks.moves() == {"ccc": "aaa"}


def test_a_story_mark_is_found_through_any_member_after_the_story_grows(tmp_path):
    with Marks.open(tmp_path / "m.db") as marks:
        marks.set_story_note(["m1", "m2"], "sources disagree on the toll")
        # A new article with a smaller fingerprint joins; the story is the same story.
        assert marks.story_mark(["a0", "m1", "m2"]).note == "sources disagree on the toll"
        assert marks.story_mark(["x1", "x2"]).note == ""


def test_two_marked_stories_merged_keep_both_notes_and_the_flag(tmp_path):
    with Marks.open(tmp_path / "m.db") as marks:
        marks.set_story_note(["a1"], "first")
        marks.set_story_flag(["b1"], True)
        marks.set_story_note(["b1"], "second")
        merged = marks.story_mark(["a1", "b1"])
        assert merged.flagged
        assert merged.note == "first\nsecond"


def test_unmarking_and_undoing_a_move(tmp_path):
    with Marks.open(tmp_path / "m.db") as marks:
        marks.set_reviewed(["aaa"])
        marks.set_reviewed(["aaa"], reviewed=False)
        marks.move("aaa", "bbb")
        marks.move("aaa", None)
        assert not marks.article_marks(["aaa"])["aaa"].reviewed
        assert marks.moves() == {}


def test_articles_seen_in_an_earlier_session_are_not_new(tmp_path):
    db = tmp_path / "m.db"
    with Marks.open(db) as marks:
        marks.start_session("inbox")
        marks.see([("aaa", "Floods", None, "a.txt"), ("bbb", None, None, "b.txt")])
        assert marks.new_among(["aaa", "bbb"]) == {"aaa", "bbb"}  # new in this session
    with Marks.open(db) as marks:
        marks.start_session("inbox")
        marks.see([("aaa", None, None, None), ("bbb", None, None, None),
                   ("ccc", None, None, None)])
        assert marks.new_among(["aaa", "bbb", "ccc"]) == {"ccc"}


def test_a_headless_listing_does_not_make_articles_old(tmp_path):
    db = tmp_path / "m.db"
    with Marks.open(db) as marks:  # no session: a script listing the queue
        marks.see([("aaa", None, None, None)])
        assert marks.new_among(["aaa"]) == {"aaa"}
    with Marks.open(db) as marks:
        marks.start_session()
        marks.see([("aaa", None, None, None)])
        assert marks.new_among(["aaa"]) == {"aaa"}


def test_marks_committed_before_a_kill_9_are_all_there(tmp_path):
    db = tmp_path / "m.db"
    writer = textwrap.dedent(f"""
        import sys, time
        from storydiff.core.review.marks import Marks
        marks = Marks.open({str(db)!r})
        marks.start_session("inbox")
        n = 0
        while True:
            marks.set_reviewed([f"article-{{n}}"])
            marks.set_article_note(f"article-{{n}}", f"note {{n}}")
            print(n, flush=True)
            n += 1
            time.sleep(0.005)
    """)
    process = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None
    done = -1
    try:
        while done < 40:
            line = process.stdout.readline()
            assert line, "the writer died before it was killed"
            done = int(line)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    with Marks.open(db) as marks:
        assert marks.notice is None
        got = marks.article_marks()
        for n in range(done + 1):
            assert got[f"article-{n}"].reviewed
            assert got[f"article-{n}"].note == f"note {n}"


def test_a_version_1_file_is_migrated_and_keeps_its_marks(tmp_path):
    db = tmp_path / "old.sqlite3"
    old = sqlite3.connect(db)
    old.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    old.execute("INSERT INTO schema_version VALUES (1)")
    version_1 = dict(MIGRATIONS)[1]
    old.executescript(version_1)
    old.execute("INSERT INTO articles (fingerprint, first_seen) VALUES ('aaa', '2024-01-01')")
    old.execute("INSERT INTO article_marks (fingerprint, reviewed, note, updated) "
                "VALUES ('aaa', 1, 'done', '2024-01-01')")
    old.commit()
    old.close()
    with Marks.open(db) as marks:
        assert marks.version == SCHEMA_VERSION > 1
        assert marks.notice is None
        assert marks.article_marks(["aaa"])["aaa"].note == "done"
        marks.start_session()
        assert marks.new_among(["aaa", "bbb"]) == {"bbb"}  # seen before sessions existed


def test_a_damaged_file_is_moved_aside_reported_and_replaced_by_a_fresh_one(tmp_path):
    db = tmp_path / "marks.sqlite3"
    garbage = b"this is not a database, it was half-overwritten by a backup tool" * 40
    db.write_bytes(garbage)
    with Marks.open(db) as marks:
        assert marks.notice is not None and "damaged" in marks.notice
        marks.set_reviewed(["aaa"])
        assert marks.article_marks(["aaa"])["aaa"].reviewed
    (aside,) = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert aside.read_bytes() == garbage  # kept for the user, never silently destroyed
    assert aside.name in (marks.notice or "")


def test_a_file_from_a_newer_storydiff_is_refused_and_left_alone(tmp_path):
    db = tmp_path / "new.sqlite3"
    with Marks.open(db):
        pass
    raw = sqlite3.connect(db)
    raw.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 5,))
    raw.commit()
    raw.close()
    before = db.read_bytes()
    with pytest.raises(MarksError, match="newer storydiff"):
        Marks.open(db)
    assert db.read_bytes() == before


def test_another_programs_database_is_refused_not_taken_over(tmp_path):
    db = tmp_path / "other.sqlite3"
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE invoices (id INTEGER)")
    raw.commit()
    raw.close()
    with pytest.raises(MarksError, match="not a storydiff marks file"):
        Marks.open(db)
    raw = sqlite3.connect(db)
    tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master")}
    raw.close()
    assert tables == {"invoices"}


def test_a_marks_file_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(MarksError, match="cannot create"):
        Marks.open(blocker / "sub" / "marks.sqlite3")


def test_a_folder_given_as_the_marks_file_is_a_clear_error(tmp_path):
    with pytest.raises(MarksError, match="is a folder"):
        Marks.open(tmp_path)


def test_several_first_runs_on_one_fresh_file_all_set_it_up(tmp_path):
    # Schema setup once raced: "table schema_version already exists" in 10 of 40 runs.
    db = tmp_path / "fresh.sqlite3"
    code = textwrap.dedent(f"""
        import time
        from storydiff.core.review.marks import Marks
        time.sleep(max(0.0, {time.time() + 1.0!r} - time.time()))  # start together
        with Marks.open({str(db)!r}) as marks:
            marks.set_reviewed(["fp"])
    """)
    runs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
            for _ in range(8)]
    errors = [run.communicate(timeout=60)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * 8, errors
    with Marks.open(db) as marks:
        assert marks.article_marks()["fp"].reviewed
