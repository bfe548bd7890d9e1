"""Which figures in different articles count the same thing: severities, earlier reports,
subjects named before the figure, ages, verdicts and verbs that say what happened."""

from __future__ import annotations

import pytest
from storydiff.core.model import FactStatus
from storydiff.core.report import compare


@pytest.fixture
def story(write):
    def _story(**articles: str):
        return compare([str(write(f"{name}.txt", text)) for name, text in articles.items()])
    return _story


def facts_with(report, *words: str):
    """Facts whose mentions include all these words (each in some mention's text)."""
    return [f for f in report.facts
            if all(w in " | ".join(m.text for m in f.mentions) for w in words)]


def conflicts(report):
    return [f for f in report.facts if f.status == FactStatus.CONFLICT]


def test_seriously_injured_is_a_part_of_the_injured_not_another_count(story):
    report = story(
        wire="Date: 2025-07-04\n\nThe wildfire injured at least 90 people, fire officials "
             "said.",
        paper="Date: 2025-07-04\n\nAbout 20 people were seriously injured in the wildfire, "
              "officials said.")
    assert not conflicts(report)


def test_a_figure_reported_earlier_in_the_day_is_not_the_update(story):
    report = story(
        wire="Date: 2025-02-11\n\nThe storm killed 31 people across the islands, the "
             "disaster office said.",
        paper="Date: 2025-02-11\n\nTwelve people were reported dead earlier in the day. The "
              "storm killed 31 people across the islands.")
    assert not conflicts(report)
    [fact] = facts_with(report, "31 people")
    assert fact.status == FactStatus.AGREE


def test_a_figure_after_the_number_of_dead_has_climbed_agrees_with_the_same_toll(story):
    report = story(
        wire="Date: 2025-02-11\n\nThe number of people killed by the mudslide in the valley "
             "has climbed to 23, the governor said.",
        paper="Date: 2025-02-11\n\nTwenty-three people were killed in the mudslide, police "
              "said.")
    [fact] = facts_with(report, "23", "Twenty-three people")
    assert fact.status == FactStatus.AGREE


def test_two_ages_for_one_person_conflict(story):
    report = story(
        wire="Date: 2025-05-20\n\nThe climber, Maria Ostrova, 29, was found alive on the "
             "glacier.",
        paper="Date: 2025-05-20\n\nRescuers reached Ostrova, 32, on the glacier at dawn.")
    [fact] = conflicts(report)
    assert {m.text for m in fact.mentions} == {"29", "32"}


def test_ages_of_two_people_stay_apart(story):
    report = story(
        wire="Date: 2025-05-20\n\nThe climber, Maria Ostrova, 29, was found alive.",
        paper="Date: 2025-05-20\n\nHer guide, Tomas Berg, 44, was also rescued.")
    assert not conflicts(report)


def test_the_number_of_counts_a_jury_convicted_on_is_compared(story):
    report = story(
        wire="Date: 2025-03-03\n\nA jury convicted the former mayor on five counts of "
             "bribery.",
        paper="Date: 2025-03-03\n\nThe former mayor's conviction on six counts of bribery "
              "ends a long trial.")
    [fact] = conflicts(report)
    assert {m.value["low"] for m in fact.mentions} == {5, 6}


def test_a_verb_before_the_figure_says_what_happened_to_the_counted(story):
    report = story(
        wire="Date: 2025-08-09\n\nThe river burst its banks and flooded 40 villages in the "
             "north.",
        paper="Date: 2025-08-09\n\nThe swollen river flooded 55 villages overnight.")
    [fact] = conflicts(report)
    assert {m.value["low"] for m in fact.mentions} == {40, 55}


def test_positions_and_jobs_cut_are_one_figure(story):
    report = story(
        wire="Date: 2025-10-01\n\nThe carmaker will cut about 3,000 jobs at its German "
             "plants.",
        paper="Date: 2025-10-01\n\nThe carmaker plans to cut 4,500 positions at its German "
              "plants.")
    [fact] = conflicts(report)
    assert {m.value.get("about", m.value["low"]) for m in fact.mentions} == {3000, 4500}


def test_some_of_the_injured_in_serious_condition_agree_with_people_in_hospital(story):
    report = story(
        wire="Date: 2025-06-14\n\nFour of the injured were in a serious condition, the "
             "hospital said.",
        paper="Date: 2025-06-14\n\nFour people remain in hospital in a serious condition.")
    [fact] = facts_with(report, "Four")
    assert fact.status == FactStatus.AGREE


def test_a_place_after_the_verb_keeps_two_towns_counts_apart(story):
    report = story(
        wire="Date: 2025-09-02\n\nAt least 30 people were killed by the floods, officials "
             "said. Officials said 21 people had died in Arlon and six in the surrounding "
             "Bastogne district.",
        paper="Date: 2025-09-02\n\nThe floods killed 30 people, officials said. Officials "
              "said 24 people were killed in Arlon and six in the surrounding Bastogne "
              "district.")
    [town] = conflicts(report)
    assert {m.value["low"] for m in town.mentions} == {21, 24}
    [toll] = facts_with(report, "30 people")
    assert toll.status != FactStatus.CONFLICT


def test_a_past_disaster_in_an_undated_article_is_history(story):
    report = story(
        wire="Date: 2025-09-02\n\nThe cyclone killed 40 people on the coast.",
        undated="The cyclone killed 40 people on the coast. In 2019, a cyclone on the same "
                "coast killed 260 people.")
    assert not conflicts(report)


def test_depths_in_km_and_kilometres_conflict_when_they_differ(story):
    report = story(
        wire="Date: 2025-04-01\n\nThe quake struck at a depth of 35 km, the survey said.",
        paper="Date: 2025-04-01\n\nThe quake struck at a depth of 60 kilometers.")
    [fact] = conflicts(report)
    assert {m.text for m in fact.mentions} == {"35 km", "60 kilometers"}


def test_a_distance_from_a_town_agrees_however_its_unit_is_written(story):
    report = story(
        wire="Date: 2025-04-01\n\nThe epicentre was about 40km north of Kars.",
        paper="Date: 2025-04-01\n\nIt was centred 40 kilometres north of Kars, the agency said.")
    [fact] = facts_with(report, "40km", "40 kilometres")
    assert fact.status == FactStatus.AGREE


def test_a_share_rounded_to_fewer_decimals_is_no_conflict(story):
    report = story(
        wire="Date: 2025-11-09\n\nThe Greens won 18.37% of the vote, the commission said.",
        paper="Date: 2025-11-09\n\nThe Greens won 18.4% of the vote.",
        radio="Date: 2025-11-09\n\nThe Greens won 18% of the vote.")
    assert not conflicts(report)


def test_shares_that_differ_beyond_rounding_still_conflict(story):
    report = story(
        wire="Date: 2025-11-09\n\nThe Greens won 18.37% of the vote, the commission said.",
        paper="Date: 2025-11-09\n\nThe Greens won 19.4% of the vote.")
    assert len(conflicts(report)) == 1


def test_a_share_price_at_two_moments_of_the_day_is_no_conflict(story):
    report = story(
        wire="Date: 2025-11-09\n\nShares in Halvard were up 2.1% at 0930 GMT after the "
             "results.",
        paper="Date: 2025-11-09\n\nShares in Halvard closed up 3.4% after the results.")
    assert not conflicts(report)
