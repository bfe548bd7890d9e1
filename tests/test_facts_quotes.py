"""Quoted speech: found whole, and the same statement recognised across outlets."""

from __future__ import annotations

from storydiff.core.facts.quotes import find_quotes, normal_words, same_statements


def norm(text: str) -> str:
    return " ".join(normal_words(text))


def test_quotes_in_curly_and_straight_marks_of_four_words_or_more():
    text = ('“We will rebuild every home,” the mayor said. Residents called it "a disgrace" '
            'and "the worst flood in living memory".')
    assert [q.text for q in find_quotes(text)] == ["We will rebuild every home,",
                                                   "the worst flood in living memory"]


def test_british_and_american_spellings_are_one_wording():
    assert norm("We organised the defence") == norm("We organized the defense")


def test_a_quote_and_its_retyping_are_one_statement_and_another_quote_is_not():
    groups = same_statements([
        norm("We will rebuild every home the river took"),
        norm("We will rebuild every single home that the river took"),
        norm("The river took everything we had, and more"),
    ])
    assert sorted(sorted(g) for g in groups) == [[0, 1], [2]]


def test_a_fragment_of_a_longer_quote_is_the_same_statement():
    groups = same_statements([
        norm("Damage assessments are ongoing. A number of staff are being evaluated."),
        norm("A number of staff are being evaluated."),
    ])
    assert [sorted(g) for g in groups] == [[0, 1]]
