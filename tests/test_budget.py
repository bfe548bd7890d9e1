"""A batch too large to compare whole: the most central articles, one line saying so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from storydiff.core import budget
from storydiff.core.read.load import load_paths
from storydiff.core.report import compare, compare_articles

MATCH = ("United beat City 2-1 at Old Trafford on Sunday. Rashford scored the winner in the "
         "{minute}th minute. The result lifts United to third in the table.")
STRAY = "Heavy snow closed the mountain pass overnight. Crews expect to reopen it by noon."


def _story(write, count: int) -> list[str]:
    return [str(write(f"match/r{n:03d}.txt", MATCH.format(minute=80 + n % 9))) for n in range(count)]


def test_a_story_over_the_article_limit_keeps_the_most_central_and_says_so(write, monkeypatch):
    monkeypatch.setattr(budget, "MAX_ARTICLES", 4)
    paths = _story(write, 5) + [str(write("match/zz_weather.txt", STRAY))]
    report = compare(paths)
    assert len(report.articles) == 4
    assert "zz_weather" not in {a.id for a in report.articles}  # the stray one goes first
    assert report.notes == ("story of 6 articles: comparing the 4 most central (12 passages); "
                            "use review",)
    assert json.loads(_json(report))["notes"] == list(report.notes)


def test_the_choice_does_not_depend_on_the_order_files_are_named_in(write, monkeypatch):
    monkeypatch.setattr(budget, "MAX_ARTICLES", 3)
    paths = _story(write, 6)
    forward = {a.id for a in compare(paths).articles}
    backward = {a.id for a in compare(paths[::-1]).articles}
    assert forward == backward and len(forward) == 3


def test_a_batch_within_the_limits_has_no_notes_and_no_notes_key(write):
    report = compare(_story(write, 3))
    assert report.notes == () and "notes" not in json.loads(_json(report))


def test_two_articles_past_the_passage_limit_are_aligned_on_their_first_passages(write, monkeypatch):
    monkeypatch.setattr(budget, "MAX_PASSAGES", 4)
    long_report = " ".join(f"Shares of Acme rose {n} percent on day {n} of trading." for n in range(1, 7))
    a, b = write("a.txt", long_report), write("b.txt", long_report)
    report = compare_articles(load_paths([str(a), str(b)]).articles)
    assert [len(p) for p in report.passages.values()] == [6, 6]  # all still read and shown
    assert {ref.passage for g in report.groups for ref in g.members} == {0, 1}
    assert len(report.notes) == 2 and all("aligning its first 2" in n for n in report.notes)


def test_compare_names_the_cap_in_one_line_on_stderr_and_keeps_stdout_json(write):
    paths = _story(write, budget.MAX_ARTICLES + 3)
    folder = str(Path(paths[0]).parent)
    result = subprocess.run([sys.executable, "-m", "storydiff", "compare", folder, "-f", "json",
                             "--progress"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    cap = [line for line in result.stderr.splitlines() if "most central" in line]
    assert cap == [f"storydiff: story of {len(paths)} articles: comparing the {budget.MAX_ARTICLES} "
                   f"most central ({3 * budget.MAX_ARTICLES} passages); use review"]
    assert any(line.startswith("storydiff: aligning ") for line in result.stderr.splitlines())
    data = json.loads(result.stdout)  # progress never reaches standard output
    assert data["summary"]["articles"] == budget.MAX_ARTICLES


def _json(report) -> str:
    from storydiff.core.export.json import dumps

    return dumps(report)
