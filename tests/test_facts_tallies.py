"""Tallies: a vote's or a match's result is one value, not a range of two numbers."""

from __future__ import annotations

import pytest
from storydiff.core.model import FactStatus
from storydiff.core.report import compare


@pytest.fixture
def story(write):
    def _story(**articles: str):
        return compare([str(write(f"{name}.txt", text)) for name, text in articles.items()])
    return _story


def tallies(report):
    return [f for f in report.facts if f.kind == "tally"]


def test_one_vote_result_written_three_ways_agrees(story):
    report = story(
        a="Date: 2025-04-09\n\nThe council approved the budget by a 31-to-12 vote on Tuesday.",
        b="Date: 2025-04-09\n\nThe budget passed the council 31 to 12 on Tuesday.",
        c="Date: 2025-04-09\n\nCouncillors voted 31-12 for the budget on Tuesday.")
    [fact] = tallies(report)
    assert fact.status == FactStatus.AGREE
    assert len({m.article for m in fact.mentions}) == 3
    # and no range "between 12 and 31" is left behind as a count
    assert not [f for f in report.facts if f.kind == "count" and f.status == FactStatus.CONFLICT]


def test_two_outlets_giving_one_result_differently_conflict(story):
    report = story(
        a="Date: 2025-04-09\n\nThe Senate confirmed the judge 52-48 on Thursday.",
        b="Date: 2025-04-09\n\nThe Senate confirmed the judge by a vote of 51 to 49 on Thursday.")
    assert [f.status for f in tallies(report)] == [FactStatus.CONFLICT]


def test_ranges_ages_and_seasons_are_no_tallies(story):
    report = story(
        a="Date: 2025-04-09\n\nVoters aged 18 to 24 backed the measure, which won 5-10 percent "
          "more support than in the 2014-15 season.",
        b="Date: 2025-04-09\n\nVoters aged 18 to 24 backed the measure, which won 5-10 percent "
          "more support than in the 2014-15 season.")
    assert tallies(report) == []


def test_results_of_two_different_votes_stay_apart(story):
    report = story(
        a="Date: 2025-04-09\n\nThe mayor won the leadership vote 40 to 22. Separately, the "
          "harbour levy was rejected 18-44 by the finance committee.",
        b="Date: 2025-04-09\n\nThe mayor won the leadership vote 40 to 22, aides said.")
    assert [f.status for f in tallies(report)] == [FactStatus.AGREE]


def test_a_score_on_the_way_is_not_the_final_result(story):
    # Both outlets give the final score and, in the same sentence, a lead that was lost on
    # the way (each a different one): only the finals are results, and they agree.
    report = story(
        a="Date: 2025-10-12\n\nRiverside won the cup final 4-3 after Harbour City blew a 2-0 "
          "lead in the second half.",
        b="Date: 2025-10-12\n\nRiverside won the cup final 4-3 after Harbour City had led 3-1 "
          "in the second half.")
    assert [sorted(m.text for m in f.mentions) for f in tallies(report)] == [["4-3", "4-3"]]
    assert tallies(report)[0].status == FactStatus.AGREE
