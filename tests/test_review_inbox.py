"""The folder under review: new, changed and removed files are noticed; only they are read."""

from __future__ import annotations

import os

import pytest
from storydiff.core.review.inbox import Inbox

STORY = """Title: {title}
Source: Harbour Times
Date: 2024-06-0{day}

{body}
"""


def _write(folder, name, title, day=1, body="The port of Kelby reopened on Monday."):
    path = folder / name
    path.write_text(STORY.format(title=title, day=day, body=body), encoding="utf-8")
    return path


def test_a_file_dropped_in_later_is_picked_up_and_only_it_is_read(tmp_path):
    _write(tmp_path, "a.txt", "Port reopens")
    inbox = Inbox([str(tmp_path)])
    first = inbox.refresh()
    assert len(first.added) == 1 and len(inbox.articles) == 1
    assert inbox.scan() == inbox.snapshot  # nothing changed: nothing to do

    _write(tmp_path, "b.txt", "Dockers return to work", body="Dockers in Kelby returned.")
    assert inbox.scan() != inbox.snapshot
    second = inbox.refresh()
    assert [os.path.basename(p) for p in second.added] == ["b.txt"]
    assert second.changed == () and second.removed == ()
    assert {a.title for a in inbox.articles} == {"Port reopens", "Dockers return to work"}


def test_a_changed_file_is_read_again_and_a_removed_one_forgotten(tmp_path):
    a = _write(tmp_path, "a.txt", "Port reopens")
    b = _write(tmp_path, "b.txt", "Dockers return", body="Dockers in Kelby returned.")
    inbox = Inbox([str(tmp_path)])
    inbox.refresh()
    _write(tmp_path, "a.txt", "Port reopens after two weeks")
    os.utime(a, ns=(1, 1))  # a different mtime even on a coarse clock
    b.unlink()
    change = inbox.refresh()
    assert [os.path.basename(p) for p in change.changed] == ["a.txt"]
    assert [os.path.basename(p) for p in change.removed] == ["b.txt"]
    assert [a.title for a in inbox.articles] == ["Port reopens after two weeks"]


def test_a_bad_file_is_reported_and_the_rest_still_load(tmp_path):
    _write(tmp_path, "a.txt", "Port reopens")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    inbox = Inbox([str(tmp_path)])
    inbox.refresh()
    assert len(inbox.articles) == 1
    (error,) = inbox.errors
    assert "broken.json" in str(error) and "not valid JSON" in str(error)


def test_articles_with_the_same_name_in_two_folders_get_distinct_ids(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    _write(tmp_path / "x", "report.txt", "Port reopens")
    _write(tmp_path / "y", "report.txt", "Dockers return", body="Dockers in Kelby returned.")
    inbox = Inbox([str(tmp_path)])
    inbox.refresh()
    ids = [a.id for a in inbox.articles]
    assert len(set(ids)) == 2


def test_cancelling_a_refresh_keeps_what_was_read_and_reads_the_rest_next_time(tmp_path):
    for n in range(6):
        _write(tmp_path, f"{n}.txt", f"Report {n}", body=f"Ship number {n} docked in Kelby.")
    inbox = Inbox([str(tmp_path)])

    class Stop(Exception):
        pass

    def stop_after_three(done: int, total: int) -> None:
        if done == 3:
            raise Stop

    with pytest.raises(Stop):
        inbox.refresh(progress=stop_after_three)
    assert len(inbox.articles) == 3
    rest = inbox.refresh()
    assert len(rest.added) == 3 and len(inbox.articles) == 6
