"""Datelines are metadata; sentences that only look like them stay passages.

Sentences are made up (courts, fires, elections, earnings); the dateline shapes are those agencies use.
"""

from __future__ import annotations

import pytest
from storydiff.core.align.passages import segment
from storydiff.core.read.load import load_paths

FOLLOW = "A second sentence of the report follows here, as reports go."


def _read(write, line):
    loaded = load_paths([str(write("a.txt", f"Storm report\n\n{line}\n\n{FOLLOW}\n"))])
    (article,) = loaded.articles
    return article, [p.text for p in segment(article)]


@pytest.mark.parametrize("line, rest, agency", [
    ("WASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday.",
     "The Federal Reserve held interest rates steady on Wednesday.", "Reuters"),
    ("KABUL, Afghanistan (AP) — Gunmen stormed a hotel in the capital late on Friday.",
     "Gunmen stormed a hotel in the capital late on Friday.", "AP"),
    ("LONDON, Jan 5 (AFP) - Britain's economy grew faster than expected in the fourth quarter.",
     "Britain's economy grew faster than expected in the fourth quarter.", "AFP"),
    ("(CNN) — A wildfire in southern California has burned 5,000 acres, officials said.",
     "A wildfire in southern California has burned 5,000 acres, officials said.", "CNN"),
    ("(CNN)A jury in Ohio found the former mayor guilty of bribery on Thursday.",
     "A jury in Ohio found the former mayor guilty of bribery on Thursday.", "CNN"),
    ("BERLIN (dpa) - Rail workers walked out on Monday in a dispute over pay.",
     "Rail workers walked out on Monday in a dispute over pay.", "dpa"),
])
def test_agency_datelines_are_metadata_and_name_the_agency(write, line, rest, agency):
    article, passages = _read(write, line)
    assert rest in passages
    assert not any(agency in p and "(" in p for p in passages)
    assert article.source == agency


@pytest.mark.parametrize("line", [
    "The Red Cross (ICRC) said the convoy was hit near the border.",
    "The World Health Organization (WHO) warned of a new outbreak in the region.",
    "Senator Mary Smith (R) voted against the bill on Tuesday.",
    "Acme Corp (ACME) reported quarterly earnings of $2.1 billion.",
    "The Electoral Commission (EC) said turnout reached 64 percent.",
])
def test_a_sentence_with_a_bracketed_abbreviation_stays_a_passage(write, line):
    article, passages = _read(write, line)
    assert line in passages
    assert article.source is None


def test_a_dateline_on_its_own_line_gives_the_agency_and_date(write):
    article, passages = _read(write, "Washington DC (UPI) Jan 23, 2024")
    assert article.source == "UPI"
    assert str(article.date) == "2024-01-23"
    assert passages == [FOLLOW] or passages[-1] == FOLLOW
    assert not any("UPI" in p for p in passages)
