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


def test_a_dividend_in_kroner_and_in_nok_is_one_figure(story):
    report = story(
        wire="Date: 2025-02-06\n\nThe shipping group raised its dividend to 4.20 Norwegian "
             "crowns per share.",
        paper="Date: 2025-02-06\n\nThe board proposed a dividend of NOK 4.50 per share.")
    [fact] = conflicts(report)
    assert {m.value["currency"] for m in fact.mentions} == {"NOK"}


def test_savings_told_with_a_verb_or_a_noun_are_one_sum(story):
    report = story(
        wire="Date: 2025-02-06\n\nThe brewer will close two plants to save $150 million a "
             "year.",
        paper="Date: 2025-02-06\n\nThe closures are part of a cost-saving plan worth $150 "
              "million a year.")
    [fact] = facts_with(report, "$150 million")
    assert fact.status == FactStatus.AGREE and len(fact.mentions) == 2


def test_seats_won_and_the_size_of_the_chamber_are_different_figures(story):
    report = story(
        wire="Date: 2025-10-12\n\nThe Liberals took 88 seats in the 150-seat assembly.",
        paper="Date: 2025-10-12\n\nThe Liberals are set to hold 91 of the 150 seats.")
    [won] = conflicts(report)
    assert {m.value["low"] for m in won.mentions} == {88, 91}
    [chamber] = facts_with(report, "150-seat", "150 seats")
    assert chamber.status == FactStatus.AGREE


def test_a_result_from_a_named_earlier_election_is_that_years_fact(story):
    report = story(
        wire="Date: 2025-10-12\n\nThe Liberals won 74 seats in the previous election in "
             "2021.",
        paper="Date: 2025-10-12\n\nIn the elections of 2021, the Liberals received 74 "
              "mandates. This time they took 88 seats.")
    assert not conflicts(report)
    [past] = facts_with(report, "74 seats", "74 mandates")
    assert past.status == FactStatus.AGREE


def test_a_prison_term_in_months_agrees_with_the_same_term_in_years(story):
    report = story(
        wire="Date: 2025-06-03\n\nThe former treasurer was sentenced to 30 months in prison "
             "on Monday.",
        paper="Date: 2025-06-03\n\nThe former treasurer was jailed for 2.5 years on Monday.",
        radio="Date: 2025-06-03\n\nThe former treasurer was sentenced to 3 years in prison.")
    [fact] = conflicts(report)
    assert {m.text for m in fact.mentions} == {"30 months", "2.5 years", "3 years"}
    assert {m.value["low"] for m in fact.mentions} == {2.5, 3}


def test_the_term_prosecutors_sought_is_not_the_sentence(story):
    report = story(
        wire="Date: 2025-06-03\n\nThe smuggler was sentenced to eight years in prison. "
             "Prosecutors had sought a 15-year sentence.",
        paper="Date: 2025-06-03\n\nThe smuggler got eight years in jail, although prosecutors "
              "had asked for 15 years in prison, while his lawyers asked for no more than "
              "four years.")
    assert not conflicts(report)
    [sought] = facts_with(report, "15-year sentence", "15 years")
    assert sought.status == FactStatus.AGREE


def test_an_accomplices_earlier_sentence_is_not_the_defendants(story):
    report = story(
        wire="Date: 2025-06-03\n\nThe smuggler was sentenced to eight years in prison.",
        paper="Date: 2025-06-03\n\nThe smuggler was sentenced to eight years in prison. His "
              "driver was sentenced in February to two years in prison.")
    assert not conflicts(report)


def test_the_verb_a_counted_subject_does_keys_it_past_an_aside(story):
    report = story(
        wire="Date: 2025-03-15\n\nAbout 12,000 households lost power on Saturday night.",
        paper="Date: 2025-03-15\n\nSome 12,000 households, including 800 in the capital, "
              "lost power overnight.")
    [fact] = facts_with(report, "About 12,000 households", "Some 12,000 households")
    assert fact.status == FactStatus.AGREE


def test_years_ago_dates_a_figure_like_a_named_year(story):
    report = story(
        wire="Date: 2026-03-15\n\nThe dam burst in 2023, flooding 40 villages.",
        paper="Date: 2026-03-15\n\nWhen the dam burst three years ago it flooded 40 villages. "
              "This week the river flooded 12 villages.")
    assert not conflicts(report)
    [past] = facts_with(report, "40 villages")
    assert past.status == FactStatus.AGREE


def test_found_guilty_dates_the_same_verdict_as_convicted(story):
    report = story(
        wire="Date: 2025-10-20\n\nA jury convicted the banker in March on four counts of "
             "insider trading.",
        paper="Date: 2025-10-20\n\nThe banker was found guilty in March 2024 of insider "
              "trading.")
    dates = [f for f in conflicts(report) if f.kind == "date"]
    assert len(dates) == 1
    assert {m.text for m in dates[0].mentions} == {"March", "March 2024"}


def test_aligned_sentences_giving_two_years_for_one_background_fact_conflict(story):
    """Neither year dates the story's event, but both outlets say the same thing of it."""
    report = story(
        wire="Date: 2025-05-02\n\nThe coach resigned on Thursday after a run of defeats. "
             "Moreau has led the club since 2011.",
        paper="Date: 2025-05-02\n\nThe coach resigned on Thursday after a run of defeats. "
              "Moreau has led the club since 2012, and fans loved him.")
    assert facts_with(report, "2011", "2012")
    assert [f.status for f in facts_with(report, "2011", "2012")] == [FactStatus.CONFLICT]


def test_background_years_of_different_things_are_not_compared(story):
    report = story(
        wire="Date: 2025-05-02\n\nThe coach resigned on Thursday. The club was founded in 1901 "
             "by dock workers.",
        paper="Date: 2025-05-02\n\nThe coach resigned on Thursday. Moreau joined the club in 2011 "
              "from a rival.")
    assert not facts_with(report, "1901", "2011")


def test_a_toll_of_another_earlier_incident_is_not_the_storys_toll(story):
    report = story(
        wire="Date: 2025-03-11\n\nA car bomb attack killed five people in the market on Tuesday, "
             "police said. The group said the attack was revenge for airstrikes last week that "
             "killed 30 people.",
        paper="Date: 2025-03-11\n\nA car bomb attack killed five people in the market on Tuesday, "
              "police said.")
    assert not conflicts(report)
    [earlier] = facts_with(report, "30 people")
    assert "strike" in earlier.label


def test_tolls_of_the_earlier_incident_are_compared_with_each_other(story):
    report = story(
        wire="Date: 2025-03-11\n\nA bomb attack hit the market on Tuesday. It was revenge for "
             "airstrikes earlier this month that killed 30 villagers.",
        paper="Date: 2025-03-11\n\nA bomb attack hit the market on Tuesday. The group cited "
              "airstrikes this month that killed 32 villagers.")
    assert [f.status for f in facts_with(report, "30 villagers", "32 villagers")] == [
        FactStatus.CONFLICT]


def test_two_approximate_clock_times_half_an_hour_apart_conflict(story):
    report = story(
        wire="Date: 2025-08-02\n\nThe ferry ran aground at around 11:30pm local time, the coast "
             "guard said.",
        paper="Date: 2025-08-02\n\nThe ferry ran aground at around 11pm local time, the coast "
              "guard said.")
    assert [f.kind for f in conflicts(report)] == ["time"]


def test_an_approximate_time_a_quarter_hour_off_is_no_conflict(story):
    report = story(
        wire="Date: 2025-08-02\n\nThe ferry ran aground at about 9:45pm, the coast guard said.",
        paper="Date: 2025-08-02\n\nThe ferry ran aground at 10pm, the coast guard said.")
    assert not conflicts(report)


def test_people_taken_to_hospital_are_the_injured(story):
    report = story(
        wire="Date: 2025-08-02\n\nThe stand collapsed during the match, injuring at least 90 "
             "people, officials said.",
        paper="Date: 2025-08-02\n\nThe stand collapsed during the match and 64 people were taken "
              "to hospital, officials said.")
    assert [f.status for f in facts_with(report, "90", "64")] == [FactStatus.CONFLICT]


def test_nearly_a_round_figure_is_close_below_it(story):
    far = story(
        wire="Date: 2025-08-02\n\nAbout 850 volunteers joined the search, the council said.",
        paper="Date: 2025-08-02\n\nNearly 1,000 volunteers joined the search, the council said.")
    near = story(
        wire="Date: 2025-08-02\n\nAbout 1,000 volunteers joined the search, the council said.",
        paper="Date: 2025-08-02\n\nNearly 1,000 volunteers joined the search, the council said.")
    assert [f.status for f in facts_with(far, "850", "1,000")] == [FactStatus.CONFLICT]
    assert not conflicts(near)


def test_a_sum_is_keyed_by_what_it_bought_past_its_adjectives(story):
    report = story(
        wire="Date: 2025-06-10\n\nThe burglars took a $1,200 Omega watch and a laptop, police "
             "said.",
        paper="Date: 2025-06-10\n\nPolice said the haul included a $1,250 gold-plated men's Omega "
              "watch.")
    assert [f.status for f in facts_with(report, "$1,200", "$1,250")] == [FactStatus.CONFLICT]


def test_a_sum_spent_at_a_named_place_is_keyed_by_the_place(story):
    report = story(
        wire="Date: 2025-06-10\n\nThe mayor's office spent $4,300 at the Grand Harbor Hotel, "
             "auditors found.",
        paper="Date: 2025-06-10\n\nAuditors listed a $4,500 stay at the Grand Harbor Hotel among "
              "the mayor's expenses.")
    assert [f.status for f in facts_with(report, "$4,300", "$4,500")] == [FactStatus.CONFLICT]


def test_sums_of_different_things_stay_apart_and_one_bill_is_one_sum(story):
    apart = story(
        wire="Date: 2025-06-10\n\nThe utility announced a $2 billion bond sale on Monday.",
        paper="Date: 2025-06-10\n\nThe utility was hit with a $3 billion fine on Monday.")
    one = story(
        wire="Date: 2025-06-10\n\nThe family got a whopping $9,000 electricity bill.",
        paper="Date: 2025-06-10\n\nThe family was sent a power bill of $9,500, the utility said.")
    assert not conflicts(apart)
    assert [f.status for f in facts_with(one, "$9,000", "$9,500")] == [FactStatus.CONFLICT]


def test_campaign_funds_money_and_cash_are_one_sum(story):
    report = story(
        wire="Date: 2025-06-10\n\nThe senator admitted using $40,000 in campaign funds for a "
             "boat.",
        paper="Date: 2025-06-10\n\nThe senator used $40,000 in campaign money to buy a boat, "
              "prosecutors said.")
    assert [f.status for f in facts_with(report, "$40,000")] == [FactStatus.AGREE]


def test_seats_gained_are_not_the_seats_held(story):
    report = story(
        wire="Date: 2025-10-12\n\nLabour picked up 12 seats in the vote and now holds 210 seats "
             "in parliament.",
        paper="Date: 2025-10-12\n\nLabour gained 12 seats, officials said.")
    assert not conflicts(report)
    assert [f.status for f in facts_with(report, "12 seats")] == [FactStatus.AGREE]


def test_seats_a_party_needs_or_another_party_holds_are_other_figures(story):
    report = story(
        wire="Date: 2025-10-12\n\nThe Conservatives needed to gain about 40 seats to govern. "
             "Liberals will hold at least 150 seats in the chamber.",
        paper="Date: 2025-10-12\n\nThe Conservatives won 123 seats, officials said.")
    assert not conflicts(report)


def test_this_week_and_last_week_of_one_event_conflict(story):
    report = story(
        wire="Date: 2025-03-13\n\nThe union called the walkout a protest over the fire this week "
             "at the Leeds plant.",
        paper="Date: 2025-03-13\n\nThe union called the walkout a protest over the fire last week "
              "at the Leeds plant.")
    [fact] = facts_with(report, "this week", "last week")
    assert fact.status == FactStatus.CONFLICT
    assert {m.value["date"] for m in fact.mentions} == {"2025-W11", "2025-W10"}


def test_earnings_abroad_are_not_the_quarters_profit_and_each_is_compared(story):
    report = story(
        wire="Date: 2025-01-20\n\nAnalysts expected fourth-quarter net income of $1.20 billion. "
             "The firm had $14.6 billion in undistributed foreign earnings Acme kept overseas.",
        paper="Date: 2025-01-20\n\nAcme had $13.1 billion in earnings reinvested abroad at the end "
              "of the year. Analysts had forecast $1.20 billion in profit for the quarter.")
    assert [f.status for f in facts_with(report, "$14.6 billion", "$13.1 billion")] == [
        FactStatus.CONFLICT]
    assert [f.status for f in facts_with(report, "$1.20 billion")] == [FactStatus.AGREE]


def test_a_sum_paid_to_someone_is_one_sum_whichever_way_it_is_told(story):
    # "repaid X to the charity" and "repaid the charity X": one repayment, so a different
    # figure is a conflict and the same figure an agreement; a sum paid to someone else
    # stays apart.
    one = story(
        wire="Date: 2025-03-02\n\nThe mayor said she had already repaid about $12,000 to the "
             "charity after the audit.",
        paper="Date: 2025-03-02\n\nThe mayor repaid the charity $15,000, the city's auditor "
              "found.")
    assert [f.status for f in facts_with(one, "$12,000", "$15,000")] == [FactStatus.CONFLICT]
    apart = story(
        wire="Date: 2025-03-02\n\nThe mayor said she had already repaid about $12,000 to the "
             "charity after the audit.",
        paper="Date: 2025-03-02\n\nThe city paid $15,000 to the auditor, council minutes "
              "show.")
    assert not conflicts(apart)


def test_a_price_per_share_and_the_whole_offer_are_different_sums(story):
    # One key ("offer") for "the $70 offer" (a share) and "the $41 billion offer":
    # thousands of times apart, they are two sums. The per-share offers are set against
    # each other, and the two outlets' $41 billion agree.
    report = story(
        wire="Date: 2025-05-02\n\nCalder Foods rejected the $70 offer on Monday. Its board "
             "said the $41 billion offer undervalued the company.",
        paper="Date: 2025-05-02\n\nCalder Foods turned down the $72 offer from Northwind, "
              "saying the $41 billion offer was too low.")
    statuses = {tuple(sorted(m.text for m in f.mentions)): f.status
                for f in report.facts if f.kind == "money"}
    assert statuses == {("$70 offer", "$72 offer"): FactStatus.CONFLICT,
                        ("$41 billion offer", "$41 billion offer"): FactStatus.AGREE}


def test_a_count_for_one_place_and_the_whole_count_in_one_report_are_two_figures(story):
    # One report gives the district's 14 injured and Harrow's four; the other only Harrow's
    # four. The 14 names no place, yet it is not Harrow's count told without the place.
    report = story(
        wire="Date: 2025-03-02\n\nThe gas explosion injured 14 people across the district, "
             "the fire service said.\n\nPolice said four people in Harrow were injured when the "
             "blast hit a bakery.",
        paper="Date: 2025-03-02\n\nFour people in Harrow were injured when a gas explosion "
              "tore through a bakery.")
    assert not conflicts(report)
    [harrow] = facts_with(report, "four people", "Four people")
    assert harrow.status == FactStatus.AGREE


def test_the_votes_a_bill_needs_are_one_figure_wherever_the_need_is_said(story):
    # "needs 60 votes" and "lacks the 60 votes that it needs": both the votes needed, so
    # they agree; the 51 votes of a simple majority are another figure.
    report = story(
        wire="Date: 2025-03-02\n\nThe bill needs 60 votes in the Senate to advance. Leaders could "
             "instead pass the budget with 51 votes, aides said.",
        paper="Date: 2025-03-02\n\nSupporters of the bill still lack the 60 votes in the Senate "
              "that it needs to advance.")
    assert not conflicts(report)
    [needed] = facts_with(report, "60 votes")
    assert needed.status == FactStatus.AGREE and len(needed.mentions) == 2


def test_a_sum_converted_in_brackets_is_keyed_by_what_follows_the_conversion(story):
    # British outlets convert dollars in brackets: the car is still what the sum bought,
    # and the converted pounds are no second sum.
    report = story(
        wire="Date: 2025-03-02\n\nThe carmaker unveiled a $200,000 (£151,000) sports car on "
             "Friday.",
        paper="Date: 2025-03-02\n\nThe carmaker showed off its new $200,000 sports car on "
              "Friday.")
    [car] = [f for f in report.facts if f.kind == "money"]
    assert car.status == FactStatus.AGREE and len(car.mentions) == 2


def test_a_margin_counts_what_comes_before_clear_or_ahead(story):
    # "19 points clear" and "3.1 seconds clear" are a title race's points and a race's
    # seconds: never one figure told two ways. Two reports' points agree.
    report = story(
        wire="Date: 2025-10-12\n\nOkafor, who leads Lindqvist by 19 points in the title race, "
             "had been 3.1 seconds clear of him when the race was stopped.\n",
        paper="Date: 2025-10-12\n\nLindqvist trails Okafor, 19 points clear in the title "
              "race, before the final round.\n")
    assert not any({"3.1 seconds", "19 points"} <= {m.text.replace(" clear", "") for m in f.mentions}
                   for f in report.facts)
    assert any(f.status == FactStatus.AGREE for f in facts_with(report, "19 points"))



def test_light_years_are_a_distance_not_a_span_of_years(story):
    report = story(
        wire="Date: 2025-10-12\n\nThe galaxy is located 2.1 billion light years from Earth, "
             "astronomers said.\n",
        paper="Date: 2025-10-12\n\nThe galaxy, some 2.1 billion light-years from Earth, was "
              "found by astronomers.\n")
    assert any(f.status == FactStatus.AGREE for f in facts_with(report, "2.1 billion"))




def test_other_companies_sums_are_told_apart_by_whose_they_are(story):
    # The story is Castell's tax charge; beside it, two other companies' charges, in one
    # sentence of one report and in two of the other. Brenner's charge agrees across the
    # reports, Harlow's "hit of as much as $2 billion" meets Harlow's "$2 billion charge",
    # and neither is set against the other company's.
    report = story(
        wire="Date: 2025-12-22\n\nCastell Group will take a tax charge, it said on Friday.\n\n"
             "Harlow Foods Inc. said it expects a hit of as much as $2 billion, while Brenner "
             "Corp. will take a $400 million charge.\n",
        paper="Date: 2025-12-22\n\nThe tax charge at Castell Group was announced on Friday.\n\n"
              "On Dec. 6, the Harlow finance chief, Ada Moss, said the company could be facing "
              "a $2 billion charge.\n\nBrenner said in a filing that it could book a $400 "
              "million charge in its fourth-quarter results.\n")
    assert not any(any("400" in m.text for m in f.mentions)
                   and any("2 billion" in m.text for m in f.mentions) for f in report.facts)
    brenner = [f for f in facts_with(report, "$400 million") if f.status == FactStatus.AGREE]
    assert brenner and all(len(f.mentions) == 2 for f in brenner)
    harlow = facts_with(report, "as much as $2 billion", "$2 billion charge")
    assert harlow and harlow[0].status != FactStatus.CONFLICT


def test_the_story_s_own_company_needs_no_owner():
    # Named in most reports, however shortened, it is the story's company: its sums are
    # keyed as before. Companies named with a company word are known by their name's core.
    from storydiff.core.facts.owners import companies
    from storydiff.core.facts.spellings import core
    found = companies({
        "a": ["Castell Group Inc. will take a charge.", "Brenner Corp. will take one too."],
        "b": ["On Friday Castell said the charge was one-off."],
        "c": ["The charge at Castell was announced on Friday."]})
    assert found == {core("Brenner")}


def test_a_report_giving_two_values_of_a_recurring_thing_tells_them_apart(story):
    # A game has several field goals: the report that gives two of them says so itself, and
    # the other report's one field goal meets the one of the same length.
    report = story(
        wire="Date: 2025-10-12\n\nOkafor opened the scoring with a 48-yard field goal.\n\n"
             "Minutes later the Hawks stretched their lead on a 36-yard field goal by Okafor.\n",
        paper="Date: 2025-10-12\n\nThe scoring opened with Okafor's 48-yard field goal.\n")
    assert not conflicts(report)
    assert any(f.status == FactStatus.AGREE for f in facts_with(report, "48-yard"))


def test_a_figure_of_a_year_looked_back_on_is_not_the_day_s_count(story):
    # "That year, the index said, the group was responsible for 6,644 deaths": the year's
    # toll, beside the other report's eight killed in the day's attack, is not a conflict.
    # (Broadened to the one place-named toll, it was.)
    report = story(
        wire="Date: 2025-10-12\n\nThe group first struck the city in 2019. That year, the "
             "index said, it was responsible for 6,644 deaths.\n",
        paper="Date: 2025-10-12\n\nOn Wednesday a suicide attack saw eight people killed in "
              "Maiduguri.\n")
    assert not any(any("6,644" in m.text for m in f.mentions) for f in conflicts(report))


def test_a_distance_flown_is_one_fact_in_kilometres_or_miles(story):
    # "flew 770 km" and "flew 478 miles" are one distance told in two units: one fact, not a
    # conflict (compatible: a converted figure is never the other's to the digit); another
    # report's 900 km is set against the 478 miles.
    report = story(
        wire="Date: 2025-10-12\n\nThe missile flew 770 km before falling into the sea.\n",
        paper="Date: 2025-10-12\n\nThe missile flew about 478 miles before falling into the sea.\n")
    assert [f.status for f in facts_with(report, "770 km", "478 miles")] == [
        FactStatus.COMPATIBLE]
    report = story(
        wire="Date: 2025-10-12\n\nThe missile flew 900 km before falling into the sea.\n",
        paper="Date: 2025-10-12\n\nThe missile flew about 478 miles before falling into the sea.\n")
    assert [f.status for f in facts_with(report, "900 km")] == [FactStatus.CONFLICT]


def test_the_time_something_took_agrees_in_aligned_passages(story):
    # "after 15 years" and "15 years after the film was shot" in passages that say one thing
    # are one span of time; a span held "for" some years elsewhere is not matched with it.
    report = story(
        wire="Date: 2025-10-12\n\nThe actress says she obtained the crash footage after 15 "
             "years.\n\nThe studio's curse held for 71 years.\n",
        paper="Date: 2025-10-12\n\nThe director gave the actress the crash footage 15 years "
              "after the film was shot.\n")
    spans = [f for f in report.facts if f.label == "time elapsed"]
    assert [(f.status, sorted(m.text for m in f.mentions)) for f in spans] == [
        (FactStatus.AGREE, ["15 years", "15 years"])]


def test_a_passage_that_opens_on_another_month_tells_that_months_figure(story):
    # "In May, six people were arrested" in a January report is May's figure, not the
    # story's 18 arrests.
    report = story(
        wire="Date: 2026-01-07\n\nThe sting arrested 17 men and one woman in Tacoma, police "
             "said.\n",
        paper="Date: 2026-01-07\n\nIn May, six people in Tacoma were arrested in another "
              "sting.\n")
    assert not conflicts(report)


def test_a_figure_compared_with_another_nights_meets_that_nights_figure(story):
    # "six arrests Wednesday, compared to 47 the previous night": the other report's 47
    # arrests overnight agree with the 47, and the six is not set against them.
    report = story(
        wire="Date: 2025-08-21\n\nThe chief said there were six arrests Wednesday, compared to "
             "47 the previous night.\n",
        paper="Date: 2025-08-20\n\nPolice made 47 arrests overnight after protesters threw "
              "bottles.\n")
    assert not conflicts(report)
    assert any(f.status == FactStatus.AGREE and {"47 arrests", "47"} <= {m.text for m in f.mentions}
               for f in report.facts)


def test_federal_and_state_taxes_are_two_sums(story):
    report = story(
        wire="Date: 2025-07-31\n\nThe couple paid $4,388,531 in federal taxes and $1,362,577 in "
             "state and local taxes, the returns show.\n",
        paper="Date: 2025-07-31\n\nThe couple also paid an additional $1.3 million in state "
              "taxes, the returns show.\n")
    assert not conflicts(report)
