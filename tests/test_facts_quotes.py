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


# --- a statement quoted in different words is a conflict (quotes are meant verbatim) -------

def _quote_fact(write, one: str, other: str):
    from storydiff.core.report import compare

    report = compare([str(write("a.txt", one)), str(write("b.txt", other))])
    [fact] = [f for f in report.facts if f.kind == "quote"]
    return fact


def test_a_judge_quoted_in_different_words_by_two_outlets_is_a_conflict(write):
    from storydiff.core.model import FactStatus

    fact = _quote_fact(
        write,
        'The judge told the court: "The defendant showed no remorse for two or three years."\n',
        'The judge said: "The defendant showed no remorse for two to three years."\n')
    assert fact.status == FactStatus.CONFLICT


def test_a_quote_cut_shorter_or_run_longer_is_not_a_misquote(write):
    from storydiff.core.model import FactStatus

    fact = _quote_fact(
        write,
        'The fire chief said: "We will rebuild the station on Elm Road by the spring."\n',
        'The chief promised: "We will rebuild the station on Elm Road."\n')
    assert fact.status != FactStatus.CONFLICT


def test_editors_brackets_and_hyphens_are_not_misquotes(write):
    from storydiff.core.model import FactStatus

    bracket = _quote_fact(
        write,
        'The coach said: "I trust Okafor, he is a terrific striker and a fine captain."\n',
        'The coach said: "I trust [Okafor] he is a terrific striker and a fine captain."\n')
    hyphen = _quote_fact(
        write,
        'The mayor said: "It is a long-term plan for the whole harbour district."\n',
        'The mayor said: "It is a longterm plan for the whole harbour district."\n')
    assert bracket.status != FactStatus.CONFLICT
    assert hyphen.status != FactStatus.CONFLICT
