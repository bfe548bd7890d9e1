"""Reading articles: formats, encodings, metadata, boilerplate, sections."""

from __future__ import annotations

import datetime as dt
import json

from storydiff.core.read.load import load_paths
from storydiff.core.model import BlockKind
from storydiff.core.align.passages import segment

FLOOD = """Title: River bursts its banks in Valencia
Source: Example Herald
Date: 2024-10-30

River bursts its banks in Valencia

At least 51 people died after flash floods swept through the region on Tuesday, officials said.

Rescue teams were still searching for missing residents late on Wednesday.
"""


def _one(write, name, content):
    loaded = load_paths([str(write(name, content))])
    assert not loaded.errors, loaded.errors
    (article,) = loaded.articles
    return article


def test_header_lines_give_title_source_and_date(write):
    article = _one(write, "flood.txt", FLOOD)
    assert article.title == "River bursts its banks in Valencia"
    assert article.source == "Example Herald"
    assert article.date == dt.date(2024, 10, 30)


def test_title_repeated_as_first_body_line_is_one_headline_passage(write):
    doubled = FLOOD.replace("Valencia\n\n", "Valencia\n\nRiver bursts its banks in Valencia\n\n", 1)
    article = _one(write, "flood.txt", doubled)
    passages = segment(article)
    texts = [p.text for p in passages]
    assert texts.count("River bursts its banks in Valencia") == 1
    assert passages[0].kind == "heading"
    assert texts[1].startswith("At least 51 people died")


def test_inline_date_prefix_is_metadata_and_the_rest_is_prose(write):
    article = _one(write, "a.txt", " date 2023-03-14 Shares in Acme Corp fell 12% on Monday.\n")
    assert article.date == dt.date(2023, 3, 14)
    assert [p.text for p in segment(article)] == ["Shares in Acme Corp fell 12% on Monday."]


def test_byline_date_is_the_article_date(write):
    text = ("Quake shakes coastal towns\n\nBy Maria Lopez March 3, 2025\n\n"
            "A magnitude 6.1 earthquake struck.\n")
    article = _one(write, "q.txt", text)
    assert article.date == dt.date(2025, 3, 3)
    assert article.text[slice(*article.date_span)] == "March 3, 2025"


def test_earliest_header_date_wins_over_a_later_scrape_date(write):
    text = "July 27, 2025\n\nVoters head to the polls\n\nJan 23, 2025\n\nTurnout was high in the capital.\n"
    assert _one(write, "e.txt", text).date == dt.date(2025, 1, 23)


def test_a_second_report_with_its_own_dateline_is_a_section(write):
    text = (
        "Ministers met on Monday to discuss the budget.\n"
        "The talks ended without agreement.\n"
        "Analysts expect another round soon.\n"
        "The opposition criticised the plan.\n"
        "Parliament votes on budget after marathon session\n"
        "London (UPI) Feb 6, 2025 -\n"
        "Lawmakers approved the budget on Wednesday by 312 votes to 290.\n"
    )
    article = _one(write, "two.txt", text)
    assert len(article.sections) == 2
    second = article.sections[1]
    assert second.title == "Parliament votes on budget after marathon session"
    assert second.date == dt.date(2025, 2, 6)
    wednesday = article.text.index("Lawmakers")
    assert article.section_date(wednesday) == dt.date(2025, 2, 6)


def test_boilerplate_is_kept_in_text_but_never_a_passage(write):
    text = (
        "Storm hits the coast.\n\nShare on Facebook\n\nSubscribe Free To Our Daily Newsletters |\n\n"
        "Winds reached 120 km/h.\n\nRelated Links\nWeather News - Storms\nMore storms ahead\n"
    )
    article = _one(write, "s.txt", text)
    passages = [p.text for p in segment(article)]
    assert passages == ["Storm hits the coast.", "Winds reached 120 km/h."]
    assert "Share on Facebook" in article.text
    assert any(b.kind == BlockKind.BOILERPLATE for b in article.blocks)


def test_author_blurb_printed_twice_is_dropped(write):
    blurb = ("NewsBot writes short summaries of breaking news for busy readers who want the "
             "facts and nothing else, every day of the week.")
    text = f"Bridge closed\n\n{blurb}\n\nThe bridge closed after a crack was found.\n\n{blurb}\n"
    passages = [p.text for p in segment(_one(write, "b.txt", text))]
    assert blurb not in passages
    assert "The bridge closed after a crack was found." in passages


def test_html_keeps_article_text_and_drops_scripts_nav_and_comments(write):
    page = """<html><head><title>Fire at depot</title>
    <meta property="og:site_name" content="Daily Example">
    <meta property="article:published_time" content="2024-05-02T10:00:00Z">
    <script>alert('x')</script></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Fire at depot</h1><p>A fire broke out at a fuel depot on Thursday.</p>
    <p>Three workers were treated for smoke inhalation.</p>
    <ul><li>Road 12 closed</li><li>Residents told to keep windows shut</li></ul>
    <div class="comments">Great article! First!</div></article>
    <footer>Copyright Example</footer></body></html>"""
    article = _one(write, "fire.html", page)
    assert article.title == "Fire at depot"
    assert article.source == "Daily Example"
    assert article.date == dt.date(2024, 5, 2)
    passages = [p.text for p in segment(article)]
    assert "Three workers were treated for smoke inhalation." in passages
    assert [p.kind for p in segment(article) if "Road 12" in p.text] == ["list"]
    assert not any("alert" in p or "Home" in p or "First!" in p or "Copyright" in p for p in passages)


def test_json_and_jsonl_records(write):
    records = [{"title": "A", "body": "Prices rose 3% in May.", "source": {"name": "Wire"},
                "published": "2024-06-01"},
               {"text": "Prices rose 2.9% in May, the agency said.", "outlet": "Paper"}]
    json_path = write("batch.json", json.dumps(records))
    jsonl_path = write("feed.jsonl", "\n".join(json.dumps(r) for r in records))
    loaded = load_paths([str(json_path), str(jsonl_path)])
    assert not loaded.errors
    assert len(loaded.articles) == 4
    assert loaded.articles[0].source == "Wire"
    assert loaded.articles[0].date == dt.date(2024, 6, 1)
    assert len({a.id for a in loaded.articles}) == 4


def test_jsonl_with_a_broken_line_loads_the_rest_and_names_the_line(write):
    path = write("feed.jsonl", '{"text": "One."}\n{broken\n{"text": "Three."}\n')
    loaded = load_paths([str(path)])
    assert len(loaded.articles) == 2
    (error,) = loaded.errors
    assert error.path.endswith("feed.jsonl:2")
    assert "JSON" in error.reason


def test_encodings_utf16_bom_utf8_bom_and_cp1252(write):
    text = "The minister said \u201cno comment\u201d on Friday."
    paths = [
        write("u16.txt", text.encode("utf-16")),
        write("u16le.txt", text.encode("utf-16-le")),
        write("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        write("win.txt", text.encode("cp1252")),
    ]
    loaded = load_paths([str(p) for p in paths])
    assert not loaded.errors
    assert all(a.text == text for a in loaded.articles)


def test_folder_loads_article_files_sorted_and_skips_others(write):
    write("b.txt", "Second article text here.")
    a = write("a.md", "First article text here.")
    write("notes.csv", "x,y")
    write(".hidden.txt", "hidden")
    loaded = load_paths([str(a.parent)])
    assert [x.id for x in loaded.articles] == ["a", "b"]


def test_bad_files_are_reported_and_skipped(write, tmp_path):
    good = write("good.txt", "Fine text.")
    empty = write("empty.txt", "")
    png = write("pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    loaded = load_paths([str(good), str(empty), str(png), str(tmp_path / "missing.txt")])
    assert [a.id for a in loaded.articles] == ["good"]
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in loaded.errors}
    assert reasons["empty.txt"] == "empty file"
    assert "PNG" in reasons["pic.txt"]
    assert reasons["missing.txt"] == "no such file or folder"


def test_control_characters_and_ansi_escapes_are_stripped(write):
    article = _one(write, "x.txt", "Red \x1b[31malert\x1b[0m and bell\x07 and \x1b]52;c;SGVsbG8=\x07clip.")
    assert article.text == "Red alert and bell and clip."


def test_passages_index_the_article_text(write):
    article = _one(write, "flood.txt", FLOOD)
    for passage in segment(article):
        assert article.text[passage.start:passage.end] == passage.text


def test_lower_case_header_lines_are_not_joined_as_wrapped_text(write):
    text = ("title: Dam holds after storm\nsource: Valley Post\ndate: May 2, 2024\n\n"
            "The dam held, engineers said.\n")
    article = _one(write, "d.txt", text)
    assert (article.title, article.source, article.date) == ("Dam holds after storm", "Valley Post",
                                                             dt.date(2024, 5, 2))


def test_hard_wrapped_paragraph_is_joined_into_sentences(write):
    text = ("Heavy rain forced the closure of\nthree schools on Tuesday, and the\n"
            "council warned of more floods.\n")
    passages = segment(_one(write, "w.txt", text))
    assert len(passages) == 1
    assert passages[0].text.endswith("more floods.")


def test_inline_dateline_is_metadata_and_names_the_agency(write):
    text = "Storm closes ports\n\nMANILA (Reuters) - A typhoon closed ports across the north on Sunday.\n"
    article = _one(write, "t.txt", text)
    assert article.source == "Reuters"
    assert [p.text for p in segment(article)][1] == "A typhoon closed ports across the north on Sunday."


def test_european_and_iso_slash_dates(write):
    assert _one(write, "a.txt", "Date: 21.01.2024\n\nText here.").date == dt.date(2024, 1, 21)
    assert _one(write, "b.txt", "Date: 2024/01/21\n\nText here.").date == dt.date(2024, 1, 21)


def test_timestamp_lines_give_the_date(write):
    for line, expected in [("Updated 4:37 PM EST, November 17, 2026", dt.date(2026, 11, 17)),
                           ("Published Tue, Nov 17 2026 3:58 PM EST", dt.date(2026, 11, 17)),
                           ("Mon 28 Sep 2026 09.12 BST", dt.date(2026, 9, 28)),
                           ("E24 / NTB, 05.10.2026", dt.date(2026, 10, 5))]:
        text = f"Port strike ends\n\n{line}\n\nDockers returned to work on Monday.\n"
        article = _one(write, "ts.txt", text)
        assert article.date == expected, line
        assert [p.text for p in segment(article)][-1] == "Dockers returned to work on Monday."


def test_yearless_wire_dateline_takes_its_year_from_the_batch(write):
    wire = write("wire.txt",
                 "JAKARTA, Dec 31 (Reuters) - A ferry sank off Sulawesi on Tuesday, officials said.")
    paper = write("paper.txt", "Date: 2027-01-01\n\nA ferry sank off Sulawesi, officials said.")
    loaded = load_paths([str(wire), str(paper)])
    by_id = {a.id: a for a in loaded.articles}
    assert by_id["wire"].date == dt.date(2026, 12, 31)
    assert by_id["wire"].source == "Reuters"


def test_a_sentence_reprinted_as_a_caption_keeps_the_story_copy(write):
    lede = ("The county fire service says the blaze 'spread through the roof space' but no one was "
            "hurt at about 3am.")
    text = (f"Warehouse fire\n\nA warehouse burned overnight.\n{lede}\nCrews stayed all morning.\n"
            f"Scroll down for video\n{lede[:-1]}\nThe cause is under investigation.\n")
    passages = [p.text for p in segment(_one(write, "fire.txt", text))]
    assert passages.count(lede) == 1
