"""Facts across sources: what two outlets say about the same thing, and whether it can all be true."""

from __future__ import annotations

import pytest
from storydiff.core.model import FactStatus, GroupStatus
from storydiff.core.report import compare


@pytest.fixture
def story(write):
    def _story(**articles: str):
        return compare([str(write(f"{name}.txt", text)) for name, text in articles.items()])
    return _story


def facts_with(report, *words: str, kind: str | None = None):
    """Facts whose mentions include all these words (each in some mention's text)."""
    out = []
    for fact in report.facts:
        texts = " | ".join(m.text for m in fact.mentions)
        if all(w in texts for w in words) and (kind is None or fact.kind == kind):
            out.append(fact)
    return out


def test_two_outlets_giving_different_death_tolls_conflict(story):
    report = story(
        wire="Date: 2024-03-10\n\nThe earthquake killed 17 people in the mountain villages, "
             "rescuers said.",
        paper="Date: 2024-03-10\n\nMore than 24 people were killed by the earthquake in the "
              "mountain villages, officials said.")
    [fact] = facts_with(report, "17 people", "More than 24 people")
    assert fact.status == FactStatus.CONFLICT
    assert {m.value["low"] for m in fact.mentions} == {17, 24}


def test_at_least_a_dozen_is_compatible_with_17(story):
    report = story(
        wire="Date: 2024-03-10\n\nThe earthquake killed 17 people in the mountain villages.",
        paper="Date: 2024-03-10\n\nAt least a dozen people were killed by the earthquake in "
              "the mountain villages.")
    [fact] = facts_with(report, "17 people", "At least a dozen people")
    assert fact.status == FactStatus.COMPATIBLE


def test_a_figure_and_more_than_that_figure_agree_on_the_figure(story):
    report = story(
        court="Date: 2024-05-02\n\nThe former treasurer was charged with taking $90,000 from the "
              "union's pension fund, prosecutors said.",
        local="Date: 2024-05-02\n\nThe former treasurer was charged with taking more than $90,000 "
              "from the union's pension fund, prosecutors said.")
    [fact] = facts_with(report, "$90,000", "more than $90,000")
    assert fact.status == FactStatus.AGREE  # one figure, one outlet hedged (not a conflict)


def test_under_a_figure_and_over_it_still_conflict(story):
    report = story(
        wire="Date: 2024-05-02\n\nTurnout in the mayoral election was under 40 percent, the "
             "election board said.",
        paper="Date: 2024-05-02\n\nTurnout in the mayoral election was over 40 percent, the "
              "election board said.")
    [fact] = facts_with(report, "under 40 percent", "over 40 percent")
    assert fact.status == FactStatus.CONFLICT


def test_the_same_figure_from_two_outlets_agrees(story):
    report = story(
        wire="Date: 2024-09-01\n\nThe floods destroyed 2,500 homes across the delta, the "
             "agency said.",
        paper="Date: 2024-09-01\n\nAcross the delta, 2,500 homes were destroyed by the floods.")
    [fact] = facts_with(report, "2,500 homes")
    assert fact.status == FactStatus.AGREE
    assert fact.mentions[0].value == {"low": 2500, "high": 2500}
    assert len(fact.values_by_article()) == 2


def test_killed_and_injured_are_different_facts(story):
    report = story(
        wire="Date: 2024-05-02\n\nThe bus crash killed 12 passengers and injured 40 "
             "passengers near the border.",
        paper="Date: 2024-05-02\n\nTwelve passengers were killed and 45 passengers were "
              "injured in the bus crash near the border.")
    killed = facts_with(report, "12 passengers", "Twelve passengers")
    injured = facts_with(report, "40 passengers", "45 passengers")
    assert [f.status for f in killed] == [FactStatus.AGREE]
    assert [f.status for f in injured] == [FactStatus.CONFLICT]


def test_a_conflict_inside_one_article_is_found(story):
    report = story(
        wire="Date: 2024-07-08\n\nFour firefighters were injured in the warehouse blaze.\n\n"
             "Officials later said nine firefighters were injured in the warehouse blaze.")
    [fact] = facts_with(report, "Four firefighters", "nine firefighters")
    assert fact.status == FactStatus.CONFLICT
    assert {m.article for m in fact.mentions} == {"wire"}


def test_a_running_total_is_not_the_days_count(story):
    report = story(
        wire="Date: 2024-07-08\n\nThe flood on Sunday killed four people in the town.",
        paper="Date: 2024-07-08\n\nSince April, 40 people have been killed in floods in the "
              "region.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]


def test_the_day_of_the_event_conflicts_when_outlets_name_different_days(story):
    report = story(
        wire="Date: 2024-01-21\n\nA magnitude 6 earthquake struck the coastal province on "
             "Saturday, destroying the old harbour.",
        paper="Date: 2024-01-23\n\nThe magnitude 6 earthquake that struck the coastal "
              "province on Sunday destroyed the old harbour.")
    [fact] = facts_with(report, "Saturday", "Sunday", kind="date")
    assert fact.status == FactStatus.CONFLICT


def test_saturday_and_january_20_agree_in_a_story_dated_the_21st(story):
    report = story(
        wire="Date: 2024-01-21\n\nA magnitude 6 earthquake struck the coastal province on "
             "Saturday, destroying the old harbour.",
        paper="Date: 2024-01-22\n\nThe magnitude 6 earthquake that struck the coastal "
              "province on January 20 destroyed the old harbour.")
    [fact] = facts_with(report, "Saturday", "January 20", kind="date")
    assert fact.status == FactStatus.AGREE
    assert {m.value["date"] for m in fact.mentions} == {"2024-01-20"}


def test_a_wrong_year_is_a_conflict(story):
    report = story(
        wire="Date: 2024-06-03\n\nVoters went to the polls in the general election on "
             "June 1, 2023, the commission said.",
        paper="Date: 2024-06-03\n\nThe general election on June 1 drew voters to the polls.")
    [fact] = facts_with(report, "June 1, 2023", kind="date")
    assert fact.status == FactStatus.CONFLICT


def test_a_group_whose_passages_conflict_differs_in_facts(story):
    report = story(
        wire="Date: 2024-04-30\n\nInsured losses from the storm reached $2.1 billion, the "
             "insurers' association said.",
        paper="Date: 2024-04-30\n\nInsured losses from the storm reached $3.4 billion, the "
              "insurers' association said.")
    [money] = [f for f in report.facts if f.kind == "money"]
    assert money.status == FactStatus.CONFLICT
    assert [g.status for g in report.groups] == [GroupStatus.FACTS]


def test_agreeing_groups_keep_their_status(story):
    report = story(
        wire="Date: 2024-04-30\n\nInsured losses from the storm reached $2.1 billion, the "
             "insurers' association said.",
        paper="Date: 2024-04-30\n\nInsured losses from the storm reached $2.1 billion, "
              "the association of insurers said.")
    assert all(g.status != GroupStatus.FACTS for g in report.groups)


def test_spellings_of_one_name_become_one_name_fact(story):
    report = story(
        wire="Date: 2024-02-02\n\nPresident Volodymyr Zelensky met FEMA officials in Kyiv.",
        paper="Date: 2024-02-02\n\nZelenskyy spoke to the Federal Emergency Management Agency "
              "from Kiev.")
    names = [f for f in report.facts if f.kind == "name"]
    spellings = [{m.text for m in f.mentions} for f in names]
    assert {"Volodymyr Zelensky", "Zelenskyy"} in spellings
    assert {"FEMA", "Federal Emergency Management Agency"} in spellings
    assert {"Kyiv", "Kiev"} in spellings


def test_one_quote_with_different_wording_is_shown_as_such(story):
    report = story(
        wire='Date: 2024-02-02\n\n"We will rebuild every home the river took," the mayor said.',
        paper='Date: 2024-02-02\n\n"We will rebuild every single home that the river took," '
              'the mayor told reporters.')
    [quote] = [f for f in report.facts if f.kind == "quote"]
    assert quote.status == FactStatus.CONFLICT  # words added inside a quote: not verbatim
    assert {m.value["wording"] for m in quote.mentions} == {"differs"}


def test_mentions_are_the_articles_own_words_at_their_offsets(story):
    report = story(
        wire="Date: 2024-03-10\n\nThe earthquake killed 17 people in the mountain villages.",
        paper="Date: 2024-03-10\n\nMore than 24 people were killed by the earthquake.")
    for fact in report.facts:
        for m in fact.mentions:
            assert report.article(m.article).text[m.start:m.end] == m.text


def test_the_json_report_lists_who_backs_each_value(story):
    from storydiff.core.export.json import report_dict
    report = story(
        a="Date: 2024-03-10\n\nThe earthquake killed 17 people in the mountain villages.",
        b="Date: 2024-03-10\n\nThe earthquake killed 17 people in the mountain villages, "
          "rescuers said.",
        c="Date: 2024-03-10\n\nMore than 24 people were killed by the earthquake in the "
          "mountain villages.")
    [fact] = [f for f in report_dict(report)["facts"] if f["status"] == "conflict"]
    assert [sorted(row["articles"]) for row in fact["sources"]] == [["a", "b"], ["c"]]
    assert fact["sources"][0]["value"] == {"low": 17, "high": 17}


def test_a_rising_death_toll_is_matched_with_the_first_count(story):
    report = story(
        first="Date: 2024-09-14\n\nFlash floods killed at least 23 people in the northern "
              "province on Friday, the disaster agency said.",
        later="Date: 2024-09-15\n\nThe death toll from Friday's flash floods in the northern "
              "province rose to 31, officials said on Sunday.")
    [fact] = facts_with(report, "at least 23 people", "31")
    assert fact.status == FactStatus.COMPATIBLE


def test_a_day_named_for_something_else_in_the_same_sentence_is_not_the_events_day(story):
    report = story(
        wire="Date: 2024-11-06\n\nMaria Lopez won the mayoral election on Tuesday with 52% "
             "of the vote.",
        paper="Date: 2024-11-07\n\nJon Smith conceded on Wednesday after Maria Lopez took 52 "
              "percent of the vote in Tuesday's mayoral election.")
    [day] = [f for f in report.facts if f.kind == "date" and len(f.values_by_article()) == 2]
    assert day.status == FactStatus.AGREE
    assert "Wednesday" not in {m.text for m in day.mentions}


def test_sums_and_shares_are_matched_by_what_they_are_of(story):
    report = story(
        wire="Date: 2024-04-25\n\nAcme reported revenue of $4.2 billion on Thursday, up 12% "
             "from a year earlier.",
        paper="Date: 2024-04-25\n\nAcme said on Thursday that revenue climbed 12 percent to "
              "$4.3 billion.")
    [revenue] = [f for f in report.facts if f.kind == "money"]
    assert revenue.status == FactStatus.CONFLICT and "revenue" in revenue.label
    [growth] = [f for f in report.facts if f.kind == "percent"]
    assert growth.status == FactStatus.AGREE


def test_an_attribution_does_not_lend_its_verb_to_an_earlier_number(story):
    report = story(
        wire="Date: 2024-04-25\n\nThe company, which employs about 18,000 people, said it "
             "would cut 1,200 jobs.",
        paper="Date: 2024-04-25\n\nThe company said it would cut 1,500 jobs from a staff of "
              "18,000 people.")
    [cut] = [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {m.text for m in cut.mentions} == {"1,200 jobs", "1,500 jobs"}


def test_two_months_in_one_sentence_are_two_facts(story):
    report = story(
        wire="Date: 2024-04-10\n\nInflation rose to 3.2% in March from 2.9% in February, the "
             "statistics office said.",
        paper="Date: 2024-04-10\n\nInflation was 3.2% in March, up from 2.9% in February.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]
    assert {f.status for f in report.facts if f.kind == "percent"} == {FactStatus.AGREE}


def test_a_quakes_magnitude_is_compared_however_it_is_written(story):
    report = story(
        wire="Date: 2024-03-10\n\nA magnitude 6.1 earthquake shook the capital on Sunday.",
        paper="Date: 2024-03-10\n\nThe 6.3-magnitude quake was felt across the region.")
    [magnitude] = [f for f in report.facts if f.kind == "measure"]
    assert magnitude.status == FactStatus.CONFLICT
    assert {m.text for m in magnitude.mentions} == {"magnitude 6.1", "6.3-magnitude"}


def test_dead_and_injured_written_as_nouns_are_matched_with_verbs(story):
    report = story(
        wire="Date: 2024-03-10\n\nThe quake left 12 dead and 50 injured in the mountain towns.",
        paper="Date: 2024-03-10\n\nThe quake hit the mountain towns, killing 12 people and "
              "injuring 65 people.")
    [killed] = facts_with(report, "12", "12 people")
    [injured] = facts_with(report, "50", "65 people")
    assert killed.status == FactStatus.AGREE and injured.status == FactStatus.CONFLICT


def test_clock_times_of_one_event_conflict_when_they_differ(story):
    report = story(
        wire="Date: 2024-06-02\n\nThe explosion at the chemical plant happened at 6:30 p.m. on "
             "Saturday, firefighters said.",
        paper="Date: 2024-06-02\n\nThe explosion at the chemical plant happened at 7:45 p.m. "
              "on Saturday.")
    [clock] = [f for f in report.facts if f.kind == "time"]
    assert clock.status == FactStatus.CONFLICT
    assert {m.value["time"] for m in clock.mentions} == {"18:30", "19:45"}


def test_a_count_without_nationality_meets_the_only_one_with(story):
    report = story(
        wire="Date: 2024-02-02\n\nFour Dutch soldiers were injured when the convoy hit a mine.",
        paper="Date: 2024-02-02\n\nSeven soldiers were injured in the convoy blast, the army "
              "said. Two Afghan interpreters were injured too.")
    [soldiers] = facts_with(report, "Four Dutch soldiers", "Seven soldiers")
    assert soldiers.status == FactStatus.CONFLICT
    assert not facts_with(report, "Two Afghan interpreters", "Four Dutch soldiers")


def test_a_count_without_nationality_stays_apart_when_two_could_be_meant(story):
    report = story(
        a="Date: 2024-02-02\n\nFour Dutch soldiers were injured in the convoy blast.",
        b="Date: 2024-02-02\n\nSix Afghan soldiers were injured near the convoy.",
        c="Date: 2024-02-02\n\nA spokesman for the ministry in the capital told reporters on "
          "Friday evening that seven soldiers were injured.")
    assert not facts_with(report, "Seven soldiers", "Four Dutch soldiers")
    assert not facts_with(report, "Seven soldiers", "Six Afghan soldiers")


def test_an_inline_dateline_dates_the_report_not_the_event(story):
    report = story(
        wire="Date: 2023-11-05\n\nNov 5 (Reuters) - The earthquake that struck western Nepal "
             "on Friday night killed 157 people, officials said.",
        paper="Date: 2023-11-05\n\nThe earthquake struck western Nepal on Thursday night, "
              "killing 153 people.")
    [day] = [f for f in report.facts if f.kind == "date" and len(f.values_by_article()) == 2]
    assert day.status == FactStatus.CONFLICT
    assert {m.text for m in day.mentions} == {"Friday night", "Thursday night"}


def test_a_toll_across_a_region_is_not_the_toll_in_one_place(story):
    report = story(
        wire="Date: 2024-09-30\n\nThe hurricane killed 12 people in Florida, the governor said.",
        paper="Date: 2024-09-30\n\nThe hurricane has killed 40 people across the Caribbean.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]


def test_days_on_which_officials_spoke_are_no_conflict(story):
    report = story(
        wire="Date: 2023-11-04\n\nThe quake killed at least 68 people in the hills, officials "
             "said Saturday.",
        paper="Date: 2023-11-05\n\nThe quake killed at least 68 people in the hills, officials "
              "said on Sunday.")
    assert not [f for f in report.facts if f.kind == "date" and f.status == FactStatus.CONFLICT]


def test_the_whole_in_a_partitive_is_not_the_count_of_victims(story):
    report = story(
        wire="Date: 2024-05-02\n\nTwelve of the 52 passengers died when the bus left the road.",
        paper="Date: 2024-05-02\n\nThe bus carried 52 passengers; 12 passengers were killed "
              "when it left the road.")
    assert not [f for f in report.facts if f.status == FactStatus.CONFLICT]
    [killed] = facts_with(report, "Twelve", "12 passengers")
    assert killed.status == FactStatus.AGREE
