"""Every article gets an outlet a reader knows, from the best evidence it offers.

Articles are made up (a port strike, a bank's earnings, a flood); the outlets and domains are real names.
"""

from __future__ import annotations

import json

import pytest
from storydiff.core.align.passages import segment
from storydiff.core.read.load import load_paths
from storydiff.core.read.outlets import domain_name

BODY = ("Dock workers at the port walked out on Monday over a pay dispute, the union said.\n\n"
        "Shipping lines diverted at least 14 vessels to other ports, officials said.\n")


def _outlet(write, name, content):
    loaded = load_paths([str(write(name, content))])
    assert not loaded.errors, loaded.errors
    (article,) = loaded.articles
    return article


@pytest.mark.parametrize("top, outlet", [
    ("title: Port strike\nsource: www.nytimes.com", "The New York Times"),
    ("title: Port strike\nsource: https://edition.cnn.com/2024/05/01/world/port-strike", "CNN"),
    ("title: Port strike\nsource: www.dailystar.com.lb", "dailystar.com.lb"),
    ("title: Port strike\nsource: Valley Courier", "Valley Courier"),
    ("title: Port strike\nurl: https://www.theguardian.com/world/2024/may/01/port-strike", "The Guardian"),
    ("title: Port strike\nurl: https://portnews.example.org/strike", "portnews.example.org"),
    ("Port strike\n\nBy bne IntelliNews January 21, 2024", "bne IntelliNews"),
    ("Port strike\n\nBy Associated Press", "Associated Press"),
    ("Port strike\n\nWASHINGTON (UPI) -- Dock workers walked out on Monday over pay, the union said.", "UPI"),
    ("Port strike\n\nLAGOS, May 1 (AFP) - Dock workers walked out on Monday over pay, the union said.", "AFP"),
])
def test_outlet_from_a_header_the_url_a_byline_or_a_dateline(write, top, outlet):
    article = _outlet(write, "000_8aea138c66b6ca61.txt", f"{top}\n\n{BODY}")
    assert article.outlet == outlet


def test_a_reporter_byline_is_not_preferred_over_a_dateline_agency(write):
    text = f"Port strike\n\nBy Jane Okafor\n\nLAGOS (Reuters) - Dock workers walked out on Monday, the union said.\n\n{BODY}"
    assert _outlet(write, "a.txt", text).outlet == "Reuters"


def test_the_file_stem_only_when_nothing_else_is_known(write):
    assert _outlet(write, "003_f5c7942e44b7ceb8.txt", f"Port strike\n\n{BODY}").outlet == "003_f5c7942e44b7ceb8"


def test_json_fields_and_page_site_names_give_the_outlet(write):
    record = {"text": BODY, "source": {"name": "Lagos Ledger"}, "url": "https://www.bbc.co.uk/news/x"}
    assert _outlet(write, "r.json", json.dumps(record)).outlet == "Lagos Ledger"
    record = {"text": BODY, "url": "https://www.bbc.co.uk/news/x"}
    assert _outlet(write, "r.json", json.dumps(record)).outlet == "BBC"
    page = ("<html><head><meta property='og:site_name' content='Harbour Times'><title>Strike</title></head>"
            f"<body><article>{''.join(f'<p>{p}</p>' for p in BODY.split(chr(10)) if p)}</article></body></html>")
    assert _outlet(write, "p.html", page).outlet == "Harbour Times"


def test_header_lines_are_metadata_not_passages(write):
    text = f"title: Port strike\nsource: www.npr.org\ndate: 2024-05-01\nurl: https://www.npr.org/x\n\n{BODY}"
    article = _outlet(write, "a.txt", text)
    passages = [p.text for p in segment(article)]
    assert not any(p.startswith(("title:", "source:", "date:", "url:")) for p in passages)
    assert article.text[article.body_start:].lstrip().startswith("Dock workers")


def test_bidi_overrides_in_title_and_outlet_are_neutralised(write):
    text = f"title: Strike \u202eekirts\u202c ends\nsource: Harbour \u202eTimes\n\n{BODY}"
    article = _outlet(write, "a.txt", text)
    assert "\u202e" not in article.title and "\u202e" not in article.outlet
    assert "\ufffd" in article.title and "\ufffd" in article.outlet


def test_domain_names():
    assert domain_name("www.washingtonpost.com") == "The Washington Post"
    assert domain_name("https://www.huffingtonpost.com.au/2017/12/26/x") == "HuffPost Australia"
    assert domain_name("Valley Courier") is None
