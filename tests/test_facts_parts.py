"""Parts and totals: a share of a toll is not the toll; a toll told in parts adds up."""

from __future__ import annotations

import pytest

from storydiff.core.model import FactStatus
from storydiff.core.report import compare


@pytest.fixture
def pair(write):
    def _pair(one: str, other: str):
        head = "Title: {0}\nSource: {0}\nDate: 2025-05-04\n\n"
        return compare([str(write("a.txt", head.format("Wire") + one + "\n")),
                        str(write("b.txt", head.format("Paper") + other + "\n"))])
    return _pair


def conflicts(report) -> list[set[str]]:
    return [{m.text for m in f.mentions} for f in report.facts if f.status == FactStatus.CONFLICT]


def fact_with(report, *texts: str):
    for f in report.facts:
        if all(any(t == m.text for m in f.mentions) for t in texts):
            return f
    return None


def test_a_share_of_the_dead_with_another_property_is_not_the_toll(pair):
    report = pair("The ferry fire killed 12 people. Five of the dead were tourists from Spain.",
                  "The ferry fire killed 12 people, the coast guard said.")
    assert conflicts(report) == []
    assert fact_with(report, "12 people").status == FactStatus.AGREE


def test_the_count_at_one_hospital_is_not_the_overall_count(pair):
    report = pair("Eight people were seriously injured when the bus overturned.",
                  "Four people were seriously injured and taken to St Mary's Hospital after "
                  "the bus overturned.")
    assert conflicts(report) == []


def test_the_seriously_injured_among_the_injured_are_still_the_seriously_injured(pair):
    report = pair("Nine of the injured were in a critical condition after the stadium collapse.",
                  "Five people were critically injured in the stadium collapse.")
    assert conflicts(report) == [{"Nine", "Five people"}]


def test_a_toll_told_in_parts_agrees_with_its_sum(pair):
    report = pair("The plane crash killed 150 passengers and six crew members, the airline said.",
                  "The plane crash killed 156 people, the airline said.")
    assert conflicts(report) == []
    fact = fact_with(report, "150 passengers and six crew members", "156 people")
    assert fact is not None and fact.status == FactStatus.AGREE


def test_a_sum_that_does_not_add_up_conflicts(pair):
    report = pair("The blaze killed 14 residents and two firefighters.",
                  "Eighteen people died in the blaze.")
    assert conflicts(report) == [{"14 residents and two firefighters", "Eighteen people"}]


def test_killed_and_injured_are_never_summed(pair):
    report = pair("The explosion killed 12 people and injured 30 at the plant.",
                  "The explosion at the plant killed 12 and injured 30.")
    assert conflicts(report) == []
    assert not any(m.text.startswith("12 people and") for f in report.facts for m in f.mentions)


def test_one_precise_sum_in_two_wordings_is_one_fact(pair):
    report = pair("The refund was quickly corrected to $1,284.46 on Tuesday.",
                  "Turns out, she was only owed $1,284.46 after all.")
    facts = [f for f in report.facts if any("1,284.46" in m.text for m in f.mentions)]
    assert len(facts) == 1 and facts[0].status == FactStatus.AGREE


def test_a_precise_figure_does_not_pull_a_differing_one_into_conflict(pair):
    report = pair("The bill came to $1,284.46, and the refund was $310.20.",
                  "Turns out, she was only owed $1,284.46 after all.")
    assert conflicts(report) == []


def test_a_precise_sum_misprinted_in_one_digit_is_a_conflict(pair):
    report = pair("In 2019, the charity's accounts show $12,687.40 went on the gala at the Ritz.",
                  "Records show the gala dinner at the Ritz cost the charity $12,587.40.")
    assert conflicts(report) == [{"$12,687.40", "$12,587.40"}]


def test_precise_sums_far_apart_are_not_read_as_misprints(pair):
    report = pair("The charity spent $12,687.40 on the gala.",
                  "Records show the charity's rent came to $19,687.40 that year.")
    assert conflicts(report) == []


def test_a_share_from_an_earlier_vote_one_digit_off_is_not_a_misprint_of_todays(pair):
    report = pair("Turnout in the union ballot was 61.4%, the returning officer said.",
                  "The union's leadership won 61.7% of the vote in the previous ballot in 2019.")
    assert conflicts(report) == []

def test_net_income_and_operating_profit_are_two_figures_but_plain_profit_meets_either(pair):
    report = pair("The retailer's operating profit rose to $1.4 billion, it said.",
                  "The retailer's net income came in at $318 million, its report showed.")
    assert conflicts(report) == []
    report = pair("In the quarter, the retailer said, net income rose to $318 million.",
                  "The retailer said its quarterly profit rose to $381 million.")
    assert conflicts(report) == [{"$318 million", "$381 million"}]

def test_a_period_after_a_sum_is_not_what_the_sum_is(pair):
    report = pair("The retailer's operating profit rose to $1.4 billion in the quarter.",
                  "The retailer's net income was $318 million in the quarter.")
    assert conflicts(report) == []
    assert ("what", "operating profit") in fact_with(report, "$1.4 billion").about

def test_an_ordinal_term_told_two_ways_is_one_fact(pair):
    report = pair("Senator Ruiz won an eighth term on Tuesday.",
                  "Ruiz was re-elected on Tuesday to a ninth term.")
    assert conflicts(report) == [{"eighth term", "ninth term"}]
    report = pair("It was the third time the dam had burst.", "The dam burst for the third time.")
    assert fact_with(report, "third time").status == FactStatus.AGREE


def test_rounds_and_quarters_are_not_counted_as_ordinals(pair):
    report = pair("The second round of voting starts Monday.",
                  "The first round of voting ended on Sunday.")
    assert conflicts(report) == []


def test_two_bare_figures_in_aligned_sentences_are_not_one_fact(pair):
    report = pair("The quarterly survey put the city at 9, the tourism board said on Monday.",
                  "The tourism board said on Monday the quarterly survey put the city at 1.")
    assert conflicts(report) == []


def test_the_bounds_of_an_age_range_are_never_summed(pair):
    # "between the ages of 18 and 35" names two ages, not 53 of anything.
    report = pair("Police said a crowd of about 500 men, ages 18 to 35, gathered at the station.",
                  "Police said it was a crowd of about 500 young men between the ages of 18 and 35.")
    assert not any(m.text == "18 and 35" for f in report.facts for m in f.mentions)
    assert conflicts(report) == []
