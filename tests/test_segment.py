"""Sentence splitting: where a news sentence ends and where it does not."""

from __future__ import annotations

from storydiff.core.align.passages import segment_text


def sentences(text: str) -> list[str]:
    return [p.text for p in segment_text(text)]


def test_abbreviations_do_not_end_a_sentence():
    text = "Four U.S. personnel were hurt at 6 p.m. local time. Gen. Smith and Dr. Jones spoke."
    assert sentences(text) == ["Four U.S. personnel were hurt at 6 p.m. local time.",
                               "Gen. Smith and Dr. Jones spoke."]


def test_dotted_abbreviation_before_a_name_stays_inside():
    assert len(sentences("The U.S. Central Command said the strike hit. It gave no toll.")) == 2


def test_dotted_abbreviation_can_end_a_sentence_before_an_opener():
    assert sentences("The talks ended at 9 p.m. The ministers left.") == [
        "The talks ended at 9 p.m.", "The ministers left."]


def test_month_abbreviations_and_decimals():
    assert sentences("On Jan. 20 the index rose 1.5 percent to 4,800.2 points. Traders cheered.") == [
        "On Jan. 20 the index rose 1.5 percent to 4,800.2 points.", "Traders cheered."]


def test_initials_in_names():
    assert len(sentences("John F. Kennedy Airport was closed. Flights resumed.")) == 2


def test_quoted_speech_with_attribution_after_it_is_one_sentence():
    text = '"We will rebuild," said the mayor. "It was terrible." Smith told reporters.'
    assert sentences(text) == ['"We will rebuild," said the mayor.',
                               '"It was terrible." Smith told reporters.']


def test_question_and_exclamation_marks_end_sentences():
    assert sentences("Was it safe? Nobody knew! Officials stayed silent.") == [
        "Was it safe?", "Nobody knew!", "Officials stayed silent."]


def test_lowercase_after_a_stop_does_not_split():
    assert len(sentences("The firm, valued at approx. five billion, was sold.")) == 1


def test_offsets_index_the_text():
    text = "  First one.   Second one?  "
    for p in segment_text(text):
        assert text[p.start:p.end] == p.text
