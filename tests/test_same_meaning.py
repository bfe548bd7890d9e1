"""Two articles saying one thing in different words never conflict; a real difference does.

Each pair below is one fact written two ways, as different outlets write it (words or
digits, a scale word or its abbreviation, a bound or a figure inside it, a day by name
or by the dateline). Run through the whole compare pipeline, each pair must be matched
as one fact and never reported as a conflict.
"""

from __future__ import annotations

import pytest
from storydiff.core.model import FactStatus
from storydiff.core.report import compare

DATE = "Date: 2024-01-14\n\n"  # a Sunday

PAIRS = [
    # (one wording, the other wording, a word of each mention's text)
    ("Three dozen spectators were hurt when the stand collapsed.",
     "36 spectators were hurt when the stand collapsed.", "dozen", "36"),
    ("Two hundred and fifty residents were evacuated from the flooded town.",
     "250 residents were evacuated from the flooded town.", "fifty", "250"),
    ("Half a million homes lost power after the ice storm.",
     "500,000 homes lost power after the ice storm.", "Half", "500,000"),
    ("Five and a half million voters backed the referendum.",
     "5.5 million voters backed the referendum.", "Five", "5.5"),
    ("The chipmaker raised $1.2B from investors.",
     "The chipmaker raised $1.2 billion from investors.", "1.2B", "billion"),
    ("The utility raised 2bn euros from investors.",
     "The utility raised 2 billion euros from investors.", "2bn", "2 billion"),
    ("The death toll from the earthquake exceeded 3,000 on Saturday.",
     "The death toll from the earthquake reached 3,200 on Saturday.", "3,000", "3,200"),
    ("Fifty or more passengers were injured in the derailment.",
     "At least 60 passengers were injured in the derailment.", "Fifty", "60"),
    ("Twelve were taken to hospital after the warehouse fire.",
     "Twelve people were injured in the warehouse fire.", "Twelve", "Twelve people"),
    ("Up to 700 contract workers will be laid off at the plant.",
     "The plant will lay off 650 contract workers.", "700", "650"),
    ("Nearly 100 homes were destroyed by the tornado.",
     "The tornado destroyed 98 homes.", "100", "98"),
    ("A total of 56 miners were rescued from the shaft.",
     "Rescuers said 56 miners were rescued from the shaft.", "A total of 56", "56 miners"),
]


# The same day, week, month or year written two ways in stories dated Sunday 2024-01-14.
DATE_PAIRS = [
    ("The ferry sank yesterday, the coast guard said.",
     "The ferry sank on Saturday, the coast guard said.", "yesterday", "Saturday"),
    ("The summit will open tomorrow in Geneva.",
     "The summit will open on Monday in Geneva.", "tomorrow", "Monday"),
    ("The plant was shut last Friday after the leak.",
     "The plant was shut on Jan. 12 after the leak.", "last Friday", "Jan. 12"),
    ("The court will sit again next Tuesday, the clerk said.",
     "The court will sit again on Jan. 16, the clerk said.", "next Tuesday", "Jan. 16"),
    ("The derailment happened on 01/12/2024, investigators said.",
     "The derailment happened on Jan. 12, investigators said.", "01/12/2024", "Jan. 12"),
    ("The derailment happened on 12.01.2024, investigators said.",
     "The derailment happened on 12 January, investigators said.", "12.01.2024", "12 January"),
    ("The concert goes ahead tonight despite the storm.",
     "The concert goes ahead on Sunday despite the storm.", "tonight", "Sunday"),
    ("The mine closed two months ago, the union said.",
     "The mine closed in November, the union said.", "two months ago", "November"),
    ("The company's profits doubled last year.",
     "The company's profits doubled in 2023.", "last year", "2023"),
    ("A fire destroyed the warehouse this week, the owners said.",
     "A fire destroyed the warehouse earlier this week, the owners said.", "this week",
     "earlier this week"),
    ("Prices began to rise earlier this month, traders said.",
     "Prices began to rise in early January, traders said.", "earlier this month", "early January"),
    ("Flooding hit the valley in mid-January, officials said.",
     "Flooding hit the valley in January, officials said.", "mid-January", "January"),
    ("The factory opened in the late 1990s.",
     "The factory opened in the 1990s.", "late 1990s", "the 1990s"),
]


@pytest.fixture
def pair(write):
    def _pair(one: str, other: str):
        return compare([str(write("wire.txt", DATE + one)), str(write("paper.txt", DATE + other))])
    return _pair


def _fact_with(report, one_word: str, other_word: str):
    for fact in report.facts:
        texts = [m.text for m in fact.mentions]
        if any(one_word in t for t in texts) and any(other_word in t for t in texts) and \
                len({m.article for m in fact.mentions}) == 2:
            return fact
    return None


@pytest.mark.parametrize("one, other, one_word, other_word", PAIRS,
                         ids=[p[1][:40] for p in PAIRS])
def test_same_meaning_in_other_words_is_no_conflict(pair, one, other, one_word, other_word):
    report = pair(one, other)
    assert [f.label for f in report.facts if f.status == FactStatus.CONFLICT] == []
    fact = _fact_with(report, one_word, other_word)
    assert fact is not None, [(f.label, [m.text for m in f.mentions]) for f in report.facts]
    assert fact.status in (FactStatus.AGREE, FactStatus.COMPATIBLE)


@pytest.mark.parametrize("one, other, one_word, other_word", DATE_PAIRS,
                         ids=[p[2] + " = " + p[3] for p in DATE_PAIRS])
def test_one_date_written_two_ways_is_no_conflict(pair, one, other, one_word, other_word):
    report = pair(one, other)
    assert [f.label for f in report.facts if f.status == FactStatus.CONFLICT] == []
    fact = _fact_with(report, one_word, other_word)
    assert fact is not None, [(f.label, [m.text for m in f.mentions]) for f in report.facts]
    assert fact.status in (FactStatus.AGREE, FactStatus.COMPATIBLE)


def test_a_list_of_weekdays_and_their_dates_are_the_same_days(pair):
    report = pair("Hearings were held on Wednesday, Thursday and Friday, the court said.",
                  "Hearings were held on Jan. 10, Jan. 11 and Jan. 12, the court said.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]


def test_a_british_numeric_date_is_read_day_first(write):
    uk = write("uk.txt", "Date: 2024-04-05\nURL: https://www.bbc.co.uk/news/1\n\n"
               "The derailment happened on 03/04/2024, investigators said.")
    us = write("us.txt", "Date: 2024-04-05\n\nThe derailment happened on April 3, "
               "investigators said.")
    report = compare([str(uk), str(us)])
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert _fact_with(report, "03/04/2024", "April 3") is not None


def test_last_week_and_this_week_conflict(pair):
    report = pair("A fire destroyed the warehouse last week, the owners said.",
                  "A fire destroyed the warehouse this week, the owners said.")
    [fact] = [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {m.text for m in fact.mentions} == {"last week", "this week"}


def test_the_day_before_yesterday_and_friday_are_one_day_on_a_sunday(pair):
    report = pair("The ferry sank the day before yesterday, the coast guard said.",
                  "The ferry sank on Friday, the coast guard said.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert _fact_with(report, "the day before yesterday", "Friday") is not None


def test_this_friday_and_the_fridays_date_are_one_day(pair):
    report = pair("The summit will open this Friday in Geneva.",
                  "The summit will open on Jan. 19 in Geneva.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]


def test_tomorrow_and_wednesday_conflict_in_stories_dated_the_sunday_before(pair):
    report = pair("The jury will deliver its verdict tomorrow, the judge said.",
                  "The jury will deliver its verdict on Wednesday, the judge said.")
    [fact] = [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {m.text for m in fact.mentions} == {"tomorrow", "Wednesday"}


def test_a_spelled_out_figure_that_differs_still_conflicts(pair):
    report = pair("Two hundred and fifty residents were evacuated from the flooded town.",
                  "Three hundred residents were evacuated from the flooded town.")
    [fact] = [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {m.text for m in fact.mentions} == {"Two hundred and fifty residents",
                                              "Three hundred residents"}


def test_no_one_injured_conflicts_with_two_injured(pair):
    report = pair("Police said no one was injured in the explosion.",
                  "Two people were injured in the explosion, police said.")
    [fact] = [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {m.text for m in fact.mentions} == {"no one", "Two people"}


def test_an_estimated_figure_is_as_precise_as_it_is_written(pair):
    report = pair("Analysts expect quarterly profit of an estimated $1.9 billion.",
                  "Analysts expect quarterly profit of $2.07 billion.")
    [fact] = [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {m.text for m in fact.mentions} == {"an estimated $1.9 billion", "$2.07 billion"}


def test_an_estimated_figure_and_the_same_figure_agree(pair):
    report = pair("An estimated 40,000 people marched through the capital on Saturday.",
                  "Some 40,000 people marched through the capital on Saturday.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]


def test_an_effective_rate_is_not_the_statutory_rate(pair):
    report = pair("Retailers paid an effective corporate tax rate of 18.4 percent.",
                  "The corporate tax rate will fall to 21% from 35%.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]


def test_two_rates_of_different_things_are_two_facts_and_one_rate_still_conflicts(pair):
    report = pair("The unemployment rate rose to 4.1% in May, and the central bank kept its "
                  "interest rate at 5.25%.",
                  "The unemployment rate climbed to 4.3% in May.")
    [fact] = [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {m.text for m in fact.mentions} == {"4.1%", "4.3%"}
