"""Progress of a long run: a status line on a terminal's stderr, erased at the end."""

from __future__ import annotations

import io
import time

from storydiff import progress
from storydiff.progress import StageLine


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_on_a_terminal_shows_its_stage_and_erases_the_line(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(progress, "REFRESH", 0.01)
    screen = Terminal()
    with StageLine(screen) as stage:
        stage("aligning 2,400 passages of 200 articles")
        deadline = time.monotonic() + 5
        while "aligning" not in screen.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
    shown = screen.getvalue()
    assert "\r\x1b[Kstorydiff: aligning 2,400 passages of 200 articles…" in shown
    assert shown.endswith("\r\x1b[K")  # nothing left on the line for the output that follows


def test_a_quick_run_or_a_pipe_shows_nothing():
    pipe = io.StringIO()
    with StageLine(pipe) as stage:
        stage("aligning 10 passages of 2 articles")
    assert pipe.getvalue() == ""
    screen = Terminal()
    with StageLine(screen) as stage:  # over before SHOW_AFTER
        stage("aligning 10 passages of 2 articles")
    assert screen.getvalue() == ""


def test_every_stage_on_its_own_line_when_asked():
    log = io.StringIO()
    with StageLine(log, every_stage=True) as stage:
        stage("reading articles")
        stage("aligning 10 passages of 2 articles")
    assert log.getvalue() == "storydiff: reading articles\nstorydiff: aligning 10 passages of 2 articles\n"
