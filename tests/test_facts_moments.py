"""Later moments of one event (a toll that rose, a siege put down) are dated apart from it."""

from __future__ import annotations

from storydiff.core.model import FactStatus
from storydiff.core.report import compare

HEAD = "Title: {t}\nSource: {s}\nDate: 2025-03-08\n\n"


def _conflicts(write, one: str, other: str) -> list[tuple[str, set[str]]]:
    report = compare([str(write("a.txt", HEAD.format(t="Mall attack", s="Wire") + one)),
                      str(write("b.txt", HEAD.format(t="Mall siege", s="Paper") + other))])
    return [(f.label, {m.text for m in f.mentions}) for f in report.facts
            if f.status == FactStatus.CONFLICT and f.kind == "date"]


def test_the_day_a_toll_rose_is_not_the_day_of_the_attack(write):
    found = _conflicts(
        write,
        "Gunmen attacked a shopping mall in the capital late on Friday.\n\n"
        "The death toll from the attack on the mall rose to nine on Saturday, officials said.\n",
        "The attack on the shopping mall began on Friday night, witnesses said.\n")
    assert found == []


def test_the_day_a_siege_was_put_down_is_not_the_day_it_began(write):
    found = _conflicts(
        write,
        "Gunmen attacked a shopping mall in the capital late on Friday.\n\n"
        "The attack was suppressed in the early hours of Saturday by special forces.\n",
        "The attack on the shopping mall began on Friday night, witnesses said.\n")
    assert found == []


def test_two_days_for_the_attack_itself_still_conflict(write):
    found = _conflicts(
        write,
        "Gunmen attacked a shopping mall in the capital on Friday.\n",
        "Gunmen attacked a shopping mall in the capital on Thursday.\n")
    assert len(found) == 1 and found[0][1] == {"Friday", "Thursday"}
