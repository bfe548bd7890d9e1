"""Ages belong to a person, not to a surname: a father and a son are two people."""

from __future__ import annotations

from storydiff.core.model import FactStatus
from storydiff.core.report import compare


def _ages(write, one: str, other: str):
    head = "Title: Fraud case\nSource: {0}\nDate: 2025-05-04\n\n"
    report = compare([str(write("a.txt", head.format("Wire") + one + "\n")),
                      str(write("b.txt", head.format("Paper") + other + "\n"))])
    return [(f.status, sorted(m.text for m in f.mentions)) for f in report.facts
            if f.label.startswith("age of")]


def test_a_father_and_a_son_of_one_surname_have_two_ages(write):
    ages = _ages(write, "Tom Baker, 58, and his son Liam Baker, 23, were charged with fraud.",
                 "Liam Baker, 23, appeared in court with his father. Tom Baker, 58, said nothing.")
    assert (FactStatus.AGREE, ["58", "58"]) in ages
    assert (FactStatus.AGREE, ["23", "23"]) in ages
    assert not any(status == FactStatus.CONFLICT for status, _ in ages)


def test_a_bare_surname_is_the_one_person_of_that_name(write):
    ages = _ages(write, "Tom Baker, 58, was charged with fraud on Monday.",
                 "Baker, 61, denied the charges in court.")
    assert ages == [(FactStatus.CONFLICT, ["58", "61"])]


def test_a_bare_surname_beside_two_people_of_that_name_is_neither(write):
    ages = _ages(write, "Tom Baker, 58, was charged. His son, Liam Baker, 23, was released.",
                 "Baker, 58, denied the charges.")
    assert not any(status == FactStatus.CONFLICT for status, _ in ages)


def test_a_title_before_a_surname_is_not_a_first_name(write):
    ages = _ages(write, "President Baker, 58, spoke on Monday.", "Baker, 58, spoke on Monday.")
    assert ages == [(FactStatus.AGREE, ["58", "58"])]


def test_an_age_written_before_the_name_is_that_persons_age(write):
    ages = _ages(write, "The 64-year-old Morales said on Monday that he would not run again.",
                 "Mayor Ana Morales, 64, who has led the city since 2015, will not run again.")
    assert ages == [(FactStatus.AGREE, ["64", "64-year-old Morales"])]


def test_an_age_before_a_place_and_a_noun_is_not_a_persons(write):
    ages = _ages(write, "A 19-year-old Texas student died in the crash.",
                 "Texas, 19, was not a name here.")
    assert not any(status == FactStatus.CONFLICT for status, _ in ages)
    assert all("19-year-old Texas student" not in texts or len(texts) == 1 for _, texts in ages)


def test_an_age_at_some_event_is_not_a_persons_age_now(write):
    ages = _ages(write, "On Friday, Romero, 49, appeared set to win the post unopposed.",
                 "Born abroad, his rival Diaz moved to the country at age 13, his website says. "
                 "Romero, 49, is favoured.")
    assert not any(status == FactStatus.CONFLICT for status, _ in ages)


def test_an_age_in_a_relative_clause_is_that_persons_age(write):
    # "Baker, who was 58," is Baker's age, as "Baker, 58," is; never a count of 58.
    ages = _ages(write, "Tom Baker, who was 58, was charged with fraud on Monday.",
                 "Tom Baker, 58, denied the charges in court.")
    assert ages == [(FactStatus.AGREE, ["58", "58"])]
