"""Datelines are metadata; sentences that only look like them stay passages.

Sentences are made up (courts, fires, elections, earnings); the dateline shapes are those agencies use.
"""

from __future__ import annotations

import datetime as dt
import json

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


# --- which date anchors "Saturday" and "yesterday": a dateline outranks a later page date ---

def _load(write, name, content):
    loaded = load_paths([str(write(name, content))])
    (article,) = loaded.articles
    return article


def test_a_dated_dateline_outranks_a_later_scrape_date(write):
    record = {"title": "Blast in Baghdad", "published": "2024-01-25",
              "body": "BAGHDAD, Jan. 21, 2024 (Reuters) - A car bomb killed nine people in a "
                      "market yesterday, police said."}
    article = _load(write, "scraped.json", json.dumps(record))
    assert (article.date, article.date_from) == (dt.date(2024, 1, 21), "dateline")
    assert article.section_date(article.text.index("yesterday")) == dt.date(2024, 1, 21)


def test_a_yearless_dateline_outranks_a_later_header_date(write):
    text = ("Date: 2024-01-25\n\nBAGHDAD, Jan 21 (Reuters) - A car bomb killed nine people in a "
            "market yesterday, police said.\n")
    article = _load(write, "wire.txt", text)
    assert (article.date, article.date_from) == (dt.date(2024, 1, 21), "dateline")
    assert article.text[slice(*article.sections[0].date_span)] == "Jan 21"


def test_a_page_date_stands_when_the_text_states_none_near_it(write):
    record = {"published": "2024-06-01",
              "body": "By Jane Doe March 3, 2023\n\nPrices rose 3% in May, the agency said."}
    article = _load(write, "page.json", json.dumps(record))
    assert (article.date, article.date_from) == (dt.date(2024, 6, 1), "metadata")
    # a later "updated" line does not move the date either
    record = {"published": "2024-06-01",
              "body": "Updated June 3, 2024 4:37 PM EST\n\nPrices rose 3% in May, the agency said."}
    article = _load(write, "updated.json", json.dumps(record))
    assert (article.date, article.date_from) == (dt.date(2024, 6, 1), "metadata")
    assert article.section_date(0) == dt.date(2024, 6, 1)


def test_the_report_says_what_anchored_each_articles_date(write):
    from storydiff.core.export.json import report_dict
    from storydiff.core.report import compare
    wire = write("wire.txt", "Date: 2024-01-25\n\nBAGHDAD, Jan 21 (Reuters) - A car bomb killed "
                 "nine people on Saturday, police said.\n")
    paper = write("paper.txt", "Date: 2024-01-21\n\nA car bomb killed nine people on Saturday, "
                  "police said.\n")
    report = report_dict(compare([str(wire), str(paper)]))
    assert {a["id"]: (a["date"], a["date_from"]) for a in report["articles"]} == {
        "wire": ("2024-01-21", "dateline"), "paper": ("2024-01-21", "header")}
