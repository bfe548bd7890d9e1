"""Quantities as the reader understands them: a figure, its qualifier, what it counts."""

from __future__ import annotations

import pytest
from storydiff.core.facts.numbers import Interval, find_quantities, parse_number


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize("words, value", [
    ("17", 17), ("2,500", 2500), ("1.2 million", 1_200_000), ("four", 4),
    ("twenty-four", 24), ("a dozen", 12), ("three hundred", 300), ("$3bn", None),
])
def test_numbers_in_digits_and_words(words, value):
    if value is None:
        assert parse_number(words) is None
    else:
        assert parse_number(words) == value


def test_a_plain_figure_is_exact_and_keeps_what_it_counts():
    q = only("Rescuers said 17 flood victims were found in the valley.")
    assert q.interval.as_value() == {"low": 17, "high": 17}
    assert q.text == "17 flood victims"
    assert q.heads == {"victim"}


def test_at_least_is_a_floor_with_no_ceiling():
    q = only("At least 11 villagers died in the landslide.")
    assert (q.interval.low, q.interval.high) == (11, None)
    assert q.text == "At least 11 villagers"


def test_over_and_more_than_exclude_the_figure_itself():
    for text in ("Over 24 houses collapsed.", "More than 24 houses collapsed."):
        q = only(text)
        assert q.interval.low == 24 and q.interval.low_open and q.interval.high is None


def test_about_a_figure_and_the_figure_state_the_same_number():
    assert only("roughly 2,500 troops").interval.same(only("2,500 troops").interval)
    # a bound at the figure hedges the same number ("more than $250,000" / "$250,000")
    assert only("at least 2,500 troops").interval.same(only("2,500 troops").interval)
    assert not only("at least 2,500 troops").interval.same(only("3,000 troops").interval)
    # ...also when the figure is a round one, read as a rounding band ("$20 billion")
    assert only("a hit of as much as $20 billion").interval.same(
        only("a $20 billion charge").interval)
    assert not only("a hit of as much as $20 billion").interval.same(
        only("a $30 billion charge").interval)


def test_nearly_a_figure_fits_the_rounded_figure():
    assert only("nearly 100 homes").interval.overlaps(only("100 homes").interval)
    assert not only("nearly 100 homes").interval.overlaps(only("120 homes").interval)


def test_up_to_is_a_ceiling():
    q = only("The storm could bring up to 8 inches of rain.")
    assert (q.interval.low, q.interval.high) == (0, 8)


def test_fewer_than_excludes_the_figure():
    q = only("Fewer than 100 voters turned out.")
    assert q.interval.high == 100 and q.interval.high_open


def test_about_and_some_are_a_band_around_the_figure():
    q = only("Roughly 2,500 workers walked out.")
    assert q.interval.low < 2500 < q.interval.high
    assert q.interval.approx == 2500
    assert only("Some 900 families fled.").interval.overlaps(Interval(880, 880))


@pytest.mark.parametrize("text, low", [
    ("Several homes burned down.", 2), ("A number of shops were looted.", 2),
    ("Multiple aftershocks rattled the city.", 2), ("Dozens of patients were moved.", 20),
    ("Hundreds of flights were cancelled.", 200),
])
def test_vague_words_are_open_ranges(text, low):
    q = only(text)
    assert q.interval.vague and q.interval.low == low and q.interval.high is None


def test_at_least_a_dozen_is_compatible_with_17_and_with_over_24():
    dozen = only("at least a dozen rockets").interval
    assert dozen.overlaps(only("17 rockets").interval)
    assert dozen.overlaps(only("over 24 rockets").interval)


def test_a_dozen_alone_is_a_round_word_not_exactly_twelve():
    assert only("a dozen rockets").interval.overlaps(only("13 rockets").interval)
    assert not only("a dozen rockets").interval.overlaps(only("20 rockets").interval)
    assert only("at least a dozen rockets").interval.low == 12


def test_17_conflicts_with_over_24():
    assert not only("17 rockets").interval.overlaps(only("over 24 rockets").interval)


def test_several_fits_four_but_a_dozen_does_not_fit_four():
    assert only("several officers").interval.overlaps(only("four officers").interval)
    assert not only("a dozen officers").interval.overlaps(only("four officers").interval)


def test_a_rounded_figure_is_only_as_exact_as_its_digits():
    q = only("The company has 1.2 million subscribers.")
    assert q.interval.overlaps(Interval(1_234_000, 1_234_000))
    assert not q.interval.overlaps(Interval(1_300_000, 1_300_000))


def test_money_carries_its_currency():
    q = only("The firm paid a $5 million fine.")
    assert q.kind == "money" and q.currency == "USD"
    assert q.interval.approx == 5_000_000
    euros = only("Damage was put at 300 euros per household.")
    assert euros.kind == "money" and euros.currency == "EUR"


def test_percentages():
    q = only("Turnout rose to 64 percent.")
    assert q.kind == "percent" and q.interval.as_value() == {"low": 64, "high": 64}
    assert only("Sales fell 12% in March.").kind == "percent"


def test_ranges_between_and_to():
    q = only("Between 40 and 50 people were rescued.")
    assert (q.interval.low, q.interval.high) == (40, 50)
    assert (only("30-40 boats sank.").interval.low, only("30-40 boats sank.").interval.high) == (
        30, 40)


def test_years_times_ordinals_and_adjectives_are_not_counts():
    text = ("In 2020 the boy took a one-way bus at 6:30 p.m. on the 3rd "
            "floor near 122mm shells on January 20.")
    assert find_quantities(text) == []


def test_an_age_written_as_an_adjective_is_a_measure_of_the_noun_it_modifies():
    [age] = find_quantities("In 2020 the 10-year-old boy took a one-way bus.")
    assert (age.kind, age.head, age.modifies, age.interval.figure) == ("measure", ("age",),
                                                                      "boy", 10)
    [pages] = find_quantities("Prosecutors unsealed the 48-page indictment on Tuesday.")
    assert (pages.head, pages.modifies, pages.interval.figure) == (("page",), "indictment", 48)
    [weight] = find_quantities("A two-ton boulder blocked the road.")
    assert (weight.head, weight.modifies, weight.interval.figure) == (("ton",), "boulder", 2)


def test_a_list_of_two_figures_is_two_counts():
    found = find_quantities("Officials counted 11 dead and 12 injured people.")
    assert [q.interval.low for q in found] == [11, 12]


def test_the_counted_phrase_stops_at_the_verb():
    assert only("Four nurses suffered burns.").text == "Four nurses"
    assert only("Forty people died on Monday.").text == "Forty people"
    assert only("17 drones and missiles were launched.").heads == {"drone", "missile"}


# --- lengths and speeds ------------------------------------------------------------------


def test_lengths_are_measured_in_km_whether_glued_spelled_out_or_in_miles():
    [glued] = find_quantities("The tunnel runs 18km under the bay.")
    [spelled] = find_quantities("The tunnel runs 18 kilometres under the bay.")
    [miles] = find_quantities("The tunnel runs 11 miles under the bay.")
    assert glued.kind == spelled.kind == miles.kind == "measure"
    assert glued.currency == miles.currency == "km"
    assert glued.interval.figure == spelled.interval.figure == 18
    assert miles.interval.overlaps(glued.interval)  # 11 miles is 17.7 km: a rounding apart


def test_a_speed_is_not_a_length():
    [speed] = find_quantities("The car was doing about 90 miles per hour.")
    assert speed.currency == "km/h"
    assert speed.interval.overlaps(find_quantities("It was doing 145 km per hour.")[0].interval)


def test_calibres_glued_to_mm_are_still_no_count():
    assert find_quantities("They fired 122mm rockets.") == []


# --- currencies by name and code -----------------------------------------------------------


@pytest.mark.parametrize("text, currency", [
    ("The ticket costs 450 kroner.", "NOK"),
    ("The ticket costs 450 Norwegian crowns.", "NOK"),
    ("The ticket costs NOK 450.", "NOK"),
    ("The ticket costs 450 Swedish crowns.", "SEK"),
    ("The ticket costs SEK 450.", "SEK"),
    ("The ticket costs Rs 450.", "INR"),
    ("The ticket costs 450 zlotys.", "PLN"),
])
def test_currencies_named_in_words_or_iso_codes(text, currency):
    q = only(text)
    assert (q.kind, q.currency, q.interval.low) == ("money", currency, 450)


# --- spelled-out figures, scales, bounds -------------------------------------------------


@pytest.mark.parametrize("words, value", [
    ("two hundred and fifty", 250), ("three dozen", 36), ("half a million", 500_000),
    ("five and a half million", 5_500_000), ("one trillion", 1e12), ("1.2b", 1.2e9),
    ("3bn", 3e9), ("2mil", 2e6), ("a quarter of a million", 250_000),
    ("two thirds of a million", 2e6 / 3), ("one million and a half", 1_500_000),
])
def test_numbers_with_and_scales_dozens_and_fractions(words, value):
    assert parse_number(words) == pytest.approx(value)


def test_a_spelled_out_compound_is_one_figure_not_its_last_word():
    q = only("Two hundred and fifty mourners gathered outside the stadium.")
    assert q.interval.figure == 250 and q.text == "Two hundred and fifty mourners"


def test_and_between_small_figures_still_makes_two_counts_or_a_range():
    assert [q.interval.figure for q in find_quantities(
        "The bus crash killed 12 and injured 40.")] == [12, 40]
    q = only("Between three and five climbers are missing.")
    assert (q.interval.low, q.interval.high) == (3, 5)


def test_a_range_of_sums_keeps_both_bounds():
    q = only("Repairs will cost $5 million-$10 million, the council said.")
    assert (q.kind, q.interval.low, q.interval.high) == ("money", 5_000_000, 10_000_000)
    q = only("Repairs will cost 5 to 10 million euros.")
    assert (q.interval.low, q.interval.high) == (5_000_000, 10_000_000)
    q = only("He faces 46 to 57 months in prison.")
    assert (q.interval.low, q.interval.high) == (46, 57)


@pytest.mark.parametrize("text", ["The toll exceeded 3,000.", "Sales topped 3,000 units.",
                                  "Attendance surpassed 3,000 fans."])
def test_a_verb_can_be_a_lower_bound(text):
    q = only(text)
    assert (q.interval.low, q.interval.high, q.interval.low_open) == (3000, None, True)


def test_or_more_and_or_fewer_are_bounds():
    assert only("50 or more ferries were cancelled.").interval.as_value() == {
        "low": 50, "high": None}
    assert only("200 or fewer tickets remain.").interval.as_value() == {"low": 0, "high": 200}


@pytest.mark.parametrize("text", ["Which one do you prefer?", "That one was the best race.",
                                  "The one who scored was sent off.", "Each one was checked."])
def test_one_as_a_pronoun_is_no_count(text):
    assert find_quantities(text) == []


def test_one_after_that_or_which_is_a_count_when_a_noun_follows():
    found = find_quantities("The court heard that one man and two women were charged.")
    assert [q.text for q in found] == ["one man", "two women"]


def test_no_one_is_zero_and_one_survivor_is_one():
    assert only("No one was hurt in the fire.").interval.as_value() == {"low": 0, "high": 0}
    assert only("Only one survivor was found.").interval.figure == 1


def test_a_name_with_a_number_is_not_a_count():
    from storydiff.core.facts.numbers import find_quantities
    assert [q.text for q in find_quantities("It will fly on a Falcon 9 rocket from the Apollo 11 pad.")] == []
    assert [q.text for q in find_quantities("The European Ariane 5 launcher carried 12 satellites.")] \
        == ["12 satellites"]
    assert [q.text for q in find_quantities("In Texas 40 people died.")] == ["40 people"]
    assert "201" in [q.text for q in find_quantities("Democrats won 234 seats and Republicans 201.")]


def test_a_member_count_is_seats_only_for_a_chamber():
    from storydiff.core.facts.numbers import find_quantities
    [chamber] = find_quantities("The 300-member national assembly met on Monday.")
    assert chamber.heads == frozenset({"seat"})
    [church] = find_quantities("The 37 million-member church elected a new leader.")
    assert "seat" not in church.heads


def texts_of(kind: str, text: str) -> list[str]:
    """The quantities of one kind the text holds, as written."""
    return [q.text for q in find_quantities(text) if q.kind == kind]


def test_pounds_of_weight_are_not_money_and_pounds_paid_are():
    def money(text: str) -> list[str]:
        return texts_of("money", text)
    assert money("The rocket can haul up to 62,540 pounds (28,370 kilograms) to orbit.") == []
    assert money("The boxer weighed in at 147 pounds on Friday.") == []
    assert money("He was fined 5,000 pounds by the court.") == ["5,000 pounds"]
    assert money("The club paid 40 million pounds for the striker, who weighs 80 kg.") == [
        "40 million pounds"]


def test_a_number_in_a_name_with_an_apostrophe_is_no_count():
    def counts(text: str) -> list[str]:
        return texts_of("count", text)
    assert counts("China will launch the Chang'e 4 space mission in June.") == []
    assert counts("SpaceX's Falcon 9 rocket lifted off on time.") == []
    assert counts("Trump's 3 sons attended the rally.") == ["3 sons"]


def test_one_before_a_modal_verb_is_a_pronoun():
    # "the best telescope one can imagine", "as one would expect": nobody counted one thing.
    assert texts_of("count", "Not even with the best telescope one can imagine.") == []
    assert texts_of("count", "The hall was packed, as one would expect.") == []
    assert texts_of("count", "One man was arrested.") == ["One man"]


def test_a_capitalised_head_is_people_only_when_it_names_people():
    # "10 Americans", "700,000 Dreamers" count people; "9,000 Deferred Action for Childhood
    # Arrivals recipients" stops at "for" on a programme's name, which counts no people of
    # its own (it must not meet "300,000 people" as one count).
    from storydiff.core.facts.counted import what_of

    def what(text: str) -> str:
        q = find_quantities(text)[0]
        return what_of(q, text[q.number_end:q.end])
    assert what("Among the dead were 10 Americans.") == "people"
    assert what("Protections for 700,000 Dreamers were extended.") == "people"
    assert what("It protects 9,000 Deferred Action for Childhood Arrivals recipients.") != "people"
