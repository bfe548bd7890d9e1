"""Reading web pages: the story's text, its charset, its metadata, and pages with no story.

Every page here is made up for the test (a court hearing, a bus strike, a wildfire, an election count).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from storydiff.core.align.passages import segment
from storydiff.core.read.load import load_paths

COURT = [
    "A judge in Lyon on Tuesday postponed the trial of three former managers of a chemical plant.",
    "The defence asked for more time to study 4,000 pages of expert reports filed last month.",
    "Prosecutors said they would not oppose a delay of up to six weeks.",
    "The plant was shut in 2021 after a leak forced the evacuation of 1,200 residents.",
]


def page(paragraphs: list[str], *, head: str = "", body_attrs: str = "", title: str = "Trial postponed") -> str:
    ps = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<html><head>{head}<title>{title}</title></head><body {body_attrs}>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1>\n{ps}</article>"
            f"<footer>Copyright Example Media. All rights reserved.</footer></body></html>")


def _load(write, name, content):
    loaded = load_paths([str(write(name, content))])
    assert not loaded.errors, loaded.errors
    (article,) = loaded.articles
    return article, [p.text for p in segment(article)]


def test_a_body_whose_class_says_sidebar_still_gives_the_story(write):
    html = page(COURT, body_attrs='class="single-post has-sidebar layout-right-sidebar"')
    article, passages = _load(write, "court.html", html)
    for sentence in COURT:
        assert sentence in passages
    assert not any("Home" in p or "Copyright" in p for p in passages)


CYRILLIC = [
    "Забастовка водителей автобусов в Новосибирске продолжается третий день подряд.",
    "Профсоюз требует повысить зарплату на пятнадцать процентов и сократить смены.",
    "Мэрия заявила, что готова к переговорам, но не раньше следующей недели.",
    "Жителям города рекомендуют пользоваться метро и трамваями до конца забастовки.",
]


def test_a_declared_charset_is_honoured(write):
    html = page(CYRILLIC, head='<meta charset="windows-1251">', title="Забастовка продолжается")
    article, passages = _load(write, "strike.html", html.encode("cp1251"))
    assert CYRILLIC[1] in passages
    assert article.title == "Забастовка продолжается"


def test_a_lying_charset_does_not_garble_utf8(write):
    # The template says Latin-1; the bytes are UTF-8 (a CMS upgraded, the header was not).
    html = page(CYRILLIC, head='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    _, passages = _load(write, "strike.html", html.encode("utf-8"))
    assert CYRILLIC[0] in passages


def test_a_missing_charset_is_guessed(write):
    html = page(CYRILLIC * 3)
    _, passages = _load(write, "strike.html", html.encode("cp1251"))
    assert CYRILLIC[2] in passages


def test_title_site_name_date_and_url_come_from_the_page(write):
    head = ('<meta property="og:site_name" content="Valley Courier">'
            '<meta property="article:published_time" content="2025-08-14T06:30:00Z">'
            '<link rel="canonical" href="https://valleycourier.example/news/wildfire-evacuations">')
    fire = ["A wildfire north of the valley forced the evacuation of 300 homes overnight, officials said.",
            "Firefighters said the blaze had burned 2,400 hectares and was 10 percent contained.",
            "No injuries have been reported, the county sheriff said on Thursday morning."]
    article, passages = _load(write, "fire.html", page(fire, head=head, title="Wildfire forces evacuations"))
    assert article.title == "Wildfire forces evacuations"
    assert article.source == "Valley Courier"
    assert article.date == dt.date(2025, 8, 14)
    assert article.url == "https://valleycourier.example/news/wildfire-evacuations"
    assert fire[1] in passages


def test_a_page_with_no_article_is_one_line_naming_the_file(write):
    chrome = ("<html><head><title>Example News</title><script>var tracking = 1;</script></head><body>"
              "<a href='#main'>Skip to main content</a><nav>Home | World | Sport</nav>"
              "<div id='root'></div></body></html>")
    bad, good = write("empty.html", chrome), write("good.html", page(COURT))
    result = subprocess.run([sys.executable, "-m", "storydiff", "compare", str(bad), str(good), "-f", "json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "empty.html" in line]
    assert len(lines) == 1 and "no article text found" in lines[0]
    assert "Traceback" not in result.stderr
    assert "postponed the trial" in result.stdout


def test_a_doctype_internal_subset_never_leaks_as_title_or_passage(write):
    body = page(COURT).replace("<article>", "<div>").replace("</article>", "</div>")
    html = '<!DOCTYPE html [\n  <!ENTITY mdash "&#8212;">\n]>\n' + body
    article, passages = _load(write, "court.html", html)
    assert "]>" not in (article.title or "")
    assert not any("]>" in p for p in passages)
    assert COURT[0] in passages


def test_a_story_written_without_full_stops_is_still_an_article(write):
    # A live-blog transcript of 3,000 words and no stop: read as text (the check that used to
    # search it with one regular expression took seconds here and minutes at 20,000 words).
    words = " ".join(f"lap {n} the leader holds his line into the chicane" for n in range(300))
    article, _ = _load(write, "live.html", page([words]))
    assert "lap 299 the leader" in article.text


def test_a_sentence_needs_four_words_before_its_stop_to_make_a_short_page_an_article(write):
    article, _ = _load(write, "short.html", page(["Markets closed higher on Friday."]))
    assert "Markets closed higher on Friday." in article.text
    loaded = load_paths([str(write("menu.html", page(["Markets | Sport."], title="Index")))])
    assert not loaded.articles and "no article text" in loaded.errors[0].reason
