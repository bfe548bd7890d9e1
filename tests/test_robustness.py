"""Bad input: every file a scraper or inbox can produce gets a clear one-line answer.

Each test names an input from the reliability list in README.md and checks what
the user sees: the articles that load, and a one-line reason naming each file
that does not.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from storydiff.core.read import load as load_module
from storydiff.core.read.load import load_paths
from storydiff.core.report import compare
from storydiff.core.align.passages import segment

GOOD = "Flood waters rose on Monday. At least 12 people died, officials said."


def reasons(loaded) -> dict[str, str]:
    return {Path(e.path).name: e.reason for e in loaded.errors}


def test_whitespace_only_file(write):
    loaded = load_paths([str(write("blank.txt", "  \n\t\n "))])
    assert reasons(loaded) == {"blank.txt": "only white space"}


def test_gzip_given_as_an_article(write):
    loaded = load_paths([str(write("story.txt", gzip.compress(b"hello")))])
    assert "gzip" in reasons(loaded)["story.txt"]


def test_invalid_utf8_is_read_as_cp1252_not_a_crash(write):
    data = "Caf\u00e9 owners said \u201cno\u201d.".encode("cp1252") + b"\x81"
    loaded = load_paths([str(write("bad.txt", data))])
    assert not loaded.errors
    assert loaded.articles[0].text.startswith("Caf\u00e9 owners said \u201cno\u201d.")


def test_utf16_without_bom_big_endian(write):
    loaded = load_paths([str(write("be.txt", GOOD.encode("utf-16-be")))])
    assert loaded.articles[0].text == GOOD


def test_file_over_the_size_limit_is_refused_with_its_size(write, monkeypatch):
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1000)
    loaded = load_paths([str(write("huge.txt", "word " * 1000))])
    assert "too large" in reasons(loaded)["huge.txt"]


def test_a_jsonl_batch_may_be_larger_than_one_article_file(write, monkeypatch):
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1000)
    records = "\n".join(json.dumps({"text": f"Story {n}: " + "word " * 30}) for n in range(20))
    loaded = load_paths([str(write("feed.jsonl", records))])
    assert not loaded.errors
    assert len(loaded.articles) == 20


def test_one_line_of_a_megabyte_loads_and_compares(write):
    line = ("the council met on monday and agreed the budget " * 21000)[:1_000_000]
    report = compare([str(write("long.txt", line)), str(write("short.txt", GOOD))])
    assert len(report.articles) == 2
    assert report.passages["long"][0].text == line.strip()


def test_an_article_of_one_sentence(write):
    report = compare([str(write("one.txt", "Only this.")), str(write("two.txt", GOOD))])
    assert [p.text for p in report.passages["one"]] == ["Only this."]


def test_two_hundred_identical_articles_form_groups_of_two_hundred(write, tmp_path):
    folder = tmp_path / "same"
    for n in range(200):
        write(f"same/{n:03d}.txt", GOOD)
    report = compare([str(folder)])
    assert len(report.articles) == 200
    assert len(report.groups) == 2
    assert all(len(g.members) == 200 and g.status == "agree" for g in report.groups)


def test_folder_with_no_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    loaded = load_paths([str(tmp_path / "empty")])
    assert not loaded.articles
    assert "no article files" in loaded.errors[0].reason


def test_unreadable_file(write, monkeypatch):
    path = write("secret.txt", GOOD)
    real = os.open

    def deny(name, *args, **kwargs):
        if Path(name).name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(load_module.os, "open", deny)
    assert reasons(load_paths([str(path)])) == {"secret.txt": "permission denied"}


def test_symlink_loop_in_a_folder_is_reported_and_the_rest_loads(write, tmp_path):
    write("ok.txt", GOOD)
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.symlink(tmp_path, tmp_path / "again")  # a folder link back up: not followed
    loaded = load_paths([str(tmp_path)])
    assert [a.id for a in loaded.articles] == ["ok"]
    assert "link" in reasons(loaded)["loop.txt"]


def test_html_that_is_all_script_and_navigation(write):
    page = "<html><body><nav>Home | World</nav><script>var x = 1;</script></body></html>"
    assert "no article text" in reasons(load_paths([str(write("x.html", page))]))["x.html"]


@pytest.mark.parametrize("content, expected", [
    ("[1, 2, 3]", "expected an object"),
    ('{"headline": "no body"}', "no \"text\" or \"body\""),
    ("{not json", "not valid JSON"),
])
def test_json_with_the_wrong_shape(write, content, expected):
    loaded = load_paths([str(write("x.json", content))])
    assert not loaded.articles
    assert expected in loaded.errors[0].reason


def test_future_and_unparseable_dates(write):
    future = load_paths([str(write("f.txt", "Date: 2999-01-01\n\n" + GOOD))]).articles[0]
    assert future.date is not None and future.date.year == 2999
    odd = load_paths([str(write("o.txt", "Date: the day after tomorrow\n\n" + GOOD))]).articles[0]
    assert odd.date is None


def test_arabic_chinese_emoji_and_combining_marks(write):
    texts = {
        "ar.txt": "قال المسؤول إن الهجوم وقع يوم السبت. وأصيب أربعة جنود.",
        "zh.txt": "地震发生在周一。至少12人死亡。",
        "emoji.txt": "Fans cheered 🎉 as the team won. The coach said \u201cbravo\u201d.",
        "marks.txt": "Cafe\u0301 owners in Sa\u0303o Paulo protested. Police watched.",
    }
    report = compare([str(write(name, text)) for name, text in texts.items()])
    assert not report.errors
    assert [len(report.passages[Path(n).stem]) for n in texts] == [2, 2, 2, 2]


def test_markup_and_escapes_in_article_text_are_kept_literally_or_stripped(write):
    text = "Officials said [bold red]nothing[/] and [link=http://x]clicked[/link].\x1b[2J\x08 Done."
    article = load_paths([str(write("m.txt", text))]).articles[0]
    assert "[bold red]nothing[/]" in article.text
    assert "\x1b" not in article.text and "\x08" not in article.text
    assert all(article.text[p.start:p.end] == p.text for p in segment(article))


def test_cli_error_for_a_missing_file_is_one_line_and_no_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "storydiff", "compare", str(tmp_path / "nope.txt")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"storydiff: skipped {tmp_path / 'nope.txt'}: no such file or folder"
    assert "Traceback" not in result.stderr


def test_cli_skips_a_bad_file_and_reports_the_rest(write):
    good, bad = write("good.txt", GOOD), write("bad.txt", b"\x89PNG\r\n")
    result = subprocess.run([sys.executable, "-m", "storydiff", "compare", str(good), str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "bad.txt: binary file (a PNG image), not an article" in result.stderr
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["good"]
