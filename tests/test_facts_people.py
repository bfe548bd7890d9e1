"""Who did it: two reports naming different people of one surname in one aligned passage."""

from __future__ import annotations

from storydiff.core.model import FactStatus
from storydiff.core.report import compare


def _who(write, one: str, other: str) -> list[tuple[FactStatus, list[str]]]:
    head = "Title: Caucus vote\nSource: {0}\nDate: 2025-11-20\n\n"
    report = compare([str(write("a.txt", head.format("Wire") + one + "\n")),
                      str(write("b.txt", head.format("Paper") + other + "\n"))])
    return [(f.status, sorted(m.text for m in f.mentions)) for f in report.facts
            if f.label.startswith("who:")]


def test_two_first_names_for_the_winner_conflict(write):
    found = _who(write,
                 "Rep. Maria Okafor won the race for caucus vice chair, defeating Ruth Lee.",
                 "In a narrow vote, 98 to 96, Representative Ada Okafor defeated Ruth Lee for "
                 "the caucus vice chair.")
    assert found == [(FactStatus.CONFLICT, ["Ada Okafor", "Maria Okafor"])]


def test_one_person_written_two_ways_is_no_conflict(write):
    # A short form, a middle name, a transliteration: one person.
    for one, other in (("Rep. Robert Okafor", "Representative Bob Okafor"),
                       ("Rep. Mohamed Okafor", "Representative Mohammed Okafor"),
                       ("Rep. Ada Lin Okafor", "Representative Ada Okafor")):
        found = _who(write, f"{one} won the race for caucus vice chair, defeating Ruth Lee.",
                     f"In a narrow vote, {other} defeated Ruth Lee for the caucus vice chair.")
        assert found == [], (one, other)


def test_a_report_that_names_both_people_tells_them_apart(write):
    # The wire names the winner and her sister; the paper's aligned passage names the
    # sister, who spoke. Not a conflict: the wire knows both.
    found = _who(write,
                 "Rep. Maria Okafor won the race for caucus vice chair. Her sister, Ada Okafor, "
                 "congratulated her.",
                 "Representative Ada Okafor congratulated her sister on winning the race for "
                 "caucus vice chair.")
    assert not any(status == FactStatus.CONFLICT for status, _ in found)


def test_places_of_one_last_word_are_not_people(write):
    found = _who(write, "Talks between North Korea and the United States resumed on Monday.",
                 "Talks between South Korea and the United States resumed on Monday.")
    assert found == []


def _ranks(write, one: str, other: str) -> list[tuple[FactStatus, str, list[str]]]:
    head = "Title: Caucus vote\nSource: {0}\nDate: 2025-11-20\n\n"
    report = compare([str(write("a.txt", head.format("Wire") + one + "\n")),
                      str(write("b.txt", head.format("Paper") + other + "\n"))])
    return [(f.status, f.label, sorted(m.text for m in f.mentions)) for f in report.facts
            if f.label.startswith("rank of")]


def test_a_rank_is_the_named_persons(write):
    found = _ranks(write, "Maria Okafor, of Lagos, kept the No. 2 job of party whip.",
                   "The caucus re-elected Representative Maria Okafor, 71, as whip, the No. 2 "
                   "position.")
    assert found == [(FactStatus.AGREE, "rank of Okafor", ["No. 2 job", "No. 2 position"])]
    found = _ranks(write, "Maria Okafor, of Lagos, kept the No. 2 job of party whip.",
                   "The caucus re-elected Representative Maria Okafor, 71, as whip, the No. 3 "
                   "position.")
    assert [status for status, *_ in found] == [FactStatus.CONFLICT]
    # A rank nobody holds by name says nothing to match.
    assert _ranks(write, "The team is the No. 1 seed.", "They are the No. 2 seed.") == []


def test_a_surname_written_with_either_apostrophe_is_one_surname(write):
    found = _who(write,
                 "Rep. Maria O'Brien won the race for caucus vice chair, defeating Ruth Lee.",
                 "In a narrow vote, 98 to 96, Representative Ada O’Brien defeated Ruth Lee for "
                 "the caucus vice chair.")
    assert [status for status, _ in found] == [FactStatus.CONFLICT]
