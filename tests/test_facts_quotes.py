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


def test_one_sentence_quoted_in_other_words_inside_longer_quotes_is_a_conflict(write):
    """The sentence both outlets quote is reworded ("and we'll" / "We will"), each inside a
    longer quotation that goes on differently: one statement, misquoted."""
    from storydiff.core.model import FactStatus

    fact = _quote_fact(
        write,
        'The coach said: "We have lost at this ground before and we\'ll win here again. The fans deserve it."\n',
        'The coach said: "We have lost at this ground before. We will win here again by playing our game."\n')
    assert fact.status == FactStatus.CONFLICT


def test_a_sentence_of_a_long_quote_misquoted_by_another_outlet_is_a_conflict(write):
    from storydiff.core.model import FactStatus

    fact = _quote_fact(
        write,
        'A witness wrote: "The crane swung over the road and dropped its load near the bus stop. '
        'I ran."\n',
        'She wrote: "I was waiting for the 42 and the crane dropped its load right by the bus stop. '
        'Then everyone screamed and ran for cover across the square."\n')
    assert fact.status == FactStatus.CONFLICT


def test_two_statements_sharing_a_phrase_are_not_one_quote(write):
    from storydiff.core.report import compare

    report = compare([
        str(write("a.txt", 'The minister said: "We will rebuild the bridge before the winter."\n')),
        str(write("b.txt", 'The mayor said: "The bridge was closed for safety reasons last year."\n'))])
    assert [f for f in report.facts if f.kind == "quote"] == []


def test_a_quote_opened_curly_and_closed_straight_is_found():
    text = 'He said it would let them “stand apart from the new board coming in May." Then he left.'
    assert [q.text for q in find_quotes(text)] == ["stand apart from the new board coming in May."]


def test_a_quote_fact_is_labelled_in_the_writers_words(write):
    fact = _quote_fact(
        write,
        'The mayor said: "Our harbour will reopen before the summer season begins."\n',
        'The mayor said: "Our harbour will reopen before the summer season begins."\n')
    assert fact.label.startswith("Our harbour will reopen")


def test_an_outlets_style_is_no_misquote():
    from storydiff.core.facts.quotes import misquoted_any
    assert not misquoted_any("conservation & healthy herds are critical to the West",
                             "conservation and healthy herds are critical to the West")
    assert not misquoted_any("there is a two-in-three chance that we win the House",
                             "there is a 2 in 3 chance that we win the House")
    assert misquoted_any("build a powerful wall or steel barrier on the border",
                         "build a powerful wall or a steel barrier on the border")


def test_more_spellings_and_title_abbreviations_are_one_wording():
    assert norm("We analysed the centre's modelling of travellers") == \
        norm("We analyzed the center's modeling of travelers")
    assert norm("I feel badly for Gen. Flynn and Sen. Reid") == \
        norm("I feel badly for General Flynn and Senator Reid")
    assert norm("the workers were killed") != norm("the workers were kiled")  # a short stem stays


def test_a_contraction_spelt_out_is_no_misquote_but_a_dropped_word_still_is():
    from storydiff.core.facts.quotes import misquoted_any
    assert not misquoted_any("we've looked at every other ocean and it's not there",
                             "we have looked at every other ocean and it is not there")
    assert not misquoted_any("the mayor said he's determined to rebuild the pier",
                             "the mayor said he is determined to rebuild the pier")
    assert not misquoted_any("as I said before, you cannot close the port with a decree",
                             "as I said before, you can not close the port with a decree")
    assert misquoted_any("as I said before, you cannot close the port with a decree",
                         "as I said before, you can close the port with a decree")
    assert misquoted_any("we've looked at every other ocean around the continent",
                         "we've looked at every ocean around the continent")
    assert not misquoted_any("we are going to rebuild the pier and they are going to pay",
                             "we are gonna rebuild the pier and they are gonna pay")
    assert not misquoted_any("they keep on asking me about the pier every day",
                             "they keep on askin' me about the pier every day")
    assert misquoted_any("they keep on asking me about the pier every day",
                         "they keep on telling me about the pier every day")



def test_a_report_quoting_both_sentences_of_a_speech_misquotes_neither(write):
    # The paper quotes two lines of the speech, one of them as the wire does; its other line
    # shares "right here and right now" with the wire's, but it is another sentence.
    from storydiff.core.model import FactStatus
    from storydiff.core.report import compare

    report = compare([
        str(write("a.txt", 'The mayor said: "This harbour decline stops right here and stops '
                           'right now."\n')),
        str(write("b.txt", 'The mayor promised the decline "stops right here and stops right '
                           'now." Later she added: "That all changes starting right here and '
                           'right now."\n'))])
    assert not any(f.status == FactStatus.CONFLICT for f in report.facts if f.kind == "quote")
    # A line the paper words differently, with nothing else of the wire's line quoted
    # faithfully where they meet, is still misquoted.
    report = compare([
        str(write("a.txt", 'The mayor said: "Hello, my name is the Harbour Party and I have a '
                           'problem!" She went on: "I am addicted to spending."\n')),
        str(write("b.txt", 'The mayor said: "Hello, my name is the Harbour Party, and I got a '
                           'problem. I am addicted to spending and big government."\n'))])
    assert any(f.status == FactStatus.CONFLICT for f in report.facts if f.kind == "quote")
